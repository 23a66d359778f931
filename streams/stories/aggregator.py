"""Online single-pass story clustering with exactly-once aggregates: the story agent's whole core.

    agg = StoryAggregator(StoryConfig(), store=table)      # store: any MutableMapping[str, bytes]
    records = agg.apply_many(story_inputs)                  # story records to publish (coalesced per story)
    records += agg.expire(now)                              # idle advance of event time (optional)

Why this design (details, numbers and the alternatives in ``docs/stories.md``):
a stream processor owes a story record when each article arrives, so this is
the single-pass clustering of Topic Detection and Tracking (Allan, Papka &
Lavrenko 1998; Yang, Pierce & Carbonell 1998) and of Miranda et al. (2018,
"Multilingual clustering of streaming news"): compare with the open clusters'
centroids, join the best above a threshold or open a new one, penalise distance
in time, prune clusters that went quiet. Miranda et al. learn the weights of
several TF-IDF sub-vectors (body, title, entities) and of time features from
thousands of labelled pairs; with 48 labelled dev articles that would fit 11
events, so here one vector (title words repeated) and two hand-set numbers, with
idf from a published word-frequency table instead of the stream's own history
(reproducible records on replay, no cold start). newsLens (Laban & Hearst 2017)
clusters a window of days in batch (keyword graph + Louvain) and stitches windows
into long stories; its keyword overlap is how candidates are found here, and
the merge step below stands in for its re-linking.

Algorithm: each article, in arrival
order, is compared with the open stories that share one of its heaviest stems
(an inverted index, so the cost does not grow with the number of open stories);
score = cosine(article vector, story centroid) - ``gap_penalty_per_day`` x days
between the article and the story's nearest edge in time. The best story at or
above ``threshold`` takes the article, else the article starts a story. A story
whose last article is more than ``horizon_hours`` of event time behind the
newest article closes: its final record says ``closed: true`` and its state
leaves memory and the store. When an article scores at or above the threshold
with two stories whose centroids are then ``merge_threshold`` alike, the two
were one happening seen from two sides: they merge, the older id survives, and
the other publishes a last record with ``merged_into``.

Exactly-once aggregates under at-least-once delivery: an article id already in
a story changes nothing and re-emits that story's current record, which is
byte-identical to the last one published if nothing else changed (a lost send
before a crash is thereby repaired). An article older than the horizon (a replay
of expired data, a wrong date) becomes a closed story of its own, so every input
still lands in exactly one story record.

State: the in-memory objects are a cache of ``store`` (``w`` = watermark,
``s:<story_id>`` = story, ``a:<article_id>`` = "<story_id> <seq>"), written once
per touched key per batch and deleted when a story closes, so a Faust table with
a changelog holds exactly the open stories and a restart rebuilds them from it.
"""

from __future__ import annotations

import heapq
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from ..ids import stable_hash
from .story import Story, StoryLimits
from .timeutil import DAY_S
from .window import WATERMARK_KEY, EventTimeAggregator, WindowConfig

_STORY = "s:"
_ARTICLE = "a:"


@dataclass(frozen=True, slots=True)
class StoryConfig(WindowConfig):
    """How an article joins a story, and the bounds of the story state. The scores and the open-story bound are
    settings (``NEWSEVENTS_STORY_THRESHOLD``, ``..._GAP_PENALTY_PER_DAY``, ``..._MERGE_THRESHOLD``, ``..._MAX_OPEN``,
    ``Settings.story_config``); the candidate-search sizes are fixed here, as they trade recall for cost only."""

    threshold: float = 0.20
    gap_penalty_per_day: float = 0.03
    merge_threshold: float = 0.50
    query_terms: int = 16  # the article's heaviest stems used to find candidate stories
    index_terms: int = 16  # each story's heaviest centroid stems kept in the inverted index
    max_candidates: int = 64  # stories scored per article (those sharing the most query weight)
    max_postings: int = 2_000  # a stem shared by more open stories than this does not pick candidates
    max_open_stories: int = 1_000_000  # hard memory bound: past it the longest-idle story closes early
    limits: StoryLimits = field(default_factory=StoryLimits)


def story_id_for(article_id: str, late: bool = False) -> str:
    """Deterministic, immutable id: from the article that opened the story."""
    return "s-" + stable_hash("late-story" if late else "story", article_id, length=20)


