"""Tracking without Qt: the change an edit carries, pending field changes, a note's line turned back into spans."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_editor.model import operations as ops
from minutes_editor.model import review
from minutes_editor.model.report import Change, FieldChange, Footnote, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.model.tracking import edited_content, field_record, tracked_change, visible_text

ME = Change("Amal", dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC))
BEN = Change("Ben", dt.datetime(2026, 5, 1, tzinfo=dt.UTC))


def test_a_tracked_change_is_dated_in_utc_to_the_minute() -> None:
    cairo = dt.timezone(dt.timedelta(hours=3))
    change = tracked_change("Amal", dt.datetime(2026, 5, 4, 13, 30, 42, 5, tzinfo=cairo))
    assert change == Change("Amal", dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC))


def test_the_first_edit_of_a_field_records_its_old_value_and_an_edit_back_takes_it_away() -> None:
    section = Section(SectionKind.GENERIC, heading="Old")
    report = Report(title=TitleBlock(location="Vienna"), sections=[section])
    record = field_record(report, report.title, ops.LOCATION, "Budapest", ME)
    assert record is not None
    record.apply(report)
    assert report.field_changes == [FieldChange("TitleBlock.location", "", "Vienna", ME)]
    report.title.location = "Budapest"
    assert field_record(report, report.title, ops.LOCATION, "Budapest, Hungary", ME) is None  # one is pending
    back = field_record(report, report.title, ops.LOCATION, "Vienna", ME)
    assert back is not None
    back.apply(report)
    assert report.field_changes == []
    heading = field_record(report, section, ops.HEADING, "New", ME)
    assert heading is not None
    assert heading.changes == [FieldChange("Section.heading", section.id, "Old", ME)]
    assert field_record(report, section, ops.PARTICIPANTS, [], ME) is None  # not a field a report keeps pending


def test_editing_a_notes_line_keeps_emphasis_and_deletions_and_marks_when_tracking() -> None:
    content = [Span("See "), Span("page 4", bold=True), Span(" of the old", deleted=BEN), Span(".")]
    assert visible_text(content) == "See page 4."
    assert edited_content(content, "See page 42.") == [
        Span("See "),
        Span("page 42", bold=True),
        Span(" of the old", deleted=BEN),
        Span("."),
    ]
    assert edited_content(content, "See p 4.", ME) == [
        Span("See "),
        Span("p", bold=True),
        Span("age", bold=True, deleted=ME),
        Span(" 4", bold=True),
        Span(" of the old", deleted=BEN),
        Span("."),
    ]
    mine = [Span("See "), Span("XY", inserted=ME), Span("page")]
    assert edited_content(mine, "See page", ME) == [Span("See page")]  # my own insertion really goes


@settings(max_examples=200, deadline=None)
@given(
    old=st.lists(st.tuples(st.text("ab ج", min_size=1, max_size=4), st.booleans()), max_size=5),
    new=st.text("ab ج", max_size=12),
    tracked=st.booleans(),
)
def test_a_notes_line_edited_reads_back_and_tracked_keeps_both_views(old, new, tracked) -> None:
    content = [Span(text, bold=bold) for text, bold in old]
    result = edited_content(content, new, ME if tracked else None)
    assert visible_text(result) == new
    if tracked:
        report = Report(footnotes=[Footnote("n", result)])
        assert visible_text(review.accepted(report).footnotes[0].content) == new
        assert visible_text(review.rejected(report).footnotes[0].content) == visible_text(content)
