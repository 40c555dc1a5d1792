"""Every question and error the window puts to the user, in one module that tests replace.

Each function builds its box with a ``build_*`` helper (so tests can open and
inspect the box without running it) and then runs it. Tests monkeypatch the
public functions (``ask.unsaved_changes = lambda *a: "discard"``). The
message box and file dialog classes are loaded when a question is first
asked, not with the window's first frame.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from minutes_editor.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# Marked for lupdate; open_path and save_path translate them.
MINUTES_FILTER = QT_TRANSLATE_NOOP("ask", "Minutes Editor reports (*.minutes)")
DOCX_FILTER = QT_TRANSLATE_NOOP("ask", "Word documents (*.docx)")
PDF_FILTER = QT_TRANSLATE_NOOP("ask", "PDF/A documents (*.pdf)")


class UnsavedChoice(StrEnum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ExportChoice(StrEnum):
    """What to do after an export."""

    OPEN_FILE = "open_file"
    OPEN_FOLDER = "open_folder"
    CLOSE = "close"


def build_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    detail: str = "",
    buttons: QMessageBox.StandardButton | None = None,
) -> QMessageBox:
    """A message box with the window's title, a main text, optional detail and buttons (OK by default)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, buttons or QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    return box


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the user something went wrong."""
    from PySide6.QtWidgets import QMessageBox

    build_message(parent, QMessageBox.Icon.Warning, title, text, detail=detail).exec()


def info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the user something worth knowing."""
    from PySide6.QtWidgets import QMessageBox

    build_message(parent, QMessageBox.Icon.Information, title, text, detail=detail).exec()


def confirm(parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
    """Ask a yes/no question; No is the default."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = build_message(parent, QMessageBox.Icon.Question, title, text, detail=detail, buttons=buttons)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def build_unsaved_changes(parent: QWidget | None, name: str) -> QMessageBox:
    """The box asking whether to save a report before closing it."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    box = build_message(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ask", "Unsaved changes"),
        QCoreApplication.translate("ask", "Save the changes to “%1” before closing?").replace("%1", name),
        detail=QCoreApplication.translate("ask", "Your changes will be lost if you don't save them."),
        buttons=buttons,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return box


def unsaved_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    """Ask whether to save, discard or keep editing a modified report."""
    from PySide6.QtWidgets import QMessageBox

    answer = build_unsaved_changes(parent, name).exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def build_after_export(parent: QWidget | None, path: Path, warnings: list[str]) -> QMessageBox:
    """The box shown after an export, offering to open the file or its folder."""
    from PySide6.QtWidgets import QMessageBox

    box = build_message(
        parent,
        QMessageBox.Icon.Information if not warnings else QMessageBox.Icon.Warning,
        QCoreApplication.translate("ask", "Export finished"),
        QCoreApplication.translate("ask", "The report was exported to “%1”.").replace("%1", str(path)),
        detail="\n".join(warnings),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    open_file = box.addButton(QCoreApplication.translate("ask", "Open file"), QMessageBox.ButtonRole.AcceptRole)
    open_file.setObjectName("open_file")
    open_folder = box.addButton(QCoreApplication.translate("ask", "Open folder"), QMessageBox.ButtonRole.ActionRole)
    open_folder.setObjectName("open_folder")
    return box


def after_export(parent: QWidget | None, path: Path, warnings: list[str]) -> ExportChoice:
    """Say the export is done and ask whether to open the file or its folder."""
    box = build_after_export(parent, path, warnings)
    box.exec()
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    if name == "open_file":
        return ExportChoice.OPEN_FILE
    if name == "open_folder":
        return ExportChoice.OPEN_FOLDER
    return ExportChoice.CLOSE


def open_path(parent: QWidget | None, title: str, directory: str, name_filter: str) -> Path | None:
    """Ask for an existing file to open; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    name_filter = QCoreApplication.translate("ask", name_filter)
    name, _selected = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
    return Path(name) if name else None


def save_path(parent: QWidget | None, title: str, suggestion: str, name_filter: str | tuple[str, ...]) -> Path | None:
    """Ask where to save a file (``name_filter``: one filter or several to choose from); None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    filters = (name_filter,) if isinstance(name_filter, str) else name_filter
    name_filter = ";;".join(QCoreApplication.translate("ask", item) for item in filters)
    name, _selected = QFileDialog.getSaveFileName(parent, title, suggestion, name_filter)
    return Path(name) if name else None


def build_recovery_folder_unusable(parent: QWidget | None, folder: Path, reason: str) -> QMessageBox:
    """The box saying autosave is off because its folder cannot be used, offering to choose another."""
    from PySide6.QtWidgets import QMessageBox

    from minutes_editor.gui.directions import isolated

    box = build_message(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ask", "Autosave is off"),
        QCoreApplication.translate(
            "ask",
            "Recovery copies of your work cannot be kept in “%1”, so autosave is off:"
            " a crash now would lose what you type.",
        ).replace("%1", isolated(str(folder))),
        detail=QCoreApplication.translate("ask", "Choose another folder to turn autosave on again.\n\n%1").replace(
            "%1", isolated(reason)
        ),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ignore)
    box.button(QMessageBox.StandardButton.Ignore).setText(QCoreApplication.translate("ask", "Go on without autosave"))
    choose = box.addButton(QCoreApplication.translate("ask", "Choose a folder…"), QMessageBox.ButtonRole.AcceptRole)
    choose.setObjectName("choose_folder")
    box.setDefaultButton(choose)
    return box


def recovery_folder_unusable(parent: QWidget | None, folder: Path, reason: str) -> bool:
    """Say autosave is off because ``folder`` cannot be used (``reason``); True when the user chose another folder."""
    box = build_recovery_folder_unusable(parent, folder, reason)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "choose_folder"


def choose_folder(parent: QWidget | None, title: str, directory: str) -> Path | None:
    """Ask for a folder; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, directory)
    return Path(name) if name else None


def build_crashed(parent: QWidget | None, error_text: str, where: Path, log: Path | None) -> QMessageBox:
    """The box telling that an error of ours happened, that the text is safe, and where it is."""
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate(
        "ask",
        "Something went wrong inside Minutes Editor (%1).\n\nEverything you typed is safe: it was written to the "
        "recovery files in %2. Go on working, or quit: the next time Minutes Editor starts, it offers to restore "
        "your report.",
    )
    from minutes_editor.gui.directions import isolated

    text = text.replace("%1", isolated(error_text)).replace("%2", isolated(str(where)))
    box = build_message(
        parent, QMessageBox.Icon.Critical, QCoreApplication.translate("ask", "Minutes Editor met an error"), text
    )
    if log is not None:
        box.setInformativeText(
            QCoreApplication.translate("ask", "The details are in %1.").replace("%1", isolated(str(log)))
        )
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    keep = box.addButton(QCoreApplication.translate("ask", "&Keep working"), QMessageBox.ButtonRole.AcceptRole)
    keep.setObjectName("keep_working")
    quit_button = box.addButton(QCoreApplication.translate("ask", "&Quit"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button.setObjectName("quit")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def crashed(parent: QWidget | None, error_text: str, where: Path, log: Path | None) -> bool:
    """Tell the user about an error of ours; True if they chose to quit."""
    box = build_crashed(parent, error_text, where, log)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "quit"
