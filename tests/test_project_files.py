"""The files users run without us: compose file, schemas, Dockerfile, Make targets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from streams.records import SCHEMA_VERSIONS
from streams.schemas import RECORD_SCHEMAS, schema_dir

ROOT = Path(__file__).resolve().parent.parent


def test_docker_compose_validates_against_the_compose_spec() -> None:
    """The ecosystem's validator with the Compose Specification schema it ships (no Docker engine, no copied schema)."""
    tool = Path(sys.executable).with_name("check-jsonschema")
    assert tool.exists(), "check-jsonschema is a test dependency: pip install -e '.[test]'"
    r = subprocess.run([str(tool), "--builtin-schema", "vendor.compose-spec", str(ROOT / "docker-compose.yml")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    services = compose["services"]
    assert {"kafka", "worker"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:4.")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert services["worker"]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"


def test_the_compose_check_rejects_an_invalid_file(tmp_path: Path) -> None:
    """The validator really checks: a wrong type and an unknown key are refused."""
    bad = tmp_path / "docker-compose.yml"
    bad.write_text("services:\n  worker:\n    image: 5\n    restart_policy_typo: always\n", "utf-8")
    tool = Path(sys.executable).with_name("check-jsonschema")
    r = subprocess.run([str(tool), "--builtin-schema", "vendor.compose-spec", str(bad)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "restart_policy_typo" in r.stdout + r.stderr


def test_the_repository_carries_no_third_party_pages() -> None:
    """Fixtures and samples are written by the team; pages and dataset files stay in ../shared."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    files = tracked.stdout.splitlines()
    assert not [f for f in files if f.startswith("samples/page-")], "third-party pages in samples/"
    assert "tests/fixtures/compose-spec.json" not in files


@pytest.mark.parametrize("record_type", sorted(RECORD_SCHEMAS))
def test_every_record_type_has_a_valid_versioned_schema(record_type: str) -> None:
    schema = json.loads((schema_dir() / RECORD_SCHEMAS[record_type]).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    version = schema["properties"]["schema_version"]
    if record_type == "raw_article":  # input: the version is optional for producers
        assert version["type"] == "string"
    else:
        assert version["const"] == SCHEMA_VERSIONS[record_type]
        assert "schema_version" in schema["required"]


def test_dead_letter_reasons_in_schema_match_the_code() -> None:
    from streams.errors import REASONS

    schema = json.loads((schema_dir() / "dead-letter.schema.json").read_text("utf-8"))
    assert set(schema["properties"]["reason"]["enum"]) == set(REASONS)


def test_make_targets_and_ci_entry_point() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("run", "test", "kafka-up", "kafka-down", "bench"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make run" in readme and "make test" in readme


def test_dockerfile_runs_the_worker_as_non_root() -> None:
    text = (ROOT / "Dockerfile").read_text("utf-8")
    assert re.search(r"^USER\s+(?!root)\S+", text, re.M)
    assert 'CMD ["worker"]' in text
