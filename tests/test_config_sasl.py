"""SASL PLAIN without TLS is accepted by Kafka, so the worker warns at start, without printing a secret."""

from __future__ import annotations

import logging

import pytest

from streams.config import Settings, plaintext_credentials_problem, warn_on_plaintext_credentials

PASSWORD = "pw-9f2c1e7b-not-for-logs"
USER = "svc-newsevents-ingest"


def settings(protocol: str, mechanism: str) -> Settings:
    return Settings(_env_file=None, security_protocol=protocol, sasl_mechanism=mechanism, sasl_username=USER,
                    sasl_password=PASSWORD, **{"KAFKA_BOOTSTRAP_SERVERS": "broker-1.test:9093"})


@pytest.mark.parametrize(("protocol", "mechanism"), [("SASL_PLAINTEXT", "PLAIN"), ("sasl_plaintext", "plain"), (" SASL_PLAINTEXT", "PLAIN ")])
def test_plain_over_plaintext_warns_once_without_secrets(protocol: str, mechanism: str, caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("newsevents.test.sasl")
    with caplog.at_level(logging.WARNING, logger=log.name):
        assert warn_on_plaintext_credentials(settings(protocol, mechanism), log) is True
    warnings = [r for r in caplog.records if r.name == log.name and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    text = warnings[0].getMessage()
    assert "SASL PLAIN" in text and "SASL_SSL" in text and "broker-1.test:9093" in text
    assert PASSWORD not in caplog.text and USER not in caplog.text


@pytest.mark.parametrize(("protocol", "mechanism"), [
    ("SASL_SSL", "PLAIN"),             # TLS protects the password
    ("SASL_PLAINTEXT", "SCRAM-SHA-512"),  # SCRAM never sends the password
    ("SASL_PLAINTEXT", "SCRAM-SHA-256"),
    ("PLAINTEXT", "PLAIN"),            # no SASL login at all
    ("SSL", "PLAIN"),
])
def test_other_combinations_do_not_warn(protocol: str, mechanism: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert warn_on_plaintext_credentials(settings(protocol, mechanism)) is False
        assert plaintext_credentials_problem(settings(protocol, mechanism)) is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and "SASL" in r.getMessage()]


def test_the_default_logger_is_the_config_module(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="streams.config"):
        warn_on_plaintext_credentials(settings("SASL_PLAINTEXT", "PLAIN"))
    assert [r.name for r in caplog.records] == ["streams.config"]
