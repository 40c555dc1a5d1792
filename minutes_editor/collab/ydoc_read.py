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
import json
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from pycrdt import Array, Doc, Map, Text

from minutes_editor.collab import layout as y
from minutes_editor.collab.errors import CollabError, EmptyRoomError
from minutes_editor.collab.order import KEY
from minutes_editor.model.language import is_language_tag
from minutes_editor.model.operations import FIELDS
from minutes_editor.model.report import (
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

_E = TypeVar("_E", bound=StrEnum)

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

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?")
_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?([+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?"
)


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


def _at(root: str, key: str) -> str:
    return f"{root}[{json.dumps(key, ensure_ascii=False)}]"


def _show(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _kind_of(value: object) -> str:
    names = {Map: "a map", Array: "an array", Text: "a text", dict: "an object", list: "a list", str: "a string"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def _expected(path: str, what: str, value: object) -> CollabError:
    return CollabError(path, f"expected {what}, found {_kind_of(value)}")


def _keys(value: dict[str, Any], path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise CollabError(path, f"{_show(unknown[0])} is not part of the layout")
    for key in required:
        if key not in value:
            raise CollabError(f"{path}.{key}", "is missing")


def _str(value: object, path: str, limit: int = y.MAX_STRING) -> str:
    if not isinstance(value, str):
        raise _expected(path, "a string", value)
    if len(value) > limit:
        raise CollabError(path, f"{len(value)} characters, more than {limit}")
    return value


def _identifier(value: object, path: str) -> str:
    text = _str(value, path)
    if not text.strip():
        raise CollabError(path, "is empty")
    return text


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise _expected(path, "true or false", value)
    return value


def _int(value: object, path: str, low: int, high: int) -> int:
    # Yjs numbers are doubles: 2 arrives as 2.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _expected(path, "a whole number", value)
    if isinstance(value, float) and not value.is_integer():
        raise CollabError(path, f"{_show(value)} is not a whole number")
    if not low <= value <= high:
        raise CollabError(path, f"{_show(int(value))} is not between {low} and {high}")
    return int(value)


def _enum(cls: type[_E], value: object, path: str) -> _E:
    text = _str(value, path)
    try:
        return cls(text)
    except ValueError:
        allowed = ", ".join(member.value for member in cls)
        raise CollabError(path, f"{_show(text)} is not one of {allowed}") from None


def _list(value: object, path: str) -> list[Any]:
    if isinstance(value, Array):
        if len(value) > y.MAX_LIST:
            raise CollabError(path, f"{len(value)} items, more than {y.MAX_LIST}")
        value = value.to_py() or []
    if not isinstance(value, list):
        raise _expected(path, "a list", value)
    if len(value) > y.MAX_LIST:
        raise CollabError(path, f"{len(value)} items, more than {y.MAX_LIST}")
    return value


def _moment(value: object, path: str, pattern: re.Pattern[str], parse: Callable[[str], Any]) -> Any:
    if value is None:
        return None
    text = _str(value, path)
    if not pattern.fullmatch(text):
        raise CollabError(path, f"{_show(text)} is not an ISO 8601 value of the kind expected here")
    try:
        return parse(text)
    except ValueError as error:
        raise CollabError(path, f"{_show(text)}: {error}") from None


def _date(value: object, path: str) -> dt.date | None:
    result: dt.date | None = _moment(value, path, _DATE, dt.date.fromisoformat)
    return result


def _time(value: object, path: str) -> dt.time | None:
    result: dt.time | None = _moment(value, path, _TIME, dt.time.fromisoformat)
    return result


def _stamp(value: object, path: str) -> dt.datetime | None:
    result: dt.datetime | None = _moment(value, path, _MOMENT, dt.datetime.fromisoformat)
    if result is not None and not stamp_in_range(result):
        raise CollabError(path, f"{_show(value)} is outside the years a report can hold")
    return result


def _change(value: object, path: str) -> Change:
    if not isinstance(value, dict):
        raise _expected(path, "a change (author, date, move)", value)
    _keys(value, path, ("author", "date", "move"), ("author",))
    return Change(
        author=_str(value["author"], f"{path}.author"),
        date=_stamp(value.get("date"), f"{path}.date"),
        move=_str(value.get("move", ""), f"{path}.move"),
    )


def _optional_change(value: object, path: str) -> Change | None:
    return None if value is None else _change(value, path)


#: A section, session or footnote a reviewer proposed to add or remove whole.
_PART_MARKS = ("inserted", "deleted")


def _part_marks(values: dict[str, Any], path: str) -> dict[str, Any]:
    return {key: _optional_change(values.get(key), f"{path}.{key}") for key in _PART_MARKS}


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
            path = _at(name, key)
            _identifier(key, path)
            if not isinstance(value, Map):
                raise _expected(path, "a map", value)
            values = {field: value.get(field) for field in value.keys()}  # noqa: SIM118 - pycrdt types iter() as Iterable
            position = values.get(y.POS)
            if position is None:
                raise CollabError(f"{path}.{y.POS}", "is missing")
            position = _str(position, f"{path}.{y.POS}", y.MAX_KEY_LENGTH)
            if not KEY.fullmatch(position):
                raise CollabError(f"{path}.{y.POS}", f"{_show(position)} is not an order key")
            entries.append((key, values, path))
        entries.sort(key=lambda entry: (entry[1][y.POS], entry[0]))
        return entries

    # ---- text

    def _text(self, value: object, path: str) -> Text:
        if not isinstance(value, Text):
            raise _expected(path, "a text", value)
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
                raise CollabError(path, f"holds {_kind_of(chunk)} where only text goes")
            parts.append(chunk)
        return "".join(parts)

    def _rich(self, value: object, path: str, *, notes_allowed: bool) -> list[Inline]:
        """Formatted text: spans, footnote references (embeds), and empty spans holding a comment (embeds)."""
        text = self._text(value, path)
        content: list[Inline] = []
        for index, (chunk, given) in enumerate(text.diff()):
            where = f"{path}[{index}]"
            attributes = given or {}
            if not isinstance(attributes, dict):
                raise _expected(f"{where}.attributes", "an object", attributes)
            _keys(attributes, f"{where}.attributes", y.SPAN_ATTRIBUTES)
            if isinstance(chunk, str):
                content.append(self._span(chunk, attributes, f"{where}.attributes"))
            elif isinstance(chunk, dict) and set(chunk) == {y.FOOTNOTE_EMBED}:
                if not notes_allowed:
                    raise CollabError(where, "a footnote cannot hold a footnote reference")
                note = _identifier(chunk[y.FOOTNOTE_EMBED], f"{where}.{y.FOOTNOTE_EMBED}")
                ref = FootnoteRef(
                    note,
                    inserted=_optional_change(attributes.get(y.INSERTED), f"{where}.attributes.{y.INSERTED}"),
                    deleted=_optional_change(attributes.get(y.DELETED), f"{where}.attributes.{y.DELETED}"),
                )
                if note in self.note_ids:  # a reference to a footnote deleted meanwhile goes with it
                    content.append(ref)
            elif isinstance(chunk, dict) and chunk == {y.EMPTY_EMBED: True}:
                span = self._span("", attributes, f"{where}.attributes")
                if span.comments:
                    content.append(span)
            else:
                raise CollabError(where, f"holds {_show(chunk)}, which is neither text nor one of our embeds")
        return _merged(content)

    def _span(self, text: str, attributes: dict[str, Any], path: str) -> Span:
        emphasis = {key: attributes.get(key) for key in y.EMPHASIS}
        for key, value in emphasis.items():
            if value is not None:
                _bool(value, f"{path}.{key}")
        old_format = attributes.get(y.OLD_FORMAT)
        comments = _list(attributes.get(y.COMMENT_IDS) or [], f"{path}.{y.COMMENT_IDS}")
        ids = tuple(_identifier(item, f"{path}.{y.COMMENT_IDS}[{i}]") for i, item in enumerate(comments))
        return Span(
            text=text,
            bold=bool(emphasis[y.BOLD]),
            italic=bool(emphasis[y.ITALIC]),
            underline=bool(emphasis[y.UNDERLINE]),
            inserted=_optional_change(attributes.get(y.INSERTED), f"{path}.{y.INSERTED}"),
            deleted=_optional_change(attributes.get(y.DELETED), f"{path}.{y.DELETED}"),
            old_format=None if old_format is None else _format_change(old_format, f"{path}.{y.OLD_FORMAT}"),
            comments=tuple(item for item in ids if item in self.comment_ids),
        )

    # ---- the report

    def report(self) -> Report:
        meta = self._root(y.META)
        if not len(meta):
            raise EmptyRoomError(y.META, "the shared document holds no report yet")
        values = meta.to_py() or {}
        _keys(values, y.META, ("format", "version", "language", "author", "created", "modified", "template"))
        if values.get("format") != y.FORMAT:
            raise CollabError(f"{y.META}.format", f"{_show(values.get('format'))} is not {y.FORMAT!r}")
        version = _int(values.get("version"), f"{y.META}.version", 1, 1 << 30)
        if version > y.LAYOUT_VERSION:
            raise CollabError(
                f"{y.META}.version", f"layout {version} is newer than this version reads ({y.LAYOUT_VERSION})"
            )
        language = _str(values.get("language", "en"), f"{y.META}.language")
        if not is_language_tag(language):
            raise CollabError(f"{y.META}.language", f"{_show(language)} is not a language tag")
        comments = self._comments()  # first: the spans of footnotes and bodies name them
        footnotes = self._footnotes()
        sections = self._sections()
        return Report(
            language=language,
            title=self._title(),
            sections=sections,
            footnotes=footnotes,
            author=_str(values.get("author", ""), f"{y.META}.author"),
            created=_stamp(values.get("created"), f"{y.META}.created"),
            modified=_stamp(values.get("modified"), f"{y.META}.modified"),
            template=_str(values.get("template", ""), f"{y.META}.template"),
            field_changes=self._field_changes(),
            comments=comments,
        )

    def _title(self) -> TitleBlock:
        title = self._root(y.TITLE)
        values = {key: title.get(key) for key in title.keys()}  # noqa: SIM118 - as above
        _keys(values, y.TITLE, (*y.TITLE_TEXTS, *y.TITLE_MOMENTS))
        texts = {key: self._plain(values[key], f"{y.TITLE}.{key}") if key in values else "" for key in y.TITLE_TEXTS}
        return TitleBlock(
            **texts,
            date=_date(values.get("date"), f"{y.TITLE}.date"),
            start_time=_time(values.get("start_time"), f"{y.TITLE}.start_time"),
            end_time=_time(values.get("end_time"), f"{y.TITLE}.end_time"),
        )

    def _footnotes(self) -> list[Footnote]:
        notes = []
        for note_id, values, path in self._entries(y.FOOTNOTES):
            _keys(values, path, (y.POS, "text", *_PART_MARKS), ("text",))
            content = self._rich(values["text"], f"{path}.text", notes_allowed=False)
            notes.append(
                Footnote(
                    id=note_id,
                    content=[item for item in content if isinstance(item, Span)],
                    **_part_marks(values, path),
                )
            )
        self.note_ids = {note.id for note in notes}
        return notes

    def _comments(self) -> list[Comment]:
        comments = []
        keys = ("author", "text", "date", "initials", "parent", "done", "field_name", "owner")
        for comment_id, values, path in self._entries(y.COMMENTS):
            _keys(values, path, (y.POS, *keys), ("author",))
            paragraphs = _list(values.get("text", []), f"{path}.text")
            comments.append(
                Comment(
                    id=comment_id,
                    author=_str(values["author"], f"{path}.author"),
                    text=[_str(item, f"{path}.text[{i}]", y.MAX_TEXT_BYTES) for i, item in enumerate(paragraphs)],
                    date=_stamp(values.get("date"), f"{path}.date"),
                    initials=_str(values.get("initials", ""), f"{path}.initials"),
                    parent=_str(values.get("parent", ""), f"{path}.parent"),
                    done=_bool(values.get("done", False), f"{path}.done"),
                    field_name=_str(values.get("field_name", ""), f"{path}.field_name"),
                    owner=_str(values.get("owner", ""), f"{path}.owner"),
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
            _keys(
                values,
                path,
                (y.POS, "kind", "level", "heading", "default_heading", "participants", *_PART_MARKS),
                ("kind",),
            )
            kind = _enum(SectionKind, values["kind"], f"{path}.kind")
            default = _bool(values.get("default_heading", False), f"{path}.default_heading")
            heading = self._plain(values["heading"], f"{path}.heading") if "heading" in values else ""
            participants = [
                _participant(item, f"{path}.participants[{i}]")
                for i, item in enumerate(_list(values.get("participants", []), f"{path}.participants"))
            ]
            if participants and kind is not SectionKind.PARTICIPATION:
                raise CollabError(f"{path}.participants", "only the participation section lists participants")
            section = Section(
                kind=kind,
                heading=None if default else heading,
                level=_int(values.get("level", 1), f"{path}.level", 1, 2),
                participants=participants,
                id=section_id,
                **_part_marks(values, path),
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
            _keys(values, path, (y.POS, "section", "title", "goals", *_PART_MARKS), ("section",))
            owner = _identifier(values["section"], f"{path}.section")
            if session_id in sections:
                raise CollabError(path, "a section has the same id")
            session = Session(
                title=self._plain(values["title"], f"{path}.title") if "title" in values else "",
                goals=[
                    _str(item, f"{path}.goals[{i}]", y.MAX_TEXT_BYTES)
                    for i, item in enumerate(_list(values.get("goals", []), f"{path}.goals"))
                ],
                id=session_id,
                **_part_marks(values, path),
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
            _keys(
                values,
                path,
                (y.POS, "owner", "kind", "level", "text", "inserted", "deleted", "old_format"),
                ("owner", "kind"),
            )
            owner = _identifier(values["owner"], f"{path}.owner")
            if block_id in sections or block_id in sessions:
                raise CollabError(path, "a section or session has the same id")
            old_format = values.get("old_format")
            block = Block(
                kind=_enum(BlockKind, values["kind"], f"{path}.kind"),
                content=self._rich(values["text"], f"{path}.text", notes_allowed=True) if "text" in values else [],
                level=_int(values.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL),
                id=block_id,
                inserted=_optional_change(values.get("inserted"), f"{path}.inserted"),
                deleted=_optional_change(values.get("deleted"), f"{path}.deleted"),
                old_format=None if old_format is None else _block_format(old_format, f"{path}.old_format"),
            )
            body = sessions.get(owner) or sections.get(owner)
            if body is not None:  # else its section or session was deleted meanwhile
                body.blocks.append(block)

    def _field_changes(self) -> list[FieldChange]:
        array = self.doc.get(y.FIELD_CHANGES, type=Array)
        changes = []
        for index, value in enumerate(_list(array, y.FIELD_CHANGES)):
            path = f"{y.FIELD_CHANGES}[{index}]"
            if not isinstance(value, dict):
                raise _expected(path, "an object", value)
            _keys(value, path, ("field", "owner", "old", "change"), ("field", "change"))
            field = _str(value["field"], f"{path}.field")
            kind = _OLD_VALUES.get(field)
            if kind is None:
                raise CollabError(f"{path}.field", f"{_show(field)} is not a field a change can name")
            changes.append(
                FieldChange(
                    field_name=field,
                    owner=_str(value.get("owner", ""), f"{path}.owner"),
                    old=_old_value(kind, value.get("old"), f"{path}.old"),
                    change=_change(value["change"], f"{path}.change"),
                )
            )
        return changes


def _participant(value: object, path: str) -> Participant:
    if not isinstance(value, dict):
        raise _expected(path, "an object", value)
    _keys(value, path, ("name", "code"), ("name",))
    return Participant(name=_str(value["name"], f"{path}.name"), code=_str(value.get("code", ""), f"{path}.code"))


def _format_change(value: object, path: str) -> FormatChange:
    if not isinstance(value, dict):
        raise _expected(path, "an object", value)
    _keys(value, path, ("change", *y.EMPHASIS), ("change",))
    return FormatChange(
        change=_change(value["change"], f"{path}.change"),
        **{key: _bool(value.get(key, False), f"{path}.{key}") for key in y.EMPHASIS},
    )


def _block_format(value: object, path: str) -> BlockFormatChange:
    if not isinstance(value, dict):
        raise _expected(path, "an object", value)
    _keys(value, path, ("change", "kind", "level"), ("change", "kind"))
    return BlockFormatChange(
        change=_change(value["change"], f"{path}.change"),
        kind=_enum(BlockKind, value["kind"], f"{path}.kind"),
        level=_int(value.get("level", 1), f"{path}.level", 1, MAX_BULLET_LEVEL),
    )


def _old_value(
    kind: str, value: object, path: str
) -> str | int | list[str] | list[Participant] | dt.date | dt.time | None:
    if kind == "date":
        return _date(value, path)
    if kind == "time":
        return _time(value, path)
    if kind == "level":
        return _int(value, path, 1, 2)
    if kind == "list":
        return [_str(item, f"{path}[{i}]", y.MAX_TEXT_BYTES) for i, item in enumerate(_list(value, path))]
    if kind == "participants":
        return [_participant(item, f"{path}[{i}]") for i, item in enumerate(_list(value, path))]
    return None if value is None else _str(value, path, y.MAX_TEXT_BYTES)


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
