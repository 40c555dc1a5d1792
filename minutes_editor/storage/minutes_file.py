"""The ``.minutes`` file: a report as UTF-8 JSON with a format name and a schema version.

Loading checks every field and names the first bad one with its path
(``sections[3].blocks[2].level: 7 is not between 1 and 3``); a file written
by a newer version is refused whole. Older versions are migrated step by
step (``MIGRATIONS``). Saving is atomic and keeps ``NAME.minutes.bak``.
See docs/file-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, TypeVar

from minutes_editor.errors import FILE_EMPTY, FILE_MISSING, NO_PERMISSION, UserFileError
from minutes_editor.model.language import MAX_TAG_LENGTH, is_language_tag
from minutes_editor.model.report import (
    EARLIEST_STAMP,
    LATEST_STAMP,
    MAX_BULLET_LEVEL,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    FormatChange,
    Inline,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
    stamp_in_range,
)
from minutes_editor.model.rules import level_allowed
from minutes_editor.phrases import Phrase, Value
from minutes_editor.storage import messages as m
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes
from minutes_editor.storage.encoder import FORMAT_NAME, FORMAT_VERSION, report_to_bytes
from minutes_editor.storage.files import FileTooLargeError, NotRegularFileError, read_regular
from minutes_editor.storage.migrations import MIGRATIONS
from minutes_editor.storage.strict_json import DuplicateKeyError, refuse_duplicate_keys

SUFFIX = ".minutes"
#: Larger files are refused before parsing. The reference report takes
#: 20 kB and a report 100 times its size 2 MB; a hostile file of small
#: nested lists can take 20 times its size in memory as Python objects.
MAX_FILE_BYTES = 16 * 1024 * 1024

Json = dict[str, Any]
# MIGRATIONS (storage/migrations.py) take the file's JSON from version N to N + 1; _migrate applies them in turn.


class ReportFileError(UserFileError, ValueError):
    """A .minutes file could not be read; ``str()`` is the message for the user (its English, see errors.py)."""

    @classmethod
    def of(cls, template: str, path: Path | None = None, **values: Value) -> ReportFileError:
        """The error saying ``template`` (from storage/messages.py) filled with ``values``."""
        return cls(Phrase(template, values), path)


class NewerVersionError(ReportFileError):
    """The file was written by a newer Minutes Editor than this one."""


class InvalidFieldError(ReportFileError):
    """A field holds a value the format does not allow."""

    def __init__(self, field: str, problem: str | Phrase) -> None:
        self.field = field
        said = problem if isinstance(problem, Phrase) else Phrase(problem)
        #: The problem in English, without the field.
        self.problem = str(said)
        super().__init__(Phrase.of(m.AT_FIELD, field=field, problem=said))
        # Lets the error be pickled (e.g. back from a worker process).
        self.args = (field, said)

    @classmethod
    def at(cls, field: str, template: str, **values: Value) -> InvalidFieldError:
        """The error saying ``field`` has the problem ``template`` (storage/messages.py) filled with ``values``."""
        return cls(field, Phrase(template, values))


# ---------------------------------------------------------------- reading


def load_report(path: Path) -> Report:
    """Read and validate a .minutes file; raise ReportFileError saying what is wrong."""
    return read_report(path)[0]


def read_report(path: Path) -> tuple[Report, bytes]:
    """As ``load_report``, with the file's bytes as read (to tell later whether the file changed)."""
    path = Path(path)
    data = _read_file(path)
    try:
        return report_from_bytes(data), data
    except ReportFileError as error:
        error.path = path
        raise


def _read_file(path: Path) -> bytes:
    # Every way a path can fail to give bytes becomes a ReportFileError: the
    # caller shows the message, never a traceback. The door (storage/files.py)
    # refuses pipes and devices before reading, without blocking on them.
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except NotRegularFileError as error:
        if error.kind == "folder":
            raise ReportFileError.of(m.NOT_A_FILE_BUT_FOLDER, path) from error
        raise ReportFileError.of(m.NOT_REGULAR, path) from error
    except FileTooLargeError as error:
        raise _too_large(error.size, path) from error
    except FileNotFoundError as error:
        raise ReportFileError.of(FILE_MISSING, path) from error
    except NotADirectoryError as error:
        raise ReportFileError.of(m.PATH_THROUGH_FILE, path) from error
    except PermissionError as error:
        raise ReportFileError.of(NO_PERMISSION, path) from error
    except OSError as error:
        raise ReportFileError.of(m.CANNOT_READ, path, reason=_reason(error)) from error
    except ValueError as error:  # a path with a NUL character in it
        raise ReportFileError.of(m.CANNOT_READ, path, reason=str(error)) from error


