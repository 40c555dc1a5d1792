"""The report as a Yjs document: round trips, minimal edits, merges of concurrent edits, and hostile documents."""

from __future__ import annotations

import contextlib
import copy
import random
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map, Text

from minutes_editor.collab import layout
from minutes_editor.collab.errors import CollabError, EmptyRoomError
from minutes_editor.collab.ydoc import apply_report, doc_to_report, holds_report, report_to_doc
from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    FootnoteRef,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
)
from tests.collab.edits import Editor
from tests.collab.strategies import canonical, reviewed_reports
from tests.storage.reviewed_report import reviewed_report
from tests.storage.tabled_report import tabled_report
from tests.strategies import reports

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def structure(report: Report) -> list[object]:
    """Every id of the report, where it stands (equality of reports ignores ids)."""
    return [
        (section.id, [(s.id, [b.id for b in s.blocks]) for s in section.sessions], [b.id for b in section.blocks])
        for section in report.sections
    ]


def shared(report: Report) -> Doc:
    doc: Doc = Doc()
    report_to_doc(report, doc)
    return doc


def copy_of(doc: Doc) -> Doc:
    other: Doc = Doc()
    other.apply_update(doc.get_update())
    return other


def sync(*docs: Doc) -> None:
    for source in docs:
        for target in docs:
            if source is not target:
                target.apply_update(source.get_update(target.get_state()))


def sample() -> Report:
    return Report(
        language="ar",
        sections=[
            Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.PARAGRAPH, [Span("مرحبا 😀 world")])]),
            Section(
                SectionKind.DISCUSSION,
                heading="Talks",
                sessions=[Session("One", blocks=[Block(BlockKind.BULLET, [Span("a", bold=True), Span("b")])])],
            ),
        ],
    )


# ------------------------------------------------------------------ round trips


@SETTINGS
@given(reports(canonical=True))
def test_a_report_comes_back_equal_with_its_ids(report: Report) -> None:
    back = doc_to_report(copy_of(shared(report)))
    assert back == report
    assert structure(back) == structure(report)
    assert [note.id for note in back.footnotes] == [note.id for note in report.footnotes]


@SETTINGS
@given(reviewed_reports(canonical=True))
def test_pending_changes_and_comments_come_back(report: Report) -> None:
    back = doc_to_report(copy_of(shared(report)))
    assert back == canonical(copy.deepcopy(report))
    assert [comment.id for comment in back.comments] == [comment.id for comment in report.comments]


@SETTINGS
@given(reports(canonical=True, reviewed=True))
def test_every_mark_the_file_format_holds_comes_back(report: Report) -> None:
    # The shared report strategy: parts proposed whole, participants' pending changes, every field change.
    back = doc_to_report(copy_of(shared(report)))
    assert back == canonical(copy.deepcopy(report))
    assert structure(back) == structure(report)


def test_the_reviewed_fixture_comes_back_whole() -> None:
    report = reviewed_report()
    back = doc_to_report(copy_of(shared(report)))
    assert back == canonical(copy.deepcopy(report))
    assert (back.sections[2].inserted, back.footnotes[1].deleted) == (
        report.sections[2].inserted,
        report.footnotes[1].deleted,
    )
    assert back.field_changes[-1].old == report.field_changes[-1].old


@SETTINGS
@given(reports())
def test_spans_come_back_as_runs(report: Report) -> None:
    # Empty spans and neighbours of one emphasis are not kept apart (Y.Text holds runs, as Word does).
    assert doc_to_report(shared(report)) == canonical(copy.deepcopy(report))


def test_an_empty_document_holds_no_report() -> None:
    doc: Doc = Doc()
    assert not holds_report(doc)
    with pytest.raises(EmptyRoomError):
        doc_to_report(doc)


def test_a_document_takes_one_report_only() -> None:
    doc = shared(sample())
    with pytest.raises(CollabError, match="already holds"):
        report_to_doc(sample(), doc)


def test_two_parts_with_one_id_are_refused_before_anything_is_written() -> None:
    report = sample()
    report.sections[1].sessions[0].blocks[0].id = report.sections[0].blocks[0].id
    doc: Doc = Doc()
    with pytest.raises(
        CollabError, match=r"sections\[1\].sessions\[0\].blocks\[0\].id: .* is also the id of sections\[0\].blocks\[0\]"
    ):
        report_to_doc(report, doc)
    assert not holds_report(doc)
    assert doc.get_update() == Doc().get_update()


