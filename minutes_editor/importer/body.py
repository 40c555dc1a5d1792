"""Reading a document's body (or a footnote) into paragraphs of text pieces with emphasis, straight from the XML.

python-docx's ``Paragraph.text`` and ``runs`` skip text inside ``w:ins`` and
every ``w:delText``, so tracked changes would silently lose text; this reader
walks the XML itself: blocks, paragraphs and their properties (style,
outline, numbering, indent, direction), runs with their emphasis, fields,
note references, drawings and text boxes. Reviewers' marks are kept on the
pieces (docs/review.md), followed by ``ReviewMarks``
(minutes_editor.importer.review_marks); what the reader reads into is in
minutes_editor.importer.pieces, what a run's child reads as in
minutes_editor.importer.run_text. Content the report model cannot hold
(tables, text boxes, images, fields, links) becomes text where it stood or
an event the importer turns into a note.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.importer.pieces import (
    BodyStats,
    Event,
    Item,
    NoteMarker,
    Piece,
    RawParagraph,
    TextPiece,
    _merge,
    _Paragraph,
)
from minutes_editor.importer.review_marks import _NO_MARKS, _REVISIONS, _RPR_CHANGE, ReviewMarks, _Marks
from minutes_editor.importer.run_text import _ALTERNATE, _CHOICE, _DEL_TEXT, _run_child_text, _run_children
from minutes_editor.importer.styles import W_VAL, Numbering, Styles, emphasis_of, indent_of, on_off
from minutes_editor.model.report import Change
from minutes_editor.ooxml import vocabulary as vocab
from minutes_editor.ooxml.ns import qn, w

#: Paragraph styles of the report template (compared as style_key): their bold or italic is the role's look.
ROLE_STYLE_NAMES = frozenset(
    vocab.style_key(style.xml_name) for style in (*vocab.ROLE_STYLES.values(), vocab.FOOTNOTE_TEXT)
)

_PARAGRAPH = w("p")
_RUN = w("r")
_TABLE = w("tbl")
_TXBX = w("txbxContent")
_MATH_TEXT = qn("m:t")
_MATH = (qn("m:oMath"), qn("m:oMathPara"))
_DOC_PR = qn("wp:docPr")
_PPR, _PSTYLE, _RPR, _RSTYLE = w("pPr"), w("pStyle"), w("rPr"), w("rStyle")
_OUTLINE, _BIDI, _NUM_PR, _NUM_ID, _ILVL = w("outlineLvl"), w("bidi"), w("numPr"), w("numId"), w("ilvl")
_INSTR, _FLD_CHAR, _COMMENT_REFERENCE = w("instrText"), w("fldChar"), w("commentReference")
_FOOTNOTE_REFERENCE = w("footnoteReference")
_NOTE_REFERENCES = frozenset({_FOOTNOTE_REFERENCE, w("endnoteReference")})
_DRAWINGS = frozenset({w("drawing"), w("pict"), w("object")})
_IMAGE_DATA = qn("v:imagedata")

#: Run-level containers whose children are read as if they stood in the paragraph.
_TRANSPARENT = frozenset(
    w(tag) for tag in ("smartTag", "customXml", "bdo", "dir", "sdtContent", "fldSimple", "rubyBase")
)
_SKIPPED_RUN_CHILDREN = frozenset(
    w(tag)
    for tag in (
        "rPr",
        "instrText",
        "delInstrText",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "annotationRef",
        "commentReference",
        "lastRenderedPageBreak",
        "softHyphen",
        "fldChar",
        "dayShort",
        "monthShort",
        "yearShort",
        "dayLong",
        "monthLong",
        "yearLong",
        "pgNum",
    )
)


@dataclass
class _Field:
    """A complex field being read: its instruction so far, and whether its shown result is left out."""

    instruction: list[str] = field(default_factory=list)
    counted: bool = False
    suppress: bool = False


class BodyReader(ReviewMarks):
    """Reads block-level content (a body, a footnote, a table cell) into paragraphs and events."""

    def __init__(
        self,
        styles: Styles,
        numbering: Numbering,
        hyperlinks: dict[str, str] | None = None,
        stats: BodyStats | None = None,
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.hyperlinks = hyperlinks or {}
        self.stats = stats or BodyStats()
        self._open_comments: dict[str, None] = {}
        self._comment_starts: dict[str, int] = {}
        self._commented: set[str] = set()
        #: Characters read so far: where comment ranges start and end.
        self._position = 0
        #: Open move ranges by kind ("from", "to"): range id -> the move's name.
        self._open_moves: dict[str, dict[str, str]] = {"from": {}, "to": {}}
        self._open_bookmarks: dict[str, str] = {}
        self._fields: list[_Field] = []
        self._drop_cap: list[Piece] = []
        #: Bookmark names around note references, for NOTEREF fields that repeat a note's mark.
        self.bookmark_notes: dict[str, NoteMarker] = {}

    # ------------------------------------------------------------ blocks

    def read_blocks(self, container: etree._Element, source: str = "body") -> list[Item]:
        """Read the paragraphs, tables and content controls of a block container, in order."""
        items: list[Item] = []
        self._blocks(container, items, source, _NO_MARKS)
        return items

    def _blocks(self, container: etree._Element, items: list[Item], source: str, marks: _Marks) -> None:
        for child in container:
            tag = child.tag
            if tag == _PARAGRAPH:
                self._paragraph_item(child, items, source, marks)
            elif tag == _TABLE:
                self._table(child, items)
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self._blocks(content, items, source, marks)
            elif tag in _REVISIONS:
                inner = self._revision(child, marks)
                if any(grandchild.tag == _RUN for grandchild in child):
                    # Runs straight in a body-level change: read as a paragraph of their own, where they stood.
                    holder = etree.Element(_PARAGRAPH)
                    holder.append(copy.deepcopy(child))
                    self._paragraph_item(holder, items, source, marks)
                else:
                    self._blocks(child, items, source, inner)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._blocks(choice, items, source, marks)
            elif tag == w("altChunk"):
                items.append(Event("embedded", "an embedded document (altChunk) whose content is not imported"))
            else:
                self._range_mark(child, None)

    def _paragraph_item(self, element: etree._Element, items: list[Item], source: str, marks: _Marks) -> None:
        paragraph, after = self.read_paragraph(element, source, marks)
        if self._drop_cap:
            # A drop cap is the first letter of the next paragraph, set in a frame of its own.
            paragraph.pieces = _merge([*self._drop_cap, *paragraph.pieces])
            self._drop_cap = []
        frame = element.find(f"{w('pPr')}/{w('framePr')}")
        if frame is not None and frame.get(w("dropCap")) in ("drop", "margin") and paragraph.text.strip():
            self._drop_cap = paragraph.pieces
            items.extend(after)
            return
        items.append(paragraph)
        items.extend(after)

    def read_paragraph(
        self, element: etree._Element, source: str = "body", marks: _Marks = _NO_MARKS
    ) -> tuple[RawParagraph, list[Item]]:
        """Read one w:p: the paragraph, then what stood inside it that is not its text (text boxes, events).

        ``marks`` are the changes around the paragraph (a body-level ``w:ins`` or ``w:del``): its content and
        its mark carry them.
        """
        styles = self.styles
        ppr = element.find(_PPR)
        style_element = ppr.find(_PSTYLE) if ppr is not None else None
        style_id = styles.paragraph_style(style_element.get(W_VAL) if style_element is not None else None)
        names = tuple(styles.names_in_chain(style_id))
        state = _Paragraph(style_id, role_style=bool(names) and names[0] in ROLE_STYLE_NAMES)
        self._inline(element, state, marks)
        for open_field in self._fields:
            open_field.suppress = False  # a note mark's number never runs past its paragraph
        self._position += 1  # the paragraph mark: a comment ending here does not end where the next one starts
        raw = RawParagraph(
            pieces=_merge(state.pieces),
            style_id=style_id,
            style_names=names,
            source=source,
            bookmarks=tuple(state.bookmarks),
        )
        self._paragraph_properties(raw, ppr)
        self._paragraph_changes(raw, ppr, state, marks)
        self.stats.paragraphs += 1
        if raw.bidi:
            self.stats.rtl_paragraphs += 1
        return raw, list(state.after)

    def _paragraph_properties(self, raw: RawParagraph, ppr: etree._Element | None) -> None:
        styles = self.styles
        style_id = raw.style_id
        defaults = styles.paragraph_defaults(style_id)
        outline, bidi, indent = defaults.outline, defaults.bidi, defaults.indent
        num_id, ilvl = defaults.num_id, defaults.ilvl
        from_style = num_id is not None
        if ppr is not None:
            element = ppr.find(_OUTLINE)
            if element is not None:
                outline = _int(element.get(W_VAL), outline)
            direct_bidi = on_off(ppr.find(_BIDI))
            bidi = direct_bidi if direct_bidi is not None else bidi
            direct_indent = indent_of(ppr)
            indent = direct_indent if direct_indent is not None else indent
            num_pr = ppr.find(_NUM_PR)
            if num_pr is not None:
                num_element = num_pr.find(_NUM_ID)
                ilvl_element = num_pr.find(_ILVL)
                if num_element is not None:
                    num_id = num_element.get(W_VAL)
                    from_style = False
                    ilvl = None
                if ilvl_element is not None:
                    ilvl = _int(ilvl_element.get(W_VAL), 0)
        if outline is not None and not 0 <= outline <= 8:
            outline = None  # 9 is "body text"
        raw.outline = outline
        raw.bidi = bidi
        raw.indent = indent
        if num_id is None or num_id == "0":
            return
        if ilvl is None:
            linked = self.numbering.level_of_style(num_id, style_id, styles) if from_style else None
            ilvl = linked if linked is not None else 0
        level = self.numbering.level(num_id, ilvl, styles)
        if level is None or level.fmt == "none":
            return
        raw.list_kind = "bullet" if level.fmt == "bullet" else "number"
        raw.list_level = max(0, ilvl)
        raw.list_text = level.text

    # ------------------------------------------------------------ inline

    def _inline(self, parent: etree._Element, state: _Paragraph, marks: _Marks) -> None:
        for child in parent:
            tag = child.tag
            if tag == _RUN:
                self._run(child, state, marks)
            elif tag == w("fldSimple"):
                instruction = child.get(w("instr")) or ""
                self._count_field(instruction)
                bookmark = _note_ref_target(instruction)
                if bookmark is None:
                    self._inline(child, state, marks)
                else:
                    # A repeated footnote mark: the cached number is not text, the mark is.
                    state.pieces.append(NoteMarker("ref", bookmark, marks.inserted, marks.deleted))
            elif tag in _TRANSPARENT:
                self._inline(child, state, marks)
            elif tag in _REVISIONS:
                self._inline(child, state, self._revision(child, marks, state))
            elif tag == w("bookmarkStart"):
                name = child.get(w("name")) or ""
                self._open_bookmarks[child.get(w("id")) or ""] = name
                state.bookmarks.append(name)
            elif tag == w("bookmarkEnd"):
                self._open_bookmarks.pop(child.get(w("id")) or "", None)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, state, marks)
            elif tag == w("hyperlink"):
                self._hyperlink(child)
                self._inline(child, state, marks)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, state, marks)
            elif tag in _MATH:
                text = "".join(node.text or "" for node in child.iter(_MATH_TEXT))
                if text:
                    self._add_text(state, TextPiece(text, inserted=marks.inserted, deleted=marks.deleted))
                    state.after.append(Event("equation", text))
            elif tag == _PARAGRAPH:
                # A paragraph nested in a paragraph happens only in broken files: keep its text in line.
                self._inline(child, state, marks)
            else:
                self._range_mark(child, state)

    def _run(self, run: etree._Element, state: _Paragraph, marks: _Marks) -> None:
        rpr = run.find(_RPR)
        character_style = None
        if rpr is not None:
            element = rpr.find(_RSTYLE)
            character_style = element.get(W_VAL) if element is not None else None
            self._count_language(rpr)
        base = self.styles.run_emphasis(state.style_id, character_style, role_style=state.role_style)
        direct = emphasis_of(rpr)
        bold = direct.bold if direct.bold is not None else base.bold
        italic = direct.italic if direct.italic is not None else base.italic
        underline = direct.underline if direct.underline is not None else base.underline
        emphasis = (bool(bold), bool(italic), bool(underline))
        change = rpr.find(_RPR_CHANGE) if rpr is not None else None
        old_format = self._old_format(change, state, emphasis) if change is not None else None
        had_text = False
        for child in _run_children(run):
            tag = child.tag
            if tag in _SKIPPED_RUN_CHILDREN:
                if tag == _INSTR and self._fields:
                    self._fields[-1].instruction.append(child.text or "")
                elif tag == _FLD_CHAR:
                    self._field_char(child, state, marks)
                elif tag == _COMMENT_REFERENCE:
                    comment_id = child.get(w("id")) or ""
                    if comment_id not in self._comment_starts:
                        # A comment without a range is anchored where its mark stands.
                        self._comment_starts[comment_id] = self._position
                        self.stats.comment_ranges.setdefault(comment_id, (self._position, self._position))
                    if comment_id not in self._commented:
                        self._point_comment(state, comment_id)
                continue
            text = _run_child_text(child)
            if text is not None:
                if any(open_field.suppress for open_field in self._fields):
                    continue
                deleted = marks.deleted
                if tag == _DEL_TEXT and deleted is None:
                    deleted = Change(author="")  # deleted text outside a deletion: Word never shows it either
                had_text = had_text or bool(text)
                piece = TextPiece(text, *emphasis, marks.inserted, deleted, old_format, tuple(self._open_comments))
                self._add_text(state, piece)
            elif tag in _NOTE_REFERENCES:
                kind = "footnote" if tag == _FOOTNOTE_REFERENCE else "endnote"
                marker = NoteMarker(kind, child.get(w("id")) or "", marks.inserted, marks.deleted)
                state.pieces.append(marker)
                for name in self._open_bookmarks.values():
                    self.bookmark_notes.setdefault(name, marker)
            elif tag in _DRAWINGS:
                if not marks.deleted:
                    self._drawing(child, state)
            elif tag == w("ruby"):
                base_element = child.find(w("rubyBase"))
                if base_element is not None:
                    self._inline(base_element, state, marks)
        if change is not None and old_format is None and had_text:
            self.stats.format_changes += 1

    def _add_text(self, state: _Paragraph, piece: TextPiece) -> None:
        state.pieces.append(piece)
        self._position += len(piece.text)
        if piece.text:
            self._commented.update(piece.comments)

    def _drawing(self, element: etree._Element, state: _Paragraph) -> None:
        # Only the outermost text boxes: one inside another is read with its parent's paragraphs.
        boxes = [box for box in element.iter(_TXBX) if not any(a.tag == _TXBX for a in _ancestors(box, element))]
        for box in boxes:
            state.after.append(Event("textbox", ""))
            state.after.extend(self.read_blocks(box, source="textbox"))
        if element.tag == w("object"):
            state.after.append(Event("object", "an embedded object"))
            return
        names = [
            doc_pr.get("descr") or doc_pr.get("title") or doc_pr.get("name") or "" for doc_pr in element.iter(_DOC_PR)
        ]
        pictures = element.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic", _IMAGE_DATA)
        if any(True for _ in pictures):
            label = next((name for name in names if name), "")
            state.after.append(Event("image", label))
        elif not boxes:
            label = next((name for name in names if name), "")
            state.after.append(Event("drawing", label))

    def _hyperlink(self, element: etree._Element) -> None:
        rel_id = element.get(qn("r:id"))
        if rel_id and rel_id in self.hyperlinks:
            self.stats.links.append(self.hyperlinks[rel_id])

    def _field_char(self, element: etree._Element, state: _Paragraph, marks: _Marks) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            instruction = "".join(current.instruction)
            self._count_field(instruction)
            current.counted = True
            bookmark = _note_ref_target(instruction)
            if bookmark is not None:
                current.suppress = True
                state.pieces.append(NoteMarker("ref", bookmark, marks.inserted, marks.deleted))
        elif kind == "end" and self._fields:
            current = self._fields.pop()
            if not current.counted:
                self._count_field("".join(current.instruction))

    def _count_field(self, instruction: str) -> None:
        words = instruction.split()
        if not words:
            return
        name = words[0].upper()
        self.stats.fields[name] += 1
        if name == "HYPERLINK" and len(words) > 1 and not words[1].startswith("\\"):
            self.stats.links.append(words[1].strip('"'))

    def _count_language(self, rpr: etree._Element) -> None:
        lang = rpr.find(w("lang"))
        if lang is None:
            return
        rtl = on_off(rpr.find(w("rtl"))) or on_off(rpr.find(w("cs")))
        tag = lang.get(w("bidi")) if rtl else lang.get(W_VAL)
        if tag:
            self.stats.languages[tag] += 1

    # ------------------------------------------------------------ tables

    def _table(self, table: etree._Element, items: list[Item]) -> None:
        rows = list(_rows(table))
        items.append(Event("table", str(len(rows))))
        for row in rows:
            pieces: list[Piece] = []
            after: list[Item] = []
            for cell in _cells(row):
                cell_items = self.read_blocks(cell, source="table")
                cell_pieces: list[Piece] = []
                for item in cell_items:
                    if isinstance(item, RawParagraph) and item.source == "table":
                        if cell_pieces and item.pieces:
                            cell_pieces.append(TextPiece(" "))
                        cell_pieces.extend(item.pieces)
                    else:
                        after.append(item)
                if pieces:
                    pieces.append(TextPiece(" | "))
                pieces.extend(cell_pieces)
            items.append(RawParagraph(pieces=_merge(pieces), source="table"))
            items.extend(after)


def _note_ref_target(instruction: str) -> str | None:
    """The bookmark a NOTEREF field points at, or None for any other field."""
    words = instruction.split()
    if len(words) > 1 and words[0].upper() == "NOTEREF":
        return words[1].strip('"')
    return None


def _ancestors(element: etree._Element, stop: etree._Element) -> list[etree._Element]:
    result = []
    for ancestor in element.iterancestors():
        if ancestor is stop:
            break
        result.append(ancestor)
    return result


def _rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == w("tr"):
            rows.append(child)
        elif child.tag in (w("sdt"), w("customXml"), w("ins")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                rows.extend(_rows(content))
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = []
    for child in row:
        if child.tag == w("tc"):
            cells.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                cells.extend(_cells(content))
    return cells


def _int(value: str | None, default: int | None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


__all__ = [
    "BodyReader",
    "BodyStats",
    "Event",
    "Item",
    "NoteMarker",
    "Piece",
    "RawParagraph",
    "TextPiece",
]
