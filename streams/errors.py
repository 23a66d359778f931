"""The one exception type the core raises for input it cannot turn into output.

A ``Rejected`` carries a stable reason code that ends up in the dead-letter
record and in the ``newsevents_dead_letters_total{reason=...}`` metric, so
operators can alert and filter on it. Any other exception escaping the core is a
bug; the pipeline still dead-letters it (reason ``internal_error``) so the stream
moves on.
"""

from __future__ import annotations

# Reason codes: keep in sync with schemas/dead-letter.schema.json (enum).
INVALID_JSON = "invalid_json"
INVALID_ENVELOPE = "invalid_envelope"
INVALID_ENCODING = "invalid_encoding"
EMPTY_INPUT = "empty_input"
NO_CONTENT = "no_content"
TOO_LARGE = "too_large"
UNSUPPORTED_CONTENT = "unsupported_content"
TIMEOUT = "timeout"
WORKER_CRASHED = "worker_crashed"
INTERNAL_ERROR = "internal_error"
INVALID_RECORD = "invalid_record"
NOT_AN_ARTICLE = "not_an_article"
OUTPUT_REJECTED = "output_rejected"

REASONS = (
    INVALID_JSON,
    INVALID_ENVELOPE,
    INVALID_ENCODING,
    EMPTY_INPUT,
    NO_CONTENT,
    TOO_LARGE,
    UNSUPPORTED_CONTENT,
    TIMEOUT,
    WORKER_CRASHED,
    INTERNAL_ERROR,
    INVALID_RECORD,
    NOT_AN_ARTICLE,
    OUTPUT_REJECTED,
)


# Reasons that mean the raw message itself is unreadable (dead-letter stage "decode").
DECODE_REASONS = frozenset({INVALID_JSON, INVALID_ENVELOPE, INVALID_ENCODING, EMPTY_INPUT, TOO_LARGE, UNSUPPORTED_CONTENT})


class Rejected(Exception):
    """Input that cannot be processed, with a reason code for the dead-letter record."""

    def __init__(self, reason: str, message: str, article_id: str | None = None) -> None:
        assert reason in REASONS, reason
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
        self.article_id = article_id
