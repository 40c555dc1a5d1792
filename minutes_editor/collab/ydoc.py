"""The report as a Yjs document (pycrdt): put a report in, read it back, and turn an edit into minimal Y edits.

``report_to_doc`` writes a whole report into an empty document; ``doc_to_report``
(minutes_editor/collab/ydoc_read.py) reads one back, refusing what it cannot
trust; ``apply_report(doc, old, new)`` writes the difference between two
reports as the smallest Y edits: text typed into a paragraph as Y.Text
inserts and deletes (so that two people typing in one paragraph merge
character by character), emphasis as formatting, blocks, sessions and sections
created, deleted and moved by id, fields set. The layout is in layout.py and
docs/collaboration.md.

Y.Text counts in UTF-8 bytes here (pycrdt's offsets): an offset inside a
character would corrupt the document, so every offset is counted from the
characters themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pycrdt import Array, Doc, Map, Text

from minutes_editor.collab import layout as y
from minutes_editor.collab import ytable
from minutes_editor.collab.errors import CollabError
from minutes_editor.collab.order import KEY, positions
from minutes_editor.collab.ydoc_read import doc_to_report, holds_report
from minutes_editor.model.report import Block, Comment, Footnote, Report, Section, Session, TitleBlock

__all__ = ["apply_report", "doc_to_report", "holds_report", "report_to_doc"]

_T = TypeVar("_T")
#: One character, or one embed, with its attributes.
Unit = tuple[str | y.Json, y.Json]


def report_to_doc(report: Report, doc: Doc[Any]) -> None:
    """Write ``report`` into ``doc``, which must hold no report yet; raises CollabError (writing nothing) if it does."""
    if holds_report(doc):
        raise CollabError(y.META, "the document already holds a report")
    _Writer(doc).write(None, report)


def apply_report(doc: Doc[Any], old: Report, new: Report) -> None:
    """Write what changed from ``old`` to ``new`` into ``doc`` as minimal Y edits, in one transaction.

    ``old`` is the report as last read from ``doc`` (``doc_to_report``):
    only what differs between the two is written, so whatever others
    changed in the document meanwhile, elsewhere, stays. A paragraph or
    field changed both here and, since ``old`` was read, by someone else is
    rebased: this edit is made around theirs. Ids name sections, sessions,
    blocks, footnotes and comments; raises CollabError, writing nothing,
    when ``new`` cannot be held (two parts with one id).
    """
    _Writer(doc).write(old, new)


# ------------------------------------------------------------------ units


def _weight(unit: str | y.Json) -> int:
    # An embed counts one; a character its UTF-8 bytes.
    return 1 if isinstance(unit, dict) else len(unit.encode("utf-8"))


def _units_of(pieces: Iterable[y.Piece]) -> list[Unit]:
    units: list[Unit] = []
    for value, attributes in pieces:
        if isinstance(value, str):
            units.extend((character, attributes) for character in value)
        else:
            units.append((value, attributes))
    return units


def _doc_units(text: Text) -> list[Unit]:
    """What a Y.Text holds now, unit by unit (an embedded shared type stands as itself: never equal to ours)."""
    units: list[Unit] = []
    for value, attributes in text.diff():
        if isinstance(value, str):
            units.extend((character, attributes or {}) for character in value)
        else:
            units.append((value, attributes or {}))
    return units


def _size(units: Sequence[Unit]) -> int:
    return sum(_weight(value) for value, _ in units)


def _common(left: Sequence[Any], right: Sequence[Any]) -> tuple[int, int]:
    """The lengths of the common prefix and (not overlapping it) suffix of two sequences."""
    limit = min(len(left), len(right))
    prefix = 0
    while prefix < limit and left[prefix] == right[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and left[-1 - suffix] == right[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _values(units: Sequence[Unit]) -> list[str | y.Json]:
    return [value for value, _ in units]


def _rebased_edit(old: Sequence[Any], new: Sequence[Any], current: Sequence[Any]) -> tuple[int, int, int, int]:
    """The edit ``old`` → ``new`` as ``current`` (which others changed since ``old``) should take it.

    Returns ``(start, end, new_start, new_end)``: replace ``current[start:end]``
    with ``new[new_start:new_end]``. When ``current`` is ``old`` this is the
    plain edit; otherwise the edit's ends are carried over the others'
    change, and an end inside it is moved to its edge (their text stays).
    """
    prefix, suffix = _common(old, new)
    if current == old:
        return prefix, len(old) - suffix, prefix, len(new) - suffix
    their_prefix, their_suffix = _common(old, current)
    shift = len(current) - len(old)

    def carried(index: int) -> int:
        if index <= their_prefix:
            return index
        if index >= len(old) - their_suffix:
            return index + shift
        return their_prefix  # inside their change: at its start

    start = carried(prefix)
    end = max(start, carried(len(old) - suffix))
    return start, end, prefix, len(new) - suffix


# ------------------------------------------------------------------ writer


class _Writer:
    """Writes one report, or the difference between two, into a document."""

    def __init__(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.meta = doc.get(y.META, type=Map)
        self.title = doc.get(y.TITLE, type=Map)
        self.sections = doc.get(y.SECTIONS, type=Map)
        self.sessions = doc.get(y.SESSIONS, type=Map)
        self.blocks = doc.get(y.BLOCKS, type=Map)
        self.footnotes = doc.get(y.FOOTNOTES, type=Map)
        self.comments = doc.get(y.COMMENTS, type=Map)
        self.field_changes = doc.get(y.FIELD_CHANGES, type=Array)

    def write(self, old: Report | None, new: Report) -> None:
        _check_ids(new)
        with self.doc.transaction():
            self._meta(old, new)
            self._title(old.title if old else None, new.title)
            self._sections(old, new)
            self._sessions(old, new)
            self._blocks(old, new)
            self._footnotes(old, new)
            self._comments(old, new)
            self._field_changes(old, new)

    # ---- plain values and plain text

    def _set(self, target: Map[Any], key: str, old: object, new: object, *, fresh: bool) -> None:
        if fresh or old != new or key not in target:
            target[key] = new

    def _marks(
        self, target: Map[Any], old: Section | Session | Footnote | None, new: Section | Session | Footnote
    ) -> None:
        """A part a reviewer proposed to add or remove whole: its marks (null when none), as a block's."""
        for key in ("inserted", "deleted"):
            before = y.optional_change(getattr(old, key)) if old is not None else None
            self._set(target, key, before, y.optional_change(getattr(new, key)), fresh=old is None)

    def _plain_text(self, target: Map[Any], key: str, old: str | None, new: str) -> None:
        """A plain Y.Text field (a heading, a title): created, or edited where it changed."""
        new = y.mend(new)
        text = target.get(key)
        if not isinstance(text, Text):
            target[key] = Text(new)
            return
        if old is not None and y.mend(old) == new:
            return
        current = str(text)
        base = current if old is None else y.mend(old)
        start, end, new_start, new_end = _rebased_edit(base, new, current)
        low = len(current[:start].encode("utf-8"))
        high = low + len(current[start:end].encode("utf-8"))
        if high > low:
            del text[low:high]
        if new_end > new_start:
            text.insert(low, new[new_start:new_end])

    # ---- formatted text

    def _rich_text(self, target: Map[Any], key: str, old: list[y.Piece] | None, new: list[y.Piece]) -> None:
        text = target.get(key)
        if not isinstance(text, Text):
            target[key] = Text()
            _edit_text(target[key], None, new)
        elif old is None or old != new:
            _edit_text(text, old, new)

    # ---- the report's parts

    def _meta(self, old: Report | None, new: Report) -> None:
        fresh = old is None
        if fresh:
            self.meta["format"] = y.FORMAT
            self.meta["version"] = y.LAYOUT_VERSION
        values = {
            "language": (new.language, old.language if old else None),
            "author": (y.mend(new.author), y.mend(old.author) if old else None),
            "created": (y.moment_text(new.created), y.moment_text(old.created) if old else None),
            "modified": (y.moment_text(new.modified), y.moment_text(old.modified) if old else None),
            "template": (y.mend(new.template), y.mend(old.template) if old else None),
        }
        for key, (value, before) in values.items():
            self._set(self.meta, key, before, value, fresh=fresh)

    def _title(self, old: TitleBlock | None, new: TitleBlock) -> None:
        for key in y.TITLE_TEXTS:
            self._plain_text(self.title, key, getattr(old, key) if old else None, getattr(new, key))
        for key in y.TITLE_MOMENTS:
            before = y.moment_text(getattr(old, key)) if old else None
            self._set(self.title, key, before, y.moment_text(getattr(new, key)), fresh=old is None)

    def _sections(self, old: Report | None, new: Report) -> None:
        before = {section.id: section for section in old.sections} if old else {}
        wanted = {section.id for section in new.sections}
        for section_id in before.keys() - wanted:
            self.sections.pop(section_id, None)
        for section in new.sections:
            previous = before.get(section.id)
            if previous is None or _fields(previous) != _fields(section):
                self._section(previous, section)
        if old is None or [s.id for s in old.sections] != [s.id for s in new.sections]:
            self._order(self.sections, [section.id for section in new.sections])

    def _section(self, old: Section | None, new: Section) -> None:
        entry = self.sections.get(new.id)
        if not isinstance(entry, Map):
            self.sections[new.id] = Map({"kind": new.kind.value, "level": new.level})
            entry = self.sections[new.id]
            old = None
        fresh = old is None
        self._set(entry, "kind", old.kind.value if old else None, new.kind.value, fresh=fresh)
        self._set(entry, "level", old.level if old else None, new.level, fresh=fresh)
        self._set(entry, "default_heading", old.heading is None if old else None, new.heading is None, fresh=fresh)
        self._marks(entry, old, new)
        self._plain_text(entry, "heading", (old.heading or "") if old else None, new.heading or "")
        self._list(
            entry,
            "participants",
            [{"name": p.name, "code": p.code} for p in old.participants] if old else None,
            [{"name": y.mend(p.name), "code": y.mend(p.code)} for p in new.participants],
        )

    def _sessions(self, old: Report | None, new: Report) -> None:
        before = {s.id: (s, section.id) for section in old.sections for s in section.sessions} if old else {}
        wanted = {session.id for section in new.sections for session in section.sessions}
        old_orders = {section.id: [s.id for s in section.sessions] for section in old.sections} if old else {}
        for session_id in before.keys() - wanted:
            self.sessions.pop(session_id, None)
        for section in new.sections:
            for session in section.sessions:
                previous = before.get(session.id)
                if previous and previous[1] == section.id and _fields(previous[0]) == _fields(session):
                    continue  # unchanged: nothing looked up in the document (a keystroke must stay cheap)
                self._session(previous[0] if previous else None, previous[1] if previous else None, session, section)
            if old_orders.get(section.id) != [session.id for session in section.sessions]:
                self._order(self.sessions, [session.id for session in section.sessions])

    def _session(self, old: Session | None, old_owner: str | None, new: Session, section: Section) -> None:
        entry = self.sessions.get(new.id)
        if not isinstance(entry, Map):
            self.sessions[new.id] = Map({"section": section.id})
            entry = self.sessions[new.id]
            old = None
        self._set(entry, "section", old_owner, section.id, fresh=old is None)
        self._marks(entry, old, new)
        self._plain_text(entry, "title", old.title if old else None, new.title)
        self._list(entry, "goals", list(old.goals) if old else None, [y.mend(goal) for goal in new.goals])

    def _blocks(self, old: Report | None, new: Report) -> None:
        before: dict[str, tuple[Block, str]] = {}
        old_bodies: dict[str, list[str]] = {}
        if old:
            for owner, body in _bodies(old):
                old_bodies[owner] = [block.id for block in body]
                before.update((block.id, (block, owner)) for block in body)
        wanted = {block.id for _, body in _bodies(new) for block in body}
        for block_id in before.keys() - wanted:
            self.blocks.pop(block_id, None)
        for owner, body in _bodies(new):
            for block in body:
                previous = before.get(block.id)
                if previous and previous[1] == owner and (previous[0] is block or previous[0] == block):
                    continue  # unchanged (the window replaces an edited paragraph, so most are the same object)
                self._block(previous[0] if previous else None, previous[1] if previous else None, block, owner)
            order = [block.id for block in body]
            if old_bodies.get(owner) != order:
                self._order(self.blocks, order)

    def _block(self, old: Block | None, old_owner: str | None, new: Block, owner: str) -> None:
        entry = self.blocks.get(new.id)
        if not isinstance(entry, Map):
            self.blocks[new.id] = Map({"owner": owner, "kind": new.kind.value, "level": new.level})
            entry = self.blocks[new.id]
            old = None
        fresh = old is None
        self._set(entry, "owner", old_owner, owner, fresh=fresh)
        self._set(entry, "kind", old.kind.value if old else None, new.kind.value, fresh=fresh)
        self._set(entry, "level", old.level if old else None, new.level, fresh=fresh)
        for key in ("inserted", "deleted"):
            before = y.optional_change(getattr(old, key)) if old else None
            self._set(entry, key, before, y.optional_change(getattr(new, key)), fresh=fresh)
        before_format = y.block_format_json(old.old_format) if old else None
        self._set(entry, "old_format", before_format, y.block_format_json(new.old_format), fresh=fresh)
        # A table has its rows instead of text; an action item its fields besides (ytable.py). A block whose kind
        # changed lets go of the parts it no longer has.
        gone = list(ytable.TABLE_KEYS) if new.table is None else ["text"]
        if new.action is None:
            gone.extend(ytable.ACTION_KEYS)
        for key in gone:
            if key in entry:
                del entry[key]
        if new.table is not None:
            ytable.write_table(entry, old.table if old else None, new.table, _edit_text)
        else:
            pieces = y.content_pieces(old.content) if old and old.table is None else None
            self._rich_text(entry, "text", pieces, y.content_pieces(new.content))
        if new.action is not None:
            ytable.write_action(entry, old.action if old else None, new.action, _edit_array)

    def _footnotes(self, old: Report | None, new: Report) -> None:
        before = {note.id: note for note in old.footnotes} if old else {}
        for note_id in before.keys() - {note.id for note in new.footnotes}:
            self.footnotes.pop(note_id, None)
        for note in new.footnotes:
            previous = before.get(note.id)
            if previous is None or (previous.content, previous.inserted, previous.deleted) != (
                note.content,
                note.inserted,
                note.deleted,
            ):
                self._footnote(previous, note)
        if old is None or [n.id for n in old.footnotes] != [n.id for n in new.footnotes]:
            self._order(self.footnotes, [note.id for note in new.footnotes])

    def _footnote(self, old: Footnote | None, new: Footnote) -> None:
        entry = self.footnotes.get(new.id)
        if not isinstance(entry, Map):
            self.footnotes[new.id] = Map()
            entry = self.footnotes[new.id]
            old = None
        self._marks(entry, old, new)
        self._rich_text(entry, "text", y.content_pieces(old.content) if old else None, y.content_pieces(new.content))

    def _comments(self, old: Report | None, new: Report) -> None:
        before = {comment.id: comment for comment in old.comments} if old else {}
        for comment_id in before.keys() - {comment.id for comment in new.comments}:
            self.comments.pop(comment_id, None)
        for comment in new.comments:
            previous = before.get(comment.id)
            if previous is None or previous != comment:
                self._comment(previous, comment)
        if old is None or [c.id for c in old.comments] != [c.id for c in new.comments]:
            self._order(self.comments, [comment.id for comment in new.comments])

    def _comment(self, old: Comment | None, new: Comment) -> None:
        entry = self.comments.get(new.id)
        if not isinstance(entry, Map):
            self.comments[new.id] = Map()
            entry = self.comments[new.id]
            old = None
        values = _comment_json(new)
        before = _comment_json(old) if old else {}
        for key, value in values.items():
            self._set(entry, key, before.get(key), value, fresh=old is None)

    def _field_changes(self, old: Report | None, new: Report) -> None:
        before = [y.field_change_json(change) for change in old.field_changes] if old else None
        wanted = [y.field_change_json(change) for change in new.field_changes]
        _edit_array(self.field_changes, before, wanted)

    # ---- lists

    def _list(self, target: Map[Any], key: str, old: list[Any] | None, new: list[Any]) -> None:
        array = target.get(key)
        if not isinstance(array, Array):
            target[key] = Array(new)
            return
        _edit_array(array, old, new)

    def _order(self, items: Map[Any], order: list[str]) -> None:
        current: dict[str, str] = {}
        for item_id in order:
            entry = items.get(item_id)
            key = entry.get(y.POS) if isinstance(entry, Map) else None
            if isinstance(key, str) and KEY.fullmatch(key):
                current[item_id] = key
        for item_id, key in positions(order, current).items():
            items[item_id][y.POS] = key


