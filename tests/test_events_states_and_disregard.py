"""What an act leaves behind and what is done with a warning or an order.

Sentences are the team's own, written for these tests.
- PETRARCH2's GO_SOMEWHERE block gives "leave" its default, 040 (consult), with the object as the one consulted:
  every storm, strike or ruling that "left thousands without power" or "left the families in limbo" consulted them.
  News leaves a place (a departure, which codes by where the party goes: the block's "for" pattern) or leaves people
  and things in a state; neither consults what is left. The default is withheld, the patterns kept
  (``event_verbs.tsv``).
- Who ignores, defies, flouts or heeds a warning, a call or a ban is the one it was aimed at, not its doer
  (``event_undergoing_verbs.tsv``): "villagers ignored the threats" made the villagers threaten.
- A warning, an ultimatum or an invitation to act asks for the act, as a call does; and the act an ignored or
  rejected order names was not carried out (``modality.is_hypothetical``).
- Dictionary defaults that read another sense than the one news uses (``event_verbs.tsv``): "dominate" (DESTROY,
  190) is who leads or prevails, no force; "issue" (GRANT, 060) puts out a text, whose noun names the act if any;
  "pass" (ALLOW, 080) legislates, and hands over only information (shared, 064); "want" (DEMAND, 030) in the passive
  names one sought ("wanted by police": the object kind "active"). "Large" or "foreign" demand is a market's
  (``event_noun_senses.tsv``).
- Verbs of winning and prevailing of PETRARCH2's DESTROY block ("defeat", "overcome", "overtake", "overwhelm",
  "overpower", "crush") default to force (190); news uses them as often for a vote won, a rank taken or a difficulty
  met: their default holds only with an armed party as subject or object (the object kind "combatants",
  ``frames._combatant``).
- More defaults of another sense (``event_verbs.tsv``): "link", "connect", "relate" and "attach" (LINK, 060) tell an
  association, no cooperation, except property "attached" by an agency, which is seized (``event_patterns.tsv`` t41,
  1711); "reside" and "inhabit" (INVADE, 192) tell where people live; "promote" (050) with people as object is a
  rise in rank; "contain" (170) coerces only a party, not a crisis or a spread.
- And more: "admit", "confess", "reveal", "unveil", "expose" (DISCLOSE, 050) make a fact or a plan known; "affect"
  and "impact" (INFLUENCE, 050) tell a cause's effect; "establish", "found", "institute" (ENACT, 060) set up a body or
  a rule; "assign" and "task" (ALLOCATE, 060) give a post or a duty; "compete" (110) in an election or a race stands
  for office (``event_patterns.tsv`` t42); "remove" (174) expels only people. Their blocks' patterns still code.
  "determine" (SELECT, 030) finds a cause or a fact, no intent to cooperate.
- A hyphenated given name the tagger cut short ("Yoon Min-woo": the entity ends before the hyphen, the tail read as a
  common noun) still names a person, so a verb that needs a party as its object (impeach, 112) finds one
  (``frames._hyphenated_name_tail``).
- An infinitive of protest, demand or threat after a thing or a place the verb acts on ("drivers block bridge to
  protest fare cuts", "blockaded the harbour to protest": the parser made the thing its subject, by object control or
  as a relative clause) is the purpose of the verb, done by the verb's agent (``slots._protest_over_a_thing``,
  ``slots._purpose_read_as_relative``). "compensate" (PURCHASE, 114) is no complaint.
- A headline's opening pair joined by a comma is the headline's "and" for agent nouns as for names ("Police, students
  clash", "Government, rebels sign"), and for a first name the parser left hanging (``slots._comma_pair``,
  ``slots._headline_pair``).
- An event noun that a modifier puts in a sense naming no act: a heart attack is an illness, a vaccination campaign
  a health drive, as "strong demand" is a market's (``event_noun_senses.tsv``, which holds the market's nouns too).
- Soldiers, police, rebels or militias that loot seize property by force (171, ``event_crowd_acts.tsv``), where the
  dictionary's "loot" (RANSACK, 145) read a riot whoever looted; a crowd that loots still riots.
- An object the parser hung on the state word right after the verb ("shot | dead four villagers": "dead" read as the
  verb's complement, the protesters as its object) is the verb's (``slots.object_heads``); the verb had no object, so
  its complement read as a state ("remained defiant") and the killing was lost.
- A warning of a danger that is no act ("warned of rising inflation", "of a looming famine") foretells, as PETRARCH2's
  own "WARN * (OF RISK)" (012) and a warning whose clause tells only of a danger do; what is warned of that is an act
  or a retribution ("of a crackdown", "of consequences") stays a threat (``frames._threatens_in_clause``).
"""

