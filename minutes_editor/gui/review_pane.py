"""The review pane: a dock listing the report's pending changes and comment threads, in reading order.

Each change shows what it does, who proposed it and when (in the user's
locale), where it is (a section's heading, a session's title, the title
block, a footnote) and its text; each comment thread its comment and its
replies indented below it, a resolved thread dimmed. The list is laid out in
the report's direction. Below it, the composer: where a new comment or a
reply is written (Ctrl+Return posts it, Escape gives it up). The pane shows;
what its rows and the composer do is ``review_actions.ReviewPart``'s.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui.directions import follow_direction
from minutes_editor.gui.outline import section_title
from minutes_editor.model.review import Revision, RevisionKind
from minutes_editor.model.review_list import Entry
from minutes_editor.model.text_fields import FOOTNOTE_MARK, content_text, get_field, locate

if TYPE_CHECKING:
    from minutes_editor.model.language import LanguagePreset
    from minutes_editor.model.report import Comment, Report

#: Item data: the id of the comment a row shows (a thread's first comment or a reply).
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Item data: a row's whole text (what it shows is cut to the pane's width).
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3
#: How much of a change's text or a comment a row shows.
EXCERPT_LENGTH = 90
#: First strong isolate and pop directional isolate: each piece of a row keeps its own direction.
FSI, PDI = "\u2068", "\u2069"


def kind_names() -> dict[RevisionKind, str]:
    """What each kind of pending change is called, in the interface language."""
    return {
        RevisionKind.INSERTION: QCoreApplication.translate("ReviewPane", "Insertion"),
        RevisionKind.DELETION: QCoreApplication.translate("ReviewPane", "Deletion"),
        RevisionKind.MOVE: QCoreApplication.translate("ReviewPane", "Move"),
        RevisionKind.FORMAT: QCoreApplication.translate("ReviewPane", "Formatting"),
        RevisionKind.FIELD: QCoreApplication.translate("ReviewPane", "Field changed"),
    }


def shown_date(value: dt.datetime | None) -> str:
    """A change's or comment's date and time in the user's locale (local time), "" when it has none."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    stamp = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def shortened(text: str, length: int = EXCERPT_LENGTH) -> str:
    """A change's text or a comment on one line, cut at ``length`` characters."""
    line = " ¶ ".join(part.strip() for part in text.replace(FOOTNOTE_MARK, "").splitlines() if part.strip())
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"


def line(*pieces: str) -> str:
    """Pieces of a row joined by dots, each isolated: an English kind beside an Arabic name keeps its order."""
    return " · ".join(f"{FSI}{piece}{PDI}" for piece in pieces if piece)


def place_name(report: Report, preset: LanguagePreset, path: str) -> str:
    """Where a field path is, for a person: a section's heading, a session's title, the title block, a footnote."""
    if not path:
        return QCoreApplication.translate("ReviewPane", "No place in the text")
    place = locate(path)
    if place.footnote >= 0:
        return QCoreApplication.translate("ReviewPane", "Footnote %1").replace("%1", str(place.footnote + 1))
    if place.in_title_block:
        return QCoreApplication.translate("ReviewPane", "Title block")
    section = report.sections[place.section]
    if place.session >= 0:
        title = section.sessions[place.session].title
        return title or QCoreApplication.translate("ReviewPane", "Session %1").replace("%1", str(place.session + 1))
    return section_title(section, preset)


