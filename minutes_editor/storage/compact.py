"""The compact .minutes encoding of recovery snapshots: fast enough to write between two keystrokes.

The recovery snapshot and the journal's body records are written while the
user types, so their JSON is built without the indentation of a saved file
(which makes Python's json fall back to its slow encoder), and paragraphs
encoded for the last snapshot are reused. Any .minutes reader opens the
result: it is the same document as ``report_to_bytes`` gives.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report, Span
from minutes_editor.storage.minutes_file import report_to_document


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

    The same JSON document as ``report_to_bytes`` (any .minutes reader opens
    it), without the indentation that makes Python's json fall back to its
    slow pure-Python encoder (about 130 ms for a report of 11,000
    paragraphs). Body blocks, the bulk of a report, are encoded by
    ``_blocks_json`` (reusing what ``paragraphs`` remembers of the last
    autosave); everything else comes from ``report_to_document``, so the
    format stays defined in one place (tests compare the two).
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
    text = json.dumps(skeleton, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    # split() leaves the skeleton's text at even places and the bodies' numbers at odd ones.
    pieces = _MARK_JSON.split(text)
    pieces[1::2] = [fragments[int(number)] for number in pieces[1::2]]
    pieces.append("\n")
    text = "".join(pieces)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # As report_to_bytes: join surrogate pairs split in two, replace lone halves with U+FFFD.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


# Stands for a body in the skeleton; a control character and a random tag no report text holds.
_MARK = f"\0{uuid.uuid4().hex}:"
_MARK_JSON = re.compile('"' + re.escape(json.dumps(_MARK)[1:-1]) + '([0-9]+)"')
_encode_text = json.encoder.encode_basestring
_BLOCK_HEADS = {kind: '{"type":' + _encode_text(kind.value) + ',"content":[' for kind in BlockKind}


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
    """One body block as compact JSON, the same object as a .minutes file holds."""
    encode = _encode_text
    if block.kind is BlockKind.BULLET:
        head = f'{{"type":"bullet","level":{block.level:d},"content":['
    else:
        head = _BLOCK_HEADS[block.kind]
    content = block.content
    if len(content) == 1:
        # Most paragraphs are one span without emphasis: the short way.
        item = content[0]
        if isinstance(item, Span) and not (item.bold or item.italic or item.underline):
            return head + '{"text":' + encode(item.text) + "}]}"
    items: list[str] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            items.append('{"footnote":' + encode(item.footnote_id) + "}")
        elif item.bold or item.italic or item.underline:
            items.append(
                '{"text":'
                + encode(item.text)
                + (',"bold":true' if item.bold else "")
                + (',"italic":true' if item.italic else "")
                + (',"underline":true' if item.underline else "")
                + "}"
            )
        else:
            items.append('{"text":' + encode(item.text) + "}")
    return head + ",".join(items) + "]}"
