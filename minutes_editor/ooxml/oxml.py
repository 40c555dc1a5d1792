"""Schema-ordered element helpers over plain lxml, for every part the writer edits.

Word rejects, or silently ignores, properties whose children are out of
schema order (``w:rFonts`` after ``w:b`` loses the font), so every element we
add to an existing part goes through :func:`get_or_add` or
:func:`insert_ordered`, which place it after its predecessors in the
sequence the ECMA-376 schema (``wml.xsd``) declares. The order tuples below
are copied from that schema's complex types.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from minutes_editor.ooxml.ns import w


def _order(names: str) -> tuple[str, ...]:
    return tuple(w(name) for name in names.split())


#: CT_PPr: CT_PPrBase followed by rPr, sectPr, pPrChange.
PPR_ORDER = _order(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)

#: EG_RPrBase followed by rPrChange (run properties and paragraph-mark properties alike).
RPR_ORDER = _order(
    "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
    "vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
)

#: CT_SectPr: header/footer references, then EG_SectPrContents, then sectPrChange.
SECTPR_ORDER = _order(
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType "
    "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange"
)

#: CT_Style.
STYLE_ORDER = _order(
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
)

#: CT_Styles and CT_DocDefaults.
STYLES_ORDER = _order("docDefaults latentStyles style")
DOC_DEFAULTS_ORDER = _order("rPrDefault pPrDefault")

#: CT_Lvl.
LVL_ORDER = _order("start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr")

#: CT_Numbering.
NUMBERING_ORDER = _order("numPicBullet abstractNum num numIdMacAtCleanup")

#: CT_Settings (the elements of it we may touch, in schema order; see wml.xsd for the full list).
_SETTINGS_HEAD = _order(
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors "
    "activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
    "stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves doNotTrackFormatting "
    "documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
    "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle "
    "defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
    "drawingGridHorizontalSpacing drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
    "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
    "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
    "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults "
    "footnotePr endnotePr compat docVars rsids"
)
SETTINGS_ORDER = (
    *_SETTINGS_HEAD,
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
    *_order(
        "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
        "forceUpgrade captions readModeInkLockDown smartTagType"
    ),
    "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary",
    *_order("shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"),
)


def insert_ordered(parent: etree._Element, element: etree._Element, order: Sequence[str]) -> etree._Element:
    """Insert ``element`` among ``parent``'s children after every sibling that precedes it in ``order``.

    Children whose tag is not in ``order`` (extension elements) are treated
    as coming after everything, so known elements go before them.
    """
    rank = {tag: index for index, tag in enumerate(order)}
    mine = rank.get(element.tag, len(order))
    for index, existing in enumerate(parent):
        if not isinstance(existing.tag, str):
            continue
        if rank.get(existing.tag, len(order)) > mine:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def get_or_add(parent: etree._Element, tag: str, order: Sequence[str]) -> etree._Element:
    """Return ``parent``'s child ``tag``, creating it in schema order when absent."""
    found = parent.find(tag)
    if found is not None:
        return found
    return insert_ordered(parent, etree.Element(tag), order)
