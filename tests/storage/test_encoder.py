"""The one .minutes encoder: its compact paragraphs are its field definitions encoded, and a save encodes once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_editor.model.report import ActionItem, Block, BlockKind, Change, FootnoteRef, FormatChange, Span
from minutes_editor.storage import encoder
from minutes_editor.storage.encoder import block_json, block_object, report_to_bytes
from minutes_editor.storage.minutes_file import load_report, read_blocks, save_report
from tests.strategies import blocks, texts
from tests.support.examples import example_path

COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


@settings(max_examples=300, deadline=None)
@given(
    paragraphs=blocks(texts(), ["n1", "n2"], tables_too=True),
    marked=blocks(texts(), ["n1"], comment_ids=["c1", "c2"], tables_too=True),
)
def test_a_compact_paragraph_is_its_object_encoded(paragraphs: list[Block], marked: list[Block]) -> None:
    for block in [*paragraphs, *marked]:
        assert block_json(block) == json.dumps(block_object(block), **COMPACT)
        # And it reads back as the same paragraph, id and marks included.
        [back] = read_blocks([json.loads(block_json(block))], "ins")
        assert back == block
        assert back.id == block.id


@given(kind=st.sampled_from(BlockKind), level=st.integers(1, 3), text=texts(), block_id=st.from_regex(r"[0-9a-f]{12}"))
def test_the_short_way_for_a_plain_paragraph_is_its_object_encoded(
    kind: BlockKind, level: int, text: str, block_id: str
) -> None:
    # A paragraph of one span without emphasis or marks takes the short way (its id and text set into a
    # made encoding).
    block = Block(kind, [Span(text)], level, id=block_id)
    assert block_json(block) == json.dumps(block_object(block), **COMPACT)
    assert json.loads(block_json(block))["id"] == block_id


WHO = Change("Amal", move="m1")


@pytest.mark.parametrize(
    "block",
    [
        Block(BlockKind.PARAGRAPH, [Span("x", inserted=WHO)]),
        Block(BlockKind.PARAGRAPH, [Span("x", deleted=WHO)]),
        Block(BlockKind.PARAGRAPH, [Span("x", old_format=FormatChange(WHO, bold=True))]),
        Block(BlockKind.PARAGRAPH, [Span("x", comments=("c1",))]),
        Block(BlockKind.PARAGRAPH, [Span("x")], inserted=WHO),
        Block(BlockKind.PARAGRAPH, [Span("x")], deleted=WHO),
        Block(BlockKind.ACTION, [Span("x")], action=ActionItem(["Amal"], dt.date(2027, 1, 15))),
        Block(BlockKind.ACTION, [Span("x")], action=ActionItem()),
    ],
    ids=["inserted", "deleted", "old-format", "comment", "end-inserted", "end-deleted", "action", "action-bare"],
)
def test_a_plain_paragraph_with_a_mark_does_not_take_the_short_way(block: Block) -> None:
    # The short way is for a paragraph of one plain span; any mark must reach the file.
    assert block_json(block) == json.dumps(block_object(block), **COMPACT)
    assert block_json(block) != block_json(Block(block.kind, [Span("x")], id=block.id))


def test_the_short_way_knows_every_field_of_a_span() -> None:
    # block_json's short way takes a span whose flags are all false and that carries no mark for a plain
    # one: a new field of Span or Block (a strike-through, a colour) must be added to its test, or the
    # short way would drop it.
    assert [field.name for field in dataclasses.fields(Span)] == [
        "text",
        "bold",
        "italic",
        "underline",
        "inserted",
        "deleted",
        "old_format",
        "comments",
    ]
    assert [field.name for field in dataclasses.fields(FootnoteRef)] == ["footnote_id", "inserted", "deleted"]
    assert [field.name for field in dataclasses.fields(Block)] == [
        "kind",
        "content",
        "level",
        "id",
        "inserted",
        "deleted",
        "old_format",
        "table",
        "action",
    ]


def test_a_save_encodes_the_report_once_and_returns_the_bytes_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = load_report(example_path())
    calls: list[object] = []
    real = encoder.report_to_document

    def counted(report: object) -> dict[str, object]:
        calls.append(report)
        return real(report)  # type: ignore[arg-type]

    monkeypatch.setattr(encoder, "report_to_document", counted)
    path = tmp_path / "r.minutes"
    data = save_report(report, path)
    assert len(calls) == 1
    assert data == path.read_bytes() == example_path().read_bytes()
    assert report_to_bytes(report) == data
