"""LibreOffice's own Accept All and Reject All of redlines with tables and action items give the new and old drafts.

Compare turns a paragraph made an action item, a table whose cells changed
and a table inserted into whole-block revisions; the Word writer makes them
tracked rows. LibreOffice (tests/export/libreoffice_review.py, one soffice
run) accepts and rejects them; what is left is read back with python-docx
as paragraphs and tables and must be the export of the new and of the old
draft, read the same way.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.compare import compare
from minutes_editor.model.report import ActionItem, Block, BlockKind, Report, Span, Table
from tests.export.libreoffice_review import accept_and_reject
from tests.export.reports import arabic_report, english_report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

WHEN = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cells(*rows: list[str]) -> Block:
    return Block(BlockKind.TABLE, table=Table(rows=[[[Span(text)] for text in row] for row in rows]))


def drafts(report: Report) -> tuple[Report, Report]:
    old = copy.deepcopy(report)
    old.sections[0].blocks.insert(2, cells(["A", "B"], ["1", "2"]))
    new = copy.deepcopy(old)
    first = new.sections[0].blocks[0]
    first.kind, first.action = BlockKind.ACTION, ActionItem(owners=["ICMPD"], deadline=dt.date(2027, 1, 15))
    new.sections[0].blocks[2].table.rows[1][1] = [Span("3")]  # a cell changed
    new.sections[-1].blocks.append(cells(["X", "Y", "Z"]))  # a table inserted at the end of the body
    return old, new


def structure(path: Path) -> list[object]:
    """The body as LibreOffice or Word reads it: paragraphs' text, tables' rows of cell texts (empty ends dropped)."""
    found: list[object] = []
    for element in docx.Document(str(path)).element.body.iterchildren():
        if element.tag == f"{W}p":
            found.append("".join(node.text or "" for node in element.iter(f"{W}t")))
        elif element.tag == f"{W}tbl":
            found.append(
                [
                    ["".join(node.text or "" for node in cell.iter(f"{W}t")) for cell in row.iterfind(f"{W}tc")]
                    for row in element.iterfind(f"{W}tr")
                ]
            )
    while found and found[-1] == "":
        found.pop()
    return found


@pytest.mark.parametrize("language", ["en", "ar"])
def test_libreoffice_accepts_and_rejects_the_redline_to_the_new_and_old_drafts(language: str, tmp_path: Path) -> None:
    old, new = drafts(english_report() if language == "en" else arabic_report())
    redline = compare(old, new, author="Reviewer", date=WHEN)
    for name, report in (("redline", redline), ("new", new), ("old", old)):
        export_docx(report, tmp_path / f"{name}.docx")
    [(accepted, rejected)] = accept_and_reject([tmp_path / "redline.docx"], tmp_path / "lo")
    assert structure(accepted) == structure(tmp_path / "new.docx")
    assert structure(rejected) == structure(tmp_path / "old.docx")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_redline_imports_back_as_compare_made_it(language: str, tmp_path: Path) -> None:
    old, new = drafts(english_report() if language == "en" else arabic_report())
    redline = compare(old, new, author="Reviewer", date=WHEN)
    export_docx(redline, tmp_path / "redline.docx")
    imported = import_docx(tmp_path / "redline.docx").report
    for section in (0, -1):  # footnotes are numbered anew on import: blocks compared without their ids
        assert shape(imported.sections[section].blocks) == shape(redline.sections[section].blocks)


def shape(blocks: list[Block]) -> list[tuple[object, ...]]:
    return [
        (block.kind, block.plain_text, block.inserted is not None, block.deleted is not None, block.table, block.action)
        for block in blocks
    ]
