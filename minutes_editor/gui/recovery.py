"""Never lose a word: a recovery snapshot and journal of the open report, offered back after a crash.

An ``Autosaver`` follows one ``ReportDocument``. Every change reaches the
disk within a quarter of a second: a change starts a short timer
(``JOURNAL_DELAY_MS``, not restarted by further typing) whose tick appends
what changed since the last tick to the recovery journal
(storage/journal.py), flushed and synced. Now and then a snapshot of the
whole report replaces the journal: when typing pauses (the autosave
interval, never past ``MAX_DELAY_MS``), when the application loses focus,
and first of all at the first change. Reading the changes runs on the
timers, between keystrokes; the disk writes (with their fsync) run in order
on one worker thread. The recovery files live in the application's data
folder, never beside the user's file, which is written only on Save.

Each autosaver holds a QLockFile with its process id beside its files. At
start-up ``find_recoverable`` lists the recovery files whose lock is stale
(their process died), so a second running instance never offers the files of
the first; ``RecoveryDialog`` shows which report and when it was saved, and
``restore_document`` opens it marked modified and linked to its original file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import os
import re
import threading
import time
import uuid
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QLockFile,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui.directions import isolated
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text
from minutes_editor.gui.settings import DEFAULT_AUTOSAVE_INTERVAL_MS, set_application_identity
from minutes_editor.model.report import Report
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes, remove_leftovers
from minutes_editor.storage.encoder import ParagraphJson, recovery_bytes
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.journal import SUFFIX as JOURNAL_SUFFIX
from minutes_editor.storage.journal import JournalFile, JournalRecorder, Replay, journal_header, read_recovery
from minutes_editor.storage.strict_json import refuse_duplicate_keys

# Longest a change waits for a snapshot while typing goes on without a pause.
MAX_DELAY_MS = 4000
# Milliseconds from a change to its journal line being written (then synced on the worker): the promise is 250 ms.
JOURNAL_DELAY_MS = 100
# A journal longer than this is replaced by a snapshot at the next tick, pause or not.
JOURNAL_SNAPSHOT_BYTES = 4 * 1024 * 1024
RECOVERY_FORMAT = "minutes-editor-recovery"
RECOVERY_VERSION = 1
_REPORT_SUFFIX = ".minutes"
_META_SUFFIX = ".json"
_LOCK_SUFFIX = ".lock"
# Every temporary file a write of ours leaves in the recovery folder: ".NAME.<random>.tmp".
_ANY_TEMP_FILE = re.compile(r"\..+\.\w+\.tmp")
# A sidecar holds a few names and a hash; one larger than this is not ours.
MAX_META_BYTES = 1024 * 1024


def recovery_dir() -> Path:
    """The folder of recovery files: ``recovery/`` in the application's data folder."""
    if not QCoreApplication.organizationName():
        set_application_identity()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class RecoveryFolderError(WriteError):
    """The recovery folder cannot be used (``reason``: the system's words); autosave cannot start."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"Cannot keep recovery files in {folder}: {reason}.")
        self.folder = folder
        self.reason = reason


_LOCK_ERRORS = {"PermissionError": "permission denied", "UnknownError": "the lock file cannot be made"}


def _session_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # Only a dead owner makes a lock stale: a live editor may hold one for days.
    lock.setStaleLockTime(0)
    return lock


class Autosaver(QObject):
    """Keeps a recovery copy of one report up to date while it has unsaved changes.

    ``saved`` carries the recovery file's path after each write; ``failed``
    carries a readable message when a write failed (the next change retries).
    Before serialising it reads the report through ``document.read()`` (editors hold typing
    until then) and ``before_save`` if given. Changes reach it through the
    document's ``changed`` signal and through ``note_change``, which the
    window connects to edits that do not push an undo command (typing merged
    into the current undo step). The recovery files are removed when the report is saved
    (its undo stack becomes clean) and by ``close``.
    """

    saved = Signal(object)
    # A journal line reached the disk (the journal's path).
    journaled = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        document: ReportDocument,
        *,
        folder: Path | None = None,
        interval_ms: int = DEFAULT_AUTOSAVE_INTERVAL_MS,
        max_delay_ms: int = MAX_DELAY_MS,
        journal_delay_ms: int = JOURNAL_DELAY_MS,
        journal: bool = True,
        before_save: Callable[[], None] | None = None,
        where: Callable[[], tuple[object, int] | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder) if folder is not None else recovery_dir()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a file in the folder's place, a folder we may not create
            raise RecoveryFolderError(self.folder, error.strerror or str(error)) from error
        self.interval_ms = interval_ms
        self.max_delay_ms = max_delay_ms
        self.before_save = before_save
        name = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.report_path = self.folder / (name + _REPORT_SUFFIX)
        self.meta_path = self.folder / (name + _META_SUFFIX)
        self.journal_path = self.folder / (name + JOURNAL_SUFFIX)
        self.journal_delay_ms = journal_delay_ms
        # Whether changes are journaled between snapshots (off: snapshots only, as before the journal).
        self.journaling = journal
        self.where = where
        self._lock = _session_lock(self.folder / (name + _LOCK_SUFFIX))
        if not self._lock.tryLock(0):
            # A folder we may not write in: the first file of the session, its lock, cannot be made.
            raise RecoveryFolderError(self.folder, _LOCK_ERRORS.get(self._lock.error().name, self._lock.error().name))
        # Milliseconds the last autosave spent bringing editors' text into the model, serialising (both on the
        # GUI thread), and writing on the worker.
        self.last_flush_ms = 0.0
        self.last_serialise_ms = 0.0
        self.last_write_ms = 0.0
        self._dirty = False
        self._first_change: float | None = None
        self._closed = False
        self._paragraphs = ParagraphJson()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._recorder = JournalRecorder()
        self._journal = JournalFile(self.journal_path)
        # Whether a snapshot (which starts a journal) has been queued since the recovery files were last removed.
        self._has_snapshot = False
        # Set by the worker when an append failed: the next tick writes a snapshot, which starts the journal again.
        self._journal_broken = False
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.timeout.connect(self.journal_now)
        # Milliseconds the last journal tick spent on the GUI thread (flush and encoding), and of those the
        # flush (bringing typed paragraphs into the model, which the preview's refresh would do otherwise).
        self.last_journal_ms = 0.0
        self.last_journal_flush_ms = 0.0
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._write_lock = threading.Lock()
        document.changed.connect(self.note_change)
        document.modified_changed.connect(self._on_modified_changed)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._on_application_state)
        if document.is_modified:
            # A restored or otherwise unsaved report: keep a copy from the first moment.
            self._dirty = True
            self.save_now()

    # ----------------------------------------------------------------- state

    @property
    def pending(self) -> bool:
        """Whether a change is waiting for its autosave."""
        return self._dirty

    def set_interval(self, interval_ms: int) -> None:
        """Change how long autosave waits after the last change."""
        self.interval_ms = interval_ms

    def note_change(self, *_args: object) -> None:
        """Something in the report changed: save once typing pauses, and within the deadline."""
        if self._closed:
            return
        self._dirty = True
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        waited_ms = (now - self._first_change) * 1000
        # Restart on every change so saving waits for a pause, but never past the deadline.
        delay = max(0, min(self.interval_ms, self.max_delay_ms - int(waited_ms)))
        self._timer.start(delay)
        if self.journaling and not self._journal_timer.isActive():
            # Not restarted by further changes: a line is written within the delay of the first one.
            self._journal_timer.start(self.journal_delay_ms)

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.clear()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.save_now()

    # ---------------------------------------------------------------- saving

    def save_now(self) -> bool:
        """Write a snapshot now if something changed; returns whether a write was queued.

        The snapshot replaces the journal, which goes on from it.
        """
        self._timer.stop()
        if self._closed or not self._dirty:
            return False
        self._dirty = False
        self._first_change = None
        if not self.document.is_modified:
            self.clear()
            return False
        self._journal_timer.stop()
        start = time.perf_counter()
        report = self.document.read()
        if self.before_save is not None:
            self.before_save()
        self.last_flush_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        data = recovery_bytes(report, self._paragraphs)
        meta = _meta_bytes(self.document, self.report_path.name)
        header = self._recorder.start(report) if self.journaling else None
        self._journal_broken = False
        self._has_snapshot = True
        self.last_serialise_ms = (time.perf_counter() - start) * 1000
        self._writer.submit(self._write, data, meta, header)
        return True

    def journal_now(self) -> bool:
        """Append what changed since the last line to the journal; returns whether a line was queued.

        The first change of a report, or one after a failed append, takes a snapshot instead.
        """
        self._journal_timer.stop()
        if self._closed or not self.journaling or not self.document.is_modified:
            return False
        if not self._has_snapshot or self._journal_broken or self._recorder.bytes_written > JOURNAL_SNAPSHOT_BYTES:
            self._dirty = True
            return self.save_now()
        start = time.perf_counter()
        report = self.document.read()
        flushed = time.perf_counter()
        where = self.where() if self.where is not None else None
        line = self._recorder.changes(report, where)
        self.last_journal_ms = (time.perf_counter() - start) * 1000
        self.last_journal_flush_ms = (flushed - start) * 1000
        if line is None:
            return False
        self._writer.submit(self._append, line)
        return True

    def _write(self, data: bytes, meta: bytes, header: dict[str, Any] | None) -> None:
        start = time.perf_counter()
        try:
            with self._write_lock:
                # The sidecar first: a snapshot on disk always has the sidecar that links it to its file. A kill
                # between the two leaves the new sidecar with the last snapshot (same file, same source) or, at
                # the first write, a sidecar alone, which is never offered.
                atomic_write_bytes(self.meta_path, meta, keep_backup=False)
                atomic_write_bytes(self.report_path, data, keep_backup=False)
                if header is not None:
                    # After the snapshot: a crash between the two leaves the old journal, which names the old
                    # snapshot and so is ignored; the new snapshot holds all it said.
                    self._journal.start(journal_header(header, data))
        except WriteError as error:
            self._dirty = True
            self._journal_broken = True
            self.failed.emit(str(error))
            return
        self.last_write_ms = (time.perf_counter() - start) * 1000
        self.saved.emit(self.report_path)

    def _append(self, line: str) -> None:
        try:
            with self._write_lock:
                self._journal.append(line)
        except WriteError as error:
            self._journal_broken = True
            self.failed.emit(str(error))
            return
        self.journaled.emit(self.journal_path)

    def write_everything(self) -> None:
        """Put every change on disk now and wait for it (before the process may end: a crash, a signal)."""
        if self._closed:
            return
        if self._dirty and (not self._has_snapshot or not self.journaling):
            self.save_now()
        else:
            self.journal_now()
        self.wait()

    def wait(self) -> None:
        """Block until every queued write or removal has finished."""
        if not self._closed:
            self._writer.submit(lambda: None).result()

    def clear(self) -> None:
        """Remove the recovery copy (the report was saved, or closed on purpose)."""
        self._timer.stop()
        self._journal_timer.stop()
        self._dirty = False
        self._first_change = None
        self._has_snapshot = False
        if not self._closed:
            self._writer.submit(self._remove_files)

    def _remove_files(self) -> None:
        with self._write_lock:
            # The snapshot first, the sidecar last: a kill in between never leaves a snapshot without its link.
            with contextlib.suppress(FileNotFoundError):
                self.report_path.unlink()
            self._journal.remove()
            with contextlib.suppress(FileNotFoundError):
                self.meta_path.unlink()

    def close(self) -> None:
        """Remove the recovery copy and release the lock: the report was closed on purpose."""
        if self._closed:
            return
        self.clear()
        self._journal_timer.stop()
        self._closed = True
        self._writer.shutdown(wait=True)
        self._disconnect()
        self._lock.unlock()

    def detach(self) -> None:
        """Stop following the report but keep its recovery copy on disk, as a crash would."""
        if self._closed:
            return
        self._timer.stop()
        self._journal_timer.stop()
        self._closed = True
        self._writer.submit(self._journal.close)
        self._writer.shutdown(wait=True)
        self._disconnect()
        self._lock.unlock()

    def _disconnect(self) -> None:
        # The window may have cut every connection of a report it replaced already; PySide warns then.
        application = QGuiApplication.instance()
        connections = [
            (self.document.changed, self.note_change),
            (self.document.modified_changed, self._on_modified_changed),
        ]
        if isinstance(application, QGuiApplication):
            connections.append((application.applicationStateChanged, self._on_application_state))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal, slot in connections:
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)


def _meta_bytes(document: ReportDocument, report_file: str) -> bytes:
    report = document.report
    meta: dict[str, Any] = {
        "format": RECOVERY_FORMAT,
        "version": RECOVERY_VERSION,
        "report_file": report_file,
        "original_path": str(document.path) if document.path else None,
        # The Word draft an unsaved report was imported from: a restored report keeps its name.
        "source": str(document.source) if document.source else None,
        "title": report_title(report),
        "language": report.language,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "disk_hash": document.disk_hash,
    }
    return json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")


def report_title(report: Report) -> str:
    """A short name for a report: its meeting title, else its subtitle, else empty."""
    return (report.title.meeting or report.title.subtitle).strip()


# --------------------------------------------------------------- recovering


@dataclass
class RecoveryEntry:
    """A recovery file left by a session that ended without saving; holds its lock while offered."""

    report_path: Path
    meta_path: Path
    original_path: Path | None
    title: str
    language: str
    saved_at: dt.datetime
    disk_hash: str | None = None
    # The Word draft the report was imported from, when it had no file of its own yet.
    source: Path | None = None
    _lock: QLockFile | None = field(default=None, repr=False)

    @property
    def journal_path(self) -> Path:
        """The journal of changes made after the snapshot."""
        return self.report_path.with_suffix(JOURNAL_SUFFIX)

    def read(self) -> Replay:
        """The snapshot with its journal replayed; raises ReportFileError if the snapshot cannot be read."""
        return read_recovery(self.report_path, self.journal_path)

    def load(self) -> Report:
        """Read the recovered report; raises ReportFileError if it cannot be read."""
        return self.read().report

    def discard(self) -> None:
        """Delete the recovery files: the user restored or rejected them."""
        for path in (self.report_path, self.journal_path, self.meta_path):  # the snapshot never outlives its sidecar
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        self.release()

    def release(self) -> None:
        """Let go of the files without deleting them, to offer them again at the next start."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def find_recoverable(folder: Path | None = None) -> list[RecoveryEntry]:
    """Recovery files whose session ended without saving, newest first.

    Files whose lock is held by a running process (another open editor, or
    this one) are left out. The caller owns the returned entries' locks:
    restore and ``discard`` them, or ``release`` them.
    """
    folder = Path(folder) if folder is not None else recovery_dir()
    if not folder.is_dir():
        return []
    # Temporary files of writes cut short, of any version and however old (the folder is ours alone); a
    # running editor's are locked and stay.
    remove_leftovers(folder, _ANY_TEMP_FILE)
    entries: list[RecoveryEntry] = []
    for report_path in sorted(folder.glob("*" + _REPORT_SUFFIX)):
        lock = _session_lock(report_path.with_suffix(_LOCK_SUFFIX))
        if not lock.tryLock(0):
            continue  # its editor is still running
        if not report_path.exists():
            lock.unlock()
            continue
        entries.append(_entry(report_path, lock))
    entries.sort(key=lambda entry: entry.saved_at, reverse=True)
    return entries


