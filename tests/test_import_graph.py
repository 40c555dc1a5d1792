"""The import graph of minutes_editor: which way the imports go, and no cycle.

Every import counts, wherever it stands: at the top, inside a function (a
deferred import is still a dependency) or under ``TYPE_CHECKING`` (a
type-only import still ties two modules together). The graph is read from
the source with ``ast``; nothing is imported.

The rules (docs/architecture.md):
- only the window (``minutes_editor.gui``) imports Qt; only the window and
  the command line's way into it import the window;
- the model imports nothing of ours but the model and the shared errors and
  phrases: not storage, not the readers or writers, not the window;
- the reader of Word drafts (``importer``) and the writer (``export``) do not
  import each other: they meet in ``ooxml``, which imports neither (nor the window);
- co-editing (``collab``) imports neither the window nor the writer nor the reader;
- no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "minutes_editor"
NAME = "minutes_editor"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module ``name`` imports (ours and others'), wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            # "from minutes_editor.gui import ask" imports the module minutes_editor.gui.ask.
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


GRAPH = _graph()


def _ours(targets: set[str]) -> set[str]:
    return {target for target in targets if target in GRAPH and target != NAME}


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_only_the_window_imports_qt() -> None:
    offenders = {
        name: sorted(target for target in targets if target.split(".")[0] in {"PySide6", "shiboken6"})
        for name, targets in GRAPH.items()
        if _layer(name) != "gui"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_only_the_window_and_its_way_in_import_the_window() -> None:
    allowed = {"gui", "cli", "__main__"}
    offenders = {
        name: sorted(target for target in _ours(targets) if _layer(target) == "gui")
        for name, targets in GRAPH.items()
        if _layer(name) not in allowed
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_model_imports_only_the_model_and_the_shared_messages() -> None:
    allowed = {"model", "errors", "phrases"}
    offenders = {
        name: sorted(target for target in _ours(targets) if _layer(target) not in allowed)
        for name, targets in GRAPH.items()
        if _layer(name) == "model"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


#: Each layer, and the layers it must not import.
FORBIDDEN = {
    "export": {"importer"},
    "importer": {"export"},
    "ooxml": {"importer", "export", "gui"},
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_the_writer_and_the_reader_meet_only_in_ooxml(layer: str) -> None:
    offenders = {
        name: sorted(target for target in _ours(targets) if _layer(target) in FORBIDDEN[layer])
        for name, targets in GRAPH.items()
        if _layer(name) == layer
    }
    assert {name: found for name, found in offenders.items() if found} == {}


#: The layers co-editing (``collab``) must not import: it runs headless beside the window, never inside a writer.
COLLAB_FORBIDDEN = {"gui", "export", "importer"}


def test_co_editing_imports_neither_the_window_nor_the_writer_nor_the_reader() -> None:
    offenders = {
        name: sorted(target for target in _ours(targets) if _layer(target) in COLLAB_FORBIDDEN)
        for name, targets in GRAPH.items()
        if _layer(name) == "collab"
    }
    assert any(_layer(name) == "collab" for name in GRAPH)
    assert {name: found for name, found in offenders.items() if found} == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(target for target in graph[node] if target in graph and target not in {node, NAME}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []
