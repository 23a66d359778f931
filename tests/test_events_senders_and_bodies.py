"""Who acts and what is done, on sentences of the team's own, for phenomena of how news names the parties of an act:

- fighters "from" a named group are written with it: the group says whose fighters they are, as "officers from the
  transport police" does (``participants.with_body``, ``participants._names_body``);
- those killed in shelling by a party were shelled by it, where the parser made the act noun a gerund
  (``frames._doers_of_setting``);
- whom armed men are loyal to is no word of their name when it names no party ("gunmen loyal to a local chief" are
  gunmen) (``participants._noun_phrase``);
- "dispatch" sends as "send" does: an envoy, a delegation or relief as much as forces (``event_verbs.tsv``);
- a number after "the" says which ones, not how many ("the two ministers"), and stays with the noun; a bare count
  does not (``participants._definite_number``);
- a name the parser took for an adverb of the verb right after it is that verb's subject, and a particle the parser
  hung on a name is no part of it (``slots.agent_heads``, ``participants._noun_phrase``);
- what two parties exchange ("ambassadors") is no party of the exchange: each acts on the other
  (``builder._SentenceCoder._records``);
- information passed "to" a party the parser hung on a noun of another phrase goes to that party, and information
  given to the press is published, shared with no party (``frames.recipients``, ``frames.verb_candidates``).
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_fighters_from_a_named_group_are_written_with_it() -> None:
    kind, _, source, _ = top_event_fields("Fighters from the Hezbollah movement fired rockets at an army post.")
    assert kind == "ASSAULT"
    assert "Hezbollah" in source
    kind, _, source, _ = top_event_fields("Bombers from the Taliban movement struck a police station in Kunduz.")
    assert "Taliban" in source


def test_fighters_from_no_named_group_stay_themselves() -> None:
    _, _, source, _ = top_event_fields("Fighters from the hills fired rockets at an army post.")
    assert source == "Fighters"


def test_killed_in_shelling_by_a_party_names_it_the_doer() -> None:
    kind, _, source, target = top_event_fields("Eleven villagers died in shelling by rebel forces overnight.")
    assert (kind, source, target) == ("ASSAULT", "rebel forces", "villagers")


def test_killed_in_shelling_by_no_one_named_has_no_doer() -> None:
    events = [e for e in text_events("Eleven villagers died in heavy shelling overnight.") if e["plover_type"]]
    assert all(not e["source"]["text"] for e in events)


def test_loyalty_to_no_named_party_is_no_word_of_the_name() -> None:
    _, _, source, _ = top_event_fields("Gunmen loyal to a local chief attacked two villages.")
    assert source == "Gunmen"


def test_loyalty_to_a_named_party_still_names_it() -> None:
    _, _, source, _ = top_event_fields("Fighters loyal to the Hezbollah movement attacked two villages.")
    assert "Hezbollah" in source


def test_dispatching_an_envoy_or_relief_codes_as_sending_does() -> None:
    kind, code, source, _ = top_event_fields("Peru dispatched a delegation to Quito for talks.")
    assert (kind, source) == ("CONSULT", "Peru")
    kind, code, source, target = top_event_fields("Peru dispatched relief supplies to flood victims in Ecuador.")
    assert (kind, source, target) == ("AID", "Peru", "flood victims")


def test_dispatching_a_report_codes_nothing() -> None:
    assert not [e for e in text_events("The clerk dispatched the printed forms to the archive.") if e["plover_type"]]


def test_a_number_after_the_article_stays_with_the_noun() -> None:
    _, _, source, _ = top_event_fields("The two ministers signed a pact in Rabat.")
    assert source == "two ministers"


def test_a_bare_count_is_no_part_of_the_noun() -> None:
    _, _, _, target = top_event_fields("Police detained 14 students in Dhaka.")
    assert target == "students"


def test_a_name_read_as_an_adverb_is_the_subject() -> None:
    kind, _, source, target = top_event_fields("Sweden suspended aid to Malawi over graft.")
    assert (kind, source, target) == ("SANCTION", "Sweden", "Malawi")


def test_a_particle_hung_on_a_name_is_no_part_of_it() -> None:
    _, _, source, target = top_event_fields("Ireland halted budget support to Zambia over misused funds.")
    assert (source, target) == ("Ireland", "Zambia")


def test_what_two_parties_exchange_is_no_party() -> None:
    events = [e for e in text_events("Chile and Bolivia exchanged ambassadors after a long rift.") if e["plover_type"]]
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
    assert pairs == {("Chile", "Bolivia"), ("Bolivia", "Chile")}


def test_parties_met_by_a_pair_stay_its_targets() -> None:
    events = [e for e in text_events("Chile and Bolivia jointly condemned the rebels.") if e["plover_type"]]
    assert {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events} >= {("Chile", "rebels"), ("Bolivia", "rebels")}


def test_information_passed_to_a_party_named_after_its_topic_is_shared_with_it() -> None:
    found = top_event_fields("The Kenyan spy agency passed information on the smuggling ring to Ugandan customs officers.")
    assert found == ("COOPERATE", "064", "Kenyan spy agency", "Ugandan customs officers")


def test_information_given_to_the_press_is_shared_with_no_party() -> None:
    assert not [e for e in text_events("The ministry gave its harvest figures to reporters on Monday.") if e["plover_type"]]
    # given to a party, the same figures are shared with it
    assert top_event_fields("The ministry gave its harvest figures to the donors on Monday.")[:2] == ("COOPERATE", "064")
