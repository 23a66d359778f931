"""The deployment users run without us is hardened: compose, Dockerfile and the lock file.

No Docker engine here, so the files are read as data: no unauthenticated
lifecycle API, no default admin password, every image pinned by an exact
version, the worker's state on a volume, and an image that installs only files
whose hashes the lock lists.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import streams
from streams.config import Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text("utf-8")
LOCK = ROOT / "requirements.lock"

# An exact version tag: at least major.minor.patch (a leading v and a suffix such as
# -slim-bookworm allowed), never a moving name such as latest, 3.11 or 11-oss.
EXACT_TAG = re.compile(r"^v?\d+\.\d+\.\d+(?:[-.][A-Za-z0-9.]+)*$")


def image_tag(image: str) -> str:
    assert "@" not in image, f"{image}: pinned by digest (digests cannot be checked from here)"
    name, sep, tag = image.rpartition(":")
    assert sep and "/" not in tag, f"{image}: no tag (means latest)"
    return tag


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in DOCKERFILE.splitlines() if not l.lstrip().startswith("#")))
    return [(m[1].upper(), m[2].strip()) for m in re.finditer(r"^\s*([A-Za-z]+)\s+(.*)$", joined, re.M)]


def lock_entries(path: Path = LOCK) -> dict[str, tuple[str, list[str]]]:
    """name -> (pinned version, sha256 hashes), parsed from the pip requirements format."""
    entries: dict[str, tuple[str, list[str]]] = {}
    text = re.sub(r"\\\n", " ", path.read_text("utf-8"))
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;]+)(?:\s*;[^-]*)?((?:\s+--hash=\S+)*)\s*$", line)
        assert m, f"requirements.lock: not a pinned, hashed requirement: {line[:120]!r}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]+)", m[3])
        entries[canonicalize_name(m[1])] = (m[2], hashes)
    return entries


def test_prometheus_has_no_lifecycle_api() -> None:
    for name, service in SERVICES.items():
        args = [*service.get("command", []), *(service.get("entrypoint") or [])]
        assert not [a for a in args if "enable-lifecycle" in str(a)], f"{name}: lifecycle API (unauthenticated POST /-/quit)"
        assert not [a for a in args if "enable-admin-api" in str(a)], f"{name}: admin API (unauthenticated)"


def test_grafana_admin_password_comes_from_the_environment_without_default() -> None:
    env = SERVICES["grafana"]["environment"]
    password = env.get("GF_SECURITY_ADMIN_PASSWORD")
    # ${VAR:?message}: compose refuses to start when VAR is unset or empty; ${VAR:-x} or ${VAR-x} would be a default.
    assert re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}", str(password)), password
    # The anonymous viewer stays; anonymous users cannot edit, sign-up is off.
    assert env["GF_AUTH_ANONYMOUS_ENABLED"] == "true" and env["GF_AUTH_ANONYMOUS_ORG_ROLE"] == "Viewer"
    assert env.get("GF_USERS_ALLOW_SIGN_UP") == "false"


def test_no_service_carries_a_literal_or_defaulted_secret() -> None:
    for name, service in SERVICES.items():
        env = service.get("environment") or {}
        items = env.items() if isinstance(env, dict) else (e.partition("=")[::2] for e in env)
        for key, value in items:
            if re.search(r"PASSWORD|SECRET|TOKEN", key) and not key.endswith("__FILE"):
                assert re.fullmatch(r"\$\{[A-Z0-9_]+:\?[^}]+\}", str(value)), f"{name}: {key} is not a required variable"


def test_every_image_is_pinned_by_an_exact_version_tag() -> None:
    for name, service in SERVICES.items():
        assert "image" in service, f"{name}: no image"
        tag = image_tag(service["image"])
        assert EXACT_TAG.match(tag), f"{name}: {service['image']} is not pinned to an exact version"
    # The image compose builds carries the package's version, not latest.
    assert image_tag(SERVICES["worker"]["image"]) == streams.__version__
    froms = [args.split()[0] for instr, args in dockerfile_instructions() if instr == "FROM"]
    assert froms
    for image in froms:
        assert EXACT_TAG.match(image_tag(image)), f"Dockerfile FROM {image} is not pinned to an exact version"


@pytest.mark.parametrize("tag", ["latest", "3.11", "3.11-slim-bookworm", "11-oss", "v2"])
def test_the_tag_check_rejects_moving_tags(tag: str) -> None:
    assert not EXACT_TAG.match(tag)


def test_worker_state_is_on_a_named_volume() -> None:
    worker = SERVICES["worker"]
    data_dir = worker["environment"]["NEWSEVENTS_DATA_DIR"]
    mounts = {}
    for v in worker["volumes"]:
        src, dst, *_ = v.split(":")
        mounts[dst] = src
    assert mounts.get(data_dir) in COMPOSE["volumes"], f"worker: {data_dir} is not a declared named volume"
    # The image agrees on the directory, and the state layer puts its stores under it.
    assert f"NEWSEVENTS_DATA_DIR={data_dir}" in DOCKERFILE
    assert any(instr == "VOLUME" and data_dir in args for instr, args in dockerfile_instructions())
    state = Settings(_env_file=None, data_dir=data_dir)
    assert state.state_dir.is_relative_to(data_dir)


def test_dockerfile_installs_only_hashed_files_from_the_lock() -> None:
    runs = [args for instr, args in dockerfile_instructions() if instr == "RUN"]
    pip = [cmd.strip() for run in runs for cmd in re.split(r"&&|;", run) if re.match(r"\s*(python\S* -m )?pip\S* install", cmd.strip())]
    assert pip, "no pip install in the Dockerfile"
    assert re.fullmatch(r"pip install --require-hashes -r requirements\.lock", pip[0]), pip[0]
    # The package itself, with nothing resolved or fetched: dependencies and build backend come from the lock.
    assert all("--require-hashes" in p or ("--no-deps" in p and "--no-build-isolation" in p) for p in pip), pip
    copies = [args for instr, args in dockerfile_instructions() if instr == "COPY"]
    assert any(args.split()[0] == "requirements.lock" for args in copies)


def test_the_lock_pins_every_dependency_of_pyproject_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    locked = lock_entries()
    assert len(locked) > len(project["project"]["dependencies"])  # the transitive ones too
    for name, (version, hashes) in locked.items():
        assert hashes and all(len(h) == 64 for h in hashes), f"{name}: no sha256"
    wanted = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for spec in wanted:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in locked, f"requirements.lock lacks {req.name} (run scripts/lock.sh)"
        version = locked[name][0]
        assert req.specifier.contains(Version(version), prereleases=True), \
            f"requirements.lock pins {req.name}=={version}, outside pyproject's {req.specifier} (run scripts/lock.sh)"


def test_the_lock_check_fails_on_an_unpinned_line(tmp_path: Path) -> None:
    bad = tmp_path / "requirements.lock"
    bad.write_text("orjson==3.10.0 \\\n    --hash=sha256:" + "a" * 64 + "\nrocksdict>=0.3\n", "utf-8")
    with pytest.raises(AssertionError, match="rocksdict"):
        lock_entries(bad)
    bad.write_text("orjson==3.10.0 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via newsevents\n", "utf-8")
    assert lock_entries(bad) == {"orjson": ("3.10.0", ["a" * 64])}


def test_published_ports_are_bound_to_localhost() -> None:
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name}: {port} is published on every interface"
