"""Every way a .minutes file can be bad gives a ReportFileError naming the field and why, never a traceback."""

from __future__ import annotations

import copy
import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor.model.report import Report
from minutes_editor.storage import minutes_file
from minutes_editor.storage.minutes_file import (
    FORMAT_VERSION,
    InvalidFieldError,
    NewerVersionError,
    ReportFileError,
    load_report,
    report_from_bytes,
    report_from_document,
    report_to_bytes,
)
from tests.strategies import reports

DATA = Path(__file__).parent / "data"
#: A complete version-1 file: every section kind, a footnote, bullets at three levels.
V1_FILE = DATA / "report-v1.minutes"

Json = dict[str, Any]


def good() -> Json:
    """A fresh copy of a valid document to spoil."""
    document: Json = json.loads(V1_FILE.read_text(encoding="utf-8"))
    return document


def load_document(tmp_path: Path, document: object) -> Report:
    """Write ``document`` as a file and load it, as the editor would."""
    path = tmp_path / "bad.minutes"
    # Escaped (\\u0639...) rather than raw UTF-8, as other programs may write it;
    # the round-trip tests read raw UTF-8.
    path.write_text(json.dumps(document), encoding="ascii")
    return load_report(path)


def test_the_unspoilt_document_loads(tmp_path: Path) -> None:
    # Guards every test below: each fails for the one reason it spoils.
    report = load_document(tmp_path, good())
    assert report.sections[3].blocks[2].level == 2


# ------------------------------------------------------------ not a report file


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "bad.minutes: the file is empty"),
        (b" \n\t ", "bad.minutes: the file is empty"),
        (b"this is not json", "bad.minutes: the file is not valid JSON: Expecting value at line 1, column 1"),
        (b'{"format": "minutes-editor-report",', "bad.minutes: the file is not valid JSON: Expecting property name"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb4", "bad.minutes: not a Minutes Editor file: not UTF-8"),
        ('{"format": "é"}'.encode("latin-1"), "bad.minutes: not a Minutes Editor file: not UTF-8 text (byte 12)"),
        # After a byte-order mark, the position still counts from the file's first byte (an editor's column).
        (
            b"\xef\xbb\xbf" + '{"format": "é"}'.encode("latin-1"),
            "bad.minutes: not a Minutes Editor file: not UTF-8 text (byte 15)",
        ),
        (b"[1, 2, 3]", 'bad.minutes: not a Minutes Editor file (no "format": "minutes-editor-report")'),
        (b'"minutes-editor-report"', 'bad.minutes: not a Minutes Editor file (no "format"'),
        (b'{"version": 1, "report": {}}', 'bad.minutes: not a Minutes Editor file (no "format"'),
        (b'{"format": "minutes-editor-repor", "version": 1}', "bad.minutes: not a Minutes Editor file"),
        (b'{"format": "minutes-editor-report", "version": NaN}', "bad.minutes: the file is not valid JSON: NaN is"),
        (
            b'{"format": "minutes-editor-report", "version": -Infinity}',
            "bad.minutes: the file is not valid JSON: -Infinity is",
        ),
        (
            b'{"format": "minutes-editor-report", "version": ' + b"9" * 5000 + b"}",
            "bad.minutes: the file holds a number too long to read",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "not-json",
        "truncated",
        "docx-bytes",
        "latin-1",
        "latin-1-after-bom",
        "list",
        "string",
        "no-format",
        "wrong-format",
        "nan",
        "infinity",
        "huge-number",
    ],
)
def test_a_file_that_is_not_a_report(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.minutes"
    path.write_bytes(data)
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value).startswith(message)
    assert caught.value.path == path


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_huge_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "bad.minutes"
    path.write_bytes(b"[" * depth + b"]" * depth)
    with pytest.raises(ReportFileError, match="nested too deep"):
        load_report(path)


def test_deep_nesting_inside_a_field_is_named_not_dumped(tmp_path: Path) -> None:
    document = good()
    # Deep enough to be awkward, shallow enough for the JSON parser to accept.
    document["report"]["sections"][0]["blocks"][0]["content"][0]["bold"] = json.loads("[" * 500 + "]" * 500)
    with pytest.raises(InvalidFieldError) as caught:
        load_document(tmp_path, document)
    assert (
        str(caught.value) == "bad.minutes: sections[0].blocks[0].content[0].bold: expected true or false, found a list"
    )


