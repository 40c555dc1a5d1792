"""Tables and action items through Word: export then import equal, schema-valid, right to left, drafts' tables."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import export_docx, render_docx
from minutes_editor.importer import import_docx
from minutes_editor.importer.table_blocks import parse_deadline
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Change,
    Comment,
    Report,
    Span,
    Table,
)
from minutes_editor.storage.presets import load_preset
from tests.export.reports import Docx, arabic_report, english_report, xpath
from tests.importer.helpers import make_docx, p, r

WHEN = dt.datetime(2026, 11, 3, 9, 30, tzinfo=dt.UTC)
REAL_DOCX = Path(__file__).resolve().parents[3] / "shared" / "real-docx" / "pandoc-test"


def with_tables(report: Report, *, arabic: bool, inserted: bool = False, deleted: bool = False) -> Report:
    if arabic:
        cells = [
            ["البند", "المسؤول", "الملاحظات"],
            ["الميزانية", "سارة", "تمت الموافقة"],
            ["التقرير", "أحمد", "قيد المراجعة (ICMPD)"],
        ]
        actions = [
            ("إعداد المسودة الثانية", ["سارة", "أحمد"], dt.date(2026, 1, 15), ActionStatus.OPEN),
            ("إرسال الدعوات", ["ليلى"], dt.date(2025, 12, 1), ActionStatus.DONE),
        ]
    else:
        cells = [["Item", "Owner", "Notes"], ["Budget", "Sara", "Approved"], ["Report", "Ahmed", "Under review"]]
        actions = [
            ("Prepare the second draft", ["Sara", "Ahmed"], dt.date(2026, 1, 15), ActionStatus.OPEN),
            ("Send the invitations", ["Layla"], None, ActionStatus.DONE),
        ]
    rows = [[[Span(text)] for text in row] for row in cells]
    rows[1][0] = [Span(cells[1][0], bold=True)]
    rows[2][2] = [Span(cells[2][2], italic=True, comments=("c1",))]
    report.comments.append(Comment(id="c1", author="Reviewer", text=["Check this"], date=WHEN))
    section = report.sections[-1]
    section.blocks.append(Block(BlockKind.TABLE, [], table=Table(rows=rows, header=True)))
    change = Change(author="Reviewer", date=WHEN)
    if inserted:
        plain = [[[Span(text)] for text in row[:2]] for row in cells[:2]]
        section.blocks.append(Block(BlockKind.TABLE, [], table=Table(rows=plain), inserted=change))
    if deleted:
        plain = [[[Span(text)] for text in row] for row in cells[1:]]
        section.blocks.append(Block(BlockKind.TABLE, [], table=Table(rows=plain, header=False), deleted=change))
    for text, owners, deadline, status in actions:
        item = ActionItem(owners=owners, deadline=deadline, status=status)
        section.blocks.append(Block(BlockKind.ACTION, [Span(text)], action=item))
    return report


def round_trip(report: Report, folder: Path) -> tuple[Report, list[str]]:
    path = folder / "report.docx"
    export_docx(report, path)
    result = import_docx(path)
    return result.report, result.notes


def body(report: Report) -> list[Block]:
    return report.sections[-1].blocks


def same_comment_ids(imported: Report, original: Report) -> None:
    """Name the imported comments as the original's (the importer gives comments new ids), in order."""
    names = {got.id: want.id for got, want in zip(imported.comments, original.comments, strict=True)}
    for block in imported.all_blocks():
        spans = [span for row in block.table.rows for cell in row for span in cell] if block.table else block.content
        for span in spans:
            if isinstance(span, Span):
                span.comments = tuple(names[name] for name in span.comments)


@pytest.mark.parametrize("arabic", [True, False], ids=["rtl", "ltr"])
def test_tables_and_action_items_come_back_equal(arabic: bool, tmp_path: Path) -> None:
    report = with_tables(arabic_report() if arabic else english_report(), arabic=arabic, inserted=True, deleted=True)
    imported, notes = round_trip(report, tmp_path)
    assert notes == []
    same_comment_ids(imported, report)
    want = [block for block in body(report) if block.kind in (BlockKind.TABLE, BlockKind.ACTION)]
    got = [block for block in body(imported) if block.kind in (BlockKind.TABLE, BlockKind.ACTION)]
    assert got == want
    assert [block.id for block in got] == [block.id for block in want]
    assert [(c.author, c.text) for c in imported.comments] == [("Reviewer", ["Check this"])]


def test_action_item_proposed_inserted_and_text_marks_come_back(tmp_path: Path) -> None:
    report = with_tables(english_report(), arabic=False)
    change = Change(author="Reviewer", date=WHEN)
    action = body(report)[-1]
    action.inserted = change
    action.content = [Span("Send the "), Span("invitations", inserted=change)]
    imported, notes = round_trip(report, tmp_path)
    assert notes == []
    assert body(imported)[-1] == action


