"""LibreOffice draws the formal template's header line and DRAFT watermark, and the final version has no watermark.

The watermark is drawn as a shape, not text, so pdftotext cannot see it: page
1 is rasterised in grey levels and the light grey of the watermark (silver at
half opacity, about 224 of 255) is counted. Text edges give some such pixels
too, which the final version shows as the baseline.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import export_docx
from tests.languages.samples import sample_report
from tests.support.libreoffice import convert, missing_tools, pdf_text

pytestmark = pytest.mark.slow

TOOLS = ("soffice", "pdftotext", "pdftoppm")
VERSIONS = {"en-draft": ("en", True), "en-final": ("en", False), "fa-draft": ("fa", True), "fa-final": ("fa", False)}


def light_grey_pixels(pdf: Path, work: Path) -> int:
    """Pixels of page 1 between 205 and 240 in grey level, at 40 dpi."""
    stem = work / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-gray", "-singlefile", str(pdf), str(stem)], check=True
    )
    data = stem.with_suffix(".pgm").read_bytes()
    magic, size, depth, pixels = data.split(b"\n", 3)
    assert magic == b"P5"
    assert depth == b"255"
    width, height = (int(value) for value in size.split())
    assert len(pixels) == width * height
    return sum(1 for value in pixels if 205 <= value <= 240)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int]]:
    absent = missing_tools(*TOOLS)
    if absent:
        pytest.skip(f"not installed: {', '.join(absent)}")
    folder = tmp_path_factory.mktemp("formal")
    documents = []
    for name, (code, draft) in VERSIONS.items():
        target = folder / f"{name}.docx"
        export_docx(sample_report(code), target, template="formal", watermark=draft)
        documents.append(str(target))
    pdfs = convert([Path(document) for document in documents], "pdf", folder)
    return {name: (pdf_text(pdf), light_grey_pixels(pdf, folder)) for name, pdf in zip(VERSIONS, pdfs, strict=True)}


@pytest.mark.parametrize("code", ["en", "fa"])
def test_watermark_is_drawn_in_the_draft_only(rendered: dict[str, tuple[str, int]], code: str) -> None:
    draft, final = rendered[f"{code}-draft"][1], rendered[f"{code}-final"][1]
    assert final > 0  # text edges
    assert draft > 3 * final, (draft, final)


@pytest.mark.parametrize("name", VERSIONS)
def test_header_line_is_on_every_version(rendered: dict[str, tuple[str, int]], name: str) -> None:
    text = rendered[name][0]
    assert text.splitlines()[0].strip("\u202a\u202b\u202c\u200e\u200f ") == "ORGANISATION NAME"
