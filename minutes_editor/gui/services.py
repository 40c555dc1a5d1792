"""What a main window gets at start-up besides its widgets: interface language, remembered layout, autosave, recovery.

``app.main`` calls these in turn; they live here so the window itself stays
free of start-up policy and tests can build windows without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSplitter

from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.i18n import choose_language, supported_language
from minutes_editor.gui.recovery import WindowAutosave, offer_recovery
from minutes_editor.gui.settings import Settings, WindowLayoutKeeper


def startup_language(command_line_language: str, settings: Settings) -> str:
    """The interface language: ``--lang``, else $MINUTES_EDITOR_LANG, the setting, the system, English."""
    return supported_language(command_line_language) or choose_language(settings.interface_language())


@dataclass
class WindowServices:
    """The helpers attached to one main window (kept alive by the window, as Qt children)."""

    autosave: WindowAutosave
    layout: WindowLayoutKeeper


def attach_services(window: Any, settings: Settings, *, recovery_folder: Path | None = None) -> WindowServices:
    """Give ``window`` an autosave of whatever report it shows and a layout remembered between sessions."""
    autosave = WindowAutosave(window, interval_ms=settings.autosave_interval_ms(), folder=recovery_folder)
    splitter = getattr(window, "splitter", None)
    splitters = {"main-splitter": splitter} if isinstance(splitter, QSplitter) else {}
    layout = WindowLayoutKeeper(window, settings, splitters)
    return WindowServices(autosave, layout)


def offer_restore(window: Any, new_window: Callable[[], Any], *, recovery_folder: Path | None = None) -> int:
    """Offer the reports a crashed session left; show each restored one; returns how many were restored.

    A restored report takes the start-up window when that shows nothing
    unsaved and the same file (or no file); otherwise it gets a window of its own.
    """

    def open_document(document: ReportDocument) -> None:
        current: ReportDocument = window.document
        reusable = not current.is_modified and current.path in (None, document.path)
        target = window if reusable else new_window()
        target.set_document(document)
        target.show()
        target.raise_()

    def show_error(message: str) -> None:
        from minutes_editor.gui import ask

        ask.error(window, QCoreApplication.translate("services", "Cannot restore the report"), message)

    return offer_recovery(window, open_document, folder=recovery_folder, on_error=show_error)
