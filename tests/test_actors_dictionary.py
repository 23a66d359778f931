"""Actors from the field's dictionaries (``streams.extraction.actor_dictionary``) and their use by the entity stage.

Sentences are written for these tests. They check what the dictionaries add over the project's own
gazetteers: dated office (GOV only during the term), aliases, international bodies, armed groups, generic
agents with the country of a modifier, the flag for articles without a date, and that unknown names keep
the entity stage's own typing.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from streams.extraction.actor_dictionary import actor_date, actor_key, agent_actor, code_parts, named_actor
from streams.extraction.entities import resolve_entities
from streams.extraction.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
D = datetime.date


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


# --- dated codes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "when", "country", "sector", "source"),
    [
        ("Barack Obama", D(2012, 3, 1), "USA", "GOV", "phoenix-countries"),  # in office; before the horizon
        ("Barack Obama", D(2019, 3, 1), "USA", "ELI", "people-gazetteer"),  # after his term; after the horizon
        ("Hosni Mubarak", D(2006, 6, 1), "EGY", "GOV", "phoenix-countries"),
        ("Hosni Mubarak", D(2012, 6, 1), "EGY", "ELI", "phoenix-countries"),  # the dictionary's own ELI after 2011
        ("Leonid Kuchma", D(1999, 1, 1), "UKR", "GOV", "phoenix-countries"),  # dictionary only
        ("Leonid Kuchma", D(2008, 1, 1), "UKR", "ELI", "phoenix-countries"),
        ("Donald Trump", D(2018, 5, 1), "USA", "GOV", "people-gazetteer"),
        ("Donald Trump", D(2022, 5, 1), "USA", "ELI", "people-gazetteer"),  # between his two terms
        ("Donald Trump", D(2025, 5, 1), "USA", "GOV", "people-gazetteer"),
        ("Jens Stoltenberg", D(2019, 5, 1), "IGO", "MIL", "people-gazetteer"),  # NATO Secretary General then
        ("Jens Stoltenberg", D(2025, 5, 1), "NOR", "GOV", "people-gazetteer"),  # Norway's minister again
        ("Ban Ki-moon", D(2005, 5, 1), "KOR", "GOV", "phoenix-countries"),
        ("Ban Ki-moon", D(2011, 5, 1), "IGO", "GOV", "phoenix-international"),
    ],
)
def test_office_holders_are_coded_for_their_term(name: str, when: datetime.date, country: str, sector: str, source: str) -> None:
    info = named_actor(name, when)
    assert info is not None and (info.country, info.sector, info.source) == (country, sector, source), info
    assert "date_unresolved" not in info.flags


def test_a_dictionary_person_outside_every_range_is_no_actor() -> None:
    """No range holds the date and the record names no default: the dictionary codes nothing (its null code),
    so a namesake in a later article is not given that person's country."""
    assert named_actor("Nur Mohammad Taraki", D(1979, 1, 1)).country == "AFG"
    assert named_actor("Nur Mohammad Taraki", D(2016, 1, 1)) is None


def test_before_any_term_the_country_stays_and_the_sector_goes() -> None:
    info = named_actor("Barack Obama", D(2004, 1, 1))
    assert info is not None and info.country == "USA" and info.sector is None and "out_of_term" in info.flags


def test_without_a_date_ranges_resolve_against_today_and_say_so() -> None:
    dated = named_actor("Donald Trump", None)
    today = named_actor("Donald Trump", datetime.datetime.now(datetime.timezone.utc).date())
    assert dated is not None and today is not None and "date_unresolved" in dated.flags and not today.flags
    assert (dated.canonical, dated.code, dated.country, dated.sector) == (today.canonical, today.code, today.country, today.sector)
    undated = named_actor("Boko Haram", None)  # no date range: nothing depended on the date
    assert undated is not None and "date_unresolved" not in undated.flags


def test_actor_date_reads_published_at() -> None:
    assert actor_date("2019-04-02T08:30:00Z") == D(2019, 4, 2)
    assert actor_date("2019-04-02") == D(2019, 4, 2)
    assert actor_date(datetime.datetime(2020, 1, 2, 3, 4)) == D(2020, 1, 2)
    assert actor_date(None) is None and actor_date("sometime last spring") is None


# --- names, aliases, bodies, groups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("President Obama", "Barack Obama"), ("Mr. Obama", "Barack Obama"), ("Barack H. Obama", "Barack Obama"),
     ("the Obama administration", "Barack Obama"), ("Russian President Vladimir Putin", "Vladimir Putin")],
)
def test_aliases_and_titles_reach_the_same_actor(text: str, canonical: str) -> None:
    info = named_actor(text, D(2013, 1, 1))
    assert info is not None and info.canonical == canonical, info


