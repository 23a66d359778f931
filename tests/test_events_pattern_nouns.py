"""A dictionary pattern's noun also fits the words news uses for it in the same sense (issue 14;
``event_pattern_nouns.tsv``), and the verbs the dictionary lacks join a block (``event_verbs.tsv``).

Sentences are the team's own. PETRARCH2 writes its patterns with one word for each thing (an ambassador,
diplomatic ties, talks), so the same act coded with one word and not with its synonym.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event

from streams.extraction.events.knowledge import DATA_FILES, knowledge


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-pattern-nouns"))


def test_the_table_is_knowledge_of_the_coder() -> None:
    assert "event_pattern_nouns.tsv" in DATA_FILES
    objects = {h for p in knowledge().patterns["RECALL"] if p.object is not None for h in p.object.heads}
    assert {"ambassador", "envoy", "emissary"} <= objects


@pytest.mark.parametrize("text,code,source,target", [
    ("Malawi recalled its envoy from Zambia after the border row.", "161", "MWI", "ZMB"),
    ("Bolivia downgraded diplomatic relations with Chile last year.", "161", "BOL", "CHL"),
    ("Peru and Ecuador resumed negotiations over the river boundary.", "046", "PER", "ECU"),
    ("Guinea suspended the broadcasts of two Senegalese radio channels.", "1721", "GIN", None),
    ("Chad expelled the German ambassador on Friday.", "161", "TCD", "DEU"),
])
def test_a_synonym_of_the_patterns_noun_codes_as_the_noun_does(text: str, code: str, source: str, target: str) -> None:
    top = _top(text)
    assert top is not None, text
    assert top["cameo_code"] == code, text
    assert top["source"]["country"] == source
    assert (top["target"] or {}).get("country") == target


def test_receiving_a_delegation_is_meeting_as_receiving_an_envoy_is() -> None:
    # the dictionary's "receive" patterns name envoys, ambassadors and ministers; a delegation is one of these
    top = _top("The Gambian president received a delegation from Senegal on Monday.")
    assert top is not None and top["plover_type"] == "CONSULT"
    assert {top["source"]["country"], top["target"]["country"]} == {"GMB", "SEN"}


def test_a_verb_with_a_pattern_sense_only_codes_nothing_else() -> None:
    events = text_events("The agency downgraded the bank's credit rating on Friday.", "t-pattern-nouns")
    assert not [e for e in events if e["plover_type"]]


def test_closing_a_medium_of_news_restricts_political_freedoms() -> None:
    # PETRARCH2's CANCEL * PUBLICATION / * TELEVISION [1721]: newspapers, websites and broadcasters are such media
    for text in ("The interior ministry shut down four opposition newspapers.", "The regime suspended several news websites.",
                 "The junta closed a private broadcaster on Monday."):
        top = _top(text)
        assert top["cameo_code"] == "1721", text
        assert top["plover_type"] == "COERCE", text


def test_dispersing_a_crowd_is_violent_repression() -> None:
    # "disperse" joins SUPPRESS by its patterns only (event_verbs.tsv); SUPPRESS * DISTURBANCE [175] also fits a
    # protest, a riot and those taking part in it
    for text in ("Police dispersed the demonstrators with batons near the stadium.", "Troops quelled the riots in the port city."):
        top = _top(text)
        assert top["cameo_code"] == "175", text
    events = text_events("Volunteers dispersed leaflets outside the town hall.", "t-pattern-nouns")
    assert not [e for e in events if e["plover_type"]]


def test_goods_sent_for_relief_are_aid() -> None:
    # SEND * AID [070]: supplies, food, medicine and relief sent are the aid the pattern names
    top = _top("Jordan sent food and medicine to refugees near the Syrian border.")
    assert (top["plover_type"], top["source"]["text"]) == ("AID", "Jordan")
    assert _top("Kuwait sent relief supplies to Sudan.")["plover_type"] == "AID"


def test_a_rally_or_a_march_dispersed_is_repression_not_a_protest_by_the_police() -> None:
    for text in ("Riot police dispersed the rally with water cannon.", "Soldiers broke up the march outside the ministry."):
        events = text_events(text, "t-pattern-nouns")
        assert not any(e["plover_type"] == "PROTEST" and e["source"]["sector"] in ("COP", "MIL") for e in events), text
    assert _top("Riot police dispersed the rally with water cannon.")["cameo_code"] == "175"


def test_verbs_the_dictionary_lacks_join_a_block() -> None:
    # event_verbs.tsv: "sanction" (own code 163, only with an object that names an actor), "rail", "excoriate"
    # (DENOUNCE, 111), "strafe" (195), "expropriate" (1711)
    assert _top("Canada sanctioned four Belarusian officials.")["cameo_code"] == "163"
    assert not [e for e in text_events("The board sanctioned the sale of the building.", "t-pattern-nouns") if e["plover_type"]]
    top = _top("The governor railed against the federal prosecutors.")
    assert (top["plover_type"], top["target"]["text"]) == ("ACCUSE", "federal prosecutors")
    assert _top("Helicopters strafed the convoy of the militia.")["plover_type"] == "ASSAULT"
    assert _top("The government expropriated farms owned by foreign investors.")["cameo_code"] == "1711"


def test_a_modifier_of_a_pattern_fits_its_synonym_too() -> None:
    # GRANT * ARREST WARRANT [173]: a detention warrant is the same order; a warrant alone stays the dictionary's 100
    top = _top("Prosecutors in Ankara issued detention warrants for 12 former judges.")
    assert (top["cameo_code"], top["plover_type"]) == ("173", "COERCE")


def test_rounding_up_people_is_an_arrest() -> None:
    # "round up" joins APPREHEND for people only (event_verbs.tsv); the dictionary's own sense (COLLECT) codes nothing
    top = _top("Police rounded up dozens of young men after the evening prayers.")
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("173", "COERCE", "Police")
    assert not [e for e in text_events("The whips rounded up enough votes to pass the budget.", "t-pattern-nouns") if e["plover_type"]]


def test_a_crowd_occupying_a_building_is_a_sit_in_and_an_army_occupying_a_town_takes_it() -> None:
    # event_crowd_acts.tsv: occupying (INVADE, 192) by civilians, workers or students is a demonstration (141)
    top = _top("Striking dock workers occupied the port authority's headquarters on Monday.")
    assert (top["plover_type"], top["source"]["text"]) == ("PROTEST", "Striking dock workers")
    assert _top("Government troops occupied the hilltop village at dawn.")["plover_type"] in ("COERCE", "ASSAULT")


def test_funding_cut_is_aid_cut() -> None:
    # SEPARATE * AID [162]: money given to a body or a programme is the aid the pattern names
    top = _top("Norway cut funding to the Afghan ministry of education.")
    assert (top["cameo_code"][:3], top["plover_type"], top["source"]["text"]) == ("162", "SANCTION", "Norway")


def test_training_another_state_s_forces_is_military_cooperation() -> None:
    # event_verbs.tsv: "train" with people as object joins AID as 062 beside the dictionary's PREPARE (030)
    top = _top("British military advisers trained Kenyan soldiers in mine clearance.")
    assert (top["cameo_code"], top["plover_type"]) == ("062", "COOPERATE"), top
    assert not [e for e in text_events("The squad trained hard before the final.", "t-pattern-nouns") if e["plover_type"]]


def test_rebuffing_a_proposal_rejects_it() -> None:
    # "rebuff" joins the block of "spurn" (REFUSE), whose patterns name what is turned away; alone it stays a rebuke
    top = _top("Kosovo rebuffed a Serbian proposal for joint border patrols.")
    assert (top["cameo_code"][:2], top["source"]["country"]) == ("12", "XKX")
    events = text_events("The senator rebuffed her critics during a heated debate.", "t-pattern-nouns")
    assert not [e for e in events if e["cameo_code"][:2] == "12"]


def test_disbursing_is_lending() -> None:
    # "disburse" joins the block of "lend" and "provide" (GRANT): what is paid out says what the act is (a sum of
    # money, GRANT's "million" patterns: 071, economic aid, the codebook's "monetary aid ... grants, gifts and credit")
    top = _top("The African Development Bank disbursed $200 million to Malawi for road repairs.")
    assert top is not None and (top["cameo_code"], top["target"]["country"]) == ("071", "MWI")


def test_representations_lodged_with_a_state_are_a_complaint() -> None:
    # "lodge representations" is the diplomatic way of lodging a formal complaint (LODGE's "complaint", 114)
    top = _top("Tokyo lodged stern representations with Seoul over the survey ship on Tuesday.")
    assert (top["cameo_code"], top["plover_type"]) == ("114", "ACCUSE")
    assert (top["source"]["text"], top["target"]["text"]) == ("Tokyo", "Seoul")


def test_a_preposition_in_its_british_spelling_fits_the_pattern() -> None:
    # frames._PREP_SPELLINGS: the dictionary writes "toward"; "moved troops towards the border" is MOVE's 154
    top = _top("Belarus moved troops towards its border with Lithuania on Sunday.")
    assert (top["cameo_code"], top["source"]["text"]) == ("154", "Belarus")


def test_retaliation_vowed_is_revenge_vowed() -> None:
    # VOW's "revenge" pattern (138) fits "retaliation" (event_pattern_nouns.tsv)
    top = _top("The militia vowed retaliation against the army for the raid on its camp.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("138", "militia", "army")


def test_a_case_registered_against_someone_is_a_case_filed() -> None:
    # event_verbs.tsv: "register" joins FILE (a case against X, 115; a complaint, 114); alone it codes nothing
    top = _top("Police registered a case against the legislator for assaulting a toll worker.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("115", "Police", "legislator")
    assert not [e for e in text_events("Thousands of new voters registered before the deadline.", "t-pattern-nouns")
                if e["plover_type"]]


def test_remanding_suspects_detains_them() -> None:
    # event_verbs.tsv: "remand" joins CONFINE (173)
    top = _top("The court remanded the two activists in custody until their trial.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("173", "court", "two activists")


def test_a_sum_given_is_the_object_the_pattern_names() -> None:
    # slots.object_heads: a sum of money is a pattern's object ("provide dollars", GRANT 071), no participant
    top = _top("Norway provided 40 million dollars to Somalia for drought relief, the foreign ministry said.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("071", "Norway", "Somalia")
    top = _top("Norway will provide 40 million dollars to Somalia for drought relief, the foreign ministry said.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("0331", "Norway", "Somalia")  # announced


def test_ground_handed_back_is_property_returned_to_the_recipient() -> None:
    # RETURN's "property" (0842) fits territory, land, villages and islands (event_pattern_nouns.tsv); the one it
    # goes back to is the target (frames.PROPERTY_RETURN_CODE)
    top = _top("Tajikistan returned three border villages to Kyrgyzstan under the new frontier treaty.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("0842", "Tajikistan", "Kyrgyzstan")


def test_walking_off_the_job_is_a_strike() -> None:
    # event_verbs.tsv: "walk off" (143), in the block of "demonstrate"
    top = _top("Dock workers walked off the job at the port on Monday, demanding safety gear.")
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("143", "PROTEST", "Dock workers")


def test_relations_normalised_are_relations_restored() -> None:
    # event_verbs.tsv: "normalise" joins RE_ESTABLISH (relations or ties restored, 050); alone it codes nothing
    top = _top("Bahrain normalised relations with Qatar on Wednesday after a six-year rift.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("050", "Bahrain", "Qatar")
    assert not [e for e in text_events("Fuel prices normalised after the storm.", "t-pattern-nouns") if e["plover_type"]]


def test_teargassing_people_is_violent_repression() -> None:
    # event_verbs.tsv: "teargas" joins SUPPRESS with its own 175, for people only
    top = _top("Riot police teargassed striking miners outside the company's offices on Thursday.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("175", "Riot police", "striking miners")


def test_arms_laid_down_are_weapons_laid_down() -> None:
    # event_synsets.tsv: "arms" joins &WEAPON, so LAY's "down &WEAPON" (0871) fits
    top = _top("The militia laid down its arms in a ceremony at the district headquarters.")
    assert (top["cameo_code"], top["source"]["text"]) == ("0871", "militia")


def test_bulldozing_destroys_property_and_impeaching_accuses() -> None:
    # event_verbs.tsv: "bulldoze" (DESTROY, 1712) and "impeach" (BLAME, 112; only with people, a state or a body)
    assert _top("Soldiers bulldozed a row of market stalls near the checkpoint.")["cameo_code"] == "1712"
    top = _top("Parliament impeached the governor over the misuse of relief funds.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("112", "Parliament", "governor")


def test_a_border_crossing_is_opened_or_shut_as_the_border_is() -> None:
    """event_pattern_nouns.tsv: "crossing" fits the patterns' "border" (START "* BORDER" 080, SHUT "* BORDER" 160);
    before, reopening a crossing coded nothing, and a sentence offering it gave only the clash told as background."""
    events = [e for e in text_events("Islamabad said on Monday it was prepared to reopen its main border crossing with Kabul, "
                                     "which it closed after border guards of the two states exchanged fire.") if e["plover_type"]]
    top = max(events, key=lambda e: e["confidence"])
    assert top["plover_type"] == "AGREE" and top["source"]["text"] == "Islamabad"
