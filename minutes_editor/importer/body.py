"""Reading a document's body (or a footnote) into plain paragraphs with emphasis, straight from the XML.

python-docx's ``Paragraph.text`` and ``runs`` skip text inside ``w:ins`` and
every ``w:delText``, so tracked changes would silently lose text; this reader
walks the XML itself. Tracked insertions and moves count as text; deletions
are reported, not kept. Content the report model cannot hold (tables, text
boxes, images, comments, fields, links) becomes text where it stood or an
event the importer turns into a note for the user.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.importer.styles import W_VAL, Numbering, Styles, emphasis_of, indent_of, on_off
from minutes_editor.ooxml import vocabulary as vocab
from minutes_editor.ooxml.ns import qn, w

#: Paragraph styles of the report template (compared as style_key): their bold or italic is the role's look.
ROLE_STYLE_NAMES = frozenset(
    vocab.style_key(style.xml_name) for style in (*vocab.ROLE_STYLES.values(), vocab.FOOTNOTE_TEXT)
)

_TEXT = w("t")
_DEL_TEXT = w("delText")
_PARAGRAPH = w("p")
_RUN = w("r")
_TABLE = w("tbl")
_TXBX = w("txbxContent")
_ALTERNATE = qn("mc:AlternateContent")
_CHOICE = qn("mc:Choice")
_MATH_TEXT = qn("m:t")
_MATH = (qn("m:oMath"), qn("m:oMathPara"))
_DOC_PR = qn("wp:docPr")
_PPR, _PSTYLE, _RPR, _RSTYLE = w("pPr"), w("pStyle"), w("rPr"), w("rStyle")
_OUTLINE, _BIDI, _NUM_PR, _NUM_ID, _ILVL = w("outlineLvl"), w("bidi"), w("numPr"), w("numId"), w("ilvl")
_INSTR, _FLD_CHAR, _COMMENT_REFERENCE = w("instrText"), w("fldChar"), w("commentReference")
_FOOTNOTE_REFERENCE = w("footnoteReference")
_NOTE_REFERENCES = frozenset({_FOOTNOTE_REFERENCE, w("endnoteReference")})
_DRAWINGS = frozenset({w("drawing"), w("pict"), w("object")})
_TAB, _BR = frozenset({w("tab"), w("ptab")}), frozenset({w("br"), w("cr")})
_IMAGE_DATA = qn("v:imagedata")

#: Run-level containers whose children are read as if they stood in the paragraph.
_TRANSPARENT = frozenset(
    w(tag) for tag in ("smartTag", "customXml", "bdo", "dir", "ins", "moveTo", "sdtContent", "fldSimple", "rubyBase")
)
_DELETED = frozenset({w("del"), w("moveFrom")})
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


@dataclass(frozen=True)
class TextPiece:
    """Text with its effective emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class NoteMarker:
    """A footnote or endnote reference mark; ``note_id`` is the w:id in the notes part."""

    kind: str
    note_id: str


Piece = TextPiece | NoteMarker


@dataclass
class RawParagraph:
    """A paragraph as Word shows it: text pieces plus what tells its role (style, outline, numbering, indent)."""

    pieces: list[Piece]
    style_id: str | None = None
    style_names: tuple[str, ...] = ()
    outline: int | None = None
    list_kind: str | None = None
    list_level: int = 0
    list_text: str = ""
    indent: int | None = None
    bidi: bool | None = None
    source: str = "body"
    #: Names of the bookmarks that start in the paragraph (a writer may name a heading's section kind so).
    bookmarks: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The paragraph's text, note marks left out."""
        return "".join(piece.text for piece in self.pieces if isinstance(piece, TextPiece))

    @property
    def style_name(self) -> str:
        """Lower-cased name of the paragraph's own style."""
        return self.style_names[0] if self.style_names else ""

    def has_style(self, *names: str) -> bool:
        """Whether the paragraph's style, or a style it is based on, has one of these (lower-case) names."""
        return any(name in names for name in self.style_names)


