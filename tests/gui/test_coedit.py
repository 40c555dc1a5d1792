"""Writing together in the window: two real windows (offscreen) in one room of a real relay process.

Each window joins through its File menu's dialog typed into with real key
events; both type through real key events into their body editors, in turn;
the tests wait (qtbot.waitUntil) until the two reports agree.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from minutes_editor.gui import ask
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.settings import Settings
from minutes_editor.model.report import Report, Section, Session
from tests.collab.processes import RelayProcess
from tests.support.examples import example_path

pytestmark = pytest.mark.slow

TOKEN = "window-test-token"
ROOM = "budapest-2021"
WAIT_MS = 15000


@pytest.fixture
def relay(tmp_path: Path):
    process = RelayProcess(tmp_path / "store", "--token", TOKEN).start()
    yield process
    if process.process is not None:
        process.stop()


@pytest.fixture
def windows(qtbot, tmp_path: Path, monkeypatch, relay):  # the windows leave before the relay stops
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    made: list[MainWindow] = []

    def make(name: str) -> MainWindow:
        window = MainWindow("en", settings=Settings(tmp_path / f"{name}.ini"))
        qtbot.addWidget(window)
        window.show()
        window.complete()
        window.features.coedit.user_name = name
        made.append(window)
        return window

    yield make
    for window in made:
        window.features.coedit.leave()


def _fill(field, text: str) -> None:
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)


def _enter_room(qtbot, window: MainWindow, action: str, relay: RelayProcess, room: str = ROOM) -> None:
    """File > Share… or Join…: type the relay, room and token, press Enter."""
    window.registry[action].trigger()
    dialog = window.features.coedit.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    _fill(dialog.relay, relay.url)
    _fill(dialog.room, room)
    _fill(dialog.token, TOKEN)
    QTest.keyClick(dialog.token, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.features.coedit.live is not None and window.features.coedit.live.online, timeout=WAIT_MS
    )


def _pair(qtbot, windows, relay: RelayProcess, tmp_path: Path) -> tuple[MainWindow, MainWindow]:
    target = tmp_path / "report.minutes"
    shutil.copyfile(example_path("en"), target)
    amira = windows("Amira")
    assert amira.open_path(target, check_saved=False)
    _enter_room(qtbot, amira, "share", relay)
    bruno = windows("Bruno")
    _enter_room(qtbot, bruno, "join", relay)
    return amira, bruno


def _editor_at_end_of(window: MainWindow, owner: Section | Session, paragraph: int):
    """Show ``owner``'s body and put the cursor at the end of its ``paragraph``th paragraph (setting up)."""
    window.outline.select(owner)
    editor = window.current_editor()
    assert editor is not None
    assert editor.owner is owner
    block = editor.document().findBlockByNumber(paragraph)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    return editor


def _text(window: MainWindow) -> str:
    report = window.document.read()
    return "\n".join(
        block.plain_text
        for section in report.sections
        for owner in (section, *section.sessions)
        for block in owner.blocks
    )


def _same(one: MainWindow, other: MainWindow) -> bool:
    a, b = one.document.read(), other.document.read()
    return a == b and _ids(a) == _ids(b)


def _ids(report: Report) -> list[str]:
    return [block.id for section in report.sections for owner in (section, *section.sessions) for block in owner.blocks]


def test_two_windows_type_in_one_paragraph_and_end_equal_and_each_undoes_only_its_own(
    qtbot, windows, relay, tmp_path: Path
) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    assert _same(amira, bruno)
    assert bruno.windowTitle().startswith(f"{ROOM} (shared)")

    # Both in the first paragraph of the objectives, in turn, word by word.
    editor_a = _editor_at_end_of(amira, amira.report.sections[0], 0)
    editor_b = _editor_at_end_of(bruno, bruno.report.sections[0], 0)
    for word_a, word_b in zip(["alpha", "beta", "gamma"], ["one", "two", "three"], strict=True):
        QTest.keyClicks(editor_a, f" A-{word_a}")
        QTest.keyClicks(editor_b, f" B-{word_b}")
        qtbot.wait(50)  # pacing only: the typing interleaves with the network
    qtbot.waitUntil(lambda: _same(amira, bruno), timeout=WAIT_MS)
    first = amira.report.sections[0].blocks[0].plain_text
    for word in ("A-alpha", "A-beta", "A-gamma", "B-one", "B-two", "B-three"):
        assert first.count(word) == 1, first
    assert first.index("A-alpha") < first.index("A-beta") < first.index("A-gamma")
    assert first.index("B-one") < first.index("B-two") < first.index("B-three")

    # Presence: each sees the other, where the other is.
    heading = "Meeting objectives"
    qtbot.waitUntil(lambda: f"Bruno: {heading}" in amira.features.coedit.presence_label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: f"Amira: {heading}" in bruno.features.coedit.presence_label.text(), timeout=WAIT_MS)
    assert "you (Amira)" in amira.features.coedit.presence_label.text()
    assert "online" in amira.features.coedit.connection_label.text()

    # Now each in a body of its own: Amira in the opening remarks, Bruno in the first session.
    editor_a = _editor_at_end_of(amira, amira.report.sections[2], 0)
    session_b = bruno.report.sections[4].sessions[0]
    editor_b = _editor_at_end_of(bruno, session_b, 0)
    qtbot.waitUntil(lambda: "Bruno: Session 1" in amira.features.coedit.presence_label.text(), timeout=WAIT_MS)
    item = amira.outline.item_for(amira.report.sections[4].sessions[0])
    assert item is not None
    assert item.toolTip(0) == "Bruno is here"
    for _round in range(3):
        QTest.keyClicks(editor_a, " mine")
        QTest.keyClicks(editor_b, " theirs")
        qtbot.wait(50)
    qtbot.waitUntil(lambda: _same(amira, bruno) and _text(amira).count(" theirs") == 3, timeout=WAIT_MS)
    assert _text(amira).count(" mine") == 3

    # MINUTES_EDITOR_COEDIT_SHOT=docs/screenshot-coedit.png keeps a picture of Amira's window now.
    shot = os.environ.get("MINUTES_EDITOR_COEDIT_SHOT")
    if shot:
        amira.preview_pane.refresh()
        amira.grab().save(shot)

    # Amira undoes: her words go, Bruno's stay, in both windows; the earlier shared paragraph keeps Bruno's words.
    editor_a.setFocus()
    for _press in range(20):
        QTest.keyClick(editor_a, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: " mine" not in _text(amira), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _same(amira, bruno) and " mine" not in _text(bruno), timeout=WAIT_MS)
    text = _text(bruno)
    assert text.count(" theirs") == 3
    for word in ("B-one", "B-two", "B-three"):
        assert text.count(word) == 1


