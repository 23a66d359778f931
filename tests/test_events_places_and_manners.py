"""Where parties are and how they act, on sentences of the team's own:

- a headline with no verb that places a party in a town "for" a meeting or a visit ("envoy in X for talks") makes
  that party the meeting's doer, as a verb of travel would (``frames.present_for``); so does a party that "is" in a
  town for talks (``frames._journey_for``);
- trading fire or shots is a fight with small arms (193, both ways), as the dictionary's "exchange" patterns say, not
  the block's default trade (``event_patterns.tsv``); a gunfight is one too (``event_nouns.tsv``);
- driving people from their homes, villages or land, or out of them, is a mass expulsion (201): a team pattern for
  "from", and the dictionary's own "out of", which the parser nests ("of" under "out") and a pattern naming both reads
  (``frames.VerbFrame.nested``); a walk-out "of" a place stays no meeting with it;
- "in protest" with no article, hung by the parser on a noun of the verb's phrase, is the verb's manner: the protest is
  the verb's agent's (``frames._manner_on_a_noun``);
- two names that open a headline joined by a comma are both its subject, the headline's "and" ("X, Y agree to ..."),
  whichever the parser made the subject (``slots._comma_pair``); the second is no part of the first one's phrase;
- a capture is a seizure (171) of whom or what its "of" phrase names, as "seizure" is; a possessor undergoes it ("his
  capture"), unless the noun has an "of" phrase of its own (``event_nouns.tsv``).
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_a_party_placed_in_a_town_for_talks_holds_them() -> None:
    found = top_event_fields("Bolivian trade minister in Lima for talks on lithium exports")
    assert found[:3] == ("CONSULT", "046", "Bolivian trade minister")
    found = top_event_fields("The Tanzanian foreign minister is in Kigali for talks with Rwandan officials.")
    assert found == ("CONSULT", "046", "Tanzanian foreign minister", "Rwandan officials")


def test_a_party_placed_in_a_town_for_a_visit_makes_it() -> None:
    found = top_event_fields("Austrian chancellor in Belgrade for two-day visit")
    assert found[:3] == ("CONSULT", "042", "Austrian chancellor")


def test_a_party_placed_somewhere_for_no_meeting_does_nothing() -> None:
    # a race is no act between parties: being in a town for it codes nothing
    assert text_events("Kenyan runners in Berlin for marathon") == []


def test_trading_fire_is_a_fight_not_trade() -> None:
    found = top_event_fields("Indian and Chinese troops traded fire in Ladakh.")
    assert found == ("ASSAULT", "193", "Indian troops", "Chinese troops")
    assert "060" not in {e["cameo_code"] for e in text_events("Indian and Chinese troops traded fire in Ladakh.")}


def test_trading_goods_stays_trade() -> None:
    found = top_event_fields("Peru and Chile traded minerals worth billions last year.")
    assert found[:2] == ("COOPERATE", "060")


def test_a_gunfight_with_a_party_names_it_the_doer() -> None:
    found = top_event_fields("Two border guards died in a gunfight with drug traffickers on Sunday.")
    assert found == ("ASSAULT", "190", "drug traffickers", "border guards")


def test_driving_people_from_their_homes_is_a_mass_expulsion() -> None:
    found = top_event_fields("Armed herders drove hundreds of families from their villages last month.")
    assert found == ("ASSAULT", "201", "Armed herders", "families")
    found = top_event_fields("The militia drove the inhabitants out of four hamlets.")
    assert found == ("ASSAULT", "201", "militia", "inhabitants")


def test_driving_cattle_or_walking_out_of_a_room_expels_no_one() -> None:
    assert all(e["cameo_code"] != "201" for e in text_events("Herders drove their goats from the valley to the river."))
    assert all((e["target"] or {}).get("text") != "hall"
               for e in text_events("The senators walked out of the hall after the vote."))


def test_in_protest_hung_on_a_noun_is_the_verb_manner() -> None:
    assert top_event_fields("Senators left the debating hall in protest.")[:3] == ("PROTEST", "141", "Senators")
    # (legislators who walk out protest whatever the manner: 140, event_crowd_acts.tsv)
    assert top_event_fields("Senators walked out of the debating hall in protest.")[:3] == ("PROTEST", "140", "Senators")
    found = top_event_fields("Councillors walked out of the council meeting in protest.")
    assert found[:3] == ("PROTEST", "141", "Councillors")


def test_two_names_opening_a_headline_with_a_comma_act_together() -> None:
    events = text_events("Ghana, Togo agree to reopen border crossings")
    assert {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events if e["plover_type"]} >= {
        ("Ghana", "Togo"), ("Togo", "Ghana")}
    found = top_event_fields("Peru, Bolivia Hold Talks On Lake Titicaca Pollution")
    assert found[:2] == ("CONSULT", "046") and {found[2], found[3]} == {"Peru", "Bolivia"}


def test_a_name_and_its_description_after_a_comma_stay_one_party() -> None:
    found = top_event_fields("Germany, the largest contributor, pledged more aid to Jordan.")
    assert found[2] == "Germany"


def test_the_capture_of_a_party_is_a_seizure() -> None:
    found = top_event_fields("Police announced the capture of a notorious gang leader in the capital.")
    assert found == ("COERCE", "171", "Police", "notorious gang leader")
    found = top_event_fields("The capture of the city by government forces was a turning point.")
    assert found == ("COERCE", "171", "government forces", "city")
