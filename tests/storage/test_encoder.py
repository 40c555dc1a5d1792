"""The one .minutes encoder: its compact paragraphs are its field definitions encoded, and a save encodes once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Span
from minutes_editor.storage import encoder
from minutes_editor.storage.encoder import block_json, block_object, report_to_bytes
from minutes_editor.storage.minutes_file import load_report, save_report
from tests.strategies import blocks, texts
from tests.support.examples import example_path

COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


@settings(max_examples=300, deadline=None)
@given(paragraphs=blocks(texts(), ["n1", "n2"]))
def test_a_compact_paragraph_is_its_object_encoded(paragraphs: list[Block]) -> None:
    for block in paragraphs:
        assert block_json(block) == json.dumps(block_object(block), **COMPACT)


@given(kind=st.sampled_from(BlockKind), level=st.integers(1, 3), text=texts())
def test_the_short_way_for_a_plain_paragraph_is_its_object_encoded(kind: BlockKind, level: int, text: str) -> None:
    # A paragraph of one span without emphasis takes the short way (its text set into a made encoding).
    block = Block(kind, [Span(text)], level)
    assert block_json(block) == json.dumps(block_object(block), **COMPACT)


def test_the_short_way_knows_every_field_of_a_span() -> None:
    # block_json's short way takes a span whose flags are all false for a plain one: a new field of Span
    # (a strike-through, a colour) must be added to its test, or the short way would drop it.
    assert [field.name for field in dataclasses.fields(Span)] == ["text", "bold", "italic", "underline"]
    assert [field.name for field in dataclasses.fields(FootnoteRef)] == ["footnote_id"]


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
