"""The rich-text editor of one section's or session's body, with its footnotes beside it.

``BodyEditor`` is a QTextEdit showing the QTextDocument of the selected part
(one document per section or session, never one for the whole report). Tab
and Shift+Tab change a bullet's level, Enter on an empty bullet steps it out,
Enter after a lead-in label starts a paragraph. Undo and redo keys are left to
the window, whose one undo stack covers every body and the structure. While
``tracking`` gives a ``Change`` (Track changes is on), every edit is made as a
pending change under the user's name (gui/tracked_text.py, gui/tracked_keys.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QEvent, QMimeData, QObject, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDropEvent,
    QFont,
    QFontInfo,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui import tracked_insert as inserting
from minutes_editor.gui import tracked_text as tracked
from minutes_editor.gui.action_marks import set_block_action
from minutes_editor.gui.block_marks import paint_block_marks
from minutes_editor.gui.footnote_panel import FootnotePanel
from minutes_editor.gui.rich_text import (
    OBJECT_CHAR,
    block_kind,
    footnote_format,
    footnote_positions,
    fragment_runs,
    insert_footnote,
    insert_runs,
    set_block_kind,
)
from minutes_editor.gui.shortcuts import is_undo_key
from minutes_editor.gui.table_text import selection_tables
from minutes_editor.gui.text_marks import inline_marks_text, insert_keeping_ids, set_block_id
from minutes_editor.gui.tracked_keys import tracked_key
from minutes_editor.model.report import MAX_BULLET_LEVEL, ActionItem, BlockKind, Change, Direction, FootnoteRef, new_id

#: Mime type naming a fragment copied in a body editor of this process.
FRAGMENT_MIME = "application/x-minutes-editor-fragment"
#: The last fragment copied or dragged, by token: the system clipboard cannot carry footnote marks.
_FRAGMENTS: dict[str, QTextDocumentFragment] = {}

#: Keys whose handling depends on the paragraph's kind (bullet levels, new bullets and paragraphs).
_BLOCK_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter})

#: The signal by which QTextEdit's text control asks for a rectangle (the cursor's) to be scrolled into view.
_VISIBILITY_REQUEST = "visibilityRequest(QRectF)"
#: Letter probed for the font of a right-to-left body holding no right-to-left letter yet.
_RTL_SAMPLE = "\u0627"
#: Family that draws a sample letter, by (font key, letter): probing lays out text.
_SCRIPT_FAMILIES: dict[tuple[str, str], str] = {}


def script_sample(document: QTextDocument, limit: int = 2000) -> str:
    """The first right-to-left letter of a document's text (within ``limit`` characters), else an Arabic one."""
    for character in document.toRawText()[:limit]:
        if unicodedata.bidirectional(character) in ("R", "AL"):
            return character
    return _RTL_SAMPLE


