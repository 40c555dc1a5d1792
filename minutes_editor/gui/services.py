"""What a main window gets at start-up besides its widgets: interface language, remembered layout, autosave, recovery.

``app.main`` calls these in turn; they live here so the window itself stays
free of start-up policy and tests can build windows without them. The
layout and the Settings menu are there from the first frame; the autosave
starts just after the first paint (or when first asked for), which is
before anything can be typed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QSplitter

from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.i18n import SUPPORTED_LANGUAGES
from minutes_editor.gui.settings import Settings, WindowLayoutKeeper

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.gui.recovery import Autosaver, RecoveryFolderError
    from minutes_editor.gui.window_autosave import WindowAutosave
    from minutes_editor.model.report import Section, Session


#: The autosave delays the Settings menu offers, in seconds (all keep the 5-second promise).
AUTOSAVE_CHOICES_S = (1, 2, 3, 4)


class SettingsMenu(QObject):
    """The Settings menu: interface language (applied at the next start) and the autosave delay."""

    def __init__(self, view: EditorView, settings: Settings, services: WindowServices) -> None:
        window = view.as_window()
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.services = services
        self.menu = QMenu(self.tr("&Settings"), window)
        self.menu.setObjectName("settings_menu")
        language_menu = self.menu.addMenu(self.tr("Interface &language"))
        language_menu.setObjectName("language_menu")
        self.language_actions = QActionGroup(self)
        current = settings.interface_language()
        choices = [("", self.tr("As the system")), *SUPPORTED_LANGUAGES.items()]
        for code, name in choices:
            action = language_menu.addAction(name)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_actions.addAction(action)
        self.language_actions.triggered.connect(self._choose_language)
        autosave_menu = self.menu.addMenu(self.tr("&Autosave after a pause of"))
        autosave_menu.setObjectName("autosave_menu")
        self.autosave_actions = QActionGroup(self)
        # One string per choice: English and Arabic both name one and two differently from the rest.
        names = {1: self.tr("1 second"), 2: self.tr("2 seconds"), 3: self.tr("3 seconds"), 4: self.tr("4 seconds")}
        for seconds in AUTOSAVE_CHOICES_S:
            action = autosave_menu.addAction(names[seconds])
            action.setObjectName(f"autosave_{seconds}s")
            action.setCheckable(True)
            action.setChecked(seconds * 1000 == settings.autosave_interval_ms())
            action.setData(seconds * 1000)
            self.autosave_actions.addAction(action)
        self.autosave_actions.triggered.connect(self._choose_interval)
        self.recovery_folder_action = self.menu.addAction(self.tr("&Recovery folder…"))
        self.recovery_folder_action.setObjectName("recovery_folder")
        self.recovery_folder_action.triggered.connect(services.choose_recovery_folder)
        # Before Help, which stays last by convention.
        window.menuBar().insertMenu(view.registry.menu("help").menuAction(), self.menu)

    def _choose_language(self, action: QAction) -> None:
        self.settings.set_interface_language(str(action.data()))
        self.settings.sync()
        from minutes_editor.gui import ask

        ask.info(
            self.window,
            self.tr("Interface language"),
            self.tr("The interface will be in the chosen language the next time Minutes Editor starts."),
        )

    def _choose_interval(self, action: QAction) -> None:
        interval = int(action.data())
        self.settings.set_autosave_interval_ms(interval)
        self.services.autosave.set_interval(interval)


class WindowServices:
    """The helpers attached to one main window (kept alive by the window, as Qt children)."""

    def __init__(self, view: EditorView, settings: Settings, recovery_folder: Path | None) -> None:
        self.view = view
        self.window = window = view.as_window()
        self.settings = settings
        #: Where recovery copies go: as given, else as chosen in the settings, else the default (recovery_dir).
        self.recovery_folder = recovery_folder or settings.recovery_folder()
        # The main splitter (outline, editor, preview) of the window's form, ui/main_window.ui.
        splitter = window.findChild(QSplitter, "splitter")
        splitters = {"main-splitter": splitter} if isinstance(splitter, QSplitter) else {}
        self.layout = WindowLayoutKeeper(window, settings, splitters)
        self.menu = SettingsMenu(view, settings, self)
        self._autosave: WindowAutosave | None = None

    @property
    def saver(self) -> Autosaver | None:
        """The autosaver of the report shown now, if the autosave has started."""
        return self._autosave.saver if self._autosave is not None else None

    @property
    def autosave(self) -> WindowAutosave:
        """The autosave of whatever report the window shows (started on first use)."""
        if self._autosave is None:
            from minutes_editor.gui.window_autosave import WindowAutosave

            interval = self.settings.autosave_interval_ms()
            self._autosave = WindowAutosave(self.view, interval_ms=interval, folder=self.recovery_folder)
            self._autosave.unusable.connect(self._folder_unusable)
            if self._autosave.problem is not None:
                self._folder_unusable(self._autosave.problem)
        return self._autosave

    def start_autosave(self) -> None:
        """Start the autosave now, if it has not started yet (after the first paint)."""
        _ = self.autosave

    def _folder_unusable(self, error: RecoveryFolderError) -> None:
        # The recovery folder is a file, or one we may not write in: say so at once, in the interface's
        # language, and offer another folder; until then the status bar keeps saying autosave is off.
        from minutes_editor.gui import ask
        from minutes_editor.gui.directions import isolated

        status = QCoreApplication.translate("services", "Autosave is off: recovery copies cannot be kept in %1.")
        self.window.statusBar().showMessage(status.replace("%1", isolated(str(error.folder))))
        if ask.recovery_folder_unusable(self.window, error.folder, error.reason):
            self.choose_recovery_folder()

    def choose_recovery_folder(self) -> None:
        """Ask for a folder to keep recovery copies in, remember it, and autosave there from now on."""
        from minutes_editor.gui import ask

        title = QCoreApplication.translate("services", "Folder for recovery copies")
        start = self.recovery_folder.parent if self.recovery_folder is not None else Path.home()
        folder = ask.choose_folder(self.window, title, str(start))
        if folder is None:
            return
        self.recovery_folder = folder
        self.settings.set_recovery_folder(folder)
        self.settings.sync()
        self.window.statusBar().clearMessage()
        self.autosave.use_folder(folder)


def attach_services(view: EditorView, settings: Settings, *, recovery_folder: Path | None = None) -> WindowServices:
    """Give the window of ``view`` a remembered layout, a Settings menu and, once it has been painted, an autosave."""
    services = WindowServices(view, settings, recovery_folder)
    view.run_after_first_paint(services.start_autosave)
    return services


def offer_restore(
    view: EditorView,
    new_window: Callable[[], EditorView],
    *,
    recovery_folder: Path | None = None,
    crash_report: Path | None = None,
) -> int:
    """Offer the reports a crashed session left; show each restored one; returns how many were restored.

    A restored report takes the start-up window (``view``) when that shows
    nothing unsaved and the same file (or no file); otherwise it gets a window
    of its own (``new_window``).
    """
    window = view.as_window()

    def open_document(document: ReportDocument) -> None:
        current = view.session.document
        reusable = not current.is_modified and current.path in (None, document.path)
        target = view if reusable else new_window()
        target.session.set_document(document)
        shown = target.as_window()
        shown.show()
        shown.raise_()
        if document.restored is not None and document.restored.where is not None:
            show_place(target, document.restored.where)

    def show_error(message: str) -> None:
        from minutes_editor.gui import ask

        ask.error(window, QCoreApplication.translate("services", "Cannot restore the report"), message)

    from minutes_editor.gui.recovery_offer import offer_recovery

    return offer_recovery(window, open_document, folder=recovery_folder, on_error=show_error, crash_report=crash_report)


def show_place(view: EditorView, place: tuple[int, int | None, int]) -> None:
    """Show the part at ``place`` (section index, -1 for the title block; session index or None; cursor)."""
    section_index, session_index, position = place
    report = view.session.document.report
    if not 0 <= section_index < len(report.sections):
        view.outline.select(report.title)
        view.title_page.meeting.setFocus()
        return
    section = report.sections[section_index]
    part: Section | Session = section
    if session_index is not None and 0 <= session_index < len(section.sessions):
        part = section.sessions[session_index]
    view.outline.select(part)
    editor = view.current_editor()
    if editor is None or editor.owner is not part:
        return
    cursor = editor.textCursor()
    cursor.setPosition(min(position, editor.document().characterCount() - 1))
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    editor.setFocus()
