"""What a run's children read as: text, tabs, breaks, no-break hyphens and symbols (the Symbol font as Unicode).

``_run_children`` gives a run's children with ``mc:AlternateContent``
replaced by its first choice; ``_run_child_text`` the text one child shows,
or None for a child that is not text.
"""

from __future__ import annotations

from lxml import etree

from minutes_editor.ooxml.ns import qn, w

_TEXT = w("t")
_DEL_TEXT = w("delText")
_ALTERNATE = qn("mc:AlternateContent")
_CHOICE = qn("mc:Choice")
_TAB, _BR = frozenset({w("tab"), w("ptab")}), frozenset({w("br"), w("cr")})


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
