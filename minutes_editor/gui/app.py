"""Start the window: the QApplication, its interface language and direction, and the main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from minutes_editor.gui.main_window import MainWindow, interface_direction

LANGUAGE_ENV = "MINUTES_EDITOR_LANG"
INTERFACE_LANGUAGES = ("en", "ar")


def interface_language(argv: list[str]) -> str:
    """The interface language: ``--lang``, else $MINUTES_EDITOR_LANG, else the system's if shipped, else English."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--lang")
    known, _rest = parser.parse_known_args(argv[1:])
    chosen = known.lang or os.environ.get(LANGUAGE_ENV, "")
    if not chosen:
        system = QLocale.system().name().split("_", 1)[0]
        chosen = system if system in INTERFACE_LANGUAGES else "en"
    return chosen


def configure_application(app: QApplication, language: str) -> None:
    """Mirror the whole application for right-to-left interface languages (Arabic, Persian, Urdu)."""
    app.setLayoutDirection(interface_direction(language))


def create_window(path: Path | None, language: str) -> MainWindow:
    """A main window in ``language`` with ``path`` open (errors are shown, the window still opens)."""
    window = MainWindow(language)
    if path is not None:
        window.open_path(path, check_saved=False)
    return window


def main(argv: list[str], path: Path | None) -> int:
    """Run the editor on ``path`` (or a new report) until its window closes; return the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("minutes-editor")
    app.setApplicationDisplayName("Minutes Editor")
    language = interface_language(argv)
    configure_application(app, language)
    window = create_window(path, language)
    window.show()
    return app.exec()


if __name__ == "__main__":
    arguments = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    sys.exit(main(sys.argv, Path(arguments[0]) if arguments else None))
