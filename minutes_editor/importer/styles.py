"""Styles and numbering definitions of a .docx, resolved the way Word resolves them.

Styles inherit through ``w:basedOn``; emphasis (bold, italic, underline) comes
from document defaults, the paragraph style, the character style and the
run's own properties, with Word's rule that a toggle set in both the paragraph
and the character style cancels out. The complex-script twins count: a lone
``w:bCs`` is bold, a lone ``w:iCs`` italic. Numbering is followed from a
paragraph's ``w:numPr`` (its own or its style's) through ``w:num`` and its
overrides to the abstract definition's level, including ``w:numStyleLink``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.vocabulary import style_key, style_name

W_VAL = w("val")
_FALSE = {"0", "false", "off", "none"}
_MAX_CHAIN = 64


def on_off(element: etree._Element | None) -> bool | None:
    """Value of an on/off property element: None when absent, True unless its w:val says off."""
    if element is None:
        return None
    return (element.get(W_VAL) or "true").lower() not in _FALSE


def underline_of(element: etree._Element | None) -> bool | None:
    """Whether a w:u element underlines: None when absent."""
    if element is None:
        return None
    return (element.get(W_VAL) or "single").lower() not in _FALSE


@dataclass(frozen=True)
class Emphasis:
    """Bold, italic and underline of a piece of text; None where a level leaves it unset."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None


_NO_EMPHASIS = Emphasis()
_B, _B_CS, _I, _I_CS, _U = (w(tag) for tag in ("b", "bCs", "i", "iCs", "u"))
_EMPHASIS_TAGS = frozenset({_B, _B_CS, _I, _I_CS, _U})


def emphasis_of(rpr: etree._Element | None) -> Emphasis:
    """Emphasis set by one w:rPr: a complex-script twin counts as much as the Latin toggle."""
    if rpr is None:
        return _NO_EMPHASIS
    found = {child.tag: child for child in rpr if child.tag in _EMPHASIS_TAGS}
    if not found:
        return _NO_EMPHASIS  # the common case, read in one pass
    return Emphasis(
        bold=_either(on_off(found.get(_B)), on_off(found.get(_B_CS))),
        italic=_either(on_off(found.get(_I)), on_off(found.get(_I_CS))),
        underline=underline_of(found.get(_U)),
    )


def _either(latin: bool | None, complex_script: bool | None) -> bool | None:
    if latin is None and complex_script is None:
        return None
    return bool(latin) or bool(complex_script)


def _over(base: Emphasis, top: Emphasis) -> Emphasis:
    return Emphasis(
        bold=top.bold if top.bold is not None else base.bold,
        italic=top.italic if top.italic is not None else base.italic,
        underline=top.underline if top.underline is not None else base.underline,
    )


def _toggle(paragraph: bool | None, character: bool | None) -> bool | None:
    # ECMA-376 17.7.3: a toggle set on in both the paragraph and the character style cancels out.
    if paragraph is None:
        return character
    if character is None:
        return paragraph
    return paragraph != character


@dataclass(frozen=True)
class ParagraphDefaults:
    """What a paragraph style gives its paragraphs, with inheritance resolved."""

    outline: int | None
    bidi: bool | None
    indent: int | None
    num_id: str | None
    ilvl: int | None


@dataclass
class Style:
    """One style: id, name (in ``style_key`` form), type, parent and the properties the importer reads."""

    style_id: str
    name: str
    kind: str
    based_on: str | None
    emphasis: Emphasis
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    bidi: bool | None = None
    indent: int | None = None
    lang: str = ""
    lang_bidi: str = ""


