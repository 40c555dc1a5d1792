"""Comparing two drafts (model/compare.py): the new draft with pending changes whose Accept All is NEW, Reject All OLD.

The laws are checked on the canonical forms (compare.canonical): accepting a
word inserted in a span leaves that span cut in three, which reads the same.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor.model import alignment, review
from minutes_editor.model.compare import canonical, compare
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Change,
    FieldChange,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
    new_id,
)
from minutes_editor.model.rules import check_block
from minutes_editor.model.word_diff import fold, tokens
from tests.strategies import reports
from tests.structured import DEADLINES, OWNERS, action_items, tables, with_structured

AUTHOR = "Compare"
WHEN = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC)


def redline(old: Report, new: Report) -> Report:
    return compare(old, new, author=AUTHOR, date=WHEN)


def assert_laws(old: Report, new: Report, result: Report) -> None:
    """Accept All gives NEW, Reject All gives OLD, and every pending change is by AUTHOR at WHEN."""
    accepted = review.accepted(result)
    assert canonical(accepted) == canonical(new)
    assert canonical(review.rejected(result)) == canonical(old)
    changes = [revision.change for revision in review.revisions(result)]
    assert all((change.author, change.date) == (AUTHOR, WHEN) for change in changes)
    for block in result.all_blocks():
        check_block(block)  # a table stays a table, an action item keeps its owners


def body(*blocks: Block) -> Report:
    return Report(language="ar", sections=[Section(SectionKind.DISCUSSION, blocks=list(blocks))])


def paragraph(*content: Span | FootnoteRef) -> Block:
    return Block(BlockKind.PARAGRAPH, list(content))


def marks(report: Report) -> list[tuple[str, str]]:
    """Every pending insertion and deletion of body and footnote text, as (kind, text)."""
    found: list[tuple[str, str]] = []
    contents = [block.content for block in report.all_blocks()] + [note.content for note in report.footnotes]
    for content in contents:
        for item in content:
            text = item.text if isinstance(item, Span) else f"[{item.footnote_id}]"
            if item.deleted is not None:
                found.append(("deleted", text))
            if item.inserted is not None:
                found.append(("inserted", text))
    return found


def fresh_ids(report: Report) -> Report:
    """A copy of ``report`` whose sections, sessions and blocks have new ids, as a draft from elsewhere has."""
    result = copy.deepcopy(report)
    for section in result.sections:
        section.id = new_id()
        for session in section.sessions:
            session.id = new_id()
    for block in result.all_blocks():
        block.id = new_id()
    return result


# ------------------------------------------------------------------ inside a paragraph


def test_a_word_that_differs_only_in_harakat_is_one_change_of_that_word() -> None:
    old = body(paragraph(Span("رحب المشاركون بالتعاون بين الدول")))
    new = copy.deepcopy(old)
    new.all_blocks()[0].content = [Span("رحَّب المشاركون بالتعاون بين الدول")]
    result = redline(old, new)
    assert marks(result) == [("deleted", "رحب"), ("inserted", "رحَّب")]
    assert_laws(old, new, result)


def test_tatweel_and_hamza_forms_are_each_one_change_of_their_word_even_in_a_fully_vocalised_rewrite() -> None:
    old_text = "اكد الوزير ان التعاون ضرورى فى المنطقة"
    new_text = "أكّد الوزيـــر أنَّ التعاون ضروري في المنطقة"
    old = body(paragraph(Span(old_text)))
    new = fresh_ids(body(paragraph(Span(new_text))))  # no shared ids: the blocks pair by their folded text
    assert fold(old_text) == fold(new_text)
    result = redline(old, new)
    changed = [text for kind, text in marks(result) if kind == "deleted"]
    assert changed == ["اكد", "الوزير", "ان", "ضرورى", "فى"]
    assert [text for kind, text in marks(result) if kind == "inserted"] == ["أكّد", "الوزيـــر", "أنَّ", "ضروري", "في"]
    assert_laws(old, new, result)


def test_a_reworded_sentence_changes_only_its_words() -> None:
    old = body(paragraph(Span("The group "), Span("very", italic=True), Span(" thanked Austria for hosting.")))
    new = body(paragraph(Span("The group warmly thanked Austria for hosting the meeting.")))
    new.all_blocks()[0].id = old.all_blocks()[0].id
    result = redline(old, new)
    assert marks(result) == [
        ("deleted", "very"),
        ("inserted", "warmly"),
        ("inserted", " the meeting"),
    ]
    assert_laws(old, new, result)


def test_one_word_made_bold_marks_one_span() -> None:
    old = body(paragraph(Span("The participants agreed on the key points.")))
    new = copy.deepcopy(old)
    new.all_blocks()[0].content = [Span("The participants "), Span("agreed", bold=True), Span(" on the key points.")]
    result = redline(old, new)
    (block,) = result.all_blocks()
    formatted = [item for item in block.content if isinstance(item, Span) and item.old_format is not None]
    assert [(item.text, item.bold, item.old_format.bold) for item in formatted] == [("agreed", True, False)]  # type: ignore[union-attr]
    assert marks(result) == []
    assert [revision.kind for revision in review.revisions(result)] == [review.RevisionKind.FORMAT]
    assert_laws(old, new, result)


def test_kind_and_level_changes_are_block_format_changes() -> None:
    old = body(paragraph(Span("A point")), Block(BlockKind.BULLET, [Span("A bullet")], level=1))
    new = copy.deepcopy(old)
    new.all_blocks()[0].kind = BlockKind.BULLET
    new.all_blocks()[1].level = 3
    result = redline(old, new)
    assert [(block.old_format.kind, block.old_format.level) for block in result.all_blocks()] == [  # type: ignore[union-attr]
        (BlockKind.PARAGRAPH, 1),
        (BlockKind.BULLET, 1),
    ]
    assert marks(result) == []
    assert_laws(old, new, result)


def test_the_same_report_compares_to_itself_with_no_change() -> None:
    old = body(paragraph(Span("One"), FootnoteRef("1")), paragraph(Span("Two", bold=True)))
    old.footnotes = [Footnote("1", [Span("Note")])]
    result = redline(old, copy.deepcopy(old))
    assert not review.has_changes(result)
    assert result == old
    assert [block.id for block in result.all_blocks()] == [block.id for block in old.all_blocks()]


# ------------------------------------------------------------------ blocks


def test_blocks_inserted_and_deleted_whole_with_their_paragraph_ends() -> None:
    old = body(paragraph(Span("First")), paragraph(Span("Gone")), paragraph(Span("Last")))
    new = copy.deepcopy(old)
    del new.sections[0].blocks[1]
    new.sections[0].blocks.append(Block(BlockKind.BULLET, [Span("Added")]))
    result = redline(old, new)
    blocks = result.all_blocks()
    assert [(block.plain_text, block.deleted is not None, block.inserted is not None) for block in blocks] == [
        ("First", False, False),
        ("Gone", True, False),
        ("Last", False, False),
        ("Added", False, True),
    ]
    assert blocks[1].content[0].deleted == blocks[1].deleted == Change(AUTHOR, WHEN)
    assert blocks[3].content[0].inserted == blocks[3].inserted
    assert_laws(old, new, result)


def test_a_block_moved_to_another_session_is_a_move() -> None:
    first = Session("Session 1", blocks=[paragraph(Span("Stays")), paragraph(Span("Moves to the second session"))])
    second = Session("Session 2", blocks=[paragraph(Span("Already there"))])
    old = Report(sections=[Section(SectionKind.DISCUSSION, sessions=[first, second])])
    new = copy.deepcopy(old)
    moved = new.sections[0].sessions[0].blocks.pop(1)
    new.sections[0].sessions[1].blocks.insert(0, moved)
    for candidate in (new, fresh_ids(new)):  # paired by id, and by content
        result = redline(old, candidate)
        (move,) = review.revisions(result)
        assert (move.kind, move.excerpt) == (review.RevisionKind.MOVE, "Moves to the second session\n")
        away, here = result.sections[0].sessions[0].blocks[1], result.sections[0].sessions[1].blocks[0]
        assert away.deleted is not None
        assert here.inserted is not None
        assert away.deleted.move == here.inserted.move != ""
        assert away.id != here.id  # two blocks, two ids
        assert_laws(old, candidate, result)


def test_a_run_of_moved_blocks_is_one_move_and_the_short_side_is_the_one_that_moves() -> None:
    long_text = "A long paragraph that stays where it is while the short ones move around it. " * 3
    old = body(paragraph(Span("one")), paragraph(Span("two")), paragraph(Span(long_text)))
    new = copy.deepcopy(old)
    blocks = new.sections[0].blocks
    new.sections[0].blocks = [blocks[2], blocks[0], blocks[1]]
    result = redline(old, new)
    (move,) = review.revisions(result)
    assert move.kind is review.RevisionKind.MOVE
    assert move.excerpt == "one\ntwo\n"
    assert_laws(old, new, result)


def test_shared_ids_pair_a_rewritten_block_where_alignment_sees_a_new_one() -> None:
    old = body(paragraph(Span("Opening")), paragraph(Span("The meeting was opened by the chair.")))
    new = copy.deepcopy(old)
    new.sections[0].blocks[1].content = [Span("Delegations adopted the agenda without amendment.")]
    by_id = redline(old, new)
    assert [block.id for block in by_id.all_blocks()] == [block.id for block in new.all_blocks()]
    assert all(block.inserted is None and block.deleted is None for block in by_id.all_blocks())
    assert_laws(old, new, by_id)
    by_content = redline(old, fresh_ids(new))
    assert [(block.deleted is not None, block.inserted is not None) for block in by_content.all_blocks()] == [
        (False, False),
        (True, False),
        (False, True),
    ]
    assert_laws(old, fresh_ids(new), by_content)


def test_alignment_pairs_a_reworded_block_and_keeps_the_new_ids() -> None:
    old = body(
        paragraph(Span("The chair opened the meeting.")),
        paragraph(Span("Participants discussed border management and return.")),
    )
    new = fresh_ids(old)
    new.sections[0].blocks[1].content = [Span("Participants discussed integrated border management and return.")]
    result = redline(old, new)
    assert marks(result) == [("inserted", "integrated ")]
    assert [block.id for block in review.accepted(result).all_blocks()] == [block.id for block in new.all_blocks()]
    assert_laws(old, new, result)


def test_two_equal_paragraphs_swapped_are_no_change() -> None:
    old = body(paragraph(Span("Yes.")), paragraph(Span("Agreed.")), paragraph(Span("Yes.")))
    new = copy.deepcopy(old)
    first, middle, last = new.sections[0].blocks
    new.sections[0].blocks = [last, middle, first]
    result = redline(old, new)
    assert not review.has_changes(result)
    assert_laws(old, new, result)


@pytest.mark.parametrize(
    ("search_limit", "dp_limit"),
    [(alignment.SEARCH_LIMIT, alignment.DP_LIMIT), (10**6, 10**6), (0, 0)],
    ids=["near-the-diagonal", "every-pair", "greedy"],
)
def test_a_long_stretch_of_reworded_paragraphs_from_another_draft_pairs_each_with_its_old_self(
    search_limit: int, dp_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # By default, more changed paragraphs in a row than are weighed pair by pair: a narrower search, which finds
    # the same pairs as weighing them all, as does the greedy search kept for the longest stretches.
    monkeypatch.setattr(alignment, "SEARCH_LIMIT", search_limit)
    monkeypatch.setattr(alignment, "DP_LIMIT", dp_limit)
    texts = [f"Paragraph {n}: delegations discussed item {n} of the agenda at some length." for n in range(40)]
    old = body(*(paragraph(Span(text)) for text in texts))
    new = fresh_ids(old)
    for block in new.sections[0].blocks:
        block.content = [Span(block.plain_text.replace("some", "great"))]
    new.sections[0].blocks.insert(10, paragraph(Span("A new paragraph.")))
    del new.sections[0].blocks[25]
    result = redline(old, new)
    expected = [("deleted", "some"), ("inserted", "great")] * 39 + [
        ("deleted", texts[24]),
        ("inserted", "A new paragraph."),
    ]
    assert sorted(marks(result)) == sorted(expected)
    assert_laws(old, new, result)


def test_many_paragraphs_replaced_by_unrelated_ones_are_deleted_and_inserted() -> None:
    # Enough of them that the blocks left unpaired are weighed stretch by stretch, not pair by pair.
    kept = [paragraph(Span(f"Kept paragraph number {n}, unchanged.")) for n in range(20)]
    gone = [paragraph(Span(f"Old remark {n}")) for n in range(10)]
    old = body(*kept[:10], *gone, *kept[10:])
    new = copy.deepcopy(old)
    new.sections[0].blocks[10:20] = [paragraph(Span(f"صياغة جديدة {n}")) for n in range(10)]
    result = redline(old, new)
    assert sorted(marks(result)) == sorted(
        [("deleted", f"Old remark {n}") for n in range(10)] + [("inserted", f"صياغة جديدة {n}") for n in range(10)]
    )
    assert_laws(old, new, result)


def test_sessions_of_another_draft_pair_by_title_or_by_the_blocks_they_share() -> None:
    first = Session("Session 1: Borders", blocks=[paragraph(Span("Border management was discussed."))])
    second = Session("Session 2: Return", blocks=[paragraph(Span("Return and readmission were discussed."))])
    old = Report(sections=[Section(SectionKind.DISCUSSION, sessions=[first, second])])
    new = fresh_ids(old)
    new.sections[0].sessions[0].title = "Session 1: Integrated border management"
    new.sections[0].sessions[1].title = "Readmission"  # nothing like the old title, but the same text below
    result = redline(old, new)
    assert [(change.field_name, change.old) for change in result.field_changes] == [
        ("Session.title", "Session 1: Borders"),
        ("Session.title", "Session 2: Return"),
    ]
    assert not [session for session in result.sections[0].sessions if session.inserted or session.deleted]
    assert_laws(old, new, result)


# ------------------------------------------------------------------ sections, sessions and fields


def test_title_block_headings_session_titles_and_goals_are_field_changes() -> None:
    session = Session("Session 1: Borders", goals=["Goal 1"])
    old = Report(
        title=TitleBlock(meeting="Budapest Process", location="Skopje", date=dt.date(2021, 10, 14)),
        sections=[
            Section(SectionKind.PARTICIPATION, participants=[Participant("Austria", "AT")]),
            Section(SectionKind.DISCUSSION, heading="Discussions", sessions=[session]),
            Section(SectionKind.TAKEAWAYS, level=1),
        ],
    )
    new = copy.deepcopy(old)
    new.title.location = "Ohrid"
    new.title.date = dt.date(2021, 10, 15)
    new.sections[0].participants.append(Participant("Türkiye", "TR"))
    new.sections[1].heading = None
    new.sections[1].sessions[0].title = "Session 1: Border management"
    new.sections[1].sessions[0].goals = ["Goal 1", "Goal 2"]
    new.sections[2].level = 2
    result = redline(old, new)
    assert [(change.field_name, change.owner, change.old) for change in result.field_changes] == [
        ("TitleBlock.date", "", dt.date(2021, 10, 14)),
        ("TitleBlock.location", "", "Skopje"),
        ("Section.participants", new.sections[0].id, [Participant("Austria", "AT")]),
        ("Section.heading", new.sections[1].id, "Discussions"),
        ("Session.title", session.id, "Session 1: Borders"),
        ("Session.goals", session.id, ["Goal 1"]),
        ("Section.level", new.sections[2].id, 1),
    ]
    assert all(isinstance(change, FieldChange) for change in result.field_changes)
    assert not [item for item in review.revisions(result) if item.kind is not review.RevisionKind.FIELD]
    assert_laws(old, new, result)


def test_a_session_added_and_one_removed_are_inserted_and_deleted_whole() -> None:
    kept = Session("Session 1", blocks=[paragraph(Span("kept"))])
    gone = Session("Session 2", goals=["g"], blocks=[paragraph(Span("old text"))])
    old = Report(sections=[Section(SectionKind.DISCUSSION, sessions=[kept, gone])])
    new = copy.deepcopy(old)
    new.sections[0].sessions[1] = Session("Session 3", blocks=[paragraph(Span("entirely new words here"))])
    result = redline(old, new)
    sessions = result.sections[0].sessions
    assert [(item.title, item.deleted is not None, item.inserted is not None) for item in sessions] == [
        ("Session 1", False, False),
        ("Session 2", True, False),
        ("Session 3", False, True),
    ]
    assert sessions[1].blocks[0].deleted is not None
    assert sessions[2].blocks[0].inserted is not None
    assert result.field_changes == []
    assert_laws(old, new, result)


def test_a_section_moved_is_one_move_with_its_content() -> None:
    old = Report(
        sections=[
            Section(SectionKind.OBJECTIVES, blocks=[paragraph(Span("Objectives of the meeting, at length."))]),
            Section(SectionKind.GENERIC, heading="Annex", blocks=[paragraph(Span("a")), paragraph(Span("b"))]),
            Section(SectionKind.DISCUSSION, blocks=[paragraph(Span("The discussion, which is the longest part."))]),
        ]
    )
    new = copy.deepcopy(old)
    new.sections.append(new.sections.pop(1))
    result = redline(old, new)
    (move,) = review.revisions(result)
    assert move.kind is review.RevisionKind.MOVE
    assert [
        (section.heading, section.deleted is not None, section.inserted is not None) for section in result.sections
    ][1::2] == [("Annex", True, False), ("Annex", False, True)]
    assert_laws(old, new, result)


def test_a_section_whose_kind_changed_is_replaced_and_its_blocks_move() -> None:
    old = Report(sections=[Section(SectionKind.GENERIC, heading="Notes", blocks=[paragraph(Span("Some notes"))])])
    new = copy.deepcopy(old)
    new.sections[0].kind = SectionKind.TAKEAWAYS
    result = redline(old, new)
    assert [(section.kind, section.deleted is not None) for section in result.sections] == [
        (SectionKind.GENERIC, True),
        (SectionKind.TAKEAWAYS, False),
    ]
    assert_laws(old, new, result)


# ------------------------------------------------------------------ footnotes


def test_footnote_text_and_references() -> None:
    old = body(paragraph(Span("Text"), FootnoteRef("1"), Span(" more"), FootnoteRef("2")))
    old.footnotes = [Footnote("1", [Span("Source, page 4")]), Footnote("2", [Span("Removed note")])]
    new = copy.deepcopy(old)
    new.all_blocks()[0].content = [Span("Text"), FootnoteRef("1"), Span(" more"), FootnoteRef("3")]
    new.footnotes = [Footnote("1", [Span("Source, page 5")]), Footnote("3", [Span("Added note")])]
    result = redline(old, new)
    assert marks(result) == [
        ("deleted", "[2]"),
        ("inserted", "[3]"),
        ("deleted", "4"),
        ("inserted", "5"),
        ("deleted", "Removed note"),
        ("inserted", "Added note"),
    ]
    assert [(note.id, note.deleted is not None, note.inserted is not None) for note in result.footnotes] == [
        ("1", False, False),
        ("2", True, False),
        ("3", False, True),
    ]
    assert_laws(old, new, result)


def test_pending_changes_in_a_draft_are_taken_as_accepted() -> None:
    reviewer = Change("Reviewer", WHEN)
    old = body(paragraph(Span("Agreed "), Span("text", inserted=reviewer)))
    new = body(paragraph(Span("Agreed text, amended"), Span(" and more", deleted=reviewer)))
    result = redline(old, new)
    assert marks(result) == [("inserted", ", amended")]
    assert_laws(review.accepted(old), review.accepted(new), result)


# ------------------------------------------------------------------ properties: random reports, random edits

WORDS = [
    "the", "meeting", "group", "border", "return", "agreed", "on", "and", "of", "a",
    "الاجتماع", "الدول", "التعاون", "أكد", "إن", "المنطقة", "على", "في", "و", "بين",
]  # fmt: skip
PUNCTUATION = ["", "", "", ".", ",", "،", ":"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Prose: words from both scripts with spaces and punctuation, as reports have."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    return " ".join(word + draw(st.sampled_from(PUNCTUATION)) for word in words)


def _parts(report: Report) -> set[int]:
    """The identities of a report's mutable parts: what editing a redline must not change in its drafts."""
    found: list[object] = [report.title, report.sections, report.footnotes, report.field_changes, report.comments]
    for section in report.sections:
        found += [section, section.blocks, section.participants, section.sessions, *section.participants]
        for session in section.sessions:
            found += [session, session.blocks, session.goals]
    for block in report.all_blocks():
        found += [block, block.content, *block.content]
        if block.table is not None:
            found += [block.table, block.table.rows, *block.table.rows]
            found += [cell for row in block.table.rows for cell in row]
        if block.action is not None:
            found += [block.action, block.action.owners]
    for note in report.footnotes:
        found += [note, note.content, *note.content]
    return {id(part) for part in found}


