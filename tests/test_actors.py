"""Actor country and sector from a phrase alone (``lookup_actor``, ``describe``) and the reference data behind them."""

from __future__ import annotations

import pycountry
import pytest

from streams.extraction.actors import lookup_actor
from streams.extraction.gazetteer import common_words, name_key, person, places, table_rows
from streams.extraction.places import resolve_place
from streams.extraction.roles import describe, role_entry

CODES = {c.alpha_3 for c in pycountry.countries} | {"IGO", "NGO", "MNC", "IMG", "XKX"}


@pytest.mark.parametrize("word", ["Police", "Man", "Reading", "Split", "Mobile", "Gunmen", "Kim", "Officer", "Union", "Liberty"])
def test_common_nouns_are_no_towns(word: str) -> None:
    actor = lookup_actor(word)
    assert actor is None or actor.type != "GPE", actor
    assert actor is None or actor.country is None, actor


def test_real_cities_still_resolve() -> None:
    assert lookup_actor("Aleppo").country == "SYR"
    assert lookup_actor("Moscow").country == "RUS"
    assert resolve_place("in Kandahar")[0] == "AFG"
    assert resolve_place("Croydon, south London")[0] == "GBR"
    assert "police" in common_words() and "police" not in places()
    assert places()["washington"].kind == "capital"


@pytest.mark.parametrize(
    ("text", "canonical", "country", "sector"),
    [
        ("President Trump", "Donald Trump", "USA", "GOV"),
        ("Mr. Trump", "Donald Trump", "USA", "GOV"),
        ("Vladimir V. Putin", "Vladimir Putin", "RUS", "GOV"),
        ("Russian President Vladimir Vladimirovich Putin", "Vladimir Putin", "RUS", "GOV"),
        ("Nancy Pelosi", "Nancy Pelosi", "USA", "LEG"),
        ("House Speaker Nancy Pelosi", "Nancy Pelosi", "USA", "LEG"),
        ("Prime Minister Theresa May", "Theresa May", "GBR", "GOV"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV"),
        ("Bashar Assad", "Bashar al-Assad", "SYR", "ELI"),  # no article date: today, after his rule ended (Dec. 2024)
        ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "EGY", "GOV"),
        ("Kim Jong-un", "Kim Jong Un", "PRK", "GOV"),
        ("S. Jaishankar", "Subrahmanyam Jaishankar", "IND", "GOV"),
        ("Dutch Prime Minister Mark Rutte", "Mark Rutte", "NLD", "GOV"),
    ],
)
def test_people_behind_titles_initials_and_roles(text: str, canonical: str, country: str, sector: str) -> None:
    actor = lookup_actor(text)
    assert actor is not None and (actor.canonical, actor.country, actor.sector, actor.type) == (canonical, country, sector, "PERSON")


def test_a_surname_alone_needs_a_title_or_to_stand_alone() -> None:
    assert person("Trump") is not None and person("President Trump") is not None
    assert person("Ivanka Trump") is None
    assert person("the trump card") is None
    assert name_key("Vladimir V. Putin") == name_key("Vladimir Putin") == "vladimir putin"


def test_text_role_beats_gazetteer() -> None:
    assert lookup_actor("NATO Secretary General Mark Rutte").country == "IGO"


@pytest.mark.parametrize(
    ("text", "canonical", "country"),
    [("Israeli", "Israel", "ISR"), ("Zionist", "Israel", "ISR"), ("Israelis", "Israel", "ISR"), ("Americans", "United States", "USA")],
)
def test_demonyms_canonicalise_to_the_country(text: str, canonical: str, country: str) -> None:
    actor = lookup_actor(text)
    assert actor is not None and (actor.canonical, actor.country) == (canonical, country)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Israeli forces", "ISR", "MIL"),
        ("Israeli troops", "ISR", "MIL"),
        ("Israeli soldiers", "ISR", "MIL"),
        ("the Israeli army", "ISR", "MIL"),
        ("Iraqi police", "IRQ", "COP"),
        ("Kenyan policemen", "KEN", "COP"),
        ("Syrian rebels", "SYR", "REB"),
        ("Palestinian militants", "PSE", "REB"),
        ("Afghan insurgents", "AFG", "REB"),
        ("Kurdish fighters", None, "REB"),
        ("Gunmen", None, "REB"),
        ("Iranian protesters", "IRN", "CVL"),
        ("Egyptian court", "EGY", "JUD"),
        ("judges", None, "JUD"),
        ("Russian Defence Ministry", "RUS", "GOV"),
        ("the Turkish government", "TUR", "GOV"),
        ("Ukraine's military", "UKR", "MIL"),
        ("Iranian state media", "IRN", "JRN"),
        ("Pakistani authorities", "PAK", "GOV"),
        ("Hungarian lawmakers", "HUN", "LEG"),
        ("Obama administration", "USA", "GOV"),
        ("the Assad regime", "SYR", "GOV"),
        ("Kremlin spokesman", "RUS", "GOV"),
        ("Tigrayan rebels", "ETH", "REB"),
    ],
)
def test_sector_and_country_from_context(text: str, country: str | None, sector: str) -> None:
    actor = lookup_actor(text)
    assert actor is not None and (actor.country, actor.sector) == (country, sector), actor


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("UN", "IGO"), ("United Nations", "IGO"), ("UN Security Council", "IGO"), ("UN General Assembly", "IGO"),
        ("UNHCR", "IGO"), ("UN Human Rights Council", "IGO"), ("EU", "IGO"), ("European Commission", "IGO"),
        ("NATO", "IGO"), ("African Union", "IGO"), ("ASEAN", "IGO"), ("OPEC", "IGO"), ("WHO", "IGO"),
        ("IMF", "IGO"), ("World Bank", "IGO"), ("ICC", "IGO"), ("OSCE", "IGO"), ("ECOWAS", "IGO"),
        ("Red Cross", "NGO"), ("ICRC", "NGO"), ("Amnesty International", "NGO"), ("Doctors Without Borders", "NGO"),
    ],
)
def test_international_bodies(text: str, country: str) -> None:
    actor = lookup_actor(text)
    assert actor is not None and actor.country == country and actor.type == "ORG", actor


def test_describe_reads_roles_and_names() -> None:
    assert describe("Putin's spokesman") == ("RUS", "GOV")
    assert describe("former Iranian President") == ("IRN", "ELI")  # a state office held no longer: PLOVER ELI
    assert describe("the ex-minister") == (None, "ELI")
    assert describe("a former journalist")[1] == "JRN"  # only state offices become ELI
    assert describe("House Speaker") == ("USA", "LEG")
    assert role_entry("gunmen")[0] == "REB" and role_entry("militias")[0] == "REB"


@pytest.mark.parametrize("name", ["actors_people.tsv", "gazetteer_orgs.tsv", "gazetteer_demonyms.tsv", "gazetteer_places.tsv",
                                  "roles_sectors.tsv", "gazetteer_common_words.tsv"])
def test_data_files_carry_provenance(name: str) -> None:
    from importlib import resources

    text = resources.files("streams.data").joinpath(name).read_text("utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert header and any("source" in ln.lower() or "derived" in ln.lower() for ln in header)


def test_gazetteer_codes_are_iso3_or_igo_style() -> None:
    for row in table_rows("actors_people.tsv") + table_rows("gazetteer_orgs.tsv"):
        assert row[2] in CODES, row
    for row in table_rows("gazetteer_demonyms.tsv"):
        assert row[1] in CODES, row
    for row in table_rows("actors_people.tsv"):
        assert len(row) == 6 and row[4], row