from __future__ import annotations

from conftest import text_events


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def test_what_is_left_in_a_state_is_not_consulted() -> None:
    for text in ("The ice storm left about forty thousand homes without power for two days.",
                 "The court's ruling left hundreds of asylum seekers in limbo.",
                 "The rail strike left commuters stranded at the central station.",
                 "Smugglers left the migrants in a locked truck near the border."):
        assert not [e for e in typed(text) if e["cameo_code"].startswith("04")], text
    # control: leaving for consultations is still a journey to the one consulted, as the block's pattern writes it
    events = typed("The ambassador left for Moscow for consultations.")
    assert any(e["cameo_code"] == "042" and (e["target"] or {}).get("text") == "Moscow" for e in events), events


def test_who_ignores_a_warning_did_not_give_it() -> None:
    events = typed("Fishermen ignored repeated warnings from the coast guard and sailed into the storm.")
    threats = [e for e in events if e["plover_type"] == "THREATEN"]
    assert threats, events
    assert all((e["source"] or {}).get("text") != "Fishermen" for e in threats), threats
    assert any((e["target"] or {}).get("text") == "Fishermen" for e in threats), threats
    for text in ("Shopkeepers in the old city ignored the threats and opened as usual.",
                 "Young men flouted the ban on gatherings across the district."):
        assert not [e for e in typed(text) if (e["source"] or {}).get("text") in ("Shopkeepers", "men", "Young men")
                    and e["plover_type"] in ("THREATEN", "COERCE")], text
    # control: a warning the subject gives is still the subject's
    events = typed("The coast guard warned fishermen against sailing into the storm.")
    assert any(e["plover_type"] == "THREATEN" and (e["source"] or {}).get("text") == "coast guard" for e in events), events


def test_an_order_ignored_is_not_carried_out() -> None:
    events = text_events("The militia ignored a court order to release the kidnapped engineers.")
    releases = [e for e in events if e["cameo_code"].startswith("084")]
    assert releases and all(e["hypothetical"] for e in releases), events
    events = text_events("Rebels rejected an ultimatum to hand over their weapons by Friday.")
    handed = [e for e in events if e["cameo_code"][:2] in ("08",)]
    assert all(e["hypothetical"] for e in handed), events
    # control: an order carried out is an act done
    events = text_events("Police carried out an order to evict the squatters from the warehouse.")
    evictions = [e for e in events if e["plover_type"] == "COERCE"]
    assert evictions and not any(e["hypothetical"] for e in evictions), events


def test_senses_news_uses_for_dominate_issue_pass_and_want() -> None:
    for text in ("The coalition dominated the vote in the capital.",
                 "The consulate issued a security alert for its citizens.",
                 "The senate passed the spending bill on Thursday.",
                 "The driver was wanted by police in three provinces for armed robbery.",
                 "Exporters reported large demand from Asian buyers."):
        assert typed(text) == [], (text, typed(text))
    # controls: the same verbs where they still code an act
    events = typed("Croatian intelligence passed the names of the suspects to Austrian police.")
    assert [(e["cameo_code"], (e["target"] or {}).get("text")) for e in events][:1] == [("064", "Austrian police")], events
    events = typed("Lawmakers passed the reform package by a wide margin.")  # the dictionary's own "PASS * REFORMS"
    assert [e["cameo_code"] for e in events] == ["083"], events
    events = typed("The magistrate issued arrest warrants for two former governors.")
    assert any(e["plover_type"] == "COERCE" for e in events), events
    events = typed("The rebels want the army to pull back from the northern towns.")
    assert any(e["cameo_code"] == "100" and (e["source"] or {}).get("text") == "rebels" for e in events), events
    events = typed("The union made new demands of the mine owners.")
    assert any(e["plover_type"] == "REQUEST" for e in events), events


def test_winning_is_force_only_between_armed_parties() -> None:
    for text in ("The ruling party defeated the opposition in the election.",
                 "India overtook Britain as the fifth largest economy.",
                 "The government must overcome deep divisions within the coalition.",
                 "Clinics in the valley were overwhelmed with patients after the outbreak."):
        assert not [e for e in typed(text) if e["plover_type"] == "ASSAULT"], text
    # controls: an armed party on either side still fights
    for text in ("The rebels overwhelmed the garrison after a long siege.",
                 "Kurdish fighters defeated the militants near the border."):
        assert [e["cameo_code"] for e in typed(text)] == ["190"], text


