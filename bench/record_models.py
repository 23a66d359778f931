"""Cost of validating records against their models at the encode point (``streams.models.encode``).

Run: ``.venv/bin/python bench/record_models.py`` (about a minute). No broker.

Corpus: the repository's own fixture articles (tests/fixtures: the story
stream, the seed article, the team-written HTML pages), each distinct, cleaned
once. Each article is extracted once untimed (a text's first parse adds its
words to the vocabulary, which would favour whichever side ran first), then the
extract stage (``extract_one`` with the story stage's records) runs ``ROUNDS``
times with validation on and off, interleaved, the order alternating, so both
sides see the same machine load. Repeating an article warms caches for both
sides alike; it makes extraction cheaper, so the share below is if anything
overstated.
Reported, in CPU seconds of this process:

- ``validate_share``: time inside model validation for the article's output
  records (enriched, events, story input, event mentions), measured directly,
  over the extract stage's time without validation (the bar: about 0.02).
- ``on_over_off``: extract-stage time with validation / without (noisy: a
  difference of a fraction of a percent is inside the run-to-run spread).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streams.models as models  # noqa: E402
from streams.inputs import iter_inputs  # noqa: E402
from streams.cores import clean_one, extract_one  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
ROUNDS = 3


def articles() -> list[bytes]:
    paths = [FIXTURES / "stories" / "cli-stream.jsonl", FIXTURES / "seed-article.txt",
             *sorted((FIXTURES / "cleaning" / "pages" / "html").glob("*.html"))]
    out = []
    for item in iter_inputs([str(p) for p in paths]):
        outcome = clean_one(item.value, envelope_only=item.envelope_only)
        if outcome.ok:
            out.append(outcome.records[0][2])
    return out


def main() -> None:
    real_validate = models.validate
    validate_s = 0.0

    def timed_validate(record_type, record):  # noqa: ANN001, ANN202
        nonlocal validate_s
        t0 = time.process_time()
        try:
            real_validate(record_type, record)
        finally:
            validate_s += time.process_time() - t0

    def noop(record_type, record):  # noqa: ANN001, ANN202
        return None

    clean = articles()
    models.validate = noop
    for value in clean:  # the model's load and each text's first parse, outside the timings
        extract_one(value, stories=True)
    on_s = off_s = 0.0
    records = 0
    for n, value in enumerate(v for _ in range(ROUNDS) for v in clean):
        for mode in (("on", "off") if n % 2 == 0 else ("off", "on")):
            models.validate = timed_validate if mode == "on" else noop
            t0 = time.process_time()
            outcome = extract_one(value, stories=True)
            spent = time.process_time() - t0
            assert outcome.ok, outcome.message
            if mode == "on":
                on_s += spent
                records += len(outcome.records)
            else:
                off_s += spent
    models.validate = real_validate
    runs = ROUNDS * len(clean)
    result = {
        "articles": len(clean),
        "rounds": ROUNDS,
        "records_validated": records,
        "extract_s_per_article_off": round(off_s / runs, 5),
        "validate_s_per_article": round(validate_s / runs, 6),
        "validate_share": round(validate_s / off_s, 4),
        "on_over_off": round(on_s / off_s, 4),
    }
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "record_models.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
