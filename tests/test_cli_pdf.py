"""``export -o R.pdf`` without a real LibreOffice: the extension decides, clear errors, the door for writing.

A stand-in ``soffice`` (a shell script first on the PATH) writes a small file
where LibreOffice would write the PDF, or fails, or hangs, as ``FAKE_SOFFICE``
says; the real conversion is tested in tests/export/test_pdf.py.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from minutes_editor.cli import EXIT_NO_PDF, EXIT_OK, EXIT_USAGE, main
from minutes_editor.export import pdf
from minutes_editor.export.pdf import PdfExportError, export_pdf
from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.storage.minutes_file import save_report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a shell script")

FAKE = """#!/bin/sh
# A stand-in for LibreOffice's soffice: FAKE_SOFFICE=fail or hang, else it writes each PDF.
case "$FAKE_SOFFICE" in
  fail) echo "Error: source file could not be loaded"; exit 1;;
  hang) echo $$ > "$FAKE_PID"; sleep 60; exit 0;;
esac
out=""; previous=""
for argument in "$@"; do
  [ "$previous" = "--outdir" ] && out="$argument"
  previous="$argument"
done
for argument in "$@"; do
  case "$argument" in
    *.docx) printf '%%PDF-1.7 stand-in' > "$out/$(basename "$argument" .docx).pdf";;
  esac
done
"""


@pytest.fixture
def report_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    soffice = folder / "soffice"
    soffice.write_text(FAKE)
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("FAKE_PID", str(tmp_path / "fake.pid"))
    path = tmp_path / "r.minutes"
    report = Report(
        language="en",
        title=TitleBlock(meeting="Working group meeting"),
        sections=[Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.BULLET, [Span("Agree the agenda")])])],
    )
    save_report(report, path)
    return path


@pytest.mark.parametrize("name", ["r.odt", "r.txt", "r", "r.pdf.zip"])
def test_an_extension_we_do_not_write_exits_2(report_file: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = report_file.parent / name
    assert main(["export", str(report_file), "-o", str(target)]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert "must be .docx or .pdf" in error
    assert not target.exists()


def test_the_extension_decides_the_format(report_file: Path) -> None:
    target = report_file.parent / "R.PDF"
    assert main(["export", str(report_file), "-o", str(target)]) == EXIT_OK
    assert target.read_bytes() == b"%PDF-1.7 stand-in"
    assert main(["export", str(report_file), "-o", str(report_file.parent / "r.docx")]) == EXIT_OK
    assert (report_file.parent / "r.docx").read_bytes()[:2] == b"PK"


def test_the_previous_pdf_is_kept_as_bak(report_file: Path) -> None:
    target = report_file.parent / "r.pdf"
    target.write_bytes(b"%PDF old")
    assert main(["export", str(report_file), "-o", str(target)]) == EXIT_OK
    assert target.read_bytes() == b"%PDF-1.7 stand-in"
    assert (report_file.parent / "r.pdf.bak").read_bytes() == b"%PDF old"


def test_without_libreoffice_the_message_names_what_to_install(
    report_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    target = report_file.parent / "r.pdf"
    assert main(["export", str(report_file), "-o", str(target)]) == EXIT_NO_PDF
    error = capsys.readouterr().err
    assert "libreoffice-writer-nogui" in error
    assert "LibreOffice" in error
    assert "Nothing was written" in error
    assert not target.exists()


def test_a_failing_libreoffice_changes_nothing_and_says_what_it_said(
    report_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE", "fail")
    target = report_file.parent / "r.pdf"
    target.write_bytes(b"%PDF old")
    assert main(["export", str(report_file), "-o", str(target)]) == EXIT_NO_PDF
    assert "source file could not be loaded" in capsys.readouterr().err
    assert target.read_bytes() == b"%PDF old"
    assert not (report_file.parent / "r.pdf.bak").exists()


def test_a_refused_output_costs_no_conversion(
    report_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: pytest.fail("LibreOffice was looked for"))
    folder = report_file.parent / "taken.pdf"
    folder.mkdir()
    assert main(["export", str(report_file), "-o", str(folder)]) == 4
    assert "is a folder" in capsys.readouterr().err


def test_libreoffice_past_the_time_limit_is_stopped(report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor.storage.minutes_file import load_report

    monkeypatch.setenv("FAKE_SOFFICE", "hang")
    started = time.monotonic()
    with pytest.raises(PdfExportError, match="did not finish within 1 seconds"):
        export_pdf(load_report(report_file), report_file.parent / "r.pdf", timeout=1)
    assert time.monotonic() - started < 15
    pid = int((report_file.parent / "fake.pid").read_text())
    assert not _alive(pid)
    assert not (report_file.parent / "r.pdf").exists()


def test_a_cancelled_export_stops_libreoffice(report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor.storage.minutes_file import load_report

    monkeypatch.setenv("FAKE_SOFFICE", "hang")
    steps = pdf.export_pdf_steps(
        load_report(report_file), report_file.parent / "r.pdf", cancelled=lambda: time.monotonic() > deadline
    )
    deadline = time.monotonic() + 0.5
    with pytest.raises(PdfExportError, match="was cancelled"):
        list(steps)
    assert not (report_file.parent / "r.pdf").exists()


def _alive(pid: int) -> bool:
    for _ in range(50):  # a killed process may take a moment to go
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.1)
    return True
