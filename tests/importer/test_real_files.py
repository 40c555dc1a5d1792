"""The 85 real .docx files of pandoc's reader tests (79 saved by Word): each imports with its text kept, or
is refused with a clear message; none crashes.

Text is compared twice. Against our own reading of the XML (tests.importer.helpers.xml_texts): the same
words, both ways. Against ``pandoc -t plain`` when pandoc is installed: every word pandoc shows is in the
report or in the import notes (pandoc shows image descriptions and comments as text, where the importer
lists them), once pandoc's note marks ("[1]") are taken out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from minutes_editor.importer import DocxImportError, InternalImportError, import_docx
from minutes_editor.model.report import BlockKind, SectionKind
from minutes_editor.storage.encoder import report_to_document
from minutes_editor.storage.minutes_file import report_from_document
from tests.importer.helpers import report_texts, word_counts, xml_texts

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-docx" / "pandoc-test"
FILES = sorted(REAL.glob("*.docx")) if REAL.is_dir() else []
PER_FILE = 10.0  # seconds: generous; each takes well under 0.1 s here

pytestmark = pytest.mark.skipif(not FILES, reason=f"real files not found in {REAL}")


def test_all_85_files_are_there() -> None:
    assert len(FILES) == 85


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_imports_with_text_kept_or_refuses_clearly(path: Path) -> None:
    start = time.perf_counter()
    refusal: DocxImportError | None = None
    try:
        result = import_docx(path)
    except DocxImportError as error:
        refusal = error
    assert time.perf_counter() - start < PER_FILE
    if refusal is not None:
        assert not isinstance(refusal, InternalImportError), f"a bug, not a refusal: {refusal.__cause__!r}"
        message = str(refusal)
        assert message.startswith(f"{path.name}: ")
        assert len(message) > len(path.name) + 10
        return
    report = result.report
    expected = word_counts(xml_texts(path))
    found = word_counts(report_texts(report))
    assert expected - found == {}, f"lost: {expected - found}"
    assert found - expected == {}, f"invented: {found - expected}"
    # What comes out is a valid report: it saves and loads as a .minutes file.
    assert report_from_document(report_to_document(report)) == report


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_words_pandoc_reads_are_kept(path: Path) -> None:
    reading = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if reading.returncode != 0:
        pytest.skip(f"pandoc cannot read {path.name} either: {reading.stderr.strip()[:80]}")
    result = import_docx(path)
    pandoc_words = word_counts([re.sub(r"\[\d+\]", " ", reading.stdout)])
    kept = word_counts(report_texts(result.report)) + word_counts(result.notes)
    assert pandoc_words - kept == {}


def _real(name: str) -> Path:
    return REAL / name


def test_comments_are_listed() -> None:
    notes = import_docx(_real("comments.docx")).notes
    comments = [note for note in notes if note.startswith("Comment by Jesse Rosenthal")]
    assert len(comments) == 5
    assert any('on "some text to have a comment"' in note and "I left a comment." in note for note in comments)


def test_tracked_changes_in_real_files() -> None:
    deletion = import_docx(_real("track_changes_deletion.docx"))
    assert "excessively modified" not in " ".join(report_texts(deletion.report))
    assert any("excessively modified" in note for note in deletion.notes)
    insertion = import_docx(_real("track_changes_insertion.docx"))
    assert any("tracked insertion(s) were accepted" in note for note in insertion.notes)
    moved = import_docx(_real("track_changes_move.docx"))
    texts = report_texts(moved.report)
    assert sum(text == "Here is the text to be moved." for text in texts) == 1


def test_footnotes_and_endnotes_in_real_files() -> None:
    report = import_docx(_real("notes.docx")).report
    assert [note.content[0].text for note in report.footnotes] == [
        "My note.",
        "This is an endnote at the end of the document.",
    ]
    assert report.footnote_refs() == ["1", "2"]


def test_nested_lists_keep_their_levels() -> None:
    report = import_docx(_real("lists.docx")).report
    levels = [block.level for block in report.all_blocks() if block.kind is BlockKind.BULLET]
    assert levels[:8] == [1, 1, 2, 2, 1, 1, 2, 3]


def test_headings_in_real_files() -> None:
    report = import_docx(_real("headers.docx")).report
    assert [(section.kind, section.level, section.heading) for section in report.sections] == [
        (SectionKind.GENERIC, 1, "A Test of Headers"),
        (SectionKind.GENERIC, 2, "Second Level"),
    ]
    labels = [block.plain_text for block in report.all_blocks() if block.kind is BlockKind.LABEL]
    assert labels[:2] == ["Third level", "Fourth level"]
