"""A group of messages run in one stage call gives each message the records it gets alone.

The worker's NLP child runs messages in groups (``NEWSEVENTS_CHILD_GROUP_SIZE``) so the parser
batches them; whatever it publishes must not depend on which messages shared a group: ids are
deterministic and a redelivered message, regrouped after a rebalance, must come out the same.
"""

from __future__ import annotations

from conftest import team_envelopes
from streams.cores import clean_messages, extract_messages


def _records(outcomes):
    return [(o.article_id, o.reason, o.records) for o in outcomes]


def test_clean_and_extract_give_the_same_records_grouped_and_alone():
    values = [v for _, v in team_envelopes()][:12]
    assert len(values) >= 6
    cleaned_group = clean_messages(values)
    cleaned_alone = [clean_messages([v])[0] for v in values]
    assert _records(cleaned_group) == _records(cleaned_alone)
    clean = [rec for o in cleaned_group for kind, _key, rec in o.records if kind == "clean"]
    assert len(clean) >= 6
    grouped = extract_messages(clean, stories=True)
    alone = [extract_messages([v], stories=True)[0] for v in clean]
    assert _records(grouped) == _records(alone)
    assert sum(len(o.records) for o in grouped) > 2 * len(clean)  # enriched, events, story inputs: something to compare
    # and regrouped in another order, each message still gets its own records
    backwards = extract_messages(clean[::-1], stories=True)[::-1]
    assert _records(backwards) == _records(alone)
