"""Who did an act the sentence tells without its doer (issue 14).

- A subject that only undergoes an act, coded reversed alone ("a convoy came under fire from X"), is not its agent:
  the act is X's whatever the subject is (``builder._records``, the non-actor agent veto).
- The act of force a passive happened in names its doer by a modifier too ("wounded in a Taliban rocket attack"); a
  town's name there is where (``frames._doers_of_setting``).
- An act noun's relative clause names who did it ("a raid that officials attributed to X", "an attack which X
  claimed"); "attributed to" names a doer as "blamed on" does (``frames._claimants``).
- A blast the victims died in is an act of force of whoever it is blamed on or claimed by ("died in a blast blamed
  on X"), and an accident of no one's where nobody is named (``frames._doers_of_setting``).
- A claim of responsibility for a blast, an act of force, or a bare one, claims the act the sentence tells where its
  verb names no doer of its own (``builder._claimed_acts``); a fault claimed is no deed.
- A participle with a subject of its own and no auxiliary, coordinated with a verb, is a passive whose "were" is left
  out ("two were killed and dozens | wounded"): its subject underwent the act (``slots.gapped_passive``); a participle
  of state right after an object says what state it was left in, no act ("left dozens wounded",
  ``frames._left_in_a_state``).
- Force done in the passive with no "by" phrase names the side it came from in the verb's "from" ("shells fired from
  X"): that side did it; territory taken "from" a party is still taken from it (``frames._verb_slots``).
- Who evades or circumvents sanctions is whom they are aimed at, not their maker (``event_undergoing_verbs.tsv``);
  goods a cut in relations bans or halts stand for whose they are ("banned imports of X's oil", ``frames``).
- British spellings of the agents dictionary's words are looked up ("labourers", ``actors_spellings.tsv``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, plover: str = "ASSAULT") -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["plover_type"] == plover}


def test_a_thing_that_comes_under_fire_leaves_the_act_to_who_fired() -> None:
    assert _pairs("A supply convoy came under fire from separatist rebels near the pass.") == {("separatist rebels", None)}


def test_a_thing_struck_by_a_disaster_stays_no_event() -> None:
    # control: no actor fires
    assert text_events("The bus was hit by a mudslide on the mountain road.") == []


def test_an_act_of_force_names_its_doer_by_a_modifier() -> None:
    assert _pairs("Six farmers were wounded in a Taliban mortar attack on the market.") == {("Taliban", "farmers")}
    assert _pairs("Two traders died in a police raid on the warehouse.") == {("police", "traders")}


def test_a_town_before_an_act_of_force_is_where_not_who() -> None:
    # control: the city names where the bombing was
    assert {s for s, _ in _pairs("Seven pilgrims were killed in a Peshawar bombing.")} == {""}


def test_a_relative_clause_attributing_an_act_names_its_doer() -> None:
    assert _pairs("Three border guards were shot dead in a raid that officials attributed to Hezbollah.") == {("Hezbollah", "border guards")}
    assert _pairs("Eight policemen died in an ambush that the Pakistani Taliban claimed.") == {("Pakistani Taliban", "policemen")}


def test_a_relative_clause_of_the_act_itself_names_no_doer() -> None:
    # control: the attack is the relative clause's subject
    assert {s for s, _ in _pairs("Four guards were killed in an attack that also wounded nine others.")} == {""}


def test_a_claim_for_a_blast_claims_the_act_the_sentence_tells() -> None:
    assert _pairs("A truck bomb killed five soldiers near the base, and al-Shabaab later claimed responsibility "
                  "for the explosion.") == {("al-Shabaab", "soldiers")}
    assert _pairs("A device went off outside the ministry, killing three clerks; the Islamic State group "
                  "claimed responsibility.") == {("Islamic State group", "clerks")}


def test_a_fault_claimed_is_no_deed() -> None:
    # control: claiming a fault makes no doer of force of the claimant
    assert _pairs("The utility claimed responsibility for the outage that hit thousands of homes.") == set()


def test_a_british_spelling_of_a_listed_agent_is_an_actor() -> None:
    assert _pairs("Gunmen kidnapped four labourers at the quarry.") == {("Gunmen", "labourers")}
    # control: the American spelling the dictionary lists
    assert _pairs("Gunmen kidnapped four laborers at the quarry.") == {("Gunmen", "laborers")}


def test_a_participle_whose_were_is_left_out_is_undergone() -> None:
    assert _pairs("Two guards were killed and dozens wounded when bandits attacked the camp.") == {
        ("bandits", "guards"), ("bandits", "dozens")}
    # (whoever was wounded did no wounding)
    assert all(e["source"]["text"] != "scores" for e in text_events("The explosion left five dead and scores wounded."))


def test_a_participle_with_its_own_object_stays_active() -> None:
    # control: "wounded" has an object, its subject is the doer
    assert ("Militants", "inmates") in _pairs("Militants killed four guards and wounded a dozen inmates.")


def test_a_party_left_in_a_state_is_no_act_of_leaving() -> None:
    assert {e["plover_type"] for e in text_events("The shelling killed two farmers and left several villagers wounded.")} == {"ASSAULT"}
    # (a party left hurt was harmed by what left it so, no one's guest: LEAVE's "wounded / injured" pattern, 180)
    assert [(e["plover_type"], e["source"]["text"], e["target"]["text"]) for e in text_events("The raid left two officers injured.")] == [
        ("ASSAULT", "", "officers")]


def test_force_fired_from_a_side_is_that_sides() -> None:
    assert {s for s, _ in _pairs("Three shells fired from Armenia struck a farm near the border.")} == {"Armenia"}
    assert _pairs("Mortar rounds were fired from Syria towards Turkish villages.") == {("Syria", "Turkish villages")}


def test_territory_taken_from_a_party_is_still_taken_from_it() -> None:
    # control: "from" on a taking names whom it was taken from
    assert {t for _, t in _pairs("The district was retaken from the militants.", "COERCE")} == {"militants"}


def test_a_blast_blamed_on_a_party_is_its_act() -> None:
    assert _pairs("Six villagers died in a blast blamed on separatist rebels.") == {("separatist rebels", "villagers")}


def test_a_blast_no_one_is_blamed_for_stays_an_accident() -> None:
    # control: nobody is named
    assert text_events("Six workers died in an explosion at the refinery.") == []


def test_who_evades_sanctions_is_their_target() -> None:
    assert _pairs("Caracas has evaded American sanctions for years.", "COERCE") == {("American", "Caracas")}


def test_goods_banned_stand_for_whose_they_are() -> None:
    assert _pairs("Canada banned imports of Iranian steel.", "COERCE") == {("Canada", "Iranian")}
    assert _pairs("Seoul halted imports of Japanese fish.", "COERCE") == {("Seoul", "Japanese")}


def test_goods_of_no_one_named_leave_the_ban_aimed_at_no_one() -> None:
    # control: no origin named
    assert _pairs("Canada banned imports of steel.", "COERCE") == {("Canada", None)}