def font_for_script(font: QFont, sample: str) -> QFont:
    """``font``, led by the family that draws ``sample`` when ``font``'s own family cannot.

    Qt gives an empty line the height of the editor's font but a line of Arabic the height of the
    fallback font that draws its letters. Where they differ (the interface font often has no Arabic)
    the first letter typed in every new paragraph changed the line's height, hence the document's:
    the line jumped and the scroll bar was redrawn, in a slow keystroke per paragraph. Led by the
    family that draws the script, every line has the height it will keep. Its letters look as before;
    Latin words in such a body take that family too.
    """
    key = (font.key(), sample)
    family = _SCRIPT_FAMILIES.get(key)
    if family is None:
        layout = QTextLayout(sample, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        family = _SCRIPT_FAMILIES[key] = runs[0].rawFont().familyName() if runs else ""
    if not family or family == QFontInfo(font).family():
        return font
    led = QFont(font)
    led.setFamilies([family, *font.families()])
    return led


class BodyEditor(QTextEdit):
    """Edits one body document: emphasis, bullet levels, labels and footnote references."""

    #: The user asked for undo or redo in the editor (its own history is never used directly).
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner: object | None = None
        # Actions put first in the context menu for a position (the spell checker's suggestions).
        self.context_extras: Callable[[QTextEdit, QPoint], list[QAction]] | None = None
        self._places: dict[int, tuple[int, int]] = {}
        self._undo_actions: tuple[QAction, QAction] | None = None
        #: While Track changes is on: the change the user's edits carry now (who and when); None when off.
        self.tracking: Callable[[], Change | None] | None = None
        # Shown while no body is: a body's document belongs to its report and dies with it. Its parent is
        # the editor, not the editor's text control, so showing a body does not delete it.
        self._placeholder = QTextDocument(self)
        self.setDocument(self._placeholder)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setObjectName("body_editor")
        self.setMinimumHeight(120)
        # Arabic script needs a larger size than the interface font to be read comfortably while typing.
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.setFont(font)
        self._scroll_to_cursor_ourselves()

    def _scroll_to_cursor_ourselves(self) -> None:
        """Answer the text control's requests to show the cursor with ``reveal`` instead of QTextEdit's own step.

        QTextEdit's step first recomputes the scroll bars whenever the cursor lies lower than the
        vertical bar's maximum (it compares a document position with a scroll value, so this is true
        near the end of any body longer than the view), and in a right-to-left editor recomputing them
        repaints the whole view: about 2 ms of every keystroke, where a letter needs one line repainted.
        The bars still follow the document's size, which QTextEdit tracks through another signal.
        """
        control = next(
            (child for child in self.children() if child.metaObject().className() == "QWidgetTextControl"), None
        )
        # Another Qt may name or wire its control otherwise: then its own step stays.
        # PySide6's stub lacks the overload taking a null receiver and method (everything on the signal).
        if control is not None and QObject.disconnect(control, SIGNAL(_VISIBILITY_REQUEST), None, None):  # type: ignore[call-overload]
            QObject.connect(control, SIGNAL(_VISIBILITY_REQUEST), self.reveal)

    def reveal(self, rect: QRectF) -> None:
        """Scroll just enough to show ``rect`` (document coordinates), as QTextEdit does."""
        area = rect.toRect()
        viewport = self.viewport()
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:  # a body wraps at the view's width: only an unbreakable wide object scrolls
            rtl = self.isRightToLeft()
            offset = bar.maximum() - bar.value() if rtl else bar.value()
            if area.x() < offset:
                bar.setValue(bar.maximum() - area.x() if rtl else area.x())
            elif area.x() + area.width() > offset + viewport.width():
                value = area.x() + area.width() - viewport.width()
                bar.setValue(bar.maximum() - value if rtl else value)
        bar = self.verticalScrollBar()
        if area.y() < bar.value():
            bar.setValue(area.y())
        elif area.y() + area.height() > bar.value() + viewport.height():
            value = area.y() + area.height() - viewport.height()
            if value > bar.maximum():
                # The document grew (a new line at the end) before its new size reached the bar.
                bar.setMaximum(value)
            bar.setValue(value)

    def sizeHint(self) -> QSize:
        """Prefer a tall editor: the body is where the typing happens."""
        return QSize(480, 400)

    def set_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """The window's undo and redo actions, shown in the context menu instead of the document's own."""
        self._undo_actions = (undo, redo)

    def show_body(self, owner: object, document: QTextDocument, direction: Direction) -> None:
        """Edit ``document``, the body of ``owner``, keeping the cursor where it was last time."""
        if self.document() is document and self.owner is owner:
            return
        current = self.document()
        self._places[id(current)] = (self.textCursor().position(), self.verticalScrollBar().value())
        self.owner = owner
        rtl = direction is Direction.RTL
        font = font_for_script(self.font(), script_sample(document)) if rtl else self.font()
        if document.defaultFont() != font:
            document.setDefaultFont(font)
        self.setDocument(document)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        position, scroll = self._places.get(id(document), (0, 0))
        cursor = QTextCursor(document)
        cursor.setPosition(min(position, document.characterCount() - 1))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def release(self) -> None:
        """Let go of the shown body: its report is closing, and its documents are deleted with it."""
        self._places.clear()  # positions by id of documents about to go: a new one may get the same id
        self.owner = None
        if self.document() is not self._placeholder:
            self.setDocument(self._placeholder)

    # ---------------------------------------------------------- keys

    def event(self, event: QEvent) -> bool:
        """Let the window's undo and redo shortcuts through instead of the document's own."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Bullet levels on Tab and Shift+Tab, new bullets and paragraphs on Enter."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if is_undo_key(event):
            (
                self.redo_requested
                if event.matches(QKeySequence.StandardKey.Redo) or key == Qt.Key.Key_Y
                else self.undo_requested
            ).emit()
            return
        if key not in _BLOCK_KEYS:
            me = self.tracked()
            if me is not None and tracked_key(self, event, me):
                return
            if key == Qt.Key.Key_Backspace and self._backspace():
                return
            # Letters and most keys: Qt's own handling, without looking up the paragraph's kind first.
            super().keyPressEvent(event)
            return
        me = self.tracked()
        block = self.textCursor().block()
        # While tracking, the paragraph shown: deleted text and paragraph ends left out.
        kind, level, empty = tracked.visible_paragraph(block) if me else (*block_kind(block), block.length() <= 1)
        if key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            if kind is BlockKind.BULLET:
                self.set_level(level + 1)
            else:
                self.focusNextPrevChild(True)
            return
        if key == Qt.Key.Key_Backtab:
            if kind is BlockKind.BULLET:
                self.set_level(level - 1)
            else:
                self.focusNextPrevChild(False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            cursor = self.textCursor()
            if kind is BlockKind.BULLET and empty:
                # Enter on an empty bullet steps it out, as word processors do.
                self.set_level(level - 1)
                return
            if kind is BlockKind.ACTION and empty:  # as on a bullet: the list of action items ends
                self._set_block_kind(BlockKind.PARAGRAPH)
                return
            # The new paragraph (the second half, when Enter splits one) gets an id of its own in the same undo
            # step. A bullet goes in a list of its own (see rich_text): Qt would add it to this block's list;
            # after a lead-in label comes a paragraph.
            cursor.beginEditBlock()
            if me is None:
                cursor.insertBlock()
            else:
                # As Qt's Enter: the new paragraph takes the emphasis typed before it, deleted text left out.
                typed = inserting.visible_char_format(cursor)
                inserting.prepare_insertion(cursor, me)
                cursor.insertBlock(cursor.blockFormat(), typed)
            set_block_id(cursor.block(), new_id())
            if me is not None:
                inserting.mark_split(cursor.block(), me)
            if me is not None and tracked.visible_paragraph(cursor.block())[:2] != (kind, level):
                # The tracked deletion of a selection changed types: the new paragraph's is the one it had.
                new_kind = BlockKind.PARAGRAPH if kind is BlockKind.LABEL else kind
                tracked.set_chain_kind(cursor.block(), new_kind, level, me)
            elif kind is BlockKind.BULLET:
                set_block_kind(cursor, BlockKind.BULLET, level)
            elif kind is BlockKind.LABEL and me is not None:
                tracked.set_chain_kind(cursor.block(), BlockKind.PARAGRAPH, 1, me)
            elif kind is BlockKind.LABEL:
                set_block_kind(cursor, BlockKind.PARAGRAPH)
            if kind is BlockKind.ACTION and block_kind(cursor.block())[0] is BlockKind.ACTION:
                set_block_action(cursor.block(), ActionItem())  # a new action item: open, no owner yet
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        if me is not None and tracked_key(self, event, me):
            return  # Shift+Enter: a line break typed
        super().keyPressEvent(event)

    def _backspace(self) -> bool:
        """Backspace over a selection, or at the start of a bullet (which becomes a paragraph); False otherwise.

        Qt's own makes the bullet an indented paragraph, an indent the report does not keep, which its next
        Backspace takes away step by step, even with a selection that ends there.
        """
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.removeSelectedText()
            self.setTextCursor(cursor)
            return True
        if cursor.atBlockStart() and block_kind(cursor.block())[0] in (BlockKind.BULLET, BlockKind.ACTION):
            set_block_kind(cursor, BlockKind.PARAGRAPH)
            return True
        return False

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Move the focus on to the next field (Tab outside bullets)."""
        return super().focusNextPrevChild(forward)

    # ---------------------------------------------------------- editing

    def tracked(self) -> Change | None:
        """The change the user's edits carry while Track changes is on; None when it is off, or inside a table."""
        me = self.tracking() if self.tracking is not None else None
        # A table is proposed whole: its cells are edited as they are (only one's own new table, gui/table_part.py).
        return None if me is not None and selection_tables(self.textCursor())[0] is not None else me

    def _set_block_kind(self, kind: BlockKind, level: int = 1) -> None:
        me = self.tracked()
        if me is None:
            set_block_kind(self.textCursor(), kind, level)
        else:
            tracked.set_kind_of_chains(self.textCursor(), kind, level, me)

    def set_level(self, level: int) -> None:
        """Make the current blocks bullets at ``level``; below 1 they become paragraphs."""
        if level < 1:
            self._set_block_kind(BlockKind.PARAGRAPH)
        else:
            self._set_block_kind(BlockKind.BULLET, min(level, MAX_BULLET_LEVEL))

    def set_kind(self, kind: BlockKind) -> None:
        """Make the current blocks paragraphs, bullets (keeping a bullet's level), labels or action items."""
        block = self.textCursor().block()
        level = tracked.visible_paragraph(block)[1] if self.tracked() else block_kind(block)[1]
        self._set_block_kind(kind, level)

    def mergeCurrentCharFormat(self, modifier: QTextCharFormat) -> None:
        """Change the emphasis of the selection (tracked while Track changes is on) or of what is typed next."""
        me = self.tracked()
        if me is None or not self.textCursor().hasSelection():
            super().mergeCurrentCharFormat(modifier)
        else:
            inserting.merge_format(self.textCursor(), modifier, me)

    def toggle_bold(self) -> None:
        """Bold on or off for the selection or what is typed next."""
        bold = self.textCursor().charFormat().fontWeight() >= QFont.Weight.DemiBold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        """Italic on or off."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.textCursor().charFormat().fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_underline(self) -> None:
        """Underline on or off."""
        fmt = QTextCharFormat()
        fmt.setFontUnderline(not self.textCursor().charFormat().fontUnderline())
        self.mergeCurrentCharFormat(fmt)

    def insert_footnote(self, footnote_id: str) -> None:
        """Put a reference to ``footnote_id`` at the cursor."""
        cursor = self.textCursor()
        me = self.tracked()
        if me is None:
            insert_footnote(cursor, footnote_id)
        else:
            cursor.beginEditBlock()
            inserting.prepare_insertion(cursor, me)
            marks = inline_marks_text(FootnoteRef(footnote_id, inserted=me))
            cursor.insertText(OBJECT_CHAR, footnote_format(footnote_id, marks))
            cursor.endEditBlock()
        # Typing after the mark must not inherit its object format.
        self.setCurrentCharFormat(QTextCharFormat())
        self.setTextCursor(cursor)

    def insert_plain(self, text: str) -> None:
        """Insert text at the cursor in the surrounding emphasis (each line break a new paragraph with a new id)."""
        cursor = self.textCursor()
        fmt = cursor.charFormat()
        if fmt.isImageFormat() or fmt.objectType() != 0:
            fmt = QTextCharFormat()
        self._insert(cursor, lambda: cursor.insertText(text, fmt))
        self.setTextCursor(cursor)

    def _insert(self, cursor: QTextCursor, insert: Callable[[], None]) -> None:
        me = self.tracked()
        if me is None:
            insert_keeping_ids(cursor, insert)
        else:
            inserting.insert_tracked(cursor, insert, me)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy or drag: Qt's data for other programs, plus a token for pasting back here with formats."""
        data = super().createMimeDataFromSelection()
        token = f"{id(self)}-{len(_FRAGMENTS)}-{self.textCursor().selectionStart()}"
        _FRAGMENTS.clear()
        _FRAGMENTS[token] = QTextDocumentFragment(self.textCursor())
        data.setData(FRAGMENT_MIME, token.encode())
        return data

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        """Text of any kind can be pasted or dropped."""
        return source.hasText() or not source.data(FRAGMENT_MIME).isEmpty()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop text: copied here, it keeps its emphasis, bullets and footnote marks.

        Text from elsewhere comes in plain, in the current emphasis: foreign HTML would bring its styles.
        """
        # Read the token whether or not formats() lists it: some clipboards list only the text formats.
        token = bytes(source.data(FRAGMENT_MIME).data()).decode(errors="replace")
        fragment = _FRAGMENTS.get(token)
        if fragment is not None:
            cursor = self.textCursor()
            # A stretch of one paragraph goes in as its runs: Qt's own would bring the paragraph's type along
            # (and a new paragraph to hold it, for a stretch of a bullet). Pasted paragraphs get new ids.
            runs = fragment_runs(fragment)
            if runs is None:
                self._insert(cursor, lambda: cursor.insertFragment(fragment))
            else:
                self._insert(cursor, lambda: insert_runs(cursor, runs))
            self.setTextCursor(cursor)
        elif source.hasText():
            self.insert_plain(source.text().replace("\r\n", "\n").replace("\r", "\n"))

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text from an input method: while tracking, inserted by the user (the selection deleted, tracked)."""
        me = self.tracked()
        if me is not None and event.commitString():
            cursor = self.textCursor()
            inserting.insert_text(cursor, event.commitString(), me)
            self.setTextCursor(cursor)
            event.setCommitString("")
        super().inputMethodEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A drop; while tracking, text moved within this editor is copied here and marked deleted where it was."""
        me = self.tracked()
        source = self.textCursor()
        if me is None or event.source() is not self or not source.hasSelection():
            super().dropEvent(event)
            return
        source.beginEditBlock()
        event.setDropAction(Qt.DropAction.CopyAction)
        super().dropEvent(event)
        tracked.delete_selection(source, me)
        source.endEditBlock()

    def _tracked_cut(self) -> None:
        me = self.tracked()
        cursor = self.textCursor()
        if me is not None and cursor.hasSelection():
            self.copy()
            tracked.delete_selection(cursor, me)
            self.setTextCursor(cursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's text, then the marks of paragraphs' own pending changes (gui/block_marks.py)."""
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        paint_block_marks(self, painter)
        painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The standard menu, with the window's undo and redo in place of the document's."""
        menu = self.createStandardContextMenu(event.pos())
        if self.tracked() is not None:
            # Cut and Delete remove the text in Qt's own hands: while tracking they mark it deleted instead.
            for action in menu.actions():
                if action.objectName() in ("edit-cut", "edit-delete"):
                    action.triggered.disconnect()
                    action.triggered.connect(
                        self._tracked_cut if action.objectName() == "edit-cut" else self._tracked_delete
                    )
        extras = self.context_extras(self, event.pos()) if self.context_extras is not None else []
        if self._undo_actions is not None:
            for action in menu.actions():
                if action.objectName() in ("edit-undo", "edit-redo"):
                    menu.removeAction(action)
            first = menu.actions()[0] if menu.actions() else None
            # PySide6's stub wants an action; Qt takes a null one (append), as below.
            menu.insertActions(first, list(self._undo_actions))  # type: ignore[arg-type]
        if extras:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, extras)  # type: ignore[arg-type]
            if first is not None:
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _tracked_delete(self) -> None:
        me = self.tracked()
        cursor = self.textCursor()
        if me is not None and cursor.hasSelection():
            tracked.delete_selection(cursor, me)
            self.setTextCursor(cursor)


class BodyPanel(QWidget):
    """A body editor with its format toolbar, its footnotes beside it and the designation offer above it."""

    def __init__(self, actions: list[QAction | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in actions:
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        layout.addWidget(self.toolbar)
        self.banner = QWidget()
        self.banner.setObjectName("designation_banner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(4, 2, 4, 2)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton(self.tr("Insert the designation footnote"))
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.setStyleSheet("#designation_banner { background: #fff4ce; }")
        self.banner.hide()
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        self.editor = BodyEditor()
        self.notes = FootnotePanel()
        row.addWidget(self.editor, 3)
        row.addWidget(self.notes, 1)
        layout.addLayout(row, 1)
        self.notes.done.connect(self.back_to_note)

    def back_to_text(self) -> None:
        """Put the focus back in the body text, at the cursor it had (Escape in a side field)."""
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_to_note(self, footnote_id: str) -> None:
        """Put the focus back in the body text just after the reference mark of ``footnote_id``.

        The cursor stays where it is if it already stands after one of that note's marks (where the note
        was just inserted); otherwise it goes after the first one.
        """
        positions = footnote_positions(self.editor.document(), footnote_id)
        cursor = self.editor.textCursor()
        if positions and (cursor.hasSelection() or cursor.position() not in positions):
            cursor.setPosition(positions[0])
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        self.back_to_text()

    def release(self) -> None:
        """Let go of the shown body and its notes (the report is closing)."""
        self.editor.release()
        self.notes.release()
        self.banner.hide()
