"""Build the whole Arabic example report through the window, key by key, save it, compare with the example.

The test reads the example only to know what to type; everything reaches the
report through the interface: the New dialog, clicks in the outline, menu
actions, shortcuts, typing into fields, the participant picker (searching in
English, renaming to the report's spelling) and the body editors (emphasis,
bullet levels with Tab, labels, a footnote typed beside the text).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
from babel import Locale
from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application
from minutes_editor.gui.dialogs import Skeleton
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.names import organisation_entries
from minutes_editor.gui.rich_text import block_kind, normalise_blocks
from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report
from minutes_editor.render.flow import flatten
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset
from tests.support.examples import example_path

EXAMPLE = example_path("ar")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
KIND_KEYS = {
    BlockKind.PARAGRAPH: (Qt.Key.Key_0, CTRL),
    BlockKind.BULLET: (Qt.Key.Key_L, CTRL | SHIFT),
    BlockKind.LABEL: (Qt.Key.Key_B, CTRL | SHIFT),
}


def canonical(report: Report) -> dict:
    """A report's structure and text, with footnote ids replaced by their order and default headings resolved."""
    preset = load_preset(report.language)
    order: dict[str, str] = {}
    for footnote_id in report.footnote_refs():
        order.setdefault(footnote_id, f"note{len(order) + 1}")

    def blocks(items: list[Block]) -> list:
        return [
            (
                block.kind.value,
                block.level,
                [
                    ("ref", order[item.footnote_id])
                    if isinstance(item, FootnoteRef)
                    else (item.text, item.bold, item.italic, item.underline)
                    for item in block.content
                ],
            )
            for block in normalise_blocks(items)
        ]

    return {
        "language": report.language,
        "title": asdict(report.title),
        "sections": [
            {
                "kind": section.kind.value,
                "heading": section.heading if section.heading is not None else preset.heading(section.kind),
                "level": section.level,
                "blocks": blocks(section.blocks),
                "participants": [(item.name, item.code) for item in section.participants],
                "sessions": [(s.title, s.goals, blocks(s.blocks)) for s in section.sessions],
            }
            for section in report.sections
        ],
        "footnotes": sorted((order[note.id], [asdict(span) for span in note.content]) for note in report.footnotes),
    }


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_part(qtbot, window: MainWindow, part) -> None:
    """Click a part's row in the outline."""
    item = window.outline.item_for(part)
    rect = window.tree.visualItemRect(item)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.outline.current_part() is part


