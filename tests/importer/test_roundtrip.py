"""Our own exports read back: both examples exactly, and random reports as far as Word can carry them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from minutes_editor.export.docx_writer import export_docx, render_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.report import Report
from minutes_editor.storage.encoder import report_to_document
from minutes_editor.storage.minutes_file import load_report, report_from_document
from tests.importer.comparison import canonical, expressible, outline
from tests.importer.helpers import report_texts, word_counts, xml_texts
from tests.strategies import XML_CHARACTERS, reports, texts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.minutes"))


def round_trip(report: Report, folder: Path) -> tuple[Report, list[str], Path]:
    path = folder / "report.docx"
    export_docx(report, path)
    result = import_docx(path)
    return result.report, result.notes, path


def assert_same(imported: Report, original: Report) -> None:
    want, got = canonical(original), canonical(imported)
    # Word documents always carry dates: the writer stamps the export time where the report has none.
    if want.modified is None:
        want.modified = want.created  # the writer's choice for a report never modified
    if want.created is None:
        got.created = None
    if want.modified is None:
        got.modified = None
    assert outline(got) == outline(want)
    assert got.title == want.title
    assert got.footnotes == want.footnotes
    assert got == want


@pytest.mark.parametrize("source", EXAMPLE_FILES, ids=lambda path: path.name)
def test_example_round_trip_is_exact(source: Path, tmp_path: Path) -> None:
    original = load_report(source)
    imported, notes, path = round_trip(original, tmp_path)
    assert notes == []
    assert_same(imported, original)
    # The imported report is a valid .minutes report.
    assert report_from_document(report_to_document(imported)) == imported
    # Body text in equals body text out.
    assert word_counts(report_texts(imported)) == word_counts(xml_texts(path))


def test_examples_keep_their_structure(tmp_path: Path) -> None:
    arabic = load_report(EXAMPLES / "budapest-process-2021-10-14.ar.minutes")
    imported, _, _ = round_trip(arabic, tmp_path)
    assert imported.language == "ar"
    assert [section.kind.value for section in imported.sections] == [section.kind.value for section in arabic.sections]
    discussion = next(section for section in imported.sections if section.sessions)
    assert [len(session.goals) for session in discussion.sessions] == [2, 2]
    assert [participant.name for participant in imported.sections[1].participants][:3] == [
        "النمسا",
        "بنغلاديش",
        "البوسنة والهرسك",
    ]
    assert imported.title.date is not None
    assert imported.title.date.isoformat() == "2021-10-14"
    assert len(imported.footnotes) == 1
    assert imported.footnote_refs() == ["1"]


WORD_TEXT = texts(XML_CHARACTERS, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(report=reports(text=WORD_TEXT, max_sections=6, orphan_footnotes=False, canonical=True))
def test_exported_then_imported_equals_the_original(report: Report, tmp_path_factory: pytest.TempPathFactory) -> None:
    original = expressible(report)
    data = render_docx(original).data
    path = tmp_path_factory.mktemp("prop") / "report.docx"
    path.write_bytes(data)
    imported = import_docx(path).report
    assert_same(imported, original)
    assert report_from_document(report_to_document(imported)) == imported


@settings(max_examples=30, deadline=None)
@given(language=st.sampled_from(["ar", "en", "fa", "en-GB", "fr"]), report=reports(text=WORD_TEXT, max_sections=4))
def test_language_survives(language: str, report: Report, tmp_path_factory: pytest.TempPathFactory) -> None:
    report.language = language
    path = tmp_path_factory.mktemp("lang") / "report.docx"
    path.write_bytes(render_docx(expressible(report)).data)
    assert import_docx(path).report.language == language


def _strip_heading_marks(path: Path) -> list[str]:
    """Remove the writer's heading bookmarks from an exported document; returns their names in order."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    document = etree.fromstring(parts["word/document.xml"])
    names = []
    for start in list(document.iter(f"{w}bookmarkStart")):
        name = start.get(f"{w}name", "")
        if not name.startswith("_Minutes_"):
            continue
        names.append(name)
        for end in document.iter(f"{w}bookmarkEnd"):
            if end.get(f"{w}id") == start.get(f"{w}id"):
                end.getparent().remove(end)
                break
        start.getparent().remove(start)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return names


def test_heading_bookmarks_carry_section_kinds(tmp_path: Path) -> None:
    # Headings of their own hide the kind from the words; the writer's bookmark naming it
    # ("_Minutes_<kind>_<n>", "_Minutes_session_<n>") brings it back.
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.en.minutes")
    markers = []
    for index, section in enumerate(report.sections):
        section.heading = f"Part {index + 1} in our own words"
        markers.append(section.kind.value)
        for session in section.sessions:
            session.goals = []  # no goals line: only the bookmark says these are sessions
            markers.append("session")
    path = tmp_path / "marked.docx"
    export_docx(report, path)
    assert_same(import_docx(path).report, report)
    names = _strip_heading_marks(path)
    assert [name.rsplit("_", 1)[0].removeprefix("_Minutes_") for name in names] == markers
    plain = import_docx(path).report
    assert [section.kind.value for section in plain.sections] != [section.kind.value for section in report.sections]
