"""A crash loses nothing typed up to 5 seconds before it: start, type, SIGKILL, start again, restore.

The editor runs as the user starts it (``app.main`` on a report), in its own
process with its own config and data folders. This file is also the driver
those processes run: it makes the QApplication, lets ``main`` build the
window, and from a timer types into the first session's body with real key
events (one every ``KEY_GAP_MS``), printing each keystroke with its time. The
test kills that process in the middle of typing, with no warning. The second
process waits for the restore offer, records what the dialog shows, presses
Restore, and prints the restored report's state.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from minutes_editor.storage.minutes_file import load_report
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
PROMISE_S = 5.0
TYPING_S = 8.0


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
    print(json.dumps(fields, ensure_ascii=False), flush=True)


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

    def type_next() -> None:
        editor = state["editor"]
        if state["typed"] < len(TYPED):
            _send_key(editor, TYPED[state["typed"]])
            state["typed"] += 1
            _say(typed=state["typed"], at=time.time())
        QTimer.singleShot(KEY_GAP_MS, type_next)

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


def run_restoring_session(report: Path) -> int:
    """Start the editor on ``report`` again, accept the restore offer, print what came back."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.app import main
    from minutes_editor.gui.recovery import RecoveryDialog

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
            dialog.restore_button.click()
        window = _main_window(app)
        if seen["rows"] is not None and window is not None and window.document.is_modified:
            window.flush()
            _say(
                rows=seen["rows"],
                dialog_title=seen["title"],
                modified=window.document.is_modified,
                path=str(window.document.path),
                window_title=window.windowTitle(),
                body=_body(_first_session(window.report)),
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


def _start(phase: str, report: Path, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), phase, str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_environment(home),
    )


@pytest.mark.slow
def test_a_killed_editor_gives_back_everything_typed_up_to_five_seconds_before(tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "reports" / "budapest.minutes"
    report.parent.mkdir()
    shutil.copyfile(EXAMPLE, report)
    original_file = report.read_bytes()

    typing = _start("type", report, home)
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
        time.sleep(0.05)
    first_key = next(line["at"] for line in lines if "typed" in line)
    while time.time() < first_key + TYPING_S:
        assert typing.poll() is None, typing.stderr.read() if typing.stderr else ""
        time.sleep(0.05)
    killed_at = time.time()
    typing.send_signal(signal.SIGKILL)
    typing.wait(10)
    reader.join(10)

    original_body = next(line["body"] for line in lines if line.get("ready"))
    keys = [line for line in lines if "typed" in line]
    assert keys[-1]["typed"] < len(TYPED), "typing ended before the kill: make TYPED longer"
    promised = max((line["typed"] for line in keys if line["at"] <= killed_at - PROMISE_S), default=0)
    assert promised >= 20, "too little typed early enough to prove anything"
    assert report.read_bytes() == original_file  # autosave never touches the user's file

    restoring = _start("restore", report, home)
    out, errors = restoring.communicate(timeout=120)
    results = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert results, errors[-3000:]
    result = results[-1]
    assert not result.get("timeout"), f"no restore offer appeared: {result} {errors[-2000:]}"

    # The offer says which report and when: its title, its file, a time.
    [[title, file_name, saved_at]] = result["rows"]
    assert title == load_report(EXAMPLE).title.meeting
    assert file_name == report.name
    assert saved_at
    # Restored: every character typed up to 5 s before the kill, nothing that was not typed.
    body = result["body"]
    assert body.startswith(original_body + TYPED[:promised]), (promised, body[len(original_body) :])
    assert (original_body + TYPED).startswith(body)
    assert result["modified"] is True
    assert result["path"] == str(report)
    assert report.read_bytes() == original_file  # written only on Save


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    phase, path = sys.argv[1], Path(sys.argv[2])
    sys.exit(run_typing_session(path) if phase == "type" else run_restoring_session(path))
