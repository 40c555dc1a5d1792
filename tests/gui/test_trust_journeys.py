"""Journeys a user made with the keyboard in the real window, each of which once lost their work.

Every test drives a real MainWindow offscreen with real key events (and a
real paste, a real click in the outline), as a user would, and checks where
the typing went. The journeys that once crashed the process (a body editor
left on the body document of a report already deleted) run in a child
process, this file being its driver: a crash then fails the test with the
child's error output instead of ending the test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.examples import example_path  # noqa: E402

EXAMPLE = example_path("ar")
SECOND = example_path("en")

# ------------------------------------------------------------------ the driver of the child processes

#: What a journey step gives back to the driver: None (go on at the next turn of the event loop), or a
#: condition to wait for (checked at each turn) before going on.
Step = Iterator[Callable[[], bool] | None]


def _say(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def _press(key: Any, modifier: Any = None) -> None:
    """Press ``key`` where the focus is, as a keyboard does (window shortcuts included)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(widget, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def _type(text: str) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClicks(QApplication.focusWidget(), text)


def _enter_in_next_dialog() -> None:
    """Press Enter in the modal dialog about to open (from the dialog's own event loop)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, press)
            return
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def _new_report(window: Any) -> Step:
    """File > New report by its keys, Enter in the dialog; waits until the old report is deleted."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    deleted: list[bool] = []
    window.document.destroyed.connect(lambda *_args: deleted.append(True))
    _enter_in_next_dialog()
    _press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    # As a user does, go on once the window is active again (the dialog has gone).
    yield lambda: bool(deleted) and QApplication.activeWindow() is window


def _open_second(window: Any) -> Step:
    """File > Open by its keys, the file dialog answering SECOND; waits until the old report is deleted."""
    from PySide6.QtCore import Qt

    deleted: list[bool] = []
    window.document.destroyed.connect(lambda *_args: deleted.append(True))
    _press(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    yield lambda: bool(deleted)


def _click_part(window: Any, index: int) -> None:
    """Click the ``index``-th part of the outline (sessions counted), as a mouse does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    item = window.outline.items()[index]
    window.tree.scrollToItem(item)
    QTest.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualItemRect(item).center())


def journey_open_move_new_next_parts(window: Any) -> Step:
    """Open a report, move in the outline, New report, type a title, F6 three times."""
    from PySide6.QtCore import Qt

    assert window.open_path(EXAMPLE, check_saved=False)
    yield None
    for key, modifier in ((Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_Down, None)):
        _press(key, modifier)
    _press(Qt.Key.Key_Down)
    yield None
    yield from _new_report(window)
    _press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _type("Joint meeting")
    for _ in range(3):
        _press(Qt.Key.Key_F6)
        yield None
    _type(" typed")
    yield None


def journey_open_second_and_click_parts(window: Any) -> Step:
    """Open a report, show a body, File > Open another, click between its parts, type."""
    from PySide6.QtCore import Qt

    assert window.open_path(EXAMPLE, check_saved=False)
    yield None
    _press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    _press(Qt.Key.Key_Down)
    _press(Qt.Key.Key_Down)
    yield None
    yield from _open_second(window)
    for index in (1, 2, 3, 1, 5, 6):
        _click_part(window, index)
        yield None
    _press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _type(" typed")
    yield None


def journey_new_twice_from_blank(window: Any) -> Step:
    """From no file: New report, go to a body and type, New report again, F6 three times, type."""
    from PySide6.QtCore import Qt

    yield from _new_report(window)
    _press(Qt.Key.Key_F6)
    _press(Qt.Key.Key_F6)
    yield None
    _type("first")
    yield from _new_report(window)
    for _ in range(3):
        _press(Qt.Key.Key_F6)
        yield None
    _type(" typed")
    yield None


JOURNEYS = {
    "open-move-new-next-parts": journey_open_move_new_next_parts,
    "open-second-click-parts": journey_open_second_and_click_parts,
    "new-twice-from-blank": journey_new_twice_from_blank,
}


def run_journey(name: str) -> int:
    """Build the window, run the journey ``name`` from its event loop, print where the typing went."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui import ask
    from minutes_editor.gui.app import configure_application
    from minutes_editor.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    configure_application(app, "en")
    ask.unsaved_changes = lambda *_args: ask.UnsavedChoice.DISCARD  # type: ignore[assignment]
    ask.open_path = lambda *_args: SECOND  # type: ignore[assignment]
    window = MainWindow("en")
    window.show()
    window.activateWindow()
    steps = JOURNEYS[name](window)
    waiting: list[Callable[[], bool]] = []

    def advance() -> None:
        if waiting and not waiting[0]():
            QTimer.singleShot(10, advance)
            return
        waiting.clear()
        try:
            condition = next(steps)
        except StopIteration:
            window.flush()
            editor = window.current_editor()
            _say(
                done=True,
                meeting=window.report.title.meeting,
                body=editor.document().toPlainText() if editor is not None else None,
            )
            app.quit()
            return
        if condition is not None:
            waiting.append(condition)
        QTimer.singleShot(0, advance)

    def start() -> None:
        if not window.is_complete or QApplication.activeWindow() is not window:
            QTimer.singleShot(10, start)
            return
        advance()

    QTimer.singleShot(0, start)
    return app.exec()


# ------------------------------------------------------------------ the tests


def _run_child(journey: str, home: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env.pop("MINUTES_EDITOR_LANG", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(folder)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    child = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(Path(__file__).resolve()), journey],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    results = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert child.returncode == 0, f"the editor died ({child.returncode}):\n{child.stderr[-4000:]}"
    assert results, child.stderr[-4000:]
    return results[-1]


@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_replacing_the_report_never_leaves_an_editor_on_its_deleted_bodies(journey: str, tmp_path: Path) -> None:
    # The editors of the section and session pages kept the old report's body documents, which
    # deleteLater freed: the next part shown crashed the process (use after free).
    result = _run_child(journey, tmp_path / "home")
    assert result["done"]
    assert result["body"] is not None
    assert " typed" in result["body"]


if __name__ == "__main__":
    sys.exit(run_journey(sys.argv[1]))
