"""Heading bookmarks naming each heading's section kind, and four-digit years in the document properties."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.report import FootnoteRef, Report
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset
from tests.export.reports import Docx, english_report, q, repeated, text_of, xpath
from tests.support.examples import example_path
from tests.support.ooxml import missing_reason, validate_part, wml_schema

MARK = re.compile(r"_Minutes_([a-z_]+)_(\d+)")


def expected_marks(report: Report) -> list[tuple[str, str]]:
    """(what, heading text) of every heading paragraph the report gives, in order."""
    preset = load_preset(report.language)
    found = []
    for section in report.sections:
        heading = section.heading if section.heading is not None else preset.heading(section.kind)
        if section.level == 1 or heading.strip():
            found.append((section.kind.value, heading))
        found.extend(("session", session.title) for session in section.sessions if session.title.strip())
    return found


def heading_paragraphs(result: Docx) -> list:
    ids = {result.style_id("Heading 1"), result.style_id("Heading 2")}
    return [p for p in result.paragraphs() if xpath(p, "string(w:pPr/w:pStyle/@w:val)") in ids]


def renamed_example() -> Report:
    report = load_report(example_path("en"))
    report.sections[0].heading = "Why we met"
    report.sections[-1].heading = "What we learned"  # a level-2 section right after the discussion
    return report


def test_every_heading_names_its_kind_in_a_bookmark_around_its_text() -> None:
    report = renamed_example()
    result = Docx.read(render_docx(report).data)
    headings = heading_paragraphs(result)
    expected = expected_marks(report)
    assert len(headings) == len(expected)
    for paragraph, (what, heading) in zip(headings, expected, strict=True):
        children = list(paragraph)
        assert children[0].tag == q("w:pPr")
        start, end = children[1], children[-1]
        assert start.tag == q("w:bookmarkStart")
        assert end.tag == q("w:bookmarkEnd")
        assert end.get(q("w:id")) == start.get(q("w:id"))
        match = MARK.fullmatch(start.get(q("w:name")))
        assert match is not None
        assert match.group(1) == what
        assert text_of(paragraph) == heading
    # Only headings are marked: body, goals and participants paragraphs carry none.
    marked = xpath(result.document, "//w:p[w:bookmarkStart[starts-with(@w:name, '_Minutes_')]]")
    assert marked == headings


def test_bookmark_ids_and_names_are_unique_beside_repeated_footnote_bookmarks() -> None:
    report = repeated(english_report(), 3)
    report.sections[0].blocks[0].content.append(FootnoteRef("kosovo"))  # the note is referenced again
    result = Docx.read(render_docx(report).data)
    starts = xpath(result.document, "//w:bookmarkStart")
    ends = xpath(result.document, "//w:bookmarkEnd")
    ids = [start.get(q("w:id")) for start in starts]
    names = [start.get(q("w:name")) for start in starts]
    assert any(name.startswith("_RefNote") for name in names)
    assert sum(name.startswith("_Minutes_") for name in names) == len(expected_marks(report))
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    assert sorted(end.get(q("w:id")) for end in ends) == sorted(ids)
    # Word limits bookmark names to 40 characters.
    assert max(len(name) for name in names) <= 40


@pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")
def test_marked_document_with_repeated_notes_is_schema_valid() -> None:
    report = repeated(renamed_example(), 2)
    report.sections[3].blocks[0].content.append(FootnoteRef(report.footnotes[0].id))
    data = render_docx(report).data
    schema = wml_schema()
    assert schema is not None
    document = Docx.read(data)
    assert xpath(document.document, "//w:bookmarkStart[starts-with(@w:name, '_RefNote')]")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert validate_part(archive.read("word/document.xml"), schema) == []


@pytest.mark.parametrize(
    ("created", "written"),
    [
        (dt.datetime(999, 1, 2, 3, 4, 5), "0999-01-02T03:04:05Z"),
        (dt.datetime(5, 12, 31, 23, 59, 59, tzinfo=dt.UTC), "0005-12-31T23:59:59Z"),
        (dt.datetime(1000, 6, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), "1000-06-01T10:00:00Z"),
        (dt.datetime(2021, 10, 15, 9, 30, tzinfo=dt.UTC), "2021-10-15T09:30:00Z"),
    ],
)
def test_property_dates_have_four_digit_years(created: dt.datetime, written: str, tmp_path: Path) -> None:
    report = english_report()
    report.created = report.modified = created
    data = render_docx(report).data
    core = Docx.read(data).parts["docProps/core.xml"]
    assert xpath(core, "string(dcterms:created)") == written
    assert xpath(core, "string(dcterms:modified)") == written
    # And they read back as the same moment.
    path = tmp_path / "dated.docx"
    path.write_bytes(data)
    imported = import_docx(path).report
    expected = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    assert imported.created == expected
    assert imported.modified == expected
