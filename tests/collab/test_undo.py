"""Undo of one's own edits in a shared document (collab/undo.py): two documents kept in step by hand, no network."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable

from pycrdt import Doc

from minutes_editor.collab.undo import SharedHistory, places
from minutes_editor.collab.ydoc import apply_report, doc_to_report, report_to_doc
from minutes_editor.model.report import Report, Span
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path


def _pair() -> tuple[Doc, Doc, SharedHistory]:
    mine: Doc = Doc()
    report_to_doc(load_report(example_path("en")), mine)
    theirs: Doc = Doc()
    theirs.apply_update(mine.get_update())
    # A long capture timeout: the tests decide where steps begin, never the clock.
    return mine, theirs, SharedHistory(mine, capture_ms=60_000)


def _sync(one: Doc, other: Doc) -> None:
    other.apply_update(one.get_update(other.get_state()))
    one.apply_update(other.get_update(one.get_state()))


def _edit(doc: Doc, change: Callable[[Report], None], history: SharedHistory | None = None) -> None:
    old = doc_to_report(doc)
    new = copy.deepcopy(old)
    change(new)
    if history is None:
        apply_report(doc, old, new)  # another client's edit, as the room brings it (no origin)
    else:
        history.write(old, new)


def _type(text: str, section: int = 0, paragraph: int = 0) -> Callable[[Report], None]:
    def change(report: Report) -> None:
        blocks = report.sections[section].blocks
        block = blocks[paragraph]
        blocks[paragraph] = dataclasses.replace(block, content=[*block.content, Span(text)])

    return change


def _paragraph(doc: Doc, section: int = 0, paragraph: int = 0) -> str:
    return doc_to_report(doc).sections[section].blocks[paragraph].plain_text


def test_undo_takes_back_ones_own_typing_and_keeps_the_others_in_the_same_paragraph() -> None:
    mine, theirs, history = _pair()
    start = _paragraph(mine)
    _edit(mine, _type("alpha "), history)
    _sync(mine, theirs)
    _edit(theirs, _type("beta "))
    _sync(mine, theirs)
    history.stop_capturing()
    _edit(mine, _type(" gamma"), history)
    _sync(mine, theirs)
    assert _paragraph(theirs) == start + "alpha beta  gamma"

    assert history.undo().sections[0].blocks[0].plain_text == start + "alpha beta "
    assert history.undo().sections[0].blocks[0].plain_text == start + "beta "
    assert history.state() == (False, True)
    history.undo()  # nothing left of one's own: the other's words stay
    _sync(mine, theirs)
    assert _paragraph(theirs) == start + "beta "
    assert doc_to_report(mine) == doc_to_report(theirs)

    history.redo()
    assert history.redo().sections[0].blocks[0].plain_text == start + "alpha beta  gamma"
    assert history.state() == (True, False)


def test_what_others_write_is_never_one_s_own_step() -> None:
    mine, theirs, history = _pair()
    _edit(theirs, _type(" theirs"))
    _sync(mine, theirs)
    assert history.state() == (False, False)
    assert " theirs" in history.undo().sections[0].blocks[0].plain_text


def test_undoing_a_heading_leaves_another_section_edited_by_the_other_as_it_is() -> None:
    mine, theirs, history = _pair()

    def retitle(report: Report) -> None:
        report.sections[1].heading = "Revised heading"

    old_heading = doc_to_report(mine).sections[1].heading
    _edit(mine, retitle, history)
    _sync(mine, theirs)
    _edit(theirs, _type(" theirs", section=2))
    _sync(mine, theirs)
    undone = history.undo()
    assert undone.sections[1].heading == old_heading
    assert undone.sections[2].blocks[0].plain_text.endswith(" theirs")


def test_undoing_ones_heading_edit_after_the_other_edited_it_too_keeps_their_characters() -> None:
    mine, theirs, history = _pair()

    def append(text: str) -> Callable[[Report], None]:
        def change(report: Report) -> None:
            report.sections[1].heading = (report.sections[1].heading or "Participants") + text

        return change

    _edit(mine, append(" and observers"), history)  # the default heading made one's own
    _sync(mine, theirs)
    history.stop_capturing()
    _edit(mine, append(" (mine)"), history)
    _sync(mine, theirs)
    _edit(theirs, append(" (theirs)"))
    _sync(mine, theirs)
    assert history.undo().sections[1].heading == "Participants and observers (theirs)"
    # Undoing the first step sets the section back to its default heading (a value one set, not characters).
    assert history.undo().sections[1].heading is None


def test_a_date_someone_set_after_one_s_own_is_left_to_them_by_undo() -> None:
    mine, theirs, history = _pair()
    first = doc_to_report(mine).title.date
    assert first is not None

    def date(day: int) -> Callable[[Report], None]:
        def change(report: Report) -> None:
            report.title.date = dt.date(2022, 1, day)

        return change

    _edit(mine, date(1), history)
    _sync(mine, theirs)
    _edit(theirs, date(2))
    _sync(mine, theirs)
    # Yjs: one's own value, since replaced by someone else's, is not brought back, nor is the value before it.
    assert history.undo().title.date == dt.date(2022, 1, 2)
    history.stop_capturing()
    _edit(mine, date(3), history)
    assert history.undo().title.date == dt.date(2022, 1, 2)


def test_a_new_place_starts_a_new_step_and_the_same_place_merges() -> None:
    mine, _theirs, history = _pair()
    start = [_paragraph(mine, 0, 0), _paragraph(mine, 0, 1)]
    _edit(mine, _type("a"), history)
    _edit(mine, _type("b"), history)
    _edit(mine, _type("c", paragraph=1), history)
    assert history.undo().sections[0].blocks[1].plain_text == start[1]
    assert _paragraph(mine) == start[0] + "ab"
    assert history.undo().sections[0].blocks[0].plain_text == start[0]
    assert history.state() == (False, True)


def test_places_names_what_changed() -> None:
    report = load_report(example_path("en"))
    edited = copy.deepcopy(report)
    _type("x", section=2)(edited)
    assert places(report, edited) == {report.sections[2].blocks[0].id}
    edited.sections[1].heading = "Other"
    assert places(report, edited) == {report.sections[2].blocks[0].id, f"{report.sections[1].id}:fields"}
    assert places(report, copy.deepcopy(report)) == frozenset()
