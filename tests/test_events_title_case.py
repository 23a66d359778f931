"""Headlines in Title Case are coded as their sentence-case form is (``streams/extraction/truecase.py``).

Sentences are the team's own, written to show the phenomenon. spaCy's small model reads nearly every
capitalised word of a Title Case line as a proper noun, so before the truecaser these headlines gave no
act, a wrong one, or a source or target swallowing the verb ("World Bank Approves Loan" as one actor).
The guards: prose is never rewritten, a known name in a Title Case line stays a name, and every text a
record quotes is the original's (the parser's lower-cased copy never leaks into a record).
"""

from __future__ import annotations

import pytest

from conftest import text_events

# (sentence case, the PLOVER type it codes): each headline is also written in Title Case below
HEADLINES = [
    ("Indian police detain opposition leader ahead of rally", "COERCE"),
    ("Gunmen attack army convoy in northern Mali, killing six soldiers", "ASSAULT"),
    ("Rebels shell government positions near the border town", "ASSAULT"),
    ("Colombia signs peace accord with rebel group", "SUPPORT"),
    ("China accuses United States of meddling in its affairs", "ACCUSE"),
    ("Pakistan blames India for deadly border shelling", "ACCUSE"),
    ("European Union imposes new sanctions on Belarus", "COERCE"),
    ("Canada expels Russian diplomats over spying claims", "SANCTION"),
    ("Kenya deploys troops to the restive northern region", "MOBILIZE"),
    ("Prime minister praises aid workers for their courage", "SUPPORT"),
    ("Greece rejects Turkish demand to demilitarise islands", "REJECT"),
    ("Army seizes control of the capital in overnight coup", "COERCE"),
    ("World Bank approves loan to help Ghana rebuild roads", "AID"),
    # a plural the words table lists only in the singular ("jets", "targets") is lowered as its singular is
    ("Turkish jets pound militant hideouts in the mountains", "ASSAULT"),
]
NOT_POLITICAL = [
    "Stocks slump as oil prices climb to new high",
    "Marathon runner breaks course record in Berlin",
    "Storm brings snow and strong winds to the coast",
]
_SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by"}


def _every_word(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def _small_words_lower(text: str) -> str:
    words = text.split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _coded(text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source, target) of each typed event, texts case-folded: the Title Case line quotes its own casing."""
    return {(e["plover_type"], ((e["source"] or {}).get("text") or "").lower() or None,
             ((e["target"] or {}).get("text") or "").lower() or None)
            for e in text_events(text, "t-title-case") if e["plover_type"]}


@pytest.mark.parametrize("style", [_every_word, _small_words_lower], ids=["every-word", "small-words-lower"])
@pytest.mark.parametrize("sentence,plover", HEADLINES, ids=[h[0][:30] for h in HEADLINES])
def test_a_title_case_headline_codes_as_its_sentence_case_form(sentence: str, plover: str, style) -> None:
    expected = _coded(sentence)
    assert plover in {t for t, _, _ in expected}  # the sentence-case form is coded (else the test shows nothing)
    assert _coded(style(sentence)) == expected


@pytest.mark.parametrize("sentence", NOT_POLITICAL)
def test_a_title_case_headline_of_no_political_act_gives_no_typed_event(sentence: str) -> None:
    assert _coded(_every_word(sentence)) == set()


def test_a_title_case_headline_of_the_body_is_coded_and_the_prose_after_it_too() -> None:
    text = "Pakistan Blames India For Deadly Border Shelling\n\nThe foreign ministry in Islamabad said the shelling killed two villagers."
    events = text_events(text, "t-title-case-body")
    assert ("ACCUSE", "Pakistan", "India") in {(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}


def test_records_quote_the_original_casing() -> None:
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    text = "Indian Police Detain Opposition Leader Ahead Of Rally"
    art = CleanArticle(article_id="t-title-quote", body=text, title=text, content_hash=content_hash(text),
                       cleaner_version="test", input_format="text", language="en")
    record = extract(art)
    quoted = [(e[k] or {}).get("text") for e in record.events for k in ("source", "target", "action", "sentence")]
    quoted += [a for ent in record.enriched["entities"] for a in ent["aliases"]]
    quoted += [(v or {}).get("text") for v in record.enriched["main_event"].values()]
    assert record.events and len(list(filter(None, quoted))) >= 6
    for q in filter(None, quoted):
        assert q in text, q  # a lower-cased copy ("opposition leader") would not be found in the original
    assert ("Indian Police", "Opposition Leader") in {(e["source"]["text"], e["target"]["text"]) for e in record.events}


def test_a_known_name_in_a_title_case_line_stays_a_name() -> None:
    events = text_events("Turkey Accuses Greece Of Violating Airspace Over Aegean", "t-title-names")
    assert ("ACCUSE", "TUR", "GRC") in {(e["plover_type"], e["source"]["country"], (e["target"] or {}).get("country")) for e in events}
    events = text_events("White House Condemns Missile Strike On Hospital", "t-title-names")
    assert "White House" in {e["source"]["text"] for e in events if e["plover_type"]}


def test_prose_and_name_lists_are_never_rewritten() -> None:
    from streams.extraction.truecase import truecase

    for text in ("Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget.",
                 "The Supreme Court ruled on Tuesday that the Interior Ministry must publish the report.",
                 "By Maria Lopez and John Carter\nPolice said the two men were released on bail."):
        assert truecase(text) is text


def test_only_common_words_of_the_title_line_are_lowered_and_offsets_kept() -> None:
    from streams.extraction.truecase import truecase

    text = "Officials said little.\nTurkey And Jordan Sign Water Deal With Security Council Backing\nMore later."
    out = truecase(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert out.splitlines() == ["Officials said little.", "Turkey and Jordan sign water deal with Security Council backing", "More later."]


def test_the_restored_doc_has_the_original_words_and_the_sentence_case_reading() -> None:
    from streams.extraction.nlp import parse
    from streams.extraction.truecase import parse_truecased

    text = "Police Arrest Five Men After Clashes In Port City"
    doc = next(parse_truecased([text], parse))
    assert doc.text == text and [t.text for t in doc][:3] == ["Police", "Arrest", "Five"]
    assert doc[1].pos_ == "VERB" and doc[1].lemma_ == "arrest" and doc[1].dep_ == "ROOT"