def _too_large(size: int, path: Path) -> ReportFileError:
    return ReportFileError.of(m.TOO_LARGE, path, size=f"{size / 2**20:.0f}", limit=MAX_FILE_BYTES // 2**20)


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


class _NotJsonError(ValueError):
    """A construct Python's json module accepts but JSON does not (NaN, Infinity)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


_UTF8_BOM = b"\xef\xbb\xbf"


def _refuse_constant(name: str) -> object:
    raise _NotJsonError(name)


def report_from_bytes(data: bytes) -> Report:
    """Parse the bytes of a .minutes file."""
    if not data.strip():
        raise ReportFileError.of(FILE_EMPTY)
    # A byte-order mark (some Windows editors write one) is skipped. Not with the "utf-8-sig" codec:
    # a Python module, imported on first use, that would cost every start a module import.
    bom = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportFileError.of(m.NOT_UTF8, byte=bom + error.start) from error
    try:
        document = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=refuse_duplicate_keys)
    except DuplicateKeyError as error:
        raise ReportFileError.of(m.DUPLICATE_KEY, key=_show(error.key)) from error
    except json.JSONDecodeError as error:
        raise ReportFileError.of(m.NOT_JSON_AT, reason=error.msg, line=error.lineno, column=error.colno) from error
    except _NotJsonError as error:
        raise ReportFileError.of(m.NOT_JSON_CONSTANT, name=error.name) from error
    except RecursionError as error:
        raise ReportFileError.of(m.NESTED_TOO_DEEP) from error
    except ValueError as error:
        # Python refuses integers of more than 4,300 digits (sys.get_int_max_str_digits).
        raise ReportFileError.of(m.NUMBER_TOO_LONG) from error
    return report_from_document(document)


def report_from_document(document: object) -> Report:
    """Validate a parsed .minutes document (format, version, report) and build the Report."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ReportFileError.of(m.NOT_OURS, format=FORMAT_NAME)
    if "version" not in document:
        raise InvalidFieldError.at("version", m.IS_MISSING)
    version = document["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidFieldError.at("version", m.NOT_A_VERSION, value=_show(version))
    if version > FORMAT_VERSION:
        raise NewerVersionError(Phrase.of(m.NEWER_VERSION, version=_show(version), supported=FORMAT_VERSION))
    document = _migrate(document, version)
    _keys(document, "", required={"format", "version", "report"}, optional=set())
    return _report(document["report"])


def _migrate(document: Json, version: int) -> Json:
    # Each step takes the document of version N and returns one of version N + 1.
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ReportFileError.of(m.NO_MIGRATION, version=version)
        try:
            document = step(document)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
            # A migration reads the old format before it is validated, so a
            # damaged old file can trip it; say so rather than crash.
            raise ReportFileError.of(m.MIGRATION_FAILED, version=version, error=repr(error)) from error
        version += 1
        if not isinstance(document, dict):
            raise ReportFileError.of(m.MIGRATION_NOT_OBJECT, version=version - 1)
        document["version"] = version
    return document


def _report(value: object) -> Report:
    # Field names inside the report are relative to it, as the user sees
    # them: "sections[3].blocks[2].level", not "report.sections[3]...".
    if not isinstance(value, dict):
        raise InvalidFieldError.at("report", m.EXPECTED_OBJECT, found=_type_name(value))
    obj = _keys(
        value,
        "",
        required={"language", "title", "sections"},
        optional={"footnotes", "author", "created", "modified", "template", "field_changes", "comments"},
    )
    report = Report(
        language=_language(obj["language"], "language"),
        title=_title(obj["title"], "title"),
        sections=[_section(item, f"sections[{i}]") for i, item in _items(obj["sections"], "sections")],
        footnotes=[_footnote(item, f"footnotes[{i}]") for i, item in _items(obj.get("footnotes", []), "footnotes")],
        author=_str(obj.get("author", ""), "author"),
        created=_datetime(obj.get("created"), "created"),
        modified=_datetime(obj.get("modified"), "modified"),
        template=_str(obj.get("template", ""), "template"),
        field_changes=[
            _field_change(item, f"field_changes[{i}]")
            for i, item in _items(obj.get("field_changes", []), "field_changes")
        ],
        comments=[_comment(item, f"comments[{i}]") for i, item in _items(obj.get("comments", []), "comments")],
    )
    _check_review(report)
    _check_references(report)
    return report


def _title(value: object, path: str) -> TitleBlock:
    obj = _keys(
        value,
        path,
        required=set(),
        optional={"meeting", "subtitle", "date", "start_time", "end_time", "timezone", "location", "status"},
    )
    return TitleBlock(
        meeting=_str(obj.get("meeting", ""), f"{path}.meeting"),
        subtitle=_str(obj.get("subtitle", ""), f"{path}.subtitle"),
        date=_date(obj.get("date"), f"{path}.date"),
        start_time=_time(obj.get("start_time"), f"{path}.start_time"),
        end_time=_time(obj.get("end_time"), f"{path}.end_time"),
        timezone=_str(obj.get("timezone", ""), f"{path}.timezone"),
        location=_str(obj.get("location", ""), f"{path}.location"),
        status=_str(obj.get("status", ""), f"{path}.status"),
    )


def _section(value: object, path: str) -> Section:
    obj = _keys(
        value,
        path,
        required={"id", "kind"},
        optional={"heading", "level", "blocks", "participants", "sessions", "inserted", "deleted"},
    )
    part_id = _id(obj["id"], f"{path}.id")
    kind = _enum(SectionKind, obj["kind"], f"{path}.kind")
    heading = obj.get("heading")
    level = _int(obj.get("level", 1), f"{path}.level", 1, 2)
    if not level_allowed(level, first=path == "sections[0]"):
        raise InvalidFieldError.at(f"{path}.level", m.FIRST_SECTION_LEVEL)
    if "participants" in obj and kind is not SectionKind.PARTICIPATION:
        raise InvalidFieldError.at(f"{path}.participants", m.ONLY_PARTICIPATION, kind=str(kind))
    if "sessions" in obj and kind is not SectionKind.DISCUSSION:
        raise InvalidFieldError.at(f"{path}.sessions", m.ONLY_DISCUSSION, kind=str(kind))
    return Section(
        kind=kind,
        heading=None if heading is None else _str(heading, f"{path}.heading"),
        level=level,
        blocks=_blocks(obj.get("blocks", []), f"{path}.blocks"),
        participants=[
            _participant(item, f"{path}.participants[{i}]")
            for i, item in _items(obj.get("participants", []), f"{path}.participants")
        ],
        sessions=[
            _session(item, f"{path}.sessions[{i}]") for i, item in _items(obj.get("sessions", []), f"{path}.sessions")
        ],
        id=part_id,
        inserted=_mark(obj, "inserted", path),
        deleted=_mark(obj, "deleted", path),
    )


def _session(value: object, path: str) -> Session:
    obj = _keys(value, path, required={"id", "title"}, optional={"goals", "blocks", "inserted", "deleted"})
    part_id = _id(obj["id"], f"{path}.id")
    return Session(
        title=_str(obj["title"], f"{path}.title"),
        goals=_texts(obj.get("goals", []), f"{path}.goals"),
        blocks=_blocks(obj.get("blocks", []), f"{path}.blocks"),
        id=part_id,
        inserted=_mark(obj, "inserted", path),
        deleted=_mark(obj, "deleted", path),
    )


def _texts(value: object, path: str) -> list[str]:
    return [_str(item, f"{path}[{i}]") for i, item in _items(value, path)]


def _participants(value: object, path: str) -> list[Participant]:
    return [_participant(item, f"{path}[{i}]") for i, item in _items(value, path)]


def _participant(value: object, path: str) -> Participant:
    obj = _keys(value, path, required={"name"}, optional={"code"})
    return Participant(name=_str(obj["name"], f"{path}.name"), code=_str(obj.get("code", ""), f"{path}.code"))


def _blocks(value: object, path: str) -> list[Block]:
    return [_block(item, f"{path}[{i}]") for i, item in _items(value, path)]


_BLOCK_REQUIRED = frozenset({"id", "type"})
_BLOCK_OPTIONAL = frozenset({"content", "level", "inserted", "deleted", "old_format"})
_SPAN_REQUIRED = frozenset({"text"})
_SPAN_OPTIONAL = frozenset({"bold", "italic", "underline", "inserted", "deleted", "old_format", "comments"})
_REF_REQUIRED = frozenset({"footnote"})
_REF_OPTIONAL = frozenset({"inserted", "deleted"})


def _block(value: object, path: str) -> Block:
    obj = _keys(value, path, required=_BLOCK_REQUIRED, optional=_BLOCK_OPTIONAL)
    part_id = _id(obj["id"], f"{path}.id")
    kind = _enum(BlockKind, obj["type"], f"{path}.type")
    if "level" in obj and kind is not BlockKind.BULLET:
        raise InvalidFieldError.at(f"{path}.level", m.ONLY_BULLET, kind=str(kind))
    level = _int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    block = Block(kind=kind, content=_inlines(obj.get("content", []), f"{path}.content"), level=level, id=part_id)
    if len(obj) > 2 + ("level" in obj) + ("content" in obj):  # a pending change of its end or format (rare)
        block.inserted = _mark(obj, "inserted", path)
        block.deleted = _mark(obj, "deleted", path)
        if "old_format" in obj:
            block.old_format = _block_format_change(obj["old_format"], f"{path}.old_format")
    return block


def _inlines(value: object, path: str, *, notes_allowed: bool = True) -> list[Inline]:
    result: list[Inline] = []
    for i, item in _items(value, path):
        where = f"{path}[{i}]"
        if isinstance(item, dict) and "footnote" in item:
            if not notes_allowed:
                raise InvalidFieldError.at(where, m.NOTE_IN_NOTE)
            obj = _keys(item, where, required=_REF_REQUIRED, optional=_REF_OPTIONAL)
            ref = FootnoteRef(_identifier(obj["footnote"], f"{where}.footnote"))
            if len(obj) > 1:
                ref.inserted = _mark(obj, "inserted", where)
                ref.deleted = _mark(obj, "deleted", where)
            result.append(ref)
            continue
        obj = _keys(item, where, required=_SPAN_REQUIRED, optional=_SPAN_OPTIONAL)
        span = Span(
            text=_str(obj["text"], f"{where}.text"),
            bold=_bool(obj.get("bold", False), f"{where}.bold"),
            italic=_bool(obj.get("italic", False), f"{where}.italic"),
            underline=_bool(obj.get("underline", False), f"{where}.underline"),
        )
        if len(obj) > 1 + ("bold" in obj) + ("italic" in obj) + ("underline" in obj):  # marks (rare)
            span.inserted = _mark(obj, "inserted", where)
            span.deleted = _mark(obj, "deleted", where)
            if "old_format" in obj:
                span.old_format = _format_change(obj["old_format"], f"{where}.old_format")
            span.comments = tuple(
                _id(comment, f"{where}.comments[{n}]")
                for n, comment in _items(obj.get("comments", []), f"{where}.comments")
            )
        result.append(span)
    return result


# ------------------------------------------------------ reviewers' changes and comments

_CHANGE_KEYS = frozenset({"author", "date", "move"})
_FORMAT_KEYS = frozenset({"bold", "italic", "underline"})
_BLOCK_FORMAT_KEYS = frozenset({"type", "level"})


def _mark(obj: Json, key: str, path: str) -> Change | None:
    # A pending insertion or deletion: written only when there is one, so never null.
    return _change(obj[key], f"{path}.{key}") if key in obj else None


def _change(value: object, path: str, extra: frozenset[str] = frozenset()) -> Change:
    # Who and when: ``extra`` names the keys of the object that carries them besides (what was there before).
    obj = _keys(value, path, required={"author"}, optional=(_CHANGE_KEYS - {"author"}) | extra)
    return Change(
        author=_str(obj["author"], f"{path}.author"),
        date=_datetime(obj.get("date"), f"{path}.date"),
        move=_str(obj.get("move", ""), f"{path}.move"),
    )


def _format_change(value: object, path: str) -> FormatChange:
    change = _change(value, path, _FORMAT_KEYS)
    obj: Json = value  # type: ignore[assignment]  # an object: _change checked it
    return FormatChange(
        change=change,
        bold=_bool(obj.get("bold", False), f"{path}.bold"),
        italic=_bool(obj.get("italic", False), f"{path}.italic"),
        underline=_bool(obj.get("underline", False), f"{path}.underline"),
    )


def _block_format_change(value: object, path: str) -> BlockFormatChange:
    if isinstance(value, dict) and "type" not in value:
        raise InvalidFieldError.at(f"{path}.type", m.IS_MISSING)
    change = _change(value, path, _BLOCK_FORMAT_KEYS)
    obj: Json = value  # type: ignore[assignment]  # an object: _change checked it
    kind = _enum(BlockKind, obj["type"], f"{path}.type")
    if "level" in obj and kind is not BlockKind.BULLET:
        raise InvalidFieldError.at(f"{path}.level", m.ONLY_BULLET, kind=str(kind))
    return BlockFormatChange(
        change=change, kind=kind, level=_int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    )


def _text_or_null(value: object, path: str) -> str | None:
    return None if value is None else _str(value, path)


def _field_name(value: object, path: str, names: tuple[str, ...] | None = None) -> str:
    names = names if names is not None else tuple(FIELD_VALUES)
    if isinstance(value, str) and value in names:
        return value
    raise InvalidFieldError.at(path, m.NOT_ONE_OF, value=_show(value), choices=", ".join(names))


def _field_change(value: object, path: str) -> FieldChange:
    if isinstance(value, dict):
        for key in ("field", "owner", "old"):
            if key not in value:
                raise InvalidFieldError.at(f"{path}.{key}", m.IS_MISSING)
    change = _change(value, path, frozenset({"field", "owner", "old"}))
    obj: Json = value  # type: ignore[assignment]  # an object: _change checked it
    name = _field_name(obj["field"], f"{path}.field")
    old: Any = FIELD_VALUES[name](obj["old"], f"{path}.old")
    return FieldChange(field_name=name, owner=_str(obj["owner"], f"{path}.owner"), old=old, change=change)


def _comment(value: object, path: str) -> Comment:
    obj = _keys(
        value,
        path,
        required={"id", "author", "text"},
        optional={"parent", "initials", "date", "done", "field", "owner"},
    )
    if "owner" in obj and "field" not in obj:
        raise InvalidFieldError.at(f"{path}.owner", m.OWNER_WITHOUT_FIELD)
    return Comment(
        id=_id(obj["id"], f"{path}.id"),
        author=_str(obj["author"], f"{path}.author"),
        text=_texts(obj["text"], f"{path}.text"),
        date=_datetime(obj.get("date"), f"{path}.date"),
        initials=_str(obj.get("initials", ""), f"{path}.initials"),
        parent=_id(obj["parent"], f"{path}.parent") if "parent" in obj else "",
        done=_bool(obj.get("done", False), f"{path}.done"),
        field_name=_field_name(obj["field"], f"{path}.field", COMMENT_FIELDS) if "field" in obj else "",
        owner=_str(obj.get("owner", ""), f"{path}.owner"),
    )


def _footnote(value: object, path: str) -> Footnote:
    obj = _keys(value, path, required={"id", "content"}, optional={"inserted", "deleted"})
    content = _inlines(obj["content"], f"{path}.content", notes_allowed=False)
    return Footnote(
        id=_identifier(obj["id"], f"{path}.id"),
        content=[item for item in content if isinstance(item, Span)],
        inserted=_mark(obj, "inserted", path),
        deleted=_mark(obj, "deleted", path),
    )


def _check_references(report: Report) -> None:
    # Footnote references name a footnote, and the comment ids spans carry name a comment: one look at
    # every inline item of the report.
    seen: dict[str, int] = {}
    for index, note in enumerate(report.footnotes):
        if note.id in seen:
            raise InvalidFieldError.at(
                f"footnotes[{index}].id", m.DUPLICATE_ID, id=repr(note.id), other=f"footnotes[{seen[note.id]}]"
            )
        seen[note.id] = index
    comments = {comment.id for comment in report.comments}
    places: list[tuple[str, list[Block]]] = []
    for s_index, section in enumerate(report.sections):
        places.append((f"sections[{s_index}].blocks", section.blocks))
        places.extend(
            (f"sections[{s_index}].sessions[{j}].blocks", session.blocks) for j, session in enumerate(section.sessions)
        )
    for where, blocks in places:
        for b_index, block in enumerate(blocks):
            for i_index, item in enumerate(block.content):
                if isinstance(item, FootnoteRef):
                    if item.footnote_id not in seen:
                        raise InvalidFieldError.at(
                            f"{where}[{b_index}].content[{i_index}].footnote",
                            m.NO_SUCH_FOOTNOTE,
                            id=repr(item.footnote_id),
                        )
                elif item.comments:
                    _check_comment_ids(item, f"{where}[{b_index}].content[{i_index}]", comments)
    for n_index, note in enumerate(report.footnotes):
        for i_index, span in enumerate(note.content):
            if span.comments:
                _check_comment_ids(span, f"footnotes[{n_index}].content[{i_index}]", comments)


def _check_comment_ids(span: Span, where: str, comments: set[str]) -> None:
    for index, comment_id in enumerate(span.comments):
        if comment_id not in comments:
            raise InvalidFieldError.at(f"{where}.comments[{index}]", m.NO_SUCH_COMMENT, id=repr(comment_id))


def _part_paths(report: Report) -> list[tuple[str, str]]:
    # Every section, session and block id with the path of its field, in reading order.
    found: list[tuple[str, str]] = []
    for s_index, section in enumerate(report.sections):
        found.append((section.id, f"sections[{s_index}].id"))
        found.extend(
            (block.id, f"sections[{s_index}].blocks[{b_index}].id") for b_index, block in enumerate(section.blocks)
        )
        for j, session in enumerate(section.sessions):
            found.append((session.id, f"sections[{s_index}].sessions[{j}].id"))
            found.extend(
                (block.id, f"sections[{s_index}].sessions[{j}].blocks[{b_index}].id")
                for b_index, block in enumerate(session.blocks)
            )
    return found


def _check_review(report: Report) -> None:
    # Ids name one part each; what the comments and field changes refer to exists.
    ids: set[str] = set()
    count = 0
    for section in report.sections:
        ids.add(section.id)
        ids.update(block.id for block in section.blocks)
        count += 1 + len(section.blocks)
        for session in section.sessions:
            ids.add(session.id)
            ids.update(block.id for block in session.blocks)
            count += 1 + len(session.blocks)
    if len(ids) < count:
        # Rare: find the pair to name both (paths are made only now, for a report that holds a duplicate).
        first: dict[str, str] = {}
        for part_id, path in _part_paths(report):
            if part_id in first:
                raise InvalidFieldError.at(path, m.DUPLICATE_ID, id=repr(part_id), other=first[part_id])
            first[part_id] = path
    sections = {section.id for section in report.sections}
    sessions = {session.id for section in report.sections for session in section.sessions}
    for index, change in enumerate(report.field_changes):
        _check_owner(change.field_name, change.owner, f"field_changes[{index}].owner", sections, sessions)
    comments: dict[str, int] = {}
    for index, comment in enumerate(report.comments):
        if comment.id in comments:
            raise InvalidFieldError.at(
                f"comments[{index}].id",
                m.DUPLICATE_ID,
                id=repr(comment.id),
                other=f"comments[{comments[comment.id]}].id",
            )
        comments[comment.id] = index
    parents = {comment.id: comment.parent for comment in report.comments}
    for index, comment in enumerate(report.comments):
        if comment.field_name:
            _check_owner(comment.field_name, comment.owner, f"comments[{index}].owner", sections, sessions)
        if comment.parent and comment.parent not in comments:
            raise InvalidFieldError.at(f"comments[{index}].parent", m.NO_SUCH_COMMENT, id=repr(comment.parent))
        seen = {comment.id}
        parent = comment.parent
        while parent:
            if parent in seen:
                raise InvalidFieldError.at(f"comments[{index}].parent", m.COMMENT_ANSWERS_ITSELF)
            seen.add(parent)
            parent = parents.get(parent, "")


def _check_owner(field_name: str, owner: str, path: str, sections: set[str], sessions: set[str]) -> None:
    kind = field_name.split(".", 1)[0]
    if kind == "TitleBlock":
        if owner:
            raise InvalidFieldError.at(path, m.TITLE_HAS_NO_OWNER, value=_show(owner))
    elif owner not in (sections if kind == "Section" else sessions):
        raise InvalidFieldError.at(path, m.NO_SUCH_OWNER, kind=kind.lower(), id=repr(owner))


# ------------------------------------------------------- field validators


def _show(value: object) -> Value:
    # Shows a bad value in a message: short, and never recursing into a
    # nested value (a hostile file can nest lists a thousand deep). A value is
    # quoted as written; what cannot be is named by its kind, in words the window translates.
    if isinstance(value, str):
        text = repr(value)
    elif value is None or isinstance(value, bool):
        text = json.dumps(value)
    elif isinstance(value, int):
        # str() of a huge int is slow, and refused past 4,300 digits.
        if abs(value) >= 10**60:
            return Phrase(m.A_HUGE_NUMBER)
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    else:
        return _type_name(value)
    return text if len(text) <= 40 else text[:37] + "..."


_KINDS = {
    dict: Phrase(m.AN_OBJECT),
    list: Phrase(m.A_LIST),
    str: Phrase(m.TEXT),
    bool: Phrase(m.TRUE_OR_FALSE),
    int: Phrase(m.A_NUMBER),
    float: Phrase(m.A_NUMBER),
}


def _type_name(value: object) -> Value:
    # "null" is JSON's own word; a type JSON cannot give (none today) is named as Python names it.
    return "null" if value is None else _KINDS.get(type(value), type(value).__name__)


def _keys(value: object, path: str, *, required: AbstractSet[str], optional: AbstractSet[str]) -> Json:
    if not isinstance(value, dict):
        raise InvalidFieldError.at(path or "file", m.EXPECTED_OBJECT, found=_type_name(value))
    for key in sorted(required):
        if key not in value:
            raise InvalidFieldError.at(_join(path, key), m.IS_MISSING)
    for key in value:
        if key not in required and key not in optional:
            name = key if key.isidentifier() else str(_show(key))  # a hostile key may hold newlines or be huge
            raise InvalidFieldError.at(_join(path, name), m.NOT_A_FIELD)
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(value: object, path: str) -> list[tuple[int, Any]]:
    if not isinstance(value, list):
        raise InvalidFieldError.at(path, m.EXPECTED_LIST, found=_type_name(value))
    return list(enumerate(value))


#: Half of a UTF-16 surrogate pair on its own: JSON can escape it ("\\ud800")
#: but it is not a character, and UTF-8 cannot encode it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidFieldError.at(path, m.EXPECTED_TEXT, found=_type_name(value))
    if not value.isascii():
        found = _LONE_SURROGATE.search(value)
        if found:
            code = f"\\u{ord(found.group()):04x}"
            raise InvalidFieldError.at(path, m.LONE_SURROGATE, code=code, position=found.start())
    return value


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidFieldError.at(path, m.EXPECTED_BOOL, found=_show(value))
    return value


def _int(value: object, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidFieldError.at(path, m.EXPECTED_WHOLE_NUMBER, found=_show(value))
    if not low <= value <= high:
        raise InvalidFieldError.at(path, m.NOT_BETWEEN, value=_show(value), low=low, high=high)
    return value


_E = TypeVar("_E", BlockKind, SectionKind)


def _enum(cls: type[_E], value: object, path: str) -> _E:
    # Called for every block: look the value up, build the message only on failure.
    members: dict[str, _E] | None = _MEMBERS.get(cls)
    if members is None:
        members = _MEMBERS[cls] = {member.value: member for member in cls}
    if isinstance(value, str) and value in members:
        return members[value]
    raise InvalidFieldError.at(path, m.NOT_ONE_OF, value=_show(value), choices=", ".join(members))


_MEMBERS: dict[type[Any], dict[str, Any]] = {}


#: What an id of a section, session, block or comment may be (report.new_id() gives 12 hex digits).
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def _id(value: object, path: str) -> str:
    if isinstance(value, str) and _ID.fullmatch(value):
        return value
    text = _str(value, path)
    raise InvalidFieldError.at(path, m.NOT_AN_ID, value=_show(text))


def _identifier(value: object, path: str) -> str:
    text = _str(value, path)
    if not text.strip():
        raise InvalidFieldError.at(path, m.IS_EMPTY)
    return text


def _language(value: object, path: str) -> str:
    # Well-formed BCP 47 (model/language.py), bounded: the tag picks a preset, names Word's language, and
    # must never be a name too long for anything that uses it.
    text = _str(value, path)
    if len(text) > MAX_TAG_LENGTH:
        raise InvalidFieldError.at(path, m.TAG_TOO_LONG, length=len(text), limit=MAX_TAG_LENGTH)
    if not is_language_tag(text):
        raise InvalidFieldError.at(path, m.NOT_A_LANGUAGE, value=_show(value))
    return text


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?"
)


def _date(value: object, path: str) -> dt.date | None:
    # Only the one form the format writes: Python's fromisoformat alone would
    # also take week dates and the basic form (20211014).
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_DATE, value=_show(value)) from error


def _time(value: object, path: str) -> dt.time | None:
    # A wall-clock time without an offset: the title block's "timezone" names the zone.
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _TIME.fullmatch(text):
            raise ValueError(text)
        return dt.time.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_TIME, value=_show(value)) from error


