"""Reports with everything the shared document holds: pending changes, comments, field changes (for co-editing tests).

``tests/strategies.reports`` draws the content; ``reviewed_reports`` adds
reviewers' marks to it: changes on spans, references and block ends,
emphasis and block-format changes, comments (replies, resolved ones, some
anchored on an empty span) and pending field changes of every kind of field.
"""

from __future__ import annotations

from hypothesis import strategies as st

from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    BlockFormatChange,
    Change,
    Comment,
    FieldChange,
    FootnoteRef,
    FormatChange,
    Inline,
    Report,
    Span,
    new_id,
)
from minutes_editor.model.rules import FORMAT_KINDS
from tests.strategies import datetimes, optional, reports, texts, times

CHANGES = st.builds(
    Change, author=texts(max_size=8), date=optional(datetimes()), move=st.sampled_from(["", "", "move1"])
)


def canonical(report: Report) -> Report:
    """The report as the shared document gives it back: runs, not spans (see layout.content_pieces)."""

    def runs(content: list[Inline]) -> list[Inline]:
        result: list[Inline] = []
        for item in content:
            if isinstance(item, Span):
                if not item.text and not item.comments:
                    continue
                last = result[-1] if result else None
                if isinstance(last, Span) and last.text and item.text and _marks(last) == _marks(item):
                    result[-1] = Span(last.text + item.text, *_marks(item))
                    continue
            result.append(item)
        return result

    for block in report.all_blocks():
        block.content = runs(block.content)
        if block.table is not None:
            block.table.rows = [
                [[item for item in runs(list(cell)) if isinstance(item, Span)] for cell in row]
                for row in block.table.rows
            ]
    for note in report.footnotes:
        note.content = [item for item in runs(list(note.content)) if isinstance(item, Span)]
    return report


def _marks(span: Span) -> tuple[object, ...]:
    return (span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)


@st.composite
def reviewed_reports(draw: st.DrawFn, **options: object) -> Report:
    """A report of ``tests.strategies.reports(**options)`` with reviewers' changes and comments added."""
    report: Report = draw(reports(**options))  # type: ignore[arg-type]
    comment_ids = draw(st.lists(st.text("abcdef0123456789", min_size=1, max_size=6), max_size=4, unique=True))
    comments = []
    for index, comment_id in enumerate(comment_ids):
        parent = draw(st.sampled_from(["", *comment_ids[:index]]))
        comments.append(
            Comment(
                id=comment_id,
                author=draw(texts(max_size=8)),
                text=draw(st.lists(texts(max_size=12), max_size=2)),
                date=draw(optional(datetimes())),
                initials=draw(st.sampled_from(["", "AB"])),
                parent=parent,
                done=draw(st.booleans()),
                field_name=draw(st.sampled_from(["", "Section.heading"])),
                owner=draw(st.sampled_from(["", new_id()])),
            )
        )
    report.comments = comments
    marked = st.sampled_from(comment_ids) if comment_ids else st.nothing()
    for block in report.all_blocks():
        content: list[Inline] = []
        for item in block.content:
            if isinstance(item, FootnoteRef):
                item.inserted = draw(optional(CHANGES))
                item.deleted = draw(optional(CHANGES))
                content.append(item)
                continue
            item.inserted = draw(optional(CHANGES))
            item.deleted = draw(optional(CHANGES))
            if draw(st.booleans()):
                item.old_format = FormatChange(draw(CHANGES), draw(st.booleans()), draw(st.booleans()))
            if comment_ids:
                item.comments = tuple(draw(st.lists(marked, max_size=2, unique=True)))
            content.append(item)
            if comment_ids and draw(st.integers(0, 5)) == 0:
                content.append(Span("", comments=(draw(marked),)))  # a comment on no text
        block.content = content
        block.inserted = draw(optional(CHANGES))
        block.deleted = draw(optional(CHANGES))
        if draw(st.booleans()):
            block.old_format = BlockFormatChange(
                draw(CHANGES), draw(st.sampled_from(FORMAT_KINDS)), draw(st.integers(1, MAX_BULLET_LEVEL))
            )
    olds = st.one_of(
        st.tuples(st.just("TitleBlock.location"), optional(texts(max_size=8))),
        st.tuples(st.just("TitleBlock.date"), optional(st.dates())),
        st.tuples(st.just("TitleBlock.start_time"), optional(times())),
        st.tuples(st.just("Section.level"), st.integers(1, 2)),
        st.tuples(st.just("Session.goals"), st.lists(texts(max_size=8), max_size=3)),
        st.tuples(st.just("Session.title"), texts(max_size=8)),
    )
    report.field_changes = [
        FieldChange(field_name=name, owner=draw(st.sampled_from(["", new_id()])), old=old, change=draw(CHANGES))
        for name, old in draw(st.lists(olds, max_size=3))
    ]
    return report
