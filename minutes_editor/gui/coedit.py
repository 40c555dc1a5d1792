"""Writing together in the window: File > Share…, Join…, Leave shared room; edits out and in; who is where.

``install_coedit(view)`` adds the part (built by ``complete()``). While the
window is in a room, a ``LiveRoom`` (collab/live.py) keeps the room's Yjs
document in a worker thread; every Qt object is touched in the window's
thread only (the worker's news come as queued signals).

One sync step (``sync``), run at most once every 80 ms while typing goes on
(a throttle: the first edit after a pause goes out at once, the next ones at
80 ms after the last step) and as soon as the room's document changed:
the report is read (``ReportDocument.read()``), what changed since the last
step (``base``, a copy) is written into the document as minimal Y edits
(``apply_report``), the document is read back (``doc_to_report``, checked),
and whatever the others changed is taken into the window's report in place
(collab/merge_in.py ``adopt``): only the bodies, fields and outline that
changed are redrawn, the cursor kept in its paragraph (by id) at its offset.
A paragraph the user typed in during the last ``RECENT_S`` seconds that
someone deleted meanwhile is put back at its place, with the typed text
(``restore_lost``), and the status bar says so.

Undo: while in a room, Undo and Redo take back one's own edits from the
room's document (gui/shared_undo.py, collab/undo.py: Yjs's UndoManager
tracking the transactions the sync step writes with this window's origin),
never another person's. docs/collaboration.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from minutes_editor.collab.errors import CollabError, RelayError, RelayRefusedError
from minutes_editor.collab.live import LiveRoom
from minutes_editor.collab.merge_in import Adopted, Typed, adopt, restore_lost, snapshot, typed_blocks
from minutes_editor.gui import ask
from minutes_editor.gui.coedit_dialogs import RoomDialog, colour_of, connection_text, presence_text
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.outline import section_title
from minutes_editor.gui.settings import system_user_name
from minutes_editor.gui.shared_undo import SharedUndo
from minutes_editor.gui.text_marks import block_id
from minutes_editor.model.report import Report, Section, Session

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView

# Milliseconds from the first edit to the sync step that sends it (a keystroke reaches the room within 100 ms).
SYNC_MS = 80
# Seconds a paragraph one typed in is kept, should someone delete it meanwhile.
RECENT_S = 10.0
# How often the connection's state is looked at (ms).
POLL_MS = 250
# The longest part title the presence list shows (longer ones end with "…").
TITLE_CHARS = 32
# How long the status bar's messages stay (ms).
MESSAGE_MS = 8000


class CoeditPart(QObject):
    """Share, join and leave a room; keep the open report and the room's document in step."""

    # The room's document changed (emitted in the worker thread, received queued).
    remote_changed = Signal()
    # Who is connected, or where, changed (worker thread, queued).
    presence_changed = Signal()
    # A sync step ended (tests wait for it).
    synced = Signal()

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.live: LiveRoom | None = None
        self.room = ""
        self.base: Report | None = None
        # The name others see; the review part's name when known, else the system's.
        settings = view.settings
        self.user_name = (settings.reviewer_name() if settings is not None else "") or system_user_name() or "?"
        self.dialog: RoomDialog | None = None
        self._recent: dict[str, tuple[float, Typed]] = {}
        self._remembered = ("", "")
        self._replacing = False
        self._remote_pending = False
        self._watched: ReportDocument | None = None
        self._offline_since: dt.datetime | None = None
        self._marked: list[object] = []
        self.shared_undo = SharedUndo(self, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SYNC_MS)
        self._timer.timeout.connect(self.sync)
        self._since_sync = QElapsedTimer()  # since the last step: the throttle of ``_edited``
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_connection)
        queued = Qt.ConnectionType.QueuedConnection
        self.remote_changed.connect(self._remote, queued)
        self.presence_changed.connect(self._show_presence, queued)

        self.connection_label = QLabel(window)
        self.connection_label.setObjectName("coedit_connection")
        self.presence_label = QLabel(window)
        self.presence_label.setObjectName("coedit_presence")
        for label in (self.connection_label, self.presence_label):
            window.statusBar().addPermanentWidget(label)
            label.hide()

        registry = view.registry
        self.share_action = self._action("action_share", self.tr("S&hare…"), self.share_dialog)
        self.share_action.setStatusTip(self.tr("Put the open report into a room of a relay to write it together"))
        self.join_action = self._action("action_join", self.tr("&Join…"), self.join_dialog)
        self.join_action.setStatusTip(self.tr("Open a shared report from a room of a relay"))
        self.leave_action = self._action("action_leave_room", self.tr("&Leave shared room"), self.leave)
        self.leave_action.setEnabled(False)
        anchor = "compare_with" if "compare_with" in registry.actions_by_name else None
        registry.add("share", self.share_action, "file", after=anchor)
        registry.add("join", self.join_action, "file", after="share")
        registry.add("leave_room", self.leave_action, "file", after="join")

        view.session.document_replaced.connect(self._replaced)
        view.outline.selected.connect(lambda _part: self._send_presence())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.leave)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A window closed (not just asked to) leaves its room: the worker thread must not outlive it."""
        if event.type() == QEvent.Type.Close and watched is self.view.as_window():
            QTimer.singleShot(0, self, self._left_if_closed)
        return super().eventFilter(watched, event)

    def _left_if_closed(self) -> None:
        if not self.view.as_window().isVisible():
            self.leave()

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(self.view.as_window())  # not QAction(text, parent): see ActionRegistry.create
        action.setObjectName(name)
        action.setText(text)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # ================================================================ share, join, leave

    def _remembered_room(self) -> tuple[str, str]:
        settings = self.view.settings
        if settings is not None and hasattr(settings, "shared_room"):
            relay, room = settings.shared_room()
            return str(relay), str(room)
        return self._remembered

    def _remember(self, relay: str, room: str) -> None:
        self._remembered = (relay, room)
        settings = self.view.settings
        if settings is not None and hasattr(settings, "set_shared_room"):
            settings.set_shared_room(relay, room)

    def _ask(self, *, sharing: bool) -> RoomDialog:
        relay, room = self._remembered_room()
        self.dialog = RoomDialog(self.view.as_window(), sharing=sharing, relay=relay, room=room)
        return self.dialog

    def share_dialog(self) -> None:
        """File > Share…: ask the relay, room and token, then share the open report there."""
        dialog = self._ask(sharing=True)
        dialog.accepted.connect(lambda: self.share(*dialog.values()))
        dialog.open()

    def join_dialog(self) -> None:
        """File > Join…: ask the relay, room and token, then open the room's report."""
        dialog = self._ask(sharing=False)
        dialog.accepted.connect(lambda: self.join(*dialog.values()))
        dialog.open()

    def _connect(self, relay: str, room: str, token: str) -> LiveRoom | None:
        live = LiveRoom(relay, room, token, on_remote=self.remote_changed.emit, on_presence=self.presence_changed.emit)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            live.connect()
        except RelayRefusedError as error:
            self._error(self.tr("The relay refused the token"), str(error))
            return None
        except RelayError as error:
            self._error(self.tr("Cannot reach the relay"), str(error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        return live

    def _error(self, title: str, detail: str) -> None:
        ask.error(self.view.as_window(), title, title + ".", detail)

    def share(self, relay: str, room: str, token: str) -> bool:
        """Put the open report into ``room`` (asking before replacing a report it holds) and stay there."""
        self.leave()
        live = self._connect(relay, room, token)
        if live is None:
            return False
        from minutes_editor.collab.ydoc import apply_report, doc_to_report, holds_report, report_to_doc

        report = self.view.document.read()
        doc = live.doc
        try:
            if live.call(holds_report, doc):
                if not ask.confirm(
                    self.view.as_window(),
                    self.tr("Replace the room's report?"),
                    self.tr("Room “%1” already holds a report. Replace it with the open report?").replace("%1", room),
                    self.tr("What the others type meanwhile is merged into it."),
                ):
                    live.close()
                    return False
                live.call(lambda: apply_report(doc, doc_to_report(doc), report))
            else:
                live.call(report_to_doc, report, doc)
        except CollabError as error:
            live.close()
            self._error(self.tr("Cannot share the report"), str(error))
            return False
        self._attach(live, relay, room)
        shared = self.tr("Shared into room “%1”. Undo takes back your own edits only.")
        self.view.session.message.emit(shared.replace("%1", room), MESSAGE_MS)
        return True

    def join(self, relay: str, room: str, token: str) -> bool:
        """Open the report of ``room`` (after asking about unsaved changes) and stay there."""
        session = self.view.session
        if not session.maybe_save():
            return False
        self.leave()
        live = self._connect(relay, room, token)
        if live is None:
            return False
        from minutes_editor.collab.ydoc import doc_to_report, holds_report

        doc = live.doc
        try:
            if not live.call(holds_report, doc):
                live.close()
                self._error(self.tr("The room is empty"), self.tr("No one has shared a report into this room yet."))
                return False
            report = live.call(doc_to_report, doc)
        except CollabError as error:
            live.close()
            self._error(self.tr("Cannot read the room's report"), str(error))
            return False
        document = ReportDocument(report)
        document.title = self.tr("%1 (shared)").replace("%1", room)
        self._replacing = True
        try:
            session.set_document(document)
        finally:
            self._replacing = False
        self._attach(live, relay, room)
        joined = self.tr("Joined room “%1”. Undo takes back your own edits only.")
        session.message.emit(joined.replace("%1", room), MESSAGE_MS)
        return True

    def _attach(self, live: LiveRoom, relay: str, room: str) -> None:
        from minutes_editor.collab.ydoc import doc_to_report

        self.live, self.room = live, room
        self.shared_undo.start(live)
        self.base = live.call(doc_to_report, live.doc)
        self._recent.clear()
        self._watch(self.view.document)
        self._offline_since = None
        self._remember(relay, room)
        self.leave_action.setEnabled(True)
        self._show_connection()
        self._poll.start()
        self._send_presence()
        self._show_presence()

    def _watch(self, document: ReportDocument | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._watched.changed.disconnect(self._edited)
        self._watched = document
        if document is not None:
            document.changed.connect(self._edited)

    def leave(self) -> None:
        """File > Leave shared room: the report stays open, as the window's own copy."""
        live, self.live = self.live, None
        if live is None:
            return
        self._timer.stop()
        self._poll.stop()
        self._watch(None)
        self.base = None
        self.shared_undo.stop()
        live.close()
        self.leave_action.setEnabled(False)
        for label in (self.connection_label, self.presence_label):
            label.hide()
        self._mark_outline({})
        self.view.session.message.emit(
            self.tr("You left room “%1”; the report stays open as your own copy, and Undo starts afresh.").replace(
                "%1", self.room
            ),
            MESSAGE_MS,
        )

    def _replaced(self, _document: ReportDocument) -> None:
        if not self._replacing and self.live is not None:
            self.leave()

    # ================================================================ sync

    def _edited(self) -> None:
        # A throttle, not a debounce: after a pause the edit goes out with the next turn of the event loop
        # (the keystroke drawn first); while typing goes on, at most one step every SYNC_MS.
        if self._timer.isActive():
            return
        since = self._since_sync.elapsed() if self._since_sync.isValid() else SYNC_MS
        self._timer.start(max(0, SYNC_MS - since))

    def _remote(self) -> None:
        self._remote_pending = True
        self._timer.start(0)

    def sync(self) -> None:
        """Send what was edited here since the last step, and take in what the others edited."""
        live, base = self.live, self.base
        if live is None or base is None:
            return
        self._since_sync.start()
        from minutes_editor.collab.ydoc import doc_to_report

        history = self.shared_undo.history
        assert history is not None  # started with the room
        document = self.view.document
        now = document.read()
        self._remember_typing(base, now)
        doc = live.doc

        # Reading the whole document back is for when the room changed it: typing alone writes and goes on.
        remote, self._remote_pending = self._remote_pending, False

        def step() -> tuple[Report | None, tuple[bool, bool]]:
            history.write(base, now)  # one's own edit: undoable in the room
            return (doc_to_report(doc) if remote else None), history.state()

        restored: list[object] = []
        try:
            read, state = live.call(step)
            self.shared_undo.show_state(state)
            if read is None:
                self.base = snapshot(now)
                self.synced.emit()
                return
            merged = read
            recent = {key: typed for key, (_when, typed) in self._recent.items()}
            restored = list(restore_lost(merged, recent))
            if restored:
                present = {block.id for section in merged.sections for block in section.blocks}
                present |= {b.id for section in merged.sections for session in section.sessions for b in session.blocks}
                for key in [key for key in recent if key not in present]:
                    del self._recent[key]
                wanted = merged

                def put_back() -> Report:
                    history.write(doc_to_report(doc), wanted)
                    return doc_to_report(doc)

                merged = live.call(put_back)
        except CollabError as error:
            self.view.session.message.emit(
                self.tr("The room's report cannot be read: %1").replace("%1", str(error)), MESSAGE_MS
            )
            return
        except RelayError:
            return
        self.take_in(merged)
        if restored:
            self.view.session.message.emit(
                self.tr("Someone deleted a paragraph you were typing in: your text was kept as a restored paragraph."),
                MESSAGE_MS * 2,
            )
        self.synced.emit()

    def take_in(self, merged: Report, *, forget_typed: bool = False) -> None:
        """Make the window's report read as ``merged``, the room's (only what changed redrawn, cursors kept).

        ``forget_typed`` (after an undo or redo): the paragraphs one typed in that ``merged`` lacks were taken
        back by oneself, not deleted by someone else: none is to be restored.
        """
        self.base = snapshot(merged)
        if forget_typed:
            present = {block.id for block in merged.all_blocks()}
            for key in [key for key in self._recent if key not in present]:
                del self._recent[key]
        adopted = adopt(self.view.document.report, merged)
        if adopted.anything:
            self._show(adopted)

    def _remember_typing(self, base: Report, now: Report) -> None:
        """Keep the paragraphs typed in since ``base`` (and forget those gone from ``now`` or too old)."""
        moment = time.monotonic()
        for key, typed in typed_blocks(base, now).items():
            self._recent[key] = (moment, typed)
        present = {block.id for section in now.sections for block in section.blocks}
        present |= {block.id for section in now.sections for session in section.sessions for block in session.blocks}
        for key in list(self._recent):
            when, _typed = self._recent[key]
            if key not in present or moment - when > RECENT_S:
                del self._recent[key]

    def _show(self, adopted: Adopted) -> None:
        """Redraw what the others changed, nothing else; the selection and cursor stay."""
        view = self.view
        report, preset = view.document.report, view.preset
        current = view.outline.current_part()
        if adopted.structure or adopted.fields or adopted.title:
            keep = current if _holds(report, current) else report.title
            view.outline.rebuild(report, preset, keep)
            if keep is not current:
                view.show_part(keep)
            current = keep
        for owner in adopted.bodies:
            self._reload_body(owner)
        if adopted.title and current is report.title:
            view.title_page.show_title(report.title, preset)
        for part in adopted.fields:
            if part is current and isinstance(part, Section):
                view.section_page.show_section(part, preset, report.sections[0] is part)
            elif part is current and isinstance(part, Session):
                view.session_page.show_session(part, preset)
        if adopted.notes:
            view.store.flush()
        # Autosave and the journal keep the others' edits too (the window's copy is everyone's text).
        view.document.changed.emit()
        view.schedule_preview()
        self._show_presence()

    def _reload_body(self, owner: Section | Session) -> None:
        store = self.view.store
        editor = self.view.current_editor()
        shown = editor is not None and editor.owner is owner
        where: tuple[str, int, str] | None = None
        if shown and editor is not None:
            cursor = editor.textCursor()
            block = cursor.block()
            where = (block_id(block), cursor.position() - block.position(), block.text())
        store.reload(owner)
        if where is None or editor is None:
            return
        document = store.document(owner)
        wanted, offset, old_text = where
        block = document.begin()
        while block.isValid() and block_id(block) != wanted:
            block = block.next()
        if not block.isValid():
            return
        text = block.text()
        prefix = 0
        while prefix < min(len(text), len(old_text)) and text[prefix] == old_text[prefix]:
            prefix += 1
        if offset > prefix:
            offset = max(prefix, offset + len(text) - len(old_text))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(offset, len(text)))
        editor.setTextCursor(cursor)

    # ================================================================ presence and connection

    def _send_presence(self) -> None:
        if self.live is None:
            return
        part = self.view.outline.current_part()
        part_id = part.id if isinstance(part, Section | Session) else ""
        with contextlib.suppress(RelayError):
            self.live.set_presence(self.user_name, part_id, colour_of(self.user_name))

    def others(self) -> list[tuple[str, str, str]]:
        """The others in the room: name, where (the part's title) and colour."""
        if self.live is None:
            return []
        report, preset = self.view.document.report, self.view.preset
        titles: dict[str, str] = {"": self.tr("Title block")}
        for section in report.sections:
            titles[section.id] = section_title(section, preset)
            for session in section.sessions:
                titles[session.id] = session.title
        found = []
        for state in self.live.peers().values():
            where = titles.get(state["part"], "…")
            if len(where) > TITLE_CHARS:
                where = where[: TITLE_CHARS - 1].rstrip() + "…"
            found.append((state["name"], where, state["colour"]))
        return sorted(found)

    def _show_presence(self) -> None:
        if self.live is None:
            return
        others = self.others()
        self.presence_label.setText(presence_text(self.user_name, [(name, where) for name, where, _c in others]))
        self.presence_label.show()
        parts: dict[str, tuple[str, str]] = {}
        for state in self.live.peers().values():
            parts[state["part"]] = (state["name"], state["colour"])
        self._mark_outline(parts)

    def _mark_outline(self, parts: dict[str, tuple[str, str]]) -> None:
        """A coloured background on the outline rows of the parts others are in."""
        for item in self.view.outline.items():
            part = item.part
            key = part.id if isinstance(part, Section | Session) else ""
            found = parts.get(key)
            if found is None:
                item.setData(0, Qt.ItemDataRole.BackgroundRole, None)
                item.setToolTip(0, "")
            else:
                name, colour = found
                item.setBackground(0, QColor(colour).lighter(160))
                item.setToolTip(0, self.tr("%1 is here").replace("%1", name))

    def _show_connection(self) -> None:
        live = self.live
        if live is None:
            return
        online = live.online
        if online:
            self._offline_since = None
        elif self._offline_since is None:
            self._offline_since = dt.datetime.now()
            self._show_presence()
        self.connection_label.setText(connection_text(self.room, online, self._offline_since, live.edits_waiting))
        self.connection_label.setStyleSheet("" if online else "color: #a04000;")
        self.connection_label.show()


def _holds(report: Report, part: object) -> bool:
    if part is report.title:
        return True
    return any(section is part or any(session is part for session in section.sessions) for section in report.sections)


def install_coedit(view: EditorView) -> CoeditPart:
    """Add File > Share…, Join… and Leave shared room to ``view``."""
    return CoeditPart(view)