# ------------------------------------------------------------------ edits


@SETTINGS
@given(reviewed_reports(canonical=True, max_sections=4), st.randoms(use_true_random=False))
def test_an_edit_written_as_y_edits_gives_the_edited_report(report: Report, rng: random.Random) -> None:
    doc = shared(report)
    editor = Editor(rng, set(), set(), "t")
    old = doc_to_report(doc)
    for _ in range(4):
        new = copy.deepcopy(old)
        editor.random_edit(new)
        apply_report(doc, old, new)
        old = doc_to_report(copy_of(doc))
        assert old == canonical(copy.deepcopy(new))
        assert structure(old) == structure(new)


def test_typing_a_letter_sends_a_few_bytes() -> None:
    from benchmarks.bench_export import EXAMPLE
    from minutes_editor.storage.minutes_file import load_report

    doc = shared(load_report(EXAMPLE))
    old = doc_to_report(doc)
    new = copy.deepcopy(old)
    block = new.sections[-1].blocks[0] if new.sections[-1].blocks else new.all_blocks()[-1]
    block.content = [*block.content, Span("x")]
    sent: list[bytes] = []
    doc.observe(lambda event: sent.append(event.update))  # what a provider sends: the transaction's update
    apply_report(doc, old, new)
    assert len(sent) == 1
    assert len(sent[0]) < 40
    assert doc_to_report(doc) == canonical(new)


def test_emphasis_is_formatting_not_retyping() -> None:
    doc = shared(sample())
    other = copy_of(doc)
    old = doc_to_report(doc)
    new = copy.deepcopy(old)
    new.sections[0].blocks[0].content = [Span("مرحبا 😀 ", bold=True), Span("world")]
    apply_report(doc, old, new)
    # Meanwhile someone types inside the text made bold: their letters stay.
    theirs = doc_to_report(other)
    edited = copy.deepcopy(theirs)
    edited.sections[0].blocks[0].content = [Span("مرحبا X😀 world")]
    apply_report(other, theirs, edited)
    sync(doc, other)
    assert doc_to_report(doc) == doc_to_report(other)
    assert doc_to_report(doc).sections[0].blocks[0].content == [Span("مرحبا X😀 ", bold=True), Span("world")]


def test_two_people_typing_in_one_paragraph_keep_both_texts() -> None:
    one = shared(sample())
    two = copy_of(one)
    for doc, text, place in ((one, "«one»", 2), (two, "«two»", 9)):
        old = doc_to_report(doc)
        new = copy.deepcopy(old)
        block = new.sections[0].blocks[0]
        plain = block.plain_text
        block.content = [Span(plain[:place] + text + plain[place:])]
        apply_report(doc, old, new)
    sync(one, two)
    text = doc_to_report(one).sections[0].blocks[0].plain_text
    assert text == doc_to_report(two).sections[0].blocks[0].plain_text
    assert text.count("«one»") == 1
    assert text.count("«two»") == 1
    assert text.replace("«one»", "").replace("«two»", "") == "مرحبا 😀 world"


def test_a_block_moved_while_someone_types_in_it_keeps_their_text_and_stays_single() -> None:
    one = shared(sample())
    two = copy_of(one)
    three = copy_of(one)
    old = doc_to_report(one)
    moved = copy.deepcopy(old)
    block = moved.sections[0].blocks.pop()
    moved.sections[1].sessions[0].blocks.insert(0, block)
    apply_report(one, old, moved)
    moved_too = copy.deepcopy(old)
    moved_too.sections[1].blocks.append(moved_too.sections[0].blocks.pop())
    apply_report(three, old, moved_too)
    typed = copy.deepcopy(old)
    typed.sections[0].blocks[0].content = [Span("typed " + typed.sections[0].blocks[0].plain_text)]
    apply_report(two, old, typed)
    sync(one, two, three)
    result = doc_to_report(one)
    assert result == doc_to_report(two) == doc_to_report(three)
    texts = [b.plain_text for b in result.all_blocks()]
    assert texts.count("typed مرحبا 😀 world") == 1
    assert len(result.all_blocks()) == 2


