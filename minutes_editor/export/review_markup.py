"""Reviewers' pending changes and comments as Word markup: the part of the .docx writer that writes docs/review.md.

A run inserted by a reviewer goes in ``w:ins``, a deleted one in ``w:del``
with its text as ``w:delText``; text one reviewer inserted and another
deleted goes in ``w:ins`` holding ``w:del``, as Word writes it (wml.xsd
allows it: a ``CT_RunTrackChange`` holds run content, revisions included).
A move is ``w:moveFrom`` / ``w:moveTo`` inside a range named by the move
(``w:moveFromRangeStart`` ... ``w:moveFromRangeEnd``); the schema wants a
date on the range, so a move no mark of which has a date is written as a
plain deletion and insertion. A formatting change keeps the old emphasis in
``w:rPr/w:rPrChange``, a paragraph's end its change in ``w:pPr/w:rPr``, a
change of type the old style and numbering in ``w:pPr/w:pPrChange``.

Comments go in ``word/comments.xml`` (each paragraph with a ``w14:paraId``)
and ``word/commentsExtended.xml`` (``w15:paraIdParent`` for a reply,
``w15:done`` when resolved); in the text a ``w:commentRangeStart`` before
the first run of the comment's range, a ``w:commentRangeEnd`` after the
last, then a run holding the ``w:commentReference``. A comment on a field
covers the field's whole paragraph; a reply with no range of its own takes
its parent's; a comment with no place at all is anchored at the start of
the document, with a warning.

Every ``w:id`` of the document (bookmarks, revisions, move ranges and
comments) comes from one counter, so none is used twice.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.export.package import Package
from minutes_editor.ooxml.ns import NS, w
from minutes_editor.ooxml.opc import CT_COMMENTS, CT_COMMENTS_EXTENDED, RT_COMMENTS, RT_COMMENTS_EXTENDED
from minutes_editor.ooxml.oxml import PPR_ORDER, RPR_ORDER, insert_ordered
from minutes_editor.render.flow import FlowDocument, FlowInline, FormerEmphasis, Mark, Paragraph, Run

_ID, _AUTHOR, _DATE, _NAME = w("id"), w("author"), w("date"), w("name")
_R, _T, _DEL_TEXT, _RPR, _PPR = w("r"), w("t"), w("delText"), w("rPr"), w("pPr")
_FLD_SIMPLE = w("fldSimple")
_W14, _W15, _MC = NS["w14"], NS["w15"], NS["mc"]

#: Where a paragraph is: the body ("body") or a footnote (its number).
Story = str | int
BODY: Story = "body"


class Ids:
    """The ``w:id`` values of one document, counted from 1."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> str:
        """A fresh id."""
        self.last += 1
        return str(self.last)