def _datetime(value: object, path: str) -> dt.datetime | None:
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _DATETIME.fullmatch(text):
            raise ValueError(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_DATETIME, value=_show(value)) from error
    if not stamp_in_range(moment):
        # Year 1 at +01:00 is year 0 in UTC: the .docx writer's conversion would overflow on export.
        raise InvalidFieldError.at(
            path,
            m.STAMP_OUT_OF_RANGE,
            value=_show(value),
            earliest=EARLIEST_STAMP.date().isoformat(),
            latest=LATEST_STAMP.date().isoformat(),
        )
    return moment


def _section_level(value: object, path: str) -> int:
    return _int(value, path, 1, 2)


#: The fields a pending field change may name (model/operations.py names them so), with the reader of the
#: field's value.
FIELD_VALUES: dict[str, Callable[[object, str], object]] = {
    "TitleBlock.meeting": _str,
    "TitleBlock.subtitle": _str,
    "TitleBlock.date": _date,
    "TitleBlock.start_time": _time,
    "TitleBlock.end_time": _time,
    "TitleBlock.timezone": _str,
    "TitleBlock.location": _str,
    "TitleBlock.status": _str,
    "Section.heading": _text_or_null,
    "Section.level": _section_level,
    "Session.title": _str,
    "Session.goals": _texts,
    "Section.participants": _participants,
}
#: The fields a comment may be on.
COMMENT_FIELDS = tuple(FIELD_VALUES)


