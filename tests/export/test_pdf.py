"""The PDF export: PDF/A-2b, tagged, fonts embedded, a text layer pdftotext reads back, the .docx's page count.

One LibreOffice run (session fixture) converts, for both examples, the .docx
the PDF is made from and the Word export itself, so the page counts compare
two renderings of the same run. The text layer is read with plain
``pdftotext``: only its bidi controls (U+202A...) are taken out, which a
search or a copy does not see, and words are runs of letters or of digits on
both sides (pdftotext glues a number to the Arabic word beside it:
"عام 2017، وكانت" comes back as "،2017وكانت"). A lam-alef given back
reversed, or a kashida shown as a digit inside a word, loses that word.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.export.pdf import convert_to_pdf, pdf_variant, render_pdf_docx
from minutes_editor.model.language import Fonts
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset
from tests.export.pdftext import word_recall
from tests.support.examples import example_path
from tests.support.libreoffice import missing_tools, pdf_pages, pdf_text

pytestmark = pytest.mark.slow

LANGUAGES = ("ar", "en")
TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Rendered:
    """One example: the .docx the PDF is made from, its PDF, and the PDF of the Word export."""

    docx: Path
    pdf: Path
    word_pdf: Path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    absent = missing_tools(*TOOLS)
    if absent:
        pytest.skip(f"not installed: {', '.join(absent)}")
    folder = tmp_path_factory.mktemp("pdf")
    documents: dict[str, tuple[Path, Path]] = {}
    for language in LANGUAGES:
        report = load_report(example_path(language))
        variant, word = folder / f"{language}-pdf.docx", folder / f"{language}-word.docx"
        variant.write_bytes(render_pdf_docx(report).data)
        word.write_bytes(render_docx(report).data)
        documents[language] = (variant, word)
    sources = [path for pair in documents.values() for path in pair]
    pdfs = dict(zip(sources, convert_to_pdf(sources, folder / "out", timeout=400), strict=True))
    return {language: Rendered(variant, pdfs[variant], pdfs[word]) for language, (variant, word) in documents.items()}


def _recall(docx: Path, pdf: Path) -> tuple[float, list[str]]:
    """The share of the document's words (counted with repeats) that pdftotext gives back, and the missing ones."""
    return word_recall(docx, pdf_text(pdf))


def _info(*arguments: str) -> str:
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_says_it_is_pdfa_2b_and_is_tagged(rendered: dict[str, Rendered], language: str) -> None:
    pdf = rendered[language].pdf
    metadata = etree.fromstring(_info("pdfinfo", "-meta", str(pdf)).strip().encode())
    pdfaid = "{http://www.aiim.org/pdfa/ns/id/}"
    assert [node.text for node in metadata.iter(f"{pdfaid}part")] == ["2"]
    assert [node.text for node in metadata.iter(f"{pdfaid}conformance")] == ["B"]
    assert re.search(r"^Tagged:\s+yes$", _info("pdfinfo", str(pdf)), flags=re.MULTILINE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded(rendered: dict[str, Rendered], language: str) -> None:
    rows = _info("pdffonts", str(rendered[language].pdf)).splitlines()[2:]
    assert rows
    fonts = {row.split()[0].split("+")[-1]: row.split()[-5] for row in rows}
    assert set(fonts.values()) == {"yes"}, fonts
    if language == "ar":
        # The PDF font of Arabic (templates/languages/ar.json), regular and bold, beside the Latin one.
        assert {"Amiri-Regular", "Amiri-Bold"} <= set(fonts), fonts


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdftotext_gives_back_the_words(rendered: dict[str, Rendered], language: str) -> None:
    recall, missing = _recall(rendered[language].docx, rendered[language].pdf)
    assert recall >= 0.99, f"{recall:.4f}; missing {missing[:40]}"


def test_the_word_exports_own_pdf_loses_arabic_words(rendered: dict[str, Rendered]) -> None:
    # Why the PDF has a font of its own: the .docx as it is (Arial, shown in DejaVu Sans on Linux) reads back worse.
    word = rendered["ar"]
    recall, _missing = _recall(word.docx, word.word_pdf)
    assert recall < _recall(word.docx, word.pdf)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_has_the_pages_of_the_word_export(rendered: dict[str, Rendered], language: str) -> None:
    assert pdf_pages(rendered[language].pdf) == pdf_pages(rendered[language].word_pdf)


def test_the_variant_changes_only_fonts_and_spacing() -> None:
    report = load_report(example_path("ar"))
    word = render_docx(report).data
    fonts = load_preset("ar").fonts
    assert fonts.pdf_cs == "Amiri"
    variant = pdf_variant(word, fonts)
    with zipfile.ZipFile(io.BytesIO(word)) as before, zipfile.ZipFile(io.BytesIO(variant)) as after:
        assert before.namelist() == after.namelist()
        changed = [name for name in before.namelist() if before.read(name) != after.read(name)]
        styles = etree.fromstring(after.read("word/styles.xml"))
    assert changed == ["word/styles.xml"]
    assert {node.get(f"{_W}cs") for node in styles.iter(f"{_W}rFonts")} == {"Amiri"}
    lines = {node.get(f"{_W}line") for node in styles.iter(f"{_W}spacing") if node.get(f"{_W}line")}
    assert lines == {str(round(240 * fonts.pdf_line_spacing))}


def test_a_language_without_a_pdf_font_keeps_its_docx() -> None:
    data = render_docx(load_report(example_path("en"))).data
    assert pdf_variant(data, Fonts("Calibri", "Arial", 11)) is data
