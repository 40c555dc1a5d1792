"""The recovery offer at start-up: the dialog listing the reports a crashed session left, and the offer loop.

The files and their autosaver are ``recovery.py``'s; this module only asks the user
(``RecoveryDialog``) and restores what was chosen (``offer_recovery``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    Qt,
)
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
from minutes_editor.gui.recovery import RecoveryEntry, find_recoverable, restore_document


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
