"""``minutes-editor compare OLD NEW -o REDLINE.docx``: inputs of both kinds, exit codes, refusals, the file written.

The tracked-change marks themselves are not in the .docx until the Word
writer writes them (issue 15); the redline's content is tested in
tests/test_compare.py.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from minutes_editor.cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, EXIT_USAGE, main
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model.report import Span
from minutes_editor.storage.minutes_file import load_report, save_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NEW_WORDS = "and warmly welcomed every delegation"


@pytest.fixture(params=["ar", "en"])
def drafts(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """An example report and a revised copy of it, both as .minutes files: (old, new)."""
    old = load_report(EXAMPLES / f"budapest-process-2021-10-14.{request.param}.minutes")
    new = copy.deepcopy(old)
    block = new.all_blocks()[3]
    block.content = [*block.content, Span(f" {NEW_WORDS}")]
    new.title.location = "Ohrid"
    del new.sections[0].blocks[0]
    paths = tmp_path / "old.minutes", tmp_path / "new.minutes"
    save_report(old, paths[0])
    save_report(new, paths[1])
    return paths


def _text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def test_compare_two_reports_writes_a_word_draft(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    target = tmp_path / "redline.docx"
    code = main(["compare", str(old), str(new), "-o", str(target), "--author", "Rapporteur", "--date", "2026-12-01"])
    assert code == EXIT_OK
    output = capsys.readouterr()
    assert output.out.strip() == str(target)
    assert output.err == ""
    assert NEW_WORDS in _text(target)


def test_compare_word_drafts_and_a_report_with_a_word_draft(
    drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = drafts
    old_docx, new_docx = tmp_path / "old.docx", tmp_path / "new.docx"
    export_docx(load_report(old), old_docx)
    export_docx(load_report(new), new_docx)
    for pair in ((old_docx, new_docx), (old, new_docx), (old_docx, new)):
        target = tmp_path / f"redline-{pair[0].suffix[1:]}-{pair[1].suffix[1:]}.docx"
        assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(target)]) == EXIT_OK
        assert capsys.readouterr().out.strip() == str(target)
        assert NEW_WORDS in _text(target)


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
