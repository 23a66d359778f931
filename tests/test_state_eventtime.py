"""Event time of an article and the time buckets state lives in."""

from __future__ import annotations

from streams.state.eventtime import Buckets, event_time, parse_time

H = 72 * 3600


def test_parse_time_reads_iso_dates_and_treats_naive_as_utc() -> None:
    assert parse_time("2026-03-01T12:00:00Z") == 1772366400.0
    assert parse_time("2026-03-01T12:00:00") == 1772366400.0
    assert parse_time("2026-03-01T13:00:00+01:00") == 1772366400.0
    assert parse_time("yesterday") is None
    assert parse_time(None) is None and parse_time("") is None


def test_event_time_is_published_at_clamped_around_the_record_timestamp() -> None:
    ts = 1772366400.0  # the Kafka timestamp of the input record
    assert event_time("2026-03-01T10:00:00Z", ts, horizon_s=H, max_ahead_s=3600) == ts - 7200
    assert event_time(None, ts, horizon_s=H, max_ahead_s=3600) == ts
    # a date far in the future (a typo, a wrong zone) cannot push the watermark ahead
    assert event_time("2099-01-01T00:00:00Z", ts, horizon_s=H, max_ahead_s=3600) == ts + 3600
    # an old page re-crawled today is remembered from the start of the horizon, not dropped on arrival
    assert event_time("2019-05-01T00:00:00Z", ts, horizon_s=H, max_ahead_s=3600) == ts - H
    assert event_time("2026-03-01T10:00:00Z", None, horizon_s=H, max_ahead_s=3600) == ts - 7200
    assert event_time(None, None, horizon_s=H, max_ahead_s=3600) is None


def test_buckets_keep_state_for_the_horizon_plus_at_most_one_bucket() -> None:
    b = Buckets.for_horizon(H, 12)
    assert b.width_s == 6 * 3600
    w = 1_000 * b.width_s + 123  # a watermark
    live = b.live(w)
    assert len(live) == 13 and live[-1] == b.of(w)
    oldest_kept = b.start(live[0])
    assert w - oldest_kept <= H + b.width_s  # kept at most a bucket past the horizon
    assert w - (b.start(live[0]) + b.width_s) < H  # the first live bucket still holds times inside the horizon
    assert b.start(live[0]) <= w - H  # the bucket before it lies entirely behind the horizon


def test_stamp_moves_late_times_into_the_first_live_bucket() -> None:
    b = Buckets.for_horizon(3600, 12)
    w = 10_000_000
    assert b.stamp(w - 100, w) == w - 100
    assert b.of(b.stamp(5, w)) == b.floor(w)
    assert b.stamp(None, w) == w
    assert b.stamp(2**40, w) == 2**32 - 1
