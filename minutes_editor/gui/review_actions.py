"""Reviewing in the window: the Review menu, the review pane's rows, decisions and comments as undo commands.

``install_review(view)`` adds the review pane (``review_pane.ReviewPane``) on
the start side and the Review menu: Track changes (``track_changes.py``), next
and previous change, accept or reject this change, all changes or all of one
reviewer's, and new comment, reply, resolve or reopen and delete. Every decision and comment change is
one ``ReviewCommand`` on the report's undo stack, wrapping the model's
operation (``model/review.decide``, ``model/comments``); after it is made, the
bodies it replaced are written into their open documents as one step of each
document's own history, which undoing the command undoes (so the typing
before it stays undoable), and the pane and the preview follow. The pane follows the cursor: the row of the
change or comment under it is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from minutes_editor.gui.commands import TextEditCommand
from minutes_editor.gui.places import go_to, python_index
from minutes_editor.gui.review_comments import CommentActions
from minutes_editor.gui.review_pane import ReviewPane
from minutes_editor.gui.shortcuts import shortcut
from minutes_editor.gui.table_text import model_index
from minutes_editor.gui.track_changes import TrackChanges
from minutes_editor.model import review, review_list
from minutes_editor.model.operations import Batch, Operation, ReplaceBlocks, SetField
from minutes_editor.model.report import Report, Section, Session, TitleBlock
from minutes_editor.model.rules import OperationRefusedError
from minutes_editor.model.text_fields import TITLE_FIELDS

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from minutes_editor.gui.document import ReportDocument
    from minutes_editor.gui.parts import EditorView

#: Milliseconds the pane waits after the last change before it lists the report again.
REFRESH_DELAY_MS = 400
#: How long a message of the review stays in the status bar.
MESSAGE_MS = 5000


class ReviewCommand(QUndoCommand):
    """A decision or a comment change, already made when pushed: undo applies its inverse, redo it again."""

    def __init__(
        self, part: ReviewPart, report: Report, inverse: Operation, text: str, back: review_list.Anchor | None
    ) -> None:
        super().__init__(text)
        self.part = part
        self.report = report
        self.inverse: Operation | None = inverse
        self.operation: Operation | None = None
        #: Where to take the cursor after undo: where the change was.
        self.back = back
        self._fresh = True
        #: The body documents holding this command's step, by id of their section or session.
        self.stepped: dict[int, QTextDocument] = {}

    def redo(self) -> None:
        """Make the change again (nothing on the push: it is made), then let the views follow."""
        if self._fresh:
            self._fresh = False
        else:
            assert self.operation is not None  # Qt redoes only what it undid
            self.inverse = self.operation.apply(self.report)
        assert self.inverse is not None
        self.part.follow_change(self.inverse, command=self, undoing=False)

    def undo(self) -> None:
        """Apply the inverse, then show where the change was."""
        assert self.inverse is not None  # Qt undoes only what it did
        self.operation = self.inverse.apply(self.report)
        self.inverse = None
        self.part.follow_change(self.operation, back=self.back, command=self, undoing=True)


class ReviewPart(QObject):
    """The review pane and the Review menu of one window, following its open report."""

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.pane = ReviewPane(window)
        # On the start side, as the outline: the right in a right-to-left interface.
        side = Qt.DockWidgetArea.RightDockWidgetArea if window.isRightToLeft() else Qt.DockWidgetArea.LeftDockWidgetArea
        window.addDockWidget(side, self.pane)
        self.pane.hide()
        self.entries: list[review_list.Entry] = []
        self.places = review_list.ReportPlaces(view.document.report)
        #: Field path -> the entries with a mark there, for following the cursor.
        self._by_path: dict[str, list[int]] = {}
        self._stale = True
        self._going = False
        #: The entry the last step went to, and where the cursor was then.
        self._at: tuple[int, tuple[int, int, int, int]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.comments = CommentActions(self)
        self.tracking = TrackChanges(view, self.comments)
        self.actions = self._create_actions()
        self.tracking.attach(self.actions["track_changes"], self.actions["reviewer_name"])
        self.pane.chosen.connect(lambda index: self.go_to_entry(index, focus=False))
        self.pane.activated.connect(lambda index: self.go_to_entry(index, focus=True))
        self.pane.delete_requested.connect(self.comments.delete)
        self.pane.escaped.connect(view.focus_editor)
        self.pane.visibilityChanged.connect(self._visibility_changed)
        for panel in (view.section_page.body, view.session_page.body):
            panel.editor.cursorPositionChanged.connect(self.follow)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # A bound method, not a lambda: Qt lets go of it when this part is deleted with its window.
            app.focusChanged.connect(self._focus_changed)
        view.session.document_replaced.connect(self._document_replaced)
        self._document_replaced(view.document)

    # ================================================================ actions and the Review menu

    def _create_actions(self) -> dict[str, QAction]:
        window = self.view.as_window()
        registry = self.view.registry
        handlers = {
            "review_pane": self.toggle_pane,
            "track_changes": self.tracking.toggle,
            "next_change": lambda: self.step(1),
            "previous_change": lambda: self.step(-1),
            "accept_change": lambda: self.decide_this(accept=True),
            "reject_change": lambda: self.decide_this(accept=False),
            "accept_all": lambda: self.decide_all(accept=True),
            "reject_all": lambda: self.decide_all(accept=False),
            "add_comment": self.comments.add_comment,
            "reply_comment": self.comments.reply,
            "resolve_comment": self.comments.resolve,
            "delete_comment": self.comments.delete,
            "reviewer_name": self.comments.change_reviewer_name,
        }
        texts = {
            "accept_all": self.tr("Accept all c&hanges"),
            "reject_all": self.tr("Reject all chan&ges"),
            "reply_comment": self.tr("R&eply to the comment"),
            "resolve_comment": self.tr("Re&solve the comment"),
            "delete_comment": self.tr("&Delete the comment"),
            "reviewer_name": self.tr("Reviewer na&me…"),
        }
        actions: dict[str, QAction] = {}
        for name, handler in handlers.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            if name in texts:
                action.setText(texts[name])
            else:
                action.setText(shortcut(name).label())
                action.setShortcuts(shortcut(name).sequences())
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            actions[name] = action
        actions["review_pane"].setCheckable(True)
        self.by_author = {
            True: QMenu(self.tr("Accept all b&y"), window),
            False: QMenu(self.tr("Re&ject all by"), window),
        }
        for accept, menu in self.by_author.items():
            menu.setObjectName("accept_by_menu" if accept else "reject_by_menu")
            menu.aboutToShow.connect(lambda accept=accept: self._fill_author_menu(accept))
        menu = registry.menu("review")
        groups = (
            ("review_pane", "track_changes"),
            ("next_change", "previous_change"),
            ("accept_change", "reject_change", "accept_all", "reject_all"),
            ("add_comment", "reply_comment", "resolve_comment", "delete_comment"),
            ("reviewer_name",),
        )
        for number, group in enumerate(groups):
            if number:
                registry.add_separator("review")
            for name in group:
                registry.add(name, actions[name], "review")
            if "reject_all" in group:
                menu.addMenu(self.by_author[True])
                menu.addMenu(self.by_author[False])
        return actions

    def _fill_author_menu(self, accept: bool) -> None:
        menu = self.by_author[accept]
        menu.clear()
        names = review.authors(self.view.document.read())
        if not names:
            menu.addAction(self.tr("No reviewers")).setEnabled(False)
        for name in names:
            action = menu.addAction(name.replace("&", "&&"))
            action.setObjectName(f"by_author_{'accept' if accept else 'reject'}")
            action.triggered.connect(lambda _checked=False, name=name: self.decide_all(accept=accept, author=name))

    def toggle_pane(self) -> None:
        """Show the pane with the focus in its list, or hide it and go back to the text."""
        if self.pane.isVisible() and self.pane.list.hasFocus():
            self.pane.hide()
            self.view.focus_editor()
            return
        self.pane.show()
        self.pane.raise_()
        self.refresh()
        self.pane.list.setFocus()

    def _visibility_changed(self, visible: bool) -> None:
        self.actions["review_pane"].setChecked(visible)
        if visible and self._stale:
            self.refresh()

    # ================================================================ following the report

    def _document_replaced(self, document: ReportDocument) -> None:
        self._stale = True
        self._at = None
        self.comments.cancel()
        document.changed.connect(self._changed)
        report = document.report
        if report.comments or review.has_changes(report):
            self.pane.show()  # a draft come back from its reviewers: its changes and comments are listed
        if self.pane.isVisible():
            self.refresh()

    def _changed(self) -> None:
        self._stale = True
        if self.pane.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """List the report's pending changes and comments as they are now, and select the row at the cursor."""
        self._timer.stop()
        report = self.view.document.read()
        self.places = review_list.ReportPlaces(report)
        self.entries = review_list.review_list(report)
        self._by_path = {}
        for index, entry in enumerate(self.entries):
            paths = [entry.anchor.path]
            if isinstance(entry.item, review.Revision):
                for place in entry.item.places[1:]:
                    found = self.places.content_of(place)
                    paths += [found[1]] if found is not None else []
            for path in dict.fromkeys(paths):
                self._by_path.setdefault(path, []).append(index)
        self.pane.show_entries(report, self.view.preset, self.entries)
        self._stale = False
        self.follow()

    def fresh(self) -> None:
        """List the report again if it changed since the pane last did (before acting on a row)."""
        if self._stale or self.view.store.dirty:
            self.refresh()

    def _cursor(self) -> tuple[str, int, tuple[int, int, int, int]]:
        """Where the cursor is: a field path, an offset in its text and its place in reading order."""
        view = self.view
        focus = QApplication.focusWidget()
        part = view.outline.current_part()
        found = self.places.parts.get(part.id) if isinstance(part, Section | Session) else None
        fields: list[tuple[QWidget, str]] = []
        if isinstance(part, TitleBlock):
            fields = [(getattr(view.title_page, name), f"title.{name}") for name in TITLE_FIELDS]
        elif found is not None and isinstance(part, Section):
            fields = [(view.section_page.heading, f"{found[1]}.heading")]
        elif found is not None and isinstance(part, Session):
            goals = f"{found[1]}.goals[0]"
            fields = [(view.session_page.title, f"{found[1]}.title"), (view.session_page.goals, goals)]
        number = found[2] if found is not None else 0
        for widget, path in fields:
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return path, 0, (number, -1, 0, 0)
        editor = view.current_editor()
        if editor is not None and found is not None and editor.owner is found[0]:
            cursor = editor.textCursor()
            block = editor.document().findBlock(cursor.selectionStart())
            offset = python_index(block.text(), cursor.selectionStart() - block.position())
            index = model_index(block)
            return f"{found[1]}.blocks[{index}]", offset, (number, 2, index, offset)
        return "", 0, (number, -1, 0, 0)

    def entry_at_cursor(self) -> int | None:
        """The entry of the change or comment under the cursor: one whose stretch holds it, else one before it."""
        path, offset, _order = self._cursor()
        rows = self._by_path.get(path, [])
        starting = [index for index in rows if self.entries[index].anchor.path == path]
        for index in starting:
            if self.entries[index].anchor.start <= offset <= self.entries[index].anchor.end:
                return index
        before = [index for index in starting if self.entries[index].anchor.start <= offset]
        if before:
            return before[-1]
        return rows[0] if rows else None

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.follow()

    def follow(self) -> None:
        """Select the row of the change or comment under the cursor (no row when there is none)."""
        if self._going or not self.pane.isVisible() or self.pane.list.hasFocus():
            return
        index = self.entry_at_cursor()
        self.pane.select(index)
        self._update_resolve_text(index)

    def _update_resolve_text(self, index: int | None) -> None:
        thread = self.entries[index].item if index is not None and index < len(self.entries) else None
        done = isinstance(thread, review_list.Thread) and thread.done
        self.actions["resolve_comment"].setText(
            self.tr("Re&open the comment") if done else self.tr("Re&solve the comment")
        )

    # ================================================================ going through the changes

    def go_to_entry(self, index: int, *, focus: bool) -> bool:
        """Show the place of entry ``index``, its text selected; the focus goes there, or stays where it is."""
        if not 0 <= index < len(self.entries):
            return False
        anchor = self.entries[index].anchor
        if not anchor.path:
            return False
        keep = None if focus else QApplication.focusWidget()
        self._going = True
        try:
            shown = go_to(self.view, anchor.path, anchor.start, anchor.end)
            if keep is not None:
                keep.setFocus()
        finally:
            self._going = False
        self.pane.select(index)
        self._update_resolve_text(index)
        self._at = (index, self._cursor()[2])
        return shown

    def _here(self) -> tuple[int | None, tuple[int, int, int, int]]:
        """The entry the cursor stands on as far as stepping goes (the one last stepped to), and its order."""
        order = self._cursor()[2]
        if self.pane.list.hasFocus() and self.pane.current_entry() is not None:
            return self.pane.current_entry(), order
        if self._at is not None and self._at[1] == order and self._at[0] < len(self.entries):
            return self._at[0], order
        return None, order

    def step(self, delta: int) -> int | None:
        """Go to the next (1) or previous (-1) pending change from the cursor; its index, None at the end."""
        self.fresh()
        base, order = self._here()
        changes = [index for index, entry in enumerate(self.entries) if isinstance(entry.item, review.Revision)]
        if delta > 0:
            later = [i for i in changes if (i > base if base is not None else self.entries[i].anchor.order > order)]
            target = later[0] if later else None
        else:
            earlier = [i for i in changes if (i < base if base is not None else self.entries[i].anchor.order < order)]
            target = earlier[-1] if earlier else None
        if target is None:
            self.say(self.tr("No more changes after this one") if delta > 0 else self.tr("No changes before this one"))
            return None
        self.go_to_entry(target, focus=not self.pane.list.hasFocus())
        return target

    # ================================================================ deciding

    def _this_change(self) -> int | None:
        self.fresh()
        index = self.pane.current_entry() if self.pane.isVisible() else None
        if index is None or not isinstance(self.entries[index].item, review.Revision):
            index = self.entry_at_cursor()
        if index is None or not isinstance(self.entries[index].item, review.Revision):
            return None
        return index

    def decide_this(self, *, accept: bool) -> bool:
        """Accept (or reject) the change at the cursor (the row selected in the pane), then go to the next one."""
        index = self._this_change()
        if index is None:
            self.say(self.tr("There is no change here: go to one with Next change"))
            return False
        entry = self.entries[index]
        revision = entry.item
        assert isinstance(revision, review.Revision)
        report = self.view.document.read()
        operation = review.decide(report, revision.select, accept=accept, where=revision.where)
        text = self.tr("Accept the change") if accept else self.tr("Reject the change")
        if not self.push(operation, text, back=entry.anchor):
            return False
        following = [i for i, e in enumerate(self.entries) if i >= index and isinstance(e.item, review.Revision)]
        if following:
            self.go_to_entry(following[0], focus=not self.pane.list.hasFocus())
        return True

    def decide_all(self, *, accept: bool, author: str | None = None) -> bool:
        """Accept (or reject) every pending change, or every one ``author`` proposed, as one undo step."""
        report = self.view.document.read()
        select = review.everything if author is None else review.by_author(author)
        operation = review.decide(report, select, accept=accept)
        if author is None:
            text = self.tr("Accept all changes") if accept else self.tr("Reject all changes")
        else:
            text = (self.tr("Accept all changes by %1") if accept else self.tr("Reject all changes by %1")).replace(
                "%1", author
            )
        return self.push(operation, text)

    def push(self, operation: Operation, text: str, *, back: review_list.Anchor | None = None) -> bool:
        """Make ``operation`` on the open report as one undo step; False when it changes nothing or is refused."""
        if isinstance(operation, Batch) and not operation.operations:
            self.say(self.tr("Nothing to change"))
            return False
        report = self.view.document.read()
        try:
            inverse = operation.apply(report)
        except OperationRefusedError as refused:
            self.say(str(refused))
            return False
        self.view.document.undo_stack.push(ReviewCommand(self, report, inverse, text, back))
        return True

    def follow_change(
        self,
        operation: Operation,
        back: review_list.Anchor | None = None,
        *,
        command: ReviewCommand | None = None,
        undoing: bool = False,
    ) -> None:
        """After a review command (made, undone or made again): the bodies it replaced, the pages, the pane."""
        view = self.view
        owners, targets = _touched(operation)
        store = view.store
        for owner in owners:
            if store.has_document(owner):
                self._follow_body(owner, command, undoing)
        if owners:
            store.renumber()
        if any(isinstance(target, TitleBlock | Section | Session) for target in targets):
            part = view.outline.current_part()
            view.outline.rebuild(view.document.report, view.preset, part)
            if part is not None:
                view.show_part(part)
        self.refresh()
        view.schedule_preview()
        if back is not None and back.path:
            self._going = True
            try:
                go_to(view, back.path, back.start, back.end)
            finally:
                self._going = False
            self.follow()

    def _follow_body(self, owner: Section | Session, command: ReviewCommand | None, undoing: bool) -> None:
        """Bring an open body's document to the model: its own step made, undone or redone where it can be."""
        store = self.view.store
        document = store.document(owner)
        stepped = command.stepped.pop(id(owner), None) if command is not None else None
        if command is not None and stepped is document and store.step(owner, redo=not undoing):
            command.stepped[id(owner)] = document
            return
        if undoing or command is None:
            # No step of this command there (the body was opened after it): its history cannot follow.
            _drop_typing_steps(self.view.document, [document])
            store.reload(owner)
            return
        command.stepped[id(owner)] = store.replace(owner) or document

    def say(self, message: str) -> None:
        """Tell the user something in the status bar."""
        self.view.as_window().statusBar().showMessage(message, MESSAGE_MS)


def _touched(operation: Operation) -> tuple[list[Section | Session], list[object]]:
    """The bodies an operation replaces and the parts whose fields it sets."""
    owners: list[Section | Session] = []
    targets: list[object] = []
    pending = [operation]
    while pending:
        current = pending.pop()
        if isinstance(current, Batch):
            pending.extend(current.operations)
        elif isinstance(current, ReplaceBlocks):
            if all(owner is not current.owner for owner in owners):
                owners.append(current.owner)
        elif isinstance(current, SetField):
            targets.append(current.target)
    return owners, targets


def _drop_typing_steps(document: ReportDocument, bodies: list[QTextDocument]) -> None:
    """Make the typing steps of reloaded bodies obsolete: their documents' own histories are gone.

    A body loaded again from the model drops its document's undo history, so
    a typing step there could no longer be undone or redone; the undo stack
    skips an obsolete step instead (the text it typed stays).
    """
    stack = document.undo_stack
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, TextEditCommand) and any(command.document is body for body in bodies):
            command.setObsolete(True)


def install_review(view: EditorView) -> ReviewPart:
    """Add the review pane and the Review menu to ``view``."""
    return ReviewPart(view)
