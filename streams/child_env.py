"""The NLP child's process hygiene: what it inherits, and what the OS tells about it.

Kept apart from :mod:`streams.child` (the budgets and the message protocol)
because none of it is about messages: one BLAS thread per child (scale with
worker processes, not threads), no secrets in the child's environment (it
parses untrusted HTML and needs no Kafka connection), freed heap pages given
back to the OS, a process's CPU time read from ``/proc`` (budgets are CPU time),
and a child that dies with its parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from typing import Any, Callable

from .config import CHILD_PROCESS_ENV

# One BLAS thread per child: a worker is one core of NLP (scale with worker processes),
# and two workers' BLAS thread pools on two cores would only fight.
CHILD_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

def limit_blas_threads() -> None:
    """One BLAS thread for processes started from now on (and this one, if numpy is not
    imported yet); the operator's own values win if set."""
    for key, value in CHILD_THREAD_ENV.items():
        os.environ.setdefault(key, value)


# What the child's environment must not carry: the worker's Kafka connection settings and anything named
# like a credential (other services' passwords and tokens a deployment puts in the worker's environment).
_SECRET_PREFIXES = ("NEWSEVENTS_SASL_", "NEWSEVENTS_SSL_")
_SECRET_WORDS = ("PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "API_KEY", "APIKEY", "PRIVATE_KEY", "SASL")
_ENV_LOCK = threading.Lock()


def is_secret_name(name: str) -> bool:
    """True for an environment variable the NLP child must not inherit."""
    upper = name.upper()
    return upper.startswith(_SECRET_PREFIXES) or any(word in upper for word in _SECRET_WORDS)


@contextlib.contextmanager
def child_environment() -> Iterator[None]:
    """The process environment as a spawned child should inherit it, for the duration of the spawn.

    ``multiprocessing``'s spawn takes the parent's environment as it is at that
    moment, with no way to pass another; so the secrets are taken out and put
    back around the start (under a lock; the worker spawns from one thread).
    """
    with _ENV_LOCK:
        removed = {k: v for k, v in os.environ.items() if is_secret_name(k)}
        previous_flag = os.environ.get(CHILD_PROCESS_ENV)
        for k in removed:
            del os.environ[k]
        os.environ[CHILD_PROCESS_ENV] = "1"
        try:
            yield
        finally:
            os.environ.update(removed)
            if previous_flag is None:
                os.environ.pop(CHILD_PROCESS_ENV, None)
            else:
                os.environ[CHILD_PROCESS_ENV] = previous_flag


try:  # glibc's malloc_trim; absent elsewhere (musl, macOS), where trimming is skipped
    _LIBC: Any = ctypes.CDLL("libc.so.6")
    _MALLOC_TRIM: Callable[[int], int] | None = _LIBC.malloc_trim
except (OSError, AttributeError):  # pragma: no cover - platform dependent
    _LIBC, _MALLOC_TRIM = None, None


def release_free_memory() -> None:
    """Give the heap's free pages back to the OS.

    A batch of long articles briefly needs ~100 MB of model activations; glibc
    keeps those pages mapped after they are freed, and the next batch's objects
    land among them, so without this the child's resident size ratchets up to its
    worst batch and stays there. Costs well under a millisecond a message.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (all its threads), from ``/proc``; None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2:].split()
    # fields[0] is the state (3rd field of the file); utime and stime are the 14th and 15th.
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def die_with_parent() -> None:
    """Linux: the kernel kills this child when the worker dies (even by SIGKILL), so no orphan keeps a core."""
    if _LIBC is not None:
        try:
            _LIBC.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:  # noqa: BLE001 - not Linux
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