def _bodies(report: Report) -> list[Section | Session]:
    return [owner for section in report.sections for owner in [section, *section.sessions]]


def _text_spans(report: Report) -> list[tuple[list, int]]:  # type: ignore[type-arg]
    return [
        (content, index)
        for content in [block.content for block in report.all_blocks()] + [note.content for note in report.footnotes]
        for index, item in enumerate(content)
        if isinstance(item, Span) and item.text
    ]


def _reword(data: st.DataObject, report: Report, text: st.SearchStrategy[str]) -> None:
    spans = _text_spans(report)
    if not spans:
        return
    content, index = data.draw(st.sampled_from(spans))
    span = content[index]
    pieces = tokens(span.text)
    at = data.draw(st.integers(0, len(pieces)))
    how = data.draw(st.sampled_from(["replace", "insert", "delete", "harakat"]))
    if how == "harakat":
        letters = [i for i, char in enumerate(span.text) if "\u0621" <= char <= "\u064a"]
        if letters:
            where = data.draw(st.sampled_from(letters)) + 1
            span.text = (
                span.text[:where] + data.draw(st.sampled_from(["\u064e", "\u0651", "\u0640"])) + span.text[where:]
            )
        return
    word = [data.draw(text)] if how != "delete" else []
    pieces[at : at + (1 if how != "insert" else 0)] = word
    content[index] = Span("".join(pieces), span.bold, span.italic, span.underline)


