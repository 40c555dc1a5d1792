"""Build the shipped Word templates from code: templates/report.docx (plain, the default) and templates/formal.docx.

Run ``python tools/build_template.py`` to write both (or ``--variant formal
--output PATH`` for one); the result has
the same bytes on every run (fixed timestamps, fixed part order), so a
change to the template shows up as a change to this script.

Every part is written here rather than taken from python-docx's default
template, which declares compatibility mode 14, carries no footnotes part
and only single-level bullet styles (see ../shared/DOCX-RTL.md 10, 13, 16).

Paragraph styles (name shown in Word -> style id; "heading 1", "heading 2",
"footnote text", "footnote reference" and "footer" are stored in lower case,
as Word stores its built-in names):

- Title -> Title: meeting title, centred, bold 16 pt.
- Subtitle -> Subtitle: optional second title line, centred 13 pt.
- Meeting Date -> MeetingDate: date and time line, centred.
- Meeting Location -> MeetingLocation: location line, centred.
- Document Status -> DocumentStatus: "Draft report", centred, bold.
- Heading 1 -> Heading1: section headings, bold 14 pt, numbered "1.", "2.", ...
  by abstract numbering 0 (num 1) attached to the style.
- Heading 2 -> Heading2: session titles and unnumbered sub-sections, bold 12 pt.
- Session Goals -> SessionGoals: the quoted goals line under a session, italic.
- Body Text -> BodyText: paragraphs, justified, 6 pt after.
- List Bullet -> ListBullet: bullets; abstract numbering 1 (num 2) with nine
  levels, glyphs •, o, ▪ repeated; a paragraph picks its level with ilvl.
- Lead-in Label -> LeadInLabel: a bold label line ("Budapest Process:"), kept with the next.
- Participants -> Participants: the sentence naming the participants.
- Footnote Text -> FootnoteText (paragraph) and Footnote Reference ->
  FootnoteReference (character, superscript).
- Footer -> Footer: the centred page number.

Page: A4, 2.5 cm margins, footer with a centred PAGE field. Settings:
compatibility mode 15, footnote separators -1 and 0.

The formal template is the plain one plus a "Header" style (header -> Header)
and a header: an organisation name placeholder over a rule (a bottom border),
and a "DRAFT" watermark made the way Word makes one (a VML text-path shape
named PowerPlusWaterMarkObject..., so Word's Design > Watermark sees it, and
the writer's final-version option removes it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minutes_editor.export.package import Package, serialize
from minutes_editor.ooxml import vocabulary as st
from minutes_editor.ooxml.ns import NS
from minutes_editor.ooxml.opc import (
    CONTENT_TYPES,
    CT_CORE_PROPERTIES,
    CT_DOCUMENT,
    CT_EXTENDED_PROPERTIES,
    CT_FOOTER,
    CT_FOOTNOTES,
    CT_NUMBERING,
    CT_RELATIONSHIPS,
    CT_SETTINGS,
    CT_STYLES,
    RT_CORE_PROPERTIES,
    RT_EXTENDED_PROPERTIES,
    RT_FOOTER,
    RT_FOOTNOTES,
    RT_HEADER,
    RT_NUMBERING,
    RT_OFFICE_DOCUMENT,
    RT_SETTINGS,
    RT_STYLES,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
OUTPUT = TEMPLATES / "report.docx"

#: Each template this script builds, by name, and where it goes.
VARIANTS = {"report": OUTPUT, "formal": TEMPLATES / "formal.docx"}

CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
W10_NS = "urn:schemas-microsoft-com:office:word"

#: The header's paragraph style; Word stores its name in lower case, as for "footer".
HEADER = st.StyleName("Header", "header", "Header")

#: What the formal header shows until an organisation puts its own name (and logo) there.
ORGANISATION_PLACEHOLDER = "Organisation name"
WATERMARK_TEXT = "DRAFT"
#: Word names its text watermarks so; Word's Design > Watermark and our writer find them by this prefix.
WATERMARK_ID = "PowerPlusWaterMarkObject1"

#: A4 in twentieths of a point, and 2.5 cm margins (2.5 / 2.54 * 1440).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN = 1417
HEADER_FOOTER_DISTANCE = 709

#: Numbering ids the styles refer to.
HEADING_NUM_ID, BULLET_NUM_ID = 1, 2
HEADING_ABSTRACT_ID, BULLET_ABSTRACT_ID = 0, 1

#: Fixed so the template is reproducible; the writer replaces them with the report's own.
FIXED_TIME = "2024-01-01T00:00:00Z"

W_NS = NS["w"]
R_NS = NS["r"]


def el(tag: str, *children: etree._Element | None, **attrs: str) -> etree._Element:
    """An element ``w:tag`` (or ``prefix:tag``) with ``w:`` attributes and children (None skipped)."""
    prefix, local = tag.split(":", 1) if ":" in tag else ("w", tag)
    element = etree.Element(f"{{{NS[prefix]}}}{local}")
    for name, value in attrs.items():
        element.set(f"{{{W_NS}}}{name}", value)
    for item in children:
        if item is not None:
            element.append(item)
    return element


def on(tag: str) -> etree._Element:
    """A toggle property that is on: ``<w:b/>``."""
    return el(tag)


def size(half_points: int) -> tuple[etree._Element, etree._Element]:
    """``w:sz`` and its complex-script twin ``w:szCs``."""
    return el("sz", val=str(half_points)), el("szCs", val=str(half_points))


def bold() -> tuple[etree._Element, etree._Element]:
    """``w:b`` and its complex-script twin ``w:bCs``."""
    return on("b"), on("bCs")


def italic() -> tuple[etree._Element, etree._Element]:
    """``w:i`` and its complex-script twin ``w:iCs``."""
    return on("i"), on("iCs")


def spacing(before: int = 0, after: int = 0, line: int | None = None) -> etree._Element:
    """Paragraph spacing in twips; ``line`` in 240ths of a line."""
    attrs = {"before": str(before), "after": str(after)}
    if line is not None:
        attrs.update(line=str(line), lineRule="auto")
    return el("spacing", **attrs)


def style(
    definition: st.StyleName,
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    ppr: list[etree._Element] | None = None,
    rpr: list[etree._Element] | None = None,
    ui_priority: int | None = None,
    default: bool = False,
    semi_hidden: bool = False,
) -> etree._Element:
    """A ``w:style`` with its children in schema order."""
    element = el("style", type=definition.kind, styleId=definition.style_id)
    if default:
        element.set(f"{{{W_NS}}}default", "1")
    element.append(el("name", val=definition.xml_name))
    if based_on:
        element.append(el("basedOn", val=based_on))
    if next_style:
        element.append(el("next", val=next_style))
    if ui_priority is not None:
        element.append(el("uiPriority", val=str(ui_priority)))
    if semi_hidden:
        element.append(on("semiHidden"))
        element.append(on("unhideWhenUsed"))
    else:
        element.append(on("qFormat"))
    if ppr:
        element.append(el("pPr", *ppr))
    if rpr:
        element.append(el("rPr", *rpr))
    return element


def styles_part(*, header: bool = False) -> etree._Element:
    """styles.xml: document defaults and every style of the contract (and "Header" when ``header``)."""
    root = etree.Element(f"{{{W_NS}}}styles", nsmap={"w": W_NS, "r": R_NS})
    root.append(
        el(
            "docDefaults",
            el(
                "rPrDefault",
                el(
                    "rPr",
                    el("rFonts", ascii="Calibri", hAnsi="Calibri", eastAsia="Calibri", cs="Arial"),
                    *size(22),
                    el("lang", val="en-GB"),
                ),
            ),
            el("pPrDefault", el("pPr", spacing(0, 120, 240))),
        )
    )
    normal = style(st.NORMAL, based_on=None, default=True, ppr=[on("widowControl")])
    root.append(normal)

    default_font = el("style", type="character", styleId="DefaultParagraphFont")
    default_font.set(f"{{{W_NS}}}default", "1")
    for child in (el("name", val="Default Paragraph Font"), el("uiPriority", val="1"), on("semiHidden")):
        default_font.append(child)
    default_font.append(on("unhideWhenUsed"))
    root.append(default_font)

    table_normal = el("style", type="table", styleId="TableNormal")
    table_normal.set(f"{{{W_NS}}}default", "1")
    for child in (el("name", val="Normal Table"), el("uiPriority", val="99"), on("semiHidden"), on("unhideWhenUsed")):
        table_normal.append(child)
    margins = el(
        "tblCellMar",
        el("top", w="0", type="dxa"),
        el("left", w="108", type="dxa"),
        el("bottom", w="0", type="dxa"),
        el("right", w="108", type="dxa"),
    )
    table_normal.append(el("tblPr", el("tblInd", w="0", type="dxa"), margins))
    root.append(table_normal)

    no_list = el("style", type="numbering", styleId="NoList")
    no_list.set(f"{{{W_NS}}}default", "1")
    for child in (el("name", val="No List"), el("uiPriority", val="99"), on("semiHidden"), on("unhideWhenUsed")):
        no_list.append(child)
    root.append(no_list)

    centred = el("jc", val="center")
    root.append(
        style(
            st.TITLE,
            next_style=st.SUBTITLE.style_id,
            ui_priority=10,
            ppr=[on("keepNext"), spacing(0, 240), centred],
            rpr=[*bold(), *size(32)],
        )
    )
    root.append(
        style(
            st.SUBTITLE,
            next_style=st.MEETING_DATE.style_id,
            ui_priority=11,
            ppr=[on("keepNext"), spacing(0, 240), el("jc", val="center")],
            rpr=[*size(26)],
        )
    )
    root.append(
        style(
            st.MEETING_DATE,
            next_style=st.MEETING_LOCATION.style_id,
            ppr=[on("keepNext"), spacing(0, 60), el("jc", val="center")],
        )
    )
    root.append(
        style(
            st.MEETING_LOCATION,
            next_style=st.DOCUMENT_STATUS.style_id,
            ppr=[on("keepNext"), spacing(0, 60), el("jc", val="center")],
        )
    )
    root.append(
        style(
            st.DOCUMENT_STATUS,
            next_style=st.BODY_TEXT.style_id,
            ppr=[spacing(120, 360), el("jc", val="center")],
            rpr=[*bold()],
        )
    )
    root.append(
        style(
            st.HEADING_1,
            next_style=st.BODY_TEXT.style_id,
            ui_priority=9,
            ppr=[
                on("keepNext"),
                on("keepLines"),
                el("numPr", el("numId", val=str(HEADING_NUM_ID))),
                spacing(240, 120),
                el("outlineLvl", val="0"),
            ],
            rpr=[*bold(), *size(28)],
        )
    )
    root.append(
        style(
            st.HEADING_2,
            next_style=st.BODY_TEXT.style_id,
            ui_priority=9,
            ppr=[on("keepNext"), on("keepLines"), spacing(240, 120), el("outlineLvl", val="1")],
            rpr=[*bold(), *size(24)],
        )
    )
    root.append(style(st.BODY_TEXT, ppr=[spacing(0, 120), el("jc", val="both")]))
    root.append(
        style(
            st.SESSION_GOALS,
            based_on=st.BODY_TEXT.style_id,
            next_style=st.LIST_BULLET.style_id,
            ppr=[on("keepNext"), spacing(0, 120)],
            rpr=[*italic()],
        )
    )
    root.append(
        style(
            st.LIST_BULLET,
            ppr=[el("numPr", el("numId", val=str(BULLET_NUM_ID))), spacing(0, 80), el("jc", val="both")],
        )
    )
    root.append(
        style(
            st.LEAD_IN_LABEL,
            based_on=st.BODY_TEXT.style_id,
            next_style=st.BODY_TEXT.style_id,
            ppr=[on("keepNext"), spacing(120, 60)],
            rpr=[*bold()],
        )
    )
    root.append(style(st.PARTICIPANTS, based_on=st.BODY_TEXT.style_id))
    root.append(
        style(
            st.FOOTNOTE_TEXT,
            ui_priority=99,
            semi_hidden=True,
            ppr=[spacing(0, 0, 240), el("jc", val="both")],
            rpr=[*size(20)],
        )
    )
    root.append(
        style(
            st.FOOTNOTE_REFERENCE,
            based_on="DefaultParagraphFont",
            ui_priority=99,
            semi_hidden=True,
            rpr=[el("vertAlign", val="superscript")],
        )
    )
    root.append(
        style(
            st.FOOTER,
            ui_priority=99,
            semi_hidden=True,
            ppr=[
                el(
                    "tabs",
                    el("tab", val="center", pos=str((PAGE_WIDTH - 2 * MARGIN) // 2)),
                    el("tab", val="right", pos=str(PAGE_WIDTH - 2 * MARGIN)),
                ),
                spacing(0, 0, 240),
                el("jc", val="center"),
            ],
            rpr=[*size(20)],
        )
    )
    if header:
        root.append(
            style(
                HEADER,
                ui_priority=99,
                semi_hidden=True,
                ppr=[
                    el(
                        "tabs",
                        el("tab", val="center", pos=str((PAGE_WIDTH - 2 * MARGIN) // 2)),
                        el("tab", val="right", pos=str(PAGE_WIDTH - 2 * MARGIN)),
                    ),
                    spacing(0, 0, 240),
                ],
                rpr=[*size(20)],
            )
        )
    return root


def level(
    ilvl: int, fmt: str, text: str, indent: int, hanging: int, *, pstyle: str | None = None, font: str | None = None
) -> etree._Element:
    """One ``w:lvl`` of an abstract numbering, children in schema order."""
    lvl = el("lvl", ilvl=str(ilvl))
    lvl.append(el("start", val="1"))
    lvl.append(el("numFmt", val=fmt))
    if pstyle:
        lvl.append(el("pStyle", val=pstyle))
    lvl.append(el("lvlText", val=text))
    lvl.append(el("lvlJc", val="left"))
    lvl.append(el("pPr", el("ind", left=str(indent), hanging=str(hanging))))
    if font:
        lvl.append(el("rPr", el("rFonts", ascii=font, hAnsi=font, cs=font, hint="default")))
    return lvl


def numbering_part() -> etree._Element:
    """numbering.xml: the heading numbering (1., 1.1., ...) and the nine-level bullet list."""
    root = etree.Element(f"{{{W_NS}}}numbering", nsmap={"w": W_NS})
    headings = el("abstractNum", abstractNumId=str(HEADING_ABSTRACT_ID))
    headings.append(el("nsid", val="5E1A0001"))
    headings.append(el("multiLevelType", val="multilevel"))
    headings.append(el("tmpl", val="5E1A1001"))
    headings.append(el("name", val="Report Headings"))
    for ilvl in range(st.NUMBERING_LEVELS):
        text = "".join(f"%{number}." for number in range(1, ilvl + 2))
        indent = 432 + 144 * ilvl
        pstyle = st.HEADING_1.style_id if ilvl == 0 else None
        headings.append(level(ilvl, "decimal", text, indent, indent, pstyle=pstyle))
    root.append(headings)

    bullets = el("abstractNum", abstractNumId=str(BULLET_ABSTRACT_ID))
    bullets.append(el("nsid", val="5E1A0002"))
    bullets.append(el("multiLevelType", val="multilevel"))
    bullets.append(el("tmpl", val="5E1A1002"))
    bullets.append(el("name", val="Report Bullets"))
    for ilvl in range(st.NUMBERING_LEVELS):
        glyph = st.BULLET_GLYPHS[ilvl % len(st.BULLET_GLYPHS)]
        font = "Courier New" if glyph == "o" else "Arial"
        bullets.append(level(ilvl, "bullet", glyph, 360 * (ilvl + 1) * 2 - 360, 360, font=font))
    root.append(bullets)

    root.append(el("num", el("abstractNumId", val=str(HEADING_ABSTRACT_ID)), numId=str(HEADING_NUM_ID)))
    root.append(el("num", el("abstractNumId", val=str(BULLET_ABSTRACT_ID)), numId=str(BULLET_NUM_ID)))
    return root


def settings_part() -> etree._Element:
    """settings.xml: compatibility mode 15 and the footnote separators."""
    root = etree.Element(f"{{{W_NS}}}settings", nsmap={"w": W_NS})
    root.append(el("zoom", percent="100"))
    root.append(el("defaultTabStop", val="720"))
    root.append(el("characterSpacingControl", val="doNotCompress"))
    root.append(el("footnotePr", el("footnote", id="-1"), el("footnote", id="0")))
    compat = el("compat")
    for name, value in (
        ("compatibilityMode", "15"),
        ("overrideTableStyleFontSizeAndJustification", "1"),
        ("enableOpenTypeFeatures", "1"),
        ("doNotFlipMirrorIndents", "1"),
        ("differentiateMultirowTableHeaders", "1"),
    ):
        compat.append(el("compatSetting", name=name, uri="http://schemas.microsoft.com/office/word", val=value))
    root.append(compat)
    root.append(el("decimalSymbol", val="."))
    root.append(el("listSeparator", val=","))
    return root


def footnotes_part() -> etree._Element:
    """footnotes.xml with the separator (id -1) and continuation separator (id 0) Word requires."""
    root = etree.Element(f"{{{W_NS}}}footnotes", nsmap={"w": W_NS, "r": R_NS})
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        paragraph = el("p", el("pPr", spacing(0, 0, 240)), el("r", on(kind)))
        root.append(el("footnote", paragraph, type=kind, id=note_id))
    return root


def footer_part() -> etree._Element:
    """footer1.xml: a centred PAGE field (a complex field, as Word writes it)."""
    root = etree.Element(f"{{{W_NS}}}ftr", nsmap={"w": W_NS, "r": R_NS})
    instruction = el("instrText")
    instruction.text = " PAGE "
    instruction.set(f"{{{NS['xml']}}}space", "preserve")
    cached = el("t")
    cached.text = "1"
    paragraph = el(
        "p",
        el("pPr", el("pStyle", val=st.FOOTER.style_id), el("jc", val="center")),
        el("r", el("fldChar", fldCharType="begin")),
        el("r", instruction),
        el("r", el("fldChar", fldCharType="separate")),
        el("r", el("rPr", el("noProof")), cached),
        el("r", el("fldChar", fldCharType="end")),
    )
    root.append(paragraph)
    return root


def document_part(footer_rid: str, header_rid: str | None = None) -> etree._Element:
    """document.xml: one empty paragraph and the A4 section; the writer replaces the paragraph."""
    root = etree.Element(f"{{{W_NS}}}document", nsmap={"w": W_NS, "r": R_NS})
    header_ref = None
    if header_rid is not None:
        header_ref = el("headerReference", type="default")
        header_ref.set(f"{{{R_NS}}}id", header_rid)
    footer_ref = el("footerReference", type="default")
    footer_ref.set(f"{{{R_NS}}}id", footer_rid)
    section = el(
        "sectPr",
        header_ref,
        footer_ref,
        el("pgSz", w=str(PAGE_WIDTH), h=str(PAGE_HEIGHT)),
        el(
            "pgMar",
            top=str(MARGIN),
            right=str(MARGIN),
            bottom=str(MARGIN),
            left=str(MARGIN),
            header=str(HEADER_FOOTER_DISTANCE),
            footer=str(HEADER_FOOTER_DISTANCE),
            gutter="0",
        ),
        el("cols", space="708"),
        el("docGrid", linePitch="360"),
    )
    root.append(el("body", el("p", el("pPr", el("pStyle", val=st.BODY_TEXT.style_id))), section))
    return root


def header_part() -> etree._Element:
    """header1.xml of the formal template: the organisation placeholder over a rule, and the DRAFT watermark."""
    root = etree.Element(f"{{{W_NS}}}hdr", nsmap={"w": W_NS, "r": R_NS, "v": V_NS, "o": O_NS, "w10": W10_NS})
    rule = el("pBdr", el("bottom", val="single", sz="6", space="4", color="auto"))
    name = el("t")
    name.text = ORGANISATION_PLACEHOLDER
    paragraph = el(
        "p",
        el("pPr", el("pStyle", val=HEADER.style_id), rule, spacing(0, 240)),
        el("r", el("rPr", *bold(), el("caps")), name),
        watermark_run(),
    )
    root.append(paragraph)
    return root


def _vml(tag: str, *children: etree._Element, **attrs: str) -> etree._Element:
    """A VML element ``v:tag`` (or ``o:tag``, ``w10:tag``) with plain attributes; ``o_`` prefixes an o: one."""
    prefix, local = tag.split(":", 1)
    namespace = {"v": V_NS, "o": O_NS, "w10": W10_NS}[prefix]
    element = etree.Element(f"{{{namespace}}}{local}")
    for key, value in attrs.items():
        if key.startswith("o_"):
            element.set(f"{{{O_NS}}}{key[2:]}", value)
        else:
            element.set(key, value)
    element.extend(children)
    return element


#: Formulas of VML shape type 136 (plain text on a path), as Office defines the type.
_TEXT_PATH_FORMULAS = (
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
)


def watermark_run() -> etree._Element:
    """A run holding the diagonal, half-transparent grey "DRAFT" text behind the page, centred on the margins."""
    shapetype = _vml(
        "v:shapetype",
        _vml("v:formulas", *(_vml("v:f", eqn=eqn) for eqn in _TEXT_PATH_FORMULAS)),
        _vml(
            "v:path",
            textpathok="t",
            o_connecttype="custom",
            o_connectlocs="@9,0;@10,10800;@11,21600;@12,10800",
            o_connectangles="270,180,90,0",
        ),
        _vml("v:textpath", on="t", fitshape="t"),
        _vml("v:handles", _vml("v:h", position="#0,bottomRight", xrange="6629,14971")),
        _vml("o:lock", text="t", shapetype="t", **{f"{{{V_NS}}}ext": "edit"}),
        id="_x0000_t136",
        coordsize="21600,21600",
        o_spt="136",
        adj="10800",
        path="m@7,l@8,m@5,21600l@6,21600e",
    )
    shape = _vml(
        "v:shape",
        _vml("v:fill", opacity=".5"),
        _vml("v:textpath", style='font-family:"Calibri";font-size:1pt', string=WATERMARK_TEXT),
        _vml("w10:wrap", anchorx="margin", anchory="margin"),
        id=WATERMARK_ID,
        o_spid="_x0000_s2049",
        type="#_x0000_t136",
        style=(
            "position:absolute;margin-left:0;margin-top:0;width:412.4pt;height:165pt;rotation:315;"
            "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
            "mso-position-vertical:center;mso-position-vertical-relative:margin"
        ),
        o_allowincell="f",
        fillcolor="silver",
        stroked="f",
    )
    return el("r", el("rPr", el("noProof")), el("pict", shapetype, shape))


def core_part() -> etree._Element:
    """docProps/core.xml with fixed dates; the writer fills in the report's title, language and dates."""
    cp, dc, dcterms, xsi = NS["cp"], NS["dc"], NS["dcterms"], NS["xsi"]
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi})
    etree.SubElement(root, f"{{{dc}}}title")
    etree.SubElement(root, f"{{{dc}}}creator").text = "Minutes Editor"
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
        stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        stamp.text = FIXED_TIME
    return root