@pytest.mark.parametrize(
    ("text", "label", "country", "sector", "code_prefix"),
    [
        ("NATO", "ORG", "IGO", "GOV", "IGO"),
        ("North Atlantic Treaty Organization", "ORG", "IGO", "GOV", "IGO"),
        ("Amnesty International", "ORG", "NGO", "SOC", "NGO"),
        ("Toyota", "ORG", "MNC", "BUS", "MNC"),
        ("Boko Haram", "ORG", "NGA", "REB", "NGAREB"),
        ("Hezbollah", "ORG", "LBN", "REB", "LBNREB"),
        ("Al-Qa'ida", "ORG", "IMG", "REB", "IMG"),
        ("al Qaeda", "ORG", "IMG", "REB", "IMG"),
        ("Pentagon", "ORG", "USA", "MIL", "USAMIL"),
        ("Kabul", "GPE", "AFG", None, "AFG"),
        ("Afghan", "NORP", "AFG", None, "AFG"),
        ("U.S.", "GPE", "USA", None, "USA"),
    ],
)
def test_bodies_groups_and_states(text: str, label: str, country: str, sector: str | None, code_prefix: str) -> None:
    info = named_actor(text, D(2014, 6, 1), label=label)
    assert info is not None and (info.country, info.sector) == (country, sector) and info.code.startswith(code_prefix), info


def test_labels_keep_people_and_places_apart() -> None:
    assert named_actor("Charlotte", D(2014, 1, 1), label="GPE").country == "USA"  # the city
    assert named_actor("Charlotte", D(2014, 1, 1), label="PERSON") is None  # a woman's name is no US state


def test_names_are_capitalised_and_generic_nouns_name_no_one() -> None:
    assert named_actor("us", D(2014, 1, 1)) is None  # the pronoun
    assert named_actor("Senate", D(2014, 1, 1)) is None  # every parliament has one
    assert named_actor("Korea", D(2014, 1, 1), label="GPE") is None  # North or South: the dictionary lists both
    assert named_actor("Zorbulon Kettleworth", D(2014, 1, 1)) is None


def test_code_parts_reads_cameo_codes_as_plover() -> None:
    assert code_parts("USAGOVLEG") == ("USA", "LEG")  # the government's legislature
    assert code_parts("RUSGOVMIL") == ("RUS", "GOV")  # a defence ministry is government
    assert code_parts("IGOUNOHLH") == ("IGO", "MED")  # CAMEO health is PLOVER MED
    assert code_parts("NGOHRIAMN") == ("NGO", "SOC")
    assert code_parts("MED") == (None, "JRN")  # CAMEO media, no country
    assert code_parts("KSVGOV") == ("XKX", "GOV")
    assert code_parts("MEAREB") == (None, "REB")  # a region is no country
    assert code_parts("IMGMUSALQ") == ("IMG", "REB")  # a religion element does not make it REL
    assert actor_key("The Taliban's") == "taliban" and actor_key("U.N.") == "un"


# --- agents --------------------------------------------------------------------------------------------------


def _chunk(nlp, text: str, words: str):
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "phrase", "code", "country", "sector"),
    [
        ("Afghan police detained two smugglers at the market.", "Afghan police", "AFGCOP", "AFG", "COP"),
        ("Kenya's army moved tanks to the northern border.", "Kenya's army", "KENMIL", "KEN", "MIL"),
        ("Police in Lagos closed the bridge on Monday.", "Police", "NGACOP", "NGA", "COP"),
        ("Riot police blocked the avenue before dawn.", "Riot police", "COP", None, "COP"),
        ("Security forces surrounded the compound overnight.", "Security forces", "COP", None, "COP"),
        ("The rebels shelled a supply depot.", "The rebels", "REB", None, "REB"),
        ("Thousands of protesters filled the square.", "protesters", "CVLOPP", None, "CVL"),
        ("The minister denied the claim.", "The minister", "GOV", None, "GOV"),
        ("Chilean students occupied the campus.", "Chilean students", "CHLEDU", "CHL", "EDU"),
        ("Israeli soldiers raided a village near the wall.", "Israeli soldiers", "ISRMIL", "ISR", "MIL"),
    ],
)
def test_agents_take_their_country_from_a_modifier(nlp, text: str, phrase: str, code: str, country: str | None, sector: str) -> None:
    info = agent_actor(_chunk(nlp, text, phrase), D(2020, 1, 1))
    assert info is not None and (info.code, info.country, info.sector) == (code, country, sector), info
    assert info.source in ("plover-agents", "phoenix-agents")


