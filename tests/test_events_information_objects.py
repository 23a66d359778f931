"""Information released is published, not handed over; passed to a party, it is shared (``event_information_objects.tsv``).

Sentences are the team's own. PETRARCH2's "release", "provide" and "hand" code, by default, a release of people or
property (084) or an act of cooperation or aid; news uses them as often for what is published: before, an agency
that released figures "released" someone, and a band that released an album made a concession. Information a
verb of giving hands to a named receiver ("to" phrase or indirect object) is shared with it (064, COOPERATE), the
receiver the target: before, the handing was a concession with the file, or the agency the word also names, as target.
"""

from __future__ import annotations

from conftest import codes_by_text, text_events

PUBLISHED = (
    "The statistics agency released figures showing a rise in unemployment.",
    "Police released footage of the crash on Tuesday.",
    "The band released a new album in the spring.",
)


def test_what_is_published_is_a_statement() -> None:
    assert codes_by_text(PUBLISHED, lambda e: e["plover_type"] is not None) == {text: [] for text in PUBLISHED}


def test_people_released_are_still_released() -> None:
    assert ("RETREAT", "government") in [(e["plover_type"], e["source"]["text"]) for e in text_events(
        "The government released two hundred prisoners on Friday.")]



def test_figures_that_are_people_are_released_people() -> None:
    """"Figures" are numbers, or people when a participle of holding ("detained", "jailed") or an agent noun of the
    opposition or of an armed group modifies them: before, the release of jailed opposition leaders was a statement."""
    for text in ("The military government freed several jailed opposition figures on Friday.",
                 "Authorities released dozens of detained figures from the banned party."):
        assert [e for e in text_events(text) if e["plover_type"] in ("RETREAT", "CONCEDE")], text
    assert codes_by_text(("The ministry released new unemployment figures on Friday.",), lambda e: e["plover_type"] is not None) == {
        "The ministry released new unemployment figures on Friday.": []}

SHARED = {
    # text: (source, target) of the sharing
    "Danish police handed over intelligence to Swedish prosecutors.": ("Danish police", "Swedish prosecutors"),
    "Prosecutors in Krakow passed the case files to investigators in Warsaw.": ("Prosecutors", "investigators"),
    "The ministry gave the Canadian embassy the documents on Thursday.": ("ministry", "Canadian embassy"),
    "Turkey shared intelligence on the cell with Dutch investigators.": ("Turkey", "Dutch investigators"),
}


def test_information_handed_to_a_party_is_shared_with_it() -> None:
    for text, (source, target) in SHARED.items():
        found = [(e["cameo_code"], e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text)]
        assert any(code == "064" and plover == "COOPERATE" and source in src and tgt is not None and target in tgt
                   for code, plover, src, tgt in found), (text, found)
        assert not any(tgt and tgt.lower().split()[-1] in ("intelligence", "files", "documents") for *_, tgt in found), (text, found)


def test_goods_handed_over_keep_their_code() -> None:
    found = [(e["cameo_code"], e["plover_type"]) for e in text_events("The agency provided food and tents to families in the camp.")]
    assert ("070", "AID") in found or any(p == "AID" for _, p in found), found


def test_sharing_something_else_is_no_event() -> None:
    texts = ("Peru and Chile share a long desert border.", "The two runners shared the prize after a dead heat.")
    assert codes_by_text(texts) == {text: [] for text in texts}
