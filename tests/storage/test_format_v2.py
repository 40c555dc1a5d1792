"""Format version 2: ids, reviewers' pending changes and comments are written, read back exactly, and checked.

``data/report-v2.minutes`` is a file written by version 2 (never to be
edited, as report-v1.minutes): every later version must load it into
``reviewed_report()``, ids included.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from minutes_editor.model.operations import FIELDS
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Change,
    Participant,
    Report,
    Section,
    SectionKind,
    Span,
    give_new_ids,
)
from minutes_editor.storage.encoder import recovery_bytes, report_to_document, shell
from minutes_editor.storage.minutes_file import (
    COMMENT_FIELDS,
    FIELD_VALUES,
    FORMAT_VERSION,
    InvalidFieldError,
    ReportFileError,
    load_report,
    report_from_bytes,
    report_from_document,
    report_to_bytes,
    save_report,
)
from tests.storage.reviewed_report import BEN, UNDATED, reviewed_report
from tests.storage.test_loader_errors import HOSTILE_VALUES, _nodes, _outcome, _with
from tests.strategies import ids_of, reports

V2_FILE = Path(__file__).parent / "data" / "report-v2.minutes"

Json = dict[str, Any]


def good() -> Json:
    """A fresh copy of the version-2 fixture's JSON to spoil."""
    document: Json = json.loads(V2_FILE.read_text(encoding="utf-8"))
    return document


def test_the_version_2_file_loads_with_every_mark_and_id() -> None:
    report = load_report(V2_FILE)
    expected = reviewed_report()
    assert report == expected
    assert ids_of(report) == ids_of(expected)
    # What equality cannot see is there too.
    assert report.comments[1].parent == "c1"
    assert report.comments[1].done
    assert report.sections[1].blocks[0].content[4] == Span(" مع Frontex", comments=("c1", "c2"))


def test_the_current_version_writes_the_version_2_file_byte_for_byte() -> None:
    # True while FORMAT_VERSION is 2; when it changes, delete this test, not the file.
    if FORMAT_VERSION != 2:
        pytest.skip("the format has moved on; report-v2.minutes stays as the old-version fixture")
    assert report_to_bytes(reviewed_report()) == V2_FILE.read_bytes()


def test_a_report_nobody_reviewed_has_no_review_keys() -> None:
    # Marks, comments and field changes are written only when present: a plain report stays small.
    report = Report(
        language="en", sections=[*reviewed_report().sections[:1]], title=reviewed_report().title, footnotes=[]
    )
    text = report_to_bytes(report).decode("utf-8")
    for key in ("inserted", "deleted", "old_format", "comments", "field_changes", '"move"'):
        assert key not in text
    assert text.count('"id"') == 2  # the section and its paragraph


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(reviewed=True, tables=True))
def test_any_reviewed_report_saves_and_loads_back_with_its_ids(report: Report) -> None:
    back = report_from_bytes(report_to_bytes(report))
    assert back == report
    assert ids_of(back) == ids_of(report)
    assert report_to_bytes(back) == report_to_bytes(report)


def test_field_names_are_the_operations_fields() -> None:
    # A field change names its field as model/operations.py does, and its value reads as that field's type.
    names = {repr(item): item for item in FIELDS}
    assert set(FIELD_VALUES) <= set(COMMENT_FIELDS) <= set(names)
    assert {names[name].owner.__name__ for name in COMMENT_FIELDS} == {"TitleBlock", "Section", "Session"}


def test_copies_with_new_ids_may_stand_beside_their_originals(tmp_path: Path) -> None:
    report = reviewed_report()
    duplicate = report_from_document(json.loads(json.dumps(report_to_document(report)))).sections[1]
    report.sections.append(duplicate)
    with pytest.raises(OSError, match=r"sections\[3\].id: 's00000000002' is already the id of sections\[1\].id"):
        save_report(report, tmp_path / "r.minutes")
    give_new_ids(duplicate)
    save_report(report, tmp_path / "r.minutes")
    loaded = load_report(tmp_path / "r.minutes")
    assert ids_of(loaded) == ids_of(report)
    assert loaded.sections[3].id not in {section.id for section in loaded.sections[:3]}
    assert loaded.sections[3].sessions[0].id != "t00000000001"


