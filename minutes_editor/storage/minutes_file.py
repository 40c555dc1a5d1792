"""The ``.minutes`` file: a report as UTF-8 JSON with a format name and a schema version.

Loading checks every field and names the first bad one with its path
(``sections[3].blocks[2].level: 7 is not between 1 and 3``); a file written
by a newer version is refused whole. Older versions are migrated step by
step (``MIGRATIONS``). Saving is atomic and keeps ``NAME.minutes.bak``.
See docs/file-format.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes_editor.errors import FILE_EMPTY, FILE_MISSING, NO_PERMISSION
from minutes_editor.model.report import (
    Block,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.rules import level_allowed
from minutes_editor.phrases import Phrase
from minutes_editor.storage import messages as m
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes
from minutes_editor.storage.block_fields import (
    _block_format_change,
    _blocks,
    _change,
    _format_change,
    _inlines,
    _mark,
)
from minutes_editor.storage.encoder import FORMAT_NAME, FORMAT_VERSION, report_to_bytes
from minutes_editor.storage.field_checks import (
    InvalidFieldError,
    NewerVersionError,
    ReportFileError,
    _bool,
    _date,
    _datetime,
    _enum,
    _id,
    _identifier,
    _int,
    _items,
    _keys,
    _language,
    _section_level,
    _show,
    _str,
    _time,
    _type_name,
)
from minutes_editor.storage.files import FileTooLargeError, NotRegularFileError, read_regular
from minutes_editor.storage.migrations import MIGRATIONS
from minutes_editor.storage.strict_json import DuplicateKeyError, refuse_duplicate_keys

__all__ = [
    "COMMENT_FIELDS",
    "FIELD_VALUES",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MIGRATIONS",
    "SUFFIX",
    "InvalidFieldError",
    "NewerVersionError",
    "ReportFileError",
    "load_report",
    "read_block_format_change",
    "read_blocks",
    "read_change",
    "read_comments",
    "read_field_changes",
    "read_footnote",
    "read_format_change",
    "read_id",
    "read_report",
    "read_section",
    "read_session",
    "read_title",
    "report_from_bytes",
    "report_from_document",
    "report_to_bytes",
    "save_report",
]

SUFFIX = ".minutes"
#: Larger files are refused before parsing. The reference report takes
#: 20 kB and a report 100 times its size 2 MB; a hostile file of small
#: nested lists can take 20 times its size in memory as Python objects.
MAX_FILE_BYTES = 16 * 1024 * 1024

Json = dict[str, Any]
# MIGRATIONS (storage/migrations.py) take the file's JSON from version N to N + 1; _migrate applies them in turn.


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
    content = _inlines(obj["content"], f"{path}.content", no_notes=m.NOTE_IN_NOTE)
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
            for r_index, row in enumerate(block.table.rows if block.table is not None else []):
                for c_index, cell in enumerate(row):
                    for i_index, span in enumerate(cell):
                        _check_comment_ids(
                            span, f"{where}[{b_index}].table.rows[{r_index}][{c_index}][{i_index}]", comments
                        )
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
