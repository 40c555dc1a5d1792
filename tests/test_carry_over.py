"""model/carry_over.py ``next_report``: what the next meeting's report takes from the previous one."""

from __future__ import annotations

import datetime as dt

from minutes_editor.model.carry_over import next_report
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Change,
    Comment,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.rules import check_block

NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
ME = Change("Reviewer", dt.datetime(2026, 12, 1, tzinfo=dt.UTC))


def _previous() -> Report:
    return Report(
        language="en",
        title=TitleBlock(
            meeting="Working group",
            subtitle="Autumn",
            date=dt.date(2026, 11, 3),
            start_time=dt.time(10),
            end_time=dt.time(12),
            timezone="CET",
            location="Vienna",
            status="Final report",
        ),
        sections=[
            Section(
                SectionKind.PARTICIPATION,
                blocks=[Block(BlockKind.PARAGRAPH, [Span("All came.")])],
                participants=[Participant("Austria", "AT"), Participant("ICMPD", "org:ICMPD")],
            ),
            Section(
                SectionKind.DISCUSSION,
                heading="Debate",
                sessions=[
                    Session(
                        "Session 1",
                        blocks=[
                            Block(BlockKind.PARAGRAPH, [Span("Talked.")]),
                            Block(
                                BlockKind.ACTION,
                                [Span("Survey"), FootnoteRef("fn1")],
                                action=ActionItem(["Austria"], dt.date(2026, 12, 1)),
                            ),
                        ],
                    )
                ],
                blocks=[
                    Block(
                        BlockKind.ACTION,
                        [Span("Agenda", bold=True, comments=("c1",))],
                        action=ActionItem(["ICMPD", "Austria"], None),
                    ),
                    Block(BlockKind.ACTION, [Span("Room")], action=ActionItem([], None, ActionStatus.DONE)),
                ],
            ),
            Section(
                SectionKind.TAKEAWAYS,
                level=2,
                blocks=[
                    # Proposed deleted: after Accept All it is gone.
                    Block(BlockKind.ACTION, [Span("Gone", deleted=ME)], deleted=ME, action=ActionItem(["ICMPD"], None)),
                    Block(
                        BlockKind.ACTION,
                        [Span("New ", inserted=ME), Span("minutes")],
                        action=ActionItem(["ICMPD"], dt.date(2027, 1, 15)),
                    ),
                ],
            ),
        ],
        footnotes=[Footnote("fn1", [Span("A note.")])],
        comments=[Comment("c1", "Reviewer", ["Who?"])],
        author="Rapporteur",
        template="formal",
    )


def test_the_title_block_keeps_the_meeting_and_place_and_clears_the_date_and_times() -> None:
    report = next_report(_previous(), now=NOW, draft_status="Draft report")
    assert report.title == TitleBlock(
        meeting="Working group", subtitle="Autumn", timezone="CET", location="Vienna", status="Draft report"
    )
    assert (report.language, report.author, report.template) == ("en", "Rapporteur", "formal")
    assert report.created == report.modified == NOW


def test_sections_keep_their_kinds_headings_and_participants_but_not_their_text_or_sessions() -> None:
    previous = _previous()
    report = next_report(previous, now=NOW, draft_status="Draft report")
    assert [(s.kind, s.heading, s.level) for s in report.sections] == [
        (SectionKind.PARTICIPATION, None, 1),
        (SectionKind.DISCUSSION, "Debate", 1),
        (SectionKind.TAKEAWAYS, None, 2),
    ]
    assert report.sections[0].participants == previous.sections[0].participants
    assert report.sections[0].blocks == []
    assert all(not section.sessions for section in report.sections)
    assert (report.footnotes, report.comments, report.field_changes) == ([], [], [])


def test_open_action_items_stay_in_their_sections_kinds_done_ones_dropped() -> None:
    previous = _previous()
    report = next_report(previous, now=NOW, draft_status="Draft report")
    carried = [[(b.content, b.action) for b in section.blocks] for section in report.sections]
    assert carried == [
        [],
        [
            ([Span("Agenda", bold=True)], ActionItem(["ICMPD", "Austria"], None)),
            ([Span("Survey")], ActionItem(["Austria"], dt.date(2026, 12, 1))),
        ],
        [([Span("New "), Span("minutes")], ActionItem(["ICMPD"], dt.date(2027, 1, 15)))],
    ]
    for block in report.all_blocks():
        check_block(block)
        assert (block.inserted, block.deleted, block.old_format) == (None, None, None)


def test_every_part_has_a_new_id_and_the_previous_report_is_left_as_it_was() -> None:
    previous = _previous()
    before = repr(previous)
    old_ids = {s.id for s in previous.sections} | {b.id for b in previous.all_blocks()}
    report = next_report(previous, now=NOW, draft_status="Draft report")
    new_ids = {s.id for s in report.sections} | {b.id for b in report.all_blocks()}
    assert old_ids.isdisjoint(new_ids)
    assert len(new_ids) == len(report.sections) + len(report.all_blocks())
    assert repr(previous) == before
