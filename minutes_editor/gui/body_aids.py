"""Aids for writing the text: footnotes, the Kosovo designation offer, quick name insert and the time.

``BodyAids`` inserts footnotes and keeps the notes beside the shown body, offers
the standard designation footnote where a body names Kosovo, opens the Ctrl+K
popup of names and inserts the time (Ctrl+Shift+T) into the text field last
used. It takes the window as an ``EditorView`` (gui/parts.py), never the main
window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from minutes_editor.gui.directions import follow_direction
from minutes_editor.model.report import Footnote, Span, plain_text
from minutes_editor.model.tracking import tracked_change, visible_text

if TYPE_CHECKING:
    from minutes_editor.gui.dialogs import QuickInsert
    from minutes_editor.gui.parts import EditorView


class BodyAids(QObject):
    """Footnotes, the designation offer, the quick name insert and the time, for one window."""

    def __init__(self, view: EditorView) -> None:
        super().__init__(view.as_window())
        self.view = view
        # The last Ctrl+K popup opened (tests look at it).
        self.quick: QuickInsert | None = None
        self._last_text_widget: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def connect_pages(self) -> None:
        """Offer the designation footnote from the section and session pages."""
        self.view.section_page.picker.designation_needed.connect(self._designation_listed)
        for panel in (self.view.section_page.body, self.view.session_page.body):
            panel.banner_button.clicked.connect(self.insert_designation_note)

    # ================================================================ footnotes

    def insert_footnote(self, text: str = "") -> str | None:
        """Insert a new footnote reference at the body's cursor and put the focus on its note."""
        editor = self.view.current_editor()
        if editor is None:
            message = self.tr("Footnotes go in the text of a section or session.")
            self.view.as_window().statusBar().showMessage(message, 5000)
            return None
        from minutes_editor.gui.table_text import table_in  # not in the first frame: it brings Qt's namespace

        if table_in(editor.textCursor()) is not None:
            # A cell holds text only (model/rules.py): a reference there would be lost with its note.
            message = self.tr("A footnote cannot go in a table: put it in the text before or after the table.")
            self.view.as_window().statusBar().showMessage(message, 5000)
            return None
        store = self.view.store
        footnote_id = store.new_footnote_id()
        author = self.view.document.tracked_by  # a new note's text is inserted too, as Word marks it
        inserted = tracked_change(author) if author else None
        store.add_footnote(Footnote(footnote_id, [Span(text, inserted=inserted)] if text else []))
        editor.insert_footnote(footnote_id)
        self.view.refresh_preview()
        panel = self.view.current_body_panel()
        if panel is not None and footnote_id in panel.notes.edits and not text:
            panel.notes.edits[footnote_id].setFocus()
        return footnote_id

    def update_body_aids(self) -> None:
        """The notes beside the shown body and the designation offer (a body shown, the preview refreshed)."""
        self.update_notes()
        self.update_designation_offer()

    def update_notes(self) -> None:
        """Show the notes of the shown body beside it, numbered."""
        panel = self.view.current_body_panel()
        editor = self.view.current_editor()
        if panel is None or editor is None:
            return
        from minutes_editor.gui.rich_text import footnote_ids

        store = self.view.store
        rows = []
        for footnote_id in dict.fromkeys(footnote_ids(editor.document())):
            note = store.pool.get(footnote_id)
            rows.append((footnote_id, store.numbers.get(footnote_id, 0), visible_text(note.content) if note else ""))
        panel.notes.show_notes(rows, self.view.document.report.direction)

    # ================================================================ the designation footnote

    def _designation_names(self) -> list[str]:
        from minutes_editor.gui.names import KOSOVO, all_entries

        language = self.view.document.report.language
        names = [entry.name for entry in all_entries(language, self.view.overrides) if entry.code == KOSOVO]
        return [name for name in names if name]

    def _has_designation_note(self) -> bool:
        from minutes_editor.gui.names import KOSOVO, designation_note

        report = self.view.document.report
        note_text = designation_note(KOSOVO, report.language)
        return any(
            plain_text(note.content).strip() == note_text.strip()
            for note in self.view.store.pool.values()
            if note in report.footnotes
        )

    def _designation_position(self) -> int | None:
        from minutes_editor.gui.names import KOSOVO, designation_note

        editor = self.view.current_editor()
        if editor is None or not designation_note(KOSOVO, self.view.document.report.language):
            return None
        from minutes_editor.gui.places import utf16_offset
        from minutes_editor.gui.rich_text import OBJECT_CHAR

        text = editor.document().toRawText()
        for name in self._designation_names():
            position = text.find(name)
            if position != -1:
                end = position + len(name)
                if end < len(text) and text[end] == OBJECT_CHAR:
                    return None
                return utf16_offset(text, end)  # a cursor position: an emoji before counts two
        return None

    def update_designation_offer(self) -> None:
        """Show the offer of the designation footnote when the shown body names Kosovo without it."""
        panel = self.view.current_body_panel()
        if panel is None:
            return
        position = self._designation_position()
        show = position is not None and not self._has_designation_note()
        if show:
            panel.banner_text.setText(
                self.tr(
                    "This text names Kosovo. EU documents add the standard designation footnote"
                    " where it is first named."
                )
            )
        panel.banner.setVisible(show)

    def insert_designation_note(self) -> str | None:
        """Insert the designation footnote after the first mention of Kosovo in the shown body."""
        from minutes_editor.gui.names import KOSOVO, designation_note

        editor = self.view.current_editor()
        position = self._designation_position()
        if editor is None or position is None:
            return None
        cursor = editor.textCursor()
        cursor.setPosition(position)
        editor.setTextCursor(cursor)
        return self.insert_footnote(designation_note(KOSOVO, self.view.document.report.language))

    def _designation_listed(self, _code: str) -> None:
        picker = self.view.section_page.picker
        picker.note.setText(
            self.tr(
                "Kosovo is listed. The participants sentence cannot carry a footnote: the editor offers the "
                "designation footnote where the text names Kosovo."
            )
        )
        picker.note.show()

    # ================================================================ inserting names and the time

    def _is_text_field(self, widget: QWidget | None) -> bool:
        """Whether ``widget`` is a field of this window one can type in (a body editor, a line, the goals)."""
        editable = isinstance(widget, QLineEdit | QPlainTextEdit) or (
            isinstance(widget, QTextEdit) and not widget.isReadOnly()  # a body editor, not the preview
        )
        return editable and widget is not None and self.view.as_window().isAncestorOf(widget)

    def text_target(self) -> QWidget | None:
        """Where Ctrl+K and Ctrl+Shift+T insert: the field with the focus, else the last one used if still shown."""
        widget = QApplication.focusWidget()
        if self._is_text_field(widget):
            return widget
        last = self._last_text_widget
        # A footnote's field goes with its row, a page's fields hide with their page: never type there unseen.
        if last is not None and shiboken6.isValid(last) and last.isVisible():
            return last
        editor = self.view.current_editor()
        if editor is not None:
            return editor
        title_page = self.view.title_page
        return title_page.meeting if self.view.editor_stack.currentWidget() is title_page else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._is_text_field(new):
            self._last_text_widget = new

    def insert_text(self, text: str) -> None:
        """Insert ``text`` at the cursor of the last text field used."""
        from minutes_editor.gui.body_editor import BodyEditor

        widget = self.text_target()
        if isinstance(widget, BodyEditor):
            widget.insert_plain(text)
        elif isinstance(widget, QLineEdit):
            widget.insert(text)
            widget.textEdited.emit(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            widget.insertPlainText(text)
        if widget is not None:
            widget.setFocus()

    def insert_time(self) -> None:
        """Insert the current time (HH:MM, as the report writes times)."""
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
        self.insert_text(self.view.preset.format_time(now))

    def name_entries(self) -> list[Any]:
        """Names offered by Ctrl+K: the report's participants first, then every listed name."""
        from minutes_editor.gui.names import NameEntry, all_entries

        report = self.view.document.report
        entries = all_entries(report.language, self.view.overrides)
        by_code = {entry.code: entry for entry in entries}
        listed = []
        for section in report.sections:
            for participant in section.participants:
                known = by_code.get(participant.code)
                aliases = (known.name, *known.aliases) if known else ()
                listed.append(NameEntry(participant.code, participant.name, aliases))
        names = {entry.name for entry in listed}
        return listed + [entry for entry in entries if entry.name not in names]

    def quick_insert_name(self) -> QuickInsert:
        """Open the Ctrl+K popup under the cursor; the chosen name is inserted where the cursor was."""
        from minutes_editor.gui.body_editor import BodyEditor
        from minutes_editor.gui.dialogs import QuickInsert

        window = self.view.as_window()
        target = self.text_target()
        popup = QuickInsert(self.name_entries(), window)
        follow_direction(popup, self.view.document.report.direction)

        def insert(name: str) -> None:
            if target is not None:
                target.setFocus()
            self.insert_text(name)

        popup.chosen.connect(insert)
        position = window.mapToGlobal(window.rect().center())
        if isinstance(target, BodyEditor):
            position = target.viewport().mapToGlobal(target.cursorRect().bottomLeft())
        elif target is not None:
            position = target.mapToGlobal(target.rect().bottomLeft())
        self.quick = popup
        popup.popup(position)
        return popup
