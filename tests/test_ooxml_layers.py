"""One OOXML layer: the .docx writer and reader meet only in minutes_editor.ooxml, which imports neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "minutes_editor"
#: Each package, and the packages it must not import.
FORBIDDEN = {
    "export": ("minutes_editor.importer",),
    "importer": ("minutes_editor.export",),
    "ooxml": ("minutes_editor.importer", "minutes_editor.export", "minutes_editor.gui"),
}


def imported(path: Path) -> set[str]:
    """The modules a source file imports, absolute names."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layers_meet_only_in_ooxml(package: str) -> None:
    wrong = [
        (path.name, name)
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for name in sorted(imported(path))
        if name.startswith(FORBIDDEN[package])
    ]
    assert wrong == []
