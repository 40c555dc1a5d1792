"""Start-up in two steps: the first frame shows the report with little loaded, the rest follows at once.

Each case starts a fresh interpreter (as ``minutes-editor REPORT`` does): what
is loaded before the first paint can only be seen in a process that has not
loaded it yet, and pytest-qt's own set-up loads PySide6's Qt namespace.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset
from tests.support.examples import example_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_path("ar")

PROBE = r"""
import gc, json, sys
from pathlib import Path

from minutes_editor.gui import prepare_start

prepare_start()  # as minutes_editor.cli does

import PySide6.QtCore as QtCore
import PySide6.QtGui as QtGui
import PySide6.QtWidgets as QtWidgets
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.gui.i18n import install_translations

install_translations(sys.argv[2])
configure_application(app, sys.argv[2])
window = create_window(Path(sys.argv[1]), sys.argv[2])


def first_frame():
    # Recorded as the first paint ends, before the work that waits for it can run.
    print(json.dumps({
        "qt_namespace": "Qt" in QtCore.__dict__,
        "loaded": sorted(name for name in ("babel", "docx", "lxml", "enchant", "hashlib") if name in sys.modules),
        "complete": window.is_complete,
        "rows": [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())],
        "title": window.windowTitle(),
        "meeting": window.title_page.meeting.text(),
        "rtl": window.isRightToLeft(),
        "collecting": gc.isenabled(),
        "menus": [action.text() for action in window.menuBar().actions()],
        "keys_made": "QKeySequence" in vars(QtGui),
        "size_policy_made": "QSizePolicy" in vars(QtWidgets),
    }), flush=True)
    window.preview_refreshed.connect(everything)


def everything():
    print(json.dumps({
        "complete": window.is_complete,
        "preview": window.preview.toPlainText(),
        "date_line": window.title_page.date_line.text(),
        "pages": [window.editor_stack.widget(i).objectName() for i in range(window.editor_stack.count())],
        "collecting": gc.isenabled(),
        "frozen": gc.get_freeze_count(),
        "save_keys": [keys.toString() for keys in window.actions_by_name["save"].shortcuts()],
        "file_menu": [action.objectName() for action in window.file_menu.actions() if action.objectName()],
    }), flush=True)
    app.quit()


window.first_painted.connect(first_frame)
window.show()
app.exec()
"""


def start(tmp_path: Path, interface: str) -> tuple[dict[str, object], dict[str, object]]:
    """Start the window on the Arabic example; what the first frame and the completed window showed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE), interface],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(lines) == 2, result.stderr[-3000:]
    return json.loads(lines[0]), json.loads(lines[1])


@pytest.mark.parametrize("interface", ["en", "ar"])
def test_the_first_frame_shows_the_report_before_the_rest_is_built(tmp_path: Path, interface: str) -> None:
    report = load_report(EXAMPLE)
    first, done = start(tmp_path, interface)
    # The report is there at first sight: its outline, its file in the title, its title block.
    rows = first["rows"]
    assert isinstance(rows, list)
    assert len(rows) == 1 + len(report.sections)
    assert rows[0] == report.title.meeting
    assert rows[1].startswith("1. ")
    assert "budapest-process-2021-10-14.ar.minutes" in str(first["title"])
    assert first["meeting"] == report.title.meeting
    assert first["rtl"] is (interface == "ar")
    # ... with none of what only later steps need: PySide6's Qt namespace (about 40 ms), Babel's CLDR
    # data, python-docx, lxml, the spell checker, OpenSSL (hashlib); the section and session pages not built yet.
    assert first["qt_namespace"] is False
    # The menu bar's titles are there; the menus' items and the actions' keys come right after (no one can
    # have opened a menu yet), sparing the first frame PySide6's QKeySequence type.
    assert len(first["menus"]) >= 6
    assert first["keys_made"] is False
    # Qt's loader makes the forms' spacers and sets their enum properties in C++, sparing the first frame
    # PySide6's QSizePolicy type and its enums (and the Qt namespace, above).
    assert first["size_policy_made"] is False
    assert done["save_keys"] == ["Ctrl+S"]
    assert done["file_menu"][:4] == ["action_new", "action_new_from_previous", "action_open", "action_import_docx"]
    assert first["loaded"] == []
    assert first["complete"] is False
    # The garbage collector waits for the end of start-up, then leaves what start-up built alone.
    assert first["collecting"] is False
    assert done["collecting"] is True
    assert isinstance(done["frozen"], int)
    assert done["frozen"] > 10_000
    # Right after, the rest: every page, the preview of the whole report, the date line in CLDR words.
    assert done["complete"] is True
    assert done["pages"] == ["title_page", "section_page", "session_page"]
    assert report.title.meeting in str(done["preview"])
    assert "كوسوفو" in str(done["preview"])
    assert done["date_line"] == load_preset(report.language).date_line_text(report.title)
    assert "تشرين الأول" in str(done["date_line"])