@dataclass(frozen=True)
class Event:
    """Something the report model cannot hold, at the place it stood: a table, image, comment, deletion."""

    kind: str
    detail: str


Item = RawParagraph | Event


@dataclass
class BodyStats:
    """What the reader saw on the way, for notes and for guessing the language."""

    insertions: int = 0
    deletions: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    links: list[str] = field(default_factory=list)
    comment_anchors: dict[str, list[str]] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    rtl_paragraphs: int = 0
    paragraphs: int = 0


@dataclass
class _Field:
    """A complex field being read: its instruction so far, and whether its shown result is left out."""

    instruction: list[str] = field(default_factory=list)
    counted: bool = False
    suppress: bool = False


@dataclass
class _Paragraph:
    """State while reading one paragraph."""

    style_id: str | None
    role_style: bool
    pieces: list[Piece] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    after: list[Item] = field(default_factory=list)


class BodyReader:
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
        self._open_comments: set[str] = set()
        self._open_bookmarks: dict[str, str] = {}
        self._fields: list[_Field] = []
        self._drop_cap: list[Piece] = []
        #: Bookmark names around note references, for NOTEREF fields that repeat a note's mark.
        self.bookmark_notes: dict[str, NoteMarker] = {}

    # ------------------------------------------------------------ blocks

    def read_blocks(self, container: etree._Element, source: str = "body") -> list[Item]:
        """Read the paragraphs, tables and content controls of a block container, in order."""
        items: list[Item] = []
        self._blocks(container, items, source)
        return items

    def _blocks(self, container: etree._Element, items: list[Item], source: str) -> None:
        for child in container:
            tag = child.tag
            if tag == _PARAGRAPH:
                self._paragraph_item(child, items, source)
            elif tag == _TABLE:
                self._table(child, items)
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self._blocks(content, items, source)
            elif tag in (w("ins"), w("moveTo")):
                self.stats.insertions += 1
                self._blocks(child, items, source)
            elif tag in _DELETED:
                text = " ".join(_deleted_text(child).split())
                if text and tag == w("moveFrom"):
                    items.append(Event("moved", text))
                elif text:
                    self.stats.deletions += 1
                    items.append(Event("deletion", text))
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._blocks(choice, items, source)
            elif tag == w("altChunk"):
                items.append(Event("embedded", "an embedded document (altChunk) whose content is not imported"))

    def _paragraph_item(self, element: etree._Element, items: list[Item], source: str) -> None:
        paragraph, after = self.read_paragraph(element, source)
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

    def read_paragraph(self, element: etree._Element, source: str = "body") -> tuple[RawParagraph, list[Item]]:
        """Read one w:p: the paragraph, then what stood inside it that is not its text (text boxes, events)."""
        styles = self.styles
        ppr = element.find(_PPR)
        style_element = ppr.find(_PSTYLE) if ppr is not None else None
        style_id = styles.paragraph_style(style_element.get(W_VAL) if style_element is not None else None)
        names = tuple(styles.names_in_chain(style_id))
        state = _Paragraph(style_id, role_style=bool(names) and names[0] in ROLE_STYLE_NAMES)
        self._inline(element, state, deleted=False)
        for open_field in self._fields:
            open_field.suppress = False  # a note mark's number never runs past its paragraph
        for comment_id in self._open_comments:
            self.stats.comment_anchors.setdefault(comment_id, []).append(" ")
        raw = RawParagraph(
            pieces=_merge(state.pieces),
            style_id=style_id,
            style_names=names,
            source=source,
            bookmarks=tuple(state.bookmarks),
        )
        self._paragraph_properties(raw, ppr)
        self.stats.paragraphs += 1
        if raw.bidi:
            self.stats.rtl_paragraphs += 1
        after = list(state.after)
        if state.deleted:
            text = " ".join(" ".join(state.deleted).split())
            if text:
                self.stats.deletions += 1
                after.insert(0, Event("deletion", text))
        return raw, after

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

    def _inline(self, parent: etree._Element, state: _Paragraph, *, deleted: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == _RUN:
                self._run(child, state, deleted=deleted)
            elif tag == w("fldSimple"):
                instruction = child.get(w("instr")) or ""
                self._count_field(instruction)
                bookmark = _note_ref_target(instruction)
                if bookmark is None:
                    self._inline(child, state, deleted=deleted)
                elif not deleted:
                    # A repeated footnote mark: the cached number is not text, the mark is.
                    state.pieces.append(NoteMarker("ref", bookmark))
            elif tag in _TRANSPARENT:
                if tag in (w("ins"), w("moveTo")) and not deleted:
                    self.stats.insertions += 1
                self._inline(child, state, deleted=deleted)
            elif tag == w("bookmarkStart"):
                name = child.get(w("name")) or ""
                self._open_bookmarks[child.get(w("id")) or ""] = name
                state.bookmarks.append(name)
            elif tag == w("bookmarkEnd"):
                self._open_bookmarks.pop(child.get(w("id")) or "", None)
            elif tag in _DELETED:
                self._inline(child, state, deleted=True)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, state, deleted=deleted)
            elif tag == w("hyperlink"):
                self._hyperlink(child)
                self._inline(child, state, deleted=deleted)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, state, deleted=deleted)
            elif tag == w("commentRangeStart"):
                comment_id = child.get(w("id")) or ""
                self._open_comments.add(comment_id)
                self.stats.comment_anchors.setdefault(comment_id, [])
            elif tag == w("commentRangeEnd"):
                self._open_comments.discard(child.get(w("id")) or "")
            elif tag in _MATH:
                text = "".join(node.text or "" for node in child.iter(_MATH_TEXT))
                if text:
                    self._add_text(state, TextPiece(text))
                    state.after.append(Event("equation", text))
            elif tag == _PARAGRAPH:
                # A paragraph nested in a paragraph happens only in broken files: keep its text in line.
                self._inline(child, state, deleted=deleted)

    def _run(self, run: etree._Element, state: _Paragraph, *, deleted: bool) -> None:
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
        for child in _run_children(run):
            tag = child.tag
            if tag in _SKIPPED_RUN_CHILDREN:
                if tag == _INSTR and self._fields:
                    self._fields[-1].instruction.append(child.text or "")
                elif tag == _FLD_CHAR:
                    self._field_char(child, state, deleted=deleted)
                elif tag == _COMMENT_REFERENCE:
                    state.after.append(Event("comment", child.get(w("id")) or ""))
                continue
            text = _run_child_text(child)
            if text is not None:
                if any(open_field.suppress for open_field in self._fields):
                    continue
                if deleted or tag == _DEL_TEXT:
                    state.deleted.append(text)
                else:
                    self._add_text(state, TextPiece(text, bool(bold), bool(italic), bool(underline)))
            elif tag in _NOTE_REFERENCES:
                if not deleted:
                    kind = "footnote" if tag == _FOOTNOTE_REFERENCE else "endnote"
                    marker = NoteMarker(kind, child.get(w("id")) or "")
                    state.pieces.append(marker)
                    for name in self._open_bookmarks.values():
                        self.bookmark_notes.setdefault(name, marker)
            elif tag in _DRAWINGS:
                if not deleted:
                    self._drawing(child, state)
            elif tag == w("ruby"):
                base_element = child.find(w("rubyBase"))
                if base_element is not None:
                    self._inline(base_element, state, deleted=deleted)

    def _add_text(self, state: _Paragraph, piece: TextPiece) -> None:
        state.pieces.append(piece)
        for comment_id in self._open_comments:
            self.stats.comment_anchors.setdefault(comment_id, []).append(piece.text)

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

    def _field_char(self, element: etree._Element, state: _Paragraph, *, deleted: bool) -> None:
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
                if not deleted:
                    state.pieces.append(NoteMarker("ref", bookmark))
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


