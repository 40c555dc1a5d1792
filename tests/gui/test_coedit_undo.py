"""Undo in a shared room: two real windows (offscreen) in one room of a real relay process, real key events.

While a window is in a room, Ctrl+Z and Ctrl+Y take back and bring back that
window's own edits from the room's document (gui/shared_undo.py,
collab/undo.py), never the other's, and both windows end with one report.
The fixtures and helpers are test_coedit.py's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_editor.gui.main_window import MainWindow
from tests.gui.test_coedit import WAIT_MS, _editor_at_end_of, _pair, _same, _text, relay, windows  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

CTRL = Qt.KeyboardModifier.ControlModifier
# More presses than the steps the tests make: a slow machine may cut one's typing into more steps.
MOST_PRESSES = 12


def _press_until(qtbot, widget, key: Qt.Key, done) -> int:
    """Press Ctrl+``key`` on ``widget`` (real key events) until ``done()``; how many presses it took.

    How many steps one's typing makes depends on the clock (edits in one place less than 500 ms apart are one).
    """
    for presses in range(MOST_PRESSES):
        if done():
            return presses
        widget.setFocus()
        QTest.keyClick(widget, key, CTRL)
    qtbot.waitUntil(done, timeout=WAIT_MS)
    return MOST_PRESSES


def _first(window: MainWindow) -> str:
    return window.document.read().sections[0].blocks[0].plain_text


def test_ctrl_z_takes_back_ones_own_words_only_and_ctrl_y_brings_them_back(qtbot, windows, relay, tmp_path: Path):  # noqa: F811
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    start = _first(amira)
    assert not amira.registry["undo"].isEnabled()

    editor_a = _editor_at_end_of(amira, amira.report.sections[0], 0)
    QTest.keyClicks(editor_a, "alpha ")
    qtbot.waitUntil(lambda: _first(bruno) == start + "alpha ", timeout=WAIT_MS)
    editor_b = _editor_at_end_of(bruno, bruno.report.sections[0], 0)
    QTest.keyClicks(editor_b, "beta ")
    qtbot.waitUntil(lambda: _first(amira) == start + "alpha beta ", timeout=WAIT_MS)
    editor_a = _editor_at_end_of(amira, amira.report.sections[0], 0)
    QTest.keyClicks(editor_a, " gamma")
    qtbot.waitUntil(lambda: _same(amira, bruno) and _first(bruno) == start + "alpha beta  gamma", timeout=WAIT_MS)
    assert amira.registry["undo"].isEnabled()
    assert not bruno.registry["redo"].isEnabled()

    # Amira's Ctrl+Z, on her editor, until her words are gone: Bruno's stay, in both windows.
    assert _press_until(qtbot, editor_a, Qt.Key.Key_Z, lambda: _first(amira) == start + "beta ") >= 1
    qtbot.waitUntil(lambda: _same(amira, bruno) and _first(bruno) == start + "beta ", timeout=WAIT_MS)
    assert not amira.registry["undo"].isEnabled()
    assert amira.registry["redo"].isEnabled()
    # Nothing of hers is left to undo: another press takes nothing of Bruno's.
    QTest.keyClick(editor_a, Qt.Key.Key_Z, CTRL)
    assert _first(amira) == start + "beta "
    # Bruno's own history is his typing, untouched by Amira's undo.
    assert bruno.registry["undo"].isEnabled()

    # Ctrl+Y brings her words back, where they were.
    _press_until(qtbot, editor_a, Qt.Key.Key_Y, lambda: _first(amira) == start + "alpha beta  gamma")
    qtbot.waitUntil(lambda: _same(amira, bruno) and _first(bruno) == start + "alpha beta  gamma", timeout=WAIT_MS)
    assert not amira.registry["redo"].isEnabled()


def test_undoing_ones_heading_leaves_the_others_section_alone(qtbot, windows, relay, tmp_path: Path) -> None:  # noqa: F811
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    amira.outline.select(amira.report.sections[2])
    heading = amira.section_page.heading
    heading.setFocus()
    QTest.keyClicks(heading, "Welcome words")
    qtbot.waitUntil(lambda: bruno.document.read().sections[2].heading == "Welcome words", timeout=WAIT_MS)
    editor_b = _editor_at_end_of(bruno, bruno.report.sections[3], 0)
    QTest.keyClicks(editor_b, " Bruno was here.")
    qtbot.waitUntil(lambda: "Bruno was here." in _text(amira), timeout=WAIT_MS)

    # Ctrl+Z in Amira's heading field, her window the active one (the keys' shortcut is the window's): her
    # heading goes, back to the default one; Bruno's sentence stays.
    amira.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is amira)
    heading.setFocus()
    _press_until(qtbot, heading, Qt.Key.Key_Z, lambda: amira.document.read().sections[2].heading is None)
    assert heading.text() == ""
    qtbot.waitUntil(lambda: _same(amira, bruno) and bruno.document.read().sections[2].heading is None, timeout=WAIT_MS)
    assert _text(bruno).count("Bruno was here.") == 1
    assert not amira.registry["undo"].isEnabled()


def test_undo_after_a_remote_change_in_the_same_body_still_undoes_ones_earlier_typing(
    qtbot,
    windows,  # noqa: F811
    relay,  # noqa: F811
    tmp_path: Path,
) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    section_a, section_b = amira.report.sections[3], bruno.report.sections[3]
    editor_a = _editor_at_end_of(amira, section_a, 0)
    QTest.keyClicks(editor_a, " Typed by Amira first.")
    qtbot.waitUntil(lambda: "Typed by Amira first." in _text(bruno), timeout=WAIT_MS)
    # Bruno types in another paragraph of the body Amira is editing: her body is redrawn with his words.
    editor_b = _editor_at_end_of(bruno, section_b, 2)
    QTest.keyClicks(editor_b, " Then Bruno.")
    qtbot.waitUntil(lambda: "Then Bruno." in _text(amira), timeout=WAIT_MS)
    assert amira.current_editor() is editor_a

    # Her Ctrl+Z still undoes her typing from before his change (the window's own history had lost it).
    _press_until(qtbot, editor_a, Qt.Key.Key_Z, lambda: "Typed by Amira first." not in _text(amira))
    qtbot.waitUntil(lambda: _same(amira, bruno) and "Typed by Amira first." not in _text(bruno), timeout=WAIT_MS)
    assert _text(bruno).count("Then Bruno.") == 1


def test_leaving_the_room_gives_undo_back_to_the_window(qtbot, windows, relay, tmp_path: Path) -> None:  # noqa: F811
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    editor_a = _editor_at_end_of(amira, amira.report.sections[0], 1)
    QTest.keyClicks(editor_a, " shared words")
    qtbot.waitUntil(lambda: " shared words" in _text(bruno), timeout=WAIT_MS)
    amira.registry["leave_room"].trigger()
    assert "Undo starts afresh" in amira.statusBar().currentMessage()
    assert amira.document.shared_undo is None
    assert not amira.registry["undo"].isEnabled()  # the history from the room is not the window's
    assert amira.document.is_modified

    QTest.keyClicks(editor_a, " own words")
    assert amira.registry["undo"].isEnabled()
    QTest.keyClick(editor_a, Qt.Key.Key_Z, CTRL)
    text = _text(amira)
    assert " own words" not in text
    assert " shared words" in text