def _entry(report_path: Path, lock: QLockFile) -> RecoveryEntry:
    meta_path = report_path.with_suffix(_META_SUFFIX)
    try:
        # Through the one door for reading: a pipe in the sidecar's place would block the start-up for ever.
        text = read_regular(meta_path, MAX_META_BYTES).decode("utf-8")
        meta = json.loads(text, object_pairs_hook=refuse_duplicate_keys)
        if not isinstance(meta, dict) or meta.get("format") != RECOVERY_FORMAT:
            meta = {}
    except (OSError, ValueError, RecursionError):
        # A crash between the report and its sidecar: the report alone still restores.
        meta = {}
    original = meta.get("original_path")
    saved_at = _parse_time(meta.get("saved_at")) or dt.datetime.fromtimestamp(report_path.stat().st_mtime, dt.UTC)
    with contextlib.suppress(OSError):
        # Typing after the snapshot went to the journal: the last time the report was saved is the journal's.
        journaled = dt.datetime.fromtimestamp(report_path.with_suffix(JOURNAL_SUFFIX).stat().st_mtime, dt.UTC)
        saved_at = max(saved_at, journaled)
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    language = meta.get("language") if isinstance(meta.get("language"), str) else ""
    disk_hash = meta.get("disk_hash") if isinstance(meta.get("disk_hash"), str) else None
    source = meta.get("source")
    return RecoveryEntry(
        report_path=report_path,
        meta_path=meta_path,
        original_path=Path(original) if isinstance(original, str) and original else None,
        title=title or "",
        language=language or "",
        saved_at=saved_at,
        disk_hash=disk_hash,
        source=Path(source) if isinstance(source, str) and source else None,
        _lock=lock,
    )


