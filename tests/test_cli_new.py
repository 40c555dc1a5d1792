"""``minutes-editor new --from PREVIOUS.minutes -o NEXT.minutes`` run as a real command: the file written, refusals."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from minutes_editor.cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK
from minutes_editor.model.report import ActionItem, ActionStatus, Block, BlockKind, Report, SectionKind, Span
from minutes_editor.storage.minutes_file import load_report, save_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_EN = ROOT / "examples" / "budapest-process-2021-10-14.en.minutes"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_editor", *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def _previous_with_actions() -> Report:
    report = load_report(EXAMPLE_EN)
    takeaways = next(section for section in report.sections if section.kind is SectionKind.TAKEAWAYS)
    takeaways.blocks += [
        Block(
            BlockKind.ACTION,
            [Span("Circulate the revised "), Span("terms of reference", bold=True)],
            action=ActionItem(["ICMPD", "Austria"], dt.date(2021, 11, 30)),
        ),
        Block(BlockKind.ACTION, [Span("Book the room")], action=ActionItem(["Hungary"], None, ActionStatus.DONE)),
    ]
    discussion = next(section for section in report.sections if section.kind is SectionKind.DISCUSSION)
    discussion.sessions[0].blocks.append(
        Block(BlockKind.ACTION, [Span("Share the survey")], action=ActionItem([], dt.date(2021, 12, 15)))
    )
    return report


def test_new_from_a_previous_report_carries_its_open_action_items(tmp_path: Path) -> None:
    previous = tmp_path / "october.minutes"
    save_report(_previous_with_actions(), previous)
    target = tmp_path / "next.minutes"
    completed = _run("new", "--from", str(previous), "-o", str(target))
    assert completed.returncode == EXIT_OK, completed.stderr
    assert completed.stdout.strip() == str(target)
    report = load_report(target)
    items = [block for block in report.all_blocks() if block.kind is BlockKind.ACTION]
    assert [(block.plain_text, block.action) for block in items] == [
        ("Share the survey", ActionItem([], dt.date(2021, 12, 15))),
        ("Circulate the revised terms of reference", ActionItem(["ICMPD", "Austria"], dt.date(2021, 11, 30))),
    ]


def test_new_from_a_previous_report_keeps_its_title_participants_and_headings(tmp_path: Path) -> None:
    target = tmp_path / "next.minutes"
    completed = _run("new", "--from", str(EXAMPLE_EN), "-o", str(target))
    assert completed.returncode == EXIT_OK, completed.stderr
    assert completed.stdout.strip() == str(target)
    previous, report = load_report(EXAMPLE_EN), load_report(target)
    assert report.title.meeting == previous.title.meeting
    assert report.title.location == previous.title.location
    assert (report.title.date, report.title.start_time, report.title.end_time) == (None, None, None)
    assert report.title.status == "Draft report"
    assert [(s.kind, s.heading, s.level) for s in report.sections] == [
        (s.kind, s.heading, s.level) for s in previous.sections
    ]
    assert [s.participants for s in report.sections] == [s.participants for s in previous.sections]
    assert any(s.participants for s in report.sections)
    assert report.all_blocks() == []  # the example has no action items: every body starts empty
    assert all(not section.sessions for section in report.sections)
    assert (report.footnotes, report.comments, report.field_changes) == ([], [], [])
    new_ids = {section.id for section in report.sections}
    assert new_ids.isdisjoint(section.id for section in previous.sections)


def test_new_from_an_unreadable_report_writes_nothing(tmp_path: Path) -> None:
    previous = tmp_path / "broken.minutes"
    previous.write_text('{"format": "minutes-editor", "version": 2, "report": ', encoding="utf-8")
    target = tmp_path / "next.minutes"
    completed = _run("new", "--from", str(previous), "-o", str(target))
    assert completed.returncode == EXIT_BAD_INPUT
    assert "broken.minutes" in completed.stderr
    assert not target.exists()


def test_new_from_a_missing_report_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "next.minutes"
    completed = _run("new", "--from", str(tmp_path / "nowhere.minutes"), "-o", str(target))
    assert completed.returncode == EXIT_BAD_INPUT
    assert "nowhere.minutes" in completed.stderr
    assert not target.exists()


def test_new_refuses_to_write_over_the_previous_report(tmp_path: Path) -> None:
    previous = tmp_path / "october.minutes"
    previous.write_bytes(EXAMPLE_EN.read_bytes())
    completed = _run("new", "--from", str(previous), "-o", str(previous))
    assert completed.returncode == EXIT_CANNOT_WRITE
    assert previous.read_bytes() == EXAMPLE_EN.read_bytes()


def test_new_needs_the_previous_report_and_the_output() -> None:
    assert _run("new", "-o", "next.minutes").returncode == 2
    assert _run("new", "--from", str(EXAMPLE_EN)).returncode == 2