@dataclass
class _Labels:
    """What the rows of one listing share: the kinds' names, and the dates and places already written."""

    kinds: dict[RevisionKind, str]
    dates: dict[dt.datetime | None, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """What a row of the pane says: its text, the comment it shows (if any), dimmed when resolved."""

    text: str
    comment: str = ""
    dimmed: bool = False


class ReviewPane(QDockWidget):
    """The dock listing pending changes and comment threads; a row chosen or activated is announced."""

    #: The user moved to a row (the index of its entry): the window shows its place, keeping the focus here.
    chosen = Signal(int)
    #: The user activated a row (Enter, double-click): the window goes to its place.
    activated = Signal(int)
    #: The user posted what the composer holds.
    posted = Signal(str)
    #: The user gave the composer up (Escape, Cancel).
    cancelled = Signal()
    #: The user pressed Delete on a row.
    delete_requested = Signal()
    #: The user pressed Escape in the list: back to the text.
    escaped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("ReviewPane", "Review"), parent)
        self.setObjectName("review_pane")
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        layout.addWidget(self.summary)
        self.list = QTreeWidget()
        self.list.setObjectName("review_list")
        self.list.setHeaderHidden(True)
        self.list.setColumnCount(1)
        # Each line of a row is cut to the pane's width (``_fit``): no wrapping, so every row keeps its lines.
        self.list.setWordWrap(False)
        self.list.setUniformRowHeights(False)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(18)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(QCoreApplication.translate("ReviewPane", "Changes and comments"))
        layout.addWidget(self.list, 1)
        self.composer = QWidget()
        self.composer.setObjectName("review_composer")
        column = QVBoxLayout(self.composer)
        column.setContentsMargins(0, 4, 0, 0)
        self.composer_label = QLabel()
        self.composer_label.setObjectName("review_composer_label")
        self.composer_label.setWordWrap(True)
        self.composer_text = QPlainTextEdit()
        self.composer_text.setObjectName("review_composer_text")
        self.composer_text.setPlaceholderText(QCoreApplication.translate("ReviewPane", "Ctrl+Enter posts, Esc cancels"))
        self.composer_text.setTabChangesFocus(True)
        self.composer_label.setBuddy(self.composer_text)
        buttons = QHBoxLayout()
        self.post_button = QPushButton(QCoreApplication.translate("ReviewPane", "&Post"))
        self.post_button.setObjectName("review_post")
        self.cancel_button = QPushButton(QCoreApplication.translate("ReviewPane", "Cancel"))
        self.cancel_button.setObjectName("review_cancel")
        buttons.addStretch(1)
        buttons.addWidget(self.post_button)
        buttons.addWidget(self.cancel_button)
        column.addWidget(self.composer_label)
        column.addWidget(self.composer_text)
        column.addLayout(buttons)
        self.composer.hide()
        layout.addWidget(self.composer)
        self.setWidget(holder)
        self.entries: list[Entry] = []
        self._rows: list[tuple[Row, ...]] = []
        self._quiet = False
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(self._item_activated)
        self.post_button.clicked.connect(self._post)
        self.cancel_button.clicked.connect(self.close_composer)
        self.list.installEventFilter(self)
        self.list.viewport().installEventFilter(self)
        self.composer_text.installEventFilter(self)

    # ---------------------------------------------------------------- rows

    def show_entries(self, report: Report, preset: LanguagePreset, entries: list[Entry]) -> None:
        """List ``entries`` (the report's review list), laid out in the report's direction; keep the row shown.

        Only the rows whose text changed are made again: a decision removes its row, typing that moves no
        change or comment touches none (a long draft lists a thousand changes).
        """
        self.entries = entries
        follow_direction(self.list, report.direction)
        follow_direction(self.composer_text, report.direction)
        labels = _Labels(kind_names())
        rows = [self._describe(report, preset, entry, labels) for entry in entries]
        if rows == self._rows:
            return
        kept = self.current_entry()
        self._quiet = True
        try:
            dimmed = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            matcher = difflib.SequenceMatcher(a=self._rows, b=rows, autojunk=False)
            for tag, first, last, new_first, new_last in reversed(matcher.get_opcodes()):
                if tag == "equal":
                    continue
                for _ in range(first, last):
                    self.list.takeTopLevelItem(first)
                for offset, row in enumerate(rows[new_first:new_last]):
                    item = QTreeWidgetItem()
                    self._fill(item, row[0], dimmed)
                    for reply in row[1:]:
                        self._fill(QTreeWidgetItem(item), reply, dimmed)
                    self.list.insertTopLevelItem(first + offset, item)
                    item.setExpanded(True)
            self._rows = rows
            changes = sum(isinstance(entry.item, Revision) for entry in entries)
            counted = self.tr("%n change(s)", "", changes)
            threads = self.tr("%n comment(s)", "", len(entries) - changes)
            self.summary.setText(f"{counted} · {threads}")
        finally:
            self._quiet = False
        if kept is not None and kept < len(entries):
            self.select(kept)

    def _describe(
        self,
        report: Report,
        preset: LanguagePreset,
        entry: Entry,
        labels: _Labels,
    ) -> tuple[Row, ...]:
        """What the rows of an entry say: its own, then its replies'."""
        dates, places = labels.dates, labels.places

        def head(kind: str, author: str, date: dt.datetime | None) -> str:
            if date not in dates:
                dates[date] = shown_date(date)
            return line(kind, author, dates[date])

        path = entry.anchor.path
        if path not in places:
            places[path] = line(place_name(report, preset, path))
        where = places[path]
        if isinstance(entry.item, Revision):
            revision = entry.item
            excerpt = shortened(revision.excerpt or _anchored_text(report, entry))
            change = revision.change
            pieces = (head(labels.kinds[revision.kind], change.author, change.date), where, excerpt)
            text = "\n".join(piece for piece in pieces if piece)
            return (Row(text),)
        thread = entry.item
        kind = self.tr("Comment (resolved)") if thread.done else self.tr("Comment")
        first = thread.comment
        rows = [Row("\n".join((head(kind, first.author, first.date), where, _said(first))), first.id, thread.done)]
        reply = self.tr("Reply")
        rows += [
            Row("\n".join((head(reply, item.author, item.date), _said(item))), item.id, thread.done)
            for item in thread.replies
        ]
        return tuple(rows)

    def _fill(self, item: QTreeWidgetItem, row: Row, dimmed: QBrush) -> None:
        if row.comment:
            item.setData(0, COMMENT_ROLE, row.comment)
        if row.dimmed:
            item.setForeground(0, dimmed)
        self._set_text(item, row.text)

    def _entry_of(self, item: QTreeWidgetItem) -> int:
        """The index of the entry a row (or a reply's row) shows."""
        parent = item.parent()
        while parent is not None:
            item, parent = parent, parent.parent()
        return self.list.indexOfTopLevelItem(item)

    def _set_text(self, item: QTreeWidgetItem, text: str) -> None:
        item.setData(0, FULL_TEXT_ROLE, text)
        item.setToolTip(0, text)
        self._fit_item(item, self._room())

    def _room(self) -> int:
        return max(self.list.viewport().width() - 8, 40)

    def _fit_item(self, item: QTreeWidgetItem, room: int) -> None:
        text = item.data(0, FULL_TEXT_ROLE)
        if not isinstance(text, str):
            return
        depth = 0
        parent = item.parent()
        while parent is not None:
            depth += 1
            parent = parent.parent()
        width = max(room - depth * self.list.indentation(), 40)
        metrics = QFontMetrics(self.list.font())
        shown = "\n".join(metrics.elidedText(piece, Qt.TextElideMode.ElideRight, width) for piece in text.split("\n"))
        item.setText(0, shown)
        # Laid out as drawn, with the fonts that hold its script: Arabic lines are taller than the list font's.
        height = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextExpandTabs, shown).height()
        item.setSizeHint(0, QSize(width, height + 8))

    def _fit(self) -> None:
        """Cut every row's lines to the pane's width (after it is resized)."""
        room = self._room()
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is None:
                continue
            self._fit_item(item, room)
            for number in range(item.childCount()):
                child = item.child(number)
                if child is not None:
                    self._fit_item(child, room)

    @staticmethod
    def full_text(item: QTreeWidgetItem) -> str:
        """A row's whole text (its lines as shown may be cut to the pane's width)."""
        value = item.data(0, FULL_TEXT_ROLE)
        return value if isinstance(value, str) else item.text(0)

    def current_entry(self) -> int | None:
        """The index of the entry of the row selected, None when none is."""
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._entry_of(item)

    def current_comment(self) -> str | None:
        """The id of the comment (or reply) of the row selected, None when it is not a comment's."""
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, COMMENT_ROLE)
        return value if isinstance(value, str) else None

    def select(self, index: int | None) -> None:
        """Select the row of entry ``index`` (None: no row) without announcing it: the cursor is already there."""
        self._quiet = True
        try:
            if index is None or not 0 <= index < self.list.topLevelItemCount():
                self.list.clearSelection()
                return
            item = self.list.topLevelItem(index)
            assert item is not None  # the index is in range
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)
        finally:
            self._quiet = False

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._quiet or current is None:
            return
        self.chosen.emit(self._entry_of(current))

    def _item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated.emit(self._entry_of(item))

    # ---------------------------------------------------------------- composer

    def open_composer(self, about: str) -> None:
        """Show the composer, saying what the comment is about, and put the cursor in it."""
        self.show()
        self.raise_()
        self.composer_label.setText(about)
        self.composer_text.clear()
        self.composer.show()
        self.composer_text.setFocus()
        # Asked from a menu, the focus goes back where it was as the menu closes: take it once it has.
        QTimer.singleShot(0, self.composer_text.setFocus)

    def close_composer(self) -> None:
        """Hide the composer and give up what it holds."""
        was_open = self.composer.isVisible()
        self.composer.hide()
        self.composer_text.clear()
        if was_open:
            self.cancelled.emit()

    def _post(self) -> None:
        text = self.composer_text.toPlainText().strip()
        if not text:
            return
        self.composer.hide()
        self.composer_text.clear()
        self.posted.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Return posts and Escape cancels in the composer; Delete in the list deletes the comment."""
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
            return False
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        key, modifiers = event.key(), event.modifiers()
        if watched is self.composer_text:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers & Qt.KeyboardModifier.ControlModifier:
                self._post()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_composer()
                return True
        elif watched is self.list and modifiers == Qt.KeyboardModifier.NoModifier:
            if key == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.escaped.emit()
                return True
        return False


class ReviewerNameDialog(QDialog):
    """Asks the name the user's comments carry (once: the answer is kept in the settings)."""

    def __init__(self, parent: QWidget | None, suggestion: str) -> None:
        super().__init__(parent)
        self.setObjectName("reviewer_name_dialog")
        self.setWindowTitle(QCoreApplication.translate("ReviewPane", "Your name as a reviewer"))
        layout = QVBoxLayout(self)
        label = QLabel(
            QCoreApplication.translate("ReviewPane", "Your comments and tracked changes will carry this &name:")
        )
        self.name = QLineEdit(suggestion)
        self.name.setObjectName("reviewer_name")
        self.name.selectAll()
        label.setBuddy(self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, suggestion: str) -> tuple[str, bool]:
        """The name typed and whether the dialog was accepted (tests patch ``exec``)."""
        dialog = cls(parent, suggestion)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        name = dialog.name.text().strip()
        dialog.deleteLater()
        return name, accepted and bool(name)


def _anchored_text(report: Report, entry: Entry) -> str:
    """The text an entry's anchor covers (a block whose type changed shows its text)."""
    try:
        value = get_field(report, entry.anchor.path) if entry.anchor.path else ""
    except KeyError:
        return ""
    text = value if isinstance(value, str) else content_text(value) if isinstance(value, list) else ""
    return text[entry.anchor.start : entry.anchor.end]


def _said(comment: Comment) -> str:
    return shortened("\n".join(comment.text), EXCERPT_LENGTH * 2)
