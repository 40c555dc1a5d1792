"""Renamed headings keep their section kind through export and import, also after LibreOffice saves the file.

The writer bookmarks every heading with what it starts ("_Minutes_<kind>_<n>",
"_Minutes_session_<n>"). Without them a renamed heading reads back as a
generic section, and a sub-section right after the discussion as one more
session; these tests show both cases come back whole, straight from the
writer and after LibreOffice's .docx to .docx conversion.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Span
from minutes_editor.storage.minutes_file import load_report
from tests.importer.comparison import canonical, outline
from tests.importer.helpers import report_texts, word_counts, xml_texts
from tests.support.libreoffice import convert, missing_tools

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LANGUAGES = ("ar", "en")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

RENAMED = {
    "en": {
        SectionKind.OBJECTIVES: "Why we met",
        SectionKind.PARTICIPATION: "Who took part",
        SectionKind.TAKEAWAYS: "What we learned",
    },
    "ar": {
        SectionKind.OBJECTIVES: "لماذا اجتمعنا",
        SectionKind.PARTICIPATION: "من شارك",
        SectionKind.TAKEAWAYS: "ما تعلمناه",
    },
}
SIDE_EVENT = {"en": "Side event on returns", "ar": "فعالية جانبية حول العودة"}


def marked_report(language: str) -> Report:
    """An example with renamed headings and a generic sub-section right after the discussion."""
    report = load_report(EXAMPLES / f"budapest-process-2021-10-14.{language}.minutes")
    for section in report.sections:
        section.heading = RENAMED[language].get(section.kind, section.heading)
    discussion = next(index for index, section in enumerate(report.sections) if section.kind is SectionKind.DISCUSSION)
    side_event = Section(
        kind=SectionKind.GENERIC,
        heading=SIDE_EVENT[language],
        level=2,
        blocks=[
            Block(BlockKind.PARAGRAPH, [Span(SIDE_EVENT[language] + ": " + "x " * 3)]),
            Block(BlockKind.BULLET, [Span("a point", bold=True)], level=2),
        ],
    )
    report.sections.insert(discussion + 1, side_event)
    return report


def kinds(report: Report) -> list[tuple[str, int, str | None, int]]:
    return [(section.kind.value, section.level, section.heading, len(section.sessions)) for section in report.sections]


def assert_same_structure(got: Report, want: Report) -> None:
    got, want = canonical(got), canonical(want)
    assert kinds(got) == kinds(want)
    assert outline(got) == outline(want)
    assert [section.participants for section in got.sections] == [section.participants for section in want.sections]
    assert got.footnotes == want.footnotes


def heading_marks(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    return [
        name
        for start in document.iter(f"{W}bookmarkStart")
        if (name := start.get(f"{W}name", "")).startswith("_Minutes_")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_renamed_headings_and_a_sub_section_after_the_discussion_come_back(language: str, tmp_path: Path) -> None:
    report = marked_report(language)
    path = tmp_path / "marked.docx"
    export_docx(report, path)
    result = import_docx(path)
    assert result.notes == []
    assert_same_structure(result.report, report)
    # The side event is a section of its own, not a third session of the discussion.
    discussion = next(section for section in result.report.sections if section.kind is SectionKind.DISCUSSION)
    assert len(discussion.sessions) == 2
    assert word_counts(report_texts(result.report)) == word_counts(xml_texts(path))


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_the_marks_the_kinds_would_be_lost(language: str, tmp_path: Path) -> None:
    # The check above can fail: the same file with its heading bookmarks renamed reads back differently.
    report = marked_report(language)
    path = tmp_path / "unmarked.docx"
    export_docx(report, path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b'w:name="_Minutes_', b'w:name="_Other_')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    got = canonical(import_docx(path).report)
    assert kinds(got) != kinds(canonical(report))


@pytest.mark.slow
@pytest.mark.skipif(bool(missing_tools("soffice")), reason="LibreOffice (soffice) is not installed")
def test_marks_survive_libreoffice(tmp_path: Path) -> None:
    sources = []
    for language in LANGUAGES:
        path = tmp_path / f"{language}.docx"
        export_docx(marked_report(language), path)
        sources.append(path)
    outputs = convert(sources, "docx", tmp_path / "docx-docx")  # one LibreOffice run for both files
    for language, source, converted in zip(LANGUAGES, sources, outputs, strict=True):
        assert heading_marks(converted) == heading_marks(source), language
        result = import_docx(converted)
        assert_same_structure(result.report, marked_report(language))
        assert word_counts(report_texts(result.report)) == word_counts(xml_texts(converted))