def _run_children(run: etree._Element) -> list[etree._Element]:
    """A run's children, with mc:AlternateContent replaced by the content of its first choice."""
    children: list[etree._Element] = []
    for child in run:
        if child.tag == _ALTERNATE:
            choice = child.find(_CHOICE)
            if choice is not None:
                children.extend(choice)
        else:
            children.append(child)
    return children


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


def _run_child_text(child: etree._Element) -> str | None:
    tag = child.tag
    if tag in (_TEXT, _DEL_TEXT):
        return child.text or ""
    if tag in _TAB:
        return "\t"
    if tag in _BR:
        kind = child.get(w("type"))
        return " " if kind in ("page", "column") else "\n"
    if tag == w("noBreakHyphen"):
        return "\u2011"
    if tag == w("sym"):
        return _symbol(child.get(w("font")) or "", child.get(w("char")) or "")
    return None


#: The Symbol font's code points (Adobe Symbol encoding) that differ from Latin-1, as Unicode.
_SYMBOL_FONT = (
    dict(
        zip(
            range(0x41, 0x5B),
            "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ",
            strict=True,
        )
    )
    | dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True))
    | {
        0x22: "∀",
        0x24: "∃",
        0x27: "∋",
        0x2A: "∗",
        0x2D: "−",
        0x40: "≅",
        0x5C: "∴",
        0x5E: "⊥",
        0x7E: "∼",
        0xA2: "′",
        0xA3: "≤",
        0xA5: "∞",
        0xA7: "♣",
        0xA8: "♦",
        0xA9: "♥",
        0xAA: "♠",
        0xAB: "↔",
        0xAC: "←",
        0xAD: "↑",
        0xAE: "→",
        0xAF: "↓",
        0xB0: "°",
        0xB1: "±",
        0xB2: "″",
        0xB3: "≥",
        0xB4: "×",
        0xB6: "∂",
        0xB7: "•",
        0xB8: "÷",
        0xB9: "≠",
        0xBA: "≡",
        0xBB: "≈",
        0xBC: "…",
        0xC4: "⊗",
        0xC5: "⊕",
        0xC6: "∅",
        0xC7: "∩",
        0xC8: "∪",
        0xCE: "∈",
        0xD1: "∇",
        0xD2: "®",
        0xD3: "©",
        0xD4: "™",
        0xD6: "√",
        0xD7: "⋅",
        0xD8: "¬",
        0xD9: "∧",
        0xDA: "∨",
        0xDB: "⇔",
        0xDC: "⇐",
        0xDE: "⇒",
        0xE0: "◊",
        0xE1: "〈",
        0xE5: "∑",
        0xF1: "〉",
        0xF2: "∫",
    }
)


