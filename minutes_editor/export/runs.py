"""A run of the body as Word XML: its emphasis with the complex-script twins, its direction, breaks and tabs.

``_run`` makes a ``w:r`` of one stretch of text: bold, italic and underline
with their complex-script halves (``w:bCs``, ``w:iCs``: ../shared/DOCX-RTL.md
5), ``w:rtl`` for right-to-left text, each line feed a ``w:br`` and each tab
a ``w:tab``, spaces kept. The run properties of each combination are made
once and copied. Used by the writer (minutes_editor.export.docx_writer).
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from minutes_editor.ooxml.ns import XML_SPACE, w

_R, _RPR, _T, _BR, _TAB = (w(n) for n in ("r", "rPr", "t", "br", "tab"))
_B, _BCS, _I, _ICS, _U, _RTL = (w(n) for n in ("b", "bCs", "i", "iCs", "u", "rtl"))
_VAL = w("val")
_BREAKS = re.compile("([\n\t])")


def _run(text: str, bold: bool, italic: bool, underline: bool, rtl: bool) -> etree._Element:
    run = etree.Element(_R)
    if bold or italic or underline or rtl:
        key = (bold, italic, underline, rtl)
        rpr = _RPR_CACHE.get(key)
        if rpr is None:
            rpr = _RPR_CACHE[key] = _make_rpr(*key)
        run.append(copy.copy(rpr))
    if "\n" in text or "\t" in text:
        # A line feed inside a w:t is not a line break in Word: write w:br and w:tab elements.
        for piece in _BREAKS.split(text):
            if piece == "\n":
                etree.SubElement(run, _BR)
            elif piece == "\t":
                etree.SubElement(run, _TAB)
            elif piece:
                _text(run, piece)
    else:
        _text(run, text)
    return run


def _make_rpr(bold: bool, italic: bool, underline: bool, rtl: bool) -> etree._Element:
    # Latin and complex-script halves together (../shared/DOCX-RTL.md 5), in schema order.
    rpr = etree.Element(_RPR)
    if bold:
        etree.SubElement(rpr, _B)
        etree.SubElement(rpr, _BCS)
    if italic:
        etree.SubElement(rpr, _I)
        etree.SubElement(rpr, _ICS)
    if underline:
        etree.SubElement(rpr, _U).set(_VAL, "single")
    if rtl:
        etree.SubElement(rpr, _RTL)
    return rpr


_RPR_CACHE: dict[tuple[bool, bool, bool, bool], etree._Element] = {}


def _text(run: etree._Element, text: str) -> None:
    element = etree.SubElement(run, _T)
    element.text = text
    if text[:1].isspace() or text[-1:].isspace() or "  " in text:
        element.set(XML_SPACE, "preserve")