# ---------------------------------------------------------------- writing


def save_report(report: Report, path: Path, *, keep_backup: bool = True) -> bytes:
    """Write ``report`` to ``path`` atomically, keeping the previous file as ``NAME.bak``; return the bytes written.

    The report is encoded once: the bytes are read back before anything
    touches the disk, so a report this program could not open again is
    never written, and the caller gets them (to hash the file it now knows)
    instead of encoding the report again. Raises storage.atomic.WriteError
    with a readable message on any failure (the disk, the folder, or a
    report that breaks the format, such as a reference to a missing
    footnote); the file on disk is then unchanged.
    """
    path = Path(path)
    data = report_to_bytes(report)
    try:
        report_from_bytes(data)
    except ReportFileError as error:
        raise WriteError(f"Cannot save {path.name}: {error}. Nothing was written.") from error
    atomic_write_bytes(path, data, keep_backup=keep_backup)
    return data


# ------------------------------------------------ parts, for the recovery journal

# The journal (storage/journal.py) reads parts of a report, not whole files: these are the same checking
# readers, so a part is validated exactly as in a .minutes file (it writes them with storage/encoder.py).
read_title = _title
read_section = _section
read_session = _session
read_blocks = _blocks
read_footnote = _footnote
# And the window's body documents (gui/rich_text.py), which keep a span's and a block's marks as this JSON.
read_change = _change
read_format_change = _format_change
read_block_format_change = _block_format_change
read_id = _id


def read_comments(value: object, path: str) -> list[Comment]:
    """A list of comments, each read as in a .minutes file (what they refer to is checked with the whole report)."""
    return [_comment(item, f"{path}[{i}]") for i, item in _items(value, path)]


def read_field_changes(value: object, path: str) -> list[FieldChange]:
    """A list of pending field changes, each read as in a .minutes file (owners are checked with the whole report)."""
    return [_field_change(item, f"{path}[{i}]") for i, item in _items(value, path)]
