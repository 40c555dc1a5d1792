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
  block) and the cursor in its body;
- ``{"t": "comments", "comments": [...]}`` and ``{"t": "field_changes", "changes": [...]}``:
  the reviewers' comments and pending field changes, whole, as a .minutes file
  writes them.

Sections, sessions and paragraphs carry their ids in their records, so a
restore gives them back with the ids they had.

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
every step by replaying the journal (``journal_replay.py``). ``JournalFile``
appends and syncs; it is used from one worker thread. Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes_editor.model.report import Block, Comment, FieldChange, Footnote, Report, Section, Session, TitleBlock
from minutes_editor.storage.atomic import WriteError, atomic_write_bytes
from minutes_editor.storage.encoder import (
    block_json,
    comment_object,
    datetime_text,
    field_change_object,
    footnote_object,
    report_to_document,
    section_object,
    session_object,
    shell,
    utf8,
)

JOURNAL_FORMAT = "minutes-editor-journal"
#: Version 2 (with .minutes format version 2): parts and paragraphs carry ids; comments and field changes.
JOURNAL_VERSION = 2
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
        # that list, then its fields (section: heading, level, participants, kind; session: title, goals, None,
        # None), then its id].
        self._parts: dict[int, list[Any]] = {}
        self._next_key = 1
        self._order: Order = []
        self._shape: list[tuple[Section, tuple[Session, ...]]] = []
        self._report_fields: object = None
        self._notes: dict[str, object] = {}
        self._note_ids: list[str] = []
        self._where: tuple[int, int] | None = None
        self._comments: list[Comment] = []
        self._comments_seen: list[Comment] = []
        self._field_changes: list[FieldChange] = []
        self._field_changes_seen: list[FieldChange] = []
        self._lines = 0
        self.bytes_written = 0

    def key(self, part: Section | Session) -> int:
        """The key of a section or session (new ones get the next key)."""
        key: int = self._state(part)[1]
        return key

    def _state(self, part: Section | Session) -> list[Any]:
        state = self._parts.get(id(part))
        if state is None or state[0] is not part:
            # Never recorded: no blocks and no fields yet, so the next look writes them all.
            state = [part, self._next_key, None, [], None, None, None, None, None]
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
        self._comments, self._comments_seen = report.comments, list(report.comments)
        self._field_changes, self._field_changes_seen = report.field_changes, list(report.field_changes)
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
                changes.append({"t": "note", **footnote_object(note)})
        note_ids = [note.id for note in notes]
        if note_ids != self._note_ids:
            self._note_ids = note_ids
            changes.append({"t": "notes", "ids": note_ids})
        # Comments and field changes are replaced by new lists (model/operations.py), never changed in place.
        if report.comments is not self._comments:
            self._comments = report.comments
            if report.comments != self._comments_seen:
                self._comments_seen = list(report.comments)
                changes.append({"t": "comments", "comments": [comment_object(item) for item in report.comments]})
        if report.field_changes is not self._field_changes:
            self._field_changes = report.field_changes
            if report.field_changes != self._field_changes_seen:
                self._field_changes_seen = list(report.field_changes)
                changes.append(
                    {"t": "field_changes", "changes": [field_change_object(item) for item in report.field_changes]}
                )
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
                or _identity(section) != state[8]
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
                    or _identity(session) != state[8]
                ):
                    self._session_changes(session, changes, bodies)
        shape = _shape(report)
        if not _same_shape(shape, self._shape):
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
        if (section.heading, section.level, section.kind, _identity(section)) != (
            state[4],
            state[5],
            state[7],
            state[8],
        ) or (section.participants is not state[6]):
            obj = section_object(shell(section, blocks=[], sessions=[]))
            del obj["blocks"]
            obj.pop("sessions", None)
            changes.append({"t": "section", "key": state[1], "section": obj})
        self._body_changes(section, state, bodies)
        _record_section(state)

    def _session_changes(self, session: Session, changes: list[Json], bodies: list[str]) -> None:
        state = self._state(session)
        if session.title != state[4] or session.goals is not state[5] or _identity(session) != state[8]:
            changes.append({"t": "session", "key": state[1], "session": session_object(session, body=False)})
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
        _identity(section),
    ]


def _record_session(state: list[Any]) -> None:
    session: Session = state[0]
    state[2:] = [session.blocks, list(session.blocks), session.title, session.goals, None, None, _identity(session)]


def _identity(part: Section | Session) -> object:
    # A part's id and the marks of a reviewer who proposed to add or remove it whole: a record rewrites both.
    return (part.id, part.inserted, part.deleted)


def _shape(report: Report) -> list[tuple[Section, tuple[Session, ...]]]:
    return [(section, tuple(section.sessions)) for section in report.sections]


def _same_shape(
    shape: list[tuple[Section, tuple[Session, ...]]], other: list[tuple[Section, tuple[Session, ...]]]
) -> bool:
    # By identity only: two parts alike in every field (two new empty sections) differ by id, and swapping
    # them is a change of order. The recorded shape holds its parts, so no id() of it is reused meanwhile.
    if len(shape) != len(other):
        return False
    for (section, sessions), (known, known_sessions) in zip(shape, other, strict=True):
        if section is not known or len(sessions) != len(known_sessions):
            return False
        if any(session is not recorded for session, recorded in zip(sessions, known_sessions, strict=True)):
            return False
    return True


def _note_fields(note: Footnote) -> object:
    # The spans' values as they are now, marks included: a span changed in place is seen too.
    return (note.inserted, note.deleted), tuple(
        (span.text, span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)
        for span in note.content
    )


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


def journal_header(header: Json, snapshot: bytes) -> Json:
    """``header`` (from ``JournalRecorder.start``) naming the snapshot whose bytes are ``snapshot``."""
    return {**header, "snapshot": digest(snapshot)}
