"""A kill between the recovery snapshot and its sidecar never leaves a recovery with no link to its file.

The real editor runs in its own process (the driver of tests/gui/test_crash.py)
and SIGKILLs itself between the two writes of its first autosave. Whatever
the next start finds must name the user's file: a snapshot offered as
"Untitled report, not saved yet" would be saved as a new file, its link to
the original lost.
"""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

import pytest

from minutes_editor.gui.recovery import find_recoverable
from tests.gui.test_crash import EXAMPLE, _start


@pytest.mark.slow
def test_a_kill_between_the_snapshot_and_its_sidecar_keeps_the_link_to_the_file(qtbot, tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "reports" / "budapest.minutes"
    report.parent.mkdir()
    shutil.copyfile(EXAMPLE, report)
    typing = _start("type", report, home, "between")
    try:
        out, errors = typing.communicate(timeout=120)  # a safety net for a hang, not a measurement
    finally:
        if typing.poll() is None:
            typing.kill()
            typing.wait(10)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert any("dying" in line for line in lines), errors[-3000:]
    assert typing.returncode == -signal.SIGKILL
    [folder] = [path for path in home.rglob("recovery") if path.is_dir()]
    # The process died with one of the pair in place and the other's temporary file written.
    assert {path.suffix for path in folder.iterdir() if not path.name.startswith(".")} & {".minutes", ".json"}
    entries = find_recoverable(folder)
    try:
        for entry in entries:
            assert entry.original_path == report
    finally:
        for entry in entries:
            entry.release()
    # The next start removed the temporary file the kill left.
    assert not [path.name for path in folder.iterdir() if path.name.endswith(".tmp")]
