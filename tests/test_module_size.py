"""No module of the window over 600 lines: a window made of parts, not one file that does everything."""

from __future__ import annotations

from pathlib import Path

GUI = Path(__file__).resolve().parents[1] / "minutes_editor" / "gui"
MAX_LINES = 600


def test_no_gui_module_is_over_600_lines() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in sorted(GUI.rglob("*.py"))}
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}