def test_an_edit_on_a_stale_reading_is_made_around_the_others() -> None:
    doc = shared(sample())
    stale = doc_to_report(doc)
    other = copy_of(doc)
    theirs = copy.deepcopy(stale)
    theirs.sections[0].blocks[0].content = [Span("مرحبا 😀 world!!")]
    apply_report(other, stale, theirs)
    sync(doc, other)
    mine = copy.deepcopy(stale)
    mine.sections[0].blocks[0].content = [Span(">>مرحبا 😀 world")]
    apply_report(doc, stale, mine)  # ``stale`` no longer what the document holds
    assert doc_to_report(doc).sections[0].blocks[0].plain_text == ">>مرحبا 😀 world!!"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(canonical=True, max_sections=4), st.integers(0, 2**32))
def test_concurrent_random_edits_converge_and_lose_no_typed_marker(report: Report, seed: int) -> None:
    base = shared(report)
    safe_blocks = {block.id for block in report.all_blocks()}
    safe_bodies = {s.id for s in report.sections} | {s.id for x in report.sections for s in x.sessions}
    docs = [copy_of(base) for _ in range(3)]
    editors = [Editor(random.Random(seed + i), safe_blocks, safe_bodies, f"c{i}") for i in range(3)]
    rng = random.Random(seed)
    for _ in range(12):
        for doc, editor in zip(docs, editors, strict=True):
            old = doc_to_report(doc)
            new = copy.deepcopy(old)
            editor.random_edit(new)
            apply_report(doc, old, new)
        if rng.random() < 0.4:
            sync(*rng.sample(docs, 2))
    sync(*docs)
    results = [doc_to_report(doc) for doc in docs]
    assert results[0] == results[1] == results[2]
    assert structure(results[0]) == structure(results[1]) == structure(results[2])
    text = "\n".join(block.plain_text for block in results[0].all_blocks())
    for editor in editors:
        for marker in editor.typed:
            assert text.count(marker) == 1, marker


# ------------------------------------------------------------------ hostile documents


def _hostile(change: object) -> Doc:
    doc = shared(sample())
    with doc.transaction():
        change(doc)  # type: ignore[operator]
    return copy_of(doc)


def _first(doc: Doc, root: str) -> Map:
    items = doc.get(root, type=Map)
    return items[next(iter(items.keys()))]


def _objectives(doc: Doc) -> str:
    sections = doc.get("sections", type=Map)
    return next(key for key in sections.keys() if sections[key]["kind"] == "objectives")  # noqa: SIM118


HOSTILE = {
    "meta.format": lambda d: d.get("meta", type=Map).__setitem__("format", "something else"),
    "meta.version": lambda d: d.get("meta", type=Map).__setitem__("version", 99),
    "meta.language": lambda d: d.get("meta", type=Map).__setitem__("language", "not a tag!"),
    "meta.created": lambda d: d.get("meta", type=Map).__setitem__("created", "yesterday"),
    ".level: 7 is not between 1 and 3": lambda d: _first(d, "blocks").__setitem__("level", 7),
    ".level: 1.5 is not a whole": lambda d: _first(d, "blocks").__setitem__("level", 1.5),
    ".kind": lambda d: _first(d, "blocks").__setitem__("kind", "poem"),
    ".owner": lambda d: _first(d, "blocks").__setitem__("owner", 12),
    ".pos: ": lambda d: _first(d, "blocks").__setitem__("pos", "UPPER"),
    ".pos: is missing": lambda d: _first(d, "blocks").pop("pos"),
    "blocks[": lambda d: d.get("blocks", type=Map).__setitem__("x", "not a map"),
    ".text: expected a text": lambda d: _first(d, "blocks").__setitem__("text", "plain string"),
    "'colour' is not part": lambda d: _first(d, "blocks")["text"].format(0, 2, {"colour": "red"}),
    ".attributes.bold: expected true or false": lambda d: _first(d, "blocks")["text"].format(0, 2, {"bold": "yes"}),
    ".inserted.author": lambda d: _first(d, "blocks")["text"].format(0, 2, {"inserted": {"author": 5}}),
    "neither text nor": lambda d: _first(d, "blocks")["text"].insert_embed(0, {"image": "x.png"}),
    "only the participation": lambda d: _first(d, "sections").__setitem__("participants", Array([{"name": "x"}])),
    ".participants[0].name": lambda d: _first(d, "sections").__setitem__("participants", Array([{"name": 1}])),
    "only a discussion": lambda d: _first(d, "sessions").__setitem__("section", _objectives(d)),
    "title.meeting: expected a text": lambda d: d.get("title", type=Map).__setitem__("meeting", 3),
    "title.date": lambda d: d.get("title", type=Map).__setitem__("date", "2021-02-30"),
    "field_changes[0].field": lambda d: d.get("field_changes", type=Array).append(
        {"field": "Block.text", "change": {"author": "x"}}
    ),
    "field_changes[0]: expected an object": lambda d: d.get("field_changes", type=Array).append("x"),
    "comments[": lambda d: d.get("comments", type=Map).__setitem__("c1", Map({"pos": "i", "author": None})),
    "a section or session has the same id": lambda d: d.get("blocks", type=Map).__setitem__(
        next(iter(d.get("sections", type=Map).keys())),
        Map({"pos": "i", "owner": "x", "kind": "paragraph"}),
    ),
}