def _edit_array(array: Array[Any], old: list[Any] | None, new: list[Any]) -> None:
    """Edit a Y.Array of plain values into ``new`` (rebased on others' edits since ``old``, as text is)."""
    if old is not None and old == new:
        return
    current = array.to_py() or []
    start, end, new_start, new_end = _rebased_edit(current if old is None else old, new, current)
    if end > start:
        del array[start:end]
    for offset, value in enumerate(new[new_start:new_end]):
        array.insert(start + offset, value)


def _edit_text(text: Text, old: list[y.Piece] | None, new: list[y.Piece]) -> None:
    """Edit a formatted Y.Text from the runs ``old`` (None: what it holds) to ``new``, rebased on others' edits."""
    current = _doc_units(text)
    wanted = _units_of(new)
    base = current if old is None else _units_of(old)
    start, end, new_start, new_end = _rebased_edit(_values(base), _values(wanted), _values(current))
    low = _size(current[:start])
    high = low + _size(current[start:end])
    if high > low:
        del text[low:high]
    inserted = wanted[new_start:new_end]
    _insert_units(text, low, inserted)
    after = [*current[:start], *inserted, *current[end:]]
    _format(text, after, wanted)


def _insert_units(text: Text, offset: int, units: Sequence[Unit]) -> None:
    """Insert units at a byte offset, runs of characters of one formatting at once, each with its own attributes."""
    index = 0
    while index < len(units):
        value, attributes = units[index]
        if isinstance(value, dict):
            text.insert_embed(offset, value, dict(attributes))
            offset += 1
            index += 1
            continue
        run = [value]
        index += 1
        while index < len(units) and isinstance(units[index][0], str) and units[index][1] == attributes:
            run.append(str(units[index][0]))
            index += 1
        chunk = "".join(run)
        # Attributes given (even none) are the run's whole formatting: nothing is taken from the left.
        text.insert(offset, chunk, dict(attributes))
        offset += len(chunk.encode("utf-8"))


