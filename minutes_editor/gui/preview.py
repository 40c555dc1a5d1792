"""The live preview: the report's flat form (``render.flow.flatten``, as the .docx writer uses) shown as it will print.

Headings carry their numbers, bullets their glyphs (• o ▪) indented on the
start side of the report's direction, footnote references their numbers, and
the notes follow at the end, as Word will print them. Reviewers' pending
changes show as the body editors show them, in each author's colour
(gui/text_marks.py): insertions underlined, deletions struck through, a changed
emphasis underlined with dots, a paragraph's inserted or deleted end as a
pilcrow.

The preview is updated in place: the new paragraphs are compared with those
shown, the common beginning and end are kept and only the paragraphs between
are replaced, so Qt lays out again only what changed. Laying out a whole report
of 1,500 Arabic paragraphs takes about 0.3 s here, which would stall typing
each time the preview caught up.

``PreviewPane`` is the window's preview part: it refreshes the preview on a
short timer after the last change (never inside a keystroke) and opens the
paragraph double-clicked in its editor. It takes the window as an
``EditorView`` (gui/parts.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from minutes_editor.gui.places import go_to_origin
from minutes_editor.gui.text_marks import author_colour
from minutes_editor.model.report import Direction
from minutes_editor.render.flow import FlowDocument, Mark, NoteMark, Origin, Paragraph, Role, Run, flatten

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView

#: Milliseconds after the last change before the preview and footnote numbers are refreshed.
PREVIEW_DELAY_MS = 300

BULLET_GLYPHS = {1: "•", 2: "o", 3: "▪"}
#: Drawn where a paragraph's end is a pending insertion or deletion.
PILCROW = "\u00b6"
#: Indent per bullet level, in pixels.
LEVEL_INDENT = 22


@dataclass(frozen=True)
class _RoleLook:
    size: float = 1.0
    bold: bool = False
    italic: bool = False
    underline: bool = False
    top: int = 0
    bottom: int = 6
    centred: bool = False


_LOOKS = {
    Role.TITLE: _RoleLook(size=1.35, bold=True, bottom=6, centred=True),
    Role.SUBTITLE: _RoleLook(size=1.1, bottom=4, centred=True),
    Role.DATE_LINE: _RoleLook(bottom=2),
    Role.LOCATION_LINE: _RoleLook(bottom=2),
    Role.STATUS: _RoleLook(bold=True, top=6, bottom=10),
    Role.HEADING: _RoleLook(size=1.15, bold=True, top=14, bottom=6),
    Role.SUBHEADING: _RoleLook(bold=True, underline=True, top=10, bottom=4),
    Role.GOALS: _RoleLook(italic=True, bottom=6),
    Role.BODY: _RoleLook(bottom=6),
    Role.BULLET: _RoleLook(bottom=3),
    Role.LABEL: _RoleLook(bold=True, top=6, bottom=3),
    Role.PARTICIPANTS: _RoleLook(bottom=6),
    Role.TABLE: _RoleLook(bottom=1),
}
_LOOKS_BY_NAME = {role.value: look for role, look in _LOOKS.items()}
_NOTE_COLOUR = QColor("#1a5fb4")


class _Piece(NamedTuple):
    """A run of a shown paragraph: its text, emphasis, and the pending change it shows (whose, and which)."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    author: str = ""
    #: "inserted", "deleted", "format" or "".
    change: str = ""


def _run_piece(run: Run) -> _Piece:
    mark, change = _change_of(run.inserted, run.deleted)
    if not change and run.former is not None:
        mark, change = run.former.mark, "format"
    return _Piece(run.text, run.bold, run.italic, run.underline, author=mark.author if mark else "", change=change)


def _change_of(inserted: Mark | None, deleted: Mark | None) -> tuple[Mark | None, str]:
    if deleted is not None:
        return deleted, "deleted"
    if inserted is not None:
        return inserted, "inserted"
    return None, ""


@dataclass(frozen=True)
class _Line:
    role: str
    pieces: tuple[_Piece, ...]
    level: int = 0
    size: float = 1.0


def _paragraph_line(paragraph: Paragraph) -> _Line:
    pieces: list[_Piece] = []
    if paragraph.role is Role.HEADING and paragraph.number:
        pieces.append(_Piece(f"{paragraph.number}. "))
    if paragraph.role is Role.BULLET:
        level = min(max(paragraph.level, 1), 3)
        pieces.append(_Piece(f"{BULLET_GLYPHS[level]}\u00a0\u00a0"))
    for item in paragraph.inlines:
        if isinstance(item, NoteMark):
            mark, change = _change_of(item.inserted, item.deleted)
            pieces.append(_Piece(str(item.number), superscript=True, author=mark.author if mark else "", change=change))
        else:
            pieces.append(_run_piece(item))
    mark, change = _change_of(paragraph.inserted, paragraph.deleted)
    if mark is not None:
        pieces.append(_Piece(PILCROW, author=mark.author, change=change))
    return _Line(paragraph.role.value, tuple(pieces), paragraph.level)


