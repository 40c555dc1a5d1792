"""The review list: every pending change and comment thread of a report in reading order, each with its place.

What the review pane shows. The changes come from ``review.revisions``; each
entry carries an ``Anchor`` (the field path of model/text_fields.py and the
stretch of its text where it starts) found through ``ReportPlaces``, which
finds blocks, footnotes and parts by id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from minutes_editor.model.comments import thread_root
from minutes_editor.model.report import (
    Change,
    Comment,
    FootnoteRef,
    Inline,
    Report,
    Section,
    Session,
    Span,
)
from minutes_editor.model.review import Revision, RevisionKind, revisions
from minutes_editor.model.text_fields import TITLE_FIELDS, cell_path, content_text


@dataclass
class Thread:
    """A comment that starts a thread and its replies, in the report's order."""

    comment: Comment
    replies: list[Comment] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Whether the thread is resolved (its first comment's state)."""
        return self.comment.done


def threads(report: Report) -> list[Thread]:
    """The comment threads of ``report``; a reply whose comment is not there starts a thread of its own."""
    known = {comment.id for comment in report.comments}
    result: dict[str, Thread] = {}
    for comment in report.comments:
        if comment.parent and comment.parent in known:
            continue
        result[comment.id] = Thread(comment)
    for comment in report.comments:
        if comment.parent and comment.parent in known:
            root = thread_root(report, comment.id)
            if root in result:
                result[root].replies.append(comment)
    return list(result.values())


@dataclass(frozen=True)
class Anchor:
    """Where a pending change or a comment is: a field path (model/text_fields.py) and a stretch of its text.

    ``start`` and ``end`` index the field's text as ``text_fields.content_text``
    gives it (a footnote reference is one character); ``order`` sorts anchors in
    reading order. ``path`` is "" for a comment whose range is nowhere in the report.
    """

    path: str
    start: int = 0
    end: int = 0
    order: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass
class Entry:
    """A line of the review list: a pending change or a comment thread, and its anchor."""

    item: Revision | Thread
    anchor: Anchor


#: The order of the parts of a section or session: its heading or title, its goals, its body.
_HEAD, _GOALS, _BODY = 0, 1, 2
_NOWHERE = (1 << 30, 0, 0, 0)


class ReportPlaces:
    """Finds blocks, footnotes and fields of a report by id: their paths and their place in reading order."""

    def __init__(self, report: Report) -> None:
        self.report = report
        #: Block id -> (its body, its index there, its path, its part's number in reading order).
        self.blocks: dict[str, tuple[Section | Session, int, str, int]] = {}
        #: Section or session id -> (it, its path, its number in reading order).
        self.parts: dict[str, tuple[Section | Session, str, int]] = {}
        number = 0
        for s_index, section in enumerate(report.sections):
            number += 1
            self._add(section, f"sections[{s_index}]", number)
            for j_index, session in enumerate(section.sessions):
                number += 1
                self._add(session, f"sections[{s_index}].sessions[{j_index}]", number)
        self.footnote_base = number + 1
        self.footnotes = {note.id: index for index, note in enumerate(report.footnotes)}

    def _add(self, owner: Section | Session, path: str, number: int) -> None:
        self.parts[owner.id] = (owner, path, number)
        for index, block in enumerate(owner.blocks):
            self.blocks[block.id] = (owner, index, f"{path}.blocks[{index}]", number)

    def part_path(self, owner: Section | Session) -> str | None:
        """The path of a section or session ("sections[2].sessions[0]"), None if it is not in the report."""
        found = self.parts.get(owner.id)
        return found[1] if found is not None and found[0] is owner else None

    def content_of(self, place: str) -> tuple[list[Inline] | list[Span], str, tuple[int, int, int]] | None:
        """The content of a block or footnote by id, its path and its order; None if there is none."""
        block = self.blocks.get(place)
        if block is not None:
            owner, index, path, number = block
            return owner.blocks[index].content, path, (number, _BODY, index)
        note = self.footnotes.get(place)
        if note is not None:
            return self.report.footnotes[note].content, f"footnotes[{note}]", (self.footnote_base + note, 0, 0)
        return None

    def texts_of(self, place: str) -> Iterator[tuple[list[Inline] | list[Span], str, tuple[int, int, int], int]]:
        """Each text of a block or footnote by id: its content, path, order and offset in the block's text.

        One text for a paragraph or footnote; one per cell for a table, each at
        its cell's path (text_fields.cell_path), its offset counting the cells
        before it as ``Block.plain_text`` does (a tab or line break between).
        """
        located = self.content_of(place)
        if located is None:
            return
        content, path, order = located
        block = self.blocks.get(place)
        table = block[0].blocks[block[1]].table if block is not None else None
        if table is None:
            yield content, path, order, 0
            return
        base = 0
        for r_index, row in enumerate(table.rows):
            for c_index, cell in enumerate(row):
                yield cell, cell_path(path, r_index, c_index), order, base
                base += len(content_text(cell)) + 1

    def field_anchor(self, field_name: str, owner: str) -> Anchor | None:
        """The anchor of a whole field that is not body text (``FieldChange``'s and ``Comment``'s naming)."""
        kind, _, name = field_name.partition(".")
        if kind == "TitleBlock":
            names = ("meeting", "subtitle", "date", "start_time", "end_time", "timezone", "location", "status")
            where = names.index(name) if name in names else 0
            path = f"title.{name}" if name in TITLE_FIELDS else "title.meeting"
            return Anchor(path, 0, len(_text(getattr(self.report.title, name, ""))), (0, _HEAD, where, 0))
        found = self.parts.get(owner)
        if found is None:
            return None
        part, path, number = found
        if isinstance(part, Session):
            if name == "goals":
                return Anchor(f"{path}.goals[0]" if part.goals else f"{path}.title", 0, 0, (number, _GOALS, 0, 0))
            return Anchor(f"{path}.title", 0, len(part.title), (number, _HEAD, 0, 0))
        return Anchor(f"{path}.heading", 0, len(part.heading or ""), (number, _HEAD, 0, 0))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def revision_anchor(places: ReportPlaces, revision: Revision) -> Anchor:
    """Where ``revision`` starts: its first place, the stretch of its marks there."""
    if revision.kind is RevisionKind.FIELD:
        owner, _, field_name = revision.places[0].partition(":") if revision.places else ("", "", "")
        return places.field_anchor(field_name, owner) or Anchor("", order=_NOWHERE)
    for place in revision.places:
        found = places.content_of(place)
        if found is None:
            continue
        content, path, (number, sub, index) = found
        start, end = _marked_stretch(content, revision)
        if start < 0:  # only the block's own marks: its format (the whole block) or its end
            block = places.blocks.get(place)
            length = len(content_text(content))
            marks_end = block is not None and revision.kind is not RevisionKind.FORMAT
            start, end = (length, length) if marks_end else (0, length)
        return Anchor(path, start, end, (number, sub, index, start))
    return Anchor("", order=_NOWHERE)


def _marked_stretch(content: list[Inline] | list[Span], revision: Revision) -> tuple[int, int]:
    start, end, offset = -1, -1, 0
    for item in content:
        length = 1 if isinstance(item, FootnoteRef) else len(item.text)
        if _carries(item, revision):
            start = offset if start < 0 else start
            end = offset + length
        offset += length
    return start, end


def _carries(item: Inline, revision: Revision) -> bool:
    kind = revision.kind
    changes: list[Change | None] = []
    if kind in (RevisionKind.INSERTION, RevisionKind.MOVE):
        changes.append(item.inserted)
    if kind in (RevisionKind.DELETION, RevisionKind.MOVE):
        changes.append(item.deleted)
    if kind is RevisionKind.FORMAT and isinstance(item, Span) and item.old_format is not None:
        changes.append(item.old_format.change)
    return any(change is not None and revision.select(change) for change in changes)


def comment_anchors(places: ReportPlaces) -> dict[str, Anchor]:
    """Where each comment's range starts (its first block, table cell or footnote, the stretch there), by comment id.

    A comment on a field names it; a comment whose range is nowhere is left out.
    """
    report = places.report
    found: dict[str, Anchor] = {}
    for place in [block.id for block in report.all_blocks()] + [note.id for note in report.footnotes]:
        for content, path, (number, sub, index), base in places.texts_of(place):
            stretches: dict[str, tuple[int, int]] = {}
            offset = 0
            for item in content:
                length = 1 if isinstance(item, FootnoteRef) else len(item.text)
                if isinstance(item, Span):
                    for comment_id in item.comments:
                        if comment_id not in found:
                            first = stretches.get(comment_id, (offset, offset))[0]
                            stretches[comment_id] = (first, offset + length)
                offset += length
            for comment_id, (start, end) in stretches.items():
                found[comment_id] = Anchor(path, start, end, (number, sub, index, base + start))
    for comment in report.comments:
        if comment.field_name:
            anchor = places.field_anchor(comment.field_name, comment.owner)
            if anchor is not None:
                found[comment.id] = anchor
    return found


def review_list(report: Report) -> list[Entry]:
    """Every pending change and every comment thread of ``report``, in reading order.

    A change and a comment at one place: the change first. A comment thread is
    anchored where its first comment's range starts (a reply's, if the first has
    none); threads anchored nowhere come last.
    """
    places = ReportPlaces(report)
    entries = [Entry(revision, revision_anchor(places, revision)) for revision in revisions(report)]
    anchors = comment_anchors(places)
    for thread in threads(report):
        anchor = next(
            (anchors[item.id] for item in (thread.comment, *thread.replies) if item.id in anchors),
            Anchor("", order=_NOWHERE),
        )
        entries.append(Entry(thread, anchor))
    entries.sort(key=lambda entry: entry.anchor.order)
    return entries
