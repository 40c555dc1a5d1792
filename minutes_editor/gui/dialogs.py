"""The window's dialogs: New report, Keyboard shortcuts, the Ctrl+K name popup and the notes of a Word import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui import ask
from minutes_editor.gui.forms import child, load_form
from minutes_editor.gui.import_notes import note_text
from minutes_editor.gui.names import NameEntry
from minutes_editor.gui.shortcuts import CONTEXT, SHORTCUTS
from minutes_editor.model.report import Report, Section, SectionKind, Session
from minutes_editor.storage.presets import available_languages, load_preset

if TYPE_CHECKING:
    from collections.abc import Sequence

    from minutes_editor.importer import ImportNote


class Skeleton:
    """The section skeletons a new report can start from."""

    STANDARD = "standard"
    EMPTY = "empty"


def skeleton_sections(name: str) -> list[Section]:
    """The sections a new report starts with: the usual agenda, or none."""
    if name != Skeleton.STANDARD:
        return []
    return [
        Section(SectionKind.OBJECTIVES),
        Section(SectionKind.PARTICIPATION),
        Section(SectionKind.OPENING_REMARKS),
        Section(SectionKind.SETTING_THE_SCENE),
        Section(SectionKind.DISCUSSION, sessions=[Session("")]),
        Section(SectionKind.TAKEAWAYS, level=2),
    ]


@dataclass
class NewReportChoice:
    """What the New report dialog asked for."""

    language: str
    skeleton: str
    template: str

    def report(self) -> Report:
        """A new report as chosen, with the language's first status word."""
        report = Report(language=self.language, sections=skeleton_sections(self.skeleton), template=self.template)
        words = load_preset(self.language).status_words
        report.title.status = words[0] if words else ""
        return report


class NewReportDialog(QObject):
    """Pick the new report's language, section skeleton and Word template."""

    def __init__(self, parent: QWidget | None = None, language: str = "") -> None:
        super().__init__(parent)
        form = load_form("new_report", parent)
        if not isinstance(form, QDialog):
            raise TypeError("new_report.ui must be a dialog")
        self.dialog = form
        self.language = child(form, QComboBox, "language")
        self.skeleton = child(form, QComboBox, "skeleton")
        self.template = child(form, QLineEdit, "template")
        for code in available_languages():
            self.language.addItem(f"{load_preset(code).name} ({code})", code)
        if language:
            index = self.language.findData(language)
            if index >= 0:
                self.language.setCurrentIndex(index)
        self.skeleton.addItem(self.tr("The usual agenda (objectives, participation, … takeaways)"), Skeleton.STANDARD)
        self.skeleton.addItem(self.tr("Empty"), Skeleton.EMPTY)
        self.template.setPlaceholderText(self.tr("The standard template"))
        buttons = child(form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(form.accept)
        buttons.rejected.connect(form.reject)
        child(form, QPushButton, "browse").clicked.connect(self._browse)

    def _browse(self) -> None:
        path = ask.open_path(self.dialog, self.tr("Word template"), "", ask.DOCX_FILTER)
        if path is not None:
            self.template.setText(str(path))

    def choice(self) -> NewReportChoice:
        """What is chosen now."""
        return NewReportChoice(
            str(self.language.currentData()), str(self.skeleton.currentData()), self.template.text().strip()
        )

    @classmethod
    def get_choice(cls, parent: QWidget | None, language: str = "") -> tuple[NewReportChoice, bool]:
        """Run the dialog: the choice and whether the user accepted it."""
        dialog = cls(parent, language)
        accepted = dialog.dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.dialog.deleteLater()
        return choice, accepted


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    """Help > Keyboard shortcuts: the dialog, shown without blocking, deleted when closed."""
    dialog = ShortcutsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every shortcut of the window, from the one table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for entry in SHORTCUTS:
            row = self.table.rowCount()
            self.table.insertRow(row)
            keys = ", ".join(
                sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in entry.sequences()
            )
            texts = (QCoreApplication.translate(CONTEXT, entry.group), entry.label().replace("&", ""), keys)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 2:
                    # Key names read left to right in every interface language.
                    item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)


class QuickInsert(QFrame):
    """The Ctrl+K popup: type a few letters of a name, in either script, Enter inserts it."""

    #: The user picked a name to insert.
    chosen = Signal(str)

    def __init__(self, entries: list[NameEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quick_insert")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.entries = entries
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit()
        self.filter.setObjectName("quick_filter")
        self.filter.setPlaceholderText(self.tr("A few letters of a name…"))
        self.list = QListWidget()
        self.list.setObjectName("quick_list")
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self._refilter("")
        self.resize(360, 300)

    def _refilter(self, text: str) -> None:
        self.list.clear()
        for entry in self.entries:
            if entry.matches(text):
                item = QListWidgetItem(entry.name)
                item.setToolTip(", ".join(alias for alias in entry.aliases if alias))
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down and Enter in the filter field act on the list."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentItem())
                return True
        return False

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(item.text())
        self.close()

    def popup(self, position: QPoint) -> None:
        """Show the popup at a global position with the filter focused."""
        self.move(position)
        self.show()
        self.filter.setFocus()


class ImportNotesDialog(QDialog):
    """The list of what an import kept as text or left out (comments, tracked deletions, images, ...)."""

    def __init__(self, source: Path, notes: Sequence[ImportNote], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_notes_dialog")
        self.setWindowTitle(QCoreApplication.translate("DocxImport", "Notes on the imported document"))
        self.setModal(False)
        # The notes as shown and copied: in the interface's language, around the document's own words.
        self.notes = [note_text(note) for note in notes]
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "DocxImport",
                "“%1” was opened as a new report. Check these points against the Word document:"
                " they were kept as text, moved or left out.",
            ).replace("%1", source.name)
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("notes")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.addItems(self.notes)
        intro.setBuddy(self.list)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("DocxImport", "&Copy the list"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copy_notes")
        self.copy_button.clicked.connect(self.copy_notes)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def copy_notes(self) -> None:
        """Put every note on the clipboard, one a line (to paste into a message or the revision log)."""
        QGuiApplication.clipboard().setText("\n".join(self.notes))
