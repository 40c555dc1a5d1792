"""Journeys a user made with the keyboard in the real window, each of which once lost their work.

Every test drives a real MainWindow offscreen with real key events (and a
real paste, a real click in the outline), as a user would, and checks where
the typing went. The journeys that once crashed the process (a body editor
left on the body document of a report already deleted) run in a child
process, this file being its driver: a crash then fails the test with the
child's error output instead of ending the test run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
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


# ------------------------------------------------------------------ journeys in this process


@pytest.fixture
def window_factory(qtbot, monkeypatch):
    """Make shown, complete main windows in an interface language; never prompt at teardown."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui import ask
    from minutes_editor.gui.app import configure_application
    from minutes_editor.gui.i18n import install_translations
    from minutes_editor.gui.main_window import MainWindow

    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    locale = QLocale()

    def make(language: str = "en", path: Path | None = None, *, translated: bool = False) -> MainWindow:
        configure_application(QApplication.instance(), language)
        if translated:
            # As the application starts: the interface's translations and locale (its digits) too.
            install_translations(language)
        window = MainWindow(language)
        qtbot.addWidget(window)
        if path is not None:
            assert window.open_path(path, check_saved=False)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.is_complete)
        return window

    yield make
    install_translations("en")
    QLocale.setDefault(locale)
    configure_application(QApplication.instance(), "en")


def _key(qtbot, key, modifier=None) -> None:
    """A key pressed where the focus is (the window's shortcuts included)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(widget, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def _ctrl(qtbot, key) -> None:
    from PySide6.QtCore import Qt

    _key(qtbot, key, Qt.KeyboardModifier.ControlModifier)


def _go_to(qtbot, window, part) -> None:
    """Walk the outline with the keyboard to ``part`` (Ctrl+1, then Down), then Ctrl+2 into its editor."""
    from PySide6.QtCore import Qt

    _ctrl(qtbot, Qt.Key.Key_1)
    _key(qtbot, Qt.Key.Key_Home)
    for _ in range(50):
        if window.outline.current_part() is part:
            break
        _key(qtbot, Qt.Key.Key_Down)
    assert window.outline.current_part() is part
    _ctrl(qtbot, Qt.Key.Key_2)


def _in_report(window, text: str) -> bool:
    from minutes_editor.storage.minutes_file import report_to_bytes

    window.flush()
    return text in report_to_bytes(window.report).decode("utf-8")


def _typing_field(widget) -> bool:
    from minutes_editor.gui.fields import takes_typing

    return widget is not None and widget.isVisible() and widget.isEnabled() and takes_typing(widget)


def _field_of(widget):
    """The field holding the focus (a combo box or time edit rather than its inner line)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    parent = widget.parentWidget() if widget is not None else None
    return parent if isinstance(parent, QComboBox | QAbstractSpinBox) else widget