@pytest.mark.parametrize("expected", sorted(HOSTILE))
def test_a_hostile_document_is_refused_naming_the_path(expected: str) -> None:
    with pytest.raises(CollabError) as raised:
        doc_to_report(_hostile(HOSTILE[expected]))
    assert expected in str(raised.value)


def test_limits_on_what_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = shared(sample())
    monkeypatch.setattr(layout, "MAX_TEXT_BYTES", 10)
    with pytest.raises(CollabError, match="bytes of text, more than 10"):
        doc_to_report(doc)
    monkeypatch.setattr(layout, "MAX_TEXT_BYTES", 1 << 20)
    monkeypatch.setattr(layout, "MAX_ITEMS", 1)
    with pytest.raises(CollabError, match="more than 1"):
        doc_to_report(doc)


def test_what_concurrent_edits_leave_behind_is_read_not_refused() -> None:
    report = sample()
    report.footnotes = []
    doc = shared(report)
    with doc.transaction():
        block = doc.get("blocks", type=Map)[report.sections[0].blocks[0].id]
        block["text"].insert_embed(0, {"footnote": "gone"})  # its footnote deleted meanwhile
        block["text"].format(1, 3, {"comments": ["gone"]})  # its comment deleted meanwhile
        doc.get("blocks", type=Map)["orphan"] = Map({"pos": "i", "owner": "deleted", "kind": "paragraph"})
        doc.get("comments", type=Map)["r"] = Map({"pos": "i", "author": "a", "parent": "gone"})
        first = doc.get("sections", type=Map)[report.sections[0].id]
        first["level"] = 2
    back = doc_to_report(doc)
    assert back.sections[0].level == 1
    assert back.comments[0].parent == ""
    assert back.sections[0].blocks[0].content == report.sections[0].blocks[0].content
    assert len(back.all_blocks()) == 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_any_damage_gives_a_report_or_a_collab_error(seed: int) -> None:
    rng = random.Random(seed)
    doc = shared(sample())
    values = [None, True, 3, 2.5, -1, "", "x", "bullet", "i", [1], {"a": 1}, ["c"], {"author": "x"}]
    with doc.transaction():
        for _ in range(rng.randint(1, 4)):
            root = doc.get(rng.choice(layout.ROOTS[:-1]), type=Map)
            keys = list(root.keys())
            target = root[rng.choice(keys)] if keys and rng.random() < 0.7 else root
            if isinstance(target, Map):
                key = rng.choice([*target.keys(), "pos", "text", "level", "new"])
                choice = rng.random()
                if choice < 0.6:
                    target[key] = rng.choice(values)
                elif choice < 0.8:
                    target[key] = Text(rng.choice(["", "abc", "😀"]))
                else:
                    target[key] = Array([rng.choice(values)])
            elif isinstance(target, Text):
                target.format(0, len(target), {rng.choice(["bold", "inserted", "x"]): rng.choice(values)})
    with contextlib.suppress(CollabError):  # a clear refusal is fine; any other exception fails the test
        assert isinstance(doc_to_report(copy_of(doc)), Report)


