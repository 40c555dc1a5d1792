"""``minutes-editor compare OLD NEW -o REDLINE.docx``: inputs of both kinds, exit codes, refusals, the file written.

The law on the Word file: its Accept All (read from the XML by
tests/support/word_views.py) is the export of NEW, its Reject All the
export of OLD, and every change carries the author and date given.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_editor.cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, EXIT_USAGE, main
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model.report import BlockKind, Span
from minutes_editor.storage.minutes_file import load_report, save_report
from tests.support.word_views import Views, read_views

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NEW_WORDS = "and warmly welcomed every delegation"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(params=["ar", "en"])
def drafts(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """An example report and a revised copy of it, both as .minutes files: (old, new).

    Revised: words added, a paragraph deleted, one moved to the next session,
    a word made bold, a bullet's level, the location, a session's title and a footnote's text.
    """
    old = load_report(EXAMPLES / f"budapest-process-2021-10-14.{request.param}.minutes")
    new = copy.deepcopy(old)
    blocks = new.all_blocks()
    blocks[3].content = [*blocks[3].content, Span(f" {NEW_WORDS}")]
    first, second, rest = blocks[5].plain_text.split(" ", 2)
    blocks[5].content = [Span(f"{first} "), Span(second, bold=True), Span(f" {rest}")]
    next(block for block in blocks if block.kind is BlockKind.BULLET).level = 2
    new.title.location = "Ohrid"
    del new.sections[0].blocks[0]
    sessions = next(section for section in new.sections if len(section.sessions) > 1).sessions
    moved = sessions[0].blocks[1]
    sessions[0].blocks = [block for block in sessions[0].blocks if block is not moved]
    sessions[1].blocks = [moved, *sessions[1].blocks]
    sessions[1].title += " (2)"
    new.footnotes[0].content = [*new.footnotes[0].content, Span(" (updated)")]
    paths = tmp_path / "old.minutes", tmp_path / "new.minutes"
    save_report(old, paths[0])
    save_report(new, paths[1])
    return paths


def _exported(path: Path, tmp_path: Path) -> Views:
    target = tmp_path / f"{path.stem}.exported.docx"
    export_docx(load_report(path), target)
    return read_views(target)


def test_compare_two_reports_writes_a_word_draft_whose_accept_all_is_new_and_reject_all_old(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    target = tmp_path / "redline.docx"
    when = "2026-12-01T10:30+01:00"
    code = main(["compare", str(old), str(new), "-o", str(target), "--author", "Rapporteur", "--date", when])
    assert code == EXIT_OK
    output = capsys.readouterr()
    assert output.out.strip() == str(target)
    assert output.err == ""
    views, old_views, new_views = read_views(target), _exported(old, tmp_path), _exported(new, tmp_path)
    assert (views.accepted.paragraphs, views.accepted.footnotes) == (
        new_views.accepted.paragraphs,
        new_views.accepted.footnotes,
    )
    assert (views.rejected.paragraphs, views.rejected.footnotes) == (
        old_views.accepted.paragraphs,
        old_views.accepted.footnotes,
    )
    assert views.accepted != views.rejected
    # Every change the file holds (in the body and the footnotes) by the author, at the date, in UTC.
    with zipfile.ZipFile(target) as package:
        parts = [etree.fromstring(package.read(name)) for name in ("word/document.xml", "word/footnotes.xml")]
    kinds = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
    marks = [mark for part in parts for kind in kinds for mark in part.iter(f"{{{W}}}{kind}")]
    assert {kind for kind in kinds if any(mark.tag == f"{{{W}}}{kind}" for mark in marks)} == set(kinds)
    assert {(mark.get(f"{{{W}}}author"), mark.get(f"{{{W}}}date")) for mark in marks} == {
        ("Rapporteur", "2026-12-01T09:30:00Z")
    }


def test_compare_word_drafts_and_a_report_with_a_word_draft(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    old_docx, new_docx = tmp_path / "old.docx", tmp_path / "new.docx"
    export_docx(load_report(old), old_docx)
    export_docx(load_report(new), new_docx)
    old_views, new_views = read_views(old_docx), read_views(new_docx)
    for pair in ((old_docx, new_docx), (old, new_docx), (old_docx, new)):
        target = tmp_path / f"redline-{pair[0].suffix[1:]}-{pair[1].suffix[1:]}.docx"
        assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(target)]) == EXIT_OK
        assert capsys.readouterr().out.strip() == str(target)
        views = read_views(target)
        assert views.accepted.paragraphs == new_views.accepted.paragraphs
        assert views.rejected.paragraphs == old_views.accepted.paragraphs


@pytest.mark.parametrize("date", ["yesterday", "2026-13-01", "0001-01-01T00:00"])
def test_a_date_that_is_no_iso_8601_stamp_is_refused(
    drafts: tuple[Path, Path], tmp_path: Path, date: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "redline.docx"
    assert main(["compare", str(drafts[0]), str(drafts[1]), "-o", str(target), "--date", date]) == EXIT_USAGE
    assert "--date" in capsys.readouterr().err
    assert not target.exists()


def test_an_input_that_cannot_be_read_is_exit_3(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_word = tmp_path / "notes.docx"
    not_word.write_text("plain text", encoding="utf-8")
    not_report = tmp_path / "notes.minutes"
    not_report.write_text("plain text", encoding="utf-8")
    target = tmp_path / "redline.docx"
    for bad in (tmp_path / "missing.minutes", not_word, not_report):
        assert main(["compare", str(bad), str(drafts[1]), "-o", str(target)]) == EXIT_BAD_INPUT
        assert bad.name in capsys.readouterr().err
        assert main(["compare", str(drafts[0]), str(bad), "-o", str(target)]) == EXIT_BAD_INPUT
        capsys.readouterr()
    assert not target.exists()


def test_an_output_that_cannot_be_written_is_refused_before_anything_is_written(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    before = old.read_bytes(), new.read_bytes()
    for output in (str(old), str(new), str(tmp_path), str(tmp_path / "no" / "such" / "folder.docx"), ""):
        assert main(["compare", str(old), str(new), "-o", output]) == EXIT_CANNOT_WRITE
        assert capsys.readouterr().err.startswith("minutes-editor: ")
    assert (old.read_bytes(), new.read_bytes()) == before


def test_the_output_is_required(drafts: tuple[Path, Path]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["compare", str(drafts[0]), str(drafts[1])])
    assert stopped.value.code == EXIT_USAGE
