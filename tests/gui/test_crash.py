"""A crash loses nothing typed more than a quarter of a second before it: start, type, crash, start again, restore.

The editor runs as the user starts it (``app.main`` on a report), in its own
process with its own config and data folders. This file is also the driver
those processes run: it makes the QApplication, lets ``main`` build the
window, and from a timer types into the first session's body with real key
events (one every ``KEY_GAP_MS``), printing each keystroke with its time.
The process then ends as a crash would (``CRASH``, given to the driver in
its environment):

- ``kill``: the test sends SIGKILL at a moment drawn at random, with no warning;
- ``journal``: the process sends itself SIGKILL halfway through writing a
  journal line, so the journal ends with a torn line;
- ``snapshot``: SIGKILL halfway through a snapshot, after its temporary file
  is written and before it replaces the last one;
- ``between``: SIGKILL between the two files of the first autosave (the
  snapshot and its sidecar), whichever is written first;
- ``segfault``: a segmentation fault (faulthandler's own), which Python code
  cannot catch;
- ``exception``: an exception nobody catches, raised in a slot; the driver
  answers the box that tells of it with Quit;
- ``sigterm``: SIGTERM, as a logout sends.

The second process waits for the restore offer, records what the dialog
shows, presses Restore, and prints the restored report's state.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from minutes_editor.storage.minutes_file import load_report, report_from_document, save_report
from tests.storage.reviewed_report import reviewed_report
from tests.strategies import ids_of
from tests.support.examples import example_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_path("ar")
KEY_GAP_MS = 50
#: What the rapporteur types: Arabic words, Latin and digits, and two new paragraphs.
TYPED = (
    " وأكد ممثل المفوضية الأوروبية أهمية التعاون مع Frontex وEuropol في عام 2021."
    "\nوأشار إلى أن 14 دولة شاركت في الاجتماع، وأن الخطة ستُعرض في الجلسة القادمة."
    "\nوختم بالشكر للمنظمين وللمترجمين على جهودهم طوال اليوم والأمس أيضا."
)
#: The promise: everything typed up to this long before the crash is restored.
PROMISE_S = 0.25
#: Longest typing before the crash (the kill comes at a random moment before it).
TYPING_S = 5.0
#: Ways to crash that the process brings on itself, after this many keys.
SELF_CRASH_AFTER_KEYS = 40


# ------------------------------------------------------------------ the editor processes


def _body(session: Any) -> str:
    return "\n".join(block.plain_text for block in session.blocks)


def _first_session(report: Any) -> Any:
    return next(session for section in report.sections for session in section.sessions)


def _main_window(app: Any) -> Any:
    for widget in app.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            return widget
    return None


def _say(**fields: object) -> None:
    # One write of the whole line: the autosave's thread says "dying" while the GUI thread says "typed".
    os.write(sys.stdout.fileno(), (json.dumps(fields, ensure_ascii=False) + "\n").encode("utf-8"))


def _send_key(widget: Any, character: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key, text = (Qt.Key.Key_Return, "\r") if character == "\n" else (Qt.Key.Key_unknown, character)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def run_typing_session(report: Path) -> int:
    """Open ``report`` with the editor and type TYPED into its first session, one key at a time."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.app import main

    app = QApplication(sys.argv[:1])
    state: dict[str, Any] = {"typed": 0}
    crash = os.environ.get("CRASH", "kill")
    _prepare_crash(crash, state)

    gap_ms = int(os.environ.get("KEY_GAP_MS", KEY_GAP_MS))
    keys = int(os.environ.get("KEYS", len(TYPED)))

    def type_next() -> None:
        editor = state["editor"]
        if state["typed"] < keys:
            _send_key(editor, TYPED[state["typed"]])
            state["typed"] += 1
            _say(typed=state["typed"], at=time.time())
            if state["typed"] == SELF_CRASH_AFTER_KEYS:
                _crash_now(crash, state)
        QTimer.singleShot(gap_ms, type_next)

    def start() -> None:
        window = _main_window(app)
        if window is None or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(50, start)
            return
        session = _first_session(window.report)
        window.show_part(session)
        window.focus_editor()
        editor = window.current_editor()
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        state["editor"] = editor
        _say(ready=True, body=_body(session))
        type_next()

    QTimer.singleShot(0, start)
    return main(sys.argv[:1], report)