def test_word_table_reads_right_to_left_with_a_repeating_header() -> None:
    import docx  # python-docx reads the table back independently

    data = render_docx(with_tables(arabic_report(), arabic=True)).data
    document = docx.Document(__import__("io").BytesIO(data))
    tables = document.tables
    assert len(tables) == 2
    for table in tables:
        assert table.table_direction == 1  # WD_TABLE_DIRECTION.RTL: w:bidiVisual
        first = table.rows[0]._tr
        assert first.trPr is not None
        assert first.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    preset = load_preset("ar")
    assert [cell.text for cell in tables[1].rows[0].cells] == list(preset.actions.headers)
    assert [cell.text for cell in tables[1].rows[1].cells] == [
        "إعداد المسودة الثانية",
        "سارة، أحمد",
        "15 كانون الثاني 2026",
        "مفتوح",
    ]
    english = docx.Document(__import__("io").BytesIO(render_docx(with_tables(english_report(), arabic=False)).data))
    assert all(table.table_direction is None for table in english.tables)


def test_tracked_rows_are_written_as_word_writes_them() -> None:
    doc = Docx.read(render_docx(with_tables(english_report(), arabic=False, inserted=True, deleted=True)).data)
    tables = xpath(doc.document, "/w:document/w:body/w:tbl")
    assert len(tables) == 4
    assert len(xpath(tables[1], "w:tr/w:trPr/w:ins")) == 2
    assert len(xpath(tables[2], "w:tr/w:trPr/w:del")) == 2
    assert xpath(tables[2], "string(.//w:del/w:r/w:delText)") == "Budget"
    # Tables never stand side by side: Word would join them.
    body = xpath(doc.document, "/w:document/w:body/*")
    assert all(not (a.tag == b.tag == tables[0].tag) for a, b in itertools.pairwise(body))


def draft(tmp_path: Path, rows: str, *, name: str = "draft.docx") -> Path:
    return make_docx(tmp_path / name, p("Heading", style="Heading1") + f"<w:tbl><w:tblPr/>{rows}</w:tbl>" + p("after"))


def cell(*paragraphs: str, tcpr: str = "") -> str:
    return f"<w:tc>{tcpr}{''.join(p(text) for text in paragraphs)}</w:tc>"


def test_draft_table_with_changes_inside_is_kept_in_both_views(tmp_path: Path) -> None:
    ins = '<w:ins w:id="9" w:author="Ana" w:date="2026-11-03T09:30:00Z">' + r("new") + "</w:ins>"
    rows = (
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + cell("A")
        + cell("B")
        + "</w:tr>"
        + "<w:tr>"
        + cell("one", "two")
        + f"<w:tc><w:p>{r('old ')}{ins}</w:p></w:tc></w:tr>"
    )
    result = import_docx(draft(tmp_path, rows))
    tables = [block for block in body(result.report) if block.kind is BlockKind.TABLE]
    assert [(t.deleted is not None, t.inserted is not None) for t in tables] == [(True, False), (False, True)]
    assert tables[0].table.cell_text(1, 1) == "old "  # type: ignore[union-attr]
    assert tables[1].table.cell_text(1, 1) == "old new"  # type: ignore[union-attr]
    assert tables[1].table.cell_text(1, 0) == "one two"  # type: ignore[union-attr]
    assert tables[1].table.header  # type: ignore[union-attr]
    notes = " ".join(result.notes)
    assert "joined" in notes
    assert "kept twice" in notes


def test_draft_action_table_with_unreadable_fields_keeps_the_text(tmp_path: Path) -> None:
    rows = (
        "<w:tr>"
        + "".join(cell(text) for text in ("Status", "Action", "Owner(s)", "Deadline"))
        + "</w:tr>"
        + "<w:tr>"
        + "".join(cell(text) for text in ("Done", "Book rooms", "Ana; Bo", "2026-02-03"))
        + "</w:tr>"
        + "<w:tr>"
        + "".join(cell(text) for text in ("Pending", "Call", "Cy", "next week"))
        + "</w:tr>"
    )
    result = import_docx(draft(tmp_path, rows))
    actions = [block for block in body(result.report) if block.kind is BlockKind.ACTION]
    assert [a.action for a in actions] == [
        ActionItem(["Ana", "Bo"], dt.date(2026, 2, 3), ActionStatus.DONE),
        ActionItem(["Cy"], None, ActionStatus.OPEN),
    ]
    assert actions[1].plain_text == "Call (Deadline: next week) (Status: Pending)"
    assert sum("could not be read" in note for note in result.notes) == 2


