"""The recovery journal: a snapshot and its journal replay to the report as it was, whatever the edits.

Edits are made as the window makes them: a body's paragraphs are replaced,
never changed in place (an edited paragraph keeps its id); fields, parts and
footnotes are replaced or moved; reviewers' marks, comments and field changes
come and go. The comparison is of the .minutes documents, so ids count.
Each step's journal line is appended to real bytes, and the replay of
snapshot plus journal must equal the report at every step. Cutting the
journal at any byte gives the report of the last whole line, never an
error; a damaged line keeps what came before it.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from minutes_editor.model import operations as ops
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    FormatChange,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
    TitleBlock,
)
from minutes_editor.storage.encoder import recovery_bytes, report_to_document
from minutes_editor.storage.journal import JOURNAL_VERSION, JournalRecorder, digest, journal_header
from minutes_editor.storage.journal_replay import replay
from tests.storage.reviewed_report import reviewed_report
from tests.strategies import changes, ids_of, reports, texts

TEXT = texts(max_size=12)


def _document(report: Report) -> dict:
    return report_to_document(report)


def _parts(report: Report) -> list[Section | Session]:
    return [part for section in report.sections for part in (section, *section.sessions)]


def _new_block(kind: BlockKind, text: str) -> Block:
    """A new paragraph of any kind, as the window makes it: a table of one row, an action item with no owner."""
    if kind is BlockKind.TABLE:
        return Block(kind, table=Table([[[Span(text)], []]]))
    if kind is BlockKind.ACTION:
        return Block(kind, [Span(text)], action=ActionItem())
    return Block(kind, [Span(text)], 2 if kind is BlockKind.BULLET else 1)


class Journal:
    """A snapshot and the journal lines written after it, as the autosave writes them."""

    def __init__(self, report: Report) -> None:
        self.recorder = JournalRecorder()
        self.snapshot(report)

    def snapshot(self, report: Report) -> None:
        self.snapshot_bytes = recovery_bytes(report)
        header = journal_header(self.recorder.start(report), self.snapshot_bytes)
        self.data = (json.dumps(header, ensure_ascii=False) + "\n").encode()

    def record(self, report: Report, where: tuple[object, int] | None = None) -> None:
        line = self.recorder.changes(report, where)
        if line is not None:
            self.data += line.encode()


class JournalMachine(RuleBasedStateMachine):
    """Edits a report as the window does; after each edit the journal replays to it."""

    @initialize(
        report=st.one_of(reports(max_sections=4, tables=True), reports(max_sections=4, reviewed=True, tables=True))
    )
    def start(self, report: Report) -> None:
        self.report = report
        self.journal = Journal(report)
        self.where: tuple[object, int] | None = None
        self.next_note = 1000
        self.next_comment = 1000

    def _pick_part(self, data: st.DataObject) -> Section | Session | None:
        parts = _parts(self.report)
        return data.draw(st.sampled_from(parts)) if parts else None

    @rule(data=st.data(), text=TEXT)
    def type_in_a_paragraph(self, data: st.DataObject, text: str) -> None:
        part = self._pick_part(data)
        if part is None:
            return
        blocks = list(part.blocks)
        if blocks:
            index = data.draw(st.integers(0, len(blocks) - 1))
            old = blocks[index]
            # An edited paragraph keeps its id and its marks (as the body store reads it back); in a table, typing
            # goes into a cell (the table is a new Table: nothing is changed in place).
            if old.table is not None:
                rows = [[list(cell) for cell in row] for row in old.table.rows]
                row = data.draw(st.integers(0, len(rows) - 1))
                column = data.draw(st.integers(0, len(rows[0]) - 1))
                rows[row][column] = [*rows[row][column], Span(text, bold=data.draw(st.booleans()))]
                blocks[index] = dataclasses.replace(old, table=Table(rows, old.table.header))
            else:
                blocks[index] = dataclasses.replace(old, content=[*old.content, Span(text)])
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, [Span(text)]))
        part.blocks = blocks  # a new list, new paragraph objects: as BodyStore.flush

    @rule(data=st.data(), text=TEXT, kind=st.sampled_from(list(BlockKind)))
    def split_or_insert_paragraphs(self, data: st.DataObject, text: str, kind: BlockKind) -> None:
        part = self._pick_part(data)
        if part is None:
            return
        blocks = list(part.blocks)
        index = data.draw(st.integers(0, len(blocks)))
        count = data.draw(st.integers(1, 3))
        blocks[index:index] = [_new_block(kind, text) for _ in range(count)]
        part.blocks = blocks

    @rule(data=st.data(), owner=TEXT, status=st.sampled_from(ActionStatus), deadline=st.none() | st.dates())
    def edit_an_action_item_or_a_table(
        self, data: st.DataObject, owner: str, status: ActionStatus, deadline: dt.date | None
    ) -> None:
        part = self._pick_part(data)
        places = (
            [i for i, block in enumerate(part.blocks) if block.kind in (BlockKind.ACTION, BlockKind.TABLE)]
            if part
            else []
        )
        if part is None or not places:
            return
        blocks = list(part.blocks)
        index = data.draw(st.sampled_from(places))
        old = blocks[index]
        if old.action is not None:
            name = owner.strip()
            owners = [*old.action.owners, name] if name and name not in old.action.owners else old.action.owners[1:]
            blocks[index] = dataclasses.replace(old, action=ActionItem(owners, deadline, status))
        elif old.table is not None:
            # A row added at the end, or the last column removed (a table keeps one), or the header row turned.
            rows = [list(row) for row in old.table.rows]
            change = data.draw(st.sampled_from(["row", "column", "header"]))
            if change == "row":
                rows.append([[Span(owner)] for _ in rows[0]])
            elif change == "column" and len(rows[0]) > 1:
                rows = [row[:-1] for row in rows]
            header = not old.table.header if change == "header" else old.table.header
            blocks[index] = dataclasses.replace(old, table=Table(rows, header))
        part.blocks = blocks

    @rule(data=st.data())
    def delete_paragraphs(self, data: st.DataObject) -> None:
        part = self._pick_part(data)
        if part is None or not part.blocks:
            return
        blocks = list(part.blocks)
        start = data.draw(st.integers(0, len(blocks) - 1))
        end = data.draw(st.integers(start + 1, len(blocks)))
        del blocks[start:end]
        part.blocks = blocks
        self._drop_unreferenced_notes()

    @rule(data=st.data(), text=TEXT)
    def add_a_footnote(self, data: st.DataObject, text: str) -> None:
        part = self._pick_part(data)
        if part is None:
            return
        note_id = f"fn{self.next_note}"
        self.next_note += 1
        blocks = list(part.blocks)
        if not blocks or blocks[-1].table is not None:  # a table cell holds no footnote reference
            blocks.append(Block(BlockKind.PARAGRAPH))
        blocks[-1] = dataclasses.replace(blocks[-1], content=[*blocks[-1].content, FootnoteRef(note_id)])
        part.blocks = blocks
        self.report.footnotes = [*self.report.footnotes, Footnote(note_id, [Span(text)])]
        self._order_notes()

    @rule(data=st.data(), text=TEXT)
    def edit_a_footnote(self, data: st.DataObject, text: str) -> None:
        if not self.report.footnotes:
            return
        note = data.draw(st.sampled_from(self.report.footnotes))
        note.content = [Span(text)] if text else []  # FieldCommand replaces the content list

    @rule(text=TEXT, field=st.sampled_from(["meeting", "subtitle", "location", "status", "timezone"]))
    def edit_the_title_block(self, text: str, field: str) -> None:
        title = copy.copy(self.report.title)
        setattr(title, field, text)
        self.report.title = title if field != "status" else self.report.title
        if field == "status":
            self.report.title.status = text  # set in place, as the window's field commands do

    @rule(moment=st.times())
    def edit_the_times(self, moment: dt.time) -> None:
        self.report.title.start_time = moment.replace(microsecond=0)

    @rule(data=st.data(), text=TEXT)
    def edit_a_heading_or_title(self, data: st.DataObject, text: str) -> None:
        part = self._pick_part(data)
        if isinstance(part, Section):
            part.heading = text or None
        elif isinstance(part, Session):
            part.title = text
            part.goals = [*part.goals, text]

    @rule(data=st.data(), name=TEXT)
    def add_a_participant(self, data: st.DataObject, name: str) -> None:
        sections = [section for section in self.report.sections if section.kind is SectionKind.PARTICIPATION]
        if sections:
            section = data.draw(st.sampled_from(sections))
            section.participants = [*section.participants, Participant(name)]

    @rule(data=st.data(), kind=st.sampled_from(list(SectionKind)))
    def add_a_section(self, data: st.DataObject, kind: SectionKind) -> None:
        index = data.draw(st.integers(0, len(self.report.sections)))
        section = Section(kind, blocks=[Block(BlockKind.PARAGRAPH, [Span("new")])])
        if kind is SectionKind.DISCUSSION:
            section.sessions = [Session("s", blocks=[Block(BlockKind.BULLET, [Span("b")], 1)])]
        self.report.sections = [*self.report.sections[:index], section, *self.report.sections[index:]]

    @rule(data=st.data())
    def remove_or_move_a_part(self, data: st.DataObject) -> None:
        sections = list(self.report.sections)
        if not sections:
            return
        index = data.draw(st.integers(0, len(sections) - 1))
        section = sections.pop(index)
        if data.draw(st.booleans()):
            sections.insert(data.draw(st.integers(0, len(sections))), section)  # moved
        if sections and sections[0].level != 1:
            return  # the window refuses a sub-heading first
        if section not in sections:
            # As RemoveSection: nothing may name the part removed.
            ops.let_go_of(self.report, {section.id, *(session.id for session in section.sessions)})
        self.report.sections = sections
        self._drop_unreferenced_notes()

    @rule(data=st.data(), text=TEXT, who=changes())
    def mark_a_paragraph(self, data: st.DataObject, text: str, who: Change) -> None:
        part = self._pick_part(data)
        if part is None or not part.blocks:
            return
        blocks = list(part.blocks)
        index = data.draw(st.integers(0, len(blocks) - 1))
        old = blocks[index]
        ids = [comment.id for comment in self.report.comments]
        comments = tuple(data.draw(st.lists(st.sampled_from(ids), max_size=1))) if ids else ()
        marked = [
            Span(text, inserted=who),
            Span(text, deleted=who, comments=comments),
            Span(text, bold=True, old_format=FormatChange(who, italic=True)),
        ]
        if old.table is not None:  # a table is proposed whole: only its block's marks
            blocks[index] = dataclasses.replace(old, deleted=who, inserted=data.draw(st.sampled_from([None, who])))
            part.blocks = blocks
            return
        blocks[index] = dataclasses.replace(
            old,
            content=[*old.content, *marked],
            deleted=data.draw(st.sampled_from([None, who])),
            old_format=data.draw(st.sampled_from([None, BlockFormatChange(who, BlockKind.BULLET, 2)])),
        )
        part.blocks = blocks

    @rule(data=st.data(), text=TEXT, who=changes())
    def comment_or_answer(self, data: st.DataObject, text: str, who: Change) -> None:
        comments = list(self.report.comments)
        parent = data.draw(st.sampled_from(["", *(comment.id for comment in comments)]))
        comments.append(Comment(f"c{self.next_comment}", who.author, [text], who.date, parent=parent))
        self.next_comment += 1
        self.report.comments = comments  # a new list, as SetComments

    @rule(data=st.data())
    def resolve_a_comment(self, data: st.DataObject) -> None:
        if not self.report.comments:
            return
        comments = list(self.report.comments)
        index = data.draw(st.integers(0, len(comments) - 1))
        comments[index] = dataclasses.replace(comments[index], done=not comments[index].done)
        self.report.comments = comments

    @rule(data=st.data(), text=TEXT, who=changes())
    def propose_a_field_change(self, data: st.DataObject, text: str, who: Change) -> None:
        targets = [("TitleBlock.location", "")] + [("Section.heading", section.id) for section in self.report.sections]
        name, owner = data.draw(st.sampled_from(targets))
        self.report.field_changes = [*self.report.field_changes, FieldChange(name, owner, text, who)]

    @rule(data=st.data(), text=TEXT, who=changes())
    def mark_a_footnote(self, data: st.DataObject, text: str, who: Change) -> None:
        if not self.report.footnotes:
            return
        note = data.draw(st.sampled_from(self.report.footnotes))
        note.content = [*note.content, Span(text, inserted=who)]

    @rule(data=st.data())
    def show_a_part(self, data: st.DataObject) -> None:
        part = self._pick_part(data)
        self.where = (part if part is not None else self.report.title, data.draw(st.integers(0, 50)))

    @rule()
    def take_a_snapshot(self) -> None:
        self.journal.snapshot(self.report)

    def _drop_unreferenced_notes(self) -> None:
        self._order_notes()

    def _order_notes(self) -> None:
        # As BodyStore._sync_footnotes: the notes referenced, in the order of first reference.
        pool = {note.id: note for note in self.report.footnotes}
        referenced = list(dict.fromkeys(self.report.footnote_refs()))
        self.report.footnotes = [pool[note_id] for note_id in referenced if note_id in pool]

    @invariant()
    def the_journal_replays_to_the_report(self) -> None:
        if not hasattr(self, "journal"):
            return
        self.journal.record(self.report, self.where)
        result = replay(self.journal.snapshot_bytes, self.journal.data)
        assert result.problem is None
        assert _document(result.report) == _document(self.report)
        # By identity: two parts added alike are equal, and the one shown may be the one removed.
        if self.where is not None and any(self.where[0] is part for part in [self.report.title, *_parts(self.report)]):
            assert result.where is not None


TestJournalMachine = JournalMachine.TestCase
TestJournalMachine.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _edited_example() -> tuple[bytes, bytes, list[dict]]:
    """A snapshot, a journal of five typing steps, and the report after each step."""
    report = Report(
        language="ar",
        title=TitleBlock(meeting="اجتماع"),
        sections=[Section(SectionKind.GENERIC, blocks=[Block(BlockKind.PARAGRAPH, [Span("أ")])])],
    )
    journal = Journal(report)
    states = [_document(report)]
    for word in ["الاتحاد", " الأوروبي", " Frontex", " 2021", " انتهى"]:
        section = report.sections[0]
        last = section.blocks[-1]
        section.blocks = [*section.blocks[:-1], Block(last.kind, [Span(last.plain_text + word)])]
        journal.record(report, (section, len(last.plain_text + word)))
        states.append(_document(report))
    return journal.snapshot_bytes, journal.data, states


def test_a_journal_cut_at_any_byte_replays_to_its_last_whole_line() -> None:
    snapshot, data, states = _edited_example()
    line_ends = [index + 1 for index, byte in enumerate(data) if byte == ord("\n")]
    for cut in range(len(data) + 1):
        result = replay(snapshot, data[:cut])
        whole_lines = sum(1 for end in line_ends if end <= cut)
        expected = states[max(whole_lines - 1, 0)]
        assert _document(result.report) == expected, cut
        assert result.problem is None
        assert result.torn == (cut not in line_ends and cut > 0 and cut != len(data))


def test_a_damaged_line_keeps_what_came_before_it_and_says_where() -> None:
    snapshot, data, states = _edited_example()
    lines = data.split(b"\n")
    lines[3] = lines[3].replace(b'"at":0', b'"at":7')  # a splice outside the body
    result = replay(snapshot, b"\n".join(lines))
    assert _document(result.report) == states[2]
    assert result.problem is not None
    assert "line 4" in result.problem


def test_a_line_that_breaks_the_format_is_refused_with_the_loaders_words() -> None:
    snapshot, data, states = _edited_example()
    lines = data.split(b"\n")
    lines[2] = lines[2].replace(b'"type":"paragraph"', b'"type":"poem"')
    result = replay(snapshot, b"\n".join(lines))
    assert _document(result.report) == states[1]
    assert result.problem is not None
    assert "line 3" in result.problem
    assert "poem" in result.problem


def test_the_journal_of_an_older_snapshot_adds_nothing() -> None:
    snapshot, data, _states = _edited_example()
    newer = recovery_bytes(Report(language="en"))
    assert digest(newer) != digest(snapshot)
    result = replay(newer, data)
    assert _document(result.report) == _document(Report(language="en"))
    assert result.applied == 0


def test_the_journal_is_plain_text_a_person_can_read() -> None:
    _snapshot, data, _states = _edited_example()
    text = data.decode("utf-8")
    assert "Frontex" in text
    assert "الأوروبي" in text
    header = json.loads(text.splitlines()[0])
    assert "recovery journal" in header["about"]
    for line in text.splitlines():
        json.loads(line)


def test_the_place_of_the_cursor_is_replayed() -> None:
    snapshot, data, _states = _edited_example()
    result = replay(snapshot, data)
    assert result.where == (0, None, len("أالاتحاد الأوروبي Frontex 2021 انتهى"))


def test_ids_marks_comments_and_field_changes_replay_exactly() -> None:
    report = reviewed_report()
    journal = Journal(report)
    session = report.sections[1].sessions[0]
    # Typing in a marked paragraph keeps its id; a new paragraph has an id of its own.
    first = session.blocks[0]
    session.blocks = [dataclasses.replace(first, content=[*first.content, Span(" typed")]), *session.blocks[1:]]
    session.blocks = [*session.blocks, Block(BlockKind.PARAGRAPH, [Span("new", comments=("c1",))])]
    report.sections[0].id = "s0000000000a"  # an id changed in place is seen too
    comments = list(report.comments)
    assert comments[5].field_name == "Section.participants"
    comments[5] = dataclasses.replace(comments[5], owner="s0000000000a")
    report.comments = [*comments, Comment("c6", "Amal Haddad", ["Added"], parent="c4")]
    report.field_changes = [
        dataclasses.replace(change, owner="s0000000000a") if change.owner == "s00000000001" else change
        for change in report.field_changes[1:]
    ]
    journal.record(report)
    result = replay(journal.snapshot_bytes, journal.data)
    assert result.problem is None
    assert result.applied == 1
    assert result.report == report
    assert ids_of(result.report) == ids_of(report)
    assert result.report.comments[-1].parent == "c4"
    assert [change.field_name for change in result.report.field_changes] == [
        change.field_name for change in report.field_changes
    ]


def test_a_journal_of_the_previous_version_is_refused_clearly() -> None:
    # Left by an older Minutes Editor that crashed: its records carry no ids. The snapshot is restored.
    report = reviewed_report()
    journal = Journal(report)
    header, *rest = journal.data.decode("utf-8").splitlines(keepends=True)
    old = json.loads(header)
    old["version"] = JOURNAL_VERSION - 1
    data = (json.dumps(old) + "\n" + "".join(rest)).encode("utf-8")
    result = replay(journal.snapshot_bytes, data)
    assert result.report == report
    assert ids_of(result.report) == ids_of(report)
    assert result.problem == "the journal is of version 1, which this version cannot read"


def test_two_parts_alike_but_for_their_ids_swapped_are_a_change_of_order() -> None:
    # Equality ignores ids: two new empty sections are equal, yet swapping them changes the report.
    first, second = Section(SectionKind.GENERIC), Section(SectionKind.GENERIC)
    session_a, session_b = Session("s"), Session("s")
    discussion = Section(SectionKind.DISCUSSION, sessions=[session_a, session_b])
    report = Report(sections=[first, second, discussion])
    journal = Journal(report)
    report.sections[0:2] = [second, first]
    discussion.sessions[:] = [session_b, session_a]
    journal.record(report)
    result = replay(journal.snapshot_bytes, journal.data)
    assert result.applied == 1
    assert ids_of(result.report) == ids_of(report)