def _die(state: dict[str, Any]) -> None:
    _say(dying=time.time(), typed_before=state["typed"])
    os.kill(os.getpid(), signal.SIGKILL)


def _prepare_crash(crash: str, state: dict[str, Any]) -> None:
    """Arm the crashes that come from inside a write: they need the write to be under way."""
    from minutes_editor.storage import atomic, journal

    if crash == "journal":
        real_write = os.write

        def torn_append(self: Any, line: str) -> None:
            # Half the line reaches the file, then the process dies: a torn last line.
            if state["typed"] >= SELF_CRASH_AFTER_KEYS and self._fd is not None:
                data = line.encode("utf-8")
                real_write(self._fd, data[: len(data) // 2])
                os.fsync(self._fd)
                _die(state)
            original_append(self, line)

        original_append = journal.JournalFile.append
        journal.JournalFile.append = torn_append  # type: ignore[method-assign]
    elif crash == "snapshot":
        real_replace = os.replace

        def replace_or_die(source: Any, target: Any) -> None:
            # The snapshot's temporary file is complete; the process dies before it takes the old one's place.
            if state["typed"] >= SELF_CRASH_AFTER_KEYS and str(target).endswith(".minutes"):
                _die(state)
            real_replace(source, target)

        atomic.os.replace = replace_or_die  # type: ignore[attr-defined]
    elif crash == "between":
        real_replace_between = os.replace
        replaced: list[str] = []

        def die_between(source: Any, target: Any) -> None:
            # The first autosave writes a snapshot and its sidecar: the process dies after the first is in place.
            if Path(target).parent.name == "recovery" and Path(target).suffix in (".minutes", ".json"):
                replaced.append(str(target))
                if len(replaced) == 2:
                    _die(state)
            real_replace_between(source, target)

        atomic.os.replace = die_between  # type: ignore[attr-defined]


def _crash_now(crash: str, state: dict[str, Any]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    if crash == "segfault":
        import faulthandler

        _say(dying=time.time(), typed_before=state["typed"])
        faulthandler._sigsegv()
    elif crash == "sigterm":
        _say(dying=time.time(), typed_before=state["typed"])
        os.kill(os.getpid(), signal.SIGTERM)
    elif crash == "exception":

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                _say(box=box.text(), dying=time.time(), typed_before=state["typed"])
                next(button for button in box.buttons() if button.objectName() == "quit").click()
            else:
                QTimer.singleShot(20, answer)

        QTimer.singleShot(0, answer)

        def fail() -> None:
            raise RuntimeError("a bug of ours")

        QTimer.singleShot(0, fail)


def run_restoring_session(report: Path) -> int:
    """Start the editor on ``report`` again, accept the restore offer, print what came back."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.app import main
    from minutes_editor.gui.recovery_offer import RecoveryDialog
    from minutes_editor.storage.encoder import report_to_document

    app = QApplication(sys.argv[:1])
    seen: dict[str, Any] = {"rows": None, "deadline": time.monotonic() + 30}

    def watch() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog) and seen["rows"] is None:
            seen["rows"] = [
                [dialog.list.topLevelItem(row).text(column) for column in range(3)]
                for row in range(dialog.list.topLevelItemCount())
            ]
            seen["title"] = dialog.windowTitle()
            seen["crash_note"] = dialog.crash_label.text() if dialog.crash_label.isVisibleTo(dialog) else None
            dialog.restore_button.click()
        window = _main_window(app)
        if seen["rows"] is not None and window is not None and window.document.is_modified:
            window.flush()
            _say(
                rows=seen["rows"],
                dialog_title=seen["title"],
                crash_note=seen["crash_note"],
                modified=window.document.is_modified,
                path=str(window.document.path),
                window_title=window.windowTitle(),
                body=_body(_first_session(window.report)),
                document=report_to_document(window.report),
            )
            os._exit(0)
        if time.monotonic() > seen["deadline"]:
            _say(rows=seen["rows"], timeout=True)
            os._exit(1)
        QTimer.singleShot(50, watch)

    QTimer.singleShot(0, watch)
    return main(sys.argv[:1], report)


# ------------------------------------------------------------------ the test


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "MINUTES_EDITOR_LANG": "ar"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(folder)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _start(
    phase: str, report: Path, home: Path, crash: str = "kill", extra: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), phase, str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**_environment(home), "CRASH": crash, **(extra or {})},
    )


def crash_and_restore(
    tmp_path: Path,
    crash: str,
    kill_after_s: float | None = None,
    *,
    burst: int | None = None,
    kill_after_burst_s: float = 0.6,
    source: Path = EXAMPLE,
) -> dict[str, Any]:
    """Type into the editor until it crashes as ``crash`` says, restart it, restore; check the promise.

    Returns what the typing process said (``lines``, its ``code``, the ``keys`` the restore had to give
    back) and what the restoring process printed (``result``, with the restored report's ``document``).
    With ``burst``, that many keys are typed as fast as the events go and the kill comes
    ``kill_after_burst_s`` after the last one. ``source`` is the report typed in (the Arabic example).
    """
    home = tmp_path / "home"
    report = tmp_path / "reports" / "budapest.minutes"
    report.parent.mkdir()
    shutil.copyfile(source, report)
    original_file = report.read_bytes()

    extra = {"KEYS": str(burst), "KEY_GAP_MS": "1"} if burst is not None else None
    typing = _start("type", report, home, crash, extra)
    try:
        return _crash_and_restore(
            typing,
            report=report,
            home=home,
            original_file=original_file,
            crash=crash,
            kill_after_s=kill_after_s,
            burst=burst,
            kill_after_burst_s=kill_after_burst_s,
        )
    finally:
        if typing.poll() is None:  # a failed check must not leave an editor typing forever
            typing.kill()
            typing.wait(10)


def _crash_and_restore(
    typing: subprocess.Popen[str],
    *,
    report: Path,
    home: Path,
    original_file: bytes,
    crash: str,
    kill_after_s: float | None,
    burst: int | None,
    kill_after_burst_s: float,
) -> dict[str, Any]:
    lines: list[dict[str, Any]] = []

    def read() -> None:
        assert typing.stdout is not None
        lines.extend(json.loads(line) for line in typing.stdout if line.startswith("{"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while not any("typed" in line for line in lines):
        assert typing.poll() is None, typing.stderr.read() if typing.stderr else ""
        assert time.monotonic() < deadline, "the editor never started typing"
        time.sleep(0.01)
    first_key = next(line["at"] for line in lines if "typed" in line)
    if burst is not None:
        while not any(line.get("typed") == burst for line in lines):
            assert typing.poll() is None, typing.stderr.read() if typing.stderr else ""
            time.sleep(0.005)
        last_key = next(line["at"] for line in lines if line.get("typed") == burst)
        kill_after_s = last_key + kill_after_burst_s - first_key
    if kill_after_s is not None:
        while time.time() < first_key + kill_after_s:
            assert typing.poll() is None, typing.stderr.read() if typing.stderr else ""
            time.sleep(0.005)
        died_at = time.time()
        typing.send_signal(signal.SIGKILL)
    code = typing.wait(60)
    reader.join(10)
    errors = typing.stderr.read() if typing.stderr else ""
    if kill_after_s is None:
        said = [line for line in lines if "dying" in line]
        assert said, f"the editor did not crash as asked ({crash}, exit {code}): {errors[-3000:]}"
        died_at = said[0]["dying"]

    original_body = next(line["body"] for line in lines if line.get("ready"))
    keys = [line for line in lines if "typed" in line]
    assert burst is not None or keys[-1]["typed"] < len(TYPED), "typing ended before the crash: make TYPED longer"
    promised = max((line["typed"] for line in keys if line["at"] <= died_at - PROMISE_S), default=0)
    assert report.read_bytes() == original_file  # autosave never touches the user's file

    restoring = _start("restore", report, home)
    out, restore_errors = restoring.communicate(timeout=120)
    results = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert results, restore_errors[-3000:]
    result = results[-1]
    assert not result.get("timeout"), f"no restore offer appeared: {result} {restore_errors[-2000:]}"

    # The offer says which report and when: its title, its file, a time.
    [[title, file_name, saved_at]] = result["rows"]
    assert title == load_report(report).title.meeting  # the file typed in, unchanged
    assert file_name == report.name
    assert saved_at
    # Restored: every character typed up to a quarter of a second before the crash, nothing that was not typed.
    body = result["body"]
    assert body.startswith(original_body + TYPED[:promised]), (crash, promised, body[len(original_body) :])
    assert (original_body + TYPED).startswith(body), (crash, body[len(original_body) :])
    assert result["modified"] is True
    assert result["path"] == str(report)
    assert report.read_bytes() == original_file  # written only on Save
    typed_in_all = len(body) - len(original_body)
    return {"lines": lines, "code": code, "result": result, "typed_back": typed_in_all, "errors": errors}


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_a_killed_editor_gives_back_everything_typed_up_to_a_quarter_second_before(tmp_path: Path, seed: int) -> None:
    # A moment drawn at random within the typing: between keystrokes, in a journal tick, in a snapshot.
    moment = random.Random(seed).uniform(1.0, TYPING_S)
    crash_and_restore(tmp_path, "kill", kill_after_s=moment)


@pytest.mark.slow
def test_ids_marks_and_comments_come_back_from_a_kill(tmp_path: Path) -> None:
    # A report under review, typed in and killed: the restore gives back its ids, marks, comments and field
    # changes as they were, the typing besides (in the one paragraph typed in, and new paragraphs with new ids).
    source = tmp_path / "reviewed.minutes"
    save_report(reviewed_report(), source)
    outcome = crash_and_restore(tmp_path, "kill", kill_after_s=2.5, source=source)
    restored = report_from_document(outcome["result"]["document"])
    original = reviewed_report()
    session, typed_in = restored.sections[1].sessions[0], original.sections[1].sessions[0]
    assert restored.sections[1].sessions[0].blocks[:2] == typed_in.blocks[:2]
    last = session.blocks[2]
    assert (last.id, last.old_format) == ("b00000000006", typed_in.blocks[2].old_format)
    assert last.plain_text.startswith(typed_in.blocks[2].plain_text)
    new_ids = [block.id for block in session.blocks[3:]]
    assert len(set(new_ids)) == len(new_ids)
    assert not set(new_ids) & {block.id for block in original.all_blocks()}
    # Everything else is as it was, ids included.
    session.blocks = typed_in.blocks
    assert restored == original
    assert ids_of(restored) == ids_of(original)
    assert restored.comments == original.comments
    assert restored.field_changes == original.field_changes


@pytest.mark.slow
def test_a_burst_of_typing_killed_six_tenths_of_a_second_later_is_all_restored(tmp_path: Path) -> None:
    # Regression: with autosave 2 s after the last change, all 98 characters of such a burst were lost.
    outcome = crash_and_restore(tmp_path, "kill", burst=98)
    assert outcome["typed_back"] == 98


@pytest.mark.slow
def test_a_kill_in_the_middle_of_a_journal_line_loses_only_that_line(tmp_path: Path) -> None:
    outcome = crash_and_restore(tmp_path, "journal")
    dying = next(line for line in outcome["lines"] if "dying" in line)
    # The torn line held the last keys; everything before it is back.
    assert outcome["typed_back"] <= dying["typed_before"]


@pytest.mark.slow
def test_a_kill_in_the_middle_of_a_snapshot_keeps_the_last_snapshot_and_its_journal(tmp_path: Path) -> None:
    crash_and_restore(tmp_path, "snapshot")


@pytest.mark.slow
def test_a_segmentation_fault_is_told_at_the_next_start_with_its_report(tmp_path: Path) -> None:
    outcome = crash_and_restore(tmp_path, "segfault")
    assert outcome["code"] == -signal.SIGSEGV
    note = outcome["result"]["crash_note"]
    assert note is not None
    assert "crash-reports" in note
    # The path stands between Unicode isolates (it reads left to right inside an Arabic sentence).
    report = Path(note[note.index("\u2066") + 1 : note.index("\u2069")])
    assert "Segmentation fault" in report.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_error_of_ours_writes_every_key_tells_where_and_restores_after_quit(tmp_path: Path) -> None:
    outcome = crash_and_restore(tmp_path, "exception")
    told = next(line for line in outcome["lines"] if "box" in line)
    assert "a bug of ours" in told["box"]
    assert "recovery" in told["box"]
    assert outcome["code"] == 1
    # Everything up to the error was written before the box appeared.
    assert outcome["typed_back"] >= told["typed_before"]


@pytest.mark.slow
def test_sigterm_writes_every_key_and_keeps_the_recovery_files(tmp_path: Path) -> None:
    outcome = crash_and_restore(tmp_path, "sigterm")
    dying = next(line for line in outcome["lines"] if "dying" in line)
    assert outcome["code"] == 128 + signal.SIGTERM
    assert outcome["typed_back"] >= dying["typed_before"]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    phase, path = sys.argv[1], Path(sys.argv[2])
    sys.exit(run_typing_session(path) if phase == "type" else run_restoring_session(path))
