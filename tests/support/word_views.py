"""What Word shows of a .docx after Accept All and after Reject All: paragraph texts and footnotes, from the XML.

An independent reading for tests (it shares no code with the importer or the
writer), following Word's semantics of tracked changes:

- Accept All drops text inside ``w:del`` and ``w:moveFrom`` and keeps text
  inside ``w:ins`` and ``w:moveTo``; Reject All does the reverse. Text
  inserted by one reviewer and deleted by another (a ``w:del`` inside a
  ``w:ins``, or the reverse) is gone in both views.
- A paragraph mark (``w:pPr/w:rPr``) marked ``w:del``/``w:moveFrom`` goes in
  Accept All, one marked ``w:ins``/``w:moveTo`` goes in Reject All. When a
  paragraph's mark goes, what is left of it joins the next paragraph of the
  same container (body, table cell, footnote); the last paragraph of a
  container keeps its mark. A paragraph with nothing left after a join is gone.
- Formatting changes (``w:rPrChange``, ``w:pPrChange``) change no text.

Text is ``w:t`` (and ``w:delText`` where deleted text shows), ``w:tab`` as a
tab, ``w:br``/``w:cr`` as a line break, ``w:noBreakHyphen`` as U+2011; field
instructions, the fallback of ``mc:AlternateContent``, drawings and text
boxes, and comments' own text are not the paragraph's text. A footnote
reference shows as ``[^N]``, N numbering the footnotes in the order the view
first references them; ``View.footnotes`` lists each referenced footnote's
paragraphs in that order (Word shows no footnote nobody references).

Usage::

    views = read_views(path)      # Views(accepted=View(...), rejected=View(...))
    views.accepted.paragraphs     # ["Title", "Date: ...", ...]
    views.rejected.footnotes      # [["This designation ..."], ...]
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _PPR, _RPR = _w("p"), _w("pPr"), _w("rPr")
_INSERTED = frozenset({_w("ins"), _w("moveTo")})
_DELETED = frozenset({_w("del"), _w("moveFrom")})
#: What is never the text of the paragraph it stands in.
_SKIPPED = frozenset(
    {
        _w("instrText"),
        _w("delInstrText"),
        _w("txbxContent"),
        _w("drawing"),
        _w("pict"),
        _w("object"),
        f"{{{MC}}}Fallback",
        _PPR,
        _RPR,
    }
)


@dataclass
class View:
    """One view of a document: its body's paragraph texts, and the text of each footnote it references."""

    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[list[str]] = field(default_factory=list)


@dataclass
class Views:
    """A document after Accept All and after Reject All."""

    accepted: View
    rejected: View


def read_views(path: Path, *, empty_before_table: bool = True) -> Views:
    """Both views of the .docx at ``path``.

    ``empty_before_table`` False reads as the model decides (docs/review.md): a paragraph whose mark goes
    right before a table, with no text left, goes. Word and LibreOffice keep it, empty (its mark has
    nothing to join), which is what the default reads.
    """
    body, notes = _parts(path)
    keep = empty_before_table
    return Views(
        accepted=_view(body, notes, accept=True, keep_empty=keep),
        rejected=_view(body, notes, accept=False, keep_empty=keep),
    )


def _parts(path: Path) -> tuple[etree._Element, dict[str, etree._Element]]:
    with zipfile.ZipFile(path) as archive:
        rels = etree.fromstring(archive.read("_rels/.rels"))
        main = next(
            rel.get("Target", "").lstrip("/")
            for rel in rels.iter(f"{{{RELS}}}Relationship")
            if rel.get("Type", "").endswith("/officeDocument")
        )
        document = etree.fromstring(archive.read(main))
        folder = PurePosixPath(main).parent
        rels_name = str(folder / "_rels" / f"{PurePosixPath(main).name}.rels")
        notes: dict[str, etree._Element] = {}
        if rels_name in archive.namelist():
            for rel in etree.fromstring(archive.read(rels_name)).iter(f"{{{RELS}}}Relationship"):
                if rel.get("Type", "").endswith("/footnotes") and rel.get("TargetMode") != "External":
                    part = etree.fromstring(archive.read(str(folder / rel.get("Target", ""))))
                    for note in part.iter(_w("footnote")):
                        if note.get(_w("type"), "normal") == "normal":
                            notes[note.get(_w("id"), "")] = note
    body = document.find(_w("body"))
    assert body is not None, f"{path.name} has no body"
    return body, notes


