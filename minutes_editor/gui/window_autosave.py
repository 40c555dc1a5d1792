"""The window's autosave: an ``Autosaver`` (recovery.py) kept on whatever report the window has open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Signal,
)

from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.recovery import Autosaver, RecoveryFolderError
from minutes_editor.gui.settings import DEFAULT_AUTOSAVE_INTERVAL_MS

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView


class WindowAutosave(QObject):
    """Keeps an Autosaver on whatever report a window has open.

    The window's document session announces a new report with
    ``document_replaced``; the previous report's recovery copy is removed then
    (the session asked about its unsaved changes before replacing it). The copy is also removed when
    the window closes (it asked then too) and when the application quits
    normally. Only a crash leaves one behind.
    """

    # The recovery folder cannot be used (a RecoveryFolderError): autosave is off until another is chosen.
    unusable = Signal(object)

    def __init__(
        self,
        view: EditorView,
        *,
        interval_ms: int = DEFAULT_AUTOSAVE_INTERVAL_MS,
        folder: Path | None = None,
    ) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.window = window
        self.interval_ms = interval_ms
        self.folder = folder
        self.saver: Autosaver | None = None
        # Why autosave is off, while its folder cannot be used (told once through ``unusable``).
        self.problem: RecoveryFolderError | None = None
        view.session.document_replaced.connect(self.follow)
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.close)
        self._closing = False
        window.installEventFilter(self)
        self.follow(view.session.document)

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
        self.follow(self.view.session.document)

    def _where(self) -> tuple[object, int] | None:
        """The part the window shows and the cursor in its body (0 elsewhere), for the journal."""
        part = self.view.outline.current_part()
        if part is None:
            return None
        editor = self.view.current_editor()
        position = editor.textCursor().position() if editor is not None and editor.owner is part else 0
        return (part, position)

    def _tell_failure(self, message: str) -> None:
        # In the status bar, not a dialog: typing goes on, and the next change tries again.
        text = self.tr("The recovery copy could not be saved: %1").replace("%1", message)
        self.window.statusBar().showMessage(text, 15000)

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
            self.follow(self.view.session.document)