@pytest.mark.parametrize("update", [b"", b"garbage", b"\x00", bytes(range(256))])
def test_garbage_updates_do_not_reach_the_report(update: bytes) -> None:
    doc = shared(sample())
    with contextlib.suppress(ValueError):
        doc.apply_update(update)
    assert doc_to_report(doc) == canonical(sample())


def test_footnote_references_and_empty_commented_spans_are_embeds() -> None:
    report = sample()
    from minutes_editor.model.report import Comment, Footnote

    report.footnotes = [Footnote("fn1", [Span("note")])]
    report.comments = [Comment("c1", "A")]
    report.sections[0].blocks[0].content = [Span("a"), FootnoteRef("fn1"), Span("", comments=("c1",)), Span("b")]
    doc = shared(report)
    chunks = doc.get("blocks", type=Map)[report.sections[0].blocks[0].id]["text"].diff()
    assert chunks == [("a", None), ({"footnote": "fn1"}, None), ({"empty": True}, {"comments": ["c1"]}), ("b", None)]
    assert doc_to_report(doc) == report


# ------------------------------------------------------------------ tables and action items


@SETTINGS
@given(reports(canonical=True, tables=True, reviewed=True))
def test_tables_and_action_items_come_back(report: Report) -> None:
    back = doc_to_report(copy_of(shared(report)))
    assert back == canonical(copy.deepcopy(report))
    assert structure(back) == structure(report)


def test_the_tabled_fixture_comes_back_whole() -> None:
    report = tabled_report()
    back = doc_to_report(copy_of(shared(report)))
    assert back == report
    assert structure(back) == structure(report)
    assert back.sections[1].blocks[1].table.rows[2][1] == [Span("—", comments=("c1",))]  # type: ignore[union-attr]


def test_a_table_is_rows_of_cells_of_y_texts_and_an_action_item_a_map() -> None:
    report = tabled_report()
    doc = shared(report)
    blocks = doc.get("blocks", type=Map)
    table = blocks["b00000000002"]
    assert "text" not in table
    assert table["header"] is True
    assert [[type(cell) for cell in row] for row in table["rows"]] == [[Text] * 3] * 3
    assert table["rows"][0][0].diff() == [("البلد", {"bold": True})]
    action = blocks["b00000000006"]["action"]
    assert isinstance(action, Map)
    assert action.to_py() == {"owners": ["النمسا", "ICMPD"], "deadline": "2022-03-01", "status": "open"}
    assert blocks["b00000000008"]["action"].to_py() == {"owners": [], "deadline": None, "status": "open"}


def _edit(doc: Doc, change: Callable[[Report], None]) -> None:
    old = doc_to_report(doc)
    new = copy.deepcopy(old)
    change(new)
    apply_report(doc, old, new)


def _table(report: Report) -> Table:
    table = report.sections[1].blocks[1].table
    assert table is not None
    return table


def _type_in(row: int, column: int, text: str, at: int = 0) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        table = _table(report)
        plain = table.cell_text(row, column)
        rows = copy.deepcopy(table.rows)
        rows[row][column] = [Span(plain[:at] + text + plain[at:])]
        report.sections[1].blocks[1].table = Table(rows, table.header)

    return change


def test_two_people_typing_in_two_cells_of_one_table_merge() -> None:
    one = shared(tabled_report())
    two = copy_of(one)
    _edit(one, _type_in(1, 0, "«one» "))
    _edit(two, _type_in(2, 2, " «two»", at=7))
    sync(one, two)
    table = _table(doc_to_report(one))
    assert doc_to_report(one) == doc_to_report(two)
    assert table.cell_text(1, 0) == "«one» النمسا"
    assert table.cell_text(2, 2) == "Frontex «two» \t «ok»"
    assert table.cell_text(0, 0) == "البلد"


def test_two_people_typing_in_one_cell_keep_both_texts() -> None:
    one = shared(tabled_report())
    two = copy_of(one)
    _edit(one, _type_in(1, 0, "«one»"))
    _edit(two, _type_in(1, 0, "«two»", at=6))
    sync(one, two)
    assert _table(doc_to_report(one)).cell_text(1, 0) == "«one»النمسا«two»"
    assert doc_to_report(one) == doc_to_report(two)


