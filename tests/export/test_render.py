"""LibreOffice renders the exported examples: headings and bullets in order, numbers and bullets drawn, 3 ± 1 pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model.report import Report
from minutes_editor.render.flow import Role, flatten
from minutes_editor.storage.minutes_file import load_report
from tests.export.pdftext import find_in_order, normalise
from tests.support.examples import example_path
from tests.support.libreoffice import convert, missing_tools, pdf_pages, pdf_text

pytestmark = pytest.mark.slow

LANGUAGES = ("ar", "en")
TOOLS = ("soffice", "pdftotext", "pdfinfo")


@dataclass
class Rendered:
    """An exported example and what LibreOffice made of it."""

    report: Report
    text: str
    pages: int


def _missing() -> str | None:
    absent = missing_tools(*TOOLS)
    if absent:
        return f"not installed: {', '.join(absent)}"
    examples = [example_path(language) for language in LANGUAGES]
    if not all(path.is_file() for path in examples):
        return f"examples not present: {', '.join(str(p) for p in examples if not p.is_file())}"
    return None


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("render")
    reports = {language: load_report(example_path(language)) for language in LANGUAGES}
    documents = []
    for language, report in reports.items():
        target = folder / f"example-{language}.docx"
        export_docx(report, target)
        documents.append(target)
    pdfs = convert(documents, "pdf", folder)
    return {
        language: Rendered(report, pdf_text(pdf), pdf_pages(pdf))
        for (language, report), pdf in zip(reports.items(), pdfs, strict=True)
    }


def headings_and_bullets(report: Report) -> list[tuple[Role, str]]:
    return [
        (p.role, p.text) for p in flatten(report).paragraphs if p.role in (Role.HEADING, Role.SUBHEADING, Role.BULLET)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_count_is_three_plus_or_minus_one(rendered: dict[str, Rendered], language: str) -> None:
    assert 2 <= rendered[language].pages <= 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_heading_and_bullet_appears_in_order(rendered: dict[str, Rendered], language: str) -> None:
    expected = headings_and_bullets(rendered[language].report)
    assert len(expected) > 20
    located, misses = find_in_order(rendered[language].text, [text for _, text in expected])
    assert misses == []
    assert len(located) == len(expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_fails_on_wrong_order_or_missing_text(rendered: dict[str, Rendered], language: str) -> None:
    expected = [text for _, text in headings_and_bullets(rendered[language].report)]
    text = rendered[language].text
    swapped = list(expected)
    swapped[3], swapped[12] = swapped[12], swapped[3]
    assert find_in_order(text, swapped)[1], "two bullets swapped must not match"
    half = text[: len(text) // 2]
    assert find_in_order(half, expected)[1], "paragraphs cut from the PDF must be missed"
    invented = [*expected[:5], "Kangaroo parliament of distant galaxies convened quietly", *expected[5:]]
    assert find_in_order(text, invented)[1], "a paragraph absent from the PDF must not match"


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_numbering_and_bullets_are_drawn(rendered: dict[str, Rendered], language: str) -> None:
    report = rendered[language].report
    paragraphs = flatten(report).paragraphs
    lines = [normalise(line).strip() for line in rendered[language].text.splitlines()]
    numbers = [p.number for p in paragraphs if p.role is Role.HEADING]
    for number in numbers:
        # "1. Meeting objectives" in English; ".1" on a line of its own in Arabic (visual order).
        pattern = re.compile(rf"^(?:{number}\.(?:\s|$)|\.{number}$)")
        assert any(pattern.match(line) for line in lines), f"heading number {number} not drawn"
    first_level = sum(1 for p in paragraphs if p.role is Role.BULLET and p.level == 1)
    assert rendered[language].text.count("•") == first_level
