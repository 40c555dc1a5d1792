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
the first; ``recovery_offer.RecoveryDialog`` shows which report and when it was saved, and
``restore_document`` opens it marked modified and linked to its original file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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
    QLockFile,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.settings import DEFAULT_AUTOSAVE_INTERVAL_MS, set_application_identity
from minutes_editor.model.report import Report
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes, remove_leftovers
from minutes_editor.storage.encoder import ParagraphJson, recovery_bytes
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.journal import SUFFIX as JOURNAL_SUFFIX
from minutes_editor.storage.journal import JournalFile, JournalRecorder, journal_header
from minutes_editor.storage.journal_replay import Replay, read_recovery
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
