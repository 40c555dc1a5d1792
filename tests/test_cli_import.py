"""``minutes-editor import REPORT.docx -o REPORT.minutes`` on real files: exit codes, messages, the file written."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from minutes_editor.cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, main
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model.report import plain_text
from minutes_editor.storage.minutes_file import load_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(params=["ar", "en"])
def exported(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """An example report exported to .docx: (the .minutes it came from, the .docx)."""
    source = EXAMPLES / f"budapest-process-2021-10-14.{request.param}.minutes"
    target = tmp_path / f"draft.{request.param}.docx"
    export_docx(load_report(source), target)
    return source, target


def _structure(path: Path) -> list[tuple[str, int, list[str], int]]:
    report = load_report(path)
    return [
        (section.kind.value, section.level, [session.title for session in section.sessions], len(section.blocks))
        for section in report.sections
    ]


def _old_word_file(path: Path) -> Path:
    # An OLE compound file (what Word 97-2003 writes) whose directory names the WordDocument stream.
    header = OLE_MAGIC + b"\x00" * 16 + struct.pack("<HH", 0x003E, 0x0003) + b"\xfe\xff" + b"\x00" * 478
    entry = "WordDocument".encode("utf-16-le").ljust(64, b"\x00")
    path.write_bytes(header + b"\x00" * 512 + entry + b"\x00" * 1024)
    return path


def test_import_of_an_exported_example_writes_a_report_that_loads(
    exported: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, draft = exported
    target = tmp_path / "back.minutes"
    assert main(["import", str(draft), "-o", str(target)]) == EXIT_OK
    output = capsys.readouterr()
    assert output.out.strip() == str(target)
    assert output.err == ""  # our own export leaves nothing to note
    assert _structure(target) == _structure(source)
    assert load_report(target).language == load_report(source).language


def test_import_defaults_to_a_report_beside_the_docx(exported: tuple[Path, Path]) -> None:
    source, draft = exported
    assert main(["import", str(draft)]) == EXIT_OK
    assert _structure(draft.with_suffix(".minutes")) == _structure(source)


def test_import_prints_the_notes_on_standard_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_heading("Meeting objectives", level=1)
    paragraph = document.add_paragraph("Agree the agenda.")
    document.add_comment(paragraph.runs, text="Check with the chair", author="Reviewer")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1))  # merged cells: kept as text, with a note
    draft = tmp_path / "commented.docx"
    document.save(str(draft))
    target = tmp_path / "commented.minutes"
    assert main(["import", str(draft), "-o", str(target)]) == EXIT_OK
    err = capsys.readouterr().err
    assert "note: A table (2 rows)" in err
    # A comment is the report's own (docs/review.md), not a note.
    assert "Check with the chair" not in err
    assert plain_text(load_report(target).sections[0].blocks[0].content) == "Agree the agenda."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: _old_word_file(folder / "minutes.doc"), "old Word 97-2003 document (.doc)"),
        (lambda folder: _old_word_file(folder / "renamed.docx"), "old Word 97-2003 document (.doc)"),
        (lambda folder: _write(folder / "notes.docx", b"Plain text, not a zip.\n"), "not a zip archive"),
        (lambda folder: _write(folder / "empty.docx", b""), "the file is empty"),
    ],
    ids=["doc", "doc-named-docx", "text", "empty"],
)
def test_a_file_that_is_not_a_docx_exits_3_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    draft = make(tmp_path)
    before = sorted(path.name for path in tmp_path.iterdir())
    target = tmp_path / "out.minutes"
    assert main(["import", str(draft), "-o", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("minutes-editor: ")
    assert draft.name in err
    assert message in err
    assert sorted(path.name for path in tmp_path.iterdir()) == before  # nothing written


def test_a_missing_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "absent.docx")]) == EXIT_BAD_INPUT
    assert "absent.docx" in capsys.readouterr().err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (lambda folder: folder / "missing" / "out.minutes", "does not exist"),
        (lambda folder: _write(folder / "a-file", b"") / "out.minutes", "is a file, not a folder"),
        (lambda folder: _folder(folder / "taken.minutes"), "is a folder"),
    ],
    ids=["missing-folder", "parent-is-a-file", "output-is-a-folder"],
)
def test_an_unwritable_output_exits_4(
    exported: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], output, message: str
) -> None:
    _, draft = exported
    target = output(tmp_path)
    assert main(["import", str(draft), "-o", str(target)]) == EXIT_CANNOT_WRITE
    err = capsys.readouterr().err
    assert err.startswith(f"minutes-editor: Cannot save {target.name}")
    assert message in err
    assert not target.is_file()


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.slow
def test_the_installed_command_runs_as_a_process(tmp_path: Path) -> None:
    source = EXAMPLES / "budapest-process-2021-10-14.ar.minutes"
    draft = tmp_path / "draft.docx"
    export_docx(load_report(source), draft)
    target = tmp_path / "draft.minutes"
    command = [sys.executable, "-m", "minutes_editor", "import", str(draft), "-o", str(target)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert completed.returncode == EXIT_OK, completed.stderr
    assert _structure(target) == _structure(source)
    bad = _old_word_file(tmp_path / "old.doc")
    command = [sys.executable, "-m", "minutes_editor", "import", str(bad)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert completed.returncode == EXIT_BAD_INPUT
    assert "old.doc" in completed.stderr
    assert not (tmp_path / "old.minutes").exists()
