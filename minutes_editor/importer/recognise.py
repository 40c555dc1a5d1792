"""Recognising what a line of a report is from its words, in every language Minutes Editor ships.

Headings are compared after folding away what editors vary without meaning
to: Arabic diacritics and tatweel, alef and yeh variants, letter case, Latin
accents, punctuation and spacing. A heading matches a section kind when it
equals that kind's default heading in any language preset, or one half of a
two-part heading ("Key takeaways / action points ...").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import SectionKind
from minutes_editor.storage.presets import available_languages, load_preset

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "ی": "ي"}
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NOT_WORD = re.compile(r"[^\w]+")


#: Lines longer than this are never headings, labels or status words: they are not folded at all.
MAX_LINE = 300


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Text folded for comparison: no diacritics, tatweel, case, accents, punctuation; single spaces."""
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text))
    text = text.translate(_ARABIC_FOLD).translate(_DIGITS)
    # Turkish dotless ı is what "I" lower-cases to there: fold both to i.
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", text).split())


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits replaced by ASCII ones."""
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class HeadingMatch:
    """A heading recognised as a section kind, and the language whose default it is."""

    kind: SectionKind
    language: str
    exact: bool


@cache
def presets() -> tuple[LanguagePreset, ...]:
    """Every shipped language preset."""
    return tuple(load_preset(code) for code in available_languages())


@cache
def _heading_table() -> dict[str, HeadingMatch]:
    table: dict[str, HeadingMatch] = {}
    for preset in presets():
        for kind, heading in preset.headings.items():
            key = fold(heading)
            if key:
                table.setdefault(key, HeadingMatch(kind, preset.code, exact=True))
            parts = [fold(part) for part in re.split(r"[/\\|]", heading)]
            if len(parts) > 1:
                for part in parts:
                    if part:
                        table.setdefault(part, HeadingMatch(kind, preset.code, exact=False))
    return table


def recognise_heading(text: str) -> HeadingMatch | None:
    """The section kind a heading names in some shipped language, or None."""
    if len(text) > MAX_LINE:
        return None
    return _heading_table().get(fold(text))


@cache
def _labels(key: str) -> tuple[str, ...]:
    labels = {fold(preset.label(key)) for preset in presets()}
    extra = {"date": ("date", "التاريخ"), "location": ("location", "venue", "place", "الموقع", "المكان")}
    labels.update(fold(word) for word in extra.get(key, ()))
    return tuple(sorted((label for label in labels if label), key=len, reverse=True))


_LABEL_SEPARATORS = ":：؛"


def strip_label(text: str, key: str) -> str | None:
    """The rest of a line that starts with a title-block label ("Date:", "الموقع:"), or None."""
    head, separator, rest = _split_label(text)
    if not separator:
        return None
    if fold(head) in _labels(key):
        return rest.lstrip()  # the end is kept: a date line's zone may end in a line break
    return None


def _split_label(text: str) -> tuple[str, str, str]:
    for index, char in enumerate(text[:40]):
        if char in _LABEL_SEPARATORS:
            return text[:index], char, text[index + 1 :]
    return text, "", ""


@cache
def _status_words() -> frozenset[str]:
    return frozenset(fold(word) for preset in presets() for word in preset.status_words)


def is_status(text: str) -> bool:
    """Whether a line is a document status word of some language ("Draft report", "مسودة التقرير")."""
    return len(text) <= MAX_LINE and fold(text) in _status_words()


@cache
def _session_labels() -> tuple[str, ...]:
    return tuple(sorted({fold(preset.label("session")) for preset in presets()}, key=len, reverse=True))


def looks_like_session(text: str) -> bool:
    """Whether a sub-heading starts with the word "Session" of some language."""
    folded = fold(text[:MAX_LINE])
    return any(folded == label or folded.startswith(label + " ") for label in _session_labels() if label)


# ------------------------------------------------------------------ numbers and glyphs

_D = "0-9\u0660-\u0669\u06f0-\u06f9"
#: "1.", "1-", "1)", "١." or "2.1" at the start of a line, followed by a space or a letter (not "10.000").
_TYPED_NUMBER = re.compile(
    rf"^\s*(?:(?P<deep>[{_D}]{{1,3}}(?:\.[{_D}]{{1,2}})+)\.?|(?P<flat>[{_D}]{{1,3}})\s*[.\-–)])(?=\s|[^\W\d_])\s*"
)


def typed_number(text: str) -> tuple[int, int] | None:
    """(depth, length of the prefix) when a line starts with a typed heading number like "1." or "2.1"."""
    match = _TYPED_NUMBER.match(text)
    if match is None or not text[match.end() :].strip():
        return None
    depth = match.group("deep").count(".") + 1 if match.group("deep") else 1
    return depth, match.end()


#: Typed bullet glyphs and the level each suggests when indentation says nothing.
BULLET_GLYPHS = {
    "•": 1,
    "●": 1,
    "·": 1,
    "*": 1,
    "-": 1,
    "–": 1,
    "—": 1,
    "➢": 1,
    "►": 1,
    "\uf0b7": 1,
    "\uf0a7": 3,
    "\uf0d8": 1,
    "o": 2,
    "○": 2,
    "◦": 2,
    "▪": 3,
    "■": 3,
    "□": 3,
    "▫": 3,
}


def typed_bullet(text: str) -> tuple[int, int] | None:
    """(level suggested by the glyph, length of the prefix) when a line starts with a typed bullet."""
    stripped = text.lstrip()
    if len(stripped) < 2:
        return None
    glyph = stripped[0]
    level = BULLET_GLYPHS.get(glyph)
    if level is None or stripped[1] not in " \t\u00a0":
        return None
    rest = stripped[1:].lstrip(" \t\u00a0")
    if not rest:
        return None
    return level, len(text) - len(rest)


_SENTENCE_END = (".", ":", ";", "؛", "،", ",", "!", "?", "؟")


def ends_like_sentence(text: str) -> bool:
    """Whether a line ends as a sentence or a lead-in does, not as a heading."""
    return text.rstrip().endswith(_SENTENCE_END)