@functools.lru_cache(maxsize=1024)
def stamp(value: dt.datetime) -> str:
    """A revision's date as ``xsd:dateTime`` in UTC (a naive time is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    return f"{value.year:04d}-{value:%m-%dT%H:%M:%S}Z"


def change_element(tag: str, mark: Mark, ids: Ids) -> etree._Element:
    """A revision element (``w:ins``, ``w:del``, ``w:rPrChange``...) with a fresh id, its author and date."""
    attributes = {_ID: ids.next(), _AUTHOR: mark.author}
    if mark.date is not None:
        attributes[_DATE] = stamp(mark.date)
    return etree.Element(w(tag), attributes)


@dataclass(frozen=True)
class RangeEvent:
    """Markup standing between two inlines of a paragraph: a comment's or a move's start or end."""

    end: bool
    kind: str  # "comment", "moveFrom" or "moveTo"
    w_id: str
    name: str = ""
    mark: Mark | None = None


@dataclass
class _Range:
    story: Story
    first: tuple[int, int]
    last: tuple[int, int]
    mark: Mark | None = None


#: A paragraph's range events by gap (gap i stands before inline i).
Events = dict[int, list[RangeEvent]]


@dataclass
class RangePlan:
    """Where each comment's and each move's range starts and ends, found before any paragraph is written."""

    #: By (story, paragraph index): the events at each gap (gap i stands before inline i).
    events: dict[tuple[Story, int], Events] = field(default_factory=dict)
    #: The ``w:id`` of each comment, by the comment's id in the report.
    comment_ids: dict[str, str] = field(default_factory=dict)
    #: Moves written as moves, by side ("moveFrom", "moveTo") and name.
    moves: set[tuple[str, str]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def at(self, story: Story, index: int) -> Events | None:
        """The events of one paragraph, or None when it has none."""
        return self.events.get((story, index))

    def is_move(self, side: str, mark: Mark) -> bool:
        """Whether ``mark`` is written as a move on ``side``."""
        return bool(mark.move) and (side, mark.move) in self.moves


@dataclass(frozen=True)
class _Story:
    story: Story
    paragraphs: Sequence[tuple[Sequence[FlowInline], tuple[str, ...], Mark | None, Mark | None]]


def plan_ranges(flow: FlowDocument, ids: Ids) -> RangePlan:
    """Find the range of every comment and move of ``flow``, and give every comment its ``w:id``."""
    plan = RangePlan()
    stories = [
        _Story(BODY, [item for p in flow.paragraphs for item in _body_paragraphs(p)]),
        *(_Story(note.number, [(note.inlines, (), None, None)]) for note in flow.notes),
    ]
    comments: dict[str, _Range] = {}
    moves: dict[tuple[str, str], _Range] = {}

    def extend(ranges: dict[str, _Range] | dict[tuple[str, str], _Range], key: object, at: _Range) -> None:
        found = ranges.get(key)  # type: ignore[call-overload]
        if found is None:
            ranges[key] = at  # type: ignore[index]
        elif found.story == at.story:
            found.last = at.last
            if found.mark is None or found.mark.date is None:
                found.mark = at.mark

    for story in stories:
        for index, (inlines, whole, inserted, deleted) in enumerate(story.paragraphs):
            for comment in whole:
                extend(comments, comment, _Range(story.story, (index, 0), (index, len(inlines))))
            for position, item in enumerate(inlines):
                here = ((index, position), (index, position + 1))
                if isinstance(item, Run):
                    for comment in item.comments:
                        extend(comments, comment, _Range(story.story, *here))
                for side, mark in (("moveFrom", item.deleted), ("moveTo", item.inserted)):
                    if mark is not None and mark.move:
                        extend(moves, (side, mark.move), _Range(story.story, *here, mark))
            for side, mark in (("moveFrom", deleted), ("moveTo", inserted)):
                if mark is not None and mark.move:
                    end = (index, len(inlines))
                    extend(moves, (side, mark.move), _Range(story.story, end, end, mark))

    def add(at: _Range, start: RangeEvent, end: RangeEvent) -> None:
        for (paragraph, gap), event in ((at.first, start), (at.last, end)):
            plan.events.setdefault((at.story, paragraph), {}).setdefault(gap, []).append(event)

    for (side, name), at in moves.items():
        if at.mark is None or at.mark.date is None:
            continue  # the schema wants a date on a move's range: written as a plain deletion and insertion
        plan.moves.add((side, name))
        w_id = ids.next()
        add(at, RangeEvent(False, side, w_id, name, at.mark), RangeEvent(True, side, w_id))

    for remark in flow.comments:
        if remark.id in plan.comment_ids:
            continue
        place = comments.get(remark.id)
        if place is None and remark.parent:
            place = comments.get(remark.parent)
        if place is None:
            who = remark.author or "an unnamed reviewer"
            if not flow.paragraphs:
                plan.warnings.append(f"The comment by {who} has no text to be on; it is not exported.")
                continue
            plan.warnings.append(
                f"The comment by {who} is on no text of the report; it is placed at the start of the document."
            )
            place = _Range(BODY, (0, 0), (0, 0))
        comments[remark.id] = place
        w_id = plan.comment_ids[remark.id] = ids.next()
        add(place, RangeEvent(False, "comment", w_id), RangeEvent(True, "comment", w_id))
    for gaps in plan.events.values():
        for events in gaps.values():
            events.sort(key=lambda event: not event.end)  # ends before starts; stable otherwise
    return plan


def _body_paragraphs(
    paragraph: Paragraph,
) -> list[tuple[Sequence[FlowInline], tuple[str, ...], Mark | None, Mark | None]]:
    """The paragraphs of the body's story an item writes: itself, or each cell of its table, row by row."""
    if paragraph.table is None:
        return [(paragraph.inlines, paragraph.comments, paragraph.inserted, paragraph.deleted)]
    return [(cell, (), None, None) for cell in paragraph.texts()]