def test_typing_in_a_cell_sends_a_few_bytes() -> None:
    doc = shared(tabled_report())
    sent: list[bytes] = []
    doc.observe(lambda event: sent.append(event.update))
    _edit(doc, _type_in(2, 0, "x"))
    assert len(sent) == 1
    assert len(sent[0]) < 40


def test_a_row_added_while_someone_types_in_a_cell_keeps_both() -> None:
    one = shared(tabled_report())
    two = copy_of(one)

    def add_row(report: Report) -> None:
        table = _table(report)
        table.rows = [*table.rows, [[Span("جديد")], [], [Span("new")]]]

    _edit(one, add_row)
    _edit(two, _type_in(1, 1, "~"))
    sync(one, two)
    table = _table(doc_to_report(one))
    assert doc_to_report(one) == doc_to_report(two)
    assert len(table.rows) == 4
    assert table.cell_text(3, 0) == "جديد"
    assert table.cell_text(1, 1) == "~1,200 (تقدير)"


def test_rows_and_columns_added_and_removed_come_back() -> None:
    doc = shared(tabled_report())

    def reshape(report: Report) -> None:
        table = _table(report)
        rows = [row[:2] for row in table.rows]  # the last column removed
        rows.insert(1, [[Span("a")], [Span("b", italic=True)]])  # a row in the middle
        del rows[-1]  # the last row removed
        report.sections[1].blocks[1].table = Table([[*row, [Span("+")]] for row in rows], header=False)

    expected = copy.deepcopy(doc_to_report(doc))
    reshape(expected)
    _edit(doc, reshape)
    assert doc_to_report(copy_of(doc)) == expected


def test_two_people_adding_a_column_at_once_read_as_one_table() -> None:
    # Each adds a cell to every row; rows of unequal length (one person's row added meanwhile) are padded.
    one = shared(tabled_report())
    two = copy_of(one)

    def add_column(text: str) -> Callable[[Report], None]:
        def change(report: Report) -> None:
            table = _table(report)
            table.rows = [[*row, [Span(text)]] for row in table.rows]

        return change

    def add_row(report: Report) -> None:
        table = _table(report)
        table.rows = [*table.rows, [[Span("r")], [], []]]

    _edit(one, add_column("one"))
    _edit(two, add_row)
    sync(one, two)
    result = doc_to_report(one)
    assert result == doc_to_report(two)
    table = _table(result)
    assert table.columns == 4
    assert all(len(row) == 4 for row in table.rows)
    assert [table.cell_text(row, 3) for row in range(4)] == ["one", "one", "one", ""]


def test_action_items_fields_edited_by_two_people_merge() -> None:
    one = shared(tabled_report())
    two = copy_of(one)

    def done(report: Report) -> None:
        action = report.sections[2].blocks[0].action
        assert action is not None
        action.status = ActionStatus.DONE

    def owner(report: Report) -> None:
        action = report.sections[2].blocks[0].action
        assert action is not None
        action.owners = [*action.owners, "Ben Ross"]
        action.deadline = None

    _edit(one, done)
    _edit(two, owner)
    sync(one, two)
    result = doc_to_report(one)
    assert result == doc_to_report(two)
    assert result.sections[2].blocks[0].action == ActionItem(["النمسا", "ICMPD", "Ben Ross"], None, ActionStatus.DONE)


def test_a_paragraph_made_a_table_and_an_action_item_and_back() -> None:
    doc = shared(sample())
    block_id = sample().sections[0].blocks[0].id
    steps = [
        Block(BlockKind.TABLE, table=Table([[[Span("a")], [Span("b")]]]), id=block_id),
        Block(BlockKind.ACTION, [Span("do")], action=ActionItem(["x"]), id=block_id),
        Block(BlockKind.PARAGRAPH, [Span("plain")], id=block_id),
    ]
    for block in steps:
        _edit(doc, lambda report, block=block: report.sections[0].blocks.__setitem__(0, block))
        back = doc_to_report(copy_of(doc)).sections[0].blocks[0]
        assert back == block
        assert set(doc.get("blocks", type=Map)[block_id].keys()) & {"text", "rows", "header", "action"} == (
            {"rows", "header"} if block.table else {"text", "action"} if block.action else {"text"}
        )