#: Between two cells of a table row in the preview (the row's block takes the report's direction).
CELL_RULE = "\u2003\u2502\u2003"


def _table_lines(paragraph: Paragraph) -> tuple[_Line, ...]:
    """A table item as one line per row, its cells in the report's direction; the header row bold."""
    table = paragraph.table
    assert table is not None
    lines = []
    for index, row in enumerate(table.rows):
        pieces: list[_Piece] = []
        mark, change = _change_of(row.inserted, row.deleted)
        for column, cell in enumerate(row.cells):
            if column:
                pieces.append(_Piece(CELL_RULE))
            for item in cell:
                if isinstance(item, NoteMark):
                    pieces.append(_Piece(str(item.number), superscript=True))
                    continue
                piece = _run_piece(item)
                if table.header and index == 0:
                    piece = piece._replace(bold=True)
                if mark is not None and not piece.change:
                    piece = piece._replace(author=mark.author, change=change)
                pieces.append(piece)
        lines.append(_Line(Role.TABLE.value, tuple(pieces)))
    return tuple(lines)


def _lines_of(paragraph: Paragraph) -> tuple[_Line, ...]:
    return _table_lines(paragraph) if paragraph.table is not None else (_paragraph_line(paragraph),)


@dataclass(frozen=True)
class _Chunk:
    """Shown lines compared as one: a paragraph of the report, or a line of the notes.

    ``key`` holds what the chunk shows without where it comes from, so a
    section that only moved compares equal; ``lines`` are made only when the
    chunk has to be drawn.
    """

    key: tuple[object, ...]
    paragraphs: tuple[Paragraph, ...] = ()
    extra: tuple[_Line, ...] = ()

    def lines(self) -> tuple[_Line, ...]:
        """The chunk's paragraphs as lines to insert."""
        return tuple(line for paragraph in self.paragraphs for line in _lines_of(paragraph)) + self.extra

    def __len__(self) -> int:
        rows = sum(len(p.table.rows) if p.table is not None else 1 for p in self.paragraphs)
        return rows + len(self.extra)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Chunk) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)


def chunks_of(flow: FlowDocument) -> list[_Chunk]:
    """The report in preview chunks: each paragraph, then the notes' title and each note."""
    # One chunk per paragraph: the common beginning and end are kept, so typing in a long
    # session redraws the paragraph being typed in (and the paragraphs whose numbers moved).
    chunks = [_Chunk((p.role, p.inlines, p.level, p.number, p.table), (p,)) for p in flow.paragraphs]
    if not flow.paragraphs:
        empty = QCoreApplication.translate("preview", "The report is empty.")
        line = _Line("empty", (_Piece(empty, italic=True),))
        chunks.append(_Chunk((line,), extra=(line,)))
    if flow.notes:
        notes = [_Line("notes_title", (_Piece(flow.preset.label("footnotes"), bold=True),))]
        for note in flow.notes:
            pieces: list[_Piece] = [_Piece(str(note.number), superscript=True), _Piece("\u00a0")]
            pieces.extend(_run_piece(run) for run in note.inlines)
            notes.append(_Line("note", tuple(pieces), size=0.8))
        chunks.extend(_Chunk((line,), extra=(line,)) for line in notes)
    return chunks


