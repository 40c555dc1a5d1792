"""Loading the Qt Designer forms of ``ui/`` at run time (they ship in the wheel under _data/ui)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from minutes_editor.paths import ui_dir

_W = TypeVar("_W", bound=QWidget)
_LOADERS: list[QUiLoader] = []


def _loader() -> QUiLoader:
    # One loader for every form: making one scans for Designer plugins each time.
    if not _LOADERS:
        _LOADERS.append(QUiLoader())
    return _LOADERS[0]


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget of ``ui/NAME.ui``; its texts go through the translator under the form's class name."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open the form {path}: {file.errorString()}")
    try:
        widget = _loader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise ValueError(f"cannot load the form {path}")
    return widget


def child(form: QWidget, kind: type[_W], name: str) -> _W:
    """The child widget ``name`` of a loaded form; a missing one is a bug in the form."""
    widget = form.findChild(kind, name)
    if widget is None:
        raise LookupError(f"the form {form.objectName()} has no {kind.__name__} named {name!r}")
    return widget
