"""The one ``.minutes`` encoder: each field's JSON defined once, written in two layouts.

``report_to_document`` and the ``*_object`` functions below say how every
field of a report is written; nothing else does. A saved file lays the
document out indented (``report_to_bytes``: readable, diff-friendly); a
recovery snapshot lays it out compact (``recovery_bytes``: fast enough to
write between two keystrokes), and the journal's body records use the same
compact encoding of a paragraph (``block_json``). Both layouts are the same
JSON document, so any .minutes reader opens either. See docs/file-format.md.
Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

from minutes_editor.model.report import (
    ActionItem,
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
    Table,
)

FORMAT_NAME = "minutes-editor-report"
FORMAT_VERSION = 3

Json = dict[str, Any]


# ------------------------------------------------------ what each field is


def report_to_document(report: Report) -> Json:
    """The JSON document of a .minutes file for ``report``."""
    title = report.title
    title_obj: Json = {
        "meeting": title.meeting,
        "subtitle": title.subtitle,
        "date": title.date.isoformat() if title.date else None,
        "start_time": time_text(title.start_time),
        "end_time": time_text(title.end_time),
        "timezone": title.timezone,
        "location": title.location,
        "status": title.status,
    }
    body: Json = {
        "language": report.language,
        "title": title_obj,
        "sections": [section_object(section) for section in report.sections],
        "footnotes": [footnote_object(note) for note in report.footnotes],
        "author": report.author,
        "created": datetime_text(report.created),
        "modified": datetime_text(report.modified),
        "template": report.template,
    }
    # Reviewers' marks are written only when there are some: a report nobody reviewed stays as small as before.
    if report.field_changes:
        body["field_changes"] = [field_change_object(change) for change in report.field_changes]
    if report.comments:
        body["comments"] = [comment_object(comment) for comment in report.comments]
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": body}


def datetime_text(value: dt.datetime | None) -> str | None:
    """A moment as the format writes it: ISO 8601 with its offset, kept to the second (None for none)."""
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is not None and offset.microseconds:
        # Offsets are kept to the second: Python 3.11 misreads a fraction of
        # a second in an offset ("+00:00:00.000001" comes back as UTC).
        value = value.replace(tzinfo=dt.timezone(dt.timedelta(seconds=int(offset.total_seconds()))))
    return value.isoformat()


def time_text(value: dt.time | None) -> str | None:
    """A wall-clock time as the format writes it: ``HH:MM``, with seconds only when it has some."""
    if value is None:
        return None
    whole_minutes = value.second == 0 and value.microsecond == 0
    return value.isoformat(timespec="minutes") if whole_minutes else value.isoformat()


def section_object(section: Section) -> Json:
    """A section as the format writes it, with its body, and its participants or sessions by kind."""
    obj: Json = {"id": section.id, "kind": section.kind.value, "heading": section.heading, "level": section.level}
    _part_marks(section, obj)
    obj["blocks"] = [block_object(block) for block in section.blocks]
    if section.kind is SectionKind.PARTICIPATION:
        obj["participants"] = [_participant_object(item) for item in section.participants]
    if section.kind is SectionKind.DISCUSSION:
        obj["sessions"] = [session_object(session) for session in section.sessions]
    return obj


def _part_marks(part: Section | Session | Footnote, obj: Json) -> None:
    # A section, session or footnote a reviewer proposed to add or remove whole (written only when so).
    if part.inserted is not None:
        obj["inserted"] = change_object(part.inserted)
    if part.deleted is not None:
        obj["deleted"] = change_object(part.deleted)


def footnote_object(note: Footnote) -> Json:
    """A footnote as the format writes it: its id, its marks when a reviewer added or removed it, its text."""
    obj: Json = {"id": note.id}
    _part_marks(note, obj)
    obj["content"] = inlines_object(list(note.content))
    return obj


def session_object(session: Session, *, body: bool = True) -> Json:
    """A session as the format writes it (without ``blocks`` when not ``body``, as the journal's records)."""
    obj: Json = {"id": session.id, "title": session.title, "goals": list(session.goals)}
    _part_marks(session, obj)
    if body:
        obj["blocks"] = [block_object(block) for block in session.blocks]
    return obj


def _participant_object(participant: Participant) -> Json:
    obj: Json = {"name": participant.name}
    if participant.code:
        obj["code"] = participant.code
    return obj


def block_object(block: Block) -> Json:
    """A body block as the format writes it (``level`` for bullets only; pending changes only when it has some).

    A table has its ``table`` instead of ``content``; an action item its
    ``action`` after its ``content``.
    """
    obj: Json = {"id": block.id, "type": block.kind.value}
    if block.kind is BlockKind.BULLET:
        obj["level"] = block.level
    if block.table is not None:
        obj["table"] = table_object(block.table)
    else:
        obj["content"] = inlines_object(block.content)
    if block.action is not None:
        obj["action"] = action_object(block.action)
    if block.inserted is not None:
        obj["inserted"] = change_object(block.inserted)
    if block.deleted is not None:
        obj["deleted"] = change_object(block.deleted)
    if block.old_format is not None:
        obj["old_format"] = block_format_change_object(block.old_format)
    return obj


def table_object(table: Table) -> Json:
    """A table as the format writes it: whether its first row is a header, then its rows of cells of spans."""
    return {"header": table.header, "rows": [[inlines_object(list(cell)) for cell in row] for row in table.rows]}


def action_object(action: ActionItem) -> Json:
    """What makes a block an action item: its owners, its deadline (only when it has one), its status."""
    obj: Json = {"owners": list(action.owners)}
    if action.deadline is not None:
        obj["deadline"] = action.deadline.isoformat()
    obj["status"] = action.status.value
    return obj


def inlines_object(content: list[Inline]) -> list[Json]:
    """A run of text as the format writes it: spans with the emphasis and marks they have, and footnote references."""
    result: list[Json] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            ref: Json = {"footnote": item.footnote_id}
            if item.inserted is not None:
                ref["inserted"] = change_object(item.inserted)
            if item.deleted is not None:
                ref["deleted"] = change_object(item.deleted)
            result.append(ref)
            continue
        obj: Json = {"text": item.text}
        if item.bold:
            obj["bold"] = True
        if item.italic:
            obj["italic"] = True
        if item.underline:
            obj["underline"] = True
        if item.inserted is not None:
            obj["inserted"] = change_object(item.inserted)
        if item.deleted is not None:
            obj["deleted"] = change_object(item.deleted)
        if item.old_format is not None:
            obj["old_format"] = format_change_object(item.old_format)
        if item.comments:
            obj["comments"] = list(item.comments)
        result.append(obj)
    return result


# ------------------------------------------------------ reviewers' changes and comments


def change_object(change: Change) -> Json:
    """Who proposed a change and when: ``author``, then ``date`` and ``move`` when it has them."""
    obj: Json = {"author": change.author}
    if change.date is not None:
        obj["date"] = datetime_text(change.date)
    if change.move:
        obj["move"] = change.move
    return obj


def format_change_object(change: FormatChange) -> Json:
    """A span's pending change of emphasis: who and when, and the emphasis before it (flags that were on)."""
    obj = change_object(change.change)
    if change.bold:
        obj["bold"] = True
    if change.italic:
        obj["italic"] = True
    if change.underline:
        obj["underline"] = True
    return obj


def block_format_change_object(change: BlockFormatChange) -> Json:
    """A block's pending change of type or level: who and when, and the type (and bullet level) before it."""
    obj = change_object(change.change)
    obj["type"] = change.kind.value
    if change.kind is BlockKind.BULLET:
        obj["level"] = change.level
    return obj


def field_value_text(value: object) -> object:
    """A field's value as the format writes it: text, a list of text, a date, a time, or null."""
    if isinstance(value, dt.datetime):  # never a field's value; checked first because it is a date too
        return datetime_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return time_text(value)
    if isinstance(value, list):
        return [_participant_object(item) if isinstance(item, Participant) else item for item in value]
    return value


def field_change_object(change: FieldChange) -> Json:
    """A pending change of a field that is not body text: the field, its owner's id, its value before, who and when."""
    obj: Json = {"field": change.field_name, "owner": change.owner, "old": field_value_text(change.old)}
    obj.update(change_object(change.change))
    return obj


def comment_object(comment: Comment) -> Json:
    """A comment or reply: id, what it answers, who and when, its state, the field it is on, and its paragraphs."""
    obj: Json = {"id": comment.id}
    if comment.parent:
        obj["parent"] = comment.parent
    obj["author"] = comment.author
    if comment.initials:
        obj["initials"] = comment.initials
    if comment.date is not None:
        obj["date"] = datetime_text(comment.date)
    if comment.done:
        obj["done"] = True
    if comment.field_name:
        obj["field"] = comment.field_name
        obj["owner"] = comment.owner
    obj["text"] = list(comment.text)
    return obj


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, mending what UTF-8 cannot encode.

    Halves of UTF-16 surrogate pairs (which a paste through Qt can leave)
    are mended: a pair split into two code points is joined into its
    character, a lone half becomes U+FFFD.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


# ------------------------------------------------------ the saved file: indented


def report_to_bytes(report: Report) -> bytes:
    """The bytes of a .minutes file: indented UTF-8 JSON, readable and diff-friendly (text mended as ``utf8``)."""
    return utf8(json.dumps(report_to_document(report), ensure_ascii=False, indent=1) + "\n")


# ------------------------------------------------------ recovery: compact


class ParagraphJson:
    """The JSON of the body paragraphs an autosave wrote, by paragraph, for the next autosave to reuse.

    Between two autosaves a rapporteur changes a few paragraphs of a report
    that may hold thousands. The window never changes a paragraph in place:
    the body store gives an edited paragraph a new Block (bodies.py) and
    find and replace goes through the body documents too; so a Block seen
    before still has the JSON written then. Only the paragraphs of the last
    report written are kept.
    """

    def __init__(self) -> None:
        self.known: dict[int, tuple[Block, str]] = {}
        self.seen: dict[int, tuple[Block, str]] = {}

    def start(self) -> None:
        """Begin a report: what it does not use again is forgotten at ``finish``."""
        self.seen = {}

    def finish(self) -> None:
        """End a report: keep its paragraphs for the next one."""
        self.known, self.seen = self.seen, {}


def recovery_bytes(report: Report, paragraphs: ParagraphJson | None = None) -> bytes:
    """The report as a .minutes file, compact and fast enough to write between two keystrokes.

    The same JSON document as ``report_to_bytes``, without the indentation
    that makes Python's json fall back to its slow pure-Python encoder
    (about 130 ms for a report of 11,000 paragraphs). Body blocks, the bulk
    of a report, are encoded one by one with ``block_json`` (reusing what
    ``paragraphs`` remembers of the last autosave) and set into the compact
    encoding of the rest of the document.
    """
    cache = paragraphs if paragraphs is not None else ParagraphJson()
    cache.start()
    stripped = shell(
        report,
        sections=[
            shell(section, blocks=[], sessions=[shell(session, blocks=[]) for session in section.sessions])
            for section in report.sections
        ],
    )
    skeleton = report_to_document(stripped)
    fragments: list[str] = []
    for section, section_obj in zip(report.sections, skeleton["report"]["sections"], strict=True):
        section_obj["blocks"] = _MARK + str(len(fragments))
        fragments.append(_blocks_json(section.blocks, cache))
        for session, session_obj in zip(section.sessions, section_obj.get("sessions", []), strict=False):
            session_obj["blocks"] = _MARK + str(len(fragments))
            fragments.append(_blocks_json(session.blocks, cache))
    cache.finish()
    text = _COMPACT.encode(skeleton)
    # split() leaves the skeleton's text at even places and the bodies' numbers at odd ones.
    pieces = _MARK_JSON.split(text)
    pieces[1::2] = [fragments[int(number)] for number in pieces[1::2]]
    pieces.append("\n")
    return utf8("".join(pieces))


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
# Stands for a body in the skeleton; a control character and a random tag no report text holds.
_MARK = f"\0{uuid.uuid4().hex}:"
_MARK_JSON = re.compile('"' + re.escape(json.dumps(_MARK)[1:-1]) + '([0-9]+)"')
_encode_text = json.encoder.encode_basestring


def shell(obj: Any, **changes: object) -> Any:
    """A shallow copy of a model record with some fields replaced."""
    # dataclasses.replace is three times slower.
    copy = object.__new__(obj.__class__)
    copy.__dict__.update(obj.__dict__)
    copy.__dict__.update(changes)
    return copy


def _blocks_json(blocks: list[Block], cache: ParagraphJson) -> str:
    known, seen = cache.known, cache.seen
    parts = []
    for block in blocks:
        hit = known.get(id(block))
        if hit is None or hit[0] is not block:
            hit = (block, block_json(block))
        seen[id(block)] = hit
        parts.append(hit[1])
    return "[" + ",".join(parts) + "]"


def block_json(block: Block) -> str:
    """One body block as compact JSON: ``block_object`` encoded, as a recovery snapshot and the journal hold it."""
    content = block.content
    plain = block.inserted is None and block.deleted is None and block.old_format is None and block.action is None
    if len(content) == 1 and plain:
        # Most paragraphs are one span without emphasis or marks: its id and text set into the encoding of
        # such a block (``_plain_block``), three times faster than encoding the block's object.
        item = content[0]
        if isinstance(item, Span) and not (
            item.bold
            or item.italic
            or item.underline
            or item.inserted is not None
            or item.deleted is not None
            or item.old_format is not None
            or item.comments
        ):
            around = _PLAIN_BLOCKS.get((block.kind, block.level))
            if around is None:
                around = _PLAIN_BLOCKS[block.kind, block.level] = _plain_block(block.kind, block.level)
            return around[0] + _encode_text(block.id) + around[1] + _encode_text(item.text) + around[2]
    return _COMPACT.encode(block_object(block))


def _plain_block(kind: BlockKind, level: int) -> tuple[str, str, str]:
    # What comes before the id, between the id and the text, and after the text in the encoding of a block of
    # one plain span: made by encoding such a block, so the fields stay defined by block_object alone.
    id_tag, text_tag = uuid.uuid4().hex, uuid.uuid4().hex
    encoded = _COMPACT.encode(block_object(Block(kind=kind, content=[Span(text=text_tag)], level=level, id=id_tag)))
    before, rest = encoded.split(f'"{id_tag}"')
    between, after = rest.split(f'"{text_tag}"')
    return before, between, after


_PLAIN_BLOCKS: dict[tuple[BlockKind, int], tuple[str, str, str]] = {}
