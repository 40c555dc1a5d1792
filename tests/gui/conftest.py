"""Shared set-up of the window tests: offscreen Qt, settings and config folders in a temporary place."""

from __future__ import annotations

import os

# Must be set before QApplication exists; pytest-qt creates it lazily on first use.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QSettings and QStandardPaths at a fresh folder, so no test sees the user's files or another test's."""
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    # Test mode puts QStandardPaths under $HOME/.qttest, so HOME moves too.
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("MINUTES_EDITOR_LANG", raising=False)
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / "settings"))
    return home


def _type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, Arabic included.

    QTest.keyClicks only maps ASCII characters to keys (others hit an assertion
    in Qt), so other characters are sent as the key events a keyboard layout
    produces: a key press and release carrying the character as text.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii() and char.isprintable():
            QTest.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the Arabic example report to open, change and save."""
    import shutil

    from tests.support.examples import example_path

    source = example_path("ar")
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def type_text():
    """A function typing text into a widget, any script."""
    return _type_text
