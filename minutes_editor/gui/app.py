"""Start the window: the QApplication, its interface language and direction, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import docx_import
from minutes_editor.gui.directions import is_rtl_language, set_layout_direction
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.i18n import choose_language, install_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.services import WindowServices, attach_services, offer_restore
from minutes_editor.gui.settings import Settings, set_application_identity
from minutes_editor.storage.minutes_file import ReportFileError


def _options(argv: list[str]) -> list[str]:
    """The options in ``argv``, which may start with a program name (sys.argv) or not (the CLI's extras)."""
    return argv[1:] if argv and not argv[0].startswith("-") else list(argv)


def interface_language(argv: list[str], setting: str = "") -> str:
    """The interface language: ``--lang`` as given, else i18n.choose_language (environment, setting, system).

    Read without argparse, whose parser costs a start about 3 ms; as argparse, the last ``--lang`` wins.
    """
    chosen = ""
    options = _options(argv)
    for index, option in enumerate(options):
        if option == "--lang" and index + 1 < len(options):
            chosen = options[index + 1]
        elif option.startswith("--lang="):
            chosen = option.partition("=")[2]
    return chosen or choose_language(setting)


def configure_application(app: QApplication, language: str) -> None:
    """Mirror the whole application for right-to-left interface languages (Arabic, Persian, Urdu)."""
    set_layout_direction(app, is_rtl_language(language))


def create_window(path: Path | None, language: str, settings: Settings | None = None) -> MainWindow:
    """A main window in ``language`` with ``path`` open (errors are shown, the window still opens)."""
    if path is not None and not docx_import.is_word_document(path):
        try:
            document = ReportDocument.open(path)
        except ReportFileError:
            pass  # the window opens empty and open_path shows the loader's message
        else:
            window = MainWindow(language, settings, document)
            window._add_recent(path)
            return window
    window = MainWindow(language, settings)
    if path is not None:
        window.open_path(path, check_saved=False)
    return window


def main(argv: list[str], path: Path | None) -> int:
    """Run the editor on ``path`` (or a new report) until its window closes; return the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["minutes-editor", *_options(argv)])
    app.setApplicationName("minutes-editor")
    app.setApplicationDisplayName("Minutes Editor")
    # Settings, translations, autosave and the recovery offer (services.py, recovery.py, i18n.py).
    set_application_identity()
    settings = Settings()
    language = interface_language(argv, settings.interface_language())
    install_translations(language)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Minutes Editor"))
    configure_application(app, language)
    windows: list[MainWindow] = []
    services: list[WindowServices] = []

    def new_window(path: Path | None = None) -> MainWindow:
        window = create_window(path, language, settings)
        services.append(attach_services(window, settings))
        windows.append(window)
        return window

    window = new_window(path)
    window.show()

    def after_paint() -> None:
        from minutes_editor.gui.crash import collect_fault_logs, install_crash_guard

        # From here on an error of ours writes every change and tells the user where their text is.
        install_crash_guard(lambda: [each.saver for each in services if each.saver is not None])
        reports = collect_fault_logs()
        offer_restore(
            window, new_window, recovery_folder=settings.recovery_folder(), crash_report=reports[0] if reports else None
        )

    window.run_after_first_paint(after_paint)
    return app.exec()


if __name__ == "__main__":
    arguments = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    sys.exit(main(sys.argv, Path(arguments[0]) if arguments else None))
