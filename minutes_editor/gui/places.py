"""Taking the window to a place in the report: a field path and offsets (checks, search), a preview paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from minutes_editor.gui.table_text import model_block
from minutes_editor.model.report import FootnoteRef, Section, Session
from minutes_editor.model.text_fields import iter_fields, locate

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.render.flow import Origin


def utf16_offset(text: str, index: int) -> int:
    """Qt's position (UTF-16 code units) of the Python index ``index`` in ``text``."""
    head = text[:index]
    if head.isascii() or max(head, default="\0") < "\U00010000":
        return index
    return len(head.encode("utf-16-le")) // 2


def python_index(text: str, position: int) -> int:
    """The Python index in ``text`` of Qt's position (UTF-16 code units): the inverse of ``utf16_offset``."""
    head = text[:position]
    if head.isascii() or max(head, default="\0") < "\U00010000":
        return position
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def go_to(window: EditorView, path: str, start: int | None = None, end: int | None = None) -> bool:
    """Show the field at ``path`` with ``start:end`` of its text selected; False if the report has no such field."""
    report = window.document.read()
    try:
        place = locate(path)
    except KeyError:
        return False
    text = next((field.text for field in iter_fields(report, window.preset) if field.path == path), "")
    first = utf16_offset(text, start) if start is not None else None
    last = utf16_offset(text, end if end is not None else start) if start is not None else None
    if place.footnote >= 0:
        return _go_to_footnote(window, place.footnote, first, last)
    if place.in_title_block:
        window.show_part(report.title)
        page = window.title_page
        widgets: dict[str, QLineEdit | QComboBox] = {
            "meeting": page.meeting,
            "subtitle": page.subtitle,
            "location": page.location,
            "status": page.status,
            "timezone": page.timezone,
        }
        _select_in(widgets.get(place.attribute, page.meeting), first, last)
        return True
    if not 0 <= place.section < len(report.sections):
        return False
    section = report.sections[place.section]
    part: Section | Session = section
    if place.session >= 0:
        if place.session >= len(section.sessions):
            return False
        part = section.sessions[place.session]
    window.show_part(part)
    if place.block >= 0:
        editor = window.current_editor()
        if editor is None:
            return False
        block = model_block(editor.document(), place.block)
        if not block.isValid():
            return False
        cursor = QTextCursor(block)
        if first is not None and last is not None:
            cursor.setPosition(block.position() + min(first, block.length() - 1))
            cursor.setPosition(block.position() + min(last, block.length() - 1), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        editor.setFocus()
        return True
    if place.attribute == "heading":
        _select_in(window.section_page.heading, first, last)
    elif place.attribute == "title":
        _select_in(window.session_page.title, first, last)
    elif place.goal >= 0:
        _select_line(window.session_page.goals, place.goal, first, last)
    elif place.participant >= 0:
        window.section_page.picker.setFocus()
    else:
        window.focus_editor()
    return True


def go_to_origin(view: EditorView, origin: Origin | None) -> None:
    """Show the part a preview paragraph comes from, the cursor at the start of that paragraph."""
    if origin is None:
        return
    report = view.document.report
    if origin.section < 0 or origin.section >= len(report.sections):
        view.outline.select(report.title)
        view.title_page.meeting.setFocus()
        return
    section = report.sections[origin.section]
    part: Section | Session = section
    if 0 <= origin.session < len(section.sessions):
        part = section.sessions[origin.session]
    view.outline.select(part)
    editor = view.current_editor()
    if editor is None:
        return
    if origin.block >= 0:
        block = model_block(editor.document(), origin.block)
        if block.isValid():
            cursor = editor.textCursor()
            cursor.setPosition(block.position())
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
        editor.setFocus()
    elif isinstance(part, Session):
        view.session_page.title.setFocus()
    else:
        view.section_page.heading.setFocus()


def _go_to_footnote(window: EditorView, index: int, first: int | None, last: int | None) -> bool:
    report = window.report
    if not 0 <= index < len(report.footnotes):
        return False
    note_id = report.footnotes[index].id
    for section in report.sections:
        owners: list[Section | Session] = [section, *section.sessions]
        for owner in owners:
            if any(
                isinstance(item, FootnoteRef) and item.footnote_id == note_id
                for block in owner.blocks
                for item in block.content
            ):
                window.show_part(owner)
                panel = window.current_body_panel()
                edit = panel.notes.edits.get(note_id) if panel is not None else None
                if edit is not None:
                    _select_in(edit, first, last)
                return True
    return False  # a note referenced nowhere has no place in the window


def _select_in(widget: QLineEdit | QComboBox, first: int | None, last: int | None) -> None:
    widget.setFocus()
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if line is not None and first is not None and last is not None:
        line.setSelection(first, last - first)


def _select_line(widget: QPlainTextEdit | QTextEdit, line: int, first: int | None, last: int | None) -> None:
    block = widget.document().findBlockByNumber(line)
    if not block.isValid():
        return
    cursor = QTextCursor(block)
    if first is not None and last is not None:
        cursor.setPosition(block.position() + first)
        cursor.setPosition(block.position() + last, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.setFocus()
