"""Read a report out of a shared Yjs document, trusting nothing in it.

What comes from the network may be anything a Yjs client can write: a
value of the wrong type, a name that is not ours, a text of a gigabyte.
``doc_to_report`` checks every value as the .minutes loader checks a file
and raises CollabError naming the first bad one by its path
(``blocks["3fa2c1d07b9e"].level: 7 is not between 1 and 3``); it builds the
whole report before returning it, never half of one.

What two people editing at once can leave behind is read, not refused:
a block or session whose section was deleted meanwhile is left out, a
reference to a footnote deleted meanwhile is dropped, as is a comment's id
on text whose comment is gone, a reply whose comment is gone starts its own
thread, and a sub-heading that ends up first reads as a heading. Everyone
reads the same document the same way, so all agree.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, TypeVar

from pycrdt import Array, Doc, Map, Text

from minutes_editor.collab import checked as check
from minutes_editor.collab import layout as y
from minutes_editor.collab import ytable
from minutes_editor.collab.errors import CollabError, EmptyRoomError
from minutes_editor.collab.order import KEY
from minutes_editor.model.language import is_language_tag
from minutes_editor.model.operations import FIELDS
from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockFormatChange,
    BlockKind,
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
)
from minutes_editor.model.rules import OperationRefusedError, check_block

_E = TypeVar("_E", bound=StrEnum)
#: A block's keys besides its text: a table's (header, rows) and an action item's (action).
_PART_KEYS = (*ytable.TABLE_KEYS, *ytable.ACTION_KEYS)

#: The fields a pending field change may name, and how its old value is read.
_OLD_VALUES: dict[str, str] = {
    "TitleBlock.meeting": "text",
    "TitleBlock.subtitle": "text",
    "TitleBlock.date": "date",
    "TitleBlock.start_time": "time",
    "TitleBlock.end_time": "time",
    "TitleBlock.timezone": "text",
    "TitleBlock.location": "text",
    "TitleBlock.status": "text",
    "Section.heading": "text",
    "Section.level": "level",
    "Session.title": "text",
    "Session.goals": "list",
    "Section.participants": "participants",
}
assert set(_OLD_VALUES) <= {repr(field) for field in FIELDS}


def holds_report(doc: Doc[Any]) -> bool:
    """Whether someone has put a report into ``doc`` (its ``meta`` map has something)."""
    return len(doc.get(y.META, type=Map)) > 0


def doc_to_report(doc: Doc[Any]) -> Report:
    """The report ``doc`` holds; raises EmptyRoomError if none, CollabError naming the path of what is wrong."""
    try:
        with doc.transaction():
            return _Reader(doc).report()
    except CollabError:
        raise
    except BaseException as error:
        # pycrdt's PanicException (a Rust panic) is a BaseException; anything else of that kind goes on.
        if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
            raise
        raise CollabError("", f"the shared document cannot be read: {error!r}") from error


class _Reader:
    """Reads one document; counts the text it reads against the limits."""

    def __init__(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.text_bytes = 0
        self.note_ids: set[str] = set()
        self.comment_ids: set[str] = set()

    def _root(self, name: str) -> Map[Any]:
        root: Map[Any] = self.doc.get(name, type=Map)
        if len(root) > y.MAX_ITEMS:
            raise CollabError(name, f"{len(root)} entries, more than {y.MAX_ITEMS}")
        return root

    def _entries(self, name: str) -> list[tuple[str, dict[str, Any], str]]:
        """A root map's entries as (id, values, path), sorted by their order keys then ids."""
        entries = []
        for key, value in self._root(name).items():
            path = check.at(name, key)
            check.identifier(key, path)
            if not isinstance(value, Map):
                raise check.expected(path, "a map", value)
            values = {field: value.get(field) for field in value.keys()}  # noqa: SIM118 - pycrdt types iter() as Iterable
            position = values.get(y.POS)
            if position is None:
                raise CollabError(f"{path}.{y.POS}", "is missing")
            position = check.text(position, f"{path}.{y.POS}", y.MAX_KEY_LENGTH)
            if not KEY.fullmatch(position):
                raise CollabError(f"{path}.{y.POS}", f"{check.show(position)} is not an order key")
            entries.append((key, values, path))
        entries.sort(key=lambda entry: (entry[1][y.POS], entry[0]))
        return entries

    # ---- text

    def _text(self, value: object, path: str) -> Text:
        if not isinstance(value, Text):
            raise check.expected(path, "a text", value)
        size = len(value)
        if size > y.MAX_TEXT_BYTES:
            raise CollabError(path, f"{size} bytes of text, more than {y.MAX_TEXT_BYTES}")
        self.text_bytes += size
        if self.text_bytes > y.MAX_TOTAL_TEXT_BYTES:
            raise CollabError(path, f"the report's text passes {y.MAX_TOTAL_TEXT_BYTES} bytes here")
        return value

    def _plain(self, value: object, path: str) -> str:
        """A plain text field: a Y.Text of characters (formatting, which it does not keep, is let through)."""
        text = self._text(value, path)
        parts = []
        for chunk, _ in text.diff():
            if not isinstance(chunk, str):
                raise CollabError(path, f"holds {check.kind_of(chunk)} where only text goes")
            parts.append(chunk)
        return "".join(parts)

    def _rich(self, value: object, path: str, *, notes_allowed: bool, no_notes: str = "") -> list[Inline]:
        """Formatted text: spans, footnote references (embeds), and empty spans holding a comment (embeds).

        ``no_notes`` says why a footnote reference cannot stand here, when it cannot.
        """
        text = self._text(value, path)
        content: list[Inline] = []
        for index, (chunk, given) in enumerate(text.diff()):
            where = f"{path}[{index}]"
            attributes = given or {}
            if not isinstance(attributes, dict):
                raise check.expected(f"{where}.attributes", "an object", attributes)
            check.keys_of(attributes, f"{where}.attributes", y.SPAN_ATTRIBUTES)
            if isinstance(chunk, str):
                content.append(self._span(chunk, attributes, f"{where}.attributes"))
            elif isinstance(chunk, dict) and set(chunk) == {y.FOOTNOTE_EMBED}:
                if not notes_allowed:
                    raise CollabError(where, no_notes or "a footnote cannot hold a footnote reference")
                note = check.identifier(chunk[y.FOOTNOTE_EMBED], f"{where}.{y.FOOTNOTE_EMBED}")
                ref = FootnoteRef(
                    note,
                    inserted=check.optional_change(attributes.get(y.INSERTED), f"{where}.attributes.{y.INSERTED}"),
                    deleted=check.optional_change(attributes.get(y.DELETED), f"{where}.attributes.{y.DELETED}"),
                )
                if note in self.note_ids:  # a reference to a footnote deleted meanwhile goes with it
                    content.append(ref)
            elif isinstance(chunk, dict) and chunk == {y.EMPTY_EMBED: True}:
                span = self._span("", attributes, f"{where}.attributes")
                if span.comments:
                    content.append(span)
            else:
                raise CollabError(where, f"holds {check.show(chunk)}, which is neither text nor one of our embeds")
        return _merged(content)

    def _span(self, text: str, attributes: dict[str, Any], path: str) -> Span:
        emphasis = {key: attributes.get(key) for key in y.EMPHASIS}
        for key, value in emphasis.items():
            if value is not None:
                check.boolean(value, f"{path}.{key}")
        old_format = attributes.get(y.OLD_FORMAT)
        comments = check.listed(attributes.get(y.COMMENT_IDS) or [], f"{path}.{y.COMMENT_IDS}")
        ids = tuple(check.identifier(item, f"{path}.{y.COMMENT_IDS}[{i}]") for i, item in enumerate(comments))
        return Span(
            text=text,
            bold=bool(emphasis[y.BOLD]),
            italic=bool(emphasis[y.ITALIC]),
            underline=bool(emphasis[y.UNDERLINE]),
            inserted=check.optional_change(attributes.get(y.INSERTED), f"{path}.{y.INSERTED}"),
            deleted=check.optional_change(attributes.get(y.DELETED), f"{path}.{y.DELETED}"),
            old_format=None if old_format is None else _format_change(old_format, f"{path}.{y.OLD_FORMAT}"),
            comments=tuple(item for item in ids if item in self.comment_ids),
        )

    # ---- the report

    def report(self) -> Report:
        meta = self._root(y.META)
        if not len(meta):
            raise EmptyRoomError(y.META, "the shared document holds no report yet")
        values = meta.to_py() or {}
        check.keys_of(values, y.META, ("format", "version", "language", "author", "created", "modified", "template"))
        if values.get("format") != y.FORMAT:
            raise CollabError(f"{y.META}.format", f"{check.show(values.get('format'))} is not {y.FORMAT!r}")
        version = check.integer(values.get("version"), f"{y.META}.version", 1, 1 << 30)
        if version > y.LAYOUT_VERSION:
            raise CollabError(
                f"{y.META}.version", f"layout {version} is newer than this version reads ({y.LAYOUT_VERSION})"
            )
        language = check.text(values.get("language", "en"), f"{y.META}.language")
        if not is_language_tag(language):
            raise CollabError(f"{y.META}.language", f"{check.show(language)} is not a language tag")
        comments = self._comments()  # first: the spans of footnotes and bodies name them
        footnotes = self._footnotes()
        sections = self._sections()
        return Report(
            language=language,
            title=self._title(),
            sections=sections,
            footnotes=footnotes,
            author=check.text(values.get("author", ""), f"{y.META}.author"),
            created=check.stamp(values.get("created"), f"{y.META}.created"),
            modified=check.stamp(values.get("modified"), f"{y.META}.modified"),
            template=check.text(values.get("template", ""), f"{y.META}.template"),
            field_changes=self._field_changes(),
            comments=comments,
        )

    def _title(self) -> TitleBlock:
        title = self._root(y.TITLE)
        values = {key: title.get(key) for key in title.keys()}  # noqa: SIM118 - as above
        check.keys_of(values, y.TITLE, (*y.TITLE_TEXTS, *y.TITLE_MOMENTS))
        texts = {key: self._plain(values[key], f"{y.TITLE}.{key}") if key in values else "" for key in y.TITLE_TEXTS}
        return TitleBlock(
            **texts,
            date=check.date(values.get("date"), f"{y.TITLE}.date"),
            start_time=check.time(values.get("start_time"), f"{y.TITLE}.start_time"),
            end_time=check.time(values.get("end_time"), f"{y.TITLE}.end_time"),
        )

    def _footnotes(self) -> list[Footnote]:
        notes = []
        for note_id, values, path in self._entries(y.FOOTNOTES):
            check.keys_of(values, path, (y.POS, "text", *check.PART_MARKS), ("text",))
            content = self._rich(values["text"], f"{path}.text", notes_allowed=False)
            notes.append(
                Footnote(
                    id=note_id,
                    content=[item for item in content if isinstance(item, Span)],
                    **check.part_marks(values, path),
                )
            )
        self.note_ids = {note.id for note in notes}
        return notes

    def _comments(self) -> list[Comment]:
        comments = []
        keys = ("author", "text", "date", "initials", "parent", "done", "field_name", "owner")
        for comment_id, values, path in self._entries(y.COMMENTS):
            check.keys_of(values, path, (y.POS, *keys), ("author",))
            paragraphs = check.listed(values.get("text", []), f"{path}.text")
            comments.append(
                Comment(
                    id=comment_id,
                    author=check.text(values["author"], f"{path}.author"),
                    text=[check.text(item, f"{path}.text[{i}]", y.MAX_TEXT_BYTES) for i, item in enumerate(paragraphs)],
                    date=check.stamp(values.get("date"), f"{path}.date"),
                    initials=check.text(values.get("initials", ""), f"{path}.initials"),
                    parent=check.text(values.get("parent", ""), f"{path}.parent"),
                    done=check.boolean(values.get("done", False), f"{path}.done"),
                    field_name=check.text(values.get("field_name", ""), f"{path}.field_name"),
                    owner=check.text(values.get("owner", ""), f"{path}.owner"),
                )
            )
        self.comment_ids = {comment.id for comment in comments}
        for comment in comments:
            if comment.parent not in self.comment_ids or comment.parent == comment.id:
                comment.parent = ""  # its comment was deleted meanwhile: it starts a thread of its own
        return comments

    def _sections(self) -> list[Section]:
        sections: list[Section] = []
        by_id: dict[str, Section] = {}
        for section_id, values, path in self._entries(y.SECTIONS):
            check.keys_of(
                values,
                path,
                (y.POS, "kind", "level", "heading", "default_heading", "participants", *check.PART_MARKS),
                ("kind",),
            )
            kind = check.enum_value(SectionKind, values["kind"], f"{path}.kind")
            default = check.boolean(values.get("default_heading", False), f"{path}.default_heading")
            heading = self._plain(values["heading"], f"{path}.heading") if "heading" in values else ""
            participants = [
                _participant(item, f"{path}.participants[{i}]")
                for i, item in enumerate(check.listed(values.get("participants", []), f"{path}.participants"))
            ]
            if participants and kind is not SectionKind.PARTICIPATION:
                raise CollabError(f"{path}.participants", "only the participation section lists participants")
            section = Section(
                kind=kind,
                heading=None if default else heading,
                level=check.integer(values.get("level", 1), f"{path}.level", 1, 2),
                participants=participants,
                id=section_id,
                **check.part_marks(values, path),
            )
            sections.append(section)
            by_id[section_id] = section
        if sections and sections[0].level != 1:
            sections[0].level = 1  # a sub-heading that ends up first (its heading deleted meanwhile) leads
        sessions = self._sessions(by_id)
        self._blocks(by_id, sessions)
        return sections

    def _sessions(self, sections: dict[str, Section]) -> dict[str, Session]:
        by_id: dict[str, Session] = {}
        for session_id, values, path in self._entries(y.SESSIONS):
            check.keys_of(values, path, (y.POS, "section", "title", "goals", *check.PART_MARKS), ("section",))
            owner = check.identifier(values["section"], f"{path}.section")
            if session_id in sections:
                raise CollabError(path, "a section has the same id")
            session = Session(
                title=self._plain(values["title"], f"{path}.title") if "title" in values else "",
                goals=[
                    check.text(item, f"{path}.goals[{i}]", y.MAX_TEXT_BYTES)
                    for i, item in enumerate(check.listed(values.get("goals", []), f"{path}.goals"))
                ],
                id=session_id,
                **check.part_marks(values, path),
            )
            section = sections.get(owner)
            if section is None:
                continue  # its section was deleted meanwhile
            if section.kind is not SectionKind.DISCUSSION:
                raise CollabError(f"{path}.section", "only a discussion section has sessions")
            section.sessions.append(session)
            by_id[session_id] = session
        return by_id

    def _blocks(self, sections: dict[str, Section], sessions: dict[str, Session]) -> None:
        for block_id, values, path in self._entries(y.BLOCKS):
            check.keys_of(
                values,
                path,
                (y.POS, "owner", "kind", "level", "text", "inserted", "deleted", "old_format", *_PART_KEYS),
                ("owner", "kind"),
            )
            owner = check.identifier(values["owner"], f"{path}.owner")
            if block_id in sections or block_id in sessions:
                raise CollabError(path, "a section or session has the same id")
            old_format = values.get("old_format")
            block = Block(
                kind=check.enum_value(BlockKind, values["kind"], f"{path}.kind"),
                content=self._rich(values["text"], f"{path}.text", notes_allowed=True) if "text" in values else [],
                level=check.integer(values.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL),
                id=block_id,
                inserted=check.optional_change(values.get("inserted"), f"{path}.inserted"),
                deleted=check.optional_change(values.get("deleted"), f"{path}.deleted"),
                old_format=None if old_format is None else _block_format(old_format, f"{path}.old_format"),
            )
            self._parts(block, values, path)
            body = sessions.get(owner) or sections.get(owner)
            if body is not None:  # else its section or session was deleted meanwhile
                body.blocks.append(block)

    def _parts(self, block: Block, values: dict[str, Any], path: str) -> None:
        """A table's cells and an action item's fields (ytable.py), as its kind says; checked as the loader checks.

        The kind decides: what a block of another kind holds besides (left by
        two people changing its kind at once) is checked and left out, and a
        table has no text, level or change of type of its own.
        """
        table = ytable.read_table(values, path, self._cell) if "rows" in values else None
        action = ytable.read_action(values["action"], f"{path}.action") if "action" in values else None
        if block.kind is BlockKind.TABLE:
            if table is None:
                raise CollabError(f"{path}.rows", "is missing")
            block.table, block.content, block.level, block.old_format = table, [], 1, None
        if block.kind is BlockKind.ACTION:
            if action is None:
                raise CollabError(f"{path}.action", "is missing")
            block.action = action
        try:
            check_block(block)
        except OperationRefusedError as error:
            raise CollabError(path, str(error)) from None

    def _cell(self, value: object, path: str) -> list[Span]:
        content = self._rich(value, path, notes_allowed=False, no_notes="a table cell cannot hold a footnote reference")
        return [item for item in content if isinstance(item, Span)]

    def _field_changes(self) -> list[FieldChange]:
        array = self.doc.get(y.FIELD_CHANGES, type=Array)
        changes = []
        for index, value in enumerate(check.listed(array, y.FIELD_CHANGES)):
            path = f"{y.FIELD_CHANGES}[{index}]"
            if not isinstance(value, dict):
                raise check.expected(path, "an object", value)
            check.keys_of(value, path, ("field", "owner", "old", "change"), ("field", "change"))
            field = check.text(value["field"], f"{path}.field")
            kind = _OLD_VALUES.get(field)
            if kind is None:
                raise CollabError(f"{path}.field", f"{check.show(field)} is not a field a change can name")
            changes.append(
                FieldChange(
                    field_name=field,
                    owner=check.text(value.get("owner", ""), f"{path}.owner"),
                    old=_old_value(kind, value.get("old"), f"{path}.old"),
                    change=check.change(value["change"], f"{path}.change"),
                )
            )
        return changes


