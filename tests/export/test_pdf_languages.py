"""The PDF of a Persian and an Urdu report: their PDF font (Amiri) gives pdftotext back at least 99% of the words.

One LibreOffice run converts, for the Persian and the Urdu test reports
(tests/export/pdf_reports.py) and the Persian translation of the example's
first sections: the .docx the PDF is made from, the Word export itself (its
Tahoma or Arial shown in DejaVu Sans on Linux), and for Urdu the PDF's .docx
with Noto Nastaliq Urdu in place of Amiri, the font that was measured and
left out. Recall counts whole words, with repeats (tests/export/pdftext.py).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.export.pdf import convert_to_pdf, pdf_variant, render_pdf_docx
from minutes_editor.model.report import Report
from minutes_editor.storage.presets import load_preset
from tests.export.pdf_reports import pdf_report
from tests.export.pdftext import word_recall
from tests.languages.samples import persian_example
from tests.support.libreoffice import missing_tools, pdf_pages, pdf_text

pytestmark = pytest.mark.slow

TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")
REPORTS = ("fa", "ur", "fa-example")
NASTALIQ = "Noto Nastaliq Urdu"


@dataclass(frozen=True)
class Rendered:
    """One report: the .docx the PDF is made from, its PDF, and the PDF of the Word export."""

    docx: Path
    pdf: Path
    word_pdf: Path


@dataclass(frozen=True)
class Renders:
    """Every report's renders, and the Urdu report's .docx and PDF in Noto Nastaliq Urdu."""

    reports: dict[str, Rendered]
    nastaliq_docx: Path
    nastaliq_pdf: Path


def _report(name: str) -> Report:
    return persian_example() if name == "fa-example" else pdf_report(name)


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> Renders:
    absent = missing_tools(*TOOLS)
    if absent:
        pytest.skip(f"not installed: {', '.join(absent)}")
    folder = tmp_path_factory.mktemp("pdf-languages")
    documents: dict[str, tuple[Path, Path]] = {}
    for name in REPORTS:
        report = _report(name)
        variant, word = folder / f"{name}-pdf.docx", folder / f"{name}-word.docx"
        variant.write_bytes(render_pdf_docx(report).data)
        word.write_bytes(render_docx(report).data)
        documents[name] = (variant, word)
    urdu = load_preset("ur").fonts
    nastaliq = folder / "ur-nastaliq.docx"
    nastaliq.write_bytes(pdf_variant(render_docx(pdf_report("ur")).data, urdu._replace(pdf_cs=NASTALIQ)))
    sources = [path for pair in documents.values() for path in pair] + [nastaliq]
    pdfs = dict(zip(sources, convert_to_pdf(sources, folder / "out", timeout=400), strict=True))
    return Renders(
        {name: Rendered(variant, pdfs[variant], pdfs[word]) for name, (variant, word) in documents.items()},
        nastaliq,
        pdfs[nastaliq],
    )


def _recall(docx: Path, pdf: Path) -> tuple[float, list[str]]:
    return word_recall(docx, pdf_text(pdf))


def _fonts(pdf: Path) -> set[str]:
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return {row.split()[0].split("+")[-1] for row in rows}


@pytest.mark.parametrize("language", ["fa", "ur"])
def test_the_preset_names_amiri_for_the_pdf(language: str) -> None:
    fonts = load_preset(language).fonts
    assert fonts.pdf_cs == "Amiri"
    assert 0.5 <= fonts.pdf_line_spacing < 1


@pytest.mark.parametrize("name", REPORTS)
def test_pdftotext_gives_back_the_words(renders: Renders, name: str) -> None:
    rendered = renders.reports[name]
    recall, missing = _recall(rendered.docx, rendered.pdf)
    assert recall >= 0.99, f"{recall:.4f}; missing {missing[:40]}"


@pytest.mark.parametrize("name", REPORTS)
def test_the_pdf_is_set_in_amiri(renders: Renders, name: str) -> None:
    assert {"Amiri-Regular", "Amiri-Bold"} <= _fonts(renders.reports[name].pdf)


@pytest.mark.parametrize("name", REPORTS)
def test_the_pdf_has_the_pages_of_the_word_export(renders: Renders, name: str) -> None:
    rendered = renders.reports[name]
    assert pdf_pages(rendered.pdf) == pdf_pages(rendered.word_pdf)


def test_the_persian_word_exports_own_pdf_loses_words(renders: Renders) -> None:
    # Why Persian has a PDF font: Tahoma, shown in DejaVu Sans on Linux, gives back fewer words.
    for name in ("fa", "fa-example"):
        rendered = renders.reports[name]
        assert _recall(rendered.docx, rendered.word_pdf)[0] < 0.97 < _recall(rendered.docx, rendered.pdf)[0]


def test_urdu_in_nastaliq_loses_most_words(renders: Renders) -> None:
    # Why Urdu is not set in its own Nastaliq style: pdftotext gives its joined letters back in pieces.
    assert NASTALIQ.replace(" ", "") in "".join(_fonts(renders.nastaliq_pdf))
    recall, _missing = _recall(renders.nastaliq_docx, renders.nastaliq_pdf)
    assert recall < 0.9
