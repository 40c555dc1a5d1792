"""The look of a paragraph's own pending changes in a body editor: its end inserted or deleted, its type changed.

Text marks live in the characters' formats and Qt draws them (gui/text_marks.py);
a paragraph's own marks (``Block.inserted``, ``deleted``, ``old_format``) have
no character to live in, so the editor draws them over its text after Qt has:
a pilcrow after the paragraph's last line, in the author's colour, underlined
for an inserted end and struck through for a deleted one; and a bar in the
margin on the start side beside a paragraph whose type or level changed, as
Word draws its change bars. Only the paragraphs in view are looked at.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QTextBlock
from PySide6.QtWidgets import QTextEdit

from minutes_editor.gui.action_marks import is_action, paint_action
from minutes_editor.gui.text_marks import BLOCK_MARKS_PROPERTY, author_colour, read_block_marks, string_property

PILCROW = "\u00b6"
#: The width of the change bar, in pixels, and its distance from the view's edge.
BAR_WIDTH = 3.0
BAR_INSET = 1.0


def paint_block_marks(editor: QTextEdit, painter: QPainter) -> None:
    """Draw the marks of the paragraphs in view of ``editor`` (call after QTextEdit has painted its viewport)."""
    viewport = editor.viewport()
    document = editor.document()
    layout = document.documentLayout()
    top = editor.verticalScrollBar().value()
    bar = editor.horizontalScrollBar()
    rtl = editor.isRightToLeft()
    left = (bar.maximum() - bar.value()) if rtl else bar.value()
    block = editor.cursorForPosition(viewport.rect().topLeft()).block()
    bottom = top + viewport.height()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            break
        marks = string_property(block.blockFormat(), BLOCK_MARKS_PROPERTY)
        if marks:
            _paint_block(painter, block, marks, rect.translated(-left, -top), viewport.width())
        if is_action(block):  # its status box, owners and deadline (gui/action_marks.py)
            paint_action(painter, block, rect.translated(-left, -top))
        block = block.next()


def _paint_block(painter: QPainter, block: QTextBlock, marks: str, rect: QRectF, width: int) -> None:
    inserted, deleted, old_format = read_block_marks(marks)
    # The start and end of a line are the paragraph's: right and left in a right-to-left one.
    right_to_left = block.textDirection() == Qt.LayoutDirection.RightToLeft
    painter.save()
    if old_format is not None:
        colour = author_colour(old_format.change.author)
        x = width - BAR_INSET - BAR_WIDTH if right_to_left else BAR_INSET
        painter.fillRect(QRectF(x, rect.top(), BAR_WIDTH, rect.height()), colour)
    change = deleted or inserted
    layout = block.layout()
    if change is not None and block.next().isValid() and layout.lineCount():
        line = layout.lineAt(layout.lineCount() - 1)
        text_rect = line.naturalTextRect().translated(rect.topLeft())
        font = block.document().defaultFont()
        metrics = QFontMetricsF(font)
        advance = metrics.horizontalAdvance(PILCROW)
        x = text_rect.left() - advance - 1 if right_to_left else text_rect.right() + 1
        baseline = text_rect.top() + line.ascent()
        colour = author_colour(change.author)
        painter.setPen(QPen(colour))
        painter.setFont(font)
        painter.drawText(QPointF(x, baseline), PILCROW)
        y = baseline + 2 if deleted is None else baseline - metrics.xHeight() / 2
        painter.drawLine(QPointF(x, y), QPointF(x + advance, y))
    painter.restore()
