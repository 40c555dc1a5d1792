"""Find and replace across the whole report, each replacement one step on the report's undo stack."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui.places import go_to, utf16_offset
from minutes_editor.gui.table_text import body_model_items, model_block, qt_column
from minutes_editor.gui.tracked_insert import replace_pieces
from minutes_editor.model.search import (
    Match,
    Query,
    SearchError,
    field_changes,
    find_all,
    find_replacements,
    plan_replacements,
)
from minutes_editor.model.text_fields import FOOTNOTE_MARK, iter_fields, locate
from minutes_editor.model.tracking import tracked_change

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.report import Change


def replace_in_window(window: EditorView, replacements: list[tuple[Match, str]], label: str) -> int:
    """Make ``replacements`` in the open report as one undo step; returns how many were made.

    Body text changes through its QTextDocument (so typing's undo history
    stays whole), every other field through a field command, all inside one
    undo macro. Emphasis and footnote marks follow the search engine's rule.
    """
    if not replacements:
        return 0
    report = window.document.read()
    texts = {field.path: field.text for field in iter_fields(report, window.preset)}
    body: dict[tuple[int, int], dict[_Paragraph, list[tuple[int, int, str]]]] = {}
    others: list[tuple[Match, str]] = []
    tracking = bool(window.document.tracked_by)
    made = 0
    for match, text in replacements:
        place = locate(match.path)
        if place.block >= 0 and place.row >= 0 and tracking:
            continue  # a table's cells are not edited under Track changes (gui/table_part.py): left as they are
        made += 1
        if place.block >= 0:
            paragraph = _Paragraph(place.block, place.row, place.cell, match.path)
            body.setdefault((place.section, place.session), {}).setdefault(paragraph, []).append(
                (match.start, match.end, text)
            )
        else:
            others.append((match, text))
    stack = window.document.undo_stack
    stack.beginMacro(label)
    try:
        for (section_index, session_index), blocks in body.items():
            section = report.sections[section_index]
            owner = section.sessions[session_index] if session_index >= 0 else section
            document = window.store.document(owner)
            author = window.document.tracked_by
            me = tracked_change(author) if author else None
            _replace_in_document(document, blocks, {paragraph: texts[paragraph.path] for paragraph in blocks}, me)
        plan = plan_replacements(report, others, preset=window.preset)
        for change in field_changes(report, plan.edits):
            window.set_field(change.target, change.field, change.new, merge=False)
    finally:
        stack.endMacro()
    return made


@dataclass(frozen=True, order=True)
class _Paragraph:
    """Where a body match stands: the model's block, and in a table the cell (``row``, ``cell``; else -1)."""

    block: int
    row: int
    cell: int
    path: str

    def in_document(self, document: QTextDocument) -> QTextBlock:
        """The document's paragraph holding it."""
        if self.row < 0:
            return model_block(document, self.block)
        table = next(item for number, item in enumerate(body_model_items(document)) if number == self.block)
        assert isinstance(table, QTextTable)
        return table.cellAt(self.row, qt_column(table, self.cell)).firstCursorPosition().block()


def _replace_in_document(
    document: QTextDocument,
    blocks: dict[_Paragraph, list[tuple[int, int, str]]],
    texts: dict[_Paragraph, str],
    me: Change | None = None,
) -> None:
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for paragraph in sorted(blocks, reverse=True):  # from the end, so that earlier positions hold
        block = paragraph.in_document(document)
        text = texts[paragraph]
        for stretch in sorted(blocks[paragraph], reverse=True):
            _replace_stretch(cursor, block.position(), text, stretch, me)
    cursor.endEditBlock()


