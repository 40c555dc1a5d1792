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
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from minutes_editor.errors import UserFileError
from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Inline,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes

FORMAT_NAME = "minutes-editor-report"
FORMAT_VERSION = 1
SUFFIX = ".minutes"
#: Larger files are refused before parsing. The reference report takes
#: 20 kB and a report 100 times its size 2 MB; a hostile file of small
#: nested lists can take 20 times its size in memory as Python objects.
MAX_FILE_BYTES = 16 * 1024 * 1024

Json = dict[str, Any]
#: Migrations from version N to N + 1, applied in turn to the file's JSON.
MIGRATIONS: dict[int, Callable[[Json], Json]] = {}


class ReportFileError(UserFileError, ValueError):
    """A .minutes file could not be read; ``str()`` is the message for the user."""


class NewerVersionError(ReportFileError):
    """The file was written by a newer Minutes Editor than this one."""


class InvalidFieldError(ReportFileError):
    """A field holds a value the format does not allow."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")
        # Lets the error be pickled (e.g. back from a worker process).
        self.args = (field, problem)


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
    # caller shows the message, never a traceback.
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ReportFileError("this is a folder, not a report file", path)
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device could block or never end.
            raise ReportFileError("this is not a regular file", path)
        if status.st_size > MAX_FILE_BYTES:
            raise ReportFileError(_too_large(status.st_size), path)
        with path.open("rb") as stream:
            # Read one byte more than allowed: the size can change after stat().
            data = stream.read(MAX_FILE_BYTES + 1)
    except ReportFileError:
        raise
    except FileNotFoundError as error:
        raise ReportFileError("the file does not exist", path) from error
    except NotADirectoryError as error:
        raise ReportFileError("the file does not exist: a part of its path is a file, not a folder", path) from error
    except IsADirectoryError as error:
        raise ReportFileError("this is a folder, not a report file", path) from error
    except PermissionError as error:
        raise ReportFileError("you do not have permission to read this file", path) from error
    except OSError as error:
        raise ReportFileError(f"the file cannot be read: {_reason(error)}", path) from error
    except ValueError as error:  # a path with a NUL character in it
        raise ReportFileError(f"the file cannot be read: {error}", path) from error
    if len(data) > MAX_FILE_BYTES:
        raise ReportFileError(_too_large(len(data)), path)
    return data


def _too_large(size: int) -> str:
    limit = MAX_FILE_BYTES // 2**20
    return f"the file is {size / 2**20:.0f} MB, larger than any report can be (the limit is {limit} MB)"


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


class _NotJsonError(ValueError):
    """A construct Python's json module accepts but JSON does not (NaN, Infinity)."""


def _refuse_constant(name: str) -> object:
    raise _NotJsonError(f"{name} is not a JSON value")