def _view(body: etree._Element, notes: dict[str, etree._Element], *, accept: bool, keep_empty: bool = True) -> View:
    order: dict[str, int] = {}
    paragraphs = _paragraphs(body, accept, order, keep_empty)
    # Footnotes referenced inside footnotes are numbered after those of the body, as Word numbers them.
    footnotes: list[list[str]] = []
    index = 0
    while index < len(order):
        note_id = next(key for key, number in order.items() if number == index + 1)
        note = notes.get(note_id)
        footnotes.append(_paragraphs(note, accept, order) if note is not None else [])
        index += 1
    return View(paragraphs, footnotes)


def _paragraphs(container: etree._Element, accept: bool, order: dict[str, int], keep_empty: bool = True) -> list[str]:
    """The paragraph texts of a container in one view, in order; a table's cells each a container of their own."""
    result: list[str] = []
    carried: str | None = None  # what is left of paragraphs whose marks went, waiting for the next paragraph

    def close(*, before_table: bool = False) -> None:
        nonlocal carried
        if carried is not None and (carried or keep_empty or not before_table):
            result.append(carried)  # the last paragraph of a container keeps its mark
        carried = None

    for paragraph in _blocks(container, accept):
        if paragraph.tag == _w("tbl"):
            close(before_table=True)
            for row in paragraph.iterfind(_w("tr")):
                if _row_goes(row, accept):
                    continue
                for cell in row.iterfind(_w("tc")):
                    result.extend(_paragraphs(cell, accept, order, keep_empty))
            continue
        text = (carried or "") + _text(paragraph, accept, order)
        if _mark_goes(paragraph, accept):
            carried = text
            continue
        carried = None
        result.append(text)
    close()
    return result


def _blocks(container: etree._Element, accept: bool) -> list[etree._Element]:
    """A container's paragraphs and tables, in order, through content controls."""
    found: list[etree._Element] = []
    for child in container:
        tag = child.tag
        if tag in (_P, _w("tbl")):
            found.append(child)
        elif tag in (_w("sdt"), _w("sdtContent"), _w("customXml")) or (
            # A change around whole paragraphs: they are there in one view only.
            tag in _INSERTED | _DELETED and (tag in _INSERTED) == accept
        ):
            found.extend(_blocks(child, accept))
    return found


def _row_goes(row: etree._Element, accept: bool) -> bool:
    """Whether a table row proposed inserted or deleted whole (``w:trPr/w:ins``, ``w:del``) is gone in this view."""
    tags = {child.tag for child in row.iterfind(_w("trPr") + "/*")}
    return bool(tags & _DELETED) if accept else bool(tags & _INSERTED)


def _mark_goes(paragraph: etree._Element, accept: bool) -> bool:
    rpr = paragraph.find(f"{_PPR}/{_RPR}")
    if rpr is None:
        return False
    tags = {child.tag for child in rpr}
    # A mark inserted by one reviewer and deleted by another goes in both views.
    return bool(tags & _DELETED) if accept else bool(tags & _INSERTED)


def _text(paragraph: etree._Element, accept: bool, order: dict[str, int]) -> str:
    parts: list[str] = []
    _collect(paragraph, accept, order, parts)
    return "".join(parts)


def _collect(element: etree._Element, accept: bool, order: dict[str, int], parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if (accept and tag in _DELETED) or (not accept and tag in _INSERTED):
            continue
        if tag == _P and child is not element:
            continue  # a paragraph inside a text box or cell: not this paragraph's text
        if tag == _w("t"):
            parts.append(child.text or "")
        elif tag == _w("delText"):
            if not accept:
                parts.append(child.text or "")
        elif tag == _w("tab"):
            parts.append("\t")
        elif tag in (_w("br"), _w("cr")):
            parts.append("\n")
        elif tag == _w("noBreakHyphen"):
            parts.append("\u2011")
        elif tag == _w("footnoteReference"):
            note_id = child.get(_w("id"), "")
            order.setdefault(note_id, len(order) + 1)
            parts.append(f"[^{order[note_id]}]")
        elif tag == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                _collect(choice, accept, order, parts)
        else:
            _collect(child, accept, order, parts)
