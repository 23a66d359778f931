"""The worker's log level is what the operator set: no library's debug records are built at WARNING.

Faust's terminal spinner, at WARNING and above, turns the root logger to DEBUG and spins on every
record; in a service that only costs CPU (every debug call of aiokafka builds a record).
"""

from __future__ import annotations

import logging

import faust

from streams.cli import faust_worker


def _root_after_setup(worker, level: int) -> logging.Logger:
    root = logging.Logger("probe-root")
    root.addHandler(logging.NullHandler())
    root.setLevel(level)
    worker.on_setup_root_logger(root, level)  # what mode's worker calls once it has configured logging
    return root


def test_warning_level_keeps_debug_records_off():
    app = faust.App("newsevents-logging-test", broker="kafka://127.0.0.1:1", autodiscover=False)
    root = _root_after_setup(faust_worker(app, "WARNING"), logging.WARNING)
    assert not root.isEnabledFor(logging.DEBUG)
    assert len(root.handlers) == 1
    # Faust's own worker, spinner and all, is what this guards against
    stock = faust.Worker(app, loglevel="WARNING", quiet=True, redirect_stdouts=False)
    assert _root_after_setup(stock, logging.WARNING).isEnabledFor(logging.DEBUG)


def test_info_level_is_unchanged():
    app = faust.App("newsevents-logging-test-2", broker="kafka://127.0.0.1:1", autodiscover=False)
    root = _root_after_setup(faust_worker(app, "INFO"), logging.INFO)
    assert root.isEnabledFor(logging.INFO) and not root.isEnabledFor(logging.DEBUG)
