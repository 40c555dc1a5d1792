"""The editor window: start-up, keystroke latency, autosave and memory, against a bare Qt window.

Prints figures; asserts nothing. Every figure comes from fresh processes
(start-up from startup_child.py, which imports nothing it does not need;
the rest from this script run with ``--child``), with the display offscreen
and the user's folders replaced by temporary ones. The baseline is a bare
process that only imports PySide6.QtWidgets and shows an empty window (and,
for typing, a bare QTextEdit holding the same text).

Targets: start-up under 2 times the bare window (issue 14; issue 3 had 1.5); keystroke p95
under 4 ms for letters and 10 ms for Enter; autosave of the 100x report
under 30 ms, never inside a keystroke; peak memory with the 100x report open
under 250 MB.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"
#: Starts of each kind: this shared machine swings by tens of milliseconds from one start to the next,
#: and the median of 15 pairs still moved by 0.1 from one run of the bench to the next.
STARTUP_RUNS = 25
TYPING_RUNS = 2
LETTERS = 200
ENTERS = 30
#: Milliseconds between keystrokes: a fast typist (timers of the window may fire in these gaps).
KEY_GAP_MS = 40
TYPED = "وقال ممثل المفوضية الأوروبية إن التعاون مستمر "


# ------------------------------------------------------------------ reports


def long_session_report(paragraphs: int) -> object:
    """The Arabic example with its first session's body made ``paragraphs`` paragraphs long."""
    import copy

    from minutes_editor.model.report import give_new_ids
    from minutes_editor.storage.minutes_file import load_report

    report = load_report(EXAMPLE)
    session = first_session(report)
    source = [block for block in report.all_blocks() if block.plain_text.strip()]
    session.blocks = [copy.deepcopy(source[index % len(source)]) for index in range(paragraphs)]
    # Footnote references in the copies would repeat; the body is for typing, keep plain text only.
    for block in session.blocks:
        block.content = [item for item in block.content if hasattr(item, "text")]
        give_new_ids(block)  # each copy a paragraph of its own
    return report


def first_session(report: object) -> object:
    """The first session of the report's discussion section."""
    for section in report.sections:  # type: ignore[attr-defined]
        if section.sessions:
            return section.sessions[0]
    raise ValueError("the report has no session")


def write_report(report: object, path: Path) -> Path:
    """Save a report for a child process to open."""
    from minutes_editor.storage.minutes_file import save_report

    save_report(report, path, keep_backup=False)  # type: ignore[arg-type]
    return path


# ------------------------------------------------------------------ child processes


def child_environment(home: Path) -> dict[str, str]:
    """Offscreen display, English interface, the user's folders moved into ``home``, this checkout first on the path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MINUTES_EDITOR_LANG": "en", "HOME": str(home)}
    # The children import the checkout this bench belongs to: run from a git worktree, it measures that
    # worktree's code, not the editable install's (which may point at another checkout).
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH", "")])])
    # An installed package has its bytecode compiled (pip does it); a shell that turns that off
    # would charge every start with compiling our modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        env[name] = str(home / name.lower())
        (home / name.lower()).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def _spawn(script: Path, args: list[str], home: Path) -> subprocess.Popen[str]:
    """Start ``script`` with ``args`` in this Python, its output piped as text, in the children's environment."""
    process = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_environment(home),
    )
    assert process.stdout is not None
    return process


def run_child(
    mode: str, *args: str, home: Path, lines: int = 1, script: Path | None = None
) -> tuple[float, dict[str, object]]:
    """Run this script (or ``script``) as a child; returns seconds until its first result line and the result.

    With ``lines`` > 1, later result lines are read too, their keys merged into the result,
    and each line's arrival in seconds is given as ``at_N``.
    """
    start = time.perf_counter()
    process = _spawn(script or Path(__file__).resolve(), ["--child", mode, *args], home)
    result: dict[str, object] = {}
    elapsed = 0.0
    for number in range(lines):
        line = process.stdout.readline()
        if not line.startswith("{"):
            _out, errors = process.communicate(timeout=600)
            raise RuntimeError(f"child {mode} failed (exit {process.returncode}): {errors[-3000:]}")
        result.update(json.loads(line))
        result[f"at_{number}"] = time.perf_counter() - start
        elapsed = elapsed or time.perf_counter() - start
    process.communicate(timeout=600)
    return elapsed, result


