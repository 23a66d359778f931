"""The files users run without us: compose file, schemas, Dockerfile, Make targets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator

from streams.records import SCHEMA_VERSIONS
from streams.schemas import RECORD_SCHEMAS, schema_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_docker_compose_validates_against_the_compose_spec() -> None:
    spec = json.loads((FIXTURES / "compose-spec.json").read_text("utf-8"))
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    errors = sorted(Draft7Validator(spec).iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]
    services = compose["services"]
    assert {"kafka", "worker"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:4.")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert services["worker"]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"


def test_compose_spec_fixture_is_the_shared_reference() -> None:
    shared = ROOT.parent / "shared" / "reference" / "compose-spec.json"
    if not shared.exists():
        pytest.skip("../shared not beside the checkout")
    assert shared.read_bytes() == (FIXTURES / "compose-spec.json").read_bytes()


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