def app_part() -> etree._Element:
    """docProps/app.xml naming the application."""
    ep = NS["ep"]
    root = etree.Element(f"{{{ep}}}Properties", nsmap={None: ep})
    etree.SubElement(root, f"{{{ep}}}Application").text = "Minutes Editor"
    etree.SubElement(root, f"{{{ep}}}DocSecurity").text = "0"
    return root


def content_types() -> etree._Element:
    """[Content_Types].xml with defaults for .rels and .xml."""
    ct = NS["ct"]
    root = etree.Element(f"{{{ct}}}Types", nsmap={None: ct})
    etree.SubElement(root, f"{{{ct}}}Default", Extension="rels", ContentType=CT_RELATIONSHIPS)
    etree.SubElement(root, f"{{{ct}}}Default", Extension="xml", ContentType="application/xml")
    return root


def build(variant: str = "report") -> bytes:
    """The bytes of template ``variant`` ("report" or "formal")."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown template {variant!r}; known: {', '.join(VARIANTS)}")
    formal = variant == "formal"
    package = Package({CONTENT_TYPES: serialize(content_types())})
    package.relate("", RT_OFFICE_DOCUMENT, "word/document.xml")
    package.relate("", RT_CORE_PROPERTIES, "docProps/core.xml")
    package.relate("", RT_EXTENDED_PROPERTIES, "docProps/app.xml")
    main = "word/document.xml"
    package.relate(main, RT_STYLES, "word/styles.xml")
    package.relate(main, RT_NUMBERING, "word/numbering.xml")
    package.relate(main, RT_SETTINGS, "word/settings.xml")
    package.relate(main, RT_FOOTNOTES, "word/footnotes.xml")
    footer_rid = package.relate(main, RT_FOOTER, "word/footer1.xml")
    header_rid = package.relate(main, RT_HEADER, "word/header1.xml") if formal else None
    package.put_xml(main, document_part(footer_rid, header_rid), CT_DOCUMENT)
    package.put_xml("word/styles.xml", styles_part(header=formal), CT_STYLES)
    package.put_xml("word/numbering.xml", numbering_part(), CT_NUMBERING)
    package.put_xml("word/settings.xml", settings_part(), CT_SETTINGS)
    package.put_xml("word/footnotes.xml", footnotes_part(), CT_FOOTNOTES)
    package.put_xml("word/footer1.xml", footer_part(), CT_FOOTER)
    if formal:
        package.put_xml("word/header1.xml", header_part(), CT_HEADER)
    package.put_xml("docProps/core.xml", core_part(), CT_CORE_PROPERTIES)
    package.put_xml("docProps/app.xml", app_part(), CT_EXTENDED_PROPERTIES)
    return package.to_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="build one template (default: all of them)")
    parser.add_argument("--output", type=Path, help="where to write the one template (default: templates/NAME.docx)")
    args = parser.parse_args(argv)
    if args.output is not None:
        targets = {args.variant or "report": args.output}
    else:
        targets = {name: VARIANTS[name] for name in ([args.variant] if args.variant else VARIANTS)}
    for name, target in targets.items():
        data = build(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
