"""The checks on action items and tables: an item without an owner, an open item past its deadline, empty ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutes_editor.cli import EXIT_PROBLEMS, main
from minutes_editor.model import checks
from minutes_editor.model.item_checks import KINDS
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
    TitleBlock,
)
from minutes_editor.storage.minutes_file import load_report, save_report
from minutes_editor.storage.presets import load_preset

TODAY = dt.date(2026, 12, 7)


def action(text: str, owners: list[str], deadline: dt.date | None = None, *, done: bool = False) -> Block:
    status = ActionStatus.DONE if done else ActionStatus.OPEN
    return Block(BlockKind.ACTION, [Span(text)], action=ActionItem(owners, deadline, status))


def table(*rows: list[str], header: bool = True) -> Block:
    return Block(BlockKind.TABLE, table=Table([[[Span(text)] if text else [] for text in row] for row in rows], header))


def report(*blocks: Block, language: str = "en", heading: str | None = "Follow-up") -> Report:
    return Report(
        language=language,
        title=TitleBlock(meeting="Follow-up meeting"),
        sections=[
            Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.PARAGRAPH, [Span("Objectives.")])]),
            Section(SectionKind.TAKEAWAYS, heading, blocks=list(blocks)),
        ],
    )


def found(report: Report, today: dt.date = TODAY) -> list[tuple[str, str, str]]:
    return [
        (problem.code, problem.where, problem.message)
        for problem in checks.check_report(report, load_preset(report.language), today=today)
    ]


def test_an_action_item_without_an_owner_is_named_by_its_first_words_and_section() -> None:
    problems = found(report(action("Circulate the revised draft of the joint statement to all delegations", [])))
    assert problems == [
        (
            "action-unowned",
            "sections[1].blocks[0]",
            "the action item 'Circulate the revised draft of the…' in section 2 (Follow-up) has no owner",
        )
    ]


def test_an_open_action_item_is_overdue_only_after_its_deadline() -> None:
    item = report(action("Send the list", ["ICMPD"], dt.date(2026, 12, 6)))
    assert found(item, today=dt.date(2026, 12, 6)) == []  # due today: not late yet
    assert found(item, today=TODAY) == [
        (
            "action-overdue",
            "sections[1].blocks[0]",
            "the action item 'Send the list' in section 2 (Follow-up) is open and was due on 2026-12-06",
        )
    ]
    done = report(action("Send the list", ["ICMPD"], dt.date(2020, 1, 1), done=True))
    assert found(done) == []
    assert found(report(action("Send the list", ["ICMPD"]))) == []  # no deadline: never late


def test_today_defaults_to_the_computers_date() -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    late = report(action("Send the list", ["ICMPD"], yesterday))
    assert [problem.code for problem in checks.check_report(late, load_preset("en"))] == ["action-overdue"]


def test_an_action_item_without_text_is_action_empty_not_an_empty_paragraph() -> None:
    problems = found(report(action("  ", [])))
    assert [code for code, _where, _message in problems] == ["action-empty", "action-unowned"]
    assert problems[1][2] == "the action item '(no text)' in section 2 (Follow-up) has no owner"


def test_the_section_is_named_by_its_default_heading_in_the_reports_language() -> None:
    problems = found(report(action("إرسال القائمة", []), language="ar", heading=None))
    heading = load_preset("ar").heading(SectionKind.TAKEAWAYS)
    assert problems == [
        (
            "action-unowned",
            "sections[1].blocks[0]",
            f"the action item 'إرسال القائمة' in section 2 ({heading}) has no owner",
        )
    ]


def test_an_action_item_in_a_session_is_found_at_its_path() -> None:
    subject = report()
    subject.sections[1] = Section(
        SectionKind.DISCUSSION, sessions=[Session("Session 1", blocks=[action("Draft the terms", [])])]
    )
    assert [(code, where) for code, where, _ in found(subject)] == [
        ("action-unowned", "sections[1].sessions[0].blocks[0]")
    ]


def test_a_header_row_with_an_empty_cell_is_flagged_and_a_table_without_header_is_not() -> None:
    problems = found(report(table(["Country", "", "Status"], ["Austria", "Vienna", "done"])))
    assert problems == [
        (
            "table-header-empty",
            "sections[1].blocks[0]",
            "a table in section 2 (Follow-up) has an empty header cell (column 2)",
        )
    ]
    assert found(report(table(["Country", "", "Status"], ["Austria", "Vienna", "done"], header=False))) == []


def test_an_empty_table_is_an_empty_block() -> None:
    assert [code for code, _where, _message in found(report(table(["", ""], ["", ""], header=False)))] == [
        "block-empty"
    ]


def test_table_cells_are_checked_as_fields_of_their_own() -> None:
    # A Latin comma between Arabic words in the second row's first cell.
    subject = report(table(["البلد", "الحالة"], ["النمسا, فيينا", "منجز"]), language="ar")
    problems = checks.check_report(subject, load_preset("ar"), today=TODAY)
    assert [(problem.code, problem.where, problem.start) for problem in problems] == [
        ("latin-punctuation", "sections[1].blocks[0].rows[1].cells[0]", 6)
    ]


def test_every_new_code_has_a_label_for_the_checks_dock() -> None:
    subject = report(
        action("", [], dt.date(2020, 1, 1)),
        table(["", "x"]),
    )
    codes = {code for code, _where, _message in found(subject)}
    assert codes == set(KINDS)


def test_the_command_line_check_prints_the_action_item_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "follow-up.minutes"
    subject = report(action("Send the list", [], dt.date(2020, 1, 1)))
    save_report(subject, source)
    assert load_report(source).sections[1].blocks[0].action is not None
    assert main(["check", str(source)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert (
        "warning: sections[1].blocks[0]: the action item 'Send the list' in section 2 (Follow-up) has no owner" in out
    )
    assert "[action-unowned]" in out
    assert "is open and was due on 2020-01-01 [action-overdue]" in out