def test_a_file_larger_than_any_report_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minutes_file, "MAX_FILE_BYTES", 2 * 2**20)
    path = tmp_path / "big.minutes"
    path.write_bytes(b" " * (3 * 2**20))
    with pytest.raises(ReportFileError, match=r"big.minutes: the file is 3 MB, larger than any report can be"):
        load_report(path)


# ---------------------------------------------------------------- the path


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError) as caught:
        load_report(tmp_path / "gone.minutes")
    assert str(caught.value) == "gone.minutes: the file does not exist"


def test_a_path_through_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x")
    with pytest.raises(ReportFileError) as caught:
        load_report(tmp_path / "plain.txt" / "r.minutes")
    assert str(caught.value) == "r.minutes: the file does not exist: a part of its path is a file, not a folder"


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.minutes"
    folder.mkdir()
    with pytest.raises(ReportFileError) as caught:
        load_report(folder)
    assert str(caught.value) == "folder.minutes: this is a folder, not a report file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    # Reading a pipe with no writer would block for ever.
    pipe = tmp_path / "pipe.minutes"
    os.mkfifo(pipe)
    with pytest.raises(ReportFileError, match=r"pipe.minutes: this is not a regular file"):
        load_report(pipe)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.minutes"
    path.write_bytes(V1_FILE.read_bytes())
    path.chmod(0o000)
    try:
        with pytest.raises(ReportFileError) as caught:
            load_report(path)
    finally:
        path.chmod(0o600)
    assert str(caught.value) == "secret.minutes: you do not have permission to read this file"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_read_error_of_another_kind(tmp_path: Path) -> None:
    # A symbolic link to itself: an OSError that is neither "missing" nor "permission".
    loop = tmp_path / "loop.minutes"
    loop.symlink_to(loop)
    with pytest.raises(ReportFileError) as caught:
        load_report(loop)
    assert str(caught.value) == "loop.minutes: the file cannot be read: too many levels of symbolic links"


def test_a_path_with_a_nul_character() -> None:
    with pytest.raises(ReportFileError, match="the file cannot be read"):
        load_report(Path("bad\0name.minutes"))


# ----------------------------------------------------------- format version


def test_missing_version(tmp_path: Path) -> None:
    document = good()
    del document["version"]
    with pytest.raises(InvalidFieldError) as caught:
        load_document(tmp_path, document)
    assert str(caught.value) == "bad.minutes: version: is missing"


@pytest.mark.parametrize("version", ["1", 0, -1, 1.0, True, None, [1]])
def test_a_version_that_is_not_a_version(tmp_path: Path, version: object) -> None:
    document = good()
    document["version"] = version
    with pytest.raises(InvalidFieldError) as caught:
        load_document(tmp_path, document)
    assert caught.value.field == "version"
    assert "is not a format version" in str(caught.value)


@pytest.mark.parametrize("version", [FORMAT_VERSION + 1, 10**80])
def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path, version: int) -> None:
    document = good()
    document["version"] = version
    # A newer version may add fields this one does not know; they must not
    # be what the user is told about.
    document["report"]["future_field"] = {"anything": True}
    path = tmp_path / "future.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = path.read_bytes()
    before_stat = path.stat()
    with pytest.raises(NewerVersionError) as caught:
        load_report(path)
    message = str(caught.value)
    assert message.startswith("future.minutes: written by a newer Minutes Editor")
    assert "Update Minutes Editor" in message
    assert "the file was not changed" in message
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == before_stat.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.minutes"]


# ---------------------------------------------------------------- fields

Spoil = Callable[[Json], None]


def _set(path: str, value: object) -> Spoil:
    """Spoil one field, given as report-relative keys and indexes ("sections.3.blocks.2.level")."""

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


def _top(key: str, value: object) -> Spoil:
    def spoil(document: Json) -> None:
        document[key] = value

    return spoil


