"""The recovery journal: what it costs a keystroke, how much it writes, how long a restore takes.

Prints figures; asserts nothing. Targets (issue 12): the journal adds no
more than 0.5 ms p95 per keystroke on the GUI thread. Measured:

- keystroke latency in the window, journal on and off (fresh processes,
  same typing as bench_gui.py: 200 letters and 30 Enters, one key every
  40 ms), and the GUI-thread time of each journal tick (flushing the typed
  paragraph and encoding the line), spread over the keystrokes it covered;
- journal bytes per minute of that typing, and per character typed;
- restoring the 100x report with a journal of 10,000 lines of typing
  (each line one paragraph retyped, as a tick writes), read from disk.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_gui import (  # noqa: E402
    EXAMPLE,
    _type_and_time,
    first_session,
    percentile,
    run_child,
)

TYPING_RUNS = 2
JOURNAL_LINES = 10_000


def child_typing(path: str, journal: str) -> None:
    """Type in the window with the journal on or off; print keystroke times and the journal's own costs."""
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.app import create_window
    from minutes_editor.gui.services import attach_services
    from minutes_editor.gui.settings import Settings
    from minutes_editor.storage import journal as journal_module

    app = QApplication(sys.argv[:1])
    window = create_window(Path(path), "en")
    services = attach_services(window, Settings())
    window.show()
    window.show_part(first_session(window.report))
    editor = window.current_editor()
    saver = services.autosave.saver
    assert saver is not None
    saver.journaling = journal == "on"
    ticks: list[float] = []
    flushes: list[float] = []
    written: list[int] = []
    real_tick = saver.journal_now
    real_append = journal_module.JournalFile.append

    def timed_tick() -> bool:
        queued = real_tick()
        if queued:
            ticks.append(saver.last_journal_ms)
            flushes.append(saver.last_journal_flush_ms)
        return queued

    def counted_append(self: object, line: str) -> None:
        written.append(len(line.encode("utf-8")))
        real_append(self, line)  # type: ignore[arg-type]

    saver._journal_timer.timeout.disconnect()
    saver._journal_timer.timeout.connect(timed_tick)
    journal_module.JournalFile.append = counted_append  # type: ignore[method-assign]
    start = time.perf_counter()
    result = _type_and_time(app, editor)
    result["seconds"] = time.perf_counter() - start
    saver.wait()
    result["ticks_ms"] = ticks
    result["flushes_ms"] = flushes
    result["journal_bytes"] = sum(written)
    result["journal_lines"] = len(written)
    print(json.dumps(result), flush=True)
    import os

    os._exit(0)


