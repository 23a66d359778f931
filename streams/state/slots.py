"""One state directory per worker process, however many workers share a disk.

Every worker holds every store (it reads all changelog partitions), so any
worker can take over a directory that holds an earlier worker's state: it reads
only the changelog written since that directory's last writer stopped. A worker
therefore takes the first free *slot* ``<state_dir>/slot-<n>``; restarted alone
it gets its old slot back, and replicas that share one volume (compose
``--scale worker=N``) get distinct ones instead of failing on RocksDB's lock.

A slot is taken by an exclusive ``flock`` on ``slot-<n>.lock``, held for the
life of the state runtime. The kernel drops it when the process dies, so a
crash leaves no stale lock to clean up.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

MAX_SLOTS = 256  # more workers than this on one disk is a configuration error, not a reason to keep counting


class Slot:
    """A state directory this process holds exclusively until ``release``."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __del__(self) -> None:
        self.release()


def claim_slot(state_dir: Path, max_slots: int = MAX_SLOTS) -> Slot:
    """The first slot of ``state_dir`` no other process (or runtime of this process) holds."""
    state_dir.mkdir(parents=True, exist_ok=True)
    for n in range(max_slots):
        fd = os.open(state_dir / f"slot-{n}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        except BaseException:
            os.close(fd)
            raise
        path = state_dir / f"slot-{n}"
        path.mkdir(exist_ok=True)
        return Slot(path, fd)
    raise RuntimeError(f"all {max_slots} state slots under {state_dir} are held by running workers")
