"""What the window does with the room's report (collab/merge_in.py) and the presence it trusts (collab/live.py)."""

from __future__ import annotations

import dataclasses

from minutes_editor.collab.live import _checked_presence
from minutes_editor.collab.merge_in import adopt, restore_lost, snapshot, typed_blocks
from minutes_editor.collab.ydoc import apply_report, doc_to_report, report_to_doc
from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Session, Span
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path


def _para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, [Span(text)])


def _report() -> Report:
    discussion = Section(SectionKind.DISCUSSION, sessions=[Session("One", blocks=[_para("s1"), _para("s2")])])
    return Report(
        language="en",
        sections=[Section(SectionKind.GENERIC, "Intro", blocks=[_para("a"), _para("b"), _para("c")]), discussion],
    )


def test_adopt_takes_the_others_edits_in_place_and_says_which_parts_changed() -> None:
    local = _report()
    intro, discussion = local.sections
    session = discussion.sessions[0]
    merged = snapshot(local)
    merged.sections[0].blocks[1] = dataclasses.replace(merged.sections[0].blocks[1], content=[Span("b, edited")])
    merged.sections[1].sessions[0].title = "One, renamed"
    merged.title.meeting = "Meeting"

    adopted = adopt(local, merged)

    assert local == merged
    assert local.sections[0] is intro
    assert local.sections[1].sessions[0] is session
    assert adopted.bodies == [intro]
    assert adopted.fields == [session]
    assert adopted.title
    assert not adopted.structure
    assert not adopt(local, snapshot(local)).anything


def test_adopt_rebuilds_the_outline_when_parts_come_and_go() -> None:
    local = _report()
    merged = snapshot(local)
    merged.sections.reverse()
    merged.sections[0].sessions.append(Session("Two"))
    adopted = adopt(local, merged)
    assert adopted.structure
    assert [s.id for s in local.sections] == [s.id for s in merged.sections]
    assert [s.title for s in local.sections[0].sessions] == ["One", "Two"]


def test_a_paragraph_typed_in_and_deleted_by_someone_else_comes_back_at_its_place() -> None:
    base = _report()
    now = snapshot(base)
    typed = dataclasses.replace(now.sections[0].blocks[1], content=[Span("b and more")])
    now.sections[0].blocks[1] = typed
    recent = typed_blocks(base, now)
    assert list(recent) == [typed.id]

    merged = snapshot(base)
    merged.sections[0].blocks.pop(1)  # someone deleted it
    restored = restore_lost(merged, recent)
    assert [block.plain_text for block in merged.sections[0].blocks] == ["a", "b and more", "c"]
    assert restored[0].id != typed.id
    # Nothing to restore when it is still there, or was only deleted here.
    assert restore_lost(snapshot(now), recent) == []


def test_a_restored_paragraph_written_back_reaches_the_document() -> None:
    from pycrdt import Doc

    report = load_report(example_path("en"))
    doc: Doc = Doc()
    report_to_doc(report, doc)
    base = doc_to_report(doc)
    now = snapshot(base)
    owner = now.sections[3]
    owner.blocks[1] = dataclasses.replace(owner.blocks[1], content=[Span("typed here")])
    recent = typed_blocks(base, now)
    theirs = snapshot(base)
    theirs.sections[3].blocks.pop(1)
    apply_report(doc, base, theirs)
    merged = doc_to_report(doc)
    restore_lost(merged, recent)
    apply_report(doc, doc_to_report(doc), merged)
    assert [b.plain_text for b in doc_to_report(doc).sections[3].blocks][1] == "typed here"


def test_presence_from_the_network_is_checked() -> None:
    good = {"name": "Amira", "part": "17b29881d71b", "colour": "#12ab34"}
    assert _checked_presence(good) == good
    assert _checked_presence({**good, "colour": "red; evil"}) == {**good, "colour": "#808080"}
    assert _checked_presence({**good, "name": 7}) is None
    assert _checked_presence({**good, "part": "x" * 10_000}) is None
    assert _checked_presence(None) is None
    assert _checked_presence(["Amira"]) is None