def _participant(value: object, path: str) -> Participant:
    if not isinstance(value, dict):
        raise check.expected(path, "an object", value)
    check.keys_of(value, path, ("name", "code"), ("name",))
    return Participant(
        name=check.text(value["name"], f"{path}.name"), code=check.text(value.get("code", ""), f"{path}.code")
    )


def _format_change(value: object, path: str) -> FormatChange:
    if not isinstance(value, dict):
        raise check.expected(path, "an object", value)
    check.keys_of(value, path, ("change", *y.EMPHASIS), ("change",))
    return FormatChange(
        change=check.change(value["change"], f"{path}.change"),
        **{key: check.boolean(value.get(key, False), f"{path}.{key}") for key in y.EMPHASIS},
    )


def _block_format(value: object, path: str) -> BlockFormatChange:
    if not isinstance(value, dict):
        raise check.expected(path, "an object", value)
    check.keys_of(value, path, ("change", "kind", "level"), ("change", "kind"))
    return BlockFormatChange(
        change=check.change(value["change"], f"{path}.change"),
        kind=check.enum_value(BlockKind, value["kind"], f"{path}.kind"),
        level=check.integer(value.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL),
    )


def _old_value(
    kind: str, value: object, path: str
) -> str | int | list[str] | list[Participant] | dt.date | dt.time | None:
    if kind == "date":
        return check.date(value, path)
    if kind == "time":
        return check.time(value, path)
    if kind == "level":
        return check.integer(value, path, 1, 2)
    if kind == "list":
        return [check.text(item, f"{path}[{i}]", y.MAX_TEXT_BYTES) for i, item in enumerate(check.listed(value, path))]
    if kind == "participants":
        return [_participant(item, f"{path}[{i}]") for i, item in enumerate(check.listed(value, path))]
    return None if value is None else check.text(value, path, y.MAX_TEXT_BYTES)


def _merged(content: list[Inline]) -> list[Inline]:
    """Neighbouring spans that differ only in their text as one (Y.Text may split a run where nothing changes)."""
    result: list[Inline] = []
    for item in content:
        last = result[-1] if result else None
        if isinstance(item, Span) and isinstance(last, Span) and item.text and last.text and _same_marks(item, last):
            result[-1] = Span(
                last.text + item.text,
                last.bold,
                last.italic,
                last.underline,
                last.inserted,
                last.deleted,
                last.old_format,
                last.comments,
            )
            continue
        result.append(item)
    return result


def _same_marks(one: Span, other: Span) -> bool:
    return (one.bold, one.italic, one.underline, one.inserted, one.deleted, one.old_format, one.comments) == (
        other.bold,
        other.italic,
        other.underline,
        other.inserted,
        other.deleted,
        other.old_format,
        other.comments,
    )
