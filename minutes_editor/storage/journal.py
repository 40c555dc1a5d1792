"""The recovery journal: every edit on disk within a quarter of a second, as plain JSON lines.

A recovery snapshot (a compact .minutes file, ``encoder.recovery_bytes``)
is written now and then; between two snapshots each change to the report
is appended to a journal beside it, flushed and synced. After a crash the
snapshot is read and the journal replayed on top of it.

The journal is UTF-8 text, one JSON object a line, never compressed, so a
person can rescue their words from it with any text editor. Its first line
(the header) names the snapshot it continues by the SHA-256 of the
snapshot's bytes, and numbers the snapshot's sections and sessions with
keys. Every later line is one batch of changes, written at once:

- ``{"t": "report", ...}``: the title block and the report's own fields;
- ``{"t": "section", "key": K, "section": {...}}`` and
  ``{"t": "session", "key": K, "session": {...}}``: a part's fields (heading,
  level, participants; title, goals), as a .minutes file writes them, without
  the body;
- ``{"t": "order", "parts": [[K, [K, ...]], ...]}``: which sections, with which
  sessions, in which order;
- ``{"t": "body", "key": K, "at": I, "del": N, "ins": [blocks]}``: paragraphs
  ``I`` to ``I + N`` of a body replaced by ``blocks``;
- ``{"t": "note", "id": ID, "content": [...]}`` and ``{"t": "notes", "ids": [...]}``:
  a footnote's text, and which footnotes the report has, in order;
- ``{"t": "where", "key": K, "pos": P}``: the part shown (key 0 is the title
  block) and the cursor in its body.

A snapshot written after the journal's start makes the journal stale: its
header no longer names the snapshot on disk, and the replay ignores it (the
snapshot holds all its changes). A last line cut short by the crash has no
newline and is ignored; a damaged line stops the replay there, keeping what
came before it. Every line is read with the .minutes loader's own checks,
and the replayed report must load as a .minutes file would.

``JournalRecorder`` turns the report's changes since its last call into one
line, comparing by identity: the window never changes a list of the report
in place except the lists of sections and sessions (the model's operations,
model/operations.py, which its commands and body store apply, replace a
body's paragraphs, a part's participants or goals, a note's text with new
lists), so a list that is the same object as last
time is unchanged, and a tick in a report of thousands of paragraphs looks
at each part once, not at each paragraph. The window fuzzer checks this at
every step by replaying the journal. ``JournalFile`` appends and syncs; it is used from one worker
thread. Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_editor.model.report import Block, Footnote, Report, Section, Session, TitleBlock
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes
from minutes_editor.storage.encoder import (
    block_json,
    datetime_text,
    inlines_object,
    report_to_bytes,
    report_to_document,
    section_object,
    shell,
    utf8,
)
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.minutes_file import (
    ReportFileError,
    read_blocks,
    read_footnote,
    read_report,
    read_section,
    read_session,
    read_title,
    report_from_bytes,
)
from minutes_editor.storage.strict_json import refuse_duplicate_keys

JOURNAL_FORMAT = "minutes-editor-journal"
JOURNAL_VERSION = 1
SUFFIX = ".journal"
#: A journal is replaced by a snapshot past 4 MB (gui/recovery.py): one far larger is not ours, and is not read.
MAX_JOURNAL_BYTES = 256 * 1024 * 1024
#: The key of the title block in ``where`` records (sections and sessions have keys from 1).
TITLE_KEY = 0
#: What the header tells a person who opens the file.
ABOUT = (
    "Minutes Editor's recovery journal. Each line after this one is a change to the report in the recovery "
    'file of the same name ending in .minutes; body text is under "ins".'
)

Json = dict[str, Any]
#: The keys of a report's parts: each section's key with its sessions' keys.
Order = list[tuple[int, list[int]]]


def digest(data: bytes) -> str:
    """The SHA-256 of a snapshot's bytes, which names it in its journal's header."""
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ writing


class JournalRecorder:
    """Turns what changed in a report since the last call into one journal line.

    ``start`` begins a journal for a snapshot of the report as it is now and
    returns the header (without the snapshot's digest, which the writer adds
    once the snapshot's bytes exist); ``changes`` returns the next line, or
    None when nothing changed. Parts are known by identity: each section and
    session object gets a key the first time it is seen.
    """

    def __init__(self) -> None:
        # By id() of each section and session: [the part, its key, its blocks list as last recorded, a copy of
        # that list, then its fields (section: heading, level, participants, kind; session: title, goals)].
        self._parts: dict[int, list[Any]] = {}
        self._next_key = 1
        self._order: Order = []
        self._shape: list[tuple[Section, tuple[Session, ...]]] = []
        self._report_fields: object = None
        self._notes: dict[str, object] = {}
        self._note_ids: list[str] = []
        self._where: tuple[int, int] | None = None
        self._lines = 0
        self.bytes_written = 0

    @property
    def lines(self) -> int:
        """Lines of changes since ``start``."""
        return self._lines

    def key(self, part: Section | Session) -> int:
        """The key of a section or session (new ones get the next key)."""
        key: int = self._state(part)[1]
        return key

    def _state(self, part: Section | Session) -> list[Any]:
        state = self._parts.get(id(part))
        if state is None or state[0] is not part:
            # Never recorded: no blocks and no fields yet, so the next look writes them all.
            state = [part, self._next_key, None, [], None, None, None, None]
            self._next_key += 1
            self._parts[id(part)] = state
        return state

    def start(self, report: Report) -> Json:
        """Begin a journal continuing a snapshot of ``report`` as it is now; returns its header."""
        self._parts = {}
        self._next_key = 1
        self._order = self._order_of(report)
        self._shape = _shape(report)
        for section in report.sections:
            _record_section(self._state(section))
            for session in section.sessions:
                _record_session(self._state(session))
        self._report_fields = _report_fields(report)
        self._notes = {note.id: _note_fields(note) for note in report.footnotes}
        self._note_ids = [note.id for note in report.footnotes]
        self._where = None
        self._lines = 0
        self.bytes_written = 0
        return {
            "format": JOURNAL_FORMAT,
            "version": JOURNAL_VERSION,
            "about": ABOUT,
            "snapshot": None,
            "parts": [[key, sessions] for key, sessions in self._order],
        }

    def _order_of(self, report: Report) -> Order:
        return [(self.key(section), [self.key(session) for session in section.sessions]) for section in report.sections]

    def changes(self, report: Report, where: tuple[object, int] | None = None) -> str | None:
        """One journal line (with its newline) for what changed since the last call, or None."""
        changes: list[Json] = []
        fields = _report_fields(report)
        if fields != self._report_fields:
            self._report_fields = fields
            changes.append({"t": "report", **_report_object(report)})
        notes = report.footnotes
        for note in notes:
            content = _note_fields(note)
            if self._notes.get(note.id) != content:
                self._notes[note.id] = content
                changes.append({"t": "note", "id": note.id, "content": inlines_object(list(note.content))})
        note_ids = [note.id for note in notes]
        if note_ids != self._note_ids:
            self._note_ids = note_ids
            changes.append({"t": "notes", "ids": note_ids})
        bodies: list[str] = []
        parts = self._parts
        # One look at each part, by identity (see the module's docstring): a tick in a report of a thousand
        # parts stays well under a millisecond.
        for section in report.sections:
            state = parts.get(id(section))
            if (
                state is None
                or state[0] is not section
                or section.blocks is not state[2]
                or section.heading != state[4]
                or section.level != state[5]
                or section.participants is not state[6]
                or section.kind is not state[7]
            ):
                self._section_changes(section, changes, bodies)
            for session in section.sessions:
                state = parts.get(id(session))
                if (
                    state is None
                    or state[0] is not session
                    or session.blocks is not state[2]
                    or session.title != state[4]
                    or session.goals is not state[5]
                ):
                    self._session_changes(session, changes, bodies)
        shape = _shape(report)
        if shape != self._shape:  # compares the parts by identity first: fast when nothing moved
            self._shape = shape
            order = self._order_of(report)
            if order != self._order:
                self._order = order
                changes.append({"t": "order", "parts": [[key, sessions] for key, sessions in order]})
        if where is not None:
            part, position = where
            key = TITLE_KEY if isinstance(part, TitleBlock) else self.key(part)  # type: ignore[arg-type]
            if (key, position) != self._where:
                self._where = (key, position)
                changes.append({"t": "where", "key": key, "pos": position})
        if not changes and not bodies:
            return None
        # Body records carry their paragraphs as compact JSON made once per paragraph (encoder.block_json).
        text = json.dumps(changes, ensure_ascii=False, separators=(",", ":"))
        if bodies:
            text = text[:-1] + ("," if changes else "") + ",".join(bodies) + "]"
        self._lines += 1
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        line = f'{{"n":{self._lines},"time":"{stamp}","changes":{text}}}\n'
        self.bytes_written += len(line)
        return line

    def _section_changes(self, section: Section, changes: list[Json], bodies: list[str]) -> None:
        state = self._state(section)
        if (section.heading, section.level, section.kind) != (state[4], state[5], state[7]) or (
            section.participants is not state[6]
        ):
            obj = section_object(shell(section, blocks=[], sessions=[]))
            del obj["blocks"]
            obj.pop("sessions", None)
            changes.append({"t": "section", "key": state[1], "section": obj})
        self._body_changes(section, state, bodies)
        _record_section(state)

    def _session_changes(self, session: Session, changes: list[Json], bodies: list[str]) -> None:
        state = self._state(session)
        if session.title != state[4] or session.goals is not state[5]:
            fields = {"title": session.title, "goals": list(session.goals)}
            changes.append({"t": "session", "key": state[1], "session": fields})
        self._body_changes(session, state, bodies)
        _record_session(state)

    @staticmethod
    def _body_changes(part: Section | Session, state: list[Any], bodies: list[str]) -> None:
        blocks = part.blocks
        if blocks is state[2]:
            return
        known: list[Block] = state[3]
        start = 0
        end_known, end_now = len(known), len(blocks)
        while start < end_known and start < end_now and known[start] is blocks[start]:
            start += 1
        while end_known > start and end_now > start and known[end_known - 1] is blocks[end_now - 1]:
            end_known -= 1
            end_now -= 1
        if start == end_known and start == end_now:
            return  # a new list with the same paragraphs
        inserted = ",".join(block_json(block) for block in blocks[start:end_now])
        bodies.append(f'{{"t":"body","key":{state[1]},"at":{start},"del":{end_known - start},"ins":[{inserted}]}}')


def _record_section(state: list[Any]) -> None:
    section: Section = state[0]
    state[2:] = [
        section.blocks,
        list(section.blocks),
        section.heading,
        section.level,
        section.participants,
        section.kind,
    ]


def _record_session(state: list[Any]) -> None:
    session: Session = state[0]
    state[2:] = [session.blocks, list(session.blocks), session.title, session.goals, None, None]


def _shape(report: Report) -> list[tuple[Section, tuple[Session, ...]]]:
    return [(section, tuple(section.sessions)) for section in report.sections]


def _note_fields(note: Footnote) -> object:
    return tuple((span.text, span.bold, span.italic, span.underline) for span in note.content)


def _report_fields(report: Report) -> object:
    return (report.language, shell(report.title), report.author, report.created, report.modified, report.template)


def _report_object(report: Report) -> Json:
    whole = report_to_document(shell(report, sections=[], footnotes=[]))["report"]
    return {
        "language": whole["language"],
        "title": whole["title"],
        "author": whole["author"],
        "created": datetime_text(report.created),
        "modified": datetime_text(report.modified),
        "template": whole["template"],
    }


class JournalFile:
    """A journal on disk: started afresh with a header, then appended to, each append flushed and synced.

    Use it from one thread (the autosave's worker). A write that fails raises WriteError; the caller
    starts the journal again (after a new snapshot) so that no line is lost between two good ones.
    """

    def __init__(self, path: Path, *, sync: Callable[[int], None] = os.fdatasync) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._sync = sync

    def start(self, header: Json) -> None:
        """Replace the journal with one holding only ``header`` (atomically)."""
        self.close()
        data = (json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        atomic_write_bytes(self.path, data, keep_backup=False)
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            raise WriteError(f"Cannot write the recovery journal {self.path}: {error.strerror}.") from error

    @property
    def started(self) -> bool:
        """Whether the journal is open for appending."""
        return self._fd is not None

    def append(self, line: str) -> None:
        """Append one line (ending in a newline) and sync it to the disk."""
        if self._fd is None:
            raise WriteError(f"The recovery journal {self.path} was not started.")
        data = utf8(line)
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            self._sync(self._fd)
        except OSError as error:
            self.close()
            raise WriteError(f"Cannot write the recovery journal {self.path}: {error.strerror}.") from error

    def close(self) -> None:
        """Close the file (it stays on disk)."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                os.close(fd)

    def remove(self) -> None:
        """Close and delete the journal."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


# ------------------------------------------------------------------ replaying


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
                note = read_footnote({"id": change.get("id"), "content": change.get("content")}, where)
                self._set_note(note)
            elif kind == "notes":
                ids = change.get("ids")
                if not isinstance(ids, list) or not all(isinstance(item, str) and item in self.notes for item in ids):
                    raise JournalError(f"{where}: the footnotes listed are not all known")
                self._set("note_ids", list(ids))
            elif kind == "where":
                key = _count(change.get("key"), where)
                self._set("where", (key, _count(change.get("pos"), where)))
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
            json.dumps({"format": "minutes-editor-report", "version": 1, "report": document}).encode("utf-8")
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
        report: Report = shell(fields, sections=sections, footnotes=notes)
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


def journal_header(header: Json, snapshot: bytes) -> Json:
    """``header`` (from ``JournalRecorder.start``) naming the snapshot whose bytes are ``snapshot``."""
    return {**header, "snapshot": digest(snapshot)}
