"""A plural whose owner modifier is coordinated names one actor per owner ("Chilean and Peruvian envoys").

Sentences are the team's own, written to show the phenomenon. Before this, the whole phrase was one
actor with the first owner's country, so a reciprocal act between the two owners came out as one
party acting on nobody, and the second owner was lost.

A headline the parser read as one noun phrase gets its verb back when its owners are joined by a comma, and when a
gerund ends it as a preposition's object (a place name read as a verb form: "... at | X crossing"); fire traded "at"
a place is traded between the two parties, not with the place. The headline's first owner is found where the parser
left it, on the noun or (read as an adverbial clause) on the verb. What one plural party ("the two sides") swaps
passes between its members: no target, no act back.
"""

from __future__ import annotations

from conftest import text_events


def _events(text: str) -> list[dict]:
    return text_events(text, "t-coordinated-owners")


def _pairs(events: list[dict], plover: str) -> set[tuple[str, str | None, str | None]]:
    return {(e["source"]["country"], (e["target"] or {}).get("country"), e["source"]["sector"])
            for e in events if e["plover_type"] == plover}


def test_a_reciprocal_act_between_the_owners_codes_both_ways():
    events = _events("Chilean and Peruvian soldiers clashed along the desert frontier on Friday.")
    assert _pairs(events, "ASSAULT") == {("CHL", "PER", "MIL"), ("PER", "CHL", "MIL")}
    assert len({e["event_id"] for e in events if e["plover_type"] == "ASSAULT"}) == 2


def test_a_meeting_of_two_delegations():
    events = _events("Kenyan and Ugandan diplomats met in Nairobi to discuss the fishing dispute.")
    pairs = {(e["source"]["country"], (e["target"] or {}).get("country")) for e in events if e["plover_type"] == "CONSULT"}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}


def test_a_one_sided_act_has_each_owner_as_a_source():
    events = _events("Dutch and Belgian police arrested nine smugglers at the port.")
    sources = {(e["source"]["text"], e["source"]["country"], e["source"]["sector"]) for e in events if e["plover_type"] == "COERCE"}
    assert sources == {("Dutch police", "NLD", "COP"), ("Belgian police", "BEL", "COP")}


def test_weapons_stand_for_each_owner():
    events = _events("Turkish and Iraqi jets bombed militant camps in the mountains.")
    sources = {e["source"]["country"] for e in events if e["plover_type"] == "ASSAULT"}
    assert sources == {"TUR", "IRQ"}


def test_an_owner_of_several_words_is_named_whole():
    events = _events("Irish and South Korean envoys met in Geneva on Tuesday.")
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events if e["plover_type"] == "CONSULT"}
    assert pairs == {("Irish envoys", "South Korean envoys"), ("South Korean envoys", "Irish envoys")}
    assert {e["source"]["country"] for e in events if e["plover_type"] == "CONSULT"} == {"IRL", "KOR"}


def test_one_owner_or_owners_that_are_not_groups_stay_one_actor():
    events = _events("Chilean soldiers clashed with smugglers along the desert frontier.")
    assert {e["source"]["text"] for e in events if e["plover_type"] == "ASSAULT"} == {"Chilean soldiers"}
    # a region's people are no state: the phrase stays one actor
    events = _events("Western and Chinese diplomats rejected the proposal on Monday.")
    assert {e["source"]["text"] for e in events if e["plover_type"] == "REJECT"} == {"Western and Chinese diplomats"}
    # no state, organisation or nationality owns markets: nobody acts, whatever the split
    assert not [e for e in _events("European and Asian markets fell sharply on Monday.") if e["plover_type"]]


def test_a_headline_joins_the_owners_with_a_comma():
    # a headline's comma is its "and": two owner modifiers with only a comma between them are two parties
    events = _events("Chilean, Peruvian Soldiers Exchange Fire Along Border")
    assert _pairs(events, "ASSAULT") == {("CHL", "PER", "MIL"), ("PER", "CHL", "MIL")}


def test_a_comma_between_descriptions_is_no_pair_of_owners():
    # (control) words that own nothing stay descriptions of one actor
    events = _events("Tired, unpaid Chilean soldiers clashed with smugglers near the frontier.")
    assert {e["source"]["country"] for e in events if e["plover_type"] == "ASSAULT"} == {"CHL"}


def test_a_comma_headline_read_as_one_noun_phrase_gets_its_verb():
    # the parser read the verb as a noun of the phrase and the place's last word as a gerund
    events = _events("Chilean, Peruvian Soldiers Trade Fire At Tacna Crossing")
    assert _pairs(events, "ASSAULT") == {("CHL", "PER", "MIL"), ("PER", "CHL", "MIL")}


def test_fire_traded_at_a_place_is_between_the_parties():
    events = _events("Chilean and Peruvian soldiers traded fire at the Tacna crossing on Sunday.")
    assert _pairs(events, "ASSAULT") == {("CHL", "PER", "MIL"), ("PER", "CHL", "MIL")}
    # control: a party named by "with" is the other side
    events = _events("Chilean soldiers traded fire with smugglers near the Tacna crossing.")
    assert {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events if e["plover_type"] == "ASSAULT"} == {
        ("Chilean soldiers", "smugglers"), ("smugglers", "Chilean soldiers")}


def test_a_comma_headline_whose_first_owner_the_parser_hung_on_the_verb():
    # the parser made the first owner an adverbial clause of the verb: it is still the headline's first party
    events = _events("Kenyan, Somali Troops Trade Fire In Mandera")
    assert _pairs(events, "ASSAULT") == {("KEN", "SOM", "MIL"), ("SOM", "KEN", "MIL")}


def test_what_one_plural_party_swaps_is_no_party():
    # "the two sides" is one actor: the prisoners they swap pass between them, they do not swap anything back
    events = [e for e in _events("The two sides swapped 150 detainees at the border crossing on Sunday.") if e["plover_type"]]
    assert [(e["source"]["text"], e["target"]) for e in events] == [("two sides", None)]
    # control: prisoners released are whom the act is done to
    events = [e for e in _events("The militia released 40 detainees at the border crossing on Sunday.") if e["plover_type"]]
    assert {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events} == {("militia", "detainees")}