def _format(text: Text, current: Sequence[Unit], wanted: Sequence[Unit]) -> None:
    """Format the characters ``current`` and ``wanted`` share (by prefix and suffix) where their attributes differ."""
    prefix, suffix = _common(_values(current), _values(wanted))
    pairs = [(index, index) for index in range(prefix)]
    pairs += [(len(current) - suffix + k, len(wanted) - suffix + k) for k in range(suffix)]
    offset = 0
    position = 0
    run_start = run_end = -1
    run_change: y.Json | None = None
    for here, there in pairs:
        offset += _size(current[position:here])
        position = here
        have, want = current[here][1], wanted[there][1]
        change = {key: want.get(key) for key in {*have, *want} if have.get(key) != want.get(key)} or None
        width = _weight(current[here][0])
        if change is not None and change == run_change and run_end == offset:
            run_end += width
        else:
            if run_change is not None:
                text.format(run_start, run_end, run_change)
            run_start, run_end, run_change = offset, offset + width, change
        offset += width
        position = here + 1
    if run_change is not None:
        text.format(run_start, run_end, run_change)


def _comment_json(comment: Comment) -> y.Json:
    return {
        "author": y.mend(comment.author),
        "text": [y.mend(paragraph) for paragraph in comment.text],
        "date": y.moment_text(comment.date),
        "initials": y.mend(comment.initials),
        "parent": comment.parent,
        "done": comment.done,
        "field_name": comment.field_name,
        "owner": comment.owner,
    }


