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
from pathlib import Path
from typing import Any, TypeVar

from minutes_editor.errors import FILE_EMPTY, FILE_MISSING, NO_PERMISSION, UserFileError
from minutes_editor.model.language import MAX_TAG_LENGTH, is_language_tag
from minutes_editor.model.report import (
    EARLIEST_STAMP,
    LATEST_STAMP,
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
    stamp_in_range,
)
from minutes_editor.model.rules import level_allowed
from minutes_editor.phrases import Phrase, Value
from minutes_editor.storage import messages as m
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes
from minutes_editor.storage.encoder import FORMAT_NAME, FORMAT_VERSION, report_to_bytes
from minutes_editor.storage.files import FileTooLargeError, NotRegularFileError, read_regular
from minutes_editor.storage.strict_json import DuplicateKeyError, refuse_duplicate_keys

SUFFIX = ".minutes"
#: Larger files are refused before parsing. The reference report takes
#: 20 kB and a report 100 times its size 2 MB; a hostile file of small
#: nested lists can take 20 times its size in memory as Python objects.
MAX_FILE_BYTES = 16 * 1024 * 1024

Json = dict[str, Any]
#: Migrations from version N to N + 1, applied in turn to the file's JSON.
MIGRATIONS: dict[int, Callable[[Json], Json]] = {}


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
        raise InvalidFieldError.at(f"{path}.level", m.ONLY_BULLET, kind=str(kind))
    level = _int(obj.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL)
    return Block(kind=kind, content=_inlines(obj.get("content", []), f"{path}.content"), level=level)


def _inlines(value: object, path: str, *, notes_allowed: bool = True) -> list[Inline]:
    result: list[Inline] = []
    for i, item in _items(value, path):
        where = f"{path}[{i}]"
        if isinstance(item, dict) and "footnote" in item:
            if not notes_allowed:
                raise InvalidFieldError.at(where, m.NOTE_IN_NOTE)
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
            raise InvalidFieldError.at(
                f"footnotes[{index}].id", m.DUPLICATE_ID, id=repr(note.id), other=f"footnotes[{seen[note.id]}]"
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
                        raise InvalidFieldError.at(
                            f"{where}[{b_index}].content[{i_index}].footnote",
                            m.NO_SUCH_FOOTNOTE,
                            id=repr(item.footnote_id),
                        )


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


def _keys(value: object, path: str, *, required: set[str], optional: set[str]) -> Json:
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
