"""The model's Record base behaves as the @dataclass it replaces: constructor, equality, repr, hashing, helpers."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from minutes_editor.model.record import Record
from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report, Section, SectionKind, Span, TitleBlock


class Note(Record):
    text: str
    tags: list[str] = dataclasses.field(default_factory=list)
    source: str = dataclasses.field(default="", compare=False, repr=False)


@dataclasses.dataclass
class NoteAsDataclass:
    text: str
    tags: list[str] = dataclasses.field(default_factory=list)
    source: str = dataclasses.field(default="", compare=False, repr=False)


def test_a_record_is_a_dataclass_with_its_constructor() -> None:
    note = Note("a", ["x"], source="file")
    assert dataclasses.is_dataclass(note)
    assert [item.name for item in dataclasses.fields(Note)] == ["text", "tags", "source"]
    assert dataclasses.asdict(note) == {"text": "a", "tags": ["x"], "source": "file"}
    assert dataclasses.replace(note, text="b") == Note("b", ["x"])
    assert Note("a").tags is not Note("a").tags  # default_factory, per instance
    with pytest.raises(TypeError):
        Note()  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("a", ["x"], "one"), ("a", ["x"], "two")),  # a field left out of comparison
        (("a", ["x"]), ("a", ["y"])),
        (("a", []), ("b", [])),
        (("a", [float("nan")]), ("a", [float("nan")])),
    ],
)
def test_equality_and_repr_are_a_dataclasss(left: tuple, right: tuple) -> None:
    assert (Note(*left) == Note(*right)) == (NoteAsDataclass(*left) == NoteAsDataclass(*right))
    assert (Note(*left) != Note(*right)) == (NoteAsDataclass(*left) != NoteAsDataclass(*right))
    assert repr(Note(*left)) == repr(NoteAsDataclass(*left)).replace("NoteAsDataclass", "Note")


def test_records_of_other_classes_are_not_equal() -> None:
    assert Span("a") != FootnoteRef("a")
    assert Note("a") != NoteAsDataclass("a")
    assert Span("a").__eq__("a") is NotImplemented


def test_records_are_unhashable_as_mutable_dataclasses_are() -> None:
    with pytest.raises(TypeError):
        hash(Span("a"))
    with pytest.raises(TypeError):
        {Report()}


def test_reports_compare_and_print_through_every_level() -> None:
    def report(word: str) -> Report:
        block = Block(BlockKind.BULLET, [Span("lead", bold=True), Span(word), FootnoteRef("n1")], level=2)
        title = TitleBlock(meeting="m", date=dt.date(2021, 10, 14), start_time=dt.time(10))
        return Report(language="ar", title=title, sections=[Section(SectionKind.DISCUSSION, blocks=[block])])

    assert report("x") == report("x")
    assert report("x") != report("y")
    assert "Span(text='y', bold=False, italic=False, underline=False, inserted=None" in repr(report("y"))
    assert repr(report("x")).startswith("Report(language='ar', title=TitleBlock(meeting='m', subtitle=''")


def test_a_record_that_contains_itself_prints() -> None:
    note = Note("loop", [])
    note.tags.append(note)  # type: ignore[arg-type]
    assert repr(note) == "Note(text='loop', tags=[...])"
