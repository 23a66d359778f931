"""Names of disapproval (event_namings.tsv, VADER's lexicon), on sentences of the team's own:

- a verb of naming ("call", "describe ... as", "brand", "label", "term") that gives a party, an act, or a word,
  policy or decision a name a word of which VADER's human-rated lexicon scores as disapproving criticises it (CAMEO
  111): the named, or its owner, is the target; the verb's own default codings (a call, a description) give way;
- the name may be the verb's object predicate, its "as" phrase, or adjectives the parser hung after the object;
- a situation named so (floods, cycle lanes) is no one's act, and a name that is negated or not disapproving
  criticises nothing;
- a pattern the dictionary wrote for the verb keeps its own code ("CALL * LIAR"); an act the named is ("called the
  killing of X a crime") is still coded, below the criticism; a name inside a free relative ("condemned what it called
  ...") gives no second criticism.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


@pytest.mark.parametrize("text, source, target", [
    ("The union described the government's pay offer as an insult to nurses.", "union", "government"),
    ("The foreign ministry termed the ambassador's remarks unacceptable.", "foreign ministry", "ambassador"),
    ("Critics labelled the minister's plan reckless and dangerous.", "Critics", "minister"),  # critics are people (event_agents.tsv)
])
def test_a_name_of_disapproval_criticises_the_named_or_its_owner(text: str, source: str, target: str) -> None:
    top = top_typed_event(text_events(text))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("111", source, target)


@pytest.mark.parametrize("text", [
    "The governor described the flooding as the worst in a century.",  # a situation, no one's act
    "Cyclists described the new cycle lanes as dangerous.",  # a thing of no one's
    "The mayor called the verdict not unreasonable.",  # negated
])
def test_no_criticism_where_the_named_is_no_ones_act_or_the_name_is_negated(text: str) -> None:
    assert not [e for e in text_events(text) if e["plover_type"] == "ACCUSE"]


def test_a_name_that_is_not_disapproving_criticises_nothing() -> None:
    events = text_events("The president described the talks with his Turkish counterpart as constructive.")
    assert [e["plover_type"] for e in events if e["plover_type"]] == ["CONSULT"]


def test_the_dictionarys_own_pattern_for_the_verb_keeps_its_code() -> None:
    # "CALL * LIAR" (1 of PETRARCH2's naming patterns) codes 111 itself; the naming adds no second reading
    events = [e for e in text_events("The prime minister called the opposition leader a liar.") if e["plover_type"]]
    assert [(e["cameo_code"], e["source"]["text"], e["target"]["text"]) for e in events] == [("111", "prime minister", "opposition leader")]


def test_the_name_given_and_its_valence() -> None:
    from streams.extraction.events.frames import _disapproving, _name_given
    from streams.extraction.gdelt.tone import valence
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp()
    doc = nlp("The council called the new tax a disgrace.")
    verb, named = doc[2], doc[5]
    assert [t.text for t in _name_given(verb, named)] == ["disgrace"]
    assert valence("disgrace") < -1.0 < valence("constructive")
    assert _disapproving(_name_given(verb, named))
    doc = nlp("The council described the new tax as fair.")
    assert [t.text for t in _name_given(doc[2], doc[5])] == ["fair"]
    assert not _disapproving(_name_given(doc[2], doc[5]))


def test_an_act_named_so_is_still_coded_below_the_criticism() -> None:
    events = text_events("The minister called the killing of three farmers by soldiers a crime.")
    top = top_typed_event(events)
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("111", "minister", "soldiers")
    assert any(e["plover_type"] == "ASSAULT" and e["source"]["text"] == "soldiers" and e["target"]["text"] == "farmers" for e in events)
