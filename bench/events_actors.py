"""Are sources and targets actors? Share of emitted events whose target is an actor or null (issue 14 bar).

    .venv/bin/python bench/events_actors.py [--half test|tune|all] [-v]

An actor target is linked to an entity of the article (its ``entity`` id is in the
enriched record's entities) or is an agent noun phrase (no entity, a sector, and a head
noun the agents dictionary knows). Measured on the 5W1H articles (by half of their id)
and on the samples of ``make run`` (``samples/``, through both stages as ``newsevents process``); sources are
checked the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
G5 = ROOT.parent / "shared" / "data" / "giveme5w1h"

from events_split import select  # noqa: E402


def articles(half: str) -> list[dict[str, Any]]:
    out = []
    for f in sorted(G5.glob("*.json")):
        d = json.loads(f.read_text("utf-8"))
        body = "\n\n".join(x for x in (d.get("description"), d.get("text")) if x)
        published = str(d.get("date_publish") or "").replace(" ", "T")
        out.append({"id": d["dId"], "title": d.get("title"), "text": body,
                    "published_at": published + "Z" if published[:2] in ("19", "20") else None, "kind": "5w1h"})
    return select(out, lambda x: x["id"], half)


def sample_results() -> list[tuple[dict[str, Any], Any]]:
    """The records ``make run`` prints: every file under ``samples/`` through the stage chain (``newsevents process``)."""
    from types import SimpleNamespace

    import orjson

    from streams.chain import RECORD_TYPES
    from streams.config import Settings
    from streams.inputs import iter_inputs
    from streams.offline import OfflineChain

    by_article: dict[str, Any] = {}
    with OfflineChain(Settings()) as chain:
        for records in chain.run(iter_inputs([str(ROOT / "samples")])):
            for out in records:
                rtype = RECORD_TYPES[out.kind]
                if rtype not in ("enriched_article", "event"):
                    continue
                rec = orjson.loads(out.value)
                slot = by_article.setdefault(rec["article_id"], SimpleNamespace(enriched=None, events=[]))
                if rtype == "enriched_article":
                    slot.enriched = rec
                else:
                    slot.events.append(rec)
    return [({"id": k}, r) for k, r in by_article.items() if r.enriched is not None]


def extract_all(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Any]]:
    from streams.cleaning.cleaner import clean
    from streams.extraction import extract
    from streams.records import RawArticle

    out = []
    for x in items:
        raw = RawArticle(id=x["id"], html=x.get("html"), text=x.get("text"), title=x.get("title"), language="en",
                         published_at=x.get("published_at"))
        try:
            art = clean(raw)
        except Exception:  # noqa: BLE001 - a page the cleaner rejects has no events
            continue
        art.language = art.language or "en"
        out.append((x, extract(art)))
    return out


def agent_keys() -> set[str]:
    """Phrases of the agents dictionary (``actors_agents.tsv``) that name an actor (not ~JNK / ~NON)."""
    from streams.extraction.gazetteer import table_rows

    return {row[0] for row in table_rows("actors_agents.tsv") if len(row) > 1 and not row[1].strip("~").startswith(("JNK", "NON"))}


def is_actor(actor: dict[str, Any] | None, entity_ids: set[str], agent_nouns: set[str]) -> bool:
    if actor is None:
        return True
    if actor.get("entity"):
        return actor["entity"] in entity_ids
    words = [w for w in actor.get("text", "").lower().replace("’", "'").split() if w.isalpha()]
    if not actor.get("sector") or not words:
        return False
    if len(words) == 1 and words[0] in PRONOUNS:
        return True  # a pronoun the coder resolved to an agent (it carries the agent's sector)
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    return any(g in agent_nouns or _singular(g) in agent_nouns for g in grams)


PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "we", "us"}


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def score(results: list[tuple[dict[str, Any], Any]], verbose: bool = False) -> dict[str, Any]:
    agents = agent_keys()
    n = tgt_ok = with_target = src_ok = 0
    for x, res in results:
        ids = {e["id"] for e in res.enriched["entities"]}
        for e in res.events:
            n += 1
            t_ok = is_actor(e["target"], ids, agents)
            s_ok = is_actor(e["source"] if e["source"]["text"] else None, ids, agents)
            tgt_ok += t_ok
            src_ok += s_ok
            with_target += e["target"] is not None
            if verbose and (not t_ok or not s_ok):
                print(f'NOT ACTOR {e["cameo_code"]} S {e["source"]["text"]!r} T {(e["target"] or {}).get("text")!r} | {e["sentence"]["text"][:100]}')
    return {"articles": len(results), "events": n, "events_with_target": with_target,
            "target_actor_or_null": round(tgt_ok / n, 3) if n else None,
            "source_actor_or_null": round(src_ok / n, 3) if n else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", default="test", choices=("test", "tune", "all"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    out = {"half": args.half, "giveme5w1h": score(extract_all(articles(args.half)), args.verbose),
           "samples": score(sample_results(), args.verbose)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