FIELD_ERRORS: list[tuple[str, Spoil, str]] = [
    # the example of the issue, word for word
    ("bullet-level-7", _set("sections.3.blocks.2.level", 7), "sections[3].blocks[2].level: 7 is not between 1 and 3"),
    ("bullet-level-0", _set("sections.3.blocks.1.level", 0), "sections[3].blocks[1].level: 0 is not between 1 and 3"),
    (
        "bullet-level-huge",
        _set("sections.3.blocks.1.level", 10**70),
        "sections[3].blocks[1].level: a number of more than 60 digits is not between 1 and 3",
    ),
    ("section-level-3", _set("sections.2.level", 3), "sections[2].level: 3 is not between 1 and 2"),
    (
        "first-section-level-2",
        _set("sections.0.level", 2),
        "sections[0].level: the first section cannot be a sub-heading (level 2)",
    ),
    # missing fields
    ("missing-report", lambda d: d.pop("report"), "report: is missing"),
    ("missing-language", _delete("language"), "language: is missing"),
    ("missing-title", _delete("title"), "title: is missing"),
    ("missing-sections", _delete("sections"), "sections: is missing"),
    ("missing-kind", _delete("sections.1.kind"), "sections[1].kind: is missing"),
    ("missing-block-type", _delete("sections.0.blocks.1.type"), "sections[0].blocks[1].type: is missing"),
    (
        "missing-span-text",
        _delete("sections.0.blocks.0.content.0.text"),
        "sections[0].blocks[0].content[0].text: is missing",
    ),
    ("missing-session-title", _delete("sections.4.sessions.0.title"), "sections[4].sessions[0].title: is missing"),
    (
        "missing-participant-name",
        _delete("sections.1.participants.2.name"),
        "sections[1].participants[2].name: is missing",
    ),
    ("missing-footnote-id", _delete("footnotes.0.id"), "footnotes[0].id: is missing"),
    ("missing-footnote-content", _delete("footnotes.0.content"), "footnotes[0].content: is missing"),
    # unknown fields
    ("unknown-top", _top("colour", "red"), "colour: is not a field of this format version"),
    ("unknown-report", _set("colour", "red"), "colour: is not a field of this format version"),
    ("unknown-title", _set("title.venue", "x"), "title.venue: is not a field of this format version"),
    ("unknown-section", _set("sections.1.colour", "red"), "sections[1].colour: is not a field of this format version"),
    (
        "unknown-block",
        _set("sections.3.blocks.0.style", "x"),
        "sections[3].blocks[0].style: is not a field of this format version",
    ),
    (
        "unknown-span",
        _set("sections.0.blocks.0.content.0.colour", "red"),
        "sections[0].blocks[0].content[0].colour: is not a field of this format version",
    ),
    (
        "unknown-footnote-ref",
        _set("sections.3.blocks.1.content.2.text", "x"),
        "sections[3].blocks[1].content[2].text: is not a field of this format version",
    ),
    # wrong types, at every level
    ("report-list", _top("report", []), "report: expected an object, found a list"),
    ("language-number", _set("language", 7), "language: expected text, found a number"),
    ("title-text", _set("title", "Meeting"), "title: expected an object, found text"),
    ("meeting-null", _set("title.meeting", None), "title.meeting: expected text, found null"),
    ("sections-object", _set("sections", {}), "sections: expected a list, found an object"),
    ("section-list", _set("sections.0", []), "sections[0]: expected an object, found a list"),
    ("heading-number", _set("sections.2.heading", 5), "sections[2].heading: expected text, found a number"),
    ("section-level-text", _set("sections.1.level", "1"), "sections[1].level: expected a whole number, found '1'"),
    ("section-level-float", _set("sections.1.level", 1.0), "sections[1].level: expected a whole number, found 1.0"),
    ("section-level-bool", _set("sections.1.level", True), "sections[1].level: expected a whole number, found true"),
    ("blocks-text", _set("sections.0.blocks", "text"), "sections[0].blocks: expected a list, found text"),
    ("block-null", _set("sections.0.blocks.0", None), "sections[0].blocks[0]: expected an object, found null"),
    (
        "content-object",
        _set("sections.0.blocks.0.content", {}),
        "sections[0].blocks[0].content: expected a list, found an object",
    ),
    (
        "span-text",
        _set("sections.0.blocks.0.content.0", "plain"),
        "sections[0].blocks[0].content[0]: expected an object, found text",
    ),
    (
        "span-text-number",
        _set("sections.0.blocks.0.content.0.text", 3),
        "sections[0].blocks[0].content[0].text: expected text, found a number",
    ),
    (
        "bold-text",
        _set("sections.2.blocks.0.content.1.bold", "yes"),
        "sections[2].blocks[0].content[1].bold: expected true or false, found 'yes'",
    ),
    (
        "bold-number",
        _set("sections.2.blocks.0.content.1.bold", 1),
        "sections[2].blocks[0].content[1].bold: expected true or false, found 1",
    ),
    (
        "italic-float",
        _set("sections.3.blocks.2.content.1.italic", 1.5),
        "sections[3].blocks[2].content[1].italic: expected true or false, found 1.5",
    ),
    (
        "participants-text",
        _set("sections.1.participants", "all"),
        "sections[1].participants: expected a list, found text",
    ),
    (
        "participant-text",
        _set("sections.1.participants.0", "Austria"),
        "sections[1].participants[0]: expected an object, found text",
    ),
    (
        "participant-code",
        _set("sections.1.participants.0.code", None),
        "sections[1].participants[0].code: expected text, found null",
    ),
    ("sessions-object", _set("sections.4.sessions", {}), "sections[4].sessions: expected a list, found an object"),
    (
        "goals-text",
        _set("sections.4.sessions.0.goals", "one"),
        "sections[4].sessions[0].goals: expected a list, found text",
    ),
    (
        "goal-number",
        _set("sections.4.sessions.0.goals.1", 2),
        "sections[4].sessions[0].goals[1]: expected text, found a number",
    ),
    (
        "session-blocks",
        _set("sections.4.sessions.0.blocks.0.level", "2"),
        "sections[4].sessions[0].blocks[0].level: expected a whole number, found '2'",
    ),
    ("footnotes-object", _set("footnotes", {}), "footnotes: expected a list, found an object"),
    ("footnote-content-text", _set("footnotes.0.content", "x"), "footnotes[0].content: expected a list, found text"),
    ("footnote-id-number", _set("footnotes.0.id", 1), "footnotes[0].id: expected text, found a number"),
    (
        "ref-id-number",
        _set("sections.3.blocks.1.content.2.footnote", 1),
        "sections[3].blocks[1].content[2].footnote: expected text, found a number",
    ),
    ("author-list", _set("author", ["a"]), "author: expected text, found a list"),
    ("template-bool", _set("template", False), "template: expected text, found true/false"),
    # bad enumerations
    (
        "section-kind",
        _set("sections.6.kind", "preface"),
        "sections[6].kind: 'preface' is not one of objectives, participation, opening_remarks,"
        " setting_the_scene, discussion, takeaways, generic",
    ),
    ("section-kind-case", _set("sections.6.kind", "Generic"), "sections[6].kind: 'Generic' is not one of"),
    ("section-kind-number", _set("sections.6.kind", 1), "sections[6].kind: 1 is not one of"),
    (
        "block-type",
        _set("sections.3.blocks.0.type", "figure"),
        "sections[3].blocks[0].type: 'figure' is not one of paragraph, bullet, label, table, action",
    ),
    # dates and times
    ("date-format", _set("title.date", "14/10/2021"), "title.date: '14/10/2021' is not a date written YYYY-MM-DD"),
    ("date-impossible", _set("title.date", "2021-02-30"), "title.date: '2021-02-30' is not a date written YYYY-MM-DD"),
    ("date-basic-form", _set("title.date", "20211014"), "title.date: '20211014' is not a date written YYYY-MM-DD"),
    (
        "date-arabic-digits",
        _set("title.date", "٢٠٢١-١٠-١٤"),
        "title.date: '٢٠٢١-١٠-١٤' is not a date written YYYY-MM-DD",
    ),
    ("date-number", _set("title.date", 20211014), "title.date: expected text, found a number"),
    (
        "time-hour",
        _set("title.start_time", "25:00"),
        "title.start_time: '25:00' is not a time written HH:MM or HH:MM:SS",
    ),
    (
        "time-am",
        _set("title.start_time", "10:00 am"),
        "title.start_time: '10:00 am' is not a time written HH:MM or HH:MM:SS",
    ),
    (
        "time-offset",
        _set("title.end_time", "13:00+02:00"),
        "title.end_time: '13:00+02:00' is not a time written HH:MM or HH:MM:SS",
    ),
    (
        "datetime-format",
        _set("created", "yesterday"),
        "created: 'yesterday' is not a date and time written YYYY-MM-DDTHH:MM:SS",
    ),
    ("datetime-date-only", _set("modified", "2021-10-14"), "modified: '2021-10-14' is not a date and time"),
    (
        "datetime-month-13",
        _set("modified", "2021-13-14T10:00:00"),
        "modified: '2021-13-14T10:00:00' is not a date and time",
    ),
    # language tags
    (
        "language-word",
        _set("language", "arabic language"),
        'language: \'arabic language\' is not a BCP 47 language tag such as "ar" or "en-GB"',
    ),
    ("language-empty", _set("language", ""), "language: '' is not a BCP 47 language tag"),
    ("language-one-letter", _set("language", "a"), "language: 'a' is not a BCP 47 language tag"),
    ("language-underscore", _set("language", "en_GB"), "language: 'en_GB' is not a BCP 47 language tag"),
    ("language-arabic-letters", _set("language", "عر"), "language: 'عر' is not a BCP 47 language tag"),
    # footnotes
    (
        "duplicate-footnote",
        lambda d: d["report"]["footnotes"].append({"id": "fn1", "content": []}),
        "footnotes[1].id: 'fn1' is already the id of footnotes[0]",
    ),
    ("empty-footnote-id", _set("footnotes.0.id", "  "), "footnotes[0].id: is empty"),
    (
        "missing-footnote",
        _set("sections.3.blocks.1.content.2.footnote", "fn2"),
        "sections[3].blocks[1].content[2].footnote: no footnote has the id 'fn2'",
    ),
    (
        "missing-footnote-in-session",
        _set("sections.4.sessions.0.blocks.0.content", [{"footnote": "nope"}]),
        "sections[4].sessions[0].blocks[0].content[0].footnote: no footnote has the id 'nope'",
    ),
    (
        "footnote-in-footnote",
        _set("footnotes.0.content", [{"footnote": "fn1"}]),
        "footnotes[0].content[0]: a footnote cannot reference another footnote",
    ),
    # fields on the wrong kind
    (
        "participants-on-objectives",
        _set("sections.0.participants", []),
        "sections[0].participants: only a participation section lists participants, not objectives",
    ),
    (
        "sessions-on-takeaways",
        _set("sections.5.sessions", []),
        "sections[5].sessions: only a discussion section has sessions, not takeaways",
    ),
    (
        "level-on-paragraph",
        _set("sections.0.blocks.0.level", 1),
        "sections[0].blocks[0].level: only a bullet has a level, not a paragraph",
    ),
    (
        "level-on-label",
        _set("sections.3.blocks.0.level", 2),
        "sections[3].blocks[0].level: only a bullet has a level, not a label",
    ),
    # text that is not characters
    (
        "lone-surrogate",
        _set("title.location", "abc\ud800"),
        "title.location: holds \\ud800 at character 3: half of a UTF-16 surrogate pair on its own",
    ),
]