def _restyle(data: st.DataObject, report: Report) -> None:
    spans = _text_spans(report)
    if not spans:
        return
    content, index = data.draw(st.sampled_from(spans))
    span = content[index]
    start = data.draw(st.integers(0, len(span.text)))
    end = data.draw(st.integers(start, len(span.text)))
    middle = Span(span.text[start:end], not span.bold, span.italic, data.draw(st.booleans()))
    content[index : index + 1] = [
        Span(span.text[:start], span.bold, span.italic, span.underline),
        middle,
        Span(span.text[end:], span.bold, span.italic, span.underline),
    ]


#: The edits of text and structure; EDITS adds those of tables and action items.
TEXT_EDITS = ("reword", "restyle", "insert", "delete", "move", "format", "retitle", "session", "section", "footnote")
EDITS = (*TEXT_EDITS, "table", "action")
#: The kinds of block that are text alone (a table and an action item carry more).
TEXT_KINDS = [BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.LABEL]
#: The edits that keep every block in its place. (A block moved is shown moved, deleted whole here and inserted
#: whole there, as its author moved it; a word-level diff may need less, taking words from its neighbours.)
IN_PLACE_EDITS = ("reword", "restyle", "insert", "delete", "format", "footnote")


def _edit(data: st.DataObject, report: Report, text: st.SearchStrategy[str], kinds: tuple[str, ...] = EDITS) -> None:
    """One random edit of ``report``, in place, keeping it a valid report."""
    bodies = _bodies(report)
    kind = data.draw(st.sampled_from(kinds))
    if kind == "reword":
        _reword(data, report, text)
    elif kind == "restyle":
        _restyle(data, report)
    elif kind == "insert" and bodies:
        owner = data.draw(st.sampled_from(bodies))
        block = Block(data.draw(st.sampled_from(TEXT_KINDS)), [Span(data.draw(text))])
        if "table" in kinds and data.draw(st.integers(0, 4)) == 0:
            block = data.draw(st.one_of(tables(text), action_items(text)))
        owner.blocks = [*owner.blocks]
        owner.blocks.insert(data.draw(st.integers(0, len(owner.blocks))), block)
    elif kind in ("delete", "move", "move here", "format"):
        full = [owner for owner in bodies if owner.blocks]
        if not full:
            return
        owner = data.draw(st.sampled_from(full))
        index = data.draw(st.integers(0, len(owner.blocks) - 1))
        if kind == "format":
            block = owner.blocks[index]
            if block.kind in (BlockKind.TABLE, BlockKind.ACTION):
                return  # a table has no format; an action item stays one (the "action" edit changes it)
            block.kind = data.draw(st.sampled_from(TEXT_KINDS))
            block.level = data.draw(st.integers(1, 3)) if block.kind is BlockKind.BULLET else 1
            return
        owner.blocks = [*owner.blocks]
        block = owner.blocks.pop(index)
        if kind.startswith("move"):
            target = data.draw(st.sampled_from(bodies)) if kind == "move" else owner
            target.blocks = [*target.blocks]
            target.blocks.insert(data.draw(st.integers(0, len(target.blocks))), block)
    elif kind == "retitle":
        field = data.draw(st.sampled_from(["location", "meeting", "heading", "title", "goals", "participants"]))
        if field in ("location", "meeting"):
            setattr(report.title, field, data.draw(text))
        elif field == "heading" and report.sections:
            data.draw(st.sampled_from(report.sections)).heading = data.draw(st.one_of(st.none(), text))
        elif field == "participants" and report.sections:
            section = data.draw(st.sampled_from(report.sections))
            if section.kind is SectionKind.PARTICIPATION:
                section.participants = [*section.participants, Participant(data.draw(text))]
        else:
            sessions = [session for section in report.sections for session in section.sessions]
            if sessions:
                session = data.draw(st.sampled_from(sessions))
                if field == "title":
                    session.title = data.draw(text)
                else:
                    session.goals = [*session.goals[1:], data.draw(text)]
    elif kind == "session":
        discussions = [section for section in report.sections if section.kind is SectionKind.DISCUSSION]
        if not discussions:
            return
        section = data.draw(st.sampled_from(discussions))
        how = data.draw(st.sampled_from(["add", "remove", "move"]))
        if how == "add":
            section.sessions.insert(
                data.draw(st.integers(0, len(section.sessions))),
                Session(data.draw(text), blocks=[paragraph(Span(data.draw(text)))]),
            )
        elif section.sessions:
            session = section.sessions.pop(data.draw(st.integers(0, len(section.sessions) - 1)))
            if how == "move":
                target = data.draw(st.sampled_from(discussions))
                target.sessions.insert(data.draw(st.integers(0, len(target.sessions))), session)
    elif kind == "section":
        how = data.draw(st.sampled_from(["add", "remove", "move", "level"]))
        if how == "add":
            report.sections.append(Section(SectionKind.GENERIC, data.draw(text), blocks=[paragraph(Span("x"))]))
        elif len(report.sections) > 1:
            index = data.draw(st.integers(1, len(report.sections) - 1))
            if how == "level":
                report.sections[index].level = 3 - report.sections[index].level
                return
            section = report.sections.pop(index)
            if how == "move":
                report.sections.insert(data.draw(st.integers(1, len(report.sections))), section)
    elif kind == "table":
        _edit_table(data, report, text)
    elif kind == "action":
        _edit_action(data, report, text)
    elif kind == "footnote":
        how = data.draw(st.sampled_from(["add", "remove"]))
        texts_blocks = [block for block in report.all_blocks() if block.table is None]
        if how == "add" and texts_blocks:
            note = Footnote(f"new-{len(report.footnotes)}-{new_id()}", [Span(data.draw(text))])
            report.footnotes = [*report.footnotes, note]
            block = data.draw(st.sampled_from(texts_blocks))
            block.content = [*block.content, FootnoteRef(note.id)]
        elif how == "remove" and report.footnotes:
            note = data.draw(st.sampled_from(report.footnotes))
            report.footnotes = [item for item in report.footnotes if item is not note]
            for block in report.all_blocks():
                block.content = [
                    item
                    for item in block.content
                    if not (isinstance(item, FootnoteRef) and item.footnote_id == note.id)
                ]