class StoryAggregator(EventTimeAggregator):
    config: StoryConfig

    def __init__(self, config: StoryConfig | None = None, store: MutableMapping[str, bytes] | None = None) -> None:
        self.stories: dict[str, Story] = {}
        self.article_story: dict[str, str] = {}
        # stem -> the open stories indexed under it: a plain id while there is one (most stems of most
        # stories are rare: a one-element set would cost ~200 bytes each), a set from the second on
        self._postings: dict[str, str | set[str]] = {}
        self._indexed: dict[str, tuple[str, ...]] = {}
        self._dropped_articles: set[str] = set()
        self._dropped_stories: set[str] = set()
        self._moved: set[str] = set()
        super().__init__(config or StoryConfig(), store, self.stories)

    def _record(self, story: Story) -> dict[str, Any]:
        return story.to_record(self.config.limits)

    # ------------------------------------------------------------------ public API (and apply, apply_many, expire)
    def story_of(self, article_id: str) -> str | None:
        return self.article_story.get(article_id)

    def largest(self, n: int = 10) -> list[tuple[int, int, str]]:
        """(articles, sources, story id) of the ``n`` largest open stories, for a size-by-rank gauge."""
        top = heapq.nlargest(n, self.stories.values(), key=lambda s: (len(s.members), s.story_id))
        return [(len(s.members), len(s.summary().outlets), s.story_id) for s in top]

    # ------------------------------------------------------------------ one article
    def _apply_one(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        cfg = self.config
        article_id = item["article_id"]
        known = self.article_story.get(article_id)
        if known is not None:
            self.stats["redelivered"] += 1
            return [self.stories[known].to_record(cfg.limits)]
        when = self._time_of(item.get("published_at"), item.get("input_ts"))
        if self._is_late(when):
            self.stats["late"] += 1
            late = Story(story_id_for(article_id, late=True), when, when)
            late.add(item, when, cfg.limits)
            return [late.to_record(cfg.limits, closed=True)]
        out = self._advance(when)
        terms = item.get("terms") or {}
        scored = self._score(terms, when)
        if scored and scored[0][0] >= cfg.threshold:
            story = scored[0][1]
        else:
            story = Story(story_id_for(article_id), when, when)
            self.stories[story.story_id] = story
            self.stats["created"] += 1
            if len(self.stories) > cfg.max_open_stories:
                out.extend(self._close_idle(limit=len(self.stories) - cfg.max_open_stories, keep=story.story_id))
        story.add(item, when, cfg.limits)
        self._remember_member(article_id, story)
        self._touch(story)
        for score, other in scored[1:]:
            if score < cfg.threshold:
                break
            if other.story_id in self.stories and story.centroid_similarity(other) >= cfg.merge_threshold:
                story, final = self._merge(story, other)
                out.append(final)
        out.append(story.to_record(cfg.limits))
        return out

    def _score(self, terms: dict[str, float], when: float) -> list[tuple[float, Story]]:
        """Candidate stories with their scores, best first (ties: older story, then smaller id)."""
        cfg = self.config
        query = sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.query_terms]
        shared: dict[str, float] = {}
        for term, weight in query:
            ids = self._postings.get(term)
            if ids is None:
                continue
            if isinstance(ids, str):
                shared[ids] = shared.get(ids, 0.0) + weight
                continue
            if len(ids) > cfg.max_postings:
                continue  # as common among open stories as a function word: it tells them apart no better
            for sid in ids:
                shared[sid] = shared.get(sid, 0.0) + weight
        if len(shared) > cfg.max_candidates:
            # rounded: set order differs between processes, and float sums with it
            ranked = sorted(shared.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))
            shared = dict(ranked[: cfg.max_candidates])
        scored = []
        for sid in shared:
            story = self.stories[sid]
            gap = max(0.0, when - story.last_seen, story.first_seen - when) / DAY_S
            scored.append((story.similarity(terms) - cfg.gap_penalty_per_day * gap, story))
        scored.sort(key=lambda pair: (-pair[0], pair[1].first_seen, pair[1].story_id))
        return scored

    def _merge(self, story: Story, other: Story) -> tuple[Story, dict[str, Any]]:
        """Fold the younger of the two into the older; returns (survivor, the absorbed story's final record)."""
        cfg = self.config
        older, younger = sorted((story, other), key=lambda s: (s.first_seen, s.story_id))
        final = younger.to_record(cfg.limits, closed=True, merged_into=older.story_id)
        for article_id in older.absorb(younger, cfg.limits):
            self._remember_member(article_id, older)
        self._drop(younger, forget_members=False)
        self._touch(older)
        self.stats["merged"] += 1
        return older, final

    # ------------------------------------------------------------------ bookkeeping
    def _remember_member(self, article_id: str, story: Story) -> None:
        self.article_story[article_id] = story.story_id
        self._moved.add(article_id)
        self._dropped_articles.discard(article_id)

    def _touch(self, story: Story) -> None:
        """Re-index the story's heaviest stems, schedule its expiry check, mark it for the store."""
        terms = story.terms[: self.config.index_terms]
        old = self._indexed.get(story.story_id, ())
        if terms != old:
            for t in set(old) - set(terms):
                self._unpost(t, story.story_id)
            for t in set(terms) - set(old):
                self._post(t, story.story_id)
            self._indexed[story.story_id] = terms
        self._schedule(story.last_seen, story.story_id)
        self._dirty.add(story.story_id)
        self._dropped_stories.discard(story.story_id)

    def _post(self, term: str, sid: str) -> None:
        ids = self._postings.get(term)
        if ids is None:
            self._postings[term] = sid
        elif isinstance(ids, str):
            if ids != sid:
                self._postings[term] = {ids, sid}
        else:
            ids.add(sid)

    def _unpost(self, term: str, sid: str) -> None:
        ids = self._postings.get(term)
        if ids == sid:
            del self._postings[term]
        elif isinstance(ids, set):
            ids.discard(sid)
            if len(ids) == 1:
                self._postings[term] = next(iter(ids))

    def _drop(self, story: Story, forget_members: bool) -> None:
        sid = story.story_id
        for t in self._indexed.pop(sid, ()):
            self._unpost(t, sid)
        del self.stories[sid]
        self._dirty.discard(sid)
        self._dropped_stories.add(sid)
        if forget_members:
            for article_id in story.members:
                if self.article_story.get(article_id) == sid:
                    del self.article_story[article_id]
                    self._moved.discard(article_id)
                    self._dropped_articles.add(article_id)

    def _open_group(self, key: str) -> Story | None:
        return self.stories.get(key)

    def _close(self, story: Story) -> dict[str, Any]:
        record = story.to_record(self.config.limits, closed=True)
        self._drop(story, forget_members=True)
        self.stats["closed"] += 1
        return record

    # ------------------------------------------------------------------ store
    def _flush(self) -> None:
        """Write what this batch changed to the store: one value per touched key, deletions for closed state."""
        store = self.store
        if store is None:
            self._clear_pending()
            return
        self._write_watermark(store)
        for sid in sorted(self._dropped_stories):
            store.pop(_STORY + sid, None)
        for article_id in sorted(self._dropped_articles):
            store.pop(_ARTICLE + article_id, None)
        positions: dict[str, dict[str, int]] = {}
        for article_id in sorted(self._moved):
            sid = self.article_story[article_id]
            if sid not in positions:
                positions[sid] = {a: i for i, a in enumerate(self.stories[sid].members)}
            store[_ARTICLE + article_id] = f"{sid} {positions[sid][article_id]}".encode()
        for sid in sorted(self._dirty):
            store[_STORY + sid] = self.stories[sid].to_state(self.config.limits)
        self._clear_pending()

    def _clear_pending(self) -> None:
        self._dirty.clear()
        self._moved.clear()
        self._dropped_articles.clear()
        self._dropped_stories.clear()

    def _load(self, store: MutableMapping[str, bytes]) -> None:
        """Rebuild the in-memory cache from the store (after a restart or a rebalance)."""
        extra: dict[str, list[tuple[int, str]]] = {}
        for key, value in store.items():
            if key == WATERMARK_KEY:
                self._read_watermark(value)
            elif key.startswith(_STORY):
                story = Story.from_state(bytes(value))
                self.stories[story.story_id] = story
            elif key.startswith(_ARTICLE):
                sid, seq = bytes(value).decode().split(" ")
                self.article_story[key[len(_ARTICLE):]] = sid
                extra.setdefault(sid, []).append((int(seq), key[len(_ARTICLE):]))
        bound = self.config.limits.max_article_ids
        for sid, rows in extra.items():
            story = self.stories.get(sid)
            if story is not None:
                story.members.extend(a for seq, a in sorted(rows) if seq >= bound)
        self.article_story = {a: sid for a, sid in self.article_story.items() if sid in self.stories}
        for story in self.stories.values():
            self._touch(story)
        self._dirty.clear()
