"""The notes beside a body: each footnote the shown body references, numbered as the report numbers them, editable.

A note is edited as one line of text; the window turns the line back into the
note's spans, keeping their emphasis and reviewers' marks
(``model/tracking.edited_content``). The line shows the note's text without its
pending deletions (the preview shows them struck through).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from minutes_editor.gui.fields import EscapeToText
from minutes_editor.model.report import Direction


class FootnotePanel(QWidget):
    """The notes referenced in the shown body, numbered as the report numbers them, each editable."""

    #: A note's text was edited: (footnote id, new text).
    note_edited = Signal(str, str)
    #: Enter or Escape in a note (its footnote id): go back to the text, after its reference mark.
    done = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnote_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Footnotes"))
        layout.addWidget(self.title)
        self._rows_holder = QWidget()
        self._rows = QFormLayout(self._rows_holder)
        self._rows.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows_holder)
        layout.addWidget(scroll)
        self.empty_label = QLabel(self.tr("No footnotes here. Ctrl+Alt+F inserts one at the cursor."))
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._ids: list[str] = []
        self.edits: dict[str, QLineEdit] = {}
        self._escape = EscapeToText(self._note_done, self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def show_notes(self, notes: list[tuple[str, int, str]], direction: Direction) -> None:
        """Show ``(id, number, text)`` rows; rows are rebuilt only when the notes themselves change."""
        ids = [footnote_id for footnote_id, _number, _text in notes]
        if ids != self._ids:
            while self._rows.rowCount():
                self._rows.removeRow(0)
            self.edits.clear()
            for footnote_id, _number, _text in notes:
                edit = QLineEdit()
                edit.setObjectName(f"note_{footnote_id}")
                edit.textEdited.connect(lambda text, footnote_id=footnote_id: self.note_edited.emit(footnote_id, text))
                edit.returnPressed.connect(lambda footnote_id=footnote_id: self.done.emit(footnote_id))
                self._escape.watch(edit)
                self.edits[footnote_id] = edit
                label = QLabel()
                self._rows.addRow(label, edit)
                # A layout shows new children only later (queued); show them now so they can take the focus.
                label.show()
                edit.show()
            self._ids = ids
        rtl = direction is Direction.RTL
        for row, (footnote_id, number, text) in enumerate(notes):
            item = self._rows.itemAt(row, QFormLayout.ItemRole.LabelRole)
            number_label = item.widget() if item is not None else None
            if isinstance(number_label, QLabel):
                number_label.setText(f"{number}")
            edit = self.edits[footnote_id]
            edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            if edit.text() != text:
                edit.setText(text)
        self.empty_label.setVisible(not notes)

    def _note_done(self, edit: QWidget) -> None:
        footnote_id = next((key for key, candidate in self.edits.items() if candidate is edit), None)
        if footnote_id is not None:
            self.done.emit(footnote_id)

    def release(self) -> None:
        """Show no notes (the report is closing)."""
        self.show_notes([], Direction.LTR)
