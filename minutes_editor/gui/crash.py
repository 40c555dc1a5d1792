"""After our own crash: every change on disk, the user told where their text is, and a restore offered next time.

``CrashGuard`` is installed once per process by ``app.main``:

- **An unhandled Python exception** (PySide6 reports one raised in a slot
  through ``sys.excepthook`` and goes on): the traceback goes to a crash
  report in the recovery folder, every open report's changes are written
  and synced (``Autosaver.write_everything``), and a box in the interface's
  language says what happened and where the text is. The user keeps working
  or quits; quitting keeps the recovery files, so the next start offers them.
- **A signal that ends the process politely** (SIGTERM at logout, SIGHUP when
  the terminal goes, SIGINT): the same writing, then the application quits
  keeping its recovery files. Qt's event loop runs in C, so the signal wakes
  it through a socket (``signal.set_wakeup_fd``) for Python to run the handler.
- **A fatal signal** (a segmentation fault, an abort) cannot run Python code:
  ``faulthandler`` writes the stack to this process's fault log, and the
  journal already holds everything typed up to a quarter of a second
  before. The next start finds the log, moves it among the crash reports,
  and the restore offer names it.

A process that ends normally removes its empty fault log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import os
import signal
import socket
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from minutes_editor.gui.recovery import Autosaver, recovery_dir

#: Signals after which the process ends with its recovery files kept (each that the platform has).
POLITE_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
_FAULT_PREFIX = "faults-"
_REPORTS = "crash-reports"


def crash_reports_dir(folder: Path | None = None) -> Path:
    """Where crash reports are kept: ``crash-reports/`` in the recovery folder."""
    return (Path(folder) if folder is not None else recovery_dir()) / _REPORTS


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is not ours to signal
    return True


def collect_fault_logs(folder: Path | None = None) -> list[Path]:
    """Fault logs that processes no longer running left with something in them, moved among the crash reports.

    Empty logs of dead processes (killed, or the power went) are removed. Returns the moved reports, newest first.
    """
    folder = Path(folder) if folder is not None else recovery_dir()
    reports: list[Path] = []
    for log in folder.glob(f"{_FAULT_PREFIX}*.log"):
        try:
            pid = int(log.stem.removeprefix(_FAULT_PREFIX).split("-")[0])
        except ValueError:
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        try:
            if log.stat().st_size == 0:
                log.unlink()
                continue
            target = crash_reports_dir(folder) / f"crash-{log.stem.removeprefix(_FAULT_PREFIX)}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            log.replace(target)
        except OSError:
            continue
        reports.append(target)
    reports.sort(key=lambda path: path.stat().st_mtime, reverse=True)
    return reports


class CrashGuard(QObject):
    """Catches what would end the process with unsaved typing and makes sure the typing is on disk first."""

    def __init__(
        self,
        savers: Callable[[], list[Autosaver]],
        *,
        folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.savers = savers
        self.folder = Path(folder) if folder is not None else recovery_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
        self.fault_log = self.folder / f"{_FAULT_PREFIX}{os.getpid()}-{stamp}.log"
        self._fault_stream: IO[str] | None = None
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_handlers: dict[int, Any] = {}
        self._wakeup: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._telling = False
        self._faulthandler_was_enabled = False
        # Crash reports this process has written: each gets a number of its own.
        self._reports_written = 0
        self.installed = False

    # ----------------------------------------------------------- installing

    def install(self) -> CrashGuard:
        """Take over ``sys.excepthook``, the polite signals and the fatal-signal log."""
        if self.installed:
            return self
        self.installed = True
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle_exception
        self._faulthandler_was_enabled = faulthandler.is_enabled()
        with contextlib.suppress(OSError):
            self._fault_stream = self.fault_log.open("w", encoding="utf-8")
            faulthandler.enable(file=self._fault_stream, all_threads=True)
        self._install_signals()
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.uninstall)
        return self

    def _install_signals(self) -> None:
        if not POLITE_SIGNALS:
            return
        try:
            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            signal.set_wakeup_fd(writer.fileno())
        except (OSError, ValueError):  # not the main thread, or no socket pair here
            return
        self._wakeup = (reader, writer)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain_wakeup)
        for number in POLITE_SIGNALS:
            self._previous_handlers[number] = signal.signal(number, self._on_signal)

    def _drain_wakeup(self, *_args: object) -> None:
        # Reading the byte is all: Python runs the signal's handler as soon as this Python code runs.
        if self._wakeup is not None:
            with contextlib.suppress(OSError):
                self._wakeup[0].recv(64)

    def uninstall(self) -> None:
        """Give back the hooks; a normal end removes the (empty) fault log."""
        if not self.installed:
            return
        self.installed = False
        if sys.excepthook == self.handle_exception:
            sys.excepthook = self._previous_hook or sys.__excepthook__
        for number, handler in self._previous_handlers.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(number, handler)
        self._previous_handlers = {}
        if self._wakeup is not None:
            with contextlib.suppress(OSError, ValueError):
                signal.set_wakeup_fd(-1)
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            for end in self._wakeup:
                end.close()
            self._wakeup = None
        if self._fault_stream is not None:
            faulthandler.disable()
            if self._faulthandler_was_enabled and sys.stderr is not None:
                faulthandler.enable()
            self._fault_stream.close()
            self._fault_stream = None
            with contextlib.suppress(OSError):
                if self.fault_log.stat().st_size == 0:
                    self.fault_log.unlink()

    # ------------------------------------------------------------- handling

    def write_everything(self) -> None:
        """Put every open report's changes on disk, whatever else is broken."""
        for saver in self.savers():
            with contextlib.suppress(Exception):  # one broken report must not keep the others from the disk
                saver.write_everything()

    def handle_exception(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """An exception nobody caught: write the typing, keep a report, tell the user."""
        if issubclass(kind, KeyboardInterrupt):
            self.quit_keeping_recovery(130)
            return
        self.write_everything()
        report = self._write_report(kind, error, trace)
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        if self._telling or QApplication.instance() is None:
            return  # an error while the box is open: it is in the report; one box at a time
        self._telling = True
        try:
            from minutes_editor.gui import ask

            summary = f"{kind.__name__}: {error}" if str(error) else kind.__name__
            if ask.crashed(QApplication.activeWindow(), summary, self.folder, report):
                self.quit_keeping_recovery(1)
        finally:
            self._telling = False

    def _write_report(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> Path | None:
        stamp = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
        path = crash_reports_dir(self.folder) / f"crash-{os.getpid()}-{stamp}-{self._reports_written + 1}.txt"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            text = "".join(traceback.format_exception(kind, error, trace))
            path.write_text(f"Minutes Editor, {stamp} UTC, process {os.getpid()}\n\n{text}", encoding="utf-8")
        except OSError:
            return None
        self._reports_written += 1
        return path

    def _on_signal(self, number: int, _frame: object) -> None:
        self.quit_keeping_recovery(128 + number)

    def quit_keeping_recovery(self, code: int) -> None:
        """End the application with every change written and the recovery files kept for the next start."""
        self.write_everything()
        for saver in self.savers():
            with contextlib.suppress(Exception):
                saver.detach()
        QCoreApplication.exit(code)


def install_crash_guard(savers: Callable[[], list[Autosaver]], folder: Path | None = None) -> CrashGuard:
    """Install the process's crash guard (``app.main`` does, once)."""
    application = QCoreApplication.instance()
    return CrashGuard(savers, folder=folder, parent=application).install()
