"""The desktop window (PySide6); the only package that imports Qt."""

from __future__ import annotations

import gc
import importlib

#: What the window's first frame uses that needs no Qt, imported before PySide6 by ``prepare_start``.
WITHOUT_QT = (
    "minutes_editor.storage.minutes_file",
    "minutes_editor.model.language",
    "minutes_editor.storage.presets",
)


class _Start:
    """Whether ``prepare_start`` paused the collector (this process's start-up is under way)."""

    collector_paused = False


def prepare_start() -> None:
    """Get a fresh process ready to start the window; call it before anything imports PySide6.

    - The cyclic garbage collector pauses until the window is complete
      (``start_finished``). Start-up allocates a great many objects that live
      as long as the process (modules, classes, PySide6's enum types, the
      report) and makes few cycles: the collector's fifty-odd passes over
      them cost 8 ms of every start here, for nothing.
    - WITHOUT_QT is imported. PySide6 hooks every import made after it loads
      and reads each new module's source, looking for its ``__feature__``
      switches: the model, the storage and the standard modules the window
      needs are spared that.
    """
    if gc.isenabled():
        gc.disable()
        _Start.collector_paused = True
    for name in WITHOUT_QT:
        importlib.import_module(name)


def start_finished() -> None:
    """Resume the collector that ``prepare_start`` paused; otherwise do nothing.

    What start-up built is frozen first (``gc.freeze``): it stays for the
    life of the process, and later collections, which run while the user
    types, no longer walk through it.
    """
    if _Start.collector_paused:
        _Start.collector_paused = False
        gc.freeze()
        gc.enable()