def _edit_table(data: st.DataObject, report: Report, text: st.SearchStrategy[str]) -> None:
    """A cell rewritten, a row or column added or removed, or the header row turned on or off."""
    found = [block for block in report.all_blocks() if block.table is not None]
    if not found:
        return
    table = data.draw(st.sampled_from(found)).table
    assert table is not None
    how = data.draw(st.sampled_from(["cell", "row", "column", "header", "unrow"]))
    rows = [list(row) for row in table.rows]
    if how == "cell":
        row = data.draw(st.sampled_from(rows))
        row[data.draw(st.integers(0, len(row) - 1))] = [Span(data.draw(text))]
    elif how == "row":
        rows.insert(data.draw(st.integers(0, len(rows))), [[Span(data.draw(text))] for _ in rows[0]])
    elif how == "column" and len(rows[0]) < 20:
        at = data.draw(st.integers(0, len(rows[0])))
        for row in rows:
            row.insert(at, [])
    elif how == "unrow" and len(rows) > 1:
        rows.pop(data.draw(st.integers(0, len(rows) - 1)))
    elif how == "header":
        table.header = not table.header
    table.rows = rows


def _edit_action(data: st.DataObject, report: Report, text: st.SearchStrategy[str]) -> None:
    """An action item's owners, deadline or status changed, or a paragraph made one, or an action item a paragraph."""
    found = [block for block in report.all_blocks() if block.table is None]
    if not found:
        return
    block = data.draw(st.sampled_from(found))
    if block.action is None:
        block.kind, block.level, block.action = BlockKind.ACTION, 1, ActionItem([data.draw(OWNERS)])
        return
    how = data.draw(st.sampled_from(["owners", "deadline", "status", "unmake"]))
    if how == "owners":
        block.action.owners = data.draw(st.lists(OWNERS, max_size=3, unique=True))
    elif how == "deadline":
        block.action.deadline = data.draw(DEADLINES)
    elif how == "status":
        block.action.status = ActionStatus.DONE if block.action.status is ActionStatus.OPEN else ActionStatus.OPEN
    else:
        block.kind, block.action = BlockKind.PARAGRAPH, None