def run_start(kind: str, *args: str, home: Path, ready: bool = False) -> tuple[float, dict[str, str]]:
    """Start startup_child.py (``bare`` or ``editor REPORT``); seconds until it has shown its window, and its lines.

    With ``ready``, also wait for the editor's ``ready`` line; its arrival in seconds is ``ready_s``.
    """
    start = time.perf_counter()
    process = _spawn(Path(__file__).resolve().parent / "startup_child.py", [kind, *args], home)
    values: dict[str, str] = {}
    shown = 0.0
    for line in process.stdout:
        if line.startswith("shown"):
            shown = time.perf_counter() - start
        elif line.startswith("ready"):
            values["ready_s"] = str(time.perf_counter() - start)
        for pair in line.split()[1:] if line.startswith("ready") else line.split():
            key, _, value = pair.partition("=")
            values[key] = value
        if shown and "peak_mb" in values and (not ready or "ready_s" in values):
            break
    _out, errors = process.communicate(timeout=600)
    if not shown or (ready and "ready_s" not in values):
        raise RuntimeError(f"start-up child {kind} failed (exit {process.returncode}): {errors[-3000:]}")
    return shown, values


def _send_key(widget: object, character: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    if character == "\n":
        key, text = Qt.Key.Key_Return, "\r"
    else:
        key, text = Qt.Key.Key_unknown, character
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _type_and_time(app: object, editor: object) -> dict[str, object]:
    """Type letters and Enters into ``editor``; time each keystroke until its events are processed."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    editor.setFocus()  # type: ignore[attr-defined]
    cursor = editor.textCursor()  # type: ignore[attr-defined]
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)  # type: ignore[attr-defined]
    QTest.qWait(500)
    letters: list[float] = []
    enters: list[float] = []
    stalls: list[float] = []
    plan = [TYPED[index % len(TYPED)] for index in range(LETTERS)]
    for index in range(ENTERS):
        plan.insert((index + 1) * LETTERS // (ENTERS + 1) + index, "\n")
    for character in plan:
        start = time.perf_counter()
        _send_key(editor, character)
        app.processEvents()  # type: ignore[attr-defined]  # layout and repaint the keystroke caused
        elapsed = (time.perf_counter() - start) * 1000
        (enters if character == "\n" else letters).append(elapsed)
        before = time.perf_counter()
        QTest.qWait(KEY_GAP_MS)
        # Longer than asked: a timer (preview, autosave) held the event loop while the user typed.
        stalls.append((time.perf_counter() - before) * 1000 - KEY_GAP_MS)
    return {"letters": letters, "enters": enters, "stalls": stalls}


def child_typing(path: str, editor_kind: str) -> None:
    from PySide6.QtWidgets import QApplication, QTextEdit

    from minutes_editor.storage.minutes_file import load_report

    app = QApplication(sys.argv[:1])
    if editor_kind == "bare":
        # The same text in a bare QTextEdit, one paragraph per block.
        session = first_session(load_report(Path(path)))
        editor = QTextEdit()
        editor.setPlainText("\n".join(block.plain_text for block in session.blocks))  # type: ignore[attr-defined]
        editor.resize(620, 700)
        editor.show()
        result = _type_and_time(app, editor)
        print(json.dumps(result), flush=True)
        return
    from minutes_editor.gui.app import create_window
    from minutes_editor.gui.services import attach_services
    from minutes_editor.gui.settings import Settings

    window = create_window(Path(path), "en")
    services = attach_services(window, Settings())
    window.show()
    session = first_session(window.report)
    window.show_part(session)
    editor = window.current_editor()
    result = _type_and_time(app, editor)
    saver = services.autosave.saver
    result["autosave_ms"] = saver.last_serialise_ms if saver is not None else None
    print(json.dumps(result), flush=True)
    os._exit(0)


def child_big_report(path: str) -> None:
    """Open the 100x report, show a session, time autosaves; report peak memory."""
    import resource

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.app import create_window
    from minutes_editor.gui.services import attach_services
    from minutes_editor.gui.settings import Settings

    app = QApplication(sys.argv[:1])
    start = time.perf_counter()
    window = create_window(Path(path), "en")
    services = attach_services(window, Settings())
    window.show()
    window.show_part(first_session(window.report))
    app.processEvents()
    open_seconds = time.perf_counter() - start
    editor = window.current_editor()
    editor.setFocus()
    QTest.qWait(200)
    saver = services.autosave.saver
    assert saver is not None
    serialise: list[float] = []
    total: list[float] = []
    write: list[float] = []
    for index in range(9):
        _send_key(editor, TYPED[index])
        app.processEvents()
        begin = time.perf_counter()
        saver.save_now()  # what the autosave timer runs once typing pauses
        total.append((time.perf_counter() - begin) * 1000)
        serialise.append(saver.last_serialise_ms)
        saver.wait()
        write.append(saver.last_write_ms)
    window.refresh_preview()
    app.processEvents()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = saver.report_path.stat().st_size
    print(
        json.dumps(
            {
                "open_s": open_seconds,
                "serialise_ms": serialise,
                "gui_thread_ms": total,
                "write_ms": write,
                "rss_mb": rss,
                "bytes": size,
                "paragraphs": len(window.report.all_blocks()),
            }
        ),
        flush=True,
    )
    os._exit(0)


CHILDREN = {
    "typing": child_typing,
    "big-report": child_big_report,
}


# ------------------------------------------------------------------ figures


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main(only: str = "") -> None:
    """Print every figure, or only those of ``only`` (startup, typing or big) while iterating."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        home = work / "home"
        home.mkdir()

        if only in ("", "startup"):
            startup(home)
        if only in ("", "typing"):
            typing(work, home)
        if only in ("", "big"):
            big_report(work, home)


def startup(home: Path) -> None:
    """Start-up to a shown window, against the bare window."""
    # Start-up to a shown window, alternating so both see the same machine load.
    bare: list[float] = []
    editor: list[float] = []
    ready: list[float] = []
    bare_rss: list[float] = []
    run_start("editor", str(EXAMPLE), home=home, ready=True)  # warm-up: bytecode written, page cache filled
    run_start("bare", home=home)
    for run in range(STARTUP_RUNS):
        # Each pair in turn starts with the bare window or with ours: neither always comes first.
        for kind in ("bare", "editor") if run % 2 == 0 else ("editor", "bare"):
            if kind == "bare":
                seconds, values = run_start("bare", home=home)
                bare.append(seconds)
                bare_rss.append(float(values["peak_mb"]))
            else:
                seconds, values = run_start("editor", str(EXAMPLE), home=home, ready=True)
                editor.append(seconds)
                ready.append(float(values["ready_s"]))
    bare_start = statistics.median(bare)
    print(f"bare window (import PySide6.QtWidgets, show): {bare_start * 1000:.0f} ms, {max(bare_rss):.0f} MB")
    # Held against the target: the median of the pairs, each start beside the bare start next to it, so
    # both saw the same machine. This machine's starts fall in two groups (the bare window in about 135
    # or 205 ms, printed below); the ratio of the two medians compares starts made at different moments
    # and swung from 1.1 to 1.6 over runs of the same code, while the median of the pairs stayed within
    # 1.39-1.48 in all but one of 16 runs. The fastest of each is printed too (noise only adds time).
    paired = statistics.median(ours / theirs for ours, theirs in zip(editor, bare, strict=True))
    print(
        f"start-up to shown window, Arabic example: {paired:.2f} x bare, start by start "
        "(target < 2x a bare Qt window); "
        f"fastest against fastest {min(editor) / min(bare):.2f} x; medians {statistics.median(editor) * 1000:.0f} "
        f"against {bare_start * 1000:.0f} ms = {statistics.median(editor) / bare_start:.2f} x; {STARTUP_RUNS} pairs"
    )
    print(
        "  bare starts (ms): " + " ".join(f"{seconds * 1000:.0f}" for seconds in bare),
        "\n  our starts (ms):  " + " ".join(f"{seconds * 1000:.0f}" for seconds in editor),
    )
    print(
        f"start-up until every part answers (section and session pages, preview shown): "
        f"{statistics.median(ready) * 1000:.0f} ms = {statistics.median(ready) / bare_start:.2f} x bare"
    )
    instructions(home)


def instructions(home: Path) -> None:
    """Instructions run until the first paint, counted by valgrind: the same every run, where times swing."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("instructions to the first paint: valgrind not installed, skipped")
        return
    child = Path(__file__).resolve().parent / "startup_child.py"
    counts = {}
    counting = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    for kind, args in (("bare", ["bare"]), ("editor", ["editor-shown", str(EXAMPLE)])):
        completed = subprocess.run(
            [*counting, sys.executable, str(child), *args],
            capture_output=True,
            text=True,
            env=child_environment(home),
            check=True,
        )
        found = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
        if found is None:
            raise RuntimeError(f"no instruction count from valgrind: {completed.stderr[-2000:]}")
        counts[kind] = int(found.group(1).replace(",", ""))
    print(
        f"instructions to the first paint (valgrind; the same every run): bare window {counts['bare'] / 1e6:.0f}M, "
        f"ours {counts['editor'] / 1e6:.0f}M = {counts['editor'] / counts['bare']:.2f} x bare"
    )


def typing(work: Path, home: Path) -> None:
    """Keystroke latency in a session body."""
    long_report = write_report(long_session_report(1000), work / "long-session.minutes")
    for label, path in (("Arabic example session", EXAMPLE), ("session of 1,000 paragraphs", long_report)):
        figures: dict[str, dict[str, list[float]]] = {}
        autosaves: list[float] = []
        for kind in ("bare", "editor"):
            pooled: dict[str, list[float]] = {"letters": [], "enters": [], "stalls": []}
            for _run in range(TYPING_RUNS):
                _seconds, result = run_child("typing", str(path), kind, home=home)
                for key in pooled:
                    pooled[key] += result[key]  # type: ignore[operator]
                if result.get("autosave_ms"):
                    autosaves.append(float(result["autosave_ms"]))  # type: ignore[arg-type]
            figures[kind] = pooled
        for key, target in (("letters", 4.0), ("enters", 10.0)):
            ours, base = figures["editor"][key], figures["bare"][key]
            print(
                f"keystroke latency, {key[:-1]}, {label}: median {statistics.median(ours):.2f} ms, "
                f"p95 {percentile(ours, 0.95):.2f} ms (target < {target:.0f} ms); bare QTextEdit "
                f"median {statistics.median(base):.2f} ms, "
                f"p95 {percentile(base, 0.95):.2f} ms = {percentile(ours, 0.95) / percentile(base, 0.95):.1f} x"
            )
        stalls = figures["editor"]["stalls"]
        print(
            f"event loop held between keystrokes (timers), {label}: longest {max(stalls):.1f} ms, "
            f"p95 {percentile(stalls, 0.95):.1f} ms"
            + (f"; last autosave serialised in {autosaves[-1]:.1f} ms" if autosaves else "")
        )


def big_report(work: Path, home: Path) -> None:
    """The 100x report: autosave time and peak memory with it open."""
    from benchmarks.bench_export import scaled_report
    from minutes_editor.storage.minutes_file import load_report

    _seconds, bare = run_start("bare", home=home)
    bare_rss = [float(bare["peak_mb"])]
    big = write_report(scaled_report(load_report(EXAMPLE), 100), work / "report-100x.minutes")
    _seconds, result = run_child("big-report", str(big), home=home)
    gui_ms = statistics.median(result["gui_thread_ms"])  # type: ignore[arg-type]
    print(
        f"autosave of the 100x report ({result['paragraphs']} body paragraphs, {result['bytes'] / 1e6:.1f} MB): "
        f"{gui_ms:.1f} ms on the GUI thread (target < 30 ms; median of 9, fastest "
        f"{min(result['gui_thread_ms']):.1f} ms; serialising "  # type: ignore[type-var]
        f"{statistics.median(result['serialise_ms']):.1f} ms), "  # type: ignore[arg-type]
        f"then {statistics.median(result['write_ms']):.1f} ms writing and fsync on a worker thread"  # type: ignore[arg-type]
    )
    rss = float(result["rss_mb"])  # type: ignore[arg-type]
    print(
        f"peak memory with the 100x report open: {rss:.0f} MB (target < 250 MB) "
        f"= {rss / max(bare_rss):.1f} x bare window; opened and shown in {result['open_s']:.2f} s"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        CHILDREN[sys.argv[2]](*sys.argv[3:])
    else:
        main(sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else "")