def _tabled_hostile(change: Callable[[Map, Map], None]) -> Doc:
    doc = shared(tabled_report())
    blocks = doc.get("blocks", type=Map)
    with doc.transaction():
        change(blocks["b00000000002"], blocks["b00000000006"])
    return copy_of(doc)


TABLE_PATH = 'blocks["b00000000002"]'
ACTION_PATH = 'blocks["b00000000006"]'
TABLE_HOSTILE: dict[str, Callable[[Map, Map], None]] = {
    f"{TABLE_PATH}.rows: is missing": lambda table, action: table.pop("rows"),
    f"{TABLE_PATH}.rows: expected an array, found a string": lambda table, action: table.__setitem__("rows", "x"),
    f"{TABLE_PATH}.rows[1]: expected an array, found a text": lambda table, action: table["rows"].__setitem__(
        1, Text("x")
    ),
    f"{TABLE_PATH}.rows[0][1]: expected a text, found a string": lambda table, action: table["rows"][0].__setitem__(
        1, "x"
    ),
    f"{TABLE_PATH}.rows[0]: 21 cells, more than 20": lambda table, action: table["rows"][0].extend(
        [Text() for _ in range(18)]
    ),
    f"{TABLE_PATH}.rows[0][0][0]: a table cell cannot hold a footnote reference": lambda table, action: table["rows"][
        0
    ][0].insert_embed(0, {"footnote": "fn"}),
    f"{TABLE_PATH}: a table cell holds text with no pending change": lambda table, action: table["rows"][0][0].format(
        0, 2, {"inserted": {"author": "x"}}
    ),
    f"{TABLE_PATH}.header: expected true or false": lambda table, action: table.__setitem__("header", "yes"),
    f"{ACTION_PATH}.action: is missing": lambda table, action: action.pop("action"),
    f"{ACTION_PATH}.action: expected a map, found an object": lambda table, action: action.__setitem__(
        "action", {"owners": [], "status": "open"}
    ),
    f"{ACTION_PATH}.action.status: 'late' is not one of open, done": lambda table, action: action["action"].__setitem__(
        "status", "late"
    ),
    f"{ACTION_PATH}.action.status: is missing": lambda table, action: action["action"].pop("status"),
    f"{ACTION_PATH}.action.owners[0]: ' x' is not a name": lambda table, action: action["action"]["owners"].__setitem__(
        0, " x"
    ),
    f"{ACTION_PATH}.action.owners[1]: expected a string": lambda table, action: action["action"]["owners"].__setitem__(
        1, 3
    ),
    f"{ACTION_PATH}.action.deadline: '2022-02-30'": lambda table, action: action["action"].__setitem__(
        "deadline", "2022-02-30"
    ),
    f"{ACTION_PATH}.action: 'colour' is not part of the layout": lambda table, action: action["action"].__setitem__(
        "colour", "red"
    ),
}


@pytest.mark.parametrize("expected", sorted(TABLE_HOSTILE))
def test_a_malformed_table_or_action_item_is_refused_naming_the_path(expected: str) -> None:
    with pytest.raises(CollabError) as raised:
        doc_to_report(_tabled_hostile(TABLE_HOSTILE[expected]))
    assert str(raised.value).startswith(expected)


def test_a_table_of_too_many_rows_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor.collab import ytable

    monkeypatch.setattr(ytable, "MAX_TABLE_ROWS", 2)
    with pytest.raises(CollabError, match=r'blocks\["b00000000002"\].rows: 3 rows, more than 2'):
        doc_to_report(shared(tabled_report()))


def test_what_concurrent_kind_changes_leave_on_a_block_is_read_by_its_kind() -> None:
    # A table whose rows two people removed at once, a paragraph keeping a table's rows: read, not refused.
    def change(table: Map, action: Map) -> None:
        while len(table["rows"]):
            del table["rows"][0]
        action["kind"] = "paragraph"
        action["rows"] = Array([Array([Text("left over")])])

    report = doc_to_report(_tabled_hostile(change))
    assert report.sections[1].blocks[1].table == Table([[[]]])
    assert report.sections[2].blocks[0] == Block(BlockKind.PARAGRAPH, tabled_report().sections[2].blocks[0].content)
