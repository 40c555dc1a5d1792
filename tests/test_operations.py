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
from tests.strategies import reports

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
    report = data.draw(reports(max_sections=4))
    before = copy.deepcopy(report)
    operation = data.draw(operations(report))
    try:
        inverse = operation.apply(report)
    except OperationRefusedError:
        assert report == before  # refused: nothing changed
        return
    after = copy.deepcopy(report)
    # Whatever was allowed keeps the rules.
    check_sections(report.sections)
    assert all(not section.sessions or section.kind is SectionKind.DISCUSSION for section in report.sections)
    redo = inverse.apply(report)
    assert report == before
    # The inverse of the inverse makes the change again.
    redo.apply(report)
    assert report == after


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
