"""Where the application's assets live, in a source checkout and in an installed wheel.

The top-level ``templates/``, ``ui/`` and ``resources/`` folders of the
repository are copied into the wheel under ``minutes_editor/_data/`` (see
``pyproject.toml``); this module is the one place that knows both layouts.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSTALLED = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent


def _asset_root() -> Path:
    if (_INSTALLED / "templates").is_dir():
        return _INSTALLED
    return _CHECKOUT


def templates_dir() -> Path:
    """Folder of .docx templates and language presets."""
    return _asset_root() / "templates"


def languages_dir() -> Path:
    """Folder of per-language preset files (``XX.json``)."""
    return templates_dir() / "languages"


def default_template() -> Path:
    """The .docx template used when a report names none."""
    return templates_dir() / "report.docx"


def ui_dir() -> Path:
    """Folder of Qt Designer forms."""
    return _asset_root() / "ui"


def resources_dir() -> Path:
    """Folder of icons, translations and data files for the window."""
    return _asset_root() / "resources"


def examples_dir() -> Path:
    """Folder of example reports (in a checkout; the wheel ships them under _data)."""
    return _asset_root() / "examples"
