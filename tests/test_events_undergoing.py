"""An act noun that is the object of a verb of undergoing befalls that verb's subject (issue 14).

Sentences are the team's own. "The regime faced mass rallies", "the garrison sustained shelling": the subject of
"face", "suffer", "sustain", "experience", "survive", "see" ... (streams/data/event_undergoing_verbs.tsv) bears the act
the noun names; it is no doer. The doer is who the noun's own phrase names, or a "by" phrase wherever the parser hung
it; with none, the act has no source. Before, the verb's subject was taken as the doer, as for "launched an attack".
Also: a state of several words the tagger did not mark ("the Solomon Islands") is an actor (gazetteer country names).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-undergo"))


def test_who_faces_a_protest_is_its_target_not_its_doer() -> None:
    top = _top("The cabinet faced angry street protests over bread prices.")
    assert top["plover_type"] == "PROTEST"
    assert top["target"]["text"] == "cabinet"
    assert not top["source"]["text"]


def test_the_by_phrase_names_the_doer_of_what_was_suffered() -> None:
    top = _top("The garrison suffered repeated raids by the insurgents.")
    assert top["plover_type"] == "ASSAULT"
    assert (top["source"]["sector"], top["target"]["text"]) == ("REB", "garrison")
    top = _top("Separatists faced a fierce offensive by the army.")
    assert top["plover_type"] == "ASSAULT"
    assert (top["source"]["text"], top["target"]["text"]) == ("army", "Separatists")


def test_a_by_phrase_the_parser_hung_on_a_collective_noun_still_names_the_doer() -> None:
    top = _top("Ghana has experienced a wave of strikes by nurses.")
    assert top["plover_type"] == "PROTEST"
    assert (top["source"]["text"], top["target"]["country"]) == ("nurses", "GHA")


def test_a_state_of_several_words_after_the_is_the_actor() -> None:
    top = _top("The Solomon Islands has cut diplomatic relations with Fiji.")
    assert top["cameo_code"] == "161"
    assert (top["source"]["country"], top["target"]["country"]) == ("SLB", "FJI")


def test_those_who_died_in_fighting_underwent_it() -> None:
    # the dictionary's paired "died in <fighting>" pattern must not make the dead a party that fought (block DIE)
    events = [e for e in text_events("More than 2,000 people died in the war.", "t-undergo") if e["plover_type"]]
    assert events and all(e["target"]["text"] == "people" and not e["source"]["text"] for e in events)
    events = [e for e in text_events("Three soldiers died in clashes with rebels near the border.", "t-undergo") if e["plover_type"]]
    assert [(e["source"]["sector"], e["target"]["text"]) for e in events] == [("REB", "soldiers")]
