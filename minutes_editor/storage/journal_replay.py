"""Replaying a recovery journal on its snapshot: the report as it was when the editor stopped.

The journal's format is told in ``storage/journal.py`` (which writes it) and
docs/file-format.md. Each line is applied all or nothing; each part it
carries is read with the ``.minutes`` loader's own checks; the replayed
report must load as its saved file would. A journal of another snapshot
adds nothing, a last line cut short is ignored, and a damaged line stops
the replay there. Nothing here imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutes_editor.model.report import Block, Comment, FieldChange, Footnote, Report, Section, Session
from minutes_editor.storage.encoder import FORMAT_NAME, FORMAT_VERSION, report_to_bytes, shell
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.journal import (
    JOURNAL_FORMAT,
    JOURNAL_VERSION,
    MAX_JOURNAL_BYTES,
    SUFFIX,
    TITLE_KEY,
    Json,
    Order,
    digest,
)
from minutes_editor.storage.minutes_file import (
    ReportFileError,
    read_blocks,
    read_comments,
    read_field_changes,
    read_footnote,
    read_report,
    read_section,
    read_session,
    read_title,
    report_from_bytes,
)
from minutes_editor.storage.strict_json import refuse_duplicate_keys


@dataclass
class Replay:
    """A recovery snapshot with its journal replayed."""

    report: Report
    #: Lines of changes applied.
    applied: int = 0
    #: Where the user was: section index (-1 for the title block), session index or None, cursor position.
    where: tuple[int, int | None, int] | None = None
    #: Why some of the journal was left out (a damaged line), in English; None when all of it was used.
    problem: str | None = None
    #: Whether a last line cut short by the crash was ignored.
    torn: bool = False


class JournalError(ValueError):
    """A journal line that cannot be applied."""


@dataclass
class _Part:
    fields: Section | Session
    blocks: list[Block]


class _State:
    """The report being rebuilt: parts by key, their order, the notes; each change undoable within its line."""

    def __init__(self, report: Report, order: Order) -> None:
        self.report_fields = report
        self.parts: dict[int, _Part] = {}
        if [len(sessions) for _key, sessions in order] != [len(section.sessions) for section in report.sections]:
            raise JournalError("its header does not describe the recovery file's sections and sessions")
        for (key, session_keys), section in zip(order, report.sections, strict=True):
            self.parts[key] = _Part(shell(section, blocks=[], sessions=[]), list(section.blocks))
            for session_key, session in zip(session_keys, section.sessions, strict=True):
                self.parts[session_key] = _Part(shell(session, blocks=[]), list(session.blocks))
        self.order = order
        self.notes: dict[str, Footnote] = {note.id: note for note in report.footnotes}
        self.note_ids = [note.id for note in report.footnotes]
        self.where: tuple[int, int] | None = None
        self.comments: list[Comment] = report.comments
        self.field_changes: list[FieldChange] = report.field_changes
        self._undo: list[Callable[[], None]] = []

    def _set(self, name: str, value: object) -> None:
        old = getattr(self, name)
        self._undo.append(lambda: setattr(self, name, old))
        setattr(self, name, value)

    def _set_part(self, key: int, part: _Part | None) -> None:
        old = self.parts.get(key)

        def undo() -> None:
            if old is None:
                self.parts.pop(key, None)
            else:
                self.parts[key] = old

        self._undo.append(undo)
        if part is None:
            self.parts.pop(key, None)
        else:
            self.parts[key] = part

    def _set_note(self, note: Footnote) -> None:
        old = self.notes.get(note.id)

        def undo() -> None:
            if old is None:
                self.notes.pop(note.id, None)
            else:
                self.notes[note.id] = old

        self._undo.append(undo)
        self.notes[note.id] = note

    def apply_line(self, changes: list[Json], where: str) -> None:
        """Apply one line's changes, all or none."""
        self._undo = []
        try:
            for index, change in enumerate(changes):
                self._apply(change, f"{where}, change {index + 1}")
        except JournalError:
            for undo in reversed(self._undo):
                undo()
            raise
        finally:
            self._undo = []

    def _apply(self, change: Json, where: str) -> None:
        if not isinstance(change, dict):
            raise JournalError(f"{where}: not an object")
        kind = change.get("t")
        try:
            if kind == "body":
                self._apply_body(change, where)
            elif kind in {"section", "session"}:
                key = _key(change.get("key"), where)
                part = self.parts.get(key)
                blocks = part.blocks if part is not None else []
                read = read_section if kind == "section" else read_session
                value = change.get(kind)
                if isinstance(value, dict) and "blocks" in value:
                    raise JournalError(f"{where}: a part's fields carry no body")
                fields = read(value, f"{where}.{kind}")
                self._set_part(key, _Part(fields, blocks))
            elif kind == "order":
                self._apply_order(change, where)
            elif kind == "report":
                self._apply_report(change, where)
            elif kind == "note":
                note = read_footnote({key: value for key, value in change.items() if key != "t"}, where)
                self._set_note(note)
            elif kind == "notes":
                ids = change.get("ids")
                if not isinstance(ids, list) or not all(isinstance(item, str) and item in self.notes for item in ids):
                    raise JournalError(f"{where}: the footnotes listed are not all known")
                self._set("note_ids", list(ids))
            elif kind == "where":
                key = _count(change.get("key"), where)
                self._set("where", (key, _count(change.get("pos"), where)))
            elif kind == "comments":
                self._set("comments", read_comments(change.get("comments"), f"{where}.comments"))
            elif kind == "field_changes":
                self._set("field_changes", read_field_changes(change.get("changes"), f"{where}.changes"))
            else:
                raise JournalError(f"{where}: unknown change {kind!r}")
        except ReportFileError as error:
            raise JournalError(f"{where}: {error}") from error

    def _apply_body(self, change: Json, where: str) -> None:
        key = _key(change.get("key"), where)
        part = self.parts.get(key)
        if part is None:
            raise JournalError(f"{where}: no part has the key {key}")
        at, removed = _count(change.get("at"), where), _count(change.get("del"), where)
        if at + removed > len(part.blocks):
            raise JournalError(f"{where}: the paragraphs replaced are not in the body")
        inserted = read_blocks(change.get("ins"), f"{where}.ins")
        self._set_part(key, _Part(part.fields, part.blocks[:at] + inserted + part.blocks[at + removed :]))

    def _apply_order(self, change: Json, where: str) -> None:
        parts = change.get("parts")
        order: Order = []
        seen: set[int] = set()
        if not isinstance(parts, list):
            raise JournalError(f"{where}: the order is not a list")
        for item in parts:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], list)):
                raise JournalError(f"{where}: not a section and its sessions")
            key = _key(item[0], where)
            sessions = [_key(session, where) for session in item[1]]
            for each, expected in [(key, Section), *((session, Session) for session in sessions)]:
                part = self.parts.get(each)
                if part is None or not isinstance(part.fields, expected) or each in seen:
                    raise JournalError(f"{where}: the key {each} is not a part of that kind, or is listed twice")
                seen.add(each)
            order.append((key, sessions))
        self._set("order", order)

    def _apply_report(self, change: Json, where: str) -> None:
        language = change.get("language")
        if not isinstance(language, str):
            raise JournalError(f"{where}: the language is not text")
        title = read_title(change.get("title"), f"{where}.title")
        document: Json = {
            "language": language,
            "title": {},
            "sections": [],
            **{name: change[name] for name in ("author", "created", "modified", "template") if name in change},
        }
        fields = report_from_bytes(
            json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": document}).encode("utf-8")
        )
        fields.title = title
        self._set("report_fields", fields)

    def report(self) -> Report:
        """The report as the changes so far leave it (not yet checked as a whole)."""
        fields = self.report_fields
        sections = []
        for key, session_keys in self.order:
            part = self.parts[key]
            sessions = [
                shell(self.parts[session].fields, blocks=list(self.parts[session].blocks)) for session in session_keys
            ]
            sections.append(shell(part.fields, blocks=list(part.blocks), sessions=sessions))
        notes = [self.notes[note_id] for note_id in self.note_ids]
        report: Report = shell(
            fields, sections=sections, footnotes=notes, comments=self.comments, field_changes=self.field_changes
        )
        return report

    def where_indices(self) -> tuple[int, int | None, int] | None:
        """The recorded place as indices into the report's sections and sessions."""
        if self.where is None:
            return None
        key, position = self.where
        if key == TITLE_KEY:
            return (-1, None, 0)
        for section_index, (section_key, session_keys) in enumerate(self.order):
            if section_key == key:
                return (section_index, None, position)
            if key in session_keys:
                return (section_index, session_keys.index(key), position)
        return None


