"""The model's operations, headless: an operation then its inverse gives the report back; a refusal changes nothing."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_editor.model import operations as ops
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Footnote,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
)
from minutes_editor.model.rules import OperationRefusedError, Rule, check_sections, level_allowed
from minutes_editor.storage.minutes_file import report_from_bytes, report_to_bytes
from tests.storage.reviewed_report import reviewed_report
from tests.strategies import ids_of, reports

SMALL = st.integers(-1, 9)


@st.composite
def operations(draw: st.DrawFn, report: Report) -> ops.Operation:
    """Any operation on ``report``, allowed or not (indexes a little outside the lists, sub-headings first...)."""
    sections = report.sections
    any_section = st.sampled_from(sections) if sections else st.just(Section(SectionKind.DISCUSSION))
    sessions = [session for section in sections for session in section.sessions]
    choices: list[st.SearchStrategy[ops.Operation]] = [
        st.builds(ops.SetField, st.just(report.title), st.just(ops.MEETING), st.text(max_size=5)),
        st.builds(ops.SetField, st.just(report.title), st.just(ops.DATE), st.none() | st.dates()),
        st.builds(ops.SetField, st.just(report.title), st.just(ops.START_TIME), st.none() | st.just(dt.time(9))),
        st.builds(ops.InsertSection, SMALL, st.builds(Section, st.sampled_from(list(SectionKind)), level=SMALL)),
        st.builds(ops.RemoveSection, SMALL),
        st.builds(ops.MoveSection, SMALL, SMALL),
        st.builds(ops.InsertSession, any_section, SMALL, st.builds(Session, st.text(max_size=5))),
        st.builds(ops.RemoveSession, any_section, SMALL),
        st.builds(ops.MoveSession, any_section, SMALL, any_section, SMALL),
        st.builds(ops.AddFootnote, SMALL, st.builds(Footnote, st.sampled_from(["fn1", "fn2", "new"]))),
        st.builds(ops.RemoveFootnote, SMALL),
    ]
    if sections:
        choices += [
            st.builds(ops.SetField, any_section, st.just(ops.LEVEL), SMALL),
            st.builds(ops.SetField, any_section, st.just(ops.HEADING), st.none() | st.text(max_size=5)),
            st.builds(
                ops.SetField, any_section, st.just(ops.PARTICIPANTS), st.lists(st.builds(Participant, st.text()))
            ),
            st.builds(ops.ReplaceBlocks, any_section, st.lists(st.builds(Block, st.just(BlockKind.PARAGRAPH)))),
        ]
    if sessions:
        session = st.sampled_from(sessions)
        choices += [
            st.builds(ops.SetField, session, st.just(ops.SESSION_TITLE), st.text(max_size=5)),
            st.builds(ops.SetField, session, st.just(ops.GOALS), st.lists(st.text(max_size=3), max_size=2)),
        ]
    if report.footnotes:
        choices.append(
            st.builds(
                ops.SetField,
                st.sampled_from(report.footnotes),
                st.just(ops.NOTE_CONTENT),
                st.lists(st.builds(Span, st.text(max_size=3)), max_size=2),
            )
        )
    return draw(st.one_of(choices))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_an_operation_then_its_inverse_gives_the_report_back(data: st.DataObject) -> None:
    _operation_and_inverse(data, data.draw(reports(max_sections=4)))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_an_operation_then_its_inverse_gives_a_reviewed_report_back(data: st.DataObject) -> None:
    _operation_and_inverse(data, data.draw(reports(max_sections=4, reviewed=True)))


def _operation_and_inverse(data: st.DataObject, report: Report) -> None:
    before = copy.deepcopy(report)
    operation = data.draw(operations(report))
    try:
        inverse = operation.apply(report)
    except OperationRefusedError:
        assert report == before  # refused: nothing changed
        return
    after = copy.deepcopy(report)
    # Whatever was allowed keeps the rules; a removal leaves nothing naming the part removed (the file refuses it).
    check_sections(report.sections)
    assert all(not section.sessions or section.kind is SectionKind.DISCUSSION for section in report.sections)
    if isinstance(operation, ops.RemoveSection | ops.RemoveSession):
        assert report_from_bytes(report_to_bytes(report)) == report
    redo = inverse.apply(report)
    assert report == before
    assert ids_of(report) == ids_of(before)
    # The inverse of the inverse makes the change again.
    redo.apply(report)
    assert report == after
    assert ids_of(report) == ids_of(after)


def test_inserted_parts_keep_their_ids() -> None:
    report = reviewed_report()
    section, session = report.sections[1], report.sections[1].sessions[0]
    expected = ids_of(report)
    ops.RemoveSession(section, 0).apply(report)
    ops.InsertSession(section, 0, session).apply(report)
    ops.RemoveSection(1).apply(report)
    ops.InsertSection(1, section).apply(report)
    assert report.sections[1] is section
    assert ids_of(report) == expected
    # New parts get new ids of their own.
    fresh = Section(SectionKind.DISCUSSION, sessions=[Session("")])
    ops.InsertSection(2, fresh).apply(report)
    ops.InsertSession(fresh, 1, Session("x")).apply(report)
    ids = [part for entry in ids_of(report) for part in _flat(entry)]
    assert len(ids) == len(set(ids))


def _flat(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for part in value for item in _flat(part)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("what", ["section", "session"])
def test_removing_a_part_lets_go_of_its_field_changes_and_comments_and_undo_puts_them_back(what: str) -> None:
    report = reviewed_report()
    discussion = report.sections[1]
    changes, comments = report.field_changes, report.comments
    removal = ops.RemoveSection(1) if what == "section" else ops.RemoveSession(discussion, 0)
    undo = removal.apply(report)
    # The report still saves: nothing names the part that went.
    assert report_from_bytes(report_to_bytes(report)) == report
    gone = {"s00000000002", "t00000000001"} if what == "section" else {"t00000000001"}
    assert [change.owner for change in report.field_changes if change.owner in gone] == []
    assert len(report.field_changes) == len(changes) - (4 if what == "section" else 2)
    # Comments are kept, as comments on no field.
    assert [comment.id for comment in report.comments] == [comment.id for comment in comments]
    on_heading = report.comments[3]
    assert (on_heading.field_name, on_heading.owner) == (
        ("", "") if what == "section" else ("Section.heading", "s00000000002")
    )
    assert report.field_changes is not changes  # replaced, as the journal expects
    undo.apply(report)
    assert report.field_changes is changes
    assert report.comments is comments
    assert report == reviewed_report()


def test_removing_a_part_nothing_names_leaves_the_lists_alone() -> None:
    report = reviewed_report()
    changes, comments = report.field_changes, report.comments
    ops.InsertSection(2, Section(SectionKind.GENERIC)).apply(report)
    ops.RemoveSection(2).apply(report)
    assert report.field_changes is changes
    assert report.comments is comments


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_list_fields_and_bodies_are_replaced_never_changed_in_place(data: st.DataObject) -> None:
    # The recovery journal notices a changed list by identity (storage/journal.py).
    report = data.draw(reports(max_sections=3))
    for section in report.sections:
        blocks = section.blocks
        ops.ReplaceBlocks(section, list(blocks)).apply(report)
        assert section.blocks is not blocks
        if section.kind is SectionKind.PARTICIPATION:
            participants = section.participants
            ops.SetField(section, ops.PARTICIPANTS, participants).apply(report)
            assert section.participants is not participants
    notes = report.footnotes
    ops.AddFootnote(0, Footnote("added")).apply(report)
    assert report.footnotes is not notes


def test_the_first_section_cannot_be_a_sub_heading_by_any_way() -> None:
    first, second = Section(SectionKind.OPENING_REMARKS), Section(SectionKind.TAKEAWAYS, level=2)
    report = Report(sections=[first, second])
    before = copy.deepcopy(report)
    refused: list[ops.Operation] = [
        ops.SetField(first, ops.LEVEL, 2),
        ops.RemoveSection(0),
        ops.MoveSection(0, 1),
        ops.MoveSection(1, 0),
        ops.InsertSection(0, Section(SectionKind.GENERIC, level=2)),
    ]
    for operation in refused:
        with pytest.raises(OperationRefusedError) as refusal:
            operation.apply(report)
        assert refusal.value.rule is Rule.FIRST_SECTION_LEVEL
        assert report == before
    assert level_allowed(2, first=False)
    assert not level_allowed(2, first=True)


def test_a_field_is_set_only_on_its_own_kind_of_part() -> None:
    with pytest.raises(OperationRefusedError):
        ops.SetField(Session("s"), ops.HEADING, "x").apply(Report())  # type: ignore[arg-type]
