"""Who a pronoun cannot be, a person sent to jail, and fire one comes under.

Sentences are the team's own (issue 14):
- a report closed by a speaker named through a possessive of the pronoun's own person ("his brother said", "her
  lawyer told reporters") speaks for whoever that possessive means, and that is who the pronoun in the report means
  too: the speaker is not its referent (the brother was not detained); with no other referent the target is null, with
  a person named before, that person;
- a speaker named without such a possessive still stands for a pronoun of the report ("the minister said he would");
- a spokesperson's report means whom they speak for ("a spokesman for the rebels said they had ...": the rebels;
  "a spokesman for the president said he had ...": the president), when the pronoun agrees with it;
- sending a person to jail, prison or custody detains them (CAMEO 173), as the dictionary's own "returned to jail"
  says; sending troops or goods somewhere stays what it was;
- coming under a weapon's fire (rocket, mortar, artillery) is being attacked (190, the subject undergoes it), where
  coming under bare "fire" stays a criticism (111).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict | None:
    return top_typed_event(text_events(text, "t-spokespeople"))


def _target(event: dict | None) -> str | None:
    return ((event or {}).get("target") or {}).get("text")


def test_a_speaker_named_through_the_pronouns_possessive_is_not_its_referent() -> None:
    top = _top("Soldiers detained him at a checkpoint outside the town, his cousin told a radio station.")
    assert top["plover_type"] == "COERCE"
    assert _target(top) is None  # was "his cousin": the relative who reported the detention
    top = _top("Border guards arrested her near the river on Sunday, her attorney said.")
    assert top["plover_type"] == "COERCE"
    assert _target(top) is None


def test_the_pronoun_then_finds_the_person_named_before() -> None:
    top = _top("Union organiser Dario Fenwick flew back from abroad on Friday. "
               "Officers detained him at the terminal, his spokeswoman said.")
    assert top["plover_type"] == "COERCE"
    assert _target(top) == "Dario Fenwick"


def test_a_speaker_without_that_possessive_still_stands_for_the_pronoun() -> None:
    # control: the speaker is who "he" means
    top = _top("The provincial governor said on Monday that he had met the striking nurses.")
    assert top["plover_type"] == "CONSULT"
    assert top["source"]["text"] == "provincial governor"


def test_a_person_sent_to_jail_is_detained() -> None:
    top = _top("A magistrate sent the blogger to prison for eighteen months over a post about the governor.")
    assert top is not None and top["cameo_code"] == "173"
    assert top["source"]["text"] == "magistrate"
    assert _target(top) == "blogger"
    top = _top("The activist was sent to jail on Thursday.")
    assert top is not None and top["cameo_code"] == "173"
    assert _target(top) == "activist"


def test_troops_sent_to_a_border_stay_a_deployment() -> None:
    # control: "to" a place that is no jail keeps the block's own reading
    top = _top("The defence ministry sent two battalions to the northern border on Saturday.")
    assert top is not None and top["plover_type"] == "MOBILIZE"


def test_coming_under_artillery_fire_is_an_attack() -> None:
    top = _top("The port town came under heavy artillery fire from government forces on Sunday.")
    assert (top["plover_type"], top["cameo_code"], top["source"]["text"], _target(top)) == (
        "ASSAULT", "190", "government forces", "port town")
    top = _top("A police patrol came under rocket fire from insurgents near the dam.")
    assert (top["plover_type"], top["source"]["text"], _target(top)) == ("ASSAULT", "insurgents", "police patrol")


def test_coming_under_fire_from_critics_is_criticism() -> None:
    # control: fire with no weapon named is the dictionary's figure of speech
    top = _top("The health minister came under fire from opposition senators over the vaccine contract.")
    assert (top["plover_type"], top["cameo_code"]) == ("ACCUSE", "111")


def test_a_spokespersons_pronoun_is_the_party_spoken_for() -> None:
    top = _top("A spokesman for the insurgents said they had shot down an army helicopter near the lake.")
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "insurgents"
    top = _top("A spokeswoman for the governor said she had suspended the district police commander.")
    assert top["source"]["text"] == "governor"