def _fields(part: Section | Session) -> tuple[object, ...]:
    """A section's or session's own fields, without its body and sessions."""
    if isinstance(part, Section):
        return (part.kind, part.heading, part.level, part.participants, part.inserted, part.deleted)
    return (part.title, part.goals, part.inserted, part.deleted)


def _bodies(report: Report) -> list[tuple[str, list[Block]]]:
    """Each body of the report with its owner's id: a section's, then its sessions'."""
    bodies: list[tuple[str, list[Block]]] = []
    for section in report.sections:
        bodies.append((section.id, section.blocks))
        bodies.extend((session.id, session.blocks) for session in section.sessions)
    return bodies


def _check_ids(report: Report) -> None:
    """Refuse a report two of whose parts share an id: the document names every part by its id."""
    seen: dict[str, str] = {}

    def claim(path: str, item_id: object) -> None:
        if not isinstance(item_id, str) or not item_id.strip() or len(item_id) > y.MAX_STRING:
            raise CollabError(f"{path}.id", f"{item_id!r} is not an id the shared document can hold")
        if item_id in seen:
            raise CollabError(f"{path}.id", f"{item_id!r} is also the id of {seen[item_id]}")
        seen[item_id] = path

    for index, section in enumerate(report.sections):
        where = f"sections[{index}]"
        claim(where, section.id)
        for number, session in enumerate(section.sessions):
            claim(f"{where}.sessions[{number}]", session.id)
            for place, block in enumerate(session.blocks):
                claim(f"{where}.sessions[{number}].blocks[{place}]", block.id)
        for place, block in enumerate(section.blocks):
            claim(f"{where}.blocks[{place}]", block.id)
    for kind, ids in (("footnotes", [n.id for n in report.footnotes]), ("comments", [c.id for c in report.comments])):
        known: set[str] = set()
        for index, item_id in enumerate(ids):
            if not isinstance(item_id, str) or not item_id.strip() or item_id in known:
                raise CollabError(f"{kind}[{index}].id", f"{item_id!r} is empty or used twice")
            known.add(item_id)