def event_elements(events: list[RangeEvent]) -> list[etree._Element]:
    """The markup of the events at one gap, in order."""
    out: list[etree._Element] = []
    for event in events:
        if event.kind == "comment":
            if event.end:
                out.append(_with_id(w("commentRangeEnd"), event.w_id))
                run = etree.Element(_R)
                out.append(run)
                etree.SubElement(run, w("commentReference")).set(_ID, event.w_id)
            else:
                out.append(_with_id(w("commentRangeStart"), event.w_id))
        elif event.end:
            out.append(_with_id(w(f"{event.kind}RangeEnd"), event.w_id))
        else:
            assert event.mark is not None
            assert event.mark.date is not None
            start = _with_id(w(f"{event.kind}RangeStart"), event.w_id)
            start.set(_NAME, event.name)
            start.set(_AUTHOR, event.mark.author)
            start.set(_DATE, stamp(event.mark.date))
            out.append(start)
    return out


def _with_id(tag: str, w_id: str) -> etree._Element:
    element = etree.Element(tag)
    element.set(_ID, w_id)
    return element


class Tracker:
    """Puts runs into revision elements, one paragraph at a time, joining neighbours of the same change."""

    def __init__(self, ids: Ids, plan: RangePlan) -> None:
        self.ids = ids
        self.plan = plan
        self._last: tuple[etree._Element, int, int, etree._Element] | None = None

    def append(
        self, paragraph: etree._Element, elements: list[etree._Element], inserted: Mark | None, deleted: Mark | None
    ) -> None:
        """Append ``elements`` (runs, bookmarks, simple fields) to ``paragraph``, inside their revisions."""
        key = (id(inserted), id(deleted))
        last = self._last
        target: etree._Element | None = None
        if last is not None and len(paragraph) and paragraph[-1] is last[0] and last[1:3] == key:
            target = last[3]
        for element in elements:
            if deleted is not None:
                for text in element.iter(_T):
                    text.tag = _DEL_TEXT
            if element.tag == _FLD_SIMPLE:
                # A simple field cannot stand in a revision: the revision goes inside it, around its result.
                outer, inner = self._wrappers(inserted, deleted)
                inner.extend(element.findall(_R))
                element.append(outer)
                paragraph.append(element)
                target = None
                continue
            if target is None:
                outer, target = self._wrappers(inserted, deleted)
                paragraph.append(outer)
                self._last = (outer, *key, target)
            target.append(element)

    def _wrappers(self, inserted: Mark | None, deleted: Mark | None) -> tuple[etree._Element, etree._Element]:
        outer = inner = None
        if inserted is not None:
            tag = "moveTo" if self.plan.is_move("moveTo", inserted) else "ins"
            outer = inner = change_element(tag, inserted, self.ids)
        if deleted is not None:
            tag = "moveFrom" if self.plan.is_move("moveFrom", deleted) else "del"
            inner = change_element(tag, deleted, self.ids)
            if outer is None:
                outer = inner
            else:
                outer.append(inner)
        assert outer is not None
        assert inner is not None
        return outer, inner

    def paragraph_mark(
        self, ppr: etree._Element, inserted: Mark | None, deleted: Mark | None, former: etree._Element | None
    ) -> None:
        """Mark a paragraph's end inserted or deleted, and keep its properties before a change of type."""
        if inserted is not None or deleted is not None:
            rpr = ppr.find(_RPR)
            if rpr is None:
                rpr = insert_ordered(ppr, etree.Element(_RPR), PPR_ORDER)
            # In the schema's order: ins, del, moveFrom, moveTo.
            if inserted is not None and not self.plan.is_move("moveTo", inserted):
                insert_ordered(rpr, change_element("ins", inserted, self.ids), RPR_ORDER)
            if deleted is not None:
                tag = "moveFrom" if self.plan.is_move("moveFrom", deleted) else "del"
                insert_ordered(rpr, change_element(tag, deleted, self.ids), RPR_ORDER)
            if inserted is not None and self.plan.is_move("moveTo", inserted):
                insert_ordered(rpr, change_element("moveTo", inserted, self.ids), RPR_ORDER)
        if former is not None:
            ppr.append(former)

    def former_emphasis(self, run: etree._Element, former: FormerEmphasis, old_rpr: etree._Element | None) -> None:
        """Keep a run's emphasis before a pending formatting change in ``w:rPr/w:rPrChange``."""
        rpr = run.find(_RPR)
        if rpr is None:
            rpr = etree.Element(_RPR)
            run.insert(0, rpr)
        change = change_element("rPrChange", former.mark, self.ids)
        change.append(old_rpr if old_rpr is not None else etree.Element(_RPR))
        rpr.append(change)  # last in w:rPr


