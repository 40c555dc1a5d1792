"""Splitting the participation sentence back into participants, by the report language's joining rule.

The sentence was written by ``ListJoin.join``: "A, B and C." in English,
"A وB وC." in Arabic (each name after the first prefixed with و). Names may
contain the joining words themselves ("Bosnia and Herzegovina", "البوسنة
والهرسك"), so among the ways to cut the sentence the one that yields the most
names known to CLDR (territory names in the report's language) wins. A name
beginning with و is cut only where a separator (" و", a space before it)
stands, never at its own first letter.

A list pasted into the editor (a registration sheet) is split at lines,
commas and semicolons first, then each piece by the same rule
(``split_list``).
"""

from __future__ import annotations

import json
import re
from functools import cache

from babel import Locale, UnknownLocaleError

from minutes_editor.importer.recognise import fold
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Participant
from minutes_editor.paths import resources_dir

#: What separates the names of a pasted list: lines, tabs, commas and semicolons in either script.
LIST_SEPARATORS = re.compile(r"[\n\r\t,،;؛]+")
#: Sentences longer than this many cut points are split at every separator.
_MAX_CUTS = 2000
#: A name spans at most this many separators ("Saint Kitts and Nevis", "Bosnia and Herzegovina" have one).
_MAX_SPAN = 4


@cache
def known_names(language: str, date_locale: str) -> dict[str, str]:
    """Folded names of countries (CLDR) and organisations (our data files) in a language, mapped to their codes."""
    names: dict[str, str] = {}
    base = language.replace("-", "_").split("_", 1)[0].lower()
    for locale_code in (date_locale, base):
        try:
            territories = Locale.parse(locale_code).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha():
                for variant in _variants(str(name)):
                    names.setdefault(variant, code)
    for code, name in _organisations(base):
        for variant in _variants(name):
            names.setdefault(variant, code)
    return names


def _variants(name: str) -> set[str]:
    # CLDR writes "Bosnia & Herzegovina"; reports write "and".
    forms = {fold(name), fold(name.replace("&", "and")), fold(name.replace("&", "و"))}
    return {form for form in forms if form}


def _organisations(language: str) -> list[tuple[str, str]]:
    for code in (language, "en"):
        path = resources_dir() / "data" / f"organisations.{code}.json"
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        items = data.get("organisations", []) if isinstance(data, dict) else []
        return [
            (str(item["code"]), str(item["name"]))
            for item in items
            if isinstance(item, dict) and "code" in item and "name" in item
        ]
    return []


def _lookup(name: str, known: dict[str, str]) -> str:
    folded = fold(name)
    if folded in known:
        return known[folded]
    # "the European Commission": an English article before an organisation's name.
    if folded.startswith("the "):
        return known.get(folded[4:], "")
    return ""


def split_participants(sentence: str, preset: LanguagePreset) -> list[Participant]:
    """The participants a sentence names, each matched to a territory code when its name is a standard one."""
    text = sentence.strip()
    join = preset.list_join
    if join.end and text.endswith(join.end):
        text = text[: -len(join.end)].rstrip()
    if not text:
        return []
    known = known_names(preset.code, preset.date_locale)
    names = _split(text, join.separator, join.last_separator, known)
    return [Participant(name=name, code=_lookup(name, known)) for name in names if name]


def split_list(text: str, preset: LanguagePreset) -> list[Participant]:
    """The participants of a pasted list: one a line, or separated by commas or the language's joining words."""
    participants: list[Participant] = []
    for piece in LIST_SEPARATORS.split(text):
        participants.extend(split_participants(piece, preset))
    return participants


def _positions(text: str, separator: str) -> list[int]:
    positions = []
    start = text.find(separator)
    while start >= 0 and separator:
        positions.append(start)
        start = text.find(separator, start + len(separator))
    return positions


def _split(text: str, separator: str, last: str, known: dict[str, str]) -> list[str]:
    if separator == last:
        return _best_split(text, separator, _positions(text, separator), known)
    last_positions = _positions(text, last)
    if not last_positions:
        return [text.strip()]
    # One name holding the last joining word ("Bosnia and Herzegovina." alone, a pasted line): uncut,
    # it wins only when it is a known name and no cut gives more.
    best: tuple[int, int, list[str]] | None = (bool(_lookup(text, known)), -1, [text.strip()])
    for position in last_positions:
        head, tail = text[:position], text[position + len(last) :]
        names = [*_best_split(head, separator, _positions(head, separator), known), tail.strip()]
        score = (sum(bool(_lookup(name, known)) for name in names), position)
        if best is None or score > best[:2]:
            best = (score[0], score[1], names)
    assert best is not None
    return best[2]


def _best_split(text: str, separator: str, cuts: list[int], known: dict[str, str]) -> list[str]:
    """Cut at a subset of separator positions so that most pieces are known names, else at every one."""
    if not cuts or len(cuts) > _MAX_CUTS:
        return [part.strip() for part in text.split(separator)] if cuts else [text.strip()]
    bounds = [(0, 0), *((cut, cut + len(separator)) for cut in cuts), (len(text), len(text))]
    # best[i]: (known pieces, pieces) for the text up to boundary i, and where the last piece began.
    best: list[tuple[int, int, int]] = [(0, 0, -1)] + [(-1, 0, -1)] * (len(bounds) - 1)
    for end in range(1, len(bounds)):
        for begin in range(max(0, end - _MAX_SPAN - 1), end):
            if best[begin][0] < 0:
                continue
            piece = text[bounds[begin][1] : bounds[end][0]].strip()
            score = (best[begin][0] + bool(_lookup(piece, known)), best[begin][1] + 1)
            if score > best[end][:2]:
                best[end] = (score[0], score[1], begin)
    pieces: list[str] = []
    end = len(bounds) - 1
    while end > 0:
        begin = best[end][2]
        pieces.append(text[bounds[begin][1] : bounds[end][0]].strip())
        end = begin
    return list(reversed(pieces))
