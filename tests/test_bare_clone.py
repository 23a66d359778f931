"""A clone of the repository alone is a complete project: what needs ../shared says so, and CI cannot skip it."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson
import pytest

import conftest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus as bench_corpus  # noqa: E402


def test_missing_shared_data_skips_with_a_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "no-shared")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"real pages needs \.\./shared/data/x beside the checkout"):
        conftest.require_shared("data", "x", what="real pages")


@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_missing_shared_data_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "no-shared")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="CI=true requires it"):
        conftest.require_shared("data", "x", what="real pages")


def test_present_shared_data_is_returned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "data" / "x").mkdir(parents=True)
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    monkeypatch.setenv("CI", "true")
    assert conftest.require_shared("data", "x", what="real pages") == tmp_path / "data" / "x"


def test_the_samples_are_the_teams_own_and_cover_several_languages_and_forms() -> None:
    items = conftest.team_envelopes()
    ids = [aid for aid, _ in items]
    assert len(ids) == len(set(ids)) >= 20
    assert "seed-article" in ids
    suffixes = {p.suffix for p in conftest.SAMPLES.rglob("*") if p.is_file()}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    langs = {p.stem.split("-")[0] for p in (conftest.SAMPLES / "pages").glob("*.html")}
    assert {"en", "de", "fr", "es", "ar", "zh"} <= langs


def test_benchmarks_without_a_corpus_say_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(bench_corpus, "SHARED", tmp_path / "no-shared")
    monkeypatch.delenv("CORPUS", raising=False)
    with pytest.raises(bench_corpus.CorpusUnavailable, match="CORPUS=PATH"):
        bench_corpus.all_articles()
    assert bench_corpus.main() == 3
    assert "CORPUS=PATH" in capsys.readouterr().out
    monkeypatch.setenv("CORPUS", str(tmp_path / "nowhere"))
    assert bench_corpus.main() == 2


def test_a_corpus_directory_or_json_lines_file_is_used_each_article_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bench_corpus, "SHARED", tmp_path / "no-shared")
    lines = [orjson.dumps({"id": f"a{i}", "text": f"Story number {i} about talks in Oslo."}) for i in range(5)]
    lines.append(lines[0])  # the same article twice counts once
    jsonl = tmp_path / "envelopes.jsonl"
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    monkeypatch.setenv("CORPUS", str(jsonl))
    items = bench_corpus.corpus(1000)
    assert sorted(aid for aid, _ in items) == [f"a{i}" for i in range(5)]
    assert bench_corpus.corpus(3) == items[:3]
    monkeypatch.setenv("CORPUS", str(conftest.SAMPLES))
    assert {aid for aid, _ in bench_corpus.corpus()} == {aid for aid, _ in conftest.team_envelopes()}


def test_the_default_corpus_has_a_thousand_distinct_articles() -> None:
    """From ../shared: no article repeats (no cache warmed by copies), every dev page included."""
    conftest.require_shared("data", "event-training", what="the throughput benchmark's default corpus")
    items = bench_corpus.corpus(1000, explicit=None) if not bench_corpus.os.environ.get("CORPUS") else pytest.skip("CORPUS set")
    assert len(items) == 1000
    assert len({aid for aid, _ in items}) == len({v for _, v in items}) == 1000
    assert sum(aid.startswith("ae-") for aid, _ in items) == 91
    assert len(bench_corpus.all_articles()) >= 4500
