"""A .docx whose properties hold what no report can (year 1, year 9999, a tag of 201 subtags) imports and exports.

The importer leaves such a stamp empty with a note, and takes the language
from the text instead of a tag that is not BCP 47, so the report it gives
saves, opens again and exports.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from minutes_editor import cli
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.storage.minutes_file import load_report

REPORT = Path(__file__).parent.parent / "storage" / "data" / "report-v1.minutes"
HUGE_TAG = "ar" + "-abcdefgh" * 200


def _docx_with_core(folder: Path, created: str, modified: str, language: str) -> Path:
    plain = folder / "plain.docx"
    export_docx(load_report(REPORT), plain)
    target = folder / "hostile.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*", rf"\g<1>{created}", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{modified}", text)
                text = re.sub(r"<dc:language>[^<]*", f"<dc:language>{language}", text)
                data = text.encode("utf-8")
            out.writestr(info, data)
    return target


def test_stamps_past_the_calendar_are_left_empty_with_a_note(tmp_path: Path) -> None:
    path = _docx_with_core(tmp_path, "0001-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00", "ar")
    result = import_docx(path)
    assert result.report.created is None
    assert result.report.modified is None
    notes = [str(note) for note in result.notes]
    assert (
        "The document's created date 0001-01-01T00:00:00+01:00 is outside the dates a Word document can hold"
        " (from 0001-01-02 to 9999-12-30, in UTC); it was left empty." in notes
    )
    assert any(note.startswith("The document's modified date 9999-12-31T23:00:00-05:00") for note in notes)
    export_docx(result.report, tmp_path / "again.docx")


def test_a_stamp_inside_the_range_is_kept(tmp_path: Path) -> None:
    path = _docx_with_core(tmp_path, "0001-01-02T00:00:00Z", "2021-10-15T16:30:05Z", "ar")
    report = import_docx(path).report
    assert report.created is not None
    assert report.created.year == 1
    assert report.modified is not None
    assert report.modified.year == 2021


def test_the_command_line_imports_then_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _docx_with_core(tmp_path, "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59Z", HUGE_TAG)
    minutes = tmp_path / "imported.minutes"
    assert cli.main(["import", str(path), "-o", str(minutes)]) == cli.EXIT_OK
    said = capsys.readouterr().err
    assert "note: The document's created date" in said
    report = load_report(minutes)
    assert report.language == "ar"  # from the text: the declared tag is not one
    assert cli.main(["export", str(minutes), "-o", str(tmp_path / "out.docx")]) == cli.EXIT_OK
    assert cli.main(["check", str(minutes)]) in (cli.EXIT_OK, cli.EXIT_PROBLEMS)
