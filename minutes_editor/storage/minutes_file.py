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
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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
from minutes_editor.storage.atomic import atomic_write_bytes

FORMAT_NAME = "minutes-editor-report"
FORMAT_VERSION = 1
SUFFIX = ".minutes"
#: Larger files are refused before parsing: no real report comes near it.
MAX_FILE_BYTES = 256 * 1024 * 1024

Json = dict[str, Any]
#: Migrations from version N to N + 1, applied in turn to the file's JSON.
MIGRATIONS: dict[int, Callable[[Json], Json]] = {}


class ReportFileError(ValueError):
    """A .minutes file could not be read; ``str()`` is the message for the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.detail = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path.name}: {self.detail}" if self.path else self.detail


class NewerVersionError(ReportFileError):
    """The file was written by a newer Minutes Editor than this one."""


class InvalidFieldError(ReportFileError):
    """A field holds a value the format does not allow."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


# ---------------------------------------------------------------- reading


def load_report(path: Path) -> Report:
    """Read and validate a .minutes file; raise ReportFileError saying what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReportFileError(f"the file is {size // 2**20} MB, larger than any report can be", path)
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ReportFileError("the file does not exist", path) from error
    except IsADirectoryError as error:
        raise ReportFileError("this is a folder, not a report file", path) from error
    except PermissionError as error:
        raise ReportFileError("you do not have permission to read this file", path) from error
    try:
        return report_from_bytes(data)
    except ReportFileError as error:
        error.path = path
        raise


def report_from_bytes(data: bytes) -> Report:
    """Parse the bytes of a .minutes file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFileError(f"not a Minutes Editor file: not UTF-8 text (byte {error.start})") from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportFileError(
            f"the file is damaged: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    except RecursionError as error:
        raise ReportFileError("the file is damaged: nesting too deep") from error
    return report_from_document(document)


def report_from_document(document: object) -> Report:
    """Validate a parsed .minutes document (format, version, report) and build the Report."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ReportFileError(f'not a Minutes Editor file (no "format": "{FORMAT_NAME}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidFieldError("version", f"{_show(version)} is not a format version")
    if version > FORMAT_VERSION:
        raise NewerVersionError(
            f"written by a newer Minutes Editor (file format version {version}; this version "
            f"reads up to {FORMAT_VERSION}). Update Minutes Editor to open it; the file was not changed."
        )
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    _keys(document, "", required={"format", "version", "report"}, optional=set())
    return _report(document["report"])


def _report(value: object) -> Report:
    obj = _keys(
        value,
        "report",
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
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
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
            raise InvalidFieldError(_join(path, key), "is not a field of this format version")
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(value: object, path: str) -> list[tuple[int, Any]]:
    if not isinstance(value, list):
        raise InvalidFieldError(path, f"expected a list, found {_type_name(value)}")
    return list(enumerate(value))


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidFieldError(path, f"expected text, found {_type_name(value)}")
    return value


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidFieldError(path, f"expected true or false, found {_show(value)}")
    return value


def _int(value: object, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidFieldError(path, f"expected a whole number, found {_show(value)}")
    if not low <= value <= high:
        raise InvalidFieldError(path, f"{value} is not between {low} and {high}")
    return value


_E = TypeVar("_E", BlockKind, SectionKind)


def _enum(cls: type[_E], value: object, path: str) -> _E:
    choices = ", ".join(member.value for member in cls)
    if not isinstance(value, str) or value not in {member.value for member in cls}:
        raise InvalidFieldError(path, f"{_show(value)} is not one of {choices}")
    return cls(value)


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


def _date(value: object, path: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(_str(value, path))
    except ValueError as error:
        raise InvalidFieldError(path, f"{_show(value)} is not a date written YYYY-MM-DD") from error


def _time(value: object, path: str) -> dt.time | None:
    if value is None:
        return None
    try:
        return dt.time.fromisoformat(_str(value, path))
    except ValueError as error:
        raise InvalidFieldError(path, f"{_show(value)} is not a time written HH:MM") from error


def _datetime(value: object, path: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(_str(value, path))
    except ValueError as error:
        raise InvalidFieldError(path, f"{_show(value)} is not a date and time in ISO 8601") from error


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
        "created": report.created.isoformat() if report.created else None,
        "modified": report.modified.isoformat() if report.modified else None,
        "template": report.template,
    }
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": body}


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
    """The bytes of a .minutes file: indented UTF-8 JSON, readable and diff-friendly."""
    text = json.dumps(report_to_document(report), ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def save_report(report: Report, path: Path, *, keep_backup: bool = True) -> None:
    """Write ``report`` to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    Raises storage.atomic.WriteError with a readable message on failure; the
    file on disk is then unchanged.
    """
    atomic_write_bytes(Path(path), report_to_bytes(report), keep_backup=keep_backup)
