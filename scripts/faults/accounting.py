"""Accounting by input id, and the comparison of a scenario with the fault-free baseline.

Per input, from what a deployment published: whether its clean and enriched
records exist, the ids of its events, and the reasons of its dead letters (found
by the raw-topic position a decode/clean-stage dead letter names, or by the
article id of an extract/produce-stage one). Then, for a scenario (definitions
from issue 15):

* **lost** - an input with neither outputs (its enriched record) nor a dead letter,
  or whose story input or event mention (of an event that happened) the story
  stage never aggregated: it is in no record of ``stories`` / ``events.merged``;
* **unexpected dead letters** - (input, reason) pairs the baseline did not have
  (and the scenario did not declare as its expected outcome);
* **conflicts** - one id (clean or enriched article id, event id, dead-letter id)
  published with two different contents (dead letters compared without
  ``failed_at``/``worker``);
* **event differences** - inputs enriched in both runs whose sets of event ids
  differ (reported, and part of a scenario's ``ok``);
* **stuck** - measured by the run (``run.py``): partitions of any stage's input topic
  (the story stage's included) whose lag does not drain within 60 s after the
  scenario's faults end.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from .corpus import Item
from .kafka_io import Outputs


@dataclass(frozen=True)
class ItemOutcome:
    clean: bool
    enriched: bool
    events: frozenset[str]
    dead: frozenset[str]
    truncated: bool = False

    def to_list(self) -> list[Any]:
        return [self.clean, self.enriched, sorted(self.events), sorted(self.dead), self.truncated]

    @classmethod
    def from_list(cls, v: list[Any]) -> "ItemOutcome":
        return cls(v[0], v[1], frozenset(v[2]), frozenset(v[3]), v[4])


def outcomes(items: list[Item], positions: dict[tuple[int, int], int], out: Outputs, raw_topic: str) -> tuple[dict[str, ItemOutcome], int]:
    """Per input key, its outcome; and the number of dead letters matched to no input."""
    by_aid = {it.expected_id: i for i, it in enumerate(items) if it.expected_id}
    dead: dict[int, set[str]] = {}
    unmatched = 0
    for d in out.dead:
        idx = positions.get((d["partition"], d["offset"])) if d["topic"] == raw_topic else None
        if idx is None and d["article_id"]:
            idx = by_aid.get(d["article_id"])
        if idx is None:
            unmatched += 1
            continue
        dead.setdefault(idx, set()).add(d["reason"])
    result = {}
    for i, it in enumerate(items):
        aid = it.expected_id
        result[it.key] = ItemOutcome(
            clean=bool(aid and aid in out.clean),
            enriched=bool(aid and aid in out.enriched),
            events=frozenset(out.events_of.get(aid, ())) if aid else frozenset(),
            dead=frozenset(dead.get(i, ())),
            truncated=bool(aid and aid in out.truncated),
        )
    return result, unmatched


def conflicts(out: Outputs) -> dict[str, list[str]]:
    """Ids published with more than one content, by record kind."""
    return {kind: [i for i, bodies in getattr(out, kind).items() if len(bodies) > 1] for kind in ("clean", "enriched", "events", "dlq")}


def duplicates(out: Outputs) -> int:
    distinct = len(out.clean) + len(out.enriched) + len(out.events) + len(out.dlq)
    return sum(out.records.values()) - distinct


@dataclass
class Comparison:
    lost: list[str] = field(default_factory=list)
    unexpected: list[tuple[str, str]] = field(default_factory=list)
    event_diffs: list[str] = field(default_factory=list)
    missing_clean: list[str] = field(default_factory=list)


def compare(items: list[Item], run: dict[str, ItemOutcome], base: dict[str, ItemOutcome] | None,
            expected_dead: Callable[[Item], set[str]] = lambda it: set(), story_lost: frozenset[str] | set[str] = frozenset()) -> Comparison:
    """``story_lost``: article ids the story stage never aggregated (``Outputs.story_lost``)."""
    c = Comparison()
    for it in items:
        o = run[it.key]
        if (not o.dead and not o.enriched) or (it.expected_id and it.expected_id in story_lost):
            c.lost.append(it.key)
        if o.enriched and not o.clean:
            c.missing_clean.append(it.key)
        b = base.get(it.key) if base is not None else None
        allowed = (set(b.dead) if b is not None else set()) | expected_dead(it)
        if base is not None:
            c.unexpected.extend((it.key, r) for r in sorted(o.dead - allowed))
        if b is not None and b.enriched and o.enriched and b.events != o.events:
            c.event_diffs.append(it.key)
    return c


# ---------------------------------------------------------------------- results
@dataclass
class Result:
    scenario: str
    expected: str = ""            # the outcome the scenario states in advance
    inputs: int = 0
    outputs: int = 0              # inputs with an enriched record
    dlq: int = 0                  # inputs with a dead letter
    lost: int = 0
    stuck: int = 0
    unexpected_dead_letters: int = 0
    conflicts: int = 0
    event_diffs: int = 0
    duplicates: int = 0           # extra records under an id already seen (at-least-once redelivery)
    restarts: int = 0             # workers stopped or killed by the scenario (planned)
    unplanned_exits: int = 0      # workers that exited without being told to (must be 0)
    max_message_cpu_s: float = 0.0  # upper bound of the slowest message's CPU time in a stage child
    max_e2e_s: float = 0.0        # produce -> first output, slowest input
    wall_s: float = 0.0
    dlq_reasons: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    samples: dict[str, list[Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (self.inputs > 0 and self.lost == 0 and self.stuck == 0 and self.unexpected_dead_letters == 0
                and self.conflicts == 0 and self.event_diffs == 0 and self.unplanned_exits == 0)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ok"] = self.ok
        return d


COLUMNS = [("scenario", 30), ("inputs", 6), ("out", 6), ("dlq", 5), ("lost", 4), ("stuck", 5), ("unexp_dl", 8), ("conflicts", 9),
           ("ev_diff", 7), ("dups", 5), ("restarts", 8), ("exits", 5), ("max_cpu_s", 9), ("max_e2e_s", 9), ("wall_s", 6), ("ok", 3)]


def _row(r: Result) -> list[Any]:
    return [r.scenario, r.inputs, r.outputs, r.dlq, r.lost, r.stuck, r.unexpected_dead_letters, r.conflicts, r.event_diffs,
            r.duplicates, r.restarts, r.unplanned_exits, f"{r.max_message_cpu_s:.2f}", f"{r.max_e2e_s:.1f}", f"{r.wall_s:.0f}",
            "yes" if r.ok else "NO"]


def table(results: list[Result]) -> str:
    head = " ".join(f"{name:>{w}}" if i else f"{name:<{w}}" for i, (name, w) in enumerate(COLUMNS))
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(" ".join(f"{v:>{w}}" if i else f"{v:<{w}}" for i, ((_, w), v) in enumerate(zip(COLUMNS, _row(r)))))
    return "\n".join(lines)


def markdown_table(results: list[Result]) -> str:
    names = [c for c, _ in COLUMNS]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(str(v) for v in _row(r)) + " |" for r in results]
    return "\n".join(lines)