def _parse_time(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def restore_document(entry: RecoveryEntry, parent: QObject | None = None) -> ReportDocument:
    """Open a recovered report: modified, and linked to the file it came from (written only on Save).

    The journal is replayed on the snapshot; ``document.restored`` keeps what the replay said (where the
    user was, and any part of the journal it could not use).
    """
    replayed = entry.read()
    document = ReportDocument(replayed.report, entry.original_path, parent)
    document.source = entry.source
    document.restored = replayed
    if entry.disk_hash is not None and document.disk_hash is not None:
        # The file as the crashed session knew it: Save then refuses to overwrite later changes by others.
        document.disk_hash = entry.disk_hash
    document.undo_stack.resetClean()
    return document


# ------------------------------------------------------------------- dialog


class RecoveryChoice(enum.Enum):
    """What the user chose in the recovery dialog."""

    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class RecoveryDialog(QDialog):
    """Offers the reports left by a session that ended without saving: which report, which file, when saved."""

    def __init__(
        self, entries: list[RecoveryEntry], parent: QWidget | None = None, *, crash_report: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.entries = entries
        self.choice = RecoveryChoice.LATER
        self.setWindowTitle(self.tr("Restore unsaved work"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Minutes Editor closed before these reports were saved. "
                "Restore one to continue where you stopped; your own file changes only when you save."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        #: Says the last session ended in an error of ours, and where its report is (hidden otherwise).
        self.crash_label = QLabel()
        if crash_report is not None:
            text = self.tr("It stopped because of an error; the details are in %1.")
            self.crash_label.setText(text.replace("%1", isolated(str(crash_report))))
        self.crash_label.setObjectName("crash_label")
        self.crash_label.setWordWrap(True)
        self.crash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.crash_label.setVisible(crash_report is not None)
        layout.addWidget(self.crash_label)
        self.list = QTreeWidget()
        self.list.setObjectName("recovery_list")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Report"), self.tr("File"), self.tr("Saved at")])
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    entry.title or self.tr("Untitled report"),
                    entry.original_path.name if entry.original_path else self.tr("Not saved yet"),
                    format_saved_at(entry.saved_at),
                ]
            )
            if entry.original_path:
                item.setToolTip(1, str(entry.original_path))
            self.list.addTopLevelItem(item)
        # PySide6's stub wants an item; Qt takes a null one (none selected).
        self.list.setCurrentItem(self.list.topLevelItem(0))  # type: ignore[arg-type]
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.list.itemDoubleClicked.connect(lambda *_: self._choose(RecoveryChoice.RESTORE))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restore_button")
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setObjectName("discard_button")
        self.later_button = QPushButton(self.tr("&Not now"))
        self.later_button.setObjectName("later_button")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._choose(RecoveryChoice.RESTORE))
        self.discard_button.clicked.connect(lambda: self._choose(RecoveryChoice.DISCARD))
        self.later_button.clicked.connect(lambda: self._choose(RecoveryChoice.LATER))
        layout.addWidget(buttons)
        self.resize(640, 280)

    def selected_entry(self) -> RecoveryEntry | None:
        """The entry the user has selected."""
        # PySide6's stub wants an item; Qt takes a null one (-1), and mypy does not narrow a call.
        index = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1  # type: ignore[arg-type]
        return self.entries[index] if 0 <= index < len(self.entries) else None

    def _choose(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        if choice is RecoveryChoice.LATER:
            self.reject()
        else:
            self.accept()

    @classmethod
    def ask(
        cls, entries: list[RecoveryEntry], parent: QWidget | None = None, *, crash_report: Path | None = None
    ) -> tuple[RecoveryChoice, RecoveryEntry | None]:
        """Show the dialog; returns the choice and the entry it applies to (tests replace ``exec``)."""
        dialog = cls(entries, parent, crash_report=crash_report)
        try:
            dialog.exec()
            return dialog.choice, dialog.selected_entry()
        finally:
            dialog.deleteLater()


def format_saved_at(moment: dt.datetime) -> str:
    """A saved-at time in the interface's locale and the user's time zone."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def offer_recovery(
    parent: QWidget | None,
    open_document: Callable[[ReportDocument], None],
    *,
    folder: Path | None = None,
    on_error: Callable[[str], None] | None = None,
    crash_report: Path | None = None,
) -> int:
    """Offer every report left by a crashed session; returns how many were restored.

    ``open_document`` shows a restored report (its own window or the current
    one); ``on_error`` tells the user a recovery file could not be read.
    """
    entries = find_recoverable(folder)
    restored = 0
    try:
        while entries:
            choice, entry = RecoveryDialog.ask(entries, parent, crash_report=crash_report)
            if choice is RecoveryChoice.LATER or entry is None:
                break
            entries.remove(entry)
            if choice is RecoveryChoice.DISCARD:
                entry.discard()
                continue
            try:
                document = restore_document(entry)
            except ValueError as error:  # ReportFileError: damaged recovery file
                if on_error is not None:
                    on_error(file_error_text(error))
                entry.release()
                continue
            open_document(document)
            problem = document.restored.problem if document.restored is not None else None
            if problem and on_error is not None:
                on_error(
                    QCoreApplication.translate(
                        "recovery",
                        "Part of the recovery journal could not be read, so the report is restored as it was"
                        " before that part.\n\n%1",
                    ).replace("%1", isolated(problem))
                )
            # The new session's autosaver has its own copy by now; this one is no longer needed.
            entry.discard()
            restored += 1
    finally:
        for entry in entries:
            entry.release()
    return restored


class WindowAutosave(QObject):
    """Keeps an Autosaver on whatever report a window has open.

    The window announces a new report with ``document_replaced``; the
    previous report's recovery copy is removed then (the window asked about
    its unsaved changes before replacing it). The copy is also removed when
    the window closes (it asked then too) and when the application quits
    normally. Only a crash leaves one behind.
    """

    # The recovery folder cannot be used (a RecoveryFolderError): autosave is off until another is chosen.
    unusable = Signal(object)

    def __init__(
        self,
        window: QObject,
        *,
        interval_ms: int = DEFAULT_AUTOSAVE_INTERVAL_MS,
        folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.interval_ms = interval_ms
        self.folder = folder
        self.saver: Autosaver | None = None
        # Why autosave is off, while its folder cannot be used (told once through ``unusable``).
        self.problem: RecoveryFolderError | None = None
        window.document_replaced.connect(self.follow)  # type: ignore[attr-defined]
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.close)
        self._closing = False
        window.installEventFilter(self)
        self.follow(window.document)  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop autosaving once the window has really closed: a Close the window accepted is followed by a Hide."""
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self._closing = True
            elif event.type() == QEvent.Type.Show:
                self._closing = False
                self.resume()
            elif event.type() == QEvent.Type.Hide and self._closing:
                self._closing = False
                self.close()
        return False

    def follow(self, document: ReportDocument) -> None:
        """Autosave ``document`` from now on, instead of the previous report."""
        if self.saver is not None:
            if self.saver.document is document:
                return
            self.saver.close()
            self.saver = None
        try:
            self.saver = Autosaver(
                document, folder=self.folder, interval_ms=self.interval_ms, where=self._where, parent=self
            )
        except RecoveryFolderError as error:
            # Never silently: the window says so at once and offers another folder (services.py).
            told = self.problem is not None and self.problem.folder == error.folder
            self.problem = error
            if not told:
                self.unusable.emit(error)
            return
        self.problem = None
        self.saver.failed.connect(self._tell_failure)

    def use_folder(self, folder: Path) -> None:
        """Keep recovery copies in ``folder`` from now on (the user chose it); the old copy is removed."""
        self.folder = Path(folder)
        self.problem = None
        if self.saver is not None:
            self.saver.close()
            self.saver = None
        self.follow(self.window.document)  # type: ignore[attr-defined]

    def _where(self) -> tuple[object, int] | None:
        """The part the window shows and the cursor in its body (0 elsewhere), for the journal."""
        window: Any = self.window
        part = window.outline.current_part()
        if part is None:
            return None
        editor = window.current_editor()
        position = editor.textCursor().position() if editor is not None and editor.owner is part else 0
        return (part, position)

    def _tell_failure(self, message: str) -> None:
        # In the status bar, not a dialog: typing goes on, and the next change tries again.
        status_bar = getattr(self.window, "statusBar", None)
        if callable(status_bar):
            text = self.tr("The recovery copy could not be saved: %1").replace("%1", message)
            status_bar().showMessage(text, 15000)

    def set_interval(self, interval_ms: int) -> None:
        """Change the autosave delay (the setting changed)."""
        self.interval_ms = interval_ms
        if self.saver is not None:
            self.saver.set_interval(interval_ms)

    def close(self) -> None:
        """Remove the recovery copy: the report was saved or its changes were discarded on purpose."""
        if self.saver is not None:
            self.saver.close()
            self.saver = None

    def resume(self) -> None:
        """Autosave again after ``close`` (the window was shown again)."""
        if self.saver is None:
            self.follow(self.window.document)  # type: ignore[attr-defined]