def test_merged_cells_stay_text_with_a_note(tmp_path: Path) -> None:
    rows = (
        "<w:tr>"
        + cell("A", tcpr='<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>')
        + "</w:tr>"
        + "<w:tr>"
        + cell("b")
        + cell("c")
        + "</w:tr>"
    )
    result = import_docx(draft(tmp_path, rows))
    assert not any(block.kind is BlockKind.TABLE for block in body(result.report))
    assert [block.plain_text for block in body(result.report)][:2] == ["A", "b | c"]
    assert any("kept as text" in note for note in result.notes)


@pytest.mark.parametrize(
    ("code", "day"),
    [
        (code, day)
        for code in ("en", "ar", "fa", "ur", "ru", "tr", "fr")
        for day in (dt.date(2026, 1, 5), dt.date(2025, 12, 31))
    ],
)
def test_deadlines_read_back_from_every_language(code: str, day: dt.date) -> None:
    preset = load_preset(code)
    for kind in ("short", "medium", "long", preset.actions.date_format):
        assert parse_deadline(preset.format_date(day, kind), (preset,)) == day


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="real .docx files not found")
def test_real_files_with_tables_still_import() -> None:
    import zipfile

    seen = 0
    for path in sorted(REAL_DOCX.glob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                continue
            document = archive.read("word/document.xml")
        if b"<w:tbl>" not in document:
            continue
        seen += 1
        result = import_docx(path)
        merged = b"gridSpan" in document or b"vMerge" in document
        tables = [b for b in result.report.all_blocks() if b.kind is BlockKind.TABLE]
        if merged and not tables:
            assert any("kept as text" in note for note in result.notes), path.name
    assert seen >= 3


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice missing")
def test_libreoffice_lays_out_an_arabic_table_right_to_left(tmp_path: Path) -> None:
    path = tmp_path / "tables-ar.docx"
    export_docx(with_tables(arabic_report(), arabic=True), path)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    bbox = tmp_path / "bbox.html"
    subprocess.run(["pdftotext", "-bbox", str(tmp_path / "tables-ar.pdf"), str(bbox)], check=True, timeout=60)
    import re

    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)<'
    found = [
        (m.group(3), float(m.group(1)), page * 10000 + float(m.group(2)))
        for page, text in enumerate(bbox.read_text().split("<page "))
        for m in re.finditer(pattern, text)
    ]

    def x(word: str, line: str) -> float:
        # pdftotext gives Arabic words in visual order (reversed) or logical order, depending on its version.
        def at(text: str) -> list[tuple[float, float]]:
            # (reversed, with lam-alef kept in logical order): compare the letters, whatever their order.
            return [(left, top) for found_text, left, top in found if sorted(found_text) == sorted(text)]

        tops = {round(top) for _, top in at(line)}
        return next(left for left, top in at(word) if round(top) in tops)

    # The first column stands to the right of the next ones, in the header row of each table.
    assert x("المسؤول", "البند") > x("الملاحظات", "البند")
    assert x("البند", "البند") > x("المسؤول", "البند")
    assert x("المسؤول", "الموعد") > x("الموعد", "الموعد") > x("الحالة", "الموعد")


@pytest.mark.parametrize("code", ["en", "ar", "fa", "ur", "ru", "tr", "fr"])
def test_action_words_are_complete_distinct_and_in_the_language_script(code: str) -> None:
    words = load_preset(code).actions
    headers = words.headers
    assert len({*headers, words.open, words.done}) == 6
    arabic_script = code in ("ar", "fa", "ur")
    for word in (*headers, words.open, words.done):
        assert any("\u0600" <= char <= "\u06ff" for char in word) == arabic_script, word


def test_a_paragraph_after_a_table_has_room_above_it_and_a_heading_keeps_its_own(tmp_path: Path) -> None:
    report = english_report()
    blocks = report.sections[0].blocks
    blocks.insert(0, Block(BlockKind.TABLE, [], table=Table(rows=[[[Span("a")], [Span("b")]]])))
    report.sections[0].blocks = blocks[:2]
    report.sections[0].blocks.append(Block(BlockKind.TABLE, [], table=Table(rows=[[[Span("c")]]])))
    doc = Docx.read(render_docx(report).data)
    after_table = xpath(doc.parts["word/document.xml"], "//w:body/w:tbl/following-sibling::w:p[1]")
    spaced = [xpath(p, "string(w:pPr/w:spacing/@w:before)") for p in after_table]
    styles = [xpath(p, "string(w:pPr/w:pStyle/@w:val)") for p in after_table]
    # The paragraph after the first table is body text: 6 pt above it. After the second, the next
    # section's heading keeps its style's own space (no direct spacing).
    assert spaced[0] == "120"
    assert spaced[1] == ""
    assert styles[1]
    imported, _notes = round_trip(report, tmp_path)
    assert imported.sections[0].blocks == report.sections[0].blocks