class PreviewRenderer:
    """Keeps a QTextDocument showing a report, replacing only the chunks that changed."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.direction = Direction.LTR
        self._chunks: list[_Chunk] = []
        self._base_size = 11.0
        self._family = ""
        self.replaced_chunks = 0
        self._reset()

    def _reset(self) -> None:
        self.document.clear()
        # An empty first block: every chunk then has a block before it to insert after.
        cursor = QTextCursor(self.document)
        sentinel = QTextBlockFormat()
        sentinel.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor.setBlockFormat(sentinel)
        self._chunks = []

    def show(self, flow: FlowDocument) -> None:
        """Show ``flow``; only the chunks that differ from what is shown are rebuilt."""
        fonts = flow.preset.fonts
        family = fonts.cs if flow.direction is Direction.RTL else fonts.latin
        if (flow.direction, fonts.size_pt, family) != (self.direction, self._base_size, self._family):
            self.direction, self._base_size, self._family = flow.direction, fonts.size_pt, family
            self._reset()
        new = chunks_of(flow)
        old = self._chunks
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        old_end, new_end = len(old), len(new)
        while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
            old_end -= 1
            new_end -= 1
        self.replaced_chunks = new_end - start
        if start == old_end and start == new_end:
            return
        # Chunk k starts at block 1 + the lines of the chunks before it (block 0 is the sentinel).
        first_block = 1 + sum(len(chunk) for chunk in old[:start])
        removed_lines = sum(len(chunk) for chunk in old[start:old_end])
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        # From the end of the block before the chunk to the end of the chunk's last block: the blocks
        # after it keep their own formats.
        before = self.document.findBlockByNumber(first_block - 1)
        cursor.setPosition(before.position() + before.length() - 1)
        if removed_lines:
            kept_format = before.blockFormat()
            last = self.document.findBlockByNumber(first_block + removed_lines - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            # The merged block takes the first removed block's format: give the kept block its own back.
            cursor.setBlockFormat(kept_format)
        for chunk in new[start:new_end]:
            for line in chunk.lines():
                self._insert_line(cursor, line)
        cursor.endEditBlock()
        self._chunks = new

    def _insert_line(self, cursor: QTextCursor, line: _Line) -> None:
        rtl = self.direction is Direction.RTL
        look = _LOOKS_BY_NAME.get(line.role, _RoleLook())
        block = QTextBlockFormat()
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter if look.centred else side | Qt.AlignmentFlag.AlignAbsolute)
        block.setTopMargin(look.top)
        block.setBottomMargin(look.bottom if line.role != "note" else 2)
        if line.role == "notes_title":
            block.setTopMargin(16)
        if line.role == Role.BULLET.value:
            indent = LEVEL_INDENT * min(max(line.level, 1), 3)
            # Margins are absolute sides: the start side of a right-to-left report is the right.
            # No negative text indent for a hanging glyph: Qt lays such a first line of a right-to-left
            # block out wider than the page, which widened the whole preview past its window.
            if rtl:
                block.setRightMargin(indent)
            else:
                block.setLeftMargin(indent)
        base = QTextCharFormat()
        base.setFontFamilies([self._family])
        base.setFontPointSize(self._base_size * look.size * line.size)
        cursor.insertBlock(block, base)
        for piece in line.pieces:
            fmt = QTextCharFormat(base)
            fmt.setFontWeight(QFont.Weight.Bold if piece.bold or look.bold else QFont.Weight.Normal)
            fmt.setFontItalic(piece.italic or look.italic)
            fmt.setFontUnderline(piece.underline or look.underline)
            if piece.superscript:
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                fmt.setForeground(_NOTE_COLOUR)
            if piece.change:
                _show_change(fmt, piece)
            cursor.insertText(piece.text.replace("\n", "\u2028"), fmt)

    def origin_at(self, block_number: int) -> Origin | None:
        """Where in the report the shown block ``block_number`` comes from (None for notes and the sentinel)."""
        index = block_number - 1
        for chunk in self._chunks:  # a table's chunk has a block per row
            if index < 0:
                return None
            if index < len(chunk):
                if not chunk.paragraphs:
                    return None
                paragraph = chunk.paragraphs[0]
                if paragraph.table is not None and index < len(paragraph.table.rows):
                    return paragraph.table.rows[index].origin or paragraph.origin
                return paragraph.origin
            index -= len(chunk)
        return None


class PreviewPane(QObject):
    """The window's preview: refreshed once typing pauses; a double click opens the paragraph in its editor."""

    #: The preview was refreshed (tests and benchmarks wait for it).
    refreshed = Signal()

    def __init__(self, view: EditorView, browser: QTextBrowser, after_refresh: Callable[[], None]) -> None:
        super().__init__(browser)
        self.view = view
        self.browser = browser
        self.renderer = PreviewRenderer(browser.document())
        self._after_refresh = after_refresh  # the notes beside the body and the designation offer
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        browser.viewport().installEventFilter(self)

    def schedule(self, delay_ms: int = PREVIEW_DELAY_MS) -> None:
        """Refresh the preview ``delay_ms`` after the last call."""
        self.timer.start(delay_ms)

    def refresh(self) -> None:
        """Flush typed text, renumber footnotes, rebuild the preview and what follows it."""
        self.timer.stop()
        report = self.view.document.read()
        self.view.store.renumber()
        self.renderer.show(flatten(report))
        self._after_refresh()
        self.refreshed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A double click in the preview opens the paragraph under the mouse in its editor."""
        if (
            event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and watched is self.browser.viewport()
        ):
            block = self.browser.cursorForPosition(event.position().toPoint()).block()
            go_to_origin(self.view, self.renderer.origin_at(block.blockNumber()))
            return True
        return super().eventFilter(watched, event)


def _show_change(fmt: QTextCharFormat, piece: _Piece) -> None:
    """A pending change's look, as the body editors give it: the author's colour, underlined or struck through."""
    colour = author_colour(piece.author)
    fmt.setForeground(colour)
    fmt.setUnderlineColor(colour)
    if piece.change == "deleted":
        fmt.setFontStrikeOut(True)
    elif not fmt.fontUnderline():
        style = QTextCharFormat.UnderlineStyle
        fmt.setUnderlineStyle(style.DashUnderline if piece.change == "inserted" else style.DotLine)
