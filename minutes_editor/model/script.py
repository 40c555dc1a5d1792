"""What kind of text a character or word is: its script, digit system, Arabic marks, words and URLs.

Checks, search, counts and spelling all need the same answers (is this word
Arabic-script? where do words end? is this a URL?), so they live here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class Script(StrEnum):
    """The writing systems the report languages use; OTHER is any further script."""

    ARABIC = "arabic"
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    OTHER = "other"


class DigitSystem(StrEnum):
    """Decimal digit sets a report may write numbers in."""

    LATIN = "latin"  # 0-9
    ARABIC_INDIC = "arabic-indic"  # ٠-٩ (Arabic)
    EXTENDED_ARABIC_INDIC = "extended-arabic-indic"  # ۰-۹ (Persian, Urdu)
    OTHER = "other"


DIGIT_SAMPLES = {
    DigitSystem.LATIN: "0-9",
    DigitSystem.ARABIC_INDIC: "٠-٩",
    DigitSystem.EXTENDED_ARABIC_INDIC: "۰-۹",
}

TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"

#: Arabic-script combining marks: harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation.
ARABIC_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff"
)
_ARABIC_MARKS_RE = re.compile(f"[{ARABIC_MARKS}{TATWEEL}]")
#: Letters of the Arabic script (blocks Arabic, Supplement, Extended-A/B, Presentation Forms).
_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08c9"
_ARABIC_FORMS = "\ufb50-\ufdff\ufe70-\ufeff"
_LATIN_LETTERS = (
    "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff"
)
_LATIN_MARKS = "\u0300-\u036f"
_CYRILLIC_LETTERS = "\u0400-\u0482\u048a-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_CYRILLIC_MARKS = "\u0483-\u0489"
_APOSTROPHES = "'\u2019\u02bc"
_MARKS = ARABIC_MARKS + _LATIN_MARKS + _CYRILLIC_MARKS

# A word: letters, digits and marks of one or several scripts, joined by ZWNJ/ZWJ (Persian
# half-spaces) or by an apostrophe between two letters (don't, l'homme). Underscore is no letter.
_WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}]|(?<=[\w{_MARKS}])(?<![\d_])[{ZWNJ}{ZWJ}{_APOSTROPHES}](?=[^\W\d_]))+")
_SCRIPT_WORD = {
    Script.ARABIC: re.compile(rf"[{_ARABIC_LETTERS}{_ARABIC_FORMS}{ARABIC_MARKS}{TATWEEL}{ZWNJ}{ZWJ}]+"),
    Script.LATIN: re.compile(rf"[{_LATIN_LETTERS}{_LATIN_MARKS}{_APOSTROPHES}]+"),
    Script.CYRILLIC: re.compile(rf"[{_CYRILLIC_LETTERS}{_CYRILLIC_MARKS}{_APOSTROPHES}]+"),
}
_LETTER_SCRIPT = (
    (re.compile(f"[{_ARABIC_LETTERS}{_ARABIC_FORMS}]"), Script.ARABIC),
    (re.compile(f"[{_LATIN_LETTERS}]"), Script.LATIN),
    (re.compile(f"[{_CYRILLIC_LETTERS}]"), Script.CYRILLIC),
)

#: Web and mail addresses, which are neither words to spell nor prose to punctuate.
URL_RE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"'«»“”]+[^\s<>\"'«»“”.,;:!?)\]}،؛؟]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)


def script_of(char: str) -> Script | None:
    """The script of a letter, or None for a character that is no letter (digit, mark, space, punctuation)."""
    if not char.isalpha() or char == TATWEEL:
        return None
    for pattern, script in _LETTER_SCRIPT:
        if pattern.match(char):
            return script
    return Script.OTHER


def digit_system(char: str) -> DigitSystem | None:
    """The digit system of a decimal digit, or None for any other character."""
    if "0" <= char <= "9":
        return DigitSystem.LATIN
    if "\u0660" <= char <= "\u0669":
        return DigitSystem.ARABIC_INDIC
    if "\u06f0" <= char <= "\u06f9":
        return DigitSystem.EXTENDED_ARABIC_INDIC
    if char.isdecimal():
        return DigitSystem.OTHER
    return None


def strip_arabic_marks(text: str) -> str:
    """``text`` without Arabic harakat and tatweel (kashida), which do not change the word."""
    return _ARABIC_MARKS_RE.sub("", text)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the URLs and mail addresses in ``text``."""
    return [match.span() for match in URL_RE.finditer(text)]


@dataclass(frozen=True)
class Word:
    """A word found in a text: its offsets, its text and its script (None when it holds digits)."""

    start: int
    end: int
    text: str
    script: Script | None


def iter_words(text: str) -> Iterator[Word]:
    """The words of ``text`` in order, each of one script; words holding digits come whole with script None.

    Whitespace, punctuation (Latin and Arabic: ، ؛ ؟), symbols and the
    footnote mark separate words; a word in two scripts without a space
    ("EUالاتحاد") comes as two words.
    """
    for match in _WORD_RE.finditer(text):
        token = match.group()
        start = match.start()
        if any(char.isdecimal() for char in token):
            yield Word(start, match.end(), token, None)
            continue
        for script, pattern in _SCRIPT_WORD.items():
            if pattern.fullmatch(token):
                yield Word(start, match.end(), token, script)
                break
        else:
            yield from _split_by_script(token, start)


def _split_by_script(token: str, offset: int) -> Iterator[Word]:
    """Cut a token holding letters of several scripts where the script changes; marks follow their letter."""
    begin = 0
    current: Script | None = None
    for index, char in enumerate(token):
        script = script_of(char)
        if script is None:
            continue
        if current is not None and script is not current:
            yield Word(offset + begin, offset + index, token[begin:index], current)
            begin = index
        current = script
    if current is not None:
        yield Word(offset + begin, offset + len(token), token[begin:], current)
