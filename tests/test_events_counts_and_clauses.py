"""Phenomena of actor text and clause targets, each on sentences of the team's own:

- a number that counts an actor is no part of its text (the field's human coders write "soldiers" for "at least
  twelve soldiers"; the count is the event's quantities), while a phrase that collects the actor keeps its words;
- who is asked to act is the subject of the clause that says what, or, when that subject names no actor, whose it is
  ("demanded that the UN mission quit": the UN);
- a settlement named in its "of" phrase is the place, written by its name ("the town of X": X);
- force used against a hazard (a wildfire, floods) fights no party;
- a "when" clause is read whichever of its coordinated verbs the parser hung the "when" on;
- the one a bare infinitive is said of ("helped X rebuild") is the verb's object;
- a "by" phrase on a verb with an active subject says how the act was done, not by whom;
- what belongs to someone is theirs ("seized villas belonging to X": X);
- a suit or a claim is aimed at whom it is against, while the victims of an act a criticism is about are not;
- forces dispatched somewhere are deployed (event_verbs.tsv; frigates and corvettes are forces, event_synsets.tsv);
- those killed when something was done to them in the passive were killed by its doer, or by whoever set the weapon;
- a saying that is a clause of time ("after X said ...") reports only its own clause, so a pronoun outside it is no
  pronoun of its speaker;
- a town named in a phrase of place is where the act happened when a later slot names a party;
- a labour confederation is an actor; criminals who acted on a thing and no one named did no political act; tents,
  blankets and medicine flown somewhere are aid (event_agents.tsv, event_synsets.tsv);
- the one a "to" infinitive is said of ("allowed the inspectors to enter") is the verb's object; supplies airdropped
  are aid (event_verbs.tsv), unless those they go to are told as a disaster's;
- a protest is aimed at whom it presses wherever the parser hung the purpose; those in whose midst force was used
  ("among X") are its target;
- a past verb tagged as a participle with a subject of its own ("the chief | placed troops on alert") is the clause's
  verb, and the forces it moves are its own, no target;
- ending an agreement reduces relations (event_endings.tsv); exercises one party holds with no partner named are a
  show of force, aimed at the state across a border named, as event_nouns.tsv codes them;
- the partner of a talk hung inside its object ("discussed the security of shipping with X") is the partner; a request
  made in a letter is aimed at whom the letter went;
- money (the dictionary's &CURRENCY: "the naira stabilised") is no actor; the occasion of a saying ("said during a
  visit to X") ranks below the act the words report; a threat is aimed at whom it says would face it, and at whom
  its infinitive acts on however the parser hung it; what is invested in a state or its sector goes to that state;
- forces deployed or put on alert by no one named show their own side's force, unless sent to rescue or help.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_a_counted_actor_is_written_without_its_count() -> None:
    top = top_typed_event(text_events("Militiamen abducted more than 300 villagers from two hamlets in the hills on Sunday."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", "Militiamen", "villagers")
    top = top_typed_event(text_events("At least 14 police officers were killed when insurgents stormed a station near the border."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", "insurgents", "police officers")


def test_a_crowd_counted_in_words_is_written_without_its_count() -> None:
    # (as a number is: the coded sets' coders write "opposition supporters", participants.Participants.actor)
    top = top_typed_event(text_events("Riot police detained dozens of opposition supporters outside the electoral commission."))
    assert (top["plover_type"], top["target"]["text"]) == ("COERCE", "opposition supporters")


def test_who_is_asked_in_a_that_clause_can_be_its_subjects_owner() -> None:
    top = top_typed_event(text_events("The junta demanded that the UN mission quit the country by the end of the year."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("REQUEST", "junta", "UN")
    # a subject that names an actor is the target itself
    top = top_typed_event(text_events("The junta demanded that French troops quit the country by the end of the year."))
    assert (top["plover_type"], top["target"]["text"]) == ("REQUEST", "French troops")


def test_a_settlement_named_in_its_of_phrase_is_written_by_its_name() -> None:
    top = top_typed_event(text_events("Government forces shelled the rebel-held town of Qaryat al-Nour overnight, residents said."))
    assert top["plover_type"] == "ASSAULT" and top["target"]["text"] == "Qaryat al-Nour" and top["target"]["entity"]
    top = top_typed_event(text_events("The governor imposed a curfew on the northern city of Kadugli on Saturday."))
    assert top["target"]["text"] == "Kadugli" and top["target"]["entity"]


def test_force_used_against_a_hazard_fights_no_party() -> None:
    for text in ("Firefighters and soldiers battled a wildfire on the slopes north of the port for a second day.",
                 "Volunteers fought the floods with sandbags through the night."):
        assert not [e for e in text_events(text) if e["plover_type"]], text
    # a party fought is still fought, whatever the weather
    top = top_typed_event(text_events("Soldiers fought the rebels for three days during heavy rain."))
    assert top["plover_type"] == "ASSAULT"


def test_a_when_clause_is_read_whatever_verb_of_it_holds_the_when() -> None:
    # the parser may hang "when" on the second of two coordinated verbs of the clause; it still says what happened
    for text in ("Nine people were killed and more than 25 injured when a crowded commuter train derailed and rolled "
                 "down an embankment near the city of Kandy on Monday, officials said.",):
        assert not [e for e in text_events(text) if e["plover_type"]], text


def test_the_one_a_bare_infinitive_is_said_of_is_the_verbs_object() -> None:
    top = top_typed_event(text_events("Norway sent engineers to help Malawi rebuild its bridges after the cyclone season."))
    assert top["plover_type"] == "AID" and top["source"]["text"] == "Norway" and top["target"]["text"] == "Malawi"


def test_a_by_phrase_on_an_active_verb_says_how_not_who() -> None:
    text = ("The World Health Organization delivered 40 tonnes of medicine to the besieged city of Kassala this week by "
            "helicopter and river barge, the agency said.")
    top = top_typed_event(text_events(text))
    assert top["plover_type"] == "AID" and top["source"]["text"] == "World Health Organization"


def test_what_belongs_to_someone_is_theirs() -> None:
    top = top_typed_event(text_events("Police seized 14 flats belonging to a former energy minister."))
    assert top["plover_type"] == "COERCE" and top["target"]["text"] == "former energy minister"


def test_a_suit_or_a_claim_is_aimed_at_whom_it_is_against() -> None:
    for text, target in (("A group of farmers filed a lawsuit against the water authority on Monday.", "water authority"),
                         ("The families filed a claim against the defence ministry over the deaths.", "defence ministry")):
        top = top_typed_event(text_events(text))
        assert (top["plover_type"], top["target"]["text"]) == ("ACCUSE", target), text
    # the victims of an act a criticism is about are still no target of it
    top = top_typed_event(text_events("The opposition condemned the killing of two students by police."))
    assert (top["plover_type"], top["target"]["text"]) == ("ACCUSE", "police")


def test_forces_dispatched_somewhere_are_deployed() -> None:
    for text, doer in (("Ankara dispatched three corvettes to the southern coast on Friday.", "Ankara"),
                       ("The army dispatched 2,000 soldiers to the northern province.", "army")):
        top = top_typed_event(text_events(text))
        assert (top["plover_type"], top["source"]["text"]) == ("MOBILIZE", doer), text
    # dispatching goods or people who are no forces deploys nothing
    assert not [e for e in text_events("The firm dispatched a team of engineers to the plant.") if e["plover_type"] == "MOBILIZE"]


def test_the_doer_of_a_passive_when_clause_did_the_killing() -> None:
    for text, doer, dead in (("Two policemen were killed when their car was ambushed by gunmen in the north.", "gunmen", "policemen"),
                             ("Four guards were killed when their post was hit by a mortar fired by the insurgents near the dam.",
                              "insurgents", "guards")):
        top = top_typed_event(text_events(text))
        assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", doer, dead), text


def test_a_saying_in_a_clause_of_time_reports_only_its_own_clause() -> None:
    text = ("The air force said on Monday it had opened an inquiry into a strike that killed nine herders, after "
            "village elders said a drone had mistaken a market for a rebel camp.")
    inquiry = next(e for e in text_events(text) if e["cameo_code"].startswith("09"))
    assert inquiry["source"]["text"] == "air force"
    # ranking steps leave no float noise in the published confidence
    assert all(e["confidence"] == round(e["confidence"], 4) for e in text_events(text))


def test_a_town_in_a_phrase_of_place_gives_way_to_the_party_acted_on() -> None:
    top = top_typed_event(text_events("Police clashed with protesters on the island of Lesbos on Sunday."))
    assert (top["source"]["text"], top["target"]["text"]) == ("Police", "protesters")
    # with no party named, the place stands for those acted upon
    top = top_typed_event(text_events("Marines fired on the town of Kalemie."))
    assert (top["plover_type"], top["target"]["text"]) == ("ASSAULT", "Kalemie")


def test_a_labour_confederation_is_an_actor() -> None:
    top = top_typed_event(text_events("Brazil's main labour confederation staged a general strike against the government's pension cuts."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("PROTEST", "Brazil's main labour confederation", "government")


def test_criminals_who_acted_on_no_one_named_did_no_political_act() -> None:
    text = "Burglars broke into a gallery in the old town overnight and stole two paintings, police said."
    assert not [e for e in text_events(text) if e["plover_type"]]
    # criminals who acted on people did
    top = top_typed_event(text_events("A gang kidnapped three engineers near the oil field."))
    assert (top["plover_type"], top["target"]["text"]) == ("ASSAULT", "engineers")


def test_tents_blankets_and_medicine_flown_somewhere_are_aid() -> None:
    top = top_typed_event(text_events("Qatar flew tents, blankets and medicine to the flood-hit province on Monday."))
    assert (top["plover_type"], top["source"]["text"]) == ("AID", "Qatar")


def test_the_one_a_to_infinitive_is_said_of_is_the_verbs_object() -> None:
    top = top_typed_event(text_events("The junta refused to allow the inspectors to enter the country."))
    assert (top["plover_type"], top["target"]["text"]) == ("REJECT", "inspectors")
    # a finite clause with a modal is no object: what will happen is told of its own subject
    top = top_typed_event(text_events("The minister said the army will withdraw from the town."))
    assert top["source"]["text"] == "army"


def test_supplies_dropped_from_the_air_are_aid_unless_the_disaster_is_the_story() -> None:
    top = top_typed_event(text_events("Aid groups airdropped food on Monday to some 4,000 families cut off by heavy fighting."))
    assert (top["plover_type"], top["target"]["text"]) == ("AID", "families")
    assert not [e for e in text_events("The air force airdropped food and water to villages cut off by the floods.") if e["plover_type"]]


def test_a_protest_is_aimed_at_whom_it_presses_wherever_the_purpose_hangs() -> None:
    text = "Farmers blocked the motorways into Madrid with thousands of tractors on Tuesday to press the ministry to drop new rules."
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("PROTEST", "Farmers", "ministry")


def test_those_in_whose_midst_force_was_used_are_its_target() -> None:
    top = top_typed_event(text_events("A gunman opened fire among mourners at a funeral in the hills, killing six people."))
    assert (top["plover_type"], top["target"]["text"]) == ("ASSAULT", "mourners")


def test_a_past_verb_tagged_as_a_participle_with_its_own_subject_is_the_clause_verb() -> None:
    top = top_typed_event(text_events("India's army chief placed troops along the frontier on high alert on Monday, the ministry said."))
    assert (top["plover_type"], top["source"]["text"], top["target"]) == ("MOBILIZE", "India's army chief", None)


def test_ending_an_agreement_reduces_relations() -> None:
    top = top_typed_event(text_events("Mali ended its security cooperation agreement with Denmark on Friday."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("160", "Mali", "Denmark")


def test_exercises_of_one_party_are_a_show_of_force_and_joint_ones_cooperation() -> None:
    top = top_typed_event(text_events("Algerian forces staged live-fire exercises close to the border with Morocco this week."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("MOBILIZE", "Algerian forces", "Morocco")
    top = top_typed_event(text_events("The Indian and Japanese navies staged joint exercises in the Bay of Bengal."))
    assert top["plover_type"] == "COOPERATE"


def test_a_partner_hung_inside_the_object_is_the_partner() -> None:
    for text, partner in (("Kenya's president discussed the safety of Red Sea shipping with Abdel Fattah al-Sisi in a call on Sunday.",
                           "Abdel Fattah al-Sisi"),
                          ("Ghana's president discussed efforts to secure a lasting truce in Sudan with the emir of Qatar on Monday.",
                           "emir of Qatar")):
        top = top_typed_event(text_events(text))
        assert (top["plover_type"], (top["target"] or {}).get("text")) == ("CONSULT", partner), text


def test_a_request_made_in_a_letter_is_aimed_at_whom_the_letter_went() -> None:
    top = top_typed_event(text_events("In its letter to the Security Council, Chad's envoy requested an urgent session on the blockade."))
    assert (top["plover_type"], top["target"]["text"]) == ("REQUEST", "Security Council")


def test_money_is_no_actor() -> None:
    text = "The finance minister told reporters in Lagos that the naira had stabilised and that inflation should ease."
    assert not [e for e in text_events(text) if e["plover_type"]]


def test_the_occasion_of_a_saying_ranks_below_the_act_it_reports() -> None:
    text = "France will send two more frigates to the Red Sea next month, the defence minister said during a visit to Djibouti."
    top = top_typed_event(text_events(text))
    assert top["source"]["text"] == "France" and top["plover_type"] != "CONSULT"
    # with nothing else reported, the visit stays the sentence's act
    top = top_typed_event(text_events("The minister said during a visit to Kyiv that the war would end soon."))
    assert (top["plover_type"], top["target"]["text"]) == ("CONSULT", "Kyiv")


def test_a_threat_is_aimed_at_whom_it_says_would_face_it() -> None:
    top = top_typed_event(text_events("The militia's leader warned on Sunday that Turkey would face a painful response for the raids."))
    assert (top["plover_type"], top["target"]["text"]) == ("THREATEN", "Turkey")


def test_a_threat_is_aimed_at_whom_its_infinitive_acts_on_however_parsed() -> None:
    text = "The European Union threatened on Monday to impose travel bans and other penalties on Georgian officials."
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["target"]["text"]) == ("THREATEN", "Georgian officials")


def test_what_is_invested_in_a_state_or_its_sector_goes_to_that_state() -> None:
    top = top_typed_event(text_events("Qatar will invest heavily in Egypt's energy sector."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("AGREE", "Qatar", "Egypt")
    # the owner of a place force was used in stands for those it was used on, as the place does
    top = top_typed_event(text_events("Troops shelled positions in Ukraine's east."))
    assert (top["plover_type"], top["target"]["text"]) == ("ASSAULT", "Ukraine")


def test_a_word_of_the_place_phrase_is_no_later_party() -> None:
    top = top_typed_event(text_events("Officials placed a curfew on the northern Malian town of Gao on Sunday."))
    assert (top["plover_type"], top["target"]["text"]) == ("COERCE", "Gao")


def test_forces_deployed_by_no_one_named_show_their_own_force() -> None:
    top = top_typed_event(text_events("Troops were deployed to the border with Eritrea on Friday."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("MOBILIZE", "Troops", "Eritrea")
    top = top_typed_event(text_events("Police in the capital were placed on high alert ahead of the opposition rally."))
    assert (top["plover_type"], top["source"]["text"]) == ("MOBILIZE", "Police")
    # forces sent to rescue after a disaster show no force
    text = "Heavy rains swept away a bridge in the valley. The army was deployed to help with rescue efforts."
    assert not [e for e in text_events(text) if e["plover_type"] == "MOBILIZE"]
