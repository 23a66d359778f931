"""Stopping the worker on purpose: the faults a retry in this process cannot clear.

Some faults of the infrastructure are not cleared by retrying in the same process: a dead-letter topic that
refuses dead letters (an operator must act), an idempotent producer whose state no longer matches the broker's (a
new producer must be made). The worker then exits without committing what is in flight, with a code that says
which, so the supervisor (Compose ``restart: unless-stopped``, Kubernetes) restarts it and the batch is processed
again: nothing is lost, and nothing waits silently.
"""

from __future__ import annotations

import logging
import os
import sys

from .publishing import DeadLetterQueueUnwritable, ProducerStateLost

log = logging.getLogger(__name__)

EXIT_DLQ_UNWRITABLE = 78  # EX_CONFIG: an operator must fix the dead-letter topic
EXIT_PRODUCER_STATE = 75  # EX_TEMPFAIL: restart the worker (a new producer); nothing was committed

FATAL = (DeadLetterQueueUnwritable, ProducerStateLost)


def stop_worker(exc: BaseException) -> None:
    """Log why, flush the logs and exit at once (no shutdown path that could commit offsets)."""
    if isinstance(exc, DeadLetterQueueUnwritable):
        code, action = EXIT_DLQ_UNWRITABLE, "fix the dead-letter topic, then restart"
    else:
        code, action = EXIT_PRODUCER_STATE, "restart the worker: a new producer sends the batch again"
    log.critical("%s. Stopping the worker without committing the batch in flight (exit %d): "
                 "%s; the batch is processed again and nothing is lost.", exc, code, action)
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001 - exiting anyway
            pass
    sys.stderr.flush()
    os._exit(code)
