"""Fitting a prepared template to the report's language and direction, before the body is written.

The styles part's defaults get the language's fonts and body size (with a
template we ship), its proofing language (``w:lang``: Latin, East Asian and,
right to left, complex-script slots); a right-to-left report gets
``w:bidi`` in the paragraph defaults and in the styles it uses, the
complex-script twin of every bold, italic and size, right-to-left numbers
and bullets, and ``w:bidi`` on the paragraphs of its footers, headers and
footnote separators (../shared/DOCX-RTL.md). The settings get automatic
hyphenation for languages that hyphenate, and Track changes on for a draft
that carries pending changes. Used by ``DocxWriter.start``
(minutes_editor.export.docx_writer).
"""

from __future__ import annotations

from lxml import etree

from minutes_editor.export.template import PreparedTemplate, abstract_for
from minutes_editor.ooxml import vocabulary as st
from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.opc import RT_FOOTER, RT_HEADER
from minutes_editor.ooxml.oxml import (
    DOC_DEFAULTS_ORDER,
    LVL_ORDER,
    PPR_ORDER,
    RPR_ORDER,
    SETTINGS_ORDER,
    STYLE_ORDER,
    STYLES_ORDER,
    get_or_add,
)
from minutes_editor.render.flow import FlowDocument

_P, _PPR, _RPR, _BIDI, _RTL, _VAL = (w(n) for n in ("p", "pPr", "rPr", "bidi", "rtl", "val"))
_B, _BCS, _I, _ICS = (w(n) for n in ("b", "bCs", "i", "iCs"))


def patch_styles(prepared: PreparedTemplate, flow: FlowDocument, *, rtl: bool) -> None:
    """The styles' defaults for the report's language; right to left, the styles' direction and twins."""
    package = prepared.package
    root = package.xml(prepared.styles)
    defaults = get_or_add(root, w("docDefaults"), STYLES_ORDER)
    rpr = get_or_add(get_or_add(defaults, w("rPrDefault"), DOC_DEFAULTS_ORDER), w("rPr"), ())
    fonts = get_or_add(rpr, w("rFonts"), RPR_ORDER)
    preset = flow.preset
    preset_fonts = preset.fonts
    if prepared.is_default or prepared.shipped:
        # Our templates leave fonts to the language: Tahoma for Persian, Calibri for French, ...
        for slot in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(w(slot), preset_fonts.latin)
        fonts.set(w("cs"), preset_fonts.cs)
        half_points = str(round(preset_fonts.size_pt * 2))
        get_or_add(rpr, w("sz"), RPR_ORDER).set(_VAL, half_points)
        get_or_add(rpr, w("szCs"), RPR_ORDER).set(_VAL, half_points)
    elif fonts.get(w("cs")) is None and fonts.get(w("cstheme")) is None:
        fonts.set(w("cs"), preset_fonts.cs)
    # The report's language decides proofing: Latin-script text in val (and the East Asian slot, which
    # Word fills with the Latin language when no East Asian language is set up), right-to-left text in bidi.
    lang = get_or_add(rpr, w("lang"), RPR_ORDER)
    latin = preset.latin_lang if rtl else preset.word_lang
    lang.set(_VAL, latin)
    lang.set(w("eastAsia"), latin)
    if rtl:
        lang.set(w("bidi"), preset.word_lang)
    if not rtl:
        return
    ppr_default = get_or_add(get_or_add(defaults, w("pPrDefault"), DOC_DEFAULTS_ORDER), w("pPr"), ())
    get_or_add(ppr_default, _BIDI, PPR_ORDER)
    _add_twins(rpr)
    wanted = {prepared.style_ids[name] for name in st.REQUIRED_STYLES}
    page_styles = {st.style_key(st.FOOTER.xml_name), "header"}
    for style in root.iterfind(w("style")):
        style_rpr = style.find(_RPR)
        if style_rpr is not None and style.get(w("styleId")) in wanted:
            _add_twins(style_rpr)
        if style.get(w("type")) != "paragraph":
            continue
        key = st.style_key(st.style_name(style))
        is_default = style.get(w("default")) in ("1", "true", "on")
        if style.get(w("styleId")) in wanted or is_default or key in page_styles:
            _patch_rtl_style(style)


