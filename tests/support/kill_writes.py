"""Kill a real process at random moments while it saves a large report or exports it to Word, and check the file.

The parent prepares two versions of the example report scaled a hundred
times (benchmarks/bench_export.py ``scaled_report``), starts a child that
writes them over one target in turn (``save_report`` or ``export_docx``),
waits until it is writing, sends SIGKILL at a moment drawn at random, and
checks that the target is one of the two versions whole (the old file or
the new one, never a torn one), and that the next write into that folder
leaves no temporary file of the killed write. Used by
tests/storage/test_kill_writes.py (a few dozen kills) and
benchmarks/bench_kill.py (hundreds, with counts).

Run as ``python -m tests.support.kill_writes MODE FOLDER`` it is the child.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODES = ("save", "export")
VERSIONS = ("first", "second")
#: Words only one version's title holds, to tell the two exports apart.
MARKS = {"first": "KILLTEST-FIRST", "second": "KILLTEST-SECOND"}


@dataclass
class Counts:
    """What the kills left behind."""

    kills: int = 0
    #: The target after the kill, by what it was: "first", "second" or "none" (killed before the first write).
    found: dict[str, int] = field(default_factory=lambda: {"first": 0, "second": 0, "none": 0})
    #: Kills that left a temporary file behind (removed by the next write).
    left_temporary: int = 0
    torn: int = 0

    def add(self, other: Counts) -> None:
        """Add another loop's counts to these."""
        self.kills += other.kills
        self.left_temporary += other.left_temporary
        self.torn += other.torn
        for key, value in other.found.items():
            self.found[key] += value


def prepare(folder: Path, scale: int = 100) -> None:
    """Write the two versions of the scaled example as ``first.minutes`` and ``second.minutes`` in ``folder``."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_export import EXAMPLE, scaled_report
    from minutes_editor.storage.minutes_file import load_report, save_report

    big = scaled_report(load_report(EXAMPLE), scale)
    for version in VERSIONS:
        big.title.meeting = MARKS[version]
        save_report(big, folder / f"{version}.minutes", keep_backup=False)


def _target(folder: Path, mode: str) -> Path:
    return folder / "out" / ("report.minutes" if mode == "save" else "report.docx")


def run_child(mode: str, folder: Path) -> None:
    """Write the two versions over the target in turn, forever (until killed)."""
    from minutes_editor.export.docx_writer import export_docx
    from minutes_editor.storage.minutes_file import load_report, save_report

    reports = [load_report(folder / f"{version}.minutes") for version in VERSIONS]
    target = _target(folder, mode)
    print("ready", flush=True)
    turn = 0
    while True:
        report = reports[turn % 2]
        if mode == "save":
            save_report(report, target)
        else:
            export_docx(report, target)
        turn += 1
        if turn == 1:
            print("written", flush=True)


def _what_is(path: Path, mode: str, versions: dict[str, bytes]) -> str | None:
    """Which version the file holds, "none" if absent; None if it is neither (torn)."""
    if not path.exists():
        return "none"
    data = path.read_bytes()
    if mode == "save":
        return next((version for version, content in versions.items() if content == data), None)
    try:
        with zipfile.ZipFile(path) as package:
            if package.testzip() is not None:
                return None
            document = package.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return None
    found = [version for version, mark in MARKS.items() if mark in document]
    return found[0] if len(found) == 1 else None


def temporary_files(folder: Path) -> list[str]:
    """Names of our temporary files in ``folder``."""
    from minutes_editor.storage.atomic import LEFTOVER_PATTERN

    return sorted(path.name for path in folder.iterdir() if LEFTOVER_PATTERN.fullmatch(path.name))


def kill_loop(folder: Path, mode: str, kills: int, seed: int, *, max_delay_s: float = 1.5) -> Counts:
    """Kill a writing child ``kills`` times at random moments; raises AssertionError at the first bad outcome."""
    from minutes_editor.storage.atomic import atomic_write_bytes, backup_path

    rng = random.Random(seed)
    versions = {version: (folder / f"{version}.minutes").read_bytes() for version in VERSIONS}
    target = _target(folder, mode)
    target.parent.mkdir(exist_ok=True)
    counts = Counts()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))}
    for kill in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.support.kill_writes", mode, str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "ready", (line, child.stderr.read() if child.stderr else "")
            if kill == 0:  # the first time, let one whole write happen: the later kills replace a file
                assert child.stdout.readline().strip() == "written"
            time.sleep(rng.uniform(0, max_delay_s))  # a random moment, not a measurement
            child.send_signal(signal.SIGKILL)
            child.wait(60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(60)
        assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
        counts.kills += 1
        found = _what_is(target, mode, versions)
        if found is None:
            counts.torn += 1
            raise AssertionError(f"kill {kill} ({mode}, seed {seed}) left a torn {target.name}")
        counts.found[found] += 1
        if mode == "save" and backup_path(target).exists():
            assert backup_path(target).read_bytes() in versions.values(), f"kill {kill} tore the .bak"
        if temporary_files(target.parent):
            counts.left_temporary += 1
        # The next write into the folder removes what the killed one left.
        atomic_write_bytes(target.parent / "next-write.txt", str(kill).encode(), keep_backup=False)
        assert temporary_files(target.parent) == [], (
            f"kill {kill}: the next write left {temporary_files(target.parent)}"
        )
    return counts


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    run_child(sys.argv[1], Path(sys.argv[2]))
