"""The cyclic garbage collector is paused around an export and an import, and always comes back."""

from __future__ import annotations

import copy
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_editor.collector import collector_paused
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations of the collections that run while the test does."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_the_collector_is_paused_inside_and_back_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed export")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_collection_runs_during_a_long_export_or_its_import(tmp_path: Path, collections: list[int]) -> None:
    example = load_report(example_path("ar"))
    long = copy.deepcopy(example)
    for _copy in range(30):
        long.sections.extend(copy.deepcopy(example.sections))
    gc.collect()
    collections.clear()
    # Work of the same kind with the collector on: it runs again and again (so the check below can fail).
    copies = [copy.deepcopy(section) for section in long.sections]
    assert len(collections) > 10
    del copies
    collections.clear()
    target = tmp_path / "long.docx"
    export_docx(long, target)
    result = import_docx(target)
    assert len(result.report.sections) == len(long.sections)
    # At most the one pass each that runs as the collector comes back on, and never a full one.
    assert len(collections) <= 2
    assert 2 not in collections
    assert gc.isenabled()
