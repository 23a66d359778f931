"""The story core on an invented multi-outlet stream (tests/fixtures/stories): one happening from
five outlets is one story and one merged event with five sources; redelivery changes nothing and
re-emits byte-identical records; a later news peg is a new story; the horizon closes stories and
their state leaves the store; a restart from the store continues exactly as an uninterrupted run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from streams.records import CleanArticle, Extraction
from streams.stories import (
    ClusterConfig, EventClusters, StoryAggregator, StoryConfig, StoryLimits, encode, event_block_key,
    event_mentions, story_input, story_route_key,
)
from streams.stories.aggregator import story_id_for
from streams.stories.output import coalesce

ROOT = Path(__file__).resolve().parents[1]
STREAM = json.loads((ROOT / "tests" / "fixtures" / "stories" / "stream.json").read_text("utf-8"))


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((ROOT / "schemas" / name).read_text("utf-8")), format_checker=FormatChecker())


STORY_SCHEMA = _validator("story.schema.json")
MERGED_SCHEMA = _validator("merged-event.schema.json")
INPUT_SCHEMA = _validator("story-input.schema.json")
MENTION_SCHEMA = _validator("event-mention.schema.json")


def _actor(canonical: str, country: str, sector: str) -> dict[str, Any]:
    return {"text": canonical, "canonical": canonical, "entity": None, "country": country, "sector": sector}


def _event(article_id: str, n: int, *, ptype: str = "PROTEST", cameo: str = "143", source: dict | None = None,
           target: dict | None = None, date: str | None = "2031-03-03", country: str | None = "BEL", negated: bool = False) -> dict[str, Any]:
    return {
        "schema_version": "1.0", "event_id": f"ev-{article_id}-{n:02d}", "article_id": article_id,
        "plover_type": ptype, "plover_mode": None, "cameo_code": cameo, "quad_class": "verbal_conflict",
        "source": source if source is not None else _actor("Antwerp dockers' union", "BEL", "LAB"),
        "target": target, "action": {"text": "strike", "lemma": "strike"}, "negated": negated, "hypothetical": False,
        "attribution": None, "date": {"text": "Monday", "resolved": date} if date else None,
        "location": {"text": "Antwerp", "country": country, "lat": None, "lon": None} if country else None,
        "quantities": [], "sentence": {"index": 0, "text": "x", "start": 0, "end": 1}, "confidence": 0.5 + n / 100,
        "extractor_version": "test",
    }


def _article(row: dict[str, Any]) -> CleanArticle:
    return CleanArticle(article_id=row["id"], body=row["body"], content_hash="0" * 64, cleaner_version="test", input_format="text",
                        source=row["outlet"], title=row["title"], language="en", published_at=row["published_at"])


def _extraction(row: dict[str, Any], events: list[dict[str, Any]]) -> Extraction:
    entities = [{"id": "e0", "canonical": "Antwerp", "aliases": [], "type": "GPE", "country": "BEL", "sector": None, "mentions": 3, "first_offset": 0}]
    where = {"text": "Antwerp", "country": "BEL", "lat": None, "lon": None}
    return Extraction(enriched={"entities": entities, "main_event": {"where": where}}, events=events)


def _inputs(group: str, with_events: bool = True) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    out = []
    for row in STREAM[group]:
        events = [_event(row["id"], 0)] if with_events and group == "strike" else []
        article, extraction = _article(row), _extraction(row, events)
        out.append((story_input(article, extraction), event_mentions(article, extraction)))
    return out


def _last_by_key(records: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    last: dict[str, dict[str, Any]] = {}
    for r in records:
        last[r[key]] = r
    return last


def test_inputs_follow_their_schemas():
    for item, mentions in _inputs("strike") + _inputs("other"):
        assert not list(INPUT_SCHEMA.iter_errors(item))
        for m in mentions:
            assert not list(MENTION_SCHEMA.iter_errors(m))
        assert 0 < len(item["terms"]) <= 48
        assert item["tone"] is not None and -1 <= item["tone"] <= 1


def test_five_outlets_one_story_and_one_merged_event():
    agg, clusters = StoryAggregator(store={}), EventClusters(store={})
    stories, merged = [], []
    for item, mentions in _inputs("strike") + _inputs("other"):
        stories += agg.apply(item)
        merged += clusters.apply_many(mentions)
    final = _last_by_key(stories, "story_id")
    strike = [r for r in final.values() if "strike-1" in r["article_ids"]]
    assert len(strike) == 1
    s = strike[0]
    assert s["num_articles"] == 5 and s["num_sources"] == 5
    assert sorted(s["article_ids"]) == [f"strike-{i}" for i in range(1, 6)]
    assert s["story_id"] == story_id_for("strike-1")
    assert "Antwerp" in s["title"]
    assert s["first_seen"] == "2031-03-03T07:10:00Z" and s["last_seen"] == "2031-03-03T16:40:00Z"
    assert s["plover_types"] == [{"type": "PROTEST", "articles": 5}]
    library = [r for r in final.values() if "library-1" in r["article_ids"]]
    assert len(library) == 1 and library[0]["num_articles"] == 1  # an unrelated report the same day stays apart
    clusters_final = _last_by_key(merged, "cluster_id")
    assert len(clusters_final) == 1
    m = next(iter(clusters_final.values()))
    assert (m["num_mentions"], m["num_articles"], m["num_sources"]) == (5, 5, 5)
    assert m["representative"]["event_id"] == "ev-strike-1-00"  # equal confidence: the earliest mention
    for r in stories:
        assert not list(STORY_SCHEMA.iter_errors(r)), r
    for r in merged:
        assert not list(MERGED_SCHEMA.iter_errors(r)), r


def test_redelivery_changes_nothing_and_reemits_identical_bytes():
    agg, clusters = StoryAggregator(store={}), EventClusters(store={})
    first_s, first_m = [], []
    for item, mentions in _inputs("strike"):
        first_s += agg.apply(item)
        first_m += clusters.apply_many(mentions)
    last_story = encode(first_s[-1])
    last_cluster = encode(first_m[-1])
    store_before = dict(agg.store)
    for item, mentions in _inputs("strike"):  # the same five again, e.g. after a worker was killed before committing
        again = agg.apply(item)
        assert [encode(r) for r in again] == [last_story]
        again_m = clusters.apply_many(mentions)
        assert [encode(r) for r in again_m] == [last_cluster]
    assert agg.stats["redelivered"] == 5 and clusters.stats["redelivered"] == 5
    assert dict(agg.store) == store_before
    rec = json.loads(last_story)
    assert rec["num_articles"] == 5 and rec["num_sources"] == 5


def test_later_news_peg_is_a_new_story_and_the_old_one_closes():
    agg = StoryAggregator(store={})
    records = []
    for item, _ in _inputs("strike") + _inputs("deal"):
        records += agg.apply(item)
    closed = [r for r in records if r["closed"]]
    assert [r["story_id"] for r in closed] == [story_id_for("strike-1")]
    deal = records[-1]
    assert deal["article_ids"] == ["deal-1"] and deal["story_id"] == story_id_for("deal-1") and not deal["closed"]


def test_a_follow_up_within_the_horizon_with_the_same_words_joins():
    """Time alone never splits a story: a report on the same happening a day later joins it."""
    agg = StoryAggregator(store={})
    items = [item for item, _ in _inputs("strike")]
    late_report = dict(items[2], article_id="strike-3-next-day", outlet="another-paper", published_at="2031-03-04T10:00:00Z")
    for item in items + [late_report]:
        out = agg.apply(item)
    assert out[-1]["num_articles"] == 6 and out[-1]["num_sources"] == 6


def test_horizon_expiry_closes_and_forgets():
    agg, clusters = StoryAggregator(StoryConfig(horizon_hours=24), store={}), EventClusters(ClusterConfig(horizon_hours=24), store={})
    for item, mentions in _inputs("strike"):
        agg.apply(item)
        clusters.apply_many(mentions)
    assert len(agg) == 1 and any(k.startswith("a:") for k in agg.store)
    closing = agg.expire(now=agg.watermark + 24 * 3600 + 1)
    assert len(closing) == 1 and closing[0]["closed"] is True and closing[0]["num_articles"] == 5
    assert not list(STORY_SCHEMA.iter_errors(closing[0]))
    assert len(agg) == 0 and agg.story_of("strike-1") is None
    assert set(agg.store) == {"w"}  # every s:/a: key deleted (tombstones in a changelog)
    closing_m = clusters.expire(now=clusters.watermark + 24 * 3600 + 1)
    assert len(closing_m) == 1 and closing_m[0]["closed"] is True
    assert len(clusters) == 0 and set(clusters.store) == {"w"}
    # the same article now is older than the horizon: its own closed story, nothing reopened
    late = agg.apply(_inputs("strike")[0][0])
    assert late[0]["closed"] is True and late[0]["article_ids"] == ["strike-1"] and late[0]["story_id"] != story_id_for("strike-1")
    assert len(agg) == 0 and agg.stats["late"] == 1


def test_restart_from_the_store_continues_like_an_uninterrupted_run():
    items = [item for item, _ in _inputs("strike") + _inputs("other") + _inputs("deal")]
    whole = StoryAggregator(store={})
    expected = [encode(r) for item in items for r in whole.apply(item)]
    store: dict[str, bytes] = {}
    agg = StoryAggregator(store=store)
    got = [encode(r) for item in items[:3] for r in agg.apply(item)]
    restarted = StoryAggregator(store=dict(store))  # a new worker reading the changelog
    got += [encode(r) for item in items[3:] for r in restarted.apply(item)]
    assert got == expected


def test_two_runs_give_byte_identical_records():
    def run() -> list[bytes]:
        agg = StoryAggregator()
        return [encode(r) for item, _ in _inputs("strike") + _inputs("other") for r in agg.apply(item)]

    assert run() == run()


def test_merge_keeps_the_older_id_and_finalises_the_other():
    """Two stories opened by reports that share little; a later report close to both merges them."""
    def item(aid: str, terms: dict[str, float], when: str, outlet: str) -> dict[str, Any]:
        return {"record_type": "story_input", "schema_version": "1.0", "article_id": aid, "outlet": outlet, "title": aid, "url": None,
                "language": "en", "published_at": when, "input_ts": None, "terms": terms, "entities": [], "places": [], "plover_types": [], "tone": 0.0}

    a = item("a", {"quake": 0.8, "valley": 0.6}, "2031-01-01T00:00:00Z", "x")
    b = item("b", {"quake": 0.6, "rescue": 0.8}, "2031-01-01T01:00:00Z", "y")  # cosine 0.48 with a: under 0.5
    agg = StoryAggregator(StoryConfig(threshold=0.5, merge_threshold=0.45, gap_penalty_per_day=0.0))
    agg.apply(a)
    assert agg.apply(b)[-1]["story_id"] == story_id_for("b")
    bridge = item("c", {"quake": 0.75, "valley": 0.45, "rescue": 0.45}, "2031-01-01T02:00:00Z", "z")
    out = agg.apply(bridge)
    final_b = [r for r in out if r["story_id"] == story_id_for("b")]
    assert final_b and final_b[0]["merged_into"] == story_id_for("a") and final_b[0]["closed"] is True
    survivor = out[-1]
    assert survivor["story_id"] == story_id_for("a") and sorted(survivor["article_ids"]) == ["a", "b", "c"]
    assert survivor["num_sources"] == 3 and len(agg) == 1 and agg.story_of("b") == story_id_for("a")
    for r in out:
        assert not list(STORY_SCHEMA.iter_errors(r))


def test_article_ids_are_bounded_but_counts_stay_exact():
    limits = StoryLimits(max_article_ids=3)
    agg = StoryAggregator(StoryConfig(limits=limits), store={})
    items = [item for item, _ in _inputs("strike")]
    for item in items:
        out = agg.apply(item)
    rec = out[-1]
    assert rec["num_articles"] == 5 and len(rec["article_ids"]) == 3 and rec["article_ids_truncated"] is True
    restarted = StoryAggregator(StoryConfig(limits=limits), store=dict(agg.store))
    assert sorted(restarted.stories[rec["story_id"]].members) == sorted(i["article_id"] for i in items)
    assert restarted.apply(items[4]) == [rec]  # the fifth member is known after a restart, beyond the bound


def test_event_time_does_not_trust_a_future_published_at():
    agg = StoryAggregator()
    item = dict(_inputs("other")[0][0], published_at="2040-01-01T00:00:00Z", input_ts="2031-03-03T12:00:00Z")
    assert agg.apply(item)[0]["first_seen"] == "2031-03-03T12:00:00Z"


def test_coalesce_keeps_the_last_record_per_key_in_order():
    rs = [{"record_type": "story", "story_id": k, "n": n} for n, k in enumerate("abac")]
    assert [(r["story_id"], r["n"]) for r in coalesce(rs)] == [("b", 1), ("a", 2), ("c", 3)]


# ---------------------------------------------------------------------- event clusters
def _mention(event: dict[str, Any], outlet: str = "o", published_at: str = "2031-03-03T10:00:00Z") -> dict[str, Any]:
    return {"record_type": "event_mention", "schema_version": "1.0", "event": event, "outlet": outlet, "published_at": published_at, "input_ts": None}


def _cluster_ids(mentions: list[dict[str, Any]]) -> dict[str, str]:
    clusters = EventClusters()
    for m in mentions:
        clusters.apply(m)
    return dict(clusters.event_cluster)


def test_merge_rule_type_actors_dates_and_country():
    base = _event("a1", 0)
    same = _event("a2", 0, date="2031-03-04")  # within a day
    far = _event("a3", 0, date="2031-03-06")  # three days later: another happening
    other_type = _event("a4", 0, ptype="ASSAULT", cameo="180")
    other_target = _event("a5", 0, target=_actor("Port of Antwerp", "BEL", "BUS"))
    elsewhere = _event("a6", 0, country="NLD")
    nowhere = _event("a7", 0, country=None)  # a missing place matches any
    ids = _cluster_ids([_mention(e) for e in (base, same, far, other_type, other_target, elsewhere, nowhere)])
    c = ids[base["event_id"]]
    assert ids[same["event_id"]] == c and ids[nowhere["event_id"]] == c
    for e in (far, other_type, other_target, elsewhere):
        assert ids[e["event_id"]] != c


def test_actor_without_name_matches_by_country_and_sector_and_no_source_never_merges():
    police = {"text": "police", "canonical": None, "entity": None, "country": "BEL", "sector": "COP"}
    a, b = _event("p1", 0, source=police), _event("p2", 0, source=dict(police, text="officers"))
    nameless = {"text": "officials", "canonical": None, "entity": None, "country": None, "sector": None}
    c, d = _event("n1", 0, source=nameless), _event("n2", 0, source=nameless)
    ids = _cluster_ids([_mention(e) for e in (a, b, c, d)])
    assert ids[a["event_id"]] == ids[b["event_id"]]
    assert ids[c["event_id"]] != ids[d["event_id"]]
    assert event_block_key(a) == event_block_key(b) and event_block_key(c) != event_block_key(d)


def test_negated_events_are_not_happenings():
    clusters = EventClusters()
    assert clusters.apply(_mention(_event("x", 0, negated=True))) == [] and len(clusters) == 0


def test_event_clusters_restart_from_store():
    events = [_event(f"r{i}", 0) for i in range(4)]
    store: dict[str, bytes] = {}
    first = EventClusters(store=store)
    for e in events[:2]:
        first.apply(_mention(e, outlet=e["article_id"]))
    again = EventClusters(store=dict(store))
    assert again.apply(_mention(events[0], outlet="r0"))[0]["num_mentions"] == 2  # known after restart
    out = again.apply(_mention(events[2], outlet="r2"))
    assert out[-1]["num_mentions"] == 3 and out[-1]["num_sources"] == 3


def test_story_route_key_is_the_language():
    a, b = _inputs("strike")[0][0], _inputs("other")[0][0]
    assert story_route_key(a) == story_route_key(b) == "lang:en"
    assert story_route_key(dict(a, language=None)) == "lang:und"


@pytest.mark.parametrize("horizon", [1.0, 72.0])
def test_state_stays_bounded_by_the_horizon(horizon: float):
    """Articles one hour apart for ten days: open stories never exceed what the horizon holds."""
    agg = StoryAggregator(StoryConfig(horizon_hours=horizon), store={})
    peak = 0
    for k in range(240):
        item = {"record_type": "story_input", "schema_version": "1.0", "article_id": f"x{k}", "outlet": "o", "title": None, "url": None,
                "language": "en", "published_at": None, "input_ts": 1_900_000_000 + k * 3600, "terms": {f"w{k}": 1.0},
                "entities": [], "places": [], "plover_types": [], "tone": None}
        agg.apply(item)
        peak = max(peak, len(agg))
    assert peak <= horizon + 2
    assert len(agg.store) <= 2 * (horizon + 2) + 1


def test_open_stories_and_clusters_have_a_hard_cap():
    agg = StoryAggregator(StoryConfig(max_open_stories=3), store={})
    closed = []
    for k in range(6):
        item = {"record_type": "story_input", "schema_version": "1.0", "article_id": f"c{k}", "outlet": "o", "title": None, "url": None,
                "language": "en", "published_at": None, "input_ts": 1_900_000_000 + k, "terms": {f"w{k}": 1.0},
                "entities": [], "places": [], "plover_types": [], "tone": None}
        closed += [r["article_ids"][0] for r in agg.apply(item) if r["closed"]]
    assert len(agg) == 3 and closed == ["c0", "c1", "c2"]  # the longest idle go first
    clusters = EventClusters(ClusterConfig(max_open_clusters=2))
    for k in range(4):
        clusters.apply(_mention(_event(f"k{k}", 0, source=_actor(f"actor {k}", "BEL", "GOV"))))
    assert len(clusters) == 2


def test_prefixed_stores_keep_partitions_apart_in_one_table():
    from streams.stories import PrefixedStore

    table: dict[str, bytes] = {}
    p0, p1 = EventClusters(store=PrefixedStore(table, "0/")), EventClusters(store=PrefixedStore(table, "1/"))
    p0.apply(_mention(_event("q0", 0), published_at="2031-03-03T10:00:00Z"))
    p1.apply(_mention(_event("q1", 0, source=_actor("someone else", "FRA", "GOV")), published_at="2031-05-01T10:00:00Z"))
    assert {k.split("/")[0] for k in table} == {"0", "1"}
    again0 = EventClusters(store=PrefixedStore(table, "0/"))
    assert len(again0) == 1 and again0.watermark == p0.watermark != p1.watermark


def test_largest_open_stories_for_the_dashboard():
    agg = StoryAggregator()
    for item, _ in _inputs("strike") + _inputs("other"):
        agg.apply(item)
    assert agg.largest(2) == [(5, 5, story_id_for("strike-1")), (1, 1, story_id_for("library-1"))]


def test_real_extraction_feeds_the_same_story():
    """The extract stage's real output (entities, events) as story input: the five reports still make one story."""
    from streams.extraction import extract

    agg, clusters = StoryAggregator(), EventClusters()
    records, merged = [], []
    for row in STREAM["strike"] + STREAM["other"]:
        article = _article(row)
        extraction = extract(article)
        item = story_input(article, extraction, input_ts=row["published_at"])
        assert not list(INPUT_SCHEMA.iter_errors(item))
        records += agg.apply(item)
        for m in event_mentions(article, extraction):
            assert not list(MENTION_SCHEMA.iter_errors(m))
            merged += clusters.apply(m)
    final = _last_by_key(records, "story_id")
    strike = final[story_id_for("strike-1")]
    assert strike["num_articles"] == 5 and strike["num_sources"] == 5
    assert any(e["name"] == "Antwerp" for e in strike["entities"])
    for r in records:
        assert not list(STORY_SCHEMA.iter_errors(r)), r
    for r in merged:
        assert not list(MERGED_SCHEMA.iter_errors(r)), r


def test_offline_run_prints_the_last_record_of_every_story_and_cluster():
    from streams.stories import final_records

    rows = STREAM["strike"] + STREAM["other"] + STREAM["deal"]
    pairs = []
    for row in rows:
        events = [_event(row["id"], 0)] if row["id"].startswith("strike") else []
        pairs.append((_article(row), _extraction(row, events)))
    stories, merged = final_records(pairs)
    covered = sorted(a for r in stories if not r["merged_into"] for a in r["article_ids"])
    assert covered == sorted(r["id"] for r in rows)  # every input with a clean body, once
    assert [r["closed"] for r in stories] == [True, True, False]  # strike and library closed by the deal's time
    assert len(merged) == 1 and merged[0]["num_sources"] == 5


def test_event_time_reads_iso_epoch_seconds_millis_and_header_text():
    from streams.stories.timeutil import event_time, parse_time

    t = parse_time("2031-03-03T12:00:00Z")
    assert parse_time(t) == parse_time(t * 1000) == parse_time(repr(t)) == parse_time("2031-03-03T12:00:00") == t
    assert parse_time("not a time") is None and parse_time(None) is None and parse_time("nan") is None and parse_time("inf") is None
    assert event_time(None, repr(t)) == t and event_time("2031-03-03T10:00:00Z", t) == t - 7200