def _edited(
    data: st.DataObject, old: Report, text: st.SearchStrategy[str], edits: int, kinds: tuple[str, ...] = EDITS
) -> Report:
    new = copy.deepcopy(old)
    for _ in range(data.draw(st.integers(1, edits))):
        _edit(data, new, text, kinds)
    return new


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(with_structured(reports(max_sections=5)), st.data())
def test_accept_all_gives_the_new_draft_and_reject_all_the_old_for_random_edits(
    old: Report, data: st.DataObject
) -> None:
    text = st.one_of(sentences(), st.text(max_size=12))
    new = _edited(data, old, text, 6)
    before = copy.deepcopy((old, new))
    result = redline(old, new)
    assert (old, new) == before  # the drafts compared are left as they were
    assert not _parts(result) & (_parts(old) | _parts(new))  # and the redline shares none of their parts
    assert_laws(old, new, result)
    assert [block.id for block in review.accepted(result).all_blocks()] == [block.id for block in new.all_blocks()]
    # Two drafts with no ids in common (two Word files): paired by content, the same laws.
    foreign = fresh_ids(new)
    assert_laws(old, foreign, redline(old, foreign))


# ------------------------------------------------------------------ no spurious revisions


#: The weight of a section's or session's start in the word-level diff: so heavy that it is never given up.
BOUNDARY = 10_000


