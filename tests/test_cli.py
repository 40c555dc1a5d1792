"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from minutes_editor.cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, EXIT_PROBLEMS, main
from minutes_editor.model.report import Block, BlockKind, Footnote, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.storage.minutes_file import save_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_AR = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"


def _small_report() -> Report:
    return Report(
        language="en",
        title=TitleBlock(meeting="Working group meeting"),
        sections=[Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.BULLET, [Span("Agree the agenda")])])],
    )


def test_export_writes_a_docx_and_prints_its_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "meeting.minutes"
    save_report(_small_report(), source)
    target = tmp_path / "out.docx"
    assert main(["export", str(source), "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().out.strip() == str(target)
    with zipfile.ZipFile(target) as archive:
        document = archive.read("word/document.xml").decode()
    assert "Agree the agenda" in document


def test_export_defaults_to_a_docx_beside_the_report(tmp_path: Path) -> None:
    source = tmp_path / "meeting.minutes"
    save_report(_small_report(), source)
    assert main(["export", str(source)]) == EXIT_OK
    assert (tmp_path / "meeting.docx").is_file()


def test_export_of_a_broken_file_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.minutes"
    save_report(_small_report(), source)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["report"]["sections"][0]["blocks"][0]["level"] = 7
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main(["export", str(source), "-o", str(tmp_path / "x.docx")]) == EXIT_BAD_INPUT
    assert "sections[0].blocks[0].level: 7 is not between 1 and 3" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_export_to_a_missing_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "meeting.minutes"
    save_report(_small_report(), source)
    assert main(["export", str(source), "-o", str(tmp_path / "no" / "such" / "x.docx")]) == EXIT_CANNOT_WRITE
    assert "does not exist" in capsys.readouterr().err


def test_check_lists_problems_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _small_report()
    report.footnotes.append(Footnote("orphan", [Span("Never referenced.")]))
    source = tmp_path / "meeting.minutes"
    save_report(report, source)
    assert main(["check", str(source)]) == EXIT_PROBLEMS
    assert "footnotes[0]: footnote 'orphan' is referenced nowhere" in capsys.readouterr().out


def test_check_of_a_clean_report_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "meeting.minutes"
    save_report(_small_report(), source)
    assert main(["check", str(source)]) == EXIT_OK
    assert "no problems found" in capsys.readouterr().out


def test_check_of_a_newer_version_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "future.minutes"
    save_report(_small_report(), source)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["version"] = 99
    source.write_text(json.dumps(data), encoding="utf-8")
    before = source.read_bytes()
    assert main(["check", str(source)]) == EXIT_BAD_INPUT
    assert "newer Minutes Editor" in capsys.readouterr().out
    assert source.read_bytes() == before


@pytest.mark.skipif(not EXAMPLE_AR.exists(), reason="the Arabic example is not in this tree")
def test_python_dash_m_exports_the_example(tmp_path: Path) -> None:
    target = tmp_path / "ar.docx"
    completed = subprocess.run(
        [sys.executable, "-m", "minutes_editor", "export", str(EXAMPLE_AR), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert completed.stdout.strip() == str(target)
    assert zipfile.is_zipfile(target)


def test_editor_options_reach_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor import cli

    opened: list[tuple[Path | None, list[str]]] = []

    def record(path: Path | None, extra: list[str]) -> int:
        opened.append((path, extra))
        return EXIT_OK

    monkeypatch.setattr(cli, "_open_editor", record)
    assert main(["--lang", "ar"]) == EXIT_OK
    assert main(["meeting.minutes", "--lang", "en"]) == EXIT_OK
    assert main([]) == EXIT_OK
    assert opened == [(None, ["--lang", "ar"]), (Path("meeting.minutes"), ["--lang", "en"]), (None, [])]


def test_final_export_leaves_out_the_formal_templates_watermark(tmp_path: Path) -> None:
    source = tmp_path / "meeting.minutes"
    save_report(_small_report(), source)
    draft, final = tmp_path / "draft.docx", tmp_path / "final.docx"
    assert main(["export", str(source), "-o", str(draft), "--template", "formal"]) == EXIT_OK
    assert main(["export", str(source), "-o", str(final), "--template", "formal", "--final"]) == EXIT_OK

    def headers(path: Path) -> str:
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("word/header"))

    assert "DRAFT" in headers(draft)
    assert "DRAFT" not in headers(final)


def test_export_uses_the_reports_own_template_unless_told_otherwise(tmp_path: Path) -> None:
    report = _small_report()
    report.template = "formal"
    source = tmp_path / "meeting.minutes"
    save_report(report, source)
    own, plain = tmp_path / "own.docx", tmp_path / "plain.docx"
    assert main(["export", str(source), "-o", str(own)]) == EXIT_OK
    assert main(["export", str(source), "-o", str(plain), "--template", "report"]) == EXIT_OK
    with zipfile.ZipFile(own) as archive:
        own_headers = [name for name in archive.namelist() if name.startswith("word/header")]
        assert any("DRAFT" in archive.read(name).decode() for name in own_headers)
    with zipfile.ZipFile(plain) as archive:
        assert not any("DRAFT" in archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