def test_longest_agent_phrase_wins(nlp) -> None:
    assert agent_actor(_chunk(nlp, "Riot police blocked the avenue.", "Riot police"), None).canonical == "riot police"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The international community urged restraint.", "The international community"),  # listed as no actor
        ("The earthquake flattened the old town.", "The earthquake"),
        ("The table was covered with maps.", "The table"),  # no agent noun at all
        ("They left early.", "They"),
    ],
)
def test_no_agent(nlp, text: str, phrase: str) -> None:
    assert agent_actor(_chunk(nlp, text, phrase), D(2020, 1, 1)) is None


# --- the entity stage ----------------------------------------------------------------------------------------


def test_entities_carry_the_dated_dictionary_typing(nlp) -> None:
    doc = nlp("Barack Obama spoke with reporters in Chicago about the budget.")
    in_term = resolve_entities(doc, D(2013, 5, 1)).find("Barack Obama")
    after = resolve_entities(doc, D(2019, 5, 1)).find("Barack Obama")
    assert (in_term.country, in_term.sector, in_term.actor_code) == ("USA", "GOV", "USAGOV")
    assert (after.country, after.sector, after.actor_code) == ("USA", "ELI", "USAELI")
    assert after.to_dict()["actor_source"] == "people-gazetteer" and "actor_flags" not in after.to_dict()


def test_the_text_role_still_beats_the_dictionary(nlp) -> None:
    doc = nlp("Former President Barack Obama praised the volunteers in Chicago.")
    ent = resolve_entities(doc, D(2013, 5, 1)).find("Barack Obama")
    assert ent.sector == "ELI"  # the text says "former", whatever the date


def test_no_date_is_flagged_on_the_entity(nlp) -> None:
    ent = resolve_entities(nlp("Donald Trump spoke with reporters in Ohio about the budget.")).find("Donald Trump")
    assert ent is not None and "date_unresolved" in ent.to_dict()["actor_flags"]


def test_dictionary_fills_an_organisation_the_project_tables_do_not_know(nlp) -> None:
    doc = nlp("The Pentagon said on Tuesday that the drills would continue.")
    ent = resolve_entities(doc, D(2014, 5, 1)).find("Pentagon")
    assert ent is not None and (ent.country, ent.sector, ent.actor_code) == ("USA", "MIL", "USAMIL")


def test_the_project_tables_keep_their_answer_and_get_a_code(nlp) -> None:
    ent = resolve_entities(nlp("Reuters reported the vote on Friday."), D(2014, 5, 1)).find("Reuters")
    assert ent is not None and (ent.country, ent.sector) == ("GBR", "JRN") and ent.actor_code == "MED"


def test_unknown_names_keep_the_entity_stage_typing(nlp, monkeypatch) -> None:
    """Names no dictionary knows come out exactly as the entity stage types them without the dictionaries."""
    import streams.extraction.entities as entities

    doc = nlp("Zorbulon Kettleworth met Irina Vasquez-Obuya of the Blue Heron Cooperative in Nairobi.")
    with_dictionaries = resolve_entities(doc, D(2020, 1, 1)).to_list()
    monkeypatch.setattr(entities, "named_actor", lambda *args, **kwargs: None)
    without = resolve_entities(doc, D(2020, 1, 1)).to_list()
    unknown = [e for e in with_dictionaries if "Nairobi" not in e["aliases"]]
    assert unknown and all("actor_code" not in e for e in unknown)
    assert unknown == [e for e in without if "Nairobi" not in e["aliases"]]


# --- the tables ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["actors_phoenix_countries.tsv", "actors_phoenix_international.tsv", "actors_phoenix_milnonstate.tsv",
                                  "actors_agents.tsv", "actors_codes.tsv"])
def test_tables_carry_source_and_licence(name: str) -> None:
    header = [ln for ln in resources.files("streams.data").joinpath(name).read_text("utf-8").splitlines() if ln.startswith("#")]
    text = "\n".join(header).lower()
    assert "source" in text and ("licence: mit" in text or "plover manual" in text), name


def test_tables_are_what_the_build_script_makes() -> None:
    """A rebuild from ../shared gives the committed tables (skipped on a clone without ../shared, not in CI)."""
    if not (SHARED / "data" / "event-dictionaries").is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared is missing")
        pytest.skip("../shared/data/event-dictionaries not present")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_actor_tables.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
