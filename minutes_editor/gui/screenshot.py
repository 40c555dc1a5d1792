"""Screenshots of the main window for the documentation.

``python -m minutes_editor.gui.screenshot OUT.png LANG [REPORT.minutes]``

Opens the Arabic example in the given interface language, selects the part
that shows the most (the setting-the-scene section: bullets, a lead-in label,
emphasis and the Kosovo footnote beside the body) and saves the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.paths import examples_dir

EXAMPLE = "budapest-process-2021-10-14.ar.minutes"
SECTION_SHOWN = 3


def grab_main_window(target: Path, language: str, report: Path | None = None, width: int = 1400) -> Path:
    """Save a picture of the main window with ``report`` open in interface ``language``."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    configure_application(app, language)
    from minutes_editor.gui.i18n import install_translations

    install_translations(language)
    window = create_window(report or examples_dir() / EXAMPLE, language)
    window.resize(width, int(width * 0.6))
    window.show()
    sections = window.report.sections
    if len(sections) > SECTION_SHOWN:
        window.outline.select(sections[SECTION_SHOWN])
    window.refresh_preview()
    app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise OSError(f"cannot save {target}")
    window.document.undo_stack.setClean()
    window.close()
    return target


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    print(grab_main_window(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en", report))
