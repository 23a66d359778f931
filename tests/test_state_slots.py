"""Workers sharing one state volume take distinct slots; a restarted worker gets its slot back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from streams.state.slots import claim_slot

HOLD = """
import sys, time
from pathlib import Path
from streams.state.slots import claim_slot
slot = claim_slot(Path(sys.argv[1]))
print(slot.path.name, flush=True)
time.sleep(120)
"""


def test_two_holders_get_distinct_slots_and_a_released_slot_is_reused(tmp_path: Path) -> None:
    a = claim_slot(tmp_path)
    b = claim_slot(tmp_path)  # another runtime of the same process: flock is per open file, so it conflicts
    assert (a.path.name, b.path.name) == ("slot-0", "slot-1")
    assert a.path.is_dir() and b.path.is_dir()
    a.release()
    assert not a.held
    c = claim_slot(tmp_path)
    assert c.path.name == "slot-0"  # a restarted worker finds its old state
    b.release(); c.release()


def test_a_slot_held_by_another_process_is_skipped_and_freed_when_it_dies(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "slot-0"
        mine = claim_slot(tmp_path)
        assert mine.path.name == "slot-1"
        mine.release()
    finally:
        holder.kill()  # a crash: no clean-up runs, the kernel drops the lock
        holder.wait(timeout=30)
    again = claim_slot(tmp_path)
    assert again.path.name == "slot-0"
    again.release()


def test_running_out_of_slots_is_an_error_not_a_shared_directory(tmp_path: Path) -> None:
    held = [claim_slot(tmp_path, max_slots=2) for _ in range(2)]
    with pytest.raises(RuntimeError, match="all 2 state slots"):
        claim_slot(tmp_path, max_slots=2)
    for s in held:
        s.release()