def test_new_report_from_a_blank_start_puts_the_typed_title_in_the_meeting(window_factory, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_factory("en")
    _enter_in_next_dialog()
    _ctrl(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    assert _typing_field(focus)
    qtbot.keyClicks(focus, "Joint meeting")
    assert window.report.title.meeting == "Joint meeting"


def test_new_report_and_open_leave_the_outline_for_the_meeting_title(window_factory, qtbot, example, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui import ask

    window = window_factory("en", example)
    _go_to(qtbot, window, window.report.sections[1])
    _ctrl(qtbot, Qt.Key.Key_1)  # the focus in the outline, as the user once had it
    _enter_in_next_dialog()
    _ctrl(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClicks(QApplication.focusWidget(), "Joint meeting")
    assert window.report.title.meeting == "Joint meeting"

    second = example.with_name("second.minutes")
    shutil.copyfile(SECOND, second)
    monkeypatch.setattr(ask, "open_path", lambda *_args: second)
    _ctrl(qtbot, Qt.Key.Key_1)
    _ctrl(qtbot, Qt.Key.Key_O)
    assert window.document.path == second
    meeting = window.report.title.meeting
    _key(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " (draft)")
    assert window.report.title.meeting == meeting + " (draft)"


@pytest.mark.parametrize("where", ["section", "session", "participation"])
def test_next_field_from_the_body_always_lands_in_a_shown_field_that_takes_typing(
    window_factory, qtbot, example, where
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_factory("en", example)
    report = window.report
    part = {
        "section": report.sections[2],
        "session": next(session for section in report.sections for session in section.sessions),
        "participation": report.sections[1],
    }[where]
    _go_to(qtbot, window, part)
    editor = window.current_editor()
    assert QApplication.focusWidget() is editor
    _ctrl(qtbot, Qt.Key.Key_Down)
    focus = QApplication.focusWidget()
    assert focus is not editor
    assert _typing_field(_field_of(focus)), focus
    qtbot.keyClicks(focus, "Qzx")
    assert _in_report(window, "Qzx") or focus is window.section_page.picker.search
    # On through every field, back to the body: each one shown and taking typing.
    visited = [_field_of(focus)]
    for _ in range(12):
        _ctrl(qtbot, Qt.Key.Key_Down)
        field = _field_of(QApplication.focusWidget())
        assert _typing_field(field), field
        if field is editor:
            break
        visited.append(field)
    assert QApplication.focusWidget() is editor
    assert len(set(map(id, visited))) == len(visited)


def test_escape_in_the_footnote_field_goes_back_after_the_mark(window_factory, qtbot, example, type_text):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from minutes_editor.gui.rich_text import OBJECT_CHAR
    from minutes_editor.model.report import FootnoteRef, plain_text

    window = window_factory("ar", example)
    section = window.report.sections[2]
    _go_to(qtbot, window, section)
    editor = window.current_editor()
    _ctrl(qtbot, Qt.Key.Key_End)
    _key(qtbot, Qt.Key.Key_Return)
    type_text(editor, "أبج")
    _key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    note = QApplication.focusWidget()
    assert note is not editor
    type_text(note, "نص الحاشية")
    _key(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor
    type_text(editor, "دهو")
    window.flush()
    assert editor.document().lastBlock().text() == f"أبج{OBJECT_CHAR}دهو"
    [reference] = [item.footnote_id for item in section.blocks[-1].content if isinstance(item, FootnoteRef)]
    assert plain_text(next(n for n in window.report.footnotes if n.id == reference).content) == "نص الحاشية"


def test_escape_in_a_side_field_goes_back_to_the_body_at_its_cursor(window_factory, qtbot, example):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_factory("en", example)
    session = next(session for section in window.report.sections for session in section.sessions)
    _go_to(qtbot, window, session)
    editor = window.current_editor()
    _ctrl(qtbot, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "Start ")
    page = window.session_page
    for field in (page.title, page.goals):
        field.setFocus()  # as a click would
        qtbot.waitUntil(lambda field=field: QApplication.focusWidget() is field)
        _key(qtbot, Qt.Key.Key_Escape)
        assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "here ")
    assert editor.document().firstBlock().text().startswith("Start here ")
    section = window.report.sections[2]
    _go_to(qtbot, window, section)
    editor = window.current_editor()
    _ctrl(qtbot, Qt.Key.Key_Home)
    window.section_page.heading.setFocus()
    _key(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "Open ")
    assert editor.document().firstBlock().text().startswith("Open ")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_four_digits_typed_into_a_time_fill_the_hours_then_the_minutes(window_factory, qtbot, example, language):
    # With the Arabic interface's locale the edits show Arabic-Indic digits; typed Western digits never
    # completed the hours, so "1230" gave 12:00.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_factory(language, example, translated=True)
    page = window.title_page
    title = window.report.title

    def reach(edit) -> None:
        _ctrl(qtbot, Qt.Key.Key_2)  # the meeting title, then Next field to the edit
        for _ in range(12):
            if _field_of(QApplication.focusWidget()) is edit:
                return
            _ctrl(qtbot, Qt.Key.Key_Down)
        raise AssertionError(f"Next field never reached {edit.objectName()}")

    for edit, attribute in ((page.start_time, "start_time"), (page.end_time, "end_time")):
        for digits in ("1230", "0930", "2359", "0005"):
            reach(edit)
            qtbot.keyClicks(QApplication.focusWidget(), digits)
            assert getattr(title, attribute) == dt.time(int(digits[:2]), int(digits[2:])), (attribute, digits)
            assert edit.text() == edit.locale().toString(edit.time(), "HH:mm")
    reach(page.date)
    qtbot.keyClicks(QApplication.focusWidget(), "20230105")
    assert title.date == dt.date(2023, 1, 5)


def test_a_list_pasted_into_the_participants_is_split_at_arabic_waw(window_factory, qtbot, example):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_factory("en", example)
    _enter_in_next_dialog()
    _ctrl(qtbot, Qt.Key.Key_N)  # a new report in the report's language (Arabic), the usual agenda
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    report = window.report
    assert report.language == "ar"
    participation = report.sections[1]
    _go_to(qtbot, window, participation)
    picker = window.section_page.picker
    for _ in range(8):
        if QApplication.focusWidget() is picker.search:
            break
        _ctrl(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.search

    QApplication.clipboard().setText("العراق وباكستان")
    _ctrl(qtbot, Qt.Key.Key_V)
    assert [(p.name, p.code) for p in participation.participants] == [("العراق", "IQ"), ("باكستان", "PK")]
    assert picker.search.text() == ""
    # A name beginning with و is not cut at its first letter; a name holding و stays whole when known.
    QApplication.clipboard().setText("وزارة الخارجية والبوسنة والهرسك")
    _ctrl(qtbot, Qt.Key.Key_V)
    assert [(p.name, p.code) for p in participation.participants][2:] == [
        ("وزارة الخارجية", ""),
        ("البوسنة والهرسك", "BA"),
    ]
    # One name is pasted into the search line, to search for.
    QApplication.clipboard().setText("تركيا")
    _ctrl(qtbot, Qt.Key.Key_V)
    assert picker.search.text() == "تركيا"
    assert len(participation.participants) == 4


if __name__ == "__main__":
    sys.exit(run_journey(sys.argv[1]))