# ------------------------------------------------------------------ errors

Spoil = Callable[[Json], None]


def _set(path: str, value: object) -> Spoil:
    """Spoil one field, given as report-relative keys and indexes ("sections.1.blocks.0.id")."""

    def spoil(document: Json) -> None:
        node: Any = document["report"]
        keys = [int(key) if key.isdigit() else key for key in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return spoil


def _delete(path: str) -> Spoil:
    def spoil(document: Json) -> None:
        node: Any = document["report"]
        keys = [int(key) if key.isdigit() else key for key in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]

    return spoil


BLOCK = "sections.1.blocks.0"
SESSION_BLOCK = "sections.1.sessions.0.blocks"

FIELD_ERRORS: list[tuple[str, Spoil, str]] = [
    # ids
    ("missing-section-id", _delete("sections.0.id"), "sections[0].id: is missing"),
    ("missing-session-id", _delete("sections.1.sessions.0.id"), "sections[1].sessions[0].id: is missing"),
    ("missing-block-id", _delete(f"{BLOCK}.id"), "sections[1].blocks[0].id: is missing"),
    ("empty-id", _set("sections.0.id", ""), "sections[0].id: '' is not an id: 1 to 64 letters, digits, - or _"),
    ("id-with-space", _set(f"{BLOCK}.id", "a b"), "sections[1].blocks[0].id: 'a b' is not an id"),
    ("id-arabic", _set(f"{BLOCK}.id", "معرف"), "sections[1].blocks[0].id: 'معرف' is not an id"),
    ("id-too-long", _set(f"{BLOCK}.id", "a" * 65), "sections[1].blocks[0].id: 'aaaaaaaaaaaaaaaaaaaaaaaaa"),
    ("id-number", _set("sections.0.id", 12), "sections[0].id: expected text, found a number"),
    (
        "duplicate-block-id",
        _set(f"{SESSION_BLOCK}.1.id", "b00000000002"),
        "sections[1].sessions[0].blocks[1].id: 'b00000000002' is already the id of sections[1].blocks[0].id",
    ),
    (
        "block-id-of-a-section",
        _set(f"{BLOCK}.id", "s00000000001"),
        "sections[1].blocks[0].id: 's00000000001' is already the id of sections[0].id",
    ),
    (
        "session-id-of-a-block",
        _set("sections.1.sessions.0.id", "b00000000001"),
        "sections[1].sessions[0].id: 'b00000000001' is already the id of sections[0].blocks[0].id",
    ),
    # marks on text
    (
        "inserted-null",
        _set(f"{BLOCK}.content.1.inserted", None),
        "sections[1].blocks[0].content[1].inserted: expected an object, found null",
    ),
    (
        "inserted-no-author",
        _delete(f"{BLOCK}.content.1.inserted.author"),
        "sections[1].blocks[0].content[1].inserted.author: is missing",
    ),
    (
        "deleted-bad-date",
        _set(f"{BLOCK}.content.2.deleted.date", "yesterday"),
        "sections[1].blocks[0].content[2].deleted.date: 'yesterday' is not a date and time",
    ),
    (
        "deleted-date-out-of-range",
        _set(f"{BLOCK}.content.2.deleted.date", "0001-01-01T00:00:00+01:00"),
        "sections[1].blocks[0].content[2].deleted.date: '0001-01-01T00:00:00+01:00' is outside the dates",
    ),
    (
        "move-number",
        _set(f"{BLOCK}.content.2.deleted.move", 1),
        "sections[1].blocks[0].content[2].deleted.move: expected text, found a number",
    ),
    (
        "change-unknown-key",
        _set(f"{BLOCK}.content.1.inserted.bold", True),
        "sections[1].blocks[0].content[1].inserted.bold: is not a field of this format version",
    ),
    (
        "old-format-flag",
        _set(f"{BLOCK}.content.3.old_format.italic", "yes"),
        "sections[1].blocks[0].content[3].old_format.italic: expected true or false, found 'yes'",
    ),
    (
        "old-format-type-on-a-span",
        _set(f"{BLOCK}.content.3.old_format.type", "bullet"),
        "sections[1].blocks[0].content[3].old_format.type: is not a field of this format version",
    ),
    (
        "comments-text",
        _set(f"{BLOCK}.content.4.comments", "c1"),
        "sections[1].blocks[0].content[4].comments: expected a list, found text",
    ),
    (
        "comment-id-unknown",
        _set(f"{BLOCK}.content.4.comments.1", "c9"),
        "sections[1].blocks[0].content[4].comments[1]: no comment has the id 'c9'",
    ),
    (
        "comment-id-unknown-in-footnote",
        _set("footnotes.0.content.1.comments.0", "nope"),
        "footnotes[0].content[1].comments[0]: no comment has the id 'nope'",
    ),
    (
        "footnote-ref-comments",
        _set(f"{BLOCK}.content.6.comments", ["c1"]),
        "sections[1].blocks[0].content[6].comments: is not a field of this format version",
    ),
    (
        "footnote-ref-deleted-text",
        _set(f"{BLOCK}.content.7.deleted", "yes"),
        "sections[1].blocks[0].content[7].deleted: expected an object, found text",
    ),
    # marks on paragraphs
    (
        "block-deleted-list",
        _set("sections.1.blocks.1.deleted", []),
        "sections[1].blocks[1].deleted: expected an object, found a list",
    ),
    (
        "block-old-format-no-type",
        _delete(f"{SESSION_BLOCK}.1.old_format.type"),
        "sections[1].sessions[0].blocks[1].old_format.type: is missing",
    ),
    (
        "block-old-format-bad-type",
        _set(f"{SESSION_BLOCK}.1.old_format.type", "table"),
        "sections[1].sessions[0].blocks[1].old_format.type: 'table' is not one of paragraph, bullet, label",
    ),
    (
        "block-old-format-level-4",
        _set(f"{SESSION_BLOCK}.1.old_format.level", 4),
        "sections[1].sessions[0].blocks[1].old_format.level: 4 is not between 1 and 3",
    ),
    (
        "block-old-format-level-on-paragraph",
        _set(f"{SESSION_BLOCK}.2.old_format.level", 1),
        "sections[1].sessions[0].blocks[2].old_format.level: only a bullet has a level, not a paragraph",
    ),
    # field changes
    ("field-changes-object", _set("field_changes", {}), "field_changes: expected a list, found an object"),
    (
        "field-change-unknown-field",
        _set("field_changes.0.field", "TitleBlock.colour"),
        "field_changes[0].field: 'TitleBlock.colour' is not one of TitleBlock.meeting, TitleBlock.subtitle",
    ),
    (
        "field-change-participants-old-text",
        _set("field_changes.0.field", "Section.participants"),
        "field_changes[0].old: expected a list, found text",
    ),
    ("field-change-no-old", _delete("field_changes.0.old"), "field_changes[0].old: is missing"),
    ("field-change-no-owner", _delete("field_changes.3.owner"), "field_changes[3].owner: is missing"),
    ("field-change-no-author", _delete("field_changes.3.author"), "field_changes[3].author: is missing"),
    (
        "field-change-text-old-null",
        _set("field_changes.0.old", None),
        "field_changes[0].old: expected text, found null",
    ),
    (
        "field-change-date-old",
        _set("field_changes.1.old", "13/10/2021"),
        "field_changes[1].old: '13/10/2021' is not a date written YYYY-MM-DD",
    ),
    (
        "field-change-time-old",
        _set("field_changes.2.old", "25:00"),
        "field_changes[2].old: '25:00' is not a time written HH:MM or HH:MM:SS",
    ),
    (
        "field-change-goals-old-text",
        _set("field_changes.5.old", "one goal"),
        "field_changes[5].old: expected a list, found text",
    ),
    (
        "field-change-goal-number",
        _set("field_changes.5.old.1", 2),
        "field_changes[5].old[1]: expected text, found a number",
    ),
    (
        "field-change-title-owner",
        _set("field_changes.0.owner", "s00000000001"),
        "field_changes[0].owner: a field of the title block has no owner: expected '', found 's00000000001'",
    ),
    (
        "field-change-missing-section",
        _set("field_changes.3.owner", "s99"),
        "field_changes[3].owner: no section has the id 's99'",
    ),
    (
        "field-change-section-owner-is-a-session",
        _set("field_changes.3.owner", "t00000000001"),
        "field_changes[3].owner: no section has the id 't00000000001'",
    ),
    (
        "field-change-session-owner-is-a-block",
        _set("field_changes.4.owner", "b00000000004"),
        "field_changes[4].owner: no session has the id 'b00000000004'",
    ),
    # comments
    ("comments-text", _set("comments", "c1"), "comments: expected a list, found text"),
    ("comment-no-id", _delete("comments.0.id"), "comments[0].id: is missing"),
    ("comment-no-text", _delete("comments.0.text"), "comments[0].text: is missing"),
    ("comment-text-text", _set("comments.0.text", "x"), "comments[0].text: expected a list, found text"),
    ("comment-bad-id", _set("comments.2.id", "c 3"), "comments[2].id: 'c 3' is not an id"),
    (
        "comment-duplicate-id",
        _set("comments.2.id", "c1"),
        "comments[2].id: 'c1' is already the id of comments[0].id",
    ),
    ("comment-done-text", _set("comments.1.done", "yes"), "comments[1].done: expected true or false, found 'yes'"),
    ("comment-bad-date", _set("comments.0.date", "today"), "comments[0].date: 'today' is not a date and time"),
    ("comment-empty-parent", _set("comments.1.parent", ""), "comments[1].parent: '' is not an id"),
    ("comment-missing-parent", _set("comments.1.parent", "c9"), "comments[1].parent: no comment has the id 'c9'"),
    (
        "comment-answers-itself",
        _set("comments.1.parent", "c2"),
        "comments[1].parent: a comment cannot answer itself, even through other replies",
    ),
    (
        "comments-answer-each-other",
        _set("comments.0.parent", "c2"),
        "comments[0].parent: a comment cannot answer itself, even through other replies",
    ),
    (
        "field-change-level-3",
        _set("field_changes.6.old", 3),
        "field_changes[6].old: 3 is not between 1 and 2",
    ),
    (
        "field-change-level-text",
        _set("field_changes.6.old", "2"),
        "field_changes[6].old: expected a whole number, found '2'",
    ),
    (
        "field-change-participants-old-number",
        _set("field_changes.6.field", "Section.participants"),
        "field_changes[6].old: expected a list, found a number",
    ),
    (
        "comment-on-participants-of-a-session",
        _set("comments.5.owner", "t00000000001"),
        "comments[5].owner: no section has the id 't00000000001'",
    ),
    (
        "comment-bad-field",
        _set("comments.3.field", "Session.blocks"),
        "comments[3].field: 'Session.blocks' is not one of",
    ),
    (
        "comment-owner-without-field",
        _delete("comments.3.field"),
        "comments[3].owner: only a comment on a field names an owner",
    ),
    (
        "comment-on-a-missing-section",
        _set("comments.3.owner", "gone"),
        "comments[3].owner: no section has the id 'gone'",
    ),
]


@pytest.mark.parametrize(
    ("spoil", "message"), [case[1:] for case in FIELD_ERRORS], ids=[case[0] for case in FIELD_ERRORS]
)
def test_a_bad_field_of_version_2_is_named_with_the_reason(spoil: Spoil, message: str) -> None:
    document = good()
    spoil(document)
    with pytest.raises(ReportFileError) as caught:
        report_from_document(document)
    error = caught.value
    assert str(error).startswith(message)
    assert "\n" not in str(error)
    assert isinstance(error, InvalidFieldError)
    assert message.startswith(f"{error.field}: ")


def test_the_unspoilt_document_loads() -> None:
    # Guards every test above: each fails for the one reason it spoils.
    assert report_from_document(good()) == reviewed_report()


def test_a_version_2_file_is_not_migrated_again() -> None:
    # Ids are required in version 2: only a version-1 file is given them.
    report = Report(sections=[Section(SectionKind.GENERIC, blocks=[Block(BlockKind.PARAGRAPH, [Span("x")])])])
    document = report_to_document(report)
    del document["report"]["sections"][0]["blocks"][0]["id"]
    with pytest.raises(InvalidFieldError, match=r"sections\[0\].blocks\[0\].id: is missing"):
        report_from_document(document)
    document["version"] = 1
    del document["report"]["sections"][0]["id"]
    migrated = report_from_document(document)
    assert migrated == report
    assert migrated.sections[0].blocks[0].id != report.sections[0].blocks[0].id


def test_every_field_of_version_2_replaced_by_every_hostile_value() -> None:
    # As test_loader_errors does for version 1: each place of the fixture gets each value, or is deleted;
    # every outcome is a report that saves back the same, or a readable ReportFileError.
    base = good()
    escapes: list[str] = []
    for trail in [trail for trail in _nodes(base) if trail]:
        for value in HOSTILE_VALUES:

            def replace(parent: Any, key: Any, value: object = value) -> None:
                parent[key] = value

            problem = _outcome(_with(base, trail, replace))
            if problem:
                escapes.append(f"{'.'.join(map(str, trail))} = {str(value)[:20]}: {problem}")

        def delete(parent: Any, key: Any) -> None:
            del parent[key]

        problem = _outcome(_with(base, trail, delete))
        if problem:
            escapes.append(f"{'.'.join(map(str, trail))} deleted: {problem}")
    assert escapes == []


def test_a_span_with_marks_but_no_text_is_refused() -> None:
    document = good()
    document["report"]["sections"][0]["blocks"][0]["content"] = [{"inserted": {"author": "x"}}]
    with pytest.raises(InvalidFieldError, match=r"sections\[0\].blocks\[0\].content\[0\].text: is missing"):
        report_from_document(document)


def test_a_block_with_only_marks_and_no_content_keeps_them() -> None:
    document = good()
    document["report"]["sections"][0]["blocks"][0] = {
        "id": "x1",
        "type": "paragraph",
        "inserted": {"author": "Amal"},
    }
    block = report_from_document(document).sections[0].blocks[0]
    assert block == Block(BlockKind.PARAGRAPH, [], inserted=Change("Amal"))
    assert block.id == "x1"


def test_a_level_change_and_a_comment_on_the_participants() -> None:
    report = load_report(V2_FILE)
    assert report.field_changes[-2].field_name == "Section.level"
    assert report.field_changes[-2].old == 2
    assert report.field_changes[-1].old == [Participant("ألمانيا", "DE")]
    assert (report.sections[2].inserted, report.footnotes[1].deleted) == (BEN, UNDATED)
    assert (report.comments[5].field_name, report.comments[5].owner) == ("Section.participants", "s00000000001")
    # A comment on a point: an empty span carries it.
    assert report.sections[1].blocks[0].content[-1] == Span("", comments=("c7",))


def test_copies_of_a_report_keep_its_ids() -> None:
    # deepcopy (review.accepted/rejected, the undo of a whole-report change), shell (the recovery snapshot and the
    # journal's replay) and dataclasses.replace (an edited paragraph) all keep ids; only give_new_ids changes them.
    report = reviewed_report()
    assert ids_of(copy.deepcopy(report)) == ids_of(report)
    shallow = shell(report, sections=[shell(section) for section in report.sections])
    assert ids_of(shallow) == ids_of(report)
    block = report.sections[1].blocks[0]
    assert dataclasses.replace(block, content=[]).id == block.id
    assert report_from_bytes(recovery_bytes(report)) == report
    assert ids_of(report_from_bytes(recovery_bytes(report))) == ids_of(report)