def patch_numbering(prepared: PreparedTemplate, flow: FlowDocument, *, rtl: bool) -> None:
    """Right to left, the heading and bullet numbers with the complex-script font and direction."""
    if not rtl:
        return
    numbering = prepared.package.xml(prepared.numbering)
    for num_id in {prepared.heading_num_id, prepared.bullet_num_id}:
        abstract = abstract_for(numbering, num_id)
        if abstract is None:
            continue
        for level in abstract.iterfind(w("lvl")):
            # The number or bullet takes the level's run properties: complex-script font and RTL.
            rpr = get_or_add(level, _RPR, LVL_ORDER)
            fonts = get_or_add(rpr, w("rFonts"), RPR_ORDER)
            if fonts.get(w("cs")) is None:
                fonts.set(w("cs"), flow.preset.fonts.cs)
            get_or_add(rpr, _RTL, RPR_ORDER)


def patch_settings(prepared: PreparedTemplate, flow: FlowDocument, *, rtl: bool) -> None:
    """Automatic hyphenation, and Track changes for a draft carrying pending changes."""
    # Automatic hyphenation for languages that hyphenate; off for right-to-left scripts, which do not.
    settings = prepared.package.xml(prepared.settings)
    existing = settings.find(w("autoHyphenation"))
    if flow.preset.hyphenate and not rtl:
        # A template's <w:autoHyphenation w:val="false"/> would turn it off again: the element alone means on.
        hyphenation = get_or_add(settings, w("autoHyphenation"), SETTINGS_ORDER)
        if _VAL in hyphenation.attrib:
            del hyphenation.attrib[_VAL]
    elif existing is not None:
        settings.remove(existing)
    # A draft carrying pending changes goes round for review: Word keeps tracking what the delegations change.
    tracking = settings.find(w("trackRevisions"))
    if _has_pending(flow):
        get_or_add(settings, w("trackRevisions"), SETTINGS_ORDER)
    elif tracking is not None:
        settings.remove(tracking)


def bidi_in_parts(prepared: PreparedTemplate) -> None:
    """Give the footers, headers and footnote separators the right-to-left direction."""
    # Footers, headers and the footnote separators are paragraphs too: give them the report's direction.
    package = prepared.package
    parts = [rel.target for rel in package.relationships(prepared.main) if rel.rel_type in (RT_FOOTER, RT_HEADER)]
    parts.append(prepared.footnotes)
    for name in parts:
        if not package.has(name):
            continue
        for paragraph in package.xml(name).iter(_P):
            ppr = paragraph.find(_PPR)
            if ppr is None:
                ppr = etree.Element(_PPR)
                paragraph.insert(0, ppr)
            get_or_add(ppr, _BIDI, PPR_ORDER)


def _add_twins(rpr: etree._Element) -> None:
    # A template made for Latin text may set bold or size without the complex-script half Arabic text uses.
    for latin, twin in ((_B, _BCS), (_I, _ICS), (w("sz"), w("szCs"))):
        source = rpr.find(latin)
        if source is not None and rpr.find(twin) is None:
            element = get_or_add(rpr, twin, RPR_ORDER)
            if source.get(_VAL) is not None:
                element.set(_VAL, source.get(_VAL, ""))


def _patch_rtl_style(style: etree._Element) -> None:
    ppr = get_or_add(style, _PPR, STYLE_ORDER)
    get_or_add(ppr, _BIDI, PPR_ORDER)


def _has_pending(flow: FlowDocument) -> bool:
    """Whether the flattened report carries any pending change (in the body or a footnote)."""
    for paragraph in flow.paragraphs:
        if paragraph.inserted or paragraph.deleted or paragraph.former:
            return True
        rows = paragraph.table.rows if paragraph.table else ()
        if any(row.inserted or row.deleted for row in rows):
            return True
        inlines = (item for texts in paragraph.texts() for item in texts)
        if any(item.inserted or item.deleted or getattr(item, "former", None) for item in inlines):
            return True
    return any(item.inserted or item.deleted or item.former for note in flow.notes for item in note.inlines)