def test_associations_homes_ranks_and_crises() -> None:
    for text in ("Investigators connected the gang to three kidnappings.",
                 "About 3,000 families reside in the camp.",
                 "The captain was promoted to major after the campaign.",
                 "The president struggled to contain the crisis.",
                 "The minister attached great importance to the visit."):
        assert typed(text) == [], (text, typed(text))
    # control: property attached by the police is seized
    events = typed("Police attached the properties of the absconding trader.")
    assert [(e["cameo_code"], e["source"]["text"]) for e in events] == [("1711", "Police")], events


def test_facts_made_known_effects_bodies_set_up_and_posts() -> None:
    for text in ("The senator admitted that his office had made mistakes.",
                 "The opposition leader exposed the governor's links to a smuggling ring.",
                 "Tariffs on steel will affect exporters in Korea.",
                 "The movement was founded by students in 1989.",
                 "Two generals were assigned to the new command.",
                 "Four parties will compete in the regional election.",
                 "Police removed the rubble from the square."):
        assert typed(text) == [], (text, typed(text))
    # controls: the blocks' patterns, and people removed
    events = typed("The two countries established diplomatic relations in 1992.")
    assert [e["cameo_code"] for e in events] == ["054"], events
    events = typed("Police removed protesters from the square.")
    assert [(e["cameo_code"], (e["target"] or {}).get("text")) for e in events] == [("174", "protesters")], events


def test_a_cause_determined_and_a_name_cut_at_its_hyphen() -> None:
    assert typed("Engineers determined what brought the helicopter down.") == []
    events = typed("The assembly voted to impeach Health Minister Yoon Min-woo for his conduct during the outbreak.")
    assert [(e["cameo_code"], (e["target"] or {}).get("text")) for e in events][:1] == [("112", "Health Minister Yoon Min-woo")], events
    # control: a name the tagger kept whole was found before
    events = typed("Lawmakers voted on Thursday to impeach Fisheries Minister Jung Ho-woo over his response to an oil spill.")
    assert [e["cameo_code"] for e in events][:1] == ["112"], events


def test_purpose_of_protest_after_a_thing_and_headline_pairs() -> None:
    events = typed("Bus drivers block bridge to protest fare cuts")
    assert any(e["plover_type"] == "PROTEST" and (e["source"] or {}).get("text") == "Bus drivers" for e in events), events
    assert typed("The firm said it would raise fares to compensate for higher fuel costs.") == []
    pairs = {((e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in typed("Police, students clash near campus")}
    assert {("Police", "students"), ("students", "Police")} <= pairs, pairs
    sources = {(e["source"] or {}).get("text") for e in typed("Army, rebels agree to prisoner swap")}
    assert sources == {"Army", "rebels"}, sources
    # controls: a party named before the infinitive still does what it is urged to; two things are no pair
    events = typed("Police urged residents to stay indoors.")
    assert [(e["cameo_code"], (e["target"] or {}).get("text")) for e in events] == [("100", "residents")], events
    assert typed("Prices, wages rise in March") == []


def test_event_nouns_in_senses_of_no_act() -> None:
    for text in ("The former mayor died of a heart attack on Tuesday.",
                 "The ministry launched a vaccination campaign in the north."):
        assert typed(text) == [], (text, typed(text))
    # controls: the same nouns in their senses of an act
    assert [e["plover_type"] for e in typed("Rebels launched an attack on the barracks.")] == ["ASSAULT"]
    events = typed("The army launched a military campaign against the insurgents.")
    assert [e["plover_type"] for e in events][:1] == ["ASSAULT"], events


def test_armed_bodies_that_loot_do_not_riot() -> None:
    events = typed("Witnesses said militiamen looted shops in the market.")
    assert [(e["plover_type"], e["source"]["text"]) for e in events] == [("COERCE", "militiamen")], events
    # control: a crowd that loots riots
    assert [e["cameo_code"] for e in typed("Rioters looted shops in the city centre.")] == ["145"]


def test_shot_dead_keeps_its_object() -> None:
    events = typed("The army shot dead four villagers near the market.")
    assert [(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events] == [("190", "army", "villagers")], events
    # controls: a number after "aged" is an age, and a complement with no object is a state
    assert typed("The novelist, who wrote radio plays for four decades, has died aged 88, her publisher said.") == []
    assert typed("The mayor remained defiant.") == []


def test_a_danger_warned_of_is_no_threat() -> None:
    for text in ("The central bank chief warned of rising inflation.",
                 "Aid groups warned of a looming famine in the north."):
        assert not [e for e in typed(text) if e["plover_type"] == "THREATEN"], text
    # controls: an act or a retribution warned of is threatened
    for text in ("The army warned of a crackdown on the protesters.",
                 "Beijing warned of serious consequences if the visit went ahead."):
        assert [e["plover_type"] for e in typed(text)][:1] == ["THREATEN"], text
