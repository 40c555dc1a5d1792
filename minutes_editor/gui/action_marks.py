"""An action item in a body document: its fields kept in the paragraph's format, and their look in the editor.

A paragraph is an action item when its ``KIND_PROPERTY`` (gui/rich_text.py)
is "action"; its owners, deadline and status are the JSON of
``ACTION_PROPERTY`` in the same block format, so they follow the paragraph
through edits, undo and redo as its id does, and a change of one of them is
one edit of the document (one undo step). The editor draws them, as
gui/block_marks.py draws a paragraph's pending changes, rather than keeping
them as text: a status box in the room the first line leaves at its start
(``MARK_ROOM``: on the right in a right-to-left report), clicked or toggled
with a key, and the owners and deadline on a line of their own under the
text (``DETAILS_ROOM``, the block's bottom margin, taken only when the item
has either) in a muted colour, the deadline written the way the report's
language writes dates.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from minutes_editor.model.report import ActionItem, ActionStatus, BlockKind

#: Block format property holding an action item's owners, deadline and status as JSON.
ACTION_PROPERTY = QTextFormat.Property.UserProperty + 20
#: Document property naming the report's language (the deadline is written in it).
LANGUAGE_PROPERTY = "minutes_language"
#: The room, in pixels, the first line of an action item leaves at its start for the status box.
MARK_ROOM = 22.0
#: The room under an action item's text for its owners and deadline, in pixels; their font is fitted into it,
#: so zooming the text (which changes no format) never makes them overlap the next paragraph.
DETAILS_ROOM = 17.0
#: The owners and deadline are drawn in this colour; the status box too.
MUTED = QColor("#6b6b6b")
DONE_COLOUR = QColor("#2e7d32")


def action_text(item: ActionItem) -> str:
    """An action item's fields as the JSON kept in the block format."""
    data = {
        "owners": list(item.owners),
        "deadline": item.deadline.isoformat() if item.deadline is not None else None,
        "status": item.status.value,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_action(text: str) -> ActionItem:
    """What ``action_text`` wrote (a new, open item with no owner for anything else)."""
    try:
        data = json.loads(text)
        owners = [str(name).strip() for name in data.get("owners", []) if str(name).strip()]
        deadline = dt.date.fromisoformat(data["deadline"]) if data.get("deadline") else None
        status = ActionStatus(data.get("status", ActionStatus.OPEN.value))
    except (ValueError, TypeError, AttributeError):
        return ActionItem()
    return ActionItem(list(dict.fromkeys(owners)), deadline, status)


def is_action(block: QTextBlock) -> bool:
    """Whether a text block is an action item: it holds fields (``action_block_format`` gives them only to one)."""
    return isinstance(block.blockFormat().property(ACTION_PROPERTY), str)


def block_action(block: QTextBlock) -> ActionItem:
    """The fields of the action item a text block holds (a new item's if it holds none)."""
    value = block.blockFormat().property(ACTION_PROPERTY)
    return read_action(value) if isinstance(value, str) else ActionItem()


def action_block_format(fmt: QTextBlockFormat, kind: BlockKind) -> QTextBlockFormat:
    """``fmt`` of a block made ``kind``: an action item keeps its fields and has room for its box; others neither.

    A paragraph made an action item gets an open item's fields (no owner, no deadline).
    """
    if kind is BlockKind.ACTION:
        value = fmt.property(ACTION_PROPERTY)
        item = read_action(value) if isinstance(value, str) else ActionItem()
        fmt.setProperty(ACTION_PROPERTY, action_text(item))
        fmt.setTextIndent(MARK_ROOM)
        _make_room(fmt, item)
    else:
        fmt.clearProperty(ACTION_PROPERTY)
        fmt.setTextIndent(0)
        fmt.setBottomMargin(0)
    return fmt


def _make_room(fmt: QTextBlockFormat, item: ActionItem) -> None:
    # A line under the text for the owners and deadline, when the item has either: never cut by the text.
    fmt.setBottomMargin(DETAILS_ROOM if item.owners or item.deadline is not None else 0)


def set_block_action(block: QTextBlock, item: ActionItem) -> None:
    """Give an action item's text block the fields of ``item``: one edit of its document (one undo step)."""
    fmt = block.blockFormat()
    fmt.setProperty(ACTION_PROPERTY, action_text(item))
    _make_room(fmt, item)
    QTextCursor(block).setBlockFormat(fmt)


# ------------------------------------------------------------- the look


@lru_cache(maxsize=512)
def deadline_text(language: str, deadline: dt.date) -> str:
    """A deadline written the way the report's language writes dates (CLDR, its digits)."""
    from minutes_editor.storage.presets import load_preset

    try:
        return load_preset(language).format_date(deadline)
    except Exception:
        return deadline.isoformat()


def details_text(item: ActionItem, language: str) -> str:
    """The owners and deadline shown after an action item's text ("" when it has neither)."""
    parts = []
    if item.owners:
        parts.append(("، " if language.split("-", maxsplit=1)[0] in ("ar", "fa", "ur") else ", ").join(item.owners))
    if item.deadline is not None:
        parts.append(deadline_text(language, item.deadline))
    return " · ".join(parts)


def box_rect(block: QTextBlock, rect: QRectF) -> QRectF | None:
    """Where the status box of an action item is drawn (``rect``: the block's place in view); None before layout."""
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineAt(0)
    size = min(line.height() - 4, MARK_ROOM - 8)
    top = rect.top() + line.y() + (line.height() - size) / 2
    if block.textDirection() == Qt.LayoutDirection.RightToLeft:
        x = rect.left() + line.x() + line.width() + (MARK_ROOM - size) / 2
    else:
        x = rect.left() + line.x() - MARK_ROOM + (MARK_ROOM - size) / 2
    return QRectF(x, top, size, size)


def box_in_view(editor: QTextEdit, block: QTextBlock) -> QRectF | None:
    """Where the status box of an action item stands in ``editor``'s viewport (None before layout)."""
    top = editor.verticalScrollBar().value()
    bar = editor.horizontalScrollBar()
    left = (bar.maximum() - bar.value()) if editor.isRightToLeft() else bar.value()
    rect = editor.document().documentLayout().blockBoundingRect(block).translated(-left, -top)
    return box_rect(block, rect)


def paint_action(painter: QPainter, block: QTextBlock, rect: QRectF) -> None:
    """Draw an action item's status box at its start and its owners and deadline on the line under its text."""
    item = block_action(block)
    box = box_rect(block, rect)
    if box is None:
        return
    painter.save()
    done = item.status is ActionStatus.DONE
    colour = DONE_COLOUR if done else MUTED
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, 2, 2)
    if done:
        painter.setPen(QPen(colour, 2.0))
        painter.drawPolyline(
            [
                QPointF(box.left() + box.width() * 0.2, box.top() + box.height() * 0.55),
                QPointF(box.left() + box.width() * 0.42, box.top() + box.height() * 0.78),
                QPointF(box.left() + box.width() * 0.82, box.top() + box.height() * 0.25),
            ]
        )
    language = block.document().property(LANGUAGE_PROPERTY)
    details = details_text(item, language if isinstance(language, str) else "en")
    layout = block.layout()
    room_height = block.blockFormat().bottomMargin()
    if details and layout.lineCount() and room_height > 0:
        # Under the text, from where its first line starts (after the box), in the line's direction.
        first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
        room = QRectF(rect.left() + first.x(), rect.top() + last.y() + last.height(), first.width(), room_height)
        font = QFont(block.document().defaultFont())
        font.setPixelSize(max(8, round(room_height * 0.72)))
        shown = QFontMetricsF(font).elidedText(details, Qt.TextElideMode.ElideRight, room.width())
        if shown:
            rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
            painter.setFont(font)
            painter.setPen(MUTED)
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            painter.drawText(room, int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop), shown)
    painter.restore()
