"""Settings persist per user in a file of their own and survive a restart of the application."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextEdit

from minutes_editor.gui.settings import (
    DEFAULT_AUTOSAVE_INTERVAL_MS,
    MAX_AUTOSAVE_INTERVAL_MS,
    MAX_RECENT_FILES,
    MIN_AUTOSAVE_INTERVAL_MS,
    Settings,
    WindowLayoutKeeper,
)


def reopened(settings: Settings) -> Settings:
    """The same settings as the next start of the application sees them."""
    settings.sync()
    return Settings(settings.file_name)


def test_a_fresh_settings_file_has_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.recent_files() == []
    assert settings.interface_language() == ""
    assert settings.autosave_interval_ms() == DEFAULT_AUTOSAVE_INTERVAL_MS
    assert settings.window_geometry() is None
    assert settings.window_state() is None


def test_recent_files_newest_first_without_repeats(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first, second = tmp_path / "a.minutes", tmp_path / "b.minutes"
    settings.add_recent_file(first)
    assert reopened(settings).recent_files() == [first]  # a one-item list survives the INI round trip
    settings.add_recent_file(second)
    settings.add_recent_file(first)
    assert reopened(settings).recent_files() == [first, second]
    settings.remove_recent_file(first)
    assert reopened(settings).recent_files() == [second]
    settings.clear_recent_files()
    assert reopened(settings).recent_files() == []


def test_reopening_the_latest_report_leaves_the_settings_file_alone(tmp_path: Path) -> None:
    # QSettings rewrites its file (and syncs it to disk twice) for any setValue, an unchanged value
    # too; the start on last time's report must not pay for that.
    settings = Settings(tmp_path / "settings.ini")
    report = tmp_path / "a.minutes"
    settings.add_recent_file(report)
    settings.sync()
    written = settings.file_name.stat()
    settings.add_recent_file(report)
    settings.sync()
    again = settings.file_name.stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    settings.add_recent_file(tmp_path / "b.minutes")  # a change is still written
    settings.sync()
    assert settings.file_name.stat().st_ino != written.st_ino
    assert reopened(settings).recent_files() == [tmp_path / "b.minutes", report]


def test_recent_files_keep_the_newest_ones(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    paths = [tmp_path / f"report-{index}.minutes" for index in range(MAX_RECENT_FILES + 3)]
    for path in paths:
        settings.add_recent_file(path)
    assert reopened(settings).recent_files() == list(reversed(paths))[:MAX_RECENT_FILES]


def test_recent_files_are_stored_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(tmp_path / "settings.ini")
    settings.add_recent_file(Path("relative.minutes"))
    assert reopened(settings).recent_files() == [tmp_path / "relative.minutes"]


def test_arabic_file_names_survive(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    path = tmp_path / "محضر عملية بودابست.minutes"
    settings.add_recent_file(path)
    assert reopened(settings).recent_files() == [path]


def test_window_geometry_and_state_restore_a_window(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter()
    splitter.addWidget(QTextEdit())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.setGeometry(QRect(40, 50, 640, 420))
    window.show()
    splitter.setSizes([100, 500])
    settings = Settings(tmp_path / "settings.ini")
    settings.set_window_geometry(window.saveGeometry())
    settings.set_window_state(window.saveState())
    settings.set_layout_state("editor-splitter", splitter.saveState())

    again = reopened(settings)
    other = QMainWindow()
    qtbot.addWidget(other)
    other_splitter = QSplitter()
    other_splitter.addWidget(QTextEdit())
    other_splitter.addWidget(QTextEdit())
    other.setCentralWidget(other_splitter)
    geometry = again.window_geometry()
    state = again.window_state()
    layout = again.layout_state("editor-splitter")
    assert geometry is not None
    assert state is not None
    assert layout is not None
    assert other.restoreGeometry(geometry)
    assert other.restoreState(state)
    assert other_splitter.restoreState(layout)
    other.show()
    assert other.size() == window.size()
    assert other_splitter.sizes() == splitter.sizes()
    assert again.layout_state("never-saved") is None


def test_interface_language(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set_interface_language("ar")
    assert reopened(settings).interface_language() == "ar"
    settings.set_interface_language("")
    assert reopened(settings).interface_language() == ""


def test_autosave_interval_stays_within_the_five_second_promise(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set_autosave_interval_ms(3000)
    assert reopened(settings).autosave_interval_ms() == 3000
    settings.set_autosave_interval_ms(60_000)
    assert reopened(settings).autosave_interval_ms() == MAX_AUTOSAVE_INTERVAL_MS
    settings.set_autosave_interval_ms(0)
    assert reopened(settings).autosave_interval_ms() == MIN_AUTOSAVE_INTERVAL_MS


def test_a_damaged_interval_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[autosave]\ninterval_ms=soon\n", encoding="utf-8")
    assert Settings(path).autosave_interval_ms() == DEFAULT_AUTOSAVE_INTERVAL_MS


def test_default_location_follows_the_user_config_folder(tmp_path: Path) -> None:
    # A fresh interpreter, because Qt reads XDG_CONFIG_HOME once per process.
    script = textwrap.dedent(
        """
        from pathlib import Path
        from minutes_editor.gui.settings import Settings
        settings = Settings()
        settings.add_recent_file(Path("/reports/x.minutes"))
        settings.sync()
        print(settings.file_name)
        """
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    file_name = Path(result.stdout.strip())
    assert file_name.is_relative_to(tmp_path / "config")
    assert file_name.is_file()
    assert Settings(file_name).recent_files() == [Path("/reports/x.minutes")]


def _window_with_splitter(qtbot) -> tuple[QMainWindow, QSplitter]:
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter()
    splitter.addWidget(QTextEdit())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    return window, splitter


def test_the_layout_keeper_saves_on_close_and_restores_at_the_next_start(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    window, splitter = _window_with_splitter(qtbot)
    WindowLayoutKeeper(window, settings, {"main": splitter})
    window.setGeometry(QRect(30, 40, 700, 500))
    window.show()
    splitter.setSizes([150, 550])
    sizes = splitter.sizes()
    window.close()

    again = reopened(settings)
    other, other_splitter = _window_with_splitter(qtbot)
    WindowLayoutKeeper(other, again, {"main": other_splitter})
    other.show()
    assert other.size() == window.size()
    assert other_splitter.sizes() == sizes