def former_paragraph(ids: Ids, mark: Mark, old_ppr: etree._Element) -> etree._Element:
    """A ``w:pPrChange`` holding a paragraph's properties before a pending change of its type."""
    change = change_element("pPrChange", mark, ids)
    base = etree.SubElement(change, _PPR)
    base.extend(child for child in old_ppr if child.tag not in (_RPR, w("sectPr"), w("pPrChange")))
    return change


# ------------------------------------------------------------------ comments part


def write_comments(
    package: Package,
    main: str,
    flow: FlowDocument,
    plan: RangePlan,
    *,
    rtl: bool,
    add_text: Callable[[etree._Element, str], None],
) -> None:
    """Add comments.xml and commentsExtended.xml for the comments of ``flow`` (nothing when it has none).

    ``add_text`` appends a comment paragraph's text as runs (split by direction, cleaned of what XML
    cannot hold), as the writer does for the body.
    """
    remarks = [remark for remark in flow.comments if remark.id in plan.comment_ids]
    if not remarks:
        return
    root = etree.Element(w("comments"), nsmap={"w": NS["w"], "w14": _W14, "w15": _W15, "mc": _MC})
    root.set(f"{{{_MC}}}Ignorable", "w14 w15")
    extended = etree.Element(f"{{{_W15}}}commentsEx", nsmap={"w15": _W15, "mc": _MC})
    extended.set(f"{{{_MC}}}Ignorable", "w15")
    para_ids: dict[str, str] = {}
    counter = 0
    seen: set[str] = set()
    for remark in remarks:
        if remark.id in seen:
            continue
        seen.add(remark.id)
        comment = etree.SubElement(root, w("comment"))
        comment.set(_ID, plan.comment_ids[remark.id])
        comment.set(_AUTHOR, remark.author)
        if remark.date is not None:
            comment.set(_DATE, stamp(remark.date))
        if remark.initials:
            comment.set(w("initials"), remark.initials)
        last = ""
        for index, text in enumerate(remark.paragraphs or ("",)):
            counter += 1
            # 8 hex digits below 0x80000000, unique in the document: counted, so the same report gives the same file.
            last = f"{counter:08X}"
            paragraph = etree.SubElement(comment, w("p"))
            paragraph.set(f"{{{_W14}}}paraId", last)
            if rtl:
                etree.SubElement(etree.SubElement(paragraph, _PPR), w("bidi"))
            if index == 0:
                etree.SubElement(etree.SubElement(paragraph, _R), w("annotationRef"))
            add_text(paragraph, text)
        para_ids[remark.id] = last
    written: set[str] = set()
    for remark in remarks:
        if remark.id in written:
            continue
        written.add(remark.id)
        entry = etree.SubElement(extended, f"{{{_W15}}}commentEx")
        entry.set(f"{{{_W15}}}paraId", para_ids[remark.id])
        parent = para_ids.get(remark.parent) if remark.parent else None
        if parent is not None:
            entry.set(f"{{{_W15}}}paraIdParent", parent)
        entry.set(f"{{{_W15}}}done", "1" if remark.done else "0")
    for name, part, content_type, rel_type in (
        ("comments", root, CT_COMMENTS, RT_COMMENTS),
        ("commentsExtended", extended, CT_COMMENTS_EXTENDED, RT_COMMENTS_EXTENDED),
    ):
        target = f"word/{name}.xml"
        if package.has(target):
            target = package.unused_name(f"word/{name}{{}}.xml")
        package.put_xml(target, part, content_type)
        package.relate(main, rel_type, target)