def _replace_stretch(
    cursor: QTextCursor, base: int, text: str, stretch: tuple[int, int, str], me: Change | None = None
) -> None:
    """Replace ``text[start:end]`` by ``new`` keeping its footnote marks: the new text where the match starts.

    With ``me`` (Track changes on) the old text is marked deleted and the new inserted after its first piece.
    """
    start, end, new = stretch
    pieces: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        if text[index] == FOOTNOTE_MARK:
            if begin < index:
                pieces.append((begin, index))
            begin = index + 1
    if begin < end:
        pieces.append((begin, end))
    starts_on_mark = text[start] == FOOTNOTE_MARK

    def position(index: int) -> int:
        return base + utf16_offset(text, index)

    if me is not None:
        ranges = [(position(first), position(last)) for first, last in pieces]
        at = position(start) if starts_on_mark or not ranges else ranges[0][1]
        replace_pieces(cursor.document(), ranges, at, new, me)
        return

    for first, last in reversed(pieces[1:] if not starts_on_mark else pieces):
        cursor.setPosition(position(first))
        cursor.setPosition(position(last), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    if starts_on_mark:
        if new:
            # Before the mark, in the emphasis of the text before it.
            cursor.setPosition(position(start))
            fmt = cursor.charFormat() if start > 0 else QTextCursor(cursor.block()).charFormat()
            if fmt.isImageFormat() or fmt.objectType() != 0:
                fmt = type(fmt)()
            cursor.insertText(new, fmt)
        return
    first, last = pieces[0]
    cursor.setPosition(position(first) + 1)
    fmt = cursor.charFormat()  # the emphasis of the first matched character
    cursor.setPosition(position(first))
    cursor.setPosition(position(last), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new, fmt)


class FindReplaceDialog(QDialog):
    """Find (plain or regular expression, whole word, Arabic folding) and replace one or all; counts below."""

    def __init__(self, window: EditorView) -> None:
        super().__init__(window.as_window())
        self.setObjectName("find_replace")
        self.setWindowTitle(self.tr("Find and replace"))
        self.window_ = window
        self.current: Match | None = None
        # Where the next search starts: (path, offset, whether a match right there counts).
        self._after: tuple[str, int, bool] | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find_text")
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace_text")
        form.addRow(self.tr("&Find:"), self.find_edit)
        form.addRow(self.tr("Replace &with:"), self.replace_edit)
        layout.addLayout(form)
        options = QWidget()
        grid = QGridLayout(options)
        grid.setContentsMargins(0, 0, 0, 0)
        self.case = QCheckBox(self.tr("Match &case"))
        self.whole_word = QCheckBox(self.tr("Whole &words"))
        self.regex = QCheckBox(self.tr("Regular e&xpression"))
        self.diacritics = QCheckBox(self.tr("Ignore &diacritics"))
        self.kashida = QCheckBox(self.tr("Ignore &kashida"))
        self.hamza = QCheckBox(self.tr("Ignore &hamza on alef"))
        for index, box in enumerate(
            (self.case, self.whole_word, self.regex, self.diacritics, self.kashida, self.hamza)
        ):
            grid.addWidget(box, index // 3, index % 3)
        layout.addWidget(options)
        self.status = QLabel()
        self.status.setObjectName("find_status")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.find_button = QPushButton(self.tr("Find &next"))
        self.replace_button = QPushButton(self.tr("&Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace &all"))
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_edit.textChanged.connect(self._restart)
        self.setWindowFlag(Qt.WindowType.Tool)

    def _restart(self) -> None:
        self.current = None
        self._after = None

    def query(self) -> Query:
        """The query the dialog's fields describe."""
        return Query(
            self.find_edit.text(),
            regex=self.regex.isChecked(),
            case_sensitive=self.case.isChecked(),
            whole_word=self.whole_word.isChecked(),
            ignore_diacritics=self.diacritics.isChecked(),
            ignore_tatweel=self.kashida.isChecked(),
            ignore_hamza=self.hamza.isChecked(),
        )

    def _matches(self) -> list[Match] | None:
        try:
            return find_all(self.window_.document.read(), self.query(), preset=self.window_.preset)
        except SearchError as error:
            self.status.setText(str(error))
            return None

    def find_next(self) -> Match | None:
        """Go to the first match after the last one found (or after a replacement), wrapping at the end."""
        matches = self._matches()
        if matches is None:
            return None
        if not matches:
            self.current = None
            self.status.setText(self.tr("Not found"))
            return None
        fields = iter_fields(self.window_.document.read(), self.window_.preset)
        order = {field.path: index for index, field in enumerate(fields)}
        index = 0
        if self._after is not None:
            path, offset, inclusive = self._after
            after = (order.get(path, -1), offset)
            index = next(
                (
                    number
                    for number, match in enumerate(matches)
                    if (order[match.path], match.start) > after
                    or (inclusive and (order[match.path], match.start) == after)
                ),
                0,
            )
        self.current = matches[index]
        self._after = (self.current.path, self.current.start, False)
        self.status.setText(self.tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(matches))))
        go_to(self.window_, self.current.path, self.current.start, self.current.end)
        return self.current

    def replace(self) -> None:
        """Replace the match shown, then go to the next one."""
        if self.current is None:
            self.find_next()
            return
        try:
            found = find_replacements(
                self.window_.document.read(), self.query(), self.replace_edit.text(), preset=self.window_.preset
            )
        except SearchError as error:
            self.status.setText(str(error))
            return
        chosen = [(match, text) for match, text in found if match == self.current]
        replace_in_window(self.window_, chosen, self.tr("Replace"))
        # The next match is searched from the replaced text onwards.
        if chosen:
            match, text = chosen[0]
            self._after = (match.path, match.start + len(text), True)
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; says how many."""
        try:
            found = find_replacements(
                self.window_.document.read(), self.query(), self.replace_edit.text(), preset=self.window_.preset
            )
        except SearchError as error:
            self.status.setText(str(error))
            return 0
        count = replace_in_window(self.window_, found, self.tr("Replace all"))
        self._restart()
        self.status.setText(self.tr("%n replacement(s)", "", count))
        return count
