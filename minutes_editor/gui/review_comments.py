"""Comments in the window: new comment on the selection, reply, resolve or reopen, delete; the reviewer's name.

A new comment or a reply is written in the review pane's composer (the
comment is made when it is posted, Ctrl+Return); it stands on the selected
text of a body (split at the selection's ends, ``model/comments.comment_on``),
or on the whole heading, title or title-block field the cursor is in. The
name comments carry is asked once and kept in the settings. Each change is
one undo step, pushed through the review part (``review_actions.ReviewPart``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from minutes_editor.gui.review_pane import ReviewerNameDialog, ReviewPane, shortened
from minutes_editor.gui.settings import system_user_name
from minutes_editor.model import comments, review_list
from minutes_editor.model.report import Comment, Section, Session, TitleBlock, new_id
from minutes_editor.model.text_fields import TITLE_FIELDS

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.operations import Operation


class ReviewHost(Protocol):
    """What the comments ask of the review part: the window, the pane and its list, pushing an undo step."""

    view: EditorView
    pane: ReviewPane
    entries: list[review_list.Entry]

    def fresh(self) -> None:
        """List the report again if it changed since the pane last did."""
        ...

    def entry_at_cursor(self) -> int | None:
        """The entry under the cursor."""
        ...

    def push(self, operation: Operation, text: str, *, back: review_list.Anchor | None = None) -> bool:
        """Make ``operation`` as one undo step."""
        ...

    def say(self, message: str) -> None:
        """Show a message in the status bar."""
        ...


@dataclass
class Target:
    """What the composer's text will become: a comment on a body's stretch or on a field, or a reply."""

    owner: Section | Session | None = None
    start: tuple[int, int] = (0, 0)
    end: tuple[int, int] = (0, 0)
    field_name: str = ""
    field_owner: str = ""
    parent: str = ""


class CommentActions(QObject):
    """The comment actions of the Review menu, with the composer of the review pane."""

    def __init__(self, part: ReviewHost) -> None:
        super().__init__(part.view.as_window())
        self.part = part
        self._pending: Target | None = None
        self._return_focus: QWidget | None = None
        self._name = ""
        part.pane.posted.connect(self._posted)
        part.pane.cancelled.connect(self._composer_closed)

    def cancel(self) -> None:
        """Give up a comment being written (another report is shown)."""
        self._pending = None
        self.part.pane.close_composer()

    # ---------------------------------------------------------------- the reviewer's name

    def reviewer(self) -> str | None:
        """The name the user's comments carry: asked the first time, then kept in the settings."""
        settings = self.part.view.settings
        name = settings.reviewer_name() if settings is not None else self._name
        if name:
            return str(name)
        return self.change_reviewer_name()

    def known_name(self) -> str:
        """The reviewer's name given in this window when there are no settings to keep it ("" if none)."""
        return self._name

    def change_reviewer_name(self) -> str | None:
        """Ask the user's name as a reviewer (the one kept, or the system's, offered); None when cancelled."""
        settings = self.part.view.settings
        known = (settings.reviewer_name() if settings is not None else self._name) or system_user_name()
        name, accepted = ReviewerNameDialog.ask(self.part.view.as_window(), str(known))
        if not accepted:
            return None
        self._name = name
        if settings is not None:
            settings.set_reviewer_name(name)
        return name

    # ---------------------------------------------------------------- writing

    def _target(self) -> tuple[Target, str] | None:
        """What a new comment would stand on (the selection, else the word at the cursor, or a field) and its text."""
        view = self.part.view
        focus = QApplication.focusWidget()
        part = view.outline.current_part()
        fields: list[tuple[QWidget, str, str]] = []
        if isinstance(part, TitleBlock):
            fields = [(getattr(view.title_page, name), f"TitleBlock.{name}", "") for name in TITLE_FIELDS]
        elif isinstance(part, Section):
            fields = [(view.section_page.heading, "Section.heading", part.id)]
        elif isinstance(part, Session):
            page = view.session_page
            fields = [(page.title, "Session.title", part.id), (page.goals, "Session.goals", part.id)]
        for widget, field_name, owner in fields:
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return Target(field_name=field_name, field_owner=owner), _widget_text(widget)
        editor = view.current_editor()
        if editor is None or not isinstance(editor.owner, Section | Session):
            return None
        cursor = editor.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if not cursor.hasSelection():
                return None
            editor.setTextCursor(cursor)
        from minutes_editor.gui.places import python_index
        from minutes_editor.gui.table_text import model_index, selection_tables

        if selection_tables(cursor) != (None, False):
            return None  # a comment anchors in a paragraph's text, not in a table's cells
        positions = []
        for position in (cursor.selectionStart(), cursor.selectionEnd()):
            block = editor.document().findBlock(position)
            positions.append((model_index(block), python_index(block.text(), position - block.position())))
        excerpt = cursor.selectedText().replace("\u2029", "\n")
        return Target(editor.owner, positions[0], positions[1]), excerpt

    def add_comment(self) -> bool:
        """Open the composer for a new comment on the selected text (or the word at the cursor, or the field)."""
        self.part.fresh()
        found = self._target()
        if found is None:
            self.part.say(self.tr("Select the text to comment on"))
            return False
        self._return_focus = QApplication.focusWidget()
        if self.reviewer() is None:
            return False
        self._pending, excerpt = found
        self.part.pane.open_composer(self.tr("New comment on “%1”").replace("%1", shortened(excerpt, 60)))
        return True

    def current_thread(self) -> tuple[str, review_list.Thread] | None:
        """The comment of the row selected (or under the cursor) and its thread."""
        self.part.fresh()
        pane = self.part.pane
        comment_id = pane.current_comment() if pane.isVisible() else None
        index = pane.current_entry() if comment_id is not None else self.part.entry_at_cursor()
        if index is None or index >= len(self.part.entries):
            return None
        thread = self.part.entries[index].item
        if not isinstance(thread, review_list.Thread):
            return None
        return comment_id or thread.comment.id, thread

    def reply(self) -> bool:
        """Open the composer for a reply to the comment selected (or under the cursor)."""
        found = self.current_thread()
        if found is None:
            self.part.say(self.tr("Select a comment to reply to"))
            return False
        self._return_focus = QApplication.focusWidget()
        if self.reviewer() is None:
            return False
        thread = found[1]
        self._pending = Target(parent=thread.comment.id)
        self.part.pane.open_composer(self.tr("Reply to %1").replace("%1", thread.comment.author))
        return True

    def _posted(self, text: str) -> None:
        target, self._pending = self._pending, None
        name = self.reviewer()
        if target is None or name is None:
            return
        report = self.part.view.document.read()
        initials = "".join(word[0] for word in name.split() if word)[:3].upper()
        comment = Comment(new_id(), name, text.split("\n"), dt.datetime.now(dt.UTC).replace(microsecond=0), initials)
        label = self.tr("New comment")
        try:
            operation: Operation
            if target.parent:
                operation = comments.reply(report, target.parent, comment)
                label = self.tr("Reply to a comment")
            elif target.owner is None:
                comment = dataclasses.replace(comment, field_name=target.field_name, owner=target.field_owner)
                operation = comments.comment_on_field(report, comment)
            else:
                operation = comments.comment_on(report, comment, target.owner, target.start, target.end)
        except (KeyError, ValueError, IndexError):
            self.part.say(self.tr("The text commented on has changed: select it again"))
            return
        self.part.push(operation, label)
        self._composer_closed()

    def _composer_closed(self) -> None:
        self._pending = None
        target, self._return_focus = self._return_focus, None
        if target is not None and target.isVisible():
            target.setFocus()
        else:
            self.part.view.focus_editor()

    # ---------------------------------------------------------------- resolving and deleting

    def resolve(self) -> bool:
        """Resolve the thread selected (or under the cursor), or reopen it if it is resolved."""
        found = self.current_thread()
        if found is None:
            self.part.say(self.tr("Select a comment to resolve"))
            return False
        thread = found[1]
        report = self.part.view.document.read()
        operation = comments.set_resolved(report, thread.comment.id, not thread.done)
        return self.part.push(
            operation, self.tr("Reopen the comment") if thread.done else self.tr("Resolve the comment")
        )

    def delete(self) -> bool:
        """Delete the comment selected: a reply alone, or a whole thread."""
        found = self.current_thread()
        if found is None:
            self.part.say(self.tr("Select a comment to delete"))
            return False
        report = self.part.view.document.read()
        return self.part.push(comments.delete(report, found[0]), self.tr("Delete the comment"))


def _widget_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    return ""
