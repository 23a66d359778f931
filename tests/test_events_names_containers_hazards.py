"""Readings of what a verb acts on: a money word inside a name, a container and its contents, a hazard fought, an
appeal turned down, people who leave a place themselves, and epidemics no longer dropped whole.

Sentences are the team's own, written for these tests.
- A word of the dictionary's money (&CURRENCY) inside a longer name is the name (``Knowledge.names_money``): "Leone"
  made "Sierra Leone" no actor and let "* &CURRENCY" (071, money sent) read a country.
- What a container holds says what was sent (``frames._contents_read``): "a team of medics" is medics (073), not a
  negotiating team (036).
- A verb of force whose object is a hazard (a fire, a flood, an epidemic) fights it (``frames._hazard_fought``).
- An appeal made to the one who refuses to hear it is rejected by them (``frames._refusals``, 120).
- "evacuate" codes aid (070) only with those it moves out, as an object or a passive subject (``event_verbs.tsv``).
- People a pattern names as its object are its target before the phrases after them, a charge or a reason
  (``frames._verb_slots``); not those sent or met, who stand for the party that sent them.
- A role held in a body ("the chairman of the electoral commission") is of the body's sector (``participants._of_actor``);
  a body the tagger named that no dictionary lists by name takes the sector of its agent words (``from_entity``).
- Epidemic words no longer drop a sentence whole (``tools/build_event_tables.py``, ``_EPIDEMICS``): aid sent across a
  border against an outbreak is coded; the deaths of an outbreak still code nothing.
"""

from __future__ import annotations

from conftest import text_events


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def top(text: str) -> dict | None:
    events = typed(text)
    return max(events, key=lambda e: e["confidence"]) if events else None


def test_a_country_whose_name_holds_a_money_word_is_an_actor() -> None:
    event = top("Sierra Leone accused Liberia of letting gunmen cross the frontier.")
    assert event is not None and event["source"]["canonical"] == "Sierra Leone" and event["target"]["text"] == "Liberia"
    sent = top("Norway sent 20 million crowns to Sierra Leone.")
    assert sent is not None and sent["plover_type"] == "AID" and sent["target"]["text"] == "Sierra Leone"
    # control: a currency alone that the tagger may take for a name is still money, no actor
    assert not typed("The governor told traders in Kano that the naira had recovered and prices should fall.")


def test_what_a_container_holds_is_what_was_sent() -> None:
    medics = top("Ireland sent a team of army medics to Sierra Leone.")
    assert medics is not None and medics["cameo_code"] == "073" and medics["target"]["text"] == "Sierra Leone"
    # control: a team with nothing in it is a delegation sent to talks (the dictionary's own 036)
    team = top("The cabinet sent a team to the negotiations in Doha.")
    assert team is not None and team["cameo_code"] == "036"


def test_a_hazard_fought_is_no_act_of_force() -> None:
    for text in ("Soldiers battled the flames at the depot through the night.",
                 "Provincial health officials struggled to contain the cholera epidemic.",
                 "Rescue crews fought the floods in the lower valley for a week."):
        assert not [e for e in typed(text) if e["plover_type"] in ("ASSAULT", "COERCE")], text
    # controls: parties fought and fire opened on people stay acts of force
    assert top("The army fought the insurgents near the dam.")["plover_type"] == "ASSAULT"
    assert top("Police opened fire on the marchers.")["plover_type"] == "ASSAULT"


def test_an_appeal_turned_down_is_rejected_by_who_refused_to_hear_it() -> None:
    event = top("The High Court refused to hear an appeal by the deposed governor.")
    assert event is not None and event["plover_type"] == "REJECT"
    assert event["source"]["text"] == "High Court" and "governor" in event["target"]["text"]
    # control: an appeal heard is the appellant's request
    heard = top("The High Court heard an appeal by the deposed governor.")
    assert heard is not None and heard["plover_type"] == "REQUEST" and "governor" in heard["source"]["text"]


def test_people_who_evacuate_give_no_aid() -> None:
    assert not [e for e in typed("The blaze spread overnight, forcing hundreds of villagers to evacuate.")
                if e["plover_type"] == "AID"]
    # control: those moved out by someone are aided by them
    moved = top("Hundreds of residents were evacuated by the navy.")
    assert moved is not None and moved["plover_type"] == "AID" and moved["source"]["text"] == "navy"


def test_epidemics_no_longer_drop_the_sentence() -> None:
    sent = top("Ireland sent a team of army medics to Liberia to help fight the Ebola outbreak.")
    assert sent is not None and sent["plover_type"] == "AID" and sent["target"]["text"] == "Liberia"
    closed = top("Guinea closed its border with Liberia to stop the spread of Ebola.")
    assert closed is not None and closed["source"]["text"] == "Guinea" and closed["target"]["text"] == "Liberia"
    # control: the deaths of an outbreak code nothing
    assert not typed("The Ebola outbreak has killed more than 900 people in three countries, health officials said.")


def test_people_a_pattern_names_as_object_are_the_target_before_the_charge() -> None:
    # "CONDEMN * &MILITARY" names the object; it is the one accused, not the people of the charge after it (the
    # parser may read the charge's gerund as an adjective: "of | abusing detainees")
    event = top("A rights group accused the marines of abusing detainees.")
    assert event is not None and event["plover_type"] == "ACCUSE" and event["target"]["text"] == "marines"
    # control: with the charge read as a clause, the object was first already
    event = top("The bishop condemned the troops for firing on worshippers.")
    assert event is not None and event["target"]["text"] == "troops"


def test_a_role_in_a_body_is_of_the_body() -> None:
    # "the chairman of the electoral commission": the role table reads no sector from the words; the body its "of"
    # phrase names has one (participants._of_actor), as a body the tagger named has its agent words' (from_entity)
    event = top("The chairman of the electoral commission accused two parties of intimidating voters.")
    assert event is not None and event["source"]["text"] == "chairman of the electoral commission"
    assert event["source"]["sector"] == "GOV"
    # control: a role whose body names no actor gives no actor
    assert top("The chairman of the tasting panel accused two parties of intimidating voters.")["source"]["text"] == ""


def test_ruling_and_seeking_in_their_news_senses_are_no_cooperation() -> None:
    # "rule" governs or judges (restated with no default code, event_verbs.tsv); "seek" with people for object is a
    # search, and a term or an office sought is running for it (event_patterns.tsv): PETRARCH2's defaults read
    # cooperation (060) and an intent to cooperate (030)
    for text in ("The general, who has ruled the country since the coup, addressed the nation on Friday.",
                 "The tribunal ruled that the vote in the northern province was void.",
                 "Detectives are seeking three men over the robbery of the bank.",
                 "The senator is seeking a third term in the autumn election."):
        assert not typed(text), text
    # controls: the patterns of both blocks still code
    favour = top("The judge ruled in favour of the striking miners.")
    assert favour is not None and favour["plover_type"] == "SUPPORT"
    asked = top("Kyiv is seeking more air defence systems from its allies.")
    assert asked is not None and asked["plover_type"] == "REQUEST"