def typing(home: Path) -> None:
    """Keystrokes with the journal on and off; the journal's GUI-thread cost; bytes written."""
    pooled: dict[str, dict[str, list[float]]] = {}
    extra: dict[str, float] = {"ticks": 0.0, "bytes": 0.0, "lines": 0.0, "seconds": 0.0, "keys": 0.0}
    tick_ms: list[float] = []
    own_ms: list[float] = []
    for journal in ("off", "on"):
        pooled[journal] = {"letters": [], "enters": []}
        for _run in range(TYPING_RUNS):
            _seconds, result = run_child("typing", str(EXAMPLE), journal, home=home, script=Path(__file__).resolve())
            for key in ("letters", "enters"):
                pooled[journal][key] += result[key]  # type: ignore[operator]
            if journal == "on":
                tick_ms += result["ticks_ms"]  # type: ignore[operator]
                own_ms += [
                    tick - flush
                    for tick, flush in zip(result["ticks_ms"], result["flushes_ms"], strict=True)  # type: ignore[call-overload]
                ]
                extra["bytes"] += float(result["journal_bytes"])  # type: ignore[arg-type]
                extra["lines"] += float(result["journal_lines"])  # type: ignore[arg-type]
                extra["seconds"] += float(result["seconds"])  # type: ignore[arg-type]
                extra["keys"] += len(result["letters"]) + len(result["enters"])  # type: ignore[arg-type]
    for key in ("letters", "enters"):
        on, off = pooled["on"][key], pooled["off"][key]
        difference = percentile(on, 0.95) - percentile(off, 0.95)
        print(
            f"keystroke latency, {key[:-1]}, Arabic example, journal on: p95 {percentile(on, 0.95):.2f} ms "
            f"(median {statistics.median(on):.2f}); journal off: p95 {percentile(off, 0.95):.2f} ms "
            f"(median {statistics.median(off):.2f}); difference of p95 {difference:+.2f} ms"
        )
    keys_per_tick = extra["keys"] / max(len(tick_ms), 1)
    print(
        f"journal tick on the GUI thread (flush the typed paragraph, encode the line), {len(tick_ms)} ticks: "
        f"median {statistics.median(tick_ms):.2f} ms, p95 {percentile(tick_ms, 0.95):.2f} ms; "
        f"{keys_per_tick:.1f} keystrokes a tick, so {sum(tick_ms) / extra['keys']:.3f} ms a keystroke on average "
        f"and {percentile(tick_ms, 0.95) / max(keys_per_tick, 1):.3f} ms at p95 (target < 0.5 ms a keystroke)"
    )
    print(
        f"  of which the journal's own work (the tick without the flush of typed paragraphs, which the preview's "
        f"refresh does otherwise): median {statistics.median(own_ms):.2f} ms, p95 {percentile(own_ms, 0.95):.2f} ms "
        f"a tick, so under {percentile(own_ms, 0.95):.2f} ms a keystroke even at one keystroke a tick"
    )
    minutes = extra["seconds"] / 60
    print(
        f"journal written: {extra['bytes'] / minutes / 1024:.0f} kB a minute of typing at one key every 40 ms "
        f"({extra['keys'] / minutes:.0f} keys a minute), {extra['bytes'] / extra['keys']:.0f} bytes a keystroke, "
        f"{extra['lines'] / minutes:.0f} lines a minute"
    )


def restore(work: Path) -> None:
    """The 100x report's snapshot with a journal of JOURNAL_LINES lines: read and replay from disk."""
    import random

    from benchmarks.bench_export import scaled_report
    from minutes_editor.model.report import Block, Span
    from minutes_editor.storage.encoder import recovery_bytes
    from minutes_editor.storage.journal import JournalRecorder, journal_header
    from minutes_editor.storage.journal_replay import read_recovery
    from minutes_editor.storage.minutes_file import load_report

    report = scaled_report(load_report(EXAMPLE), 100)
    snapshot = recovery_bytes(report)
    recorder = JournalRecorder()
    header = journal_header(recorder.start(report), snapshot)
    parts = [part for section in report.sections for part in (section, *section.sessions) if part.blocks]
    chooser = random.Random(12)
    lines = [json.dumps(header, ensure_ascii=False) + "\n"]
    for number in range(JOURNAL_LINES):
        part = chooser.choice(parts)
        index = chooser.randrange(len(part.blocks))
        old = part.blocks[index]
        retyped = Block(old.kind, [*old.content, Span(f" كلمة {number}")], old.level)
        part.blocks = [*part.blocks[:index], retyped, *part.blocks[index + 1 :]]
        line = recorder.changes(report, (part, number))
        assert line is not None
        lines.append(line)
    (work / "big.minutes").write_bytes(snapshot)
    (work / "big.journal").write_text("".join(lines), encoding="utf-8")
    size = (work / "big.journal").stat().st_size
    times = []
    for _run in range(3):
        start = time.perf_counter()
        replayed = read_recovery(work / "big.minutes")
        times.append(time.perf_counter() - start)
    assert replayed.applied == JOURNAL_LINES
    assert replayed.problem is None
    print(
        f"restore of the 100x report ({len(snapshot) / 1e6:.1f} MB snapshot) with a journal of "
        f"{JOURNAL_LINES:,} lines ({size / 1e6:.1f} MB): {min(times):.2f} s (fastest of 3; "
        f"median {statistics.median(times):.2f} s), read, replayed and checked as a .minutes file"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        home = work / "home"
        home.mkdir()
        typing(home)
        restore(work)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_typing(*sys.argv[3:])
    else:
        main()
