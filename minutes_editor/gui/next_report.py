"""File > New report from previous…: the next meeting's report, started from the previous meeting's .minutes.

It asks about unsaved changes as Open does, then for the previous report,
and opens as a new unsaved report what ``model.carry_over.next_report``
makes of it (its title block without date and times, its sections empty, its
participants, its open action items), through the session, as File >
Compare with… opens its result. An unreadable file is said as File > Open
says it, and the open report stays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from minutes_editor.gui import ask
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.file_errors import file_error_text

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView

# How long the status bar says what the report was started from (ms).
MESSAGE_MS = 6000


class NextReportPart(QObject):
    """File > New report from previous… of one window."""

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.action = QAction(window)  # not QAction(text, parent): see ActionRegistry.create
        self.action.setObjectName("action_new_from_previous")
        self.action.setText(self.tr("New report from pre&vious…"))
        self.action.setStatusTip(
            self.tr("Start the next meeting's report: the previous one's title, participants and open action items")
        )
        self.action.triggered.connect(lambda _checked=False: self.choose_previous())
        registry = view.registry
        registry.add("new_from_previous", self.action)
        menu = registry.menu("file")
        listed = menu.actions()
        after = registry["new"]
        if after in listed and listed.index(after) + 1 < len(listed):
            menu.insertAction(listed[listed.index(after) + 1], self.action)
        else:
            menu.addAction(self.action)

    def choose_previous(self) -> bool:
        """Ask about unsaved changes, then for the previous report, and start the next one from it."""
        session = self.view.session
        if not session.maybe_save():
            return False
        known = session.document.path
        folder = str(known.parent) if known is not None else ""
        path = ask.open_path(
            self.view.as_window(),
            self.tr("The previous meeting's report"),
            folder,
            ask.MINUTES_FILTER,  # ask.open_path translates it
        )
        return self.start_from(path) if path is not None else False

    def start_from(self, path: Path) -> bool:
        """Open, as a new unsaved report, the next meeting's report started from ``path``; False if unreadable."""
        from minutes_editor.model.carry_over import next_report
        from minutes_editor.storage.minutes_file import ReportFileError, load_report
        from minutes_editor.storage.presets import load_preset

        path = Path(path)
        try:
            previous = load_report(path)
        except ReportFileError as error:
            ask.error(
                self.view.as_window(),
                self.tr("Cannot read the previous report"),
                file_error_text(error),
                self.tr("The open report was not changed."),
            )
            return False
        report = next_report(
            previous,
            now=dt.datetime.now(dt.UTC).replace(microsecond=0),
            draft_status=load_preset(previous.language).draft_status,
        )
        document = ReportDocument(report)
        # A new report with no file yet: shown modified, and closing or opening another asks first.
        document.undo_stack.resetClean()
        session = self.view.session
        session.set_document(document)
        carried = sum(1 for _block in report.all_blocks())
        session.message.emit(
            self.tr("Started from “%1”: %n open action item(s) carried over.", "", carried).replace("%1", path.name),
            MESSAGE_MS,
        )
        return True
