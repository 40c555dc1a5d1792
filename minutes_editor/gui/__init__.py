"""The desktop window (PySide6); the only package that imports Qt."""

from __future__ import annotations

import importlib

#: What the window's first frame uses that needs no Qt, imported before PySide6 by ``load_without_qt``.
WITHOUT_QT = (
    "minutes_editor.storage.minutes_file",
    "minutes_editor.model.language",
    "xml.etree.ElementTree",
)


def load_without_qt() -> None:
    """Import WITHOUT_QT; call it before anything imports PySide6.

    PySide6 hooks every import made after it loads and reads each new module's
    source, looking for its ``__feature__`` switches: the model, the storage
    and the standard modules the window needs are spared that (a few
    milliseconds of every start).
    """
    for name in WITHOUT_QT:
        importlib.import_module(name)
