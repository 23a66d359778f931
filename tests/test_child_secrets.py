"""Secrets stay in the parent: an NLP child is spawned without the Kafka credentials or other secrets, and
the settings it would load (environment and ``.env``) hold no password."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from streams.child import ChildProcess
from streams.child_env import child_environment, is_secret_name
from streams.config import CHILD_PROCESS_ENV

PASSWORD = "pw-child-" + "k2Lm-not-a-real-secret"


def what_the_child_holds() -> dict[str, object]:
    """Run in the child: its loaded settings, its environment's secret-looking names, its initial environment block."""
    from streams.config import Settings

    settings = Settings()
    return {
        "sasl_password": settings.sasl_password.get_secret_value() if settings.sasl_password else None,
        "sasl_username": settings.sasl_username,
        "secret_names": sorted(k for k in os.environ if is_secret_name(k)),
        "flag": os.environ.get(CHILD_PROCESS_ENV),
        "proc_environ_has_password": PASSWORD.encode() in Path("/proc/self/environ").read_bytes(),
        "cwd_env_file": (Path.cwd() / ".env").exists(),
    }


@pytest.mark.parametrize("name", ["NEWSEVENTS_SASL_PASSWORD", "NEWSEVENTS_SASL_USERNAME", "NEWSEVENTS_SSL_KEYFILE",
                                  "GF_SECURITY_ADMIN_PASSWORD", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "SOME_API_KEY"])
def test_secret_names_are_recognised(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["PATH", "HOME", "LANG", "NEWSEVENTS_MAX_INPUT_BYTES", "KAFKA_BOOTSTRAP_SERVERS", "OMP_NUM_THREADS"])
def test_ordinary_names_are_kept(name: str) -> None:
    assert not is_secret_name(name)


def test_child_holds_no_password_from_environment_or_env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker started in a directory with a .env holding the password, and the password in its environment.
    (tmp_path / ".env").write_text(f"NEWSEVENTS_SASL_PASSWORD={PASSWORD}\nNEWSEVENTS_SASL_USERNAME=svc\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSEVENTS_SASL_PASSWORD", PASSWORD)
    monkeypatch.setenv("DOWNSTREAM_API_TOKEN", PASSWORD)
    from streams.config import Settings

    assert Settings().sasl_password.get_secret_value() == PASSWORD  # the parent does read it (else the test proves nothing)
    child = ChildProcess("secrets", start_timeout_s=120)
    try:
        child.start()
        held = child.call_sync(what_the_child_holds)
    finally:
        child.kill()
    assert held == {"sasl_password": None, "sasl_username": None, "secret_names": [], "flag": "1",
                    "proc_environ_has_password": False, "cwd_env_file": True}
    # The parent's environment is whole again after the spawn.
    assert os.environ["NEWSEVENTS_SASL_PASSWORD"] == PASSWORD and os.environ["DOWNSTREAM_API_TOKEN"] == PASSWORD
    assert CHILD_PROCESS_ENV not in os.environ


def test_child_environment_restores_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_SASL_PASSWORD", PASSWORD)
    with pytest.raises(RuntimeError):
        with child_environment():
            assert "NEWSEVENTS_SASL_PASSWORD" not in os.environ
            raise RuntimeError("spawn failed")
    assert os.environ["NEWSEVENTS_SASL_PASSWORD"] == PASSWORD