@dataclass
class Styles:
    """The styles part, with inheritance resolved on demand and cached."""

    by_id: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_character: str | None = None
    defaults: Emphasis = field(default_factory=Emphasis)
    default_lang: str = ""
    default_lang_bidi: str = ""
    _chain_cache: dict[str, list[Style]] = field(default_factory=dict)
    _paragraph_cache: dict[str | None, ParagraphDefaults] = field(default_factory=dict)
    _run_cache: dict[tuple[str | None, str | None, bool], Emphasis] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        """Read a styles part (None gives empty styles)."""
        styles = cls()
        if root is None:
            return styles
        rpr_default = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        styles.defaults = emphasis_of(rpr_default)
        if rpr_default is not None:
            lang = rpr_default.find(w("lang"))
            if lang is not None:
                styles.default_lang = lang.get(W_VAL) or ""
                styles.default_lang_bidi = lang.get(w("bidi")) or ""
        for element in root.iter(w("style")):
            style = _parse_style(element)
            if not style.style_id or style.style_id in styles.by_id:
                continue
            styles.by_id[style.style_id] = style
            if (element.get(w("default")) or "").lower() in {"1", "true", "on"}:
                if style.kind == "paragraph" and styles.default_paragraph is None:
                    styles.default_paragraph = style.style_id
                elif style.kind == "character" and styles.default_character is None:
                    styles.default_character = style.style_id
        return styles

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, root first; cycles and unknown parents end the chain."""
        if style_id is None:
            return []
        cached = self._chain_cache.get(style_id)
        if cached is not None:
            return cached
        chain: list[Style] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and len(chain) < _MAX_CHAIN:
            style = self.by_id.get(current)
            if style is None:
                break
            seen.add(current)
            chain.append(style)
            current = style.based_on
        chain.reverse()
        self._chain_cache[style_id] = chain
        return chain

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The paragraph style a paragraph uses: its own if known, else the default one."""
        if style_id is not None and style_id in self.by_id:
            return style_id
        return self.default_paragraph

    def name(self, style_id: str | None) -> str:
        """Name of a style in ``style_key`` form ('' when unknown)."""
        style = self.by_id.get(style_id or "")
        return style.name if style else ""

    def names_in_chain(self, style_id: str | None) -> list[str]:
        """Names of the style and its ancestors, nearest first."""
        return [style.name for style in reversed(self.chain(style_id))]

    def _resolve(self, style_id: str | None, attribute: str) -> object:
        for style in reversed(self.chain(style_id)):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None

    def outline_level(self, style_id: str | None) -> int | None:
        """Outline level (0-based) the paragraph style gives, if any."""
        value = self._resolve(style_id, "outline")
        return value if isinstance(value, int) else None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """NumId and ilvl the paragraph style gives (either may be None)."""
        num_id = self._resolve(style_id, "num_id")
        ilvl = self._resolve(style_id, "ilvl")
        return (num_id if isinstance(num_id, str) else None, ilvl if isinstance(ilvl, int) else None)

    def bidi(self, style_id: str | None) -> bool | None:
        """Paragraph direction the style gives."""
        value = self._resolve(style_id, "bidi")
        return value if isinstance(value, bool) else None

    def indent(self, style_id: str | None) -> int | None:
        """Start indentation (twips) the style gives."""
        value = self._resolve(style_id, "indent")
        return value if isinstance(value, int) else None

    def paragraph_defaults(self, style_id: str | None) -> ParagraphDefaults:
        """Outline level, direction, indentation and numbering a paragraph style gives, resolved once."""
        cached = self._paragraph_cache.get(style_id)
        if cached is None:
            num_id, ilvl = self.numbering(style_id)
            cached = ParagraphDefaults(
                self.outline_level(style_id), self.bidi(style_id), self.indent(style_id), num_id, ilvl
            )
            self._paragraph_cache[style_id] = cached
        return cached

    def style_emphasis(self, style_id: str | None) -> Emphasis:
        """Emphasis set by a style and its ancestors (document defaults not included)."""
        result = Emphasis()
        for style in self.chain(style_id):
            result = _over(result, style.emphasis)
        return result

    def run_emphasis(self, paragraph_style: str | None, character_style: str | None, *, role_style: bool) -> Emphasis:
        """Emphasis before a run's own properties: defaults, paragraph style (unless a role's look), character style.

        ``role_style`` is true when the paragraph style is one of the report
        template's roles (heading, label, ...): its bold or italic is the role's
        look, not emphasis the author put on the words.
        """
        key = (paragraph_style, character_style, role_style)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        para = Emphasis() if role_style else self.style_emphasis(paragraph_style)
        char = self.style_emphasis(character_style or self.default_character)
        styled = Emphasis(
            bold=_toggle(para.bold, char.bold),
            italic=_toggle(para.italic, char.italic),
            underline=char.underline if char.underline is not None else para.underline,
        )
        result = _over(self.defaults, styled)
        self._run_cache[key] = result
        return result


def _parse_style(element: etree._Element) -> Style:
    based = element.find(w("basedOn"))
    ppr = element.find(w("pPr"))
    rpr = element.find(w("rPr"))
    style = Style(
        style_id=element.get(w("styleId")) or "",
        name=style_key(style_name(element)),
        kind=element.get(w("type")) or "paragraph",
        based_on=based.get(W_VAL) if based is not None else None,
        emphasis=emphasis_of(rpr),
    )
    if ppr is not None:
        num_pr = ppr.find(w("numPr"))
        if num_pr is not None:
            num_id = num_pr.find(w("numId"))
            ilvl = num_pr.find(w("ilvl"))
            style.num_id = num_id.get(W_VAL) if num_id is not None else None
            style.ilvl = _int(ilvl.get(W_VAL)) if ilvl is not None else None
        outline = ppr.find(w("outlineLvl"))
        if outline is not None:
            style.outline = _int(outline.get(W_VAL))
        style.bidi = on_off(ppr.find(w("bidi")))
        style.indent = indent_of(ppr)
    if rpr is not None:
        lang = rpr.find(w("lang"))
        if lang is not None:
            style.lang = lang.get(W_VAL) or ""
            style.lang_bidi = lang.get(w("bidi")) or ""
    return style