def _symbol(font: str, code: str) -> str:
    """The character a w:sym shows: Symbol-font codes as Unicode, other fonts' codes as they are."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    low = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
    if font.strip().lower() == "symbol" and low <= 0xFF:
        return _SYMBOL_FONT.get(low, chr(low) if low >= 0x20 else "")
    if value < 0x20:
        return ""
    try:
        return chr(value)
    except ValueError:
        return ""


def _deleted_text(element: etree._Element) -> str:
    return "".join(
        " " if node.tag == _PARAGRAPH else node.text or "" for node in element.iter(_TEXT, _DEL_TEXT, _PARAGRAPH)
    )


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring text pieces of equal emphasis, as Word splits runs for no visible reason.

    Linear in the number of pieces: texts are collected and joined once per
    stretch of equal emphasis (a paragraph can hold a hundred thousand runs).
    """
    merged: list[Piece] = []
    texts: list[str] = []
    emphasis: tuple[bool, bool, bool] | None = None

    def close() -> None:
        if texts and emphasis is not None:
            merged.append(TextPiece("".join(texts), *emphasis))
        texts.clear()

    for piece in pieces:
        if isinstance(piece, NoteMarker):
            close()
            emphasis = None
            merged.append(piece)
            continue
        if not piece.text:
            continue
        key = (piece.bold, piece.italic, piece.underline)
        if key != emphasis:
            close()
            emphasis = key
        texts.append(piece.text)
    close()
    return merged


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
