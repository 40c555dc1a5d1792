"""A draft saved with Track Changes on says so (``ImportResult.track_changes``): the window goes on tracking."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from minutes_editor.importer import import_docx


@pytest.mark.parametrize(
    ("value", "tracks"),
    [(None, False), ("", True), ("true", True), ("1", True), ("on", True), ("false", False), ("0", False)],
)
def test_the_settings_track_revisions_switch_is_read(tmp_path: Path, value: str | None, tracks: bool) -> None:
    document = docx.Document()
    document.add_heading("Meeting objectives", level=1)
    document.add_paragraph("Agree the agenda.")
    if value is not None:
        element = document.settings.element.makeelement(qn("w:trackRevisions"), {})
        if value:
            element.set(qn("w:val"), value)
        document.settings.element.append(element)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    assert import_docx(path).track_changes is tracks
