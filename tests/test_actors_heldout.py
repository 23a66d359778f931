"""Held-out-style check of actor countries on coded events, with sentences written for this test.

The owner scores source and target *country* of coded events on human-coded news
sentences naming real states, leaders and organisations. These sentences are
composed here (not taken from any dev set) in the same style: titles and roles
("House Speaker", "Foreign Minister"), middle initials, demonym + group nouns
("Israeli troops", "Syrian rebels"), international bodies, capitals used as
metonyms, and sentence-initial common nouns that are also town names ("Police").

Each row: sentence, expected source country, expected target country (ISO3 or
the project's IGO / NGO codes; None where the sentence names no country for
that role), and optionally the article's ``published_at`` where the answer
depends on the date (an office-holder's country or sector at that time; rows
without one are resolved at today's date, as an article without a date is). ``score()`` runs every sentence through ``streams.extraction.extract``
and compares the top event (highest confidence, first on ties) with them.
``python tests/test_actors_heldout.py`` prints the per-sentence table.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

CASES: list[tuple[str, str | None, str | None] | tuple[str, str | None, str | None, str]] = [
    ("President Trump threatened new tariffs on China on Monday.", "USA", "CHN"),
    ("Russian President Vladimir V. Putin met Turkish President Recep Tayyip Erdogan in Sochi on Tuesday.", "RUS", "TUR"),
    ("House Speaker Nancy Pelosi criticized the Chinese government over its crackdown in Hong Kong.", "USA", "CHN"),
    ("Belarusian police detained dozens of opposition supporters in Minsk.", "BLR", "BLR"),
    ("Israeli troops killed two Palestinian militants in the West Bank city of Jenin.", "ISR", "PSE"),
    ("Syrian rebels attacked Russian forces near Idlib overnight.", "SYR", "RUS"),
    ("UN Secretary-General Antonio Guterres urged Israel to allow aid into Gaza.", "IGO", "ISR"),
    ("NATO Secretary General Jens Stoltenberg warned Moscow against further escalation.", "IGO", "RUS"),
    ("German Chancellor Olaf Scholz welcomed French President Emmanuel Macron to Berlin.", "DEU", "FRA"),
    ("Chinese Foreign Minister Wang Yi met Indian External Affairs Minister Subrahmanyam Jaishankar for talks.", "CHN", "IND"),
    ("The European Union imposed sanctions on Iranian officials over the crackdown on protests.", "IGO", "IRN"),
    ("Prime Minister Narendra Modi praised Japan for its investment in Indian railways.", "IND", "JPN"),
    ("North Korea fired a ballistic missile toward Japan on Thursday.", "PRK", "JPN"),
    ("The International Monetary Fund approved a $3 billion loan for Pakistan.", "IGO", "PAK"),
    ("Ukrainian President Volodymyr Zelenskyy accused Russia of deliberately shelling civilians.", "UKR", "RUS"),
    ("Secretary of State Antony Blinken met Saudi Crown Prince Mohammed bin Salman in Riyadh.", "USA", "SAU"),
    ("Venezuelan opposition leader Juan Guaido called on the army to abandon Nicolas Maduro.", "VEN", "VEN"),
    ("Kremlin spokesman Dmitry Peskov rejected the accusations made by Washington.", "RUS", "USA"),
    ("Egyptian President Abdel Fattah el-Sisi hosted Palestinian President Mahmoud Abbas in Cairo.", "EGY", "PSE"),
    ("The World Health Organization sent medical supplies to Gaza.", "IGO", "PSE"),
    ("Pakistani Prime Minister Imran Khan accused India of violating the ceasefire in Kashmir.", "PAK", "IND"),
    ("Brazilian President Jair Bolsonaro criticised Argentina's new government.", "BRA", "ARG"),
    ("Hezbollah fired rockets at northern Israel on Sunday.", "LBN", "ISR"),
    ("Japanese Prime Minister Shinzo Abe met South Korean President Moon Jae-in in Tokyo.", "JPN", "KOR"),
    ("The African Union suspended Mali after the military coup.", "IGO", "MLI"),
    ("Mr. Netanyahu thanked President Biden for his support.", "ISR", "USA"),
    ("British Foreign Secretary Boris Johnson summoned the Russian ambassador.", "GBR", "RUS"),
    ("Indian troops clashed with Chinese soldiers along the disputed border.", "IND", "CHN"),
    ("The International Committee of the Red Cross urged Ethiopia to protect civilians in Tigray.", "NGO", "ETH"),
    ("Police arrested an Iranian journalist on Friday.", None, "IRN"),
    ("Iranian Foreign Minister Javad Zarif criticised European leaders for their silence.", "IRN", None),
    ("Turkish warplanes struck PKK targets in northern Iraq.", "TUR", "TUR"),
    ("Vladimir Putin signed a gas deal with Chinese President Xi Jinping.", "RUS", "CHN"),
    ("Senate Majority Leader Mitch McConnell blocked the bill backed by Democrats.", "USA", None),
    # names alone (no nationality adjective, no title): the people gazetteer must know them
    ("Sergei Lavrov accused Washington of meddling in the election.", "RUS", "USA"),
    ("Nancy Pelosi met Taiwanese President Tsai Ing-wen in Taipei.", "USA", "TWN"),
    ("Jens Stoltenberg praised Finland for its decision to join the alliance.", "IGO", "FIN", "2023-04-05T09:00:00Z"),
    ("Mike Pompeo accused Iran of attacking oil tankers in the Gulf of Oman.", "USA", "IRN"),
    ("Ursula von der Leyen promised more aid to Ukraine.", "IGO", "UKR"),
    ("Kim Jong Un threatened the United States with a nuclear strike.", "PRK", "USA"),
    ("Justin Trudeau expelled an Indian diplomat on Monday.", "CAN", "IND"),
    ("Viktor Orban met Vladimir Putin in Moscow.", "HUN", "RUS"),
    ("Rishi Sunak pledged support to Volodymyr Zelensky.", "GBR", "UKR"),
    ("Ebrahim Raisi warned Israel against attacking Iranian nuclear sites.", "IRN", "ISR"),
    ("Speaker Kevin McCarthy invited Benjamin Netanyahu to address Congress.", "USA", "ISR"),
    ("Israelis protested against the government's judicial overhaul in Tel Aviv.", "ISR", "ISR"),
    ("Gunmen attacked a Pakistani army convoy in Balochistan.", None, "PAK"),
    ("Narendra Modi hosted Anthony Albanese in New Delhi.", "IND", "AUS"),
    ("Abiy Ahmed rejected the demands of Tigrayan rebels.", "ETH", "ETH"),
    ("Police fired tear gas at thousands of protesters.", None, None),
]


def _top(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not events:
        return None
    order = {id(e): i for i, e in enumerate(events)}
    return max(events, key=lambda e: (e["confidence"], -order[id(e)]))


def run() -> list[tuple[str, str | None, str | None, str | None, str | None, str, str]]:
    """Per sentence: (text, expected src, expected tgt, got src, got tgt, src text, tgt text)."""
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    rows = []
    for i, (text, src, tgt, *published) in enumerate(CASES):
        art = CleanArticle(article_id=f"heldout-{i}", body=text, content_hash=content_hash(text),
                           cleaner_version="test", input_format="text", language="en", published_at=(published or [None])[0])
        top = _top(extract(art).events)
        s = (top or {}).get("source") or {}
        t = (top or {}).get("target") or {}
        rows.append((text, src, tgt, s.get("country"), t.get("country"), s.get("text") or "", t.get("text") or ""))
    return rows


def score(rows) -> dict[str, float]:
    n = len(rows)
    src = sum(r[1] == r[3] for r in rows) / n
    tgt = sum(r[2] == r[4] for r in rows) / n
    return {"source_country": round(src, 3), "target_country": round(tgt, 3), "both": round((src + tgt) / 2, 3), "n": n}


@pytest.fixture(scope="module")
def rows():
    return run()


def test_heldout_style_actor_countries(rows) -> None:
    result = score(rows)
    assert result["source_country"] >= 0.85, (result, [r for r in rows if r[1] != r[3]])
    assert result["target_country"] >= 0.75, (result, [r for r in rows if r[2] != r[4]])


def test_no_country_from_common_noun_town_names(rows) -> None:
    """"Police" is a town in Poland, but a sentence-initial "Police" is the police."""
    for text, _, _, got_src, _, src_text, _ in rows:
        if text.startswith("Police"):
            assert got_src != "POL", (text, src_text)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    out = run()
    for text, es, et, gs, gt, st, tt in out:
        flag = ("ok " if es == gs else "SRC") + ("/ok " if et == gt else "/TGT")
        print(f"{flag} {es}->{gs} {et}->{gt} | S {st!r} T {tt!r} | {text[:80]}")
    print(score(out))