def _weight(token: str) -> int:
    if token.startswith("\x01"):
        return BOUNDARY
    return len(token.partition("\x02")[0])


def _weighted_lcs(old: list[str], new: list[str]) -> int:
    """The most text two token lists can share in order (an optimal word-level diff keeps that much)."""
    previous = [0] * (len(new) + 1)
    for token in old:
        current = [0]
        weight = _weight(token)
        for index, other in enumerate(new):
            best = max(previous[index + 1], current[index])
            if token == other:
                best = max(best, previous[index] + weight)
            current.append(best)
        previous = current
    return previous[-1]


def _content_tokens(content: list) -> list[str]:  # type: ignore[type-arg]
    """The words of inline content as a reader sees them (a word may run across spans), each with its emphasis.

    A word whose emphasis changed is a different word here: the diff this
    measures against shows a formatting change as the word deleted and inserted.
    """
    result: list[str] = []
    text, emphasis = "", ""

    def words() -> list[str]:
        found, start = [], 0
        for word in tokens(text):
            found.append(f"{word}\x02{emphasis[start : start + len(word)]}")
            start += len(word)
        return found

    for item in content:
        if isinstance(item, FootnoteRef):
            result.extend([*words(), f"\x00{item.footnote_id}"])
            text, emphasis = "", ""
        else:
            text += item.text
            emphasis += str(item.bold * 4 + item.italic * 2 + item.underline) * len(item.text)
    return result + words()