def indent_of(ppr: etree._Element | None) -> int | None:
    """Start indentation (twips) of a w:pPr: w:ind/@w:start or its older name @w:left."""
    if ppr is None:
        return None
    ind = ppr.find(w("ind"))
    if ind is None:
        return None
    value = ind.get(w("start"))
    if value is None:
        value = ind.get(w("left"))
    return _int(value) if value is not None else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


# ------------------------------------------------------------- numbering


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition: its format ("bullet", "decimal", ...), text and linked style."""

    fmt: str
    text: str
    style_id: str | None = None


@dataclass
class AbstractNumbering:
    """An abstract numbering definition: its levels, or a link to a numbering style."""

    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None
    num_style_link: str | None = None


@dataclass
class Numbering:
    """The numbering part: numIds resolved to the level definitions that draw their glyphs."""

    abstracts: dict[str, AbstractNumbering] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    overrides: dict[tuple[str, int], Level] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        """Read a numbering part (None gives no numbering)."""
        numbering = cls()
        if root is None:
            return numbering
        for element in root.iter(w("abstractNum")):
            abstract = AbstractNumbering()
            for lvl in element.iter(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")))
                if ilvl is not None and ilvl not in abstract.levels:
                    abstract.levels[ilvl] = _level(lvl)
            link = element.find(w("styleLink"))
            abstract.style_link = link.get(W_VAL) if link is not None else None
            link = element.find(w("numStyleLink"))
            abstract.num_style_link = link.get(W_VAL) if link is not None else None
            numbering.abstracts.setdefault(element.get(w("abstractNumId")) or "", abstract)
        for element in root.iter(w("num")):
            num_id = element.get(w("numId")) or ""
            abstract_id = element.find(w("abstractNumId"))
            if abstract_id is not None:
                numbering.nums.setdefault(num_id, abstract_id.get(W_VAL) or "")
            for override in element.iter(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")))
                definition = override.find(w("lvl"))
                if ilvl is not None and definition is not None and definition.find(w("numFmt")) is not None:
                    numbering.overrides[(num_id, ilvl)] = _level(definition)
        return numbering

    def abstract(self, num_id: str, styles: Styles) -> AbstractNumbering | None:
        """The abstract definition behind a numId, following a numbering-style link once or twice."""
        abstract = self.abstracts.get(self.nums.get(num_id, ""))
        hops = 0
        while abstract is not None and abstract.num_style_link and hops < 4:
            linked_num, _ = styles.numbering(abstract.num_style_link)
            if linked_num is None:
                break
            abstract = self.abstracts.get(self.nums.get(linked_num, ""))
            hops += 1
        return abstract

    def level(self, num_id: str, ilvl: int, styles: Styles) -> Level | None:
        """The level definition drawing the glyph of a paragraph numbered (numId, ilvl)."""
        override = self.overrides.get((num_id, ilvl))
        if override is not None:
            return override
        abstract = self.abstract(num_id, styles)
        if abstract is None:
            return None
        return abstract.levels.get(ilvl)

    def level_of_style(self, num_id: str, style_id: str | None, styles: Styles) -> int | None:
        """The ilvl a numbering definition links to a paragraph style (w:lvl/w:pStyle), if any."""
        abstract = self.abstract(num_id, styles)
        if abstract is None or style_id is None:
            return None
        for ilvl, level in abstract.levels.items():
            if level.style_id == style_id:
                return ilvl
        return None


def _level(lvl: etree._Element) -> Level:
    fmt_element = lvl.find(w("numFmt"))
    if fmt_element is None:
        # Word 2010+ puts custom formats in mc:AlternateContent, with a plain one in the fallback.
        fmt_element = next(iter(lvl.iter(w("numFmt"))), None)
    fmt = (fmt_element.get(W_VAL) or "decimal") if fmt_element is not None else "decimal"
    text_element = lvl.find(w("lvlText"))
    text = (text_element.get(W_VAL) or "") if text_element is not None else ""
    style = lvl.find(w("pStyle"))
    return Level(fmt=fmt, text=text, style_id=style.get(W_VAL) if style is not None else None)