def retype(qtbot, type_text, widget: QLineEdit, text: str) -> None:
    """Replace a line edit's text by typing, as a user selecting all and typing over does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def type_spans(qtbot, type_text, editor, block: Block, notes: dict[str, str]) -> None:
    for item in block.content:
        if isinstance(item, FootnoteRef):
            qtbot.keyClick(editor, Qt.Key.Key_F, CTRL | ALT)
            note_edit = QApplication.focusWidget()
            assert isinstance(note_edit, QLineEdit)
            type_text(note_edit, notes[item.footnote_id])
            qtbot.keyClick(note_edit, Qt.Key.Key_Return)
            assert QApplication.focusWidget() is editor
            continue
        fmt = editor.currentCharFormat()
        if (fmt.fontWeight() >= 600) != item.bold:
            qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
        if fmt.fontItalic() != item.italic:
            qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
        if fmt.fontUnderline() != item.underline:
            qtbot.keyClick(editor, Qt.Key.Key_U, CTRL)
        for index, line in enumerate(item.text.split("\n")):
            if index:
                qtbot.keyClick(editor, Qt.Key.Key_Return, SHIFT)
            type_text(editor, line)


def type_body(qtbot, type_text, window: MainWindow, blocks: list[Block], notes: dict[str, str]) -> None:
    editor = window.current_editor()
    click(qtbot, editor.viewport())
    assert editor.document().isEmpty()
    for index, block in enumerate(blocks):
        if index:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        kind, level = block_kind(editor.textCursor().block())
        if kind is not block.kind:
            key, modifiers = KIND_KEYS[block.kind]
            qtbot.keyClick(editor, key, modifiers)
            kind, level = block_kind(editor.textCursor().block())
        while block.kind is BlockKind.BULLET and level != block.level:
            qtbot.keyClick(editor, Qt.Key.Key_Tab if level < block.level else Qt.Key.Key_Backtab)
            kind, level = block_kind(editor.textCursor().block())
        assert (kind, level if kind is BlockKind.BULLET else 1) == (block.kind, block.level)
        type_spans(qtbot, type_text, editor, block, notes)


def pick_participants(qtbot, type_text, window: MainWindow, section) -> None:
    picker = window.section_page.picker
    english = Locale.parse("en").territories
    organisations = {entry.code: entry.aliases[0] for entry in organisation_entries("ar")}
    for row, participant in enumerate(section.participants):
        search = english.get(participant.code) or organisations.get(participant.code) or participant.name
        picker.search.setFocus()
        type_text(picker.search, search)
        if participant.code:
            qtbot.keyClick(picker.search, Qt.Key.Key_Return)
        else:
            click(qtbot, picker.add_free_button)
        chosen = window.section_page.section.participants
        assert len(chosen) == row + 1
        assert chosen[row].code == participant.code
        if chosen[row].name != participant.name:
            # The report spells it its own way (المجر, not CLDR's هنغاريا): rename with F2; it is remembered.
            picker.chosen.setFocus()
            picker.chosen.setCurrentRow(row)
            qtbot.keyClick(picker.chosen, Qt.Key.Key_F2)
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit)
            editor.selectAll()
            type_text(editor, participant.name)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            # The list commits an item editor's text on the next turn of the event loop.
            qtbot.waitUntil(
                lambda row=row, name=participant.name: window.section_page.section.participants[row].name == name
            )
    assert picker.sentence.text() == load_preset("ar").list_join.join([p.name for p in section.participants])


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_a: ask.UnsavedChoice.DISCARD)
    app = QApplication.instance()
    configure_application(app, "ar")
    window = MainWindow("ar")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.is_complete)  # menus and keys come right after the first paint
    yield window
    configure_application(app, "en")


def test_build_the_arabic_example_through_the_window(qtbot, type_text, window, tmp_path, monkeypatch):
    expected = load_report(EXAMPLE)
    notes = {note.id: "".join(span.text for span in note.content) for note in expected.footnotes}

    # File > New: Arabic, no sections, through the dialog.
    def fill_new_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        language = dialog.findChild(type(window.title_page.status), "language")
        language.setCurrentIndex(language.findData("ar"))
        skeleton = dialog.findChild(type(window.title_page.status), "skeleton")
        skeleton.setCurrentIndex(skeleton.findData(Skeleton.EMPTY))
        dialog.accept()

    QTimer.singleShot(0, fill_new_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    report = window.report
    assert report.language == "ar"
    assert report.sections == []

    # The title block.
    title = window.title_page
    click_part(qtbot, window, report.title)
    click(qtbot, title.meeting)
    type_text(title.meeting, expected.title.meeting)
    if expected.title.subtitle:
        click(qtbot, title.subtitle)
        type_text(title.subtitle, expected.title.subtitle)
    click(qtbot, title.has_date)
    day = expected.title.date
    title.date.setDate(QDate(day.year, day.month, day.day))
    click(qtbot, title.has_times)
    title.start_time.setTime(QTime(expected.title.start_time.hour, expected.title.start_time.minute))
    title.end_time.setTime(QTime(expected.title.end_time.hour, expected.title.end_time.minute))
    retype(qtbot, type_text, title.timezone.lineEdit(), expected.title.timezone)
    click(qtbot, title.location)
    type_text(title.location, expected.title.location)
    if report.title.status != expected.title.status:
        retype(qtbot, type_text, title.status.lineEdit(), expected.title.status)
    assert asdict(report.title) == asdict(expected.title)
    qtbot.waitUntil(lambda: title.date_line.text() == load_preset("ar").date_line_text(expected.title))

    # Sections, in order, from Report > Add a section; sessions with Ctrl+Shift+N.
    for section in expected.sections:
        action = next(a for a in window.section_menu.actions() if a.objectName() == f"add_section_{section.kind.value}")
        action.trigger()
        made = window.outline.current_part()
        assert made.kind is section.kind
        if made.level != section.level:
            click(qtbot, window.section_page.subheading)
        assert made.level == section.level
        if section.heading is not None:
            click(qtbot, window.section_page.heading)
            type_text(window.section_page.heading, section.heading)
        if section.participants:
            pick_participants(qtbot, type_text, window, section)
        if section.blocks:
            type_body(qtbot, type_text, window, section.blocks, notes)
        for session in section.sessions:
            qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
            assert QApplication.focusWidget() is window.session_page.title
            type_text(window.session_page.title, session.title)
            click(qtbot, window.session_page.goals)
            type_text(window.session_page.goals, "\n".join(session.goals))
            type_body(qtbot, type_text, window, session.blocks, notes)
        if section.sessions:
            click_part(qtbot, window, made)

    # File > Save (Ctrl+S) asks where, through the one question module.
    target = tmp_path / "built.minutes"
    monkeypatch.setattr(ask, "save_path", lambda *_a: target)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    saved = load_report(target)
    assert canonical(saved) == canonical(expected)
    assert [(p.role, p.text, p.level, p.number) for p in flatten(saved).paragraphs] == [
        (p.role, p.text, p.level, p.number) for p in flatten(expected).paragraphs
    ]
    assert [n.inlines for n in flatten(saved).notes] == [n.inlines for n in flatten(expected).notes]

    # The preview shows the same report, and the rename of Hungary is remembered for the next report.
    window.refresh_preview()
    assert "المجر" in window.preview.toPlainText()
    assert window.overrides.get("ar", "HU") == "المجر"


def test_the_saved_example_reopens_unchanged(qtbot, window, tmp_path):
    copy = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, copy)
    assert window.open_path(copy, check_saved=False)
    # Visit every part so every body is loaded into an editor, then save without changes.
    for item in window.outline.items():
        window.outline.select(item.part)
    window.flush()
    assert window.save_as(tmp_path / "again.minutes")
    assert canonical(load_report(tmp_path / "again.minutes")) == canonical(load_report(EXAMPLE))
    assert Path(tmp_path / "again.minutes").read_bytes() == copy.read_bytes()