def _body_tokens(report: Report) -> list[str]:
    """The words of every body, each body opened by its id: the blocks stay in their sections and sessions."""
    result: list[str] = []
    for owner in _bodies(report):
        result.append(f"\x01{owner.id}")
        for block in owner.blocks:
            result.extend(_content_tokens(block.content))
            result.append("")  # the paragraph end, which costs nothing
    return result


def _word_level_need(old: Report, new: Report) -> int:
    """Text an optimal word-level diff of the two drafts' bodies (body by body) and footnotes (by id) changes."""

    def need(before: list[str], after: list[str]) -> int:
        total = sum(map(_weight, before)) + sum(map(_weight, after))
        return total - 2 * _weighted_lcs(before, after)

    notes = {note.id: note for note in old.footnotes}
    others = {note.id: note for note in new.footnotes}
    text = need(_body_tokens(old), _body_tokens(new))
    for ident in set(notes) | set(others):
        before = _content_tokens(notes[ident].content) if ident in notes else []
        after = _content_tokens(others[ident].content) if ident in others else []
        text += need(before, after)
    return text


def _changed_text(result: Report) -> int:
    contents = [block.content for block in result.all_blocks()] + [note.content for note in result.footnotes]
    return sum(
        len(item.text)
        for content in contents
        for item in content
        if isinstance(item, Span) and (item.inserted is not None or item.deleted is not None)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(with_structured(reports(text=sentences(), max_sections=3, max_footnotes=2)), st.data(), st.booleans())
def test_the_changed_text_is_at_most_one_and_a_half_times_what_a_word_level_diff_needs(
    old: Report, data: st.DataObject, foreign: bool
) -> None:
    new = _edited(data, old, sentences(), 4, IN_PLACE_EDITS)
    need = _word_level_need(old, new)
    if foreign:
        new = fresh_ids(new)
    result = redline(old, new)
    assert_laws(old, new, result)
    assert _changed_text(result) <= 1.5 * need, (_changed_text(result), need)