def test_edits_made_while_the_relay_is_down_merge_when_it_is_back(qtbot, windows, relay, tmp_path: Path) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    port = relay.port
    relay.stop()
    qtbot.waitUntil(lambda: "offline since" in amira.features.coedit.connection_label.text(), timeout=WAIT_MS)
    editor = _editor_at_end_of(amira, amira.report.sections[0], 1)
    QTest.keyClicks(editor, " written offline")
    qtbot.waitUntil(lambda: "your edits are kept" in amira.features.coedit.connection_label.text(), timeout=WAIT_MS)
    assert " written offline" in _text(amira)
    assert " written offline" not in _text(bruno)

    again = RelayProcess(relay.store, "--token", TOKEN, port=port).start()
    try:
        qtbot.waitUntil(lambda: "online" in amira.features.coedit.connection_label.text(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: _same(amira, bruno) and " written offline" in _text(bruno), timeout=WAIT_MS)
        assert _text(bruno).count(" written offline") == 1
    finally:
        again.stop()


def test_a_paragraph_deleted_while_the_other_types_in_it_keeps_the_typed_text(
    qtbot, windows, relay, tmp_path: Path
) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    section_b = bruno.report.sections[3]
    victim = section_b.blocks[1].plain_text
    assert bruno.features.coedit.live is not None
    # Bruno deletes the second paragraph of "Setting the scene" while away from the relay...
    bruno.features.coedit.live.go_offline()
    qtbot.waitUntil(lambda: "offline since" in bruno.features.coedit.connection_label.text(), timeout=WAIT_MS)
    editor_b = _editor_at_end_of(bruno, section_b, 1)
    cursor = editor_b.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    editor_b.setTextCursor(cursor)
    QTest.keyClick(editor_b, Qt.Key.Key_Delete)
    assert victim not in _text(bruno)
    # ...while Amira types at its end.
    editor_a = _editor_at_end_of(amira, amira.report.sections[3], 1)
    QTest.keyClicks(editor_a, " and words typed meanwhile")
    qtbot.waitUntil(
        lambda: amira.features.coedit.base is not None and "typed meanwhile" in _plain(amira.features.coedit.base)
    )
    bruno.features.coedit.live.go_online()

    kept = victim + " and words typed meanwhile"
    qtbot.waitUntil(lambda: "your text was kept" in amira.statusBar().currentMessage(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _same(amira, bruno) and kept in _text(bruno), timeout=WAIT_MS)
    assert _text(amira).count(kept) == 1


def _plain(report: Report) -> str:
    owners = [owner for section in report.sections for owner in (section, *section.sessions)]
    return "\n".join(block.plain_text for owner in owners for block in owner.blocks)


def test_the_relay_and_room_are_remembered_not_the_token_and_closing_leaves(
    qtbot, windows, relay, tmp_path: Path
) -> None:
    amira, bruno = _pair(qtbot, windows, relay, tmp_path)
    bruno.settings.sync()
    kept = (tmp_path / "Bruno.ini").read_text(encoding="utf-8")
    assert relay.url in kept
    assert ROOM in kept
    assert TOKEN not in kept
    assert bruno.settings.shared_room() == (relay.url, ROOM)
    qtbot.waitUntil(lambda: "Bruno" in amira.features.coedit.presence_label.text(), timeout=WAIT_MS)
    bruno.close()
    qtbot.waitUntil(lambda: bruno.features.coedit.live is None)
    # Bruno said goodbye: Amira no longer lists him.
    qtbot.waitUntil(lambda: "Bruno" not in amira.features.coedit.presence_label.text(), timeout=WAIT_MS)


def test_a_wrong_token_is_refused_and_said(qtbot, windows, relay, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, *_rest: said.append(title))
    window = windows("Carla")
    assert not window.features.coedit.join(relay.url, ROOM, "not-the-token")
    assert said == ["The relay refused the token"]
    assert window.features.coedit.live is None
    assert not window.registry["leave_room"].isEnabled()
