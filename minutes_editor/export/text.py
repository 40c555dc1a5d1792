"""Text going into Word XML: characters XML cannot hold, and splitting runs by script direction.

XML 1.0 cannot hold most C0 control characters, lone surrogates or U+FFFE and
U+FFFF; text pasted from other programs brings them in. They are dropped and
counted so the writer can warn, never crash. Tab and line feed are kept, as
the writer turns them into ``w:tab`` and ``w:br``.

In a right-to-left report, Arabic-script text goes in runs marked ``w:rtl``
and Latin text in runs without it (../shared/DOCX-RTL.md 4). Characters that
belong to no script (spaces, digits, punctuation) join their neighbours when
both sides agree, and otherwise take the paragraph's direction, so a full
stop or parenthesis after Latin text inside an Arabic sentence is laid out
right to left, as the sentence around it is. A paragraph with letters of one
direction only is not split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters outside the XML 1.0 Char production (tab, LF and CR are allowed by XML but handled apart).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Strong right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their extensions,
#: presentation forms, and the right-to-left blocks of the supplementary planes.
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
#: Strong left-to-right letters (Latin, Greek, Cyrillic, Armenian, Indic and others), with combining marks.
_LTR_CHARS = (
    "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u058f\u0900-\u1fff\u2c00-\u2dff"
    "\u3040-\ud7ff\uf900-\ufb1c\uff21-\uff3a\uff41-\uff5a"
)
_RTL = re.compile(f"[{_RTL_CHARS}]")
_LTR = re.compile(f"[{_LTR_CHARS}]")
_STRONG = re.compile(f"(?P<r>[{_RTL_CHARS}]+)|(?P<l>[{_LTR_CHARS}]+)")


@dataclass(frozen=True)
class Cleaned:
    """Text with the characters XML cannot hold removed, and what was removed."""

    text: str
    dropped: tuple[str, ...] = ()


def clean_xml_text(text: str) -> Cleaned:
    """Remove characters XML 1.0 cannot hold; CR and CR LF become LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    dropped = tuple(_NOT_XML.findall(text))
    if dropped:
        text = _NOT_XML.sub("", text)
    return Cleaned(text, dropped)


def describe_dropped(dropped: tuple[str, ...]) -> str:
    """'2 characters XML cannot hold (U+0007, U+001B)' for a warning."""
    codes = sorted({f"U+{ord(char):04X}" for char in dropped})
    noun = "character" if len(dropped) == 1 else "characters"
    return f"{len(dropped)} {noun} that a Word file cannot hold ({', '.join(codes)})"


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter."""
    return _RTL.search(text) is not None


def has_ltr(text: str) -> bool:
    """Whether ``text`` has a left-to-right letter."""
    return _LTR.search(text) is not None


def direction_marks(text: str, rtl_paragraph: bool) -> list[bool]:
    """Per character of ``text``: True where it belongs in a right-to-left run.

    Strong characters decide for themselves; a stretch of neutral characters
    takes the direction of its neighbours when they agree and the
    paragraph's direction otherwise, the paragraph's ends counting as its
    direction (so a full stop after a final Latin word is right-to-left).
    """
    strong = [(match.start(), match.end(), match.lastgroup == "r") for match in _STRONG.finditer(text)]
    marks = [rtl_paragraph] * len(text)
    previous_end, previous_dir = 0, None
    for start, end, is_rtl in strong:
        _fill_neutral(marks, (previous_end, start), previous_dir, is_rtl, rtl_paragraph)
        for index in range(start, end):
            marks[index] = is_rtl
        previous_end, previous_dir = end, is_rtl
    _fill_neutral(marks, (previous_end, len(text)), previous_dir, None, rtl_paragraph)
    return marks


def _fill_neutral(
    marks: list[bool], span: tuple[int, int], before: bool | None, after: bool | None, rtl_paragraph: bool
) -> None:
    start, end = span
    if start >= end:
        return
    # The paragraph's ends count as its own direction, as in the Unicode bidi algorithm (rules N1, N2).
    before = rtl_paragraph if before is None else before
    after = rtl_paragraph if after is None else after
    value = before if before == after else rtl_paragraph
    for index in range(start, end):
        marks[index] = value


def split_by_direction(texts: list[str], rtl_paragraph: bool) -> list[list[tuple[str, bool]]]:
    """Split each of a paragraph's run texts into (text, is_rtl) pieces, judging neutrals across run borders.

    A paragraph that is all one script, the common case, is not scanned
    character by character.
    """
    whole = "".join(texts)
    rtl_found, ltr_found = has_rtl(whole), has_ltr(whole)
    if not (rtl_found and ltr_found):
        uniform = rtl_found or (rtl_paragraph and not ltr_found)
        return [[(text, uniform)] if text else [] for text in texts]
    marks = direction_marks(whole, rtl_paragraph)
    result: list[list[tuple[str, bool]]] = []
    offset = 0
    for text in texts:
        pieces: list[tuple[str, bool]] = []
        start = 0
        for index in range(1, len(text) + 1):
            if index == len(text) or marks[offset + index] != marks[offset + start]:
                pieces.append((text[start:index], marks[offset + start]))
                start = index
        result.append(pieces)
        offset += len(text)
    return result
