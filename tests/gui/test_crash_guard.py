"""The crash guard's parts in one process: the box in the interface's language, the fault logs of dead processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from minutes_editor.gui import ask
from minutes_editor.gui.crash import collect_fault_logs, crash_reports_dir
from minutes_editor.gui.i18n import install_translations, remove_translations


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Everything you typed is safe"), ("ar", "كل ما كتبته في أمان")]
)
def test_the_error_box_says_where_the_text_is_in_the_interface_language(
    qtbot, tmp_path: Path, language: str, expected: str
) -> None:
    install_translations(language)
    try:
        box = ask.build_crashed(None, "RuntimeError: boom", tmp_path / "recovery", tmp_path / "crash.txt")
        qtbot.addWidget(box)
        assert expected in box.text()
        assert str(tmp_path / "recovery") in box.text()
        assert "RuntimeError: boom" in box.text()
        assert str(tmp_path / "crash.txt") in box.informativeText()
        names = {button.objectName() for button in box.buttons()}
        assert names == {"keep_working", "quit"}
        assert box.defaultButton().objectName() == "keep_working"  # Enter never quits by accident
        assert box.icon() == QMessageBox.Icon.Critical
    finally:
        remove_translations()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_fault_logs_of_dead_processes_become_crash_reports_and_empty_ones_go(tmp_path: Path) -> None:
    dead = _dead_pid()
    crashed = tmp_path / f"faults-{dead}-20261207T010000.log"
    crashed.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    killed = tmp_path / f"faults-{dead}-20261207T020000.log"
    killed.write_text("", encoding="utf-8")
    running = tmp_path / f"faults-{os.getpid()}-20261207T030000.log"
    running.write_text("", encoding="utf-8")

    [report] = collect_fault_logs(tmp_path)
    assert report.parent == crash_reports_dir(tmp_path)
    assert "Segmentation fault" in report.read_text(encoding="utf-8")
    assert not crashed.exists()
    assert not killed.exists()  # killed or the power went: nothing to tell, the journal speaks for it
    assert running.exists()  # a live process's log is left alone