def report_from_bytes(data: bytes) -> Report:
    """Parse the bytes of a .minutes file."""
    if not data.strip():
        raise ReportFileError("the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFileError(f"not a Minutes Editor file: not UTF-8 text (byte {error.start})") from error
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ReportFileError(
            f"the file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    except _NotJsonError as error:
        raise ReportFileError(f"the file is not valid JSON: {error}") from error
    except RecursionError as error:
        raise ReportFileError("the file is damaged: its lists and objects are nested too deep") from error
    except ValueError as error:
        # Python refuses integers of more than 4,300 digits (sys.get_int_max_str_digits).
        raise ReportFileError("the file holds a number too long to read") from error
    return report_from_document(document)


def report_from_document(document: object) -> Report:
    """Validate a parsed .minutes document (format, version, report) and build the Report."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ReportFileError(f'not a Minutes Editor file (no "format": "{FORMAT_NAME}")')
    if "version" not in document:
        raise InvalidFieldError("version", "is missing")
    version = document["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidFieldError("version", f"{_show(version)} is not a format version (a whole number from 1)")
    if version > FORMAT_VERSION:
        raise NewerVersionError(
            f"written by a newer Minutes Editor (file format version {_show(version)}; this version "
            f"reads up to {FORMAT_VERSION}). Update Minutes Editor to open it; the file was not changed."
        )
    document = _migrate(document, version)
    _keys(document, "", required={"format", "version", "report"}, optional=set())
    return _report(document["report"])


def _migrate(document: Json, version: int) -> Json:
    # Each step takes the document of version N and returns one of version N + 1.
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ReportFileError(f"this version of Minutes Editor cannot read format version {version}")
        try:
            document = step(document)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
            # A migration reads the old format before it is validated, so a
            # damaged old file can trip it; say so rather than crash.
            raise ReportFileError(
                f"the file (format version {version}) is damaged and could not be upgraded: {error!r}"
            ) from error
        version += 1
        if not isinstance(document, dict):
            raise ReportFileError(f"upgrading from format version {version - 1} did not give an object")
        document["version"] = version
    return document


def _report(value: object) -> Report:
    # Field names inside the report are relative to it, as the user sees
    # them: "sections[3].blocks[2].level", not "report.sections[3]...".
    if not isinstance(value, dict):
        raise InvalidFieldError("report", f"expected an object, found {_type_name(value)}")
    obj = _keys(
        value,
        "",
        required={"language", "title", "sections"},
        optional={"footnotes", "author", "created", "modified", "template"},
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
    )
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
    obj = _keys(value, path, required={"kind"}, optional={"heading", "level", "blocks", "participants", "sessions"})
    kind = _enum(SectionKind, obj["kind"], f"{path}.kind")
    heading = obj.get("heading")
    level = _int(obj.get("level", 1), f"{path}.level", 1, 2)
    if level == 2 and path == "sections[0]":
        raise InvalidFieldError(f"{path}.level", "the first section cannot be a sub-heading (level 2)")
    if "participants" in obj and kind is not SectionKind.PARTICIPATION:
        raise InvalidFieldError(f"{path}.participants", f"only a participation section lists participants, not {kind}")
    if "sessions" in obj and kind is not SectionKind.DISCUSSION:
        raise InvalidFieldError(f"{path}.sessions", f"only a discussion section has sessions, not {kind}")
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
    )


def _session(value: object, path: str) -> Session:
    obj = _keys(value, path, required={"title"}, optional={"goals", "blocks"})
    return Session(
        title=_str(obj["title"], f"{path}.title"),
        goals=[_str(goal, f"{path}.goals[{i}]") for i, goal in _items(obj.get("goals", []), f"{path}.goals")],
        blocks=_blocks(obj.get("blocks", []), f"{path}.blocks"),
    )


def _participant(value: object, path: str) -> Participant:
    obj = _keys(value, path, required={"name"}, optional={"code"})
    return Participant(name=_str(obj["name"], f"{path}.name"), code=_str(obj.get("code", ""), f"{path}.code"))


def _blocks(value: object, path: str) -> list[Block]:
    return [_block(item, f"{path}[{i}]") for i, item in _items(value, path)]


def _block(value: object, path: str) -> Block:
    obj = _keys(value, path, required={"type"}, optional={"content", "level"})
    kind = _enum(BlockKind, obj["type"], f"{path}.type")
    if "level" in obj and kind is not BlockKind.BULLET:
        raise InvalidFieldError(f"{path}.level", f"only a bullet has a level, not a {kind}")
    level = _int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    return Block(kind=kind, content=_inlines(obj.get("content", []), f"{path}.content"), level=level)


def _inlines(value: object, path: str, *, notes_allowed: bool = True) -> list[Inline]:
    result: list[Inline] = []
    for i, item in _items(value, path):
        where = f"{path}[{i}]"
        if isinstance(item, dict) and "footnote" in item:
            if not notes_allowed:
                raise InvalidFieldError(where, "a footnote cannot reference another footnote")
            obj = _keys(item, where, required={"footnote"}, optional=set())
            result.append(FootnoteRef(_identifier(obj["footnote"], f"{where}.footnote")))
            continue
        obj = _keys(item, where, required={"text"}, optional={"bold", "italic", "underline"})
        result.append(
            Span(
                text=_str(obj["text"], f"{where}.text"),
                bold=_bool(obj.get("bold", False), f"{where}.bold"),
                italic=_bool(obj.get("italic", False), f"{where}.italic"),
                underline=_bool(obj.get("underline", False), f"{where}.underline"),
            )
        )
    return result


def _footnote(value: object, path: str) -> Footnote:
    obj = _keys(value, path, required={"id", "content"}, optional=set())
    content = _inlines(obj["content"], f"{path}.content", notes_allowed=False)
    return Footnote(
        id=_identifier(obj["id"], f"{path}.id"), content=[item for item in content if isinstance(item, Span)]
    )


def _check_references(report: Report) -> None:
    seen: dict[str, int] = {}
    for index, note in enumerate(report.footnotes):
        if note.id in seen:
            raise InvalidFieldError(
                f"footnotes[{index}].id", f"{note.id!r} is already the id of footnotes[{seen[note.id]}]"
            )
        seen[note.id] = index
    for s_index, section in enumerate(report.sections):
        places = [(f"sections[{s_index}].blocks", section.blocks)] + [
            (f"sections[{s_index}].sessions[{j}].blocks", session.blocks) for j, session in enumerate(section.sessions)
        ]
        for where, blocks in places:
            for b_index, block in enumerate(blocks):
                for i_index, item in enumerate(block.content):
                    if isinstance(item, FootnoteRef) and item.footnote_id not in seen:
                        raise InvalidFieldError(
                            f"{where}[{b_index}].content[{i_index}].footnote",
                            f"no footnote has the id {item.footnote_id!r}",
                        )


# ------------------------------------------------------- field validators


def _show(value: object) -> str:
    # Shows a bad value in a message: short, and never recursing into a
    # nested value (a hostile file can nest lists a thousand deep).
    if isinstance(value, str):
        text = repr(value)
    elif value is None or isinstance(value, bool):
        text = json.dumps(value)
    elif isinstance(value, int):
        # str() of a huge int is slow, and refused past 4,300 digits.
        text = str(value) if abs(value) < 10**60 else "a number of more than 60 digits"
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = _type_name(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _keys(value: object, path: str, *, required: set[str], optional: set[str]) -> Json:
    if not isinstance(value, dict):
        raise InvalidFieldError(path or "file", f"expected an object, found {_type_name(value)}")
    for key in sorted(required):
        if key not in value:
            raise InvalidFieldError(_join(path, key), "is missing")
    for key in value:
        if key not in required and key not in optional:
            name = key if key.isidentifier() else _show(key)  # a hostile key may hold newlines or be huge
            raise InvalidFieldError(_join(path, name), "is not a field of this format version")
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(value: object, path: str) -> list[tuple[int, Any]]:
    if not isinstance(value, list):
        raise InvalidFieldError(path, f"expected a list, found {_type_name(value)}")
    return list(enumerate(value))


#: Half of a UTF-16 surrogate pair on its own: JSON can escape it ("\\ud800")
#: but it is not a character, and UTF-8 cannot encode it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidFieldError(path, f"expected text, found {_type_name(value)}")
    if not value.isascii():
        found = _LONE_SURROGATE.search(value)
        if found:
            raise InvalidFieldError(
                path,
                f"holds \\u{ord(found.group()):04x} at character {found.start()}: "
                "half of a UTF-16 surrogate pair on its own, which is not a character",
            )
    return value


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidFieldError(path, f"expected true or false, found {_show(value)}")
    return value


def _int(value: object, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidFieldError(path, f"expected a whole number, found {_show(value)}")
    if not low <= value <= high:
        raise InvalidFieldError(path, f"{_show(value)} is not between {low} and {high}")
    return value


_E = TypeVar("_E", BlockKind, SectionKind)


def _enum(cls: type[_E], value: object, path: str) -> _E:
    # Called for every block: look the value up, build the message only on failure.
    members: dict[str, _E] | None = _MEMBERS.get(cls)
    if members is None:
        members = _MEMBERS[cls] = {member.value: member for member in cls}
    if isinstance(value, str) and value in members:
        return members[value]
    raise InvalidFieldError(path, f"{_show(value)} is not one of {', '.join(members)}")


_MEMBERS: dict[type[Any], dict[str, Any]] = {}


def _identifier(value: object, path: str) -> str:
    text = _str(value, path)
    if not text.strip():
        raise InvalidFieldError(path, "is empty")
    return text


def _language(value: object, path: str) -> str:
    text = _str(value, path)
    parts = text.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()) or not all(
        part.isascii() and part.isalnum() and 1 <= len(part) <= 8 for part in parts
    ):
        raise InvalidFieldError(path, f'{_show(value)} is not a BCP 47 language tag such as "ar" or "en-GB"')
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
        raise InvalidFieldError(path, f"{_show(value)} is not a date written YYYY-MM-DD") from error


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
        raise InvalidFieldError(path, f"{_show(value)} is not a time written HH:MM or HH:MM:SS") from error


def _datetime(value: object, path: str) -> dt.datetime | None:
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _DATETIME.fullmatch(text):
            raise ValueError(text)
        return dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError(
            path, f"{_show(value)} is not a date and time written YYYY-MM-DDTHH:MM:SS, with an optional offset"
        ) from error


# ---------------------------------------------------------------- writing


def report_to_document(report: Report) -> Json:
    """The JSON document of a .minutes file for ``report``."""
    title = report.title
    title_obj: Json = {
        "meeting": title.meeting,
        "subtitle": title.subtitle,
        "date": title.date.isoformat() if title.date else None,
        "start_time": _time_text(title.start_time),
        "end_time": _time_text(title.end_time),
        "timezone": title.timezone,
        "location": title.location,
        "status": title.status,
    }
    body: Json = {
        "language": report.language,
        "title": title_obj,
        "sections": [_section_obj(section) for section in report.sections],
        "footnotes": [{"id": note.id, "content": _inlines_obj(list(note.content))} for note in report.footnotes],
        "author": report.author,
        "created": _datetime_text(report.created),
        "modified": _datetime_text(report.modified),
        "template": report.template,
    }
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": body}


def _datetime_text(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is not None and offset.microseconds:
        # Offsets are kept to the second: Python 3.11 misreads a fraction of
        # a second in an offset ("+00:00:00.000001" comes back as UTC).
        value = value.replace(tzinfo=dt.timezone(dt.timedelta(seconds=int(offset.total_seconds()))))
    return value.isoformat()


def _time_text(value: dt.time | None) -> str | None:
    if value is None:
        return None
    whole_minutes = value.second == 0 and value.microsecond == 0
    return value.isoformat(timespec="minutes") if whole_minutes else value.isoformat()


def _section_obj(section: Section) -> Json:
    obj: Json = {"kind": section.kind.value, "heading": section.heading, "level": section.level}
    obj["blocks"] = [_block_obj(block) for block in section.blocks]
    if section.kind is SectionKind.PARTICIPATION:
        obj["participants"] = [_participant_obj(item) for item in section.participants]
    if section.kind is SectionKind.DISCUSSION:
        obj["sessions"] = [
            {"title": session.title, "goals": list(session.goals), "blocks": [_block_obj(b) for b in session.blocks]}
            for session in section.sessions
        ]
    return obj


def _participant_obj(participant: Participant) -> Json:
    obj: Json = {"name": participant.name}
    if participant.code:
        obj["code"] = participant.code
    return obj


def _block_obj(block: Block) -> Json:
    obj: Json = {"type": block.kind.value}
    if block.kind is BlockKind.BULLET:
        obj["level"] = block.level
    obj["content"] = _inlines_obj(block.content)
    return obj


def _inlines_obj(content: list[Inline]) -> list[Json]:
    result: list[Json] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            result.append({"footnote": item.footnote_id})
            continue
        obj: Json = {"text": item.text}
        for flag in ("bold", "italic", "underline"):
            if getattr(item, flag):
                obj[flag] = True
        result.append(obj)
    return result


def report_to_bytes(report: Report) -> bytes:
    """The bytes of a .minutes file: indented UTF-8 JSON, readable and diff-friendly.

    Text that UTF-8 cannot encode (halves of UTF-16 surrogate pairs, which a
    paste through Qt can leave) is mended: a pair split into two code points
    is joined into its character, a lone half becomes U+FFFD.
    """
    text = json.dumps(report_to_document(report), ensure_ascii=False, indent=1) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        mended = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return mended.encode("utf-8")


def save_report(report: Report, path: Path, *, keep_backup: bool = True) -> None:
    """Write ``report`` to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    The bytes are read back before anything touches the disk, so a report
    this program could not open again is never written. Raises
    storage.atomic.WriteError with a readable message on any failure (the
    disk, the folder, or a report that breaks the format, such as a
    reference to a missing footnote); the file on disk is then unchanged.
    """
    path = Path(path)
    data = report_to_bytes(report)
    try:
        report_from_bytes(data)
    except ReportFileError as error:
        raise WriteError(f"Cannot save {path.name}: {error}. Nothing was written.") from error
    atomic_write_bytes(path, data, keep_backup=keep_backup)
