"""Layout direction and other enum-typed Qt properties, set by their key names.

PySide6 builds its ``Qt`` namespace the first time anything uses it: 93
Python enums, about 40 ms on Python 3.11, a fifth of what a bare Qt window
takes to start. The window's first frame (app.py, the main window's shell,
the outline, the title page) sets enum-typed properties by their C++ key
names through Qt's property system instead, as Designer forms do, so the
report is on screen before that cost is paid. Code that runs after the
first paint uses ``Qt`` freely. tests/gui/test_startup.py checks the rule.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from minutes_editor.model.report import Direction, direction_of


def is_rtl_language(tag: str) -> bool:
    """Whether a language tag ("ar", "fa-IR", "ur_PK") is written right to left (an interface in it mirrors)."""
    return direction_of(tag.replace("_", "-")) is Direction.RTL


def set_enum_property(target: QObject, name: str, keys: str) -> None:
    """Set the enum (or flags, "AlignLeft|AlignVCenter") property ``name`` of ``target`` by its key names."""
    if not target.setProperty(name, keys):
        raise ValueError(f"{type(target).__name__} has no property {name!r} that takes {keys!r}")


def set_layout_direction(target: QObject, rtl: bool) -> None:
    """Lay out a widget (or the whole application) right to left or left to right."""
    set_enum_property(target, "layoutDirection", "RightToLeft" if rtl else "LeftToRight")


def follow_direction(target: QObject, direction: Direction) -> None:
    """Lay out a widget in a report's writing direction."""
    set_layout_direction(target, direction is Direction.RTL)


def isolated(text: str) -> str:
    """``text`` (a path, an English error) set apart from the sentence around it, left to right.

    Without the isolates (U+2066 LEFT-TO-RIGHT ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE) the bidi
    algorithm mixes a path's slashes and dots with the Arabic around it: "/root/.local" shows as
    "root/.local/" at the line's other end.
    """
    return f"\u2066{text}\u2069"
