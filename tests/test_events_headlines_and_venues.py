"""Headlines the parser misreads, venues taken for hosts, and the words of an actor, on sentences of the team's own:

- a visit whose guest the verb's object names was held *at* its "at" phrase: the palace where a guest is received is
  the venue, not the host (``frames._guest_named``), whether the parser hangs the phrase on the verb or on the guest;
  "at" still names the host of a visit told without its guest;
- talks a verb of travel names ("visited X for talks with Y") are held with their own "with" party, before the place
  visited; that party can answer (the reversed event), as the other side of talks does (``builder._place_in_phrase``);
- striking an agreement, an accord or a pact concludes it (057), as the dictionary's "strike a deal" does
  (``event_patterns.tsv``); attacking an agreement stays criticism;
- a nationality with an agent word right after it, both modifying a thing or an act ("Kurdish militant targets",
  "Israeli military strikes"), is that agent of that people (``participants._with_agent_word``);
- a headline whose bare object the parser read as an adverbial noun ("X expels French ambassador") gets it back as the
  object (``headline_verbs._object_read_as_adverb``); a headline passive the tagger read as a past tense, as a verb
  or as a participle hung on a noun ("Reporter detained in police raid"), is a passive (``slots.headline_passive``,
  ``slots.is_passive``), but only of a verb one does to someone (a march is done by its marchers);
- a sentence that ends with a stop is no headline, also when a blank line ends its paragraph after the stop
  (``slots._ends_like_sentence``): its past tense stays its main verb;
- a town, a capital or a region named before an act of force ("a Kabul raid") is where it happened, not its doer
  (``frames._scene_of_force``); a country's name or a group's stays the doer;
- a clause of time after "as" or "after" whose verb the parser read as a noun ("... as militants storm army base")
  gets its verb back (``headline_verbs.restore_clause_verbs``);
- two subjects of a headline's verb joined by a comma alone are both its parties (``slots._headline_pair``);
- a base form ending in "s" is no third-person form ("police teargas protesters"), and a verb form with a name
  before it, read as the subject of a noun taken for a verb, is the verb ("X pledges aid to Y");
- a headline read as one noun phrase whose head is a verb form, with a name or a noun hung before it and a noun right
  after it taken for an apposition ("X summons Y envoy", "X junta orders Y troops out"), gets its verb back, a gerund
  after a preposition being no finite verb; and two names joined by a comma, read as a name and an apposition that
  holds the second name and the verb ("X, Y trade accusations"), are the verb's two parties
  (``headline_verbs._root_as_verb``, ``headline_verbs._pair_read_as_apposition``);
- a body that needs an owner ("coalition", "units") takes its sector from an agent word the tagger read as an
  adjective, as from a noun ("the rebel coalition"; ``participants._extra_agent``);
- states named as a state's allies are a party of states acting together, as "countries" are, and oligarchs are
  business people, as the dictionary's tycoons (``event_agents.tsv``); a single ally needs whose it is;
- the modifier of a measure names its matter, not its maker: a rally against a "foreign agents law" is not against
  the law (``participants._extra_agent``; ``knowledge.names_act_of_force``).
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_a_guest_received_at_a_palace_is_the_target() -> None:
    found = top_event_fields("The king received the visiting Dutch trade minister at the royal palace on Tuesday.")
    assert found == ("CONSULT", "043", "king", "visiting Dutch trade minister")
    # the phrase hung on the guest by the parser is the venue too
    found = top_event_fields("The emir received the Chadian defence minister at Government House, his office said.")
    assert found[3] == "Chadian defence minister"


def test_talks_held_on_a_visit_are_held_with_their_partner() -> None:
    events = text_events("The French minister visited Dakar for talks with Senegalese officials.")
    pairs = {(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
    assert ("046", "French minister", "Senegalese officials") in pairs
    assert ("046", "Senegalese officials", "French minister") in pairs
    assert not any(t == "Dakar" for _, _, t in pairs)


def test_talks_on_a_visit_with_no_partner_are_held_with_the_place() -> None:
    assert top_event_fields("The Chinese envoy visited Japan for talks.") == ("CONSULT", "046", "Chinese envoy", "Japan")


def test_striking_an_accord_concludes_it() -> None:
    found = top_event_fields("Ghana and Togo struck an agreement on fishing rights.")
    assert found == ("SUPPORT", "057", "Ghana", "Togo")
    found = top_event_fields("Ministers from Ghana and Togo struck an accord on fishing rights on Monday.")
    assert found[:2] == ("SUPPORT", "057")


def test_attacking_an_agreement_stays_criticism() -> None:
    assert top_event_fields("The opposition attacked the agreement as a betrayal.")[:2] == ("ACCUSE", "111")


def test_a_nationality_and_an_agent_word_name_that_agent() -> None:
    found = top_event_fields("Turkish jets struck Kurdish militant targets in northern Iraq.")
    assert found[2:] == ("Turkish jets", "Kurdish militant")
    found = top_event_fields("Israeli military strikes killed 12 people in Gaza.")
    assert found[2] == "Israeli military"
    found = top_event_fields("Ukrainian drones hit Russian army positions near Bakhmut.")
    assert found[3] == "Russian army"


def test_a_nationality_alone_stays_the_actor() -> None:
    assert top_event_fields("An Israeli raid killed two militants.")[2] == "Israeli"


def test_a_headline_object_read_as_an_adverb_is_the_object() -> None:
    assert top_event_fields("Mali expels French ambassador") == ("SANCTION", "161", "Mali", "French ambassador")
    assert top_event_fields("Kenya deports Chinese journalist")[2:] == ("Kenya", "Chinese journalist")


def test_a_headline_passive_read_as_a_past_tense_is_a_passive() -> None:
    # (the raid's modifier names who did it: the police, as a "by" phrase would; events_setting_doers tests)
    assert top_event_fields("Journalist detained in police raid") == ("COERCE", "173", "police", "Journalist")
    assert top_event_fields("Opposition leader detained in Lagos") == ("COERCE", "173", "", "Opposition leader")


def test_a_headline_verb_done_without_an_object_keeps_its_doer() -> None:
    assert top_event_fields("Protesters marched in Lagos")[2:] == ("Protesters", None)


def test_a_town_before_an_act_of_force_is_no_doer() -> None:
    found = top_event_fields("Three militants killed in Kabul raid")
    assert found == ("ASSAULT", "190", "", "militants")
    assert all(e["source"]["text"] != "Kabul" for e in text_events("The Kabul attack killed 12 soldiers."))


def test_a_group_named_before_an_attack_stays_its_doer() -> None:
    # (the gazetteer spells a German town's other name the way the group's name is spelt)
    found = top_event_fields("The group blamed a Hamas attack on Israel for the breakdown of the truce.")
    events = text_events("A Hamas attack on Israel killed dozens of people.")
    assert any(e["source"]["text"] == "Hamas" and e["plover_type"] == "ASSAULT" for e in events), found


def test_a_clause_of_time_read_as_a_noun_gets_its_verb() -> None:
    found = top_event_fields("At least 20 killed as militants storm army base in Niger")
    assert found == ("ASSAULT", "190", "militants", "army")
    found = top_event_fields("Homes burned as police raid homes in Kisumu")
    assert found[2] == "police"


def test_a_headline_comma_joins_two_subjects() -> None:
    found = top_event_fields("Sudan army, RSF agree to 72-hour ceasefire")
    assert found == ("AGREE", "0356", "Sudan army", "RSF")


def test_a_base_form_ending_in_s_agrees_with_a_plural() -> None:
    found = top_event_fields("Kenyan police teargas opposition supporters in Kisumu")
    assert found == ("ASSAULT", "175", "Kenyan police", "opposition supporters")


def test_a_verb_form_with_a_name_before_it_is_the_verb() -> None:
    found = top_event_fields("Japan pledges aid to Turkey")
    assert found[2:] == ("Japan", "Turkey")


def test_the_modifier_of_a_measure_is_no_maker_of_it() -> None:
    found = top_event_fields("Thousands rally in Tbilisi against foreign agents law")
    assert found[:3] == ("PROTEST", "141", "Thousands") and "law" not in (found[3] or "")
    # an act of force keeps the agent word before it as its doer
    assert top_event_fields("Army raids killed ten villagers.")[2] == "Army"


def test_a_headline_verb_read_as_a_noun_with_an_apposition_is_the_verb() -> None:
    assert top_event_fields("Pakistan summons Indian envoy over firing") == ("ACCUSE", "114", "Pakistan", "Indian envoy")
    assert top_event_fields("Niger junta orders French troops out")[2:] == ("Niger junta", "French troops")


def test_two_names_joined_by_a_headline_comma_before_a_base_form_are_its_parties() -> None:
    events = text_events("India, Pakistan trade accusations over border killings")
    pairs = {(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
    assert {("ACCUSE", "India", "Pakistan"), ("ACCUSE", "Pakistan", "India")} <= pairs
    assert top_event_fields("Egypt, Sudan sign water deal")[:3] == ("SUPPORT", "057", "Egypt")


def test_a_headline_noun_phrase_with_an_act_noun_keeps_its_reading() -> None:
    assert top_event_fields("Court orders release of activist") == ("RETREAT", "0841", "Court", "activist")


def test_a_body_with_an_agent_adjective_is_an_actor() -> None:
    events = text_events("The junta signed a peace accord with the rebel coalition.")
    pairs = {(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
    assert {("057", "junta", "rebel coalition"), ("057", "rebel coalition", "junta")} <= pairs


def test_a_body_with_no_agent_word_needs_its_owner() -> None:
    # (a noun modifier that names people still gives the body its sector, as before)
    assert top_event_fields("A student coalition marched on parliament.")[2] == "student coalition"


def test_allies_and_oligarchs_are_parties() -> None:
    assert top_event_fields("Canada froze the assets of three Russian oligarchs.")[3] == "Russian oligarchs"
    assert top_event_fields("Ukraine asked Western allies for more air defence systems.") == (
        "REQUEST", "020", "Ukraine", "Western allies")


def test_an_ally_with_no_owner_is_nobody() -> None:
    events = text_events("The president met an ally on Monday.")
    assert not any((e["target"] or {}).get("text") == "ally" for e in events)


def test_a_sentence_that_ends_its_paragraph_is_no_headline() -> None:
    # the team's sample article (samples/texts): its first paragraph's sentence ends with a stop before the blank line,
    # so its past tense is the main verb, not a headline's passive that would make its subject the one acted upon
    from pathlib import Path

    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    title, _, body = (Path(__file__).resolve().parents[1] / "samples" / "texts" / "sanctions-brussels.txt").read_text("utf-8").partition("\n\n")
    art = CleanArticle(article_id="t-sample", title=title.strip(), body=body, content_hash=content_hash(body),
                       cleaner_version="test", input_format="text", language="en")
    events = extract(art).events
    assert events and not any(e["source"]["text"] == "" and (e["target"] or {}).get("text", "").startswith("European Union")
                              for e in events)


def test_a_state_visit_is_made_by_no_state() -> None:
    """Before: "state" before "visit" was read as the visit's maker, so a second record had the bare word "state" as
    its source (``frames._kind_of_meeting``): the word says what kind of visit it is."""
    events = text_events("The Malian leader arrived in Dakar on Tuesday on a three-day state visit.")
    assert events and not any((e["source"] or {}).get("text") == "state" for e in events)


def test_a_state_crackdown_stays_the_states() -> None:
    # (control: a modifier of an act of force keeps naming its maker)
    events = text_events("Rights groups condemned the state crackdown on the opposition.")
    assert any(e["plover_type"] == "ACCUSE" for e in events)


def test_a_crowd_counted_on_a_rally_read_as_a_noun_holds_it() -> None:
    """Before: a headline's "Thousands rally in X to ..." parsed as a noun phrase (a rally numbered "thousands") had
    no doer, and only the demand was coded, with no source."""
    events = [e for e in text_events("Thousands rally in Lima to demand the freeing of detained union leaders.", "t-crowd")
              if e["plover_type"] == "PROTEST"]
    assert events and (events[0]["cameo_code"], events[0]["source"]["text"], events[0]["source"]["sector"]) == (
        "141", "Thousands", "CVL")


def test_a_count_on_a_noun_of_no_protest_is_no_crowd() -> None:
    # control: victims counted are no crowd acting, and a count on an act of another root names no doer
    events = [e for e in text_events("Dozens killed in Lima clashes", "t-crowd") if e["plover_type"]]
    assert all(e["source"]["text"] != "Dozens" for e in events)
    assert not [e for e in text_events("Thousands attend funeral of slain journalist", "t-crowd") if e["plover_type"] == "PROTEST"]


def test_a_minister_who_quits_resigns() -> None:
    """Before: "quit" was only the CANCEL block's verb of ending the act it names as its object, so a headline's
    "minister quits over ..." coded nothing (event_verbs.tsv now makes it RESIGN's too, with no object)."""
    events = [e for e in text_events("Malawi trade minister quits over missing funds", "t-quit") if e["plover_type"]]
    assert events and (events[0]["cameo_code"], events[0]["source"]["text"]) == ("0831", "Malawi trade minister")
    assert not [e for e in text_events("Smokers quit in record numbers last year.", "t-quit") if e["plover_type"]]


def test_a_name_read_as_an_infinitive_leaves_the_headline_verbless() -> None:
    # "to" before a state's name made the tagger read the name as a verb ("support to | Zambia" as "to go"): the
    # headline still has no verb of its own, and its verb form read as a plural noun is given back
    events = [e for e in text_events("Sweden halts budget support to Zambia over graft", "t-headline") if e["plover_type"]]
    assert [(e["plover_type"], e["source"]["text"]) for e in events] == [("SANCTION", "Sweden")]
    # (control) a headline with a verb of its own keeps it
    assert [e["plover_type"] for e in text_events("Sweden suspends budget support over graft", "t-headline") if e["plover_type"]] == ["SANCTION"]
