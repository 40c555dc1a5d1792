"""Accept All and Reject All of a .docx, read from its XML as Word does them: independent of our writer and importer.

A stand-in for tests/support/word_views.py (being written with the importer);
it reads only what the law of docs/review.md needs, with lxml alone:

- Text inside ``w:ins`` / ``w:moveTo`` is kept by Accept All and dropped by
  Reject All; text inside ``w:del`` / ``w:moveFrom`` the other way round;
  text inside both (an insertion deleted again) is dropped by both.
- A run's emphasis is its ``w:rPr`` after Accept All, and the ``w:rPr`` kept
  in its ``w:rPrChange`` after Reject All; a paragraph's style and list
  level likewise from ``w:pPr`` or its ``w:pPrChange``.
- A paragraph whose end goes (its mark deleted, accepting; inserted,
  rejecting: ``w:pPr/w:rPr/w:del|w:ins|w:moveFrom|w:moveTo``) is joined
  with the next paragraph: what is left of it goes in front of the next
  one, which keeps its own properties. The last paragraph's end never goes.
- Footnote references are numbered in the order they remain; the notes are
  read in that order, each with the same rules.

A paragraph is its style id, list level (None when not in a list) and text
pieces, each with bold, italic and underline; neighbouring pieces with the
same emphasis are joined, so run boundaries do not matter.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_INSERTED = {_w("ins"), _w("moveTo")}
_DELETED = {_w("del"), _w("moveFrom")}
_CONTAINERS = {_w(name) for name in ("fldSimple", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "dir")}
_OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class Text:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference: the number it shows in this view."""

    number: int


Item = Text | NoteRef


@dataclass(frozen=True)
class Para:
    """A paragraph as a view shows it."""

    style: str
    level: int | None
    items: tuple[Item, ...]

    @property
    def text(self) -> str:
        return "".join(item.text if isinstance(item, Text) else f"[{item.number}]" for item in self.items)


@dataclass
class View:
    """A whole document after Accept All or Reject All: body paragraphs and footnotes, in order."""

    body: list[Para] = field(default_factory=list)
    notes: list[list[Para]] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The body's paragraph texts, then each note's, for readable failures."""
        return [p.text for p in self.body] + ["note: " + " / ".join(p.text for p in note) for note in self.notes]


def views(data: bytes) -> tuple[View, View]:
    """(Accept All, Reject All) of a .docx's bytes."""
    return view(data, accept=True), view(data, accept=False)


def view(data: bytes, *, accept: bool) -> View:
    """What Word shows after Accept All (``accept``) or Reject All."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        names = archive.namelist()
        footnotes = etree.fromstring(archive.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    numbers: dict[str, int] = {}
    body_element = document.find(_w("body"))
    assert body_element is not None
    body = _story(body_element.findall(_w("p")), accept, numbers)
    result = View(body)
    notes = {} if footnotes is None else {note.get(_w("id")): note for note in footnotes.findall(_w("footnote"))}
    # Notes referenced from notes are not made by our writer; the body's references decide the order.
    for note_id in list(numbers):
        note = notes.get(note_id)
        result.notes.append([] if note is None else _story(note.findall(_w("p")), accept, {}))
    return result


def _story(paragraphs: list[etree._Element], accept: bool, numbers: dict[str, int]) -> list[Para]:
    out: list[Para] = []
    carried: list[Item] = []
    for index, paragraph in enumerate(paragraphs):
        style, level, goes = _properties(paragraph, accept)
        items = carried + list(_content(paragraph, accept, numbers, inserted=False, deleted=False))
        if goes and index < len(paragraphs) - 1:
            carried = items
            continue
        carried = []
        out.append(Para(style, level, _joined(items)))
    return out


def _properties(paragraph: etree._Element, accept: bool) -> tuple[str, int | None, bool]:
    ppr = paragraph.find(_w("pPr"))
    if ppr is None:
        return "", None, False
    source = ppr
    change = ppr.find(_w("pPrChange"))
    if not accept and change is not None:
        old = change.find(_w("pPr"))
        source = old if old is not None else etree.Element(_w("pPr"))
    style = source.find(_w("pStyle"))
    ilvl = source.find(f"{_w('numPr')}/{_w('ilvl')}")
    mark = ppr.find(_w("rPr"))
    goes = False
    if mark is not None:
        tags = {child.tag for child in mark}
        goes = bool(tags & _DELETED) if accept else bool(tags & _INSERTED)
    return (
        "" if style is None else style.get(_w("val"), ""),
        None if ilvl is None else int(ilvl.get(_w("val"), "0")),
        goes,
    )


def _content(
    element: etree._Element, accept: bool, numbers: dict[str, int], *, inserted: bool, deleted: bool
) -> Iterator[Item]:
    for child in element:
        tag = child.tag
        if tag in _INSERTED:
            yield from _content(child, accept, numbers, inserted=True, deleted=deleted)
        elif tag in _DELETED:
            yield from _content(child, accept, numbers, inserted=inserted, deleted=True)
        elif tag in _CONTAINERS:
            yield from _content(child, accept, numbers, inserted=inserted, deleted=deleted)
        elif tag == _w("r"):
            if (accept and deleted) or (not accept and inserted):
                continue
            yield from _run(child, accept, numbers)


def _run(run: etree._Element, accept: bool, numbers: dict[str, int]) -> Iterator[Item]:
    rpr = run.find(_w("rPr"))
    if rpr is not None and not accept:
        change = rpr.find(_w("rPrChange"))
        if change is not None:
            old = change.find(_w("rPr"))
            rpr = old if old is not None else etree.Element(_w("rPr"))
    emphasis = (_on(rpr, "b"), _on(rpr, "i"), _underlined(rpr))
    for child in run:
        tag = child.tag
        if tag in (_w("t"), _w("delText")):
            yield Text(child.text or "", *emphasis)
        elif tag == _w("tab"):
            yield Text("\t", *emphasis)
        elif tag == _w("br"):
            yield Text("\n", *emphasis)
        elif tag == _w("footnoteReference"):
            note_id = child.get(_w("id"), "")
            yield NoteRef(numbers.setdefault(note_id, len(numbers) + 1))


def _on(rpr: etree._Element | None, name: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(_w(name))
    return element is not None and element.get(_w("val"), "true").lower() not in _OFF


def _underlined(rpr: etree._Element | None) -> bool:
    if rpr is None:
        return False
    element = rpr.find(_w("u"))
    return element is not None and element.get(_w("val"), "single") != "none"


def _joined(items: list[Item]) -> tuple[Item, ...]:
    out: list[Item] = []
    for item in items:
        if isinstance(item, Text):
            if not item.text:
                continue
            last = out[-1] if out else None
            if isinstance(last, Text) and (last.bold, last.italic, last.underline) == (
                item.bold,
                item.italic,
                item.underline,
            ):
                out[-1] = Text(last.text + item.text, item.bold, item.italic, item.underline)
                continue
        out.append(item)
    return tuple(out)