def _count(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise JournalError(f"{where}: {value!r} is not a place in the report")
    return value


def _key(value: object, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise JournalError(f"{where}: {value!r} is not a part's key")
    return value


def replay(snapshot: bytes, journal: bytes | None, *, base: Report | None = None) -> Replay:
    """The report of a recovery snapshot with its journal replayed; raises ReportFileError for a bad snapshot.

    A journal that does not continue this snapshot (an older one, or none)
    adds nothing. A damaged line stops the replay before it (``problem``
    says where); a last line cut short is ignored (``torn``). ``base`` is the snapshot's report if
    already read.
    """
    if base is None:
        base = report_from_bytes(snapshot)
    if not journal:
        return Replay(base)
    pieces = journal.split(b"\n")
    lines, tail = pieces[:-1], pieces[-1]
    torn = bool(tail.strip())
    try:
        header = json.loads(lines[0], object_pairs_hook=refuse_duplicate_keys) if lines else None
    except ValueError:
        header = None
    if (
        not isinstance(header, dict)
        or header.get("format") != JOURNAL_FORMAT
        or header.get("snapshot") != digest(snapshot)
    ):
        # Another snapshot's journal (the crash came between a snapshot and the journal's new start),
        # or a header cut short: the snapshot holds everything the journal could add.
        return Replay(base, torn=torn and len(lines) == 0)
    if header.get("version") != JOURNAL_VERSION:
        version = header.get("version")
        return Replay(base, problem=f"the journal is of version {version!r}, which this version cannot read")
    try:
        state = _State(base, _header_order(header.get("parts")))
    except JournalError as error:
        return Replay(base, problem=f"the journal cannot be used: {error}")
    applied = 0
    problem = None
    for number, raw in enumerate(lines[1:], start=2):
        where = f"line {number}"
        try:
            line = json.loads(raw.decode("utf-8"), object_pairs_hook=refuse_duplicate_keys)
            if not isinstance(line, dict) or not isinstance(line.get("changes"), list):
                raise JournalError(f"{where}: not a line of changes")
            state.apply_line(line["changes"], where)
        except (ValueError, RecursionError) as error:  # JournalError, JSON and UTF-8 errors are ValueErrors
            said = str(error) if isinstance(error, JournalError) else f"{where}: {error}"
            problem = f"{said}; the lines from there on were left out"
            break
        applied += 1
    report = state.report()
    try:
        # What is restored must load as its saved file would (and is a copy no edit of the replay shares).
        report = report_from_bytes(report_to_bytes(report))
    except ReportFileError as error:
        return Replay(base, problem=f"the journal's changes do not make a valid report ({error}); none were used")
    return Replay(report, applied, state.where_indices(), problem, torn)


def _header_order(value: object) -> Order:
    if not isinstance(value, list):
        raise JournalError("its header lists no parts")
    order: Order = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], list)):
            raise JournalError("its header lists a part badly")
        order.append((_key(item[0], "header"), [_key(session, "header") for session in item[1]]))
    return order


def read_recovery(snapshot_path: Path, journal_path: Path | None = None) -> Replay:
    """Read a recovery snapshot and replay its journal (``NAME.journal`` beside it unless given)."""
    base, snapshot = read_report(Path(snapshot_path))
    journal_path = Path(journal_path) if journal_path is not None else Path(snapshot_path).with_suffix(SUFFIX)
    try:
        # Through the one door for reading: a pipe or device in the journal's place is left out at once.
        journal = read_regular(journal_path, MAX_JOURNAL_BYTES)
    except (OSError, ValueError):  # no journal, or not one we wrote (a folder, a pipe, far too large)
        journal = None
    return replay(snapshot, journal, base=base)
