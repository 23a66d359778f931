"""Main event of the seed article, and bad input: a valid record with a reason, never an exception."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from streams.extraction import extract
from streams.extraction.nlp import load_nlp
from streams.records import CleanArticle
from streams.schemas import errors_in

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extraction"
PUB = "2024-03-27T10:00:00Z"


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return load_nlp()


def _article(body: str, title: str | None = None, published_at: str | None = PUB, language: str | None = "en") -> CleanArticle:
    return CleanArticle(article_id="t1", body=body, content_hash=hashlib.sha256(body.encode()).hexdigest(), cleaner_version="test", input_format="text", title=title, language=language, published_at=published_at)


def _seed(repaired: bool) -> CleanArticle:
    text = (FIXTURES / "seed-article.txt").read_text("utf-8")
    if repaired:
        text = text.replace("Khameneireiterated", "Khamenei reiterated").replace("PalestineGaza", "Palestine Gaza").replace("AbdulahianIn", "Abdulahian In")
    return _article(text, title=text.splitlines()[0])


@pytest.mark.parametrize("repaired", [False, True])
def test_seed_main_event(repaired: bool) -> None:
    rec = extract(_seed(repaired)).enriched
    assert errors_in("enriched_article", rec) == []
    ev = rec["main_event"]
    by_id = {e["id"]: e for e in rec["entities"]}
    assert by_id[ev["who"]["entity"]]["canonical"] == "Ali Khamenei"
    assert "support" in ev["what"]["text"]
    assert by_id[ev["whom"]["entity"]]["canonical"] in ("Hamas", "Ismail Haniyeh")
    assert ev["when"] == {"text": "this Tuesday", "resolved": "2024-03-26"}
    assert ev["where"]["text"].startswith("Tehran") and ev["where"]["country"] == "IRN" and ev["where"]["lat"] is not None
    assert ev["sentence"]["index"] >= 0 and "support for Hamas" in ev["sentence"]["text"]


def test_without_published_at_relative_date_stays_null() -> None:
    art = _seed(True)
    art.published_at = None
    ev = extract(art).enriched["main_event"]
    assert ev["when"]["text"] == "this Tuesday" and ev["when"]["resolved"] is None


def test_title_and_lead_choose_the_event() -> None:
    body = (
        "Police in Lyon said on Monday that a bridge had been closed for repairs.\n\n"
        "Separately, the Brazilian government announced on Tuesday in Brasilia that it would raise the minimum wage. "
        "The Brazilian government said the raise takes effect next year."
    )
    rec = extract(_article(body, title="Brazil raises minimum wage", published_at="2024-03-27T10:00:00Z")).enriched
    ev = rec["main_event"]
    assert "government" in ev["who"]["text"].lower() or "brazil" in ev["who"]["text"].lower()
    assert ev["where"]["country"] == "BRA"
    assert ev["when"]["resolved"] == "2024-03-26"


def _when(body: str, title: str, published_at: str | None = "2016-11-10T14:00:00Z") -> dict | None:
    rec = extract(_article(body, title=title, published_at=published_at)).enriched
    assert errors_in("enriched_article", rec) == []
    return rec["main_event"]["when"]


def test_dateline_date_is_the_when() -> None:
    when = _when("LONDON, Nov 9 (Reuters) - Britain's central bank raised interest rates, the governor said. Markets fell sharply.", "Bank of England raises rates")
    assert when == {"text": "Nov 9", "resolved": "2016-11-09"}


def test_no_stated_time_falls_back_to_publication_date_labelled() -> None:
    body = "The mayor of Paris opened a new bridge over the Seine. Crowds gathered to watch the ceremony."
    assert _when(body, "Paris opens bridge") == {"text": "publication date", "resolved": "2016-11-10", "source": "published_at"}
    assert _when(body, "Paris opens bridge", published_at=None) is None
    assert _when(body, "Paris opens bridge", published_at="not a date") is None


def test_background_date_deep_in_the_body_does_not_beat_publication() -> None:
    body = " ".join(["The mayor of Paris opened a new bridge over the Seine."] + ["Officials praised the engineers who built it over several years."] * 20 + ["On Sunday, the city of Lyon also opened a park."])
    assert _when(body, "Paris opens bridge")["source"] == "published_at"


def test_stated_vague_time_is_kept_unresolved() -> None:
    when = _when("The mayor of Paris opened a new bridge over the Seine last month. Crowds gathered to watch.", "Paris opens bridge")
    assert when == {"text": "last month", "resolved": None}


def test_weekday_tied_to_another_event_is_not_resolved_against_publication() -> None:
    when = _when("The auditor wrote to the council on the Friday before the vote that the ledgers were in order. The mayor's office welcomed it.", "Auditor clears mayor")
    assert when["resolved"] is None and "source" not in when


BAD = {
    "empty": ("", None),
    "whitespace": (" \n\n\t ", None),
    "punctuation": ("... !!! ??? --- ***", None),
    "one_token_1MB": ("x" * 1_000_000, None),
    "only_numbers": (" ".join(str(i) for i in range(20000)), None),
    "german": ("Die Bundesregierung hat am Dienstag in Berlin beschlossen, die Hilfe für die Ukraine weiter zu erhöhen. Der Kanzler sagte, man werde die Partner nicht im Stich lassen.", None),
    "declared_french": ("Le président a dit que la guerre était finie.", "fr"),
    "two_words": ("hello world", None),
    "control_chars": ("\x00\x01\x02 Hamas \x7f\ufeff Iran \u200b", None),
    "no_verbs": ("Iran. Hamas. Israel. Gaza. Tehran. United States. Hezbollah.", None),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gives_valid_record_with_reason(name: str) -> None:
    body, language = BAD[name]
    started = time.perf_counter()
    out = extract(_article(body, language=language))
    assert time.perf_counter() - started < 10
    rec = out.enriched
    assert errors_in("enriched_article", rec) == []
    assert rec["skipped_reason"] is not None or rec["main_event"] is None or rec["main_event"]["who"] is not None
    if rec["skipped_reason"] is not None:
        assert rec["entities"] == [] and rec["main_event"] is None and out.events == []


def test_long_text_is_truncated_with_a_warning() -> None:
    body = "The minister said the talks in Geneva would continue next week. " * 2000  # ~130k chars
    started = time.perf_counter()
    rec = extract(_article(body)).enriched
    assert time.perf_counter() - started < 30
    assert errors_in("enriched_article", rec) == []
    assert rec["skipped_reason"] is None
    assert any(w.startswith("truncated_at_") for w in rec["warnings"])


def test_huge_title_is_bounded() -> None:
    rec = extract(_article("The minister said the talks in Geneva would continue next week.", title="T" * 2_000_000)).enriched
    assert errors_in("enriched_article", rec) == []


try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    given = None

if given is not None:

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(body=st.text(max_size=300), title=st.one_of(st.none(), st.text(max_size=80)), pub=st.one_of(st.none(), st.sampled_from([PUB, "garbage", "2016-11-09 00:00:00"])))
    def test_arbitrary_text_never_raises(body: str, title: str | None, pub: str | None) -> None:
        rec = extract(_article(body, title=title, published_at=None if pub == "garbage" else pub, language=None)).enriched
        assert errors_in("enriched_article", rec) == []