@pytest.mark.parametrize(
    ("spoil", "message"), [case[1:] for case in FIELD_ERRORS], ids=[case[0] for case in FIELD_ERRORS]
)
def test_a_bad_field_is_named_with_the_reason(tmp_path: Path, spoil: Spoil, message: str) -> None:
    document = good()
    spoil(document)
    with pytest.raises(ReportFileError) as caught:
        load_document(tmp_path, document)
    error = caught.value
    assert str(error).startswith(f"bad.minutes: {message}")
    assert "\n" not in str(error)
    if isinstance(error, InvalidFieldError):
        assert message.startswith(f"{error.field}: ")


def test_field_errors_survive_pickling() -> None:
    # A loader running in a worker process sends its error back pickled.
    document = good()
    _set("sections.3.blocks.2.level", 7)(document)
    with pytest.raises(InvalidFieldError) as caught:
        report_from_document(document)
    copy_of = pickle.loads(pickle.dumps(caught.value))
    assert str(copy_of) == "sections[3].blocks[2].level: 7 is not between 1 and 3"
    assert (copy_of.field, copy_of.problem) == ("sections[3].blocks[2].level", "7 is not between 1 and 3")


# ------------------------------------------------------ hostile files, fuzzed

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)


def _nodes(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    # Every place in the document a value sits, as a trail of keys and indexes.
    places = [trail]
    if isinstance(node, dict):
        for key, value in node.items():
            places.extend(_nodes(value, (*trail, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            places.extend(_nodes(value, (*trail, index)))
    return places


def _assert_readable(error: ReportFileError) -> None:
    message = str(error)
    assert message
    assert "\n" not in message
    assert len(message) < 400


BASE = good()
PLACES = [trail for trail in _nodes(BASE) if trail]


HOSTILE_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    7,
    1.5,
    float("nan"),
    10**70,
    "",
    " ",
    "x",
    "\ud800",
    [],
    [None],
    {},
    {"text": "x"},
    json.loads("[" * 400 + "]" * 400),
]


def _at(document: Json, trail: tuple[Any, ...]) -> Any:
    node: Any = document
    for key in trail:
        node = node[key]
    return node


def _with(document: Json, trail: tuple[Any, ...], change: Callable[[Any, Any], None]) -> Json:
    spoilt = copy.deepcopy(document)
    parent: Any = spoilt
    for key in trail[:-1]:
        parent = parent[key]
    change(parent, trail[-1])
    return spoilt


def _outcome(document: Json) -> str | None:
    """None when the document loads (and saves back the same) or gives a readable ReportFileError."""
    try:
        report = report_from_document(document)
    except ReportFileError as caught:
        message = str(caught)
        return None if message and "\n" not in message and len(message) < 400 else f"unreadable: {message!r}"
    except Exception as error:  # collecting every escape is the point
        return f"{type(error).__name__}: {error}"
    if report_from_bytes(report_to_bytes(report)) != report:
        return "loaded, but does not save and load back the same"
    return None


def test_every_field_replaced_by_every_hostile_value() -> None:
    # Exhaustive over the fixture: each place in the tree gets each value,
    # is deleted, and (objects) gains an unknown key.
    escapes: list[str] = []

    def record(trail: tuple[Any, ...], what: str, document: Json) -> None:
        problem = _outcome(document)
        if problem:
            escapes.append(f"{'.'.join(map(str, trail))} {what}: {problem}")

    for trail in PLACES:
        for value in HOSTILE_VALUES:

            def replace(parent: Any, key: Any, value: object = value) -> None:
                parent[key] = value

            record(trail, f"= {str(value)[:20]}", _with(BASE, trail, replace))

        def delete(parent: Any, key: Any) -> None:
            del parent[key]

        record(trail, "deleted", _with(BASE, trail, delete))

    def add(parent: Any, key: Any) -> None:
        parent[key] = 1

    for trail in [(), *PLACES]:
        if isinstance(_at(BASE, trail), dict):
            record(trail, "with an unknown key", _with(BASE, (*trail, "unknown"), add))
    assert escapes == []


@settings(max_examples=200, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(PLACES), st.sampled_from(["replace", "delete", "add"]), JSON_VALUES),
        min_size=1,
        max_size=3,
    )
)
def test_any_spoilt_document_gives_a_report_or_a_report_file_error(changes: list[tuple[Any, ...]]) -> None:
    document = copy.deepcopy(BASE)
    for trail, action, value in changes:
        parent: Any = document
        try:
            for key in trail[:-1]:
                parent = parent[key]
            last = trail[-1]
            if action == "replace":
                parent[last] = value
            elif action == "delete":
                del parent[last]
            elif isinstance(parent, dict):
                parent[f"x{last}"] = value
            else:
                parent.insert(last, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        report = report_from_document(document)
    except ReportFileError as caught:
        _assert_readable(caught)
        return
    # What loads must save and load again unchanged.
    assert report_from_bytes(report_to_bytes(report)) == report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=reports(max_sections=3, tables=True),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(["flip", "cut", "insert"]), st.binary(max_size=4)), max_size=4
    ),
)
def test_any_damaged_file_gives_a_report_or_a_report_file_error(
    report: Report, edits: list[tuple[float, str, bytes]]
) -> None:
    data = bytearray(report_to_bytes(report))
    for where, action, payload in edits:
        at = int(where * len(data))
        if action == "flip" and at < len(data):
            data[at] ^= payload[0] if payload else 0xFF
        elif action == "cut":
            del data[at : at + 1 + len(payload)]
        else:
            data[at:at] = payload
    try:
        report_from_bytes(bytes(data))
    except ReportFileError as caught:
        _assert_readable(caught)


def test_an_unknown_key_with_a_newline_is_named_on_one_line() -> None:
    from minutes_editor.storage.minutes_file import FORMAT_NAME, FORMAT_VERSION, report_from_document

    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "report": {"language": "en", "title": {"\n": None}, "sections": []},
    }
    with pytest.raises(ReportFileError) as caught:
        report_from_document(document)
    assert str(caught.value) == "title.'\\n': is not a field of this format version"
