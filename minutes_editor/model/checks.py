"""Checks a rapporteur wants before circulating a report: problems that are valid data but wrong prose.

Each Problem names its field by path (``sections[2].blocks[1]``, as load
errors do), carries a stable ``code`` the window can filter and show icons
by, and, when it concerns a stretch of text, the character offsets of that
stretch in the field's text as ``minutes_editor.model.text_fields`` defines
it (a footnote reference counts as one character, as in the body editor).

Codes: title-missing, heading-empty, section-empty, block-empty,
participant-unnamed, participant-duplicate, session-untitled, session-empty,
goal-empty, footnote-unreferenced, footnote-multiple-references,
footnote-empty, footnote-missing, digits-mixed, bracket-unbalanced,
bracket-reversed, quote-unbalanced, quote-reversed, latin-punctuation;
and those of action items and tables (model/item_checks.py): action-unowned,
action-overdue, action-empty, table-header-empty. A table cell's text is a
field of its own (``sections[2].blocks[1].rows[0].cells[3]``), checked as any.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from minutes_editor.model.item_checks import item_problems
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report, SectionKind
from minutes_editor.model.script import (
    DIGIT_SAMPLES,
    DigitSystem,
    Script,
    digit_system,
    script_of,
    strip_arabic_marks,
    url_spans,
)
from minutes_editor.model.text_fields import FOOTNOTE_MARK, FieldKind, TextField, iter_fields


class Severity(StrEnum):
    """How much a problem matters."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One finding: the field's path, what is wrong, and where in the field's text when that is known.

    ``start``/``end`` are offsets into the field's text (None when the
    problem concerns the whole field or item); ``replacement``, when given,
    is the text that would fix the stretch ``start:end``.
    """

    where: str
    message: str
    severity: Severity = Severity.WARNING
    code: str = ""
    start: int | None = None
    end: int | None = None
    replacement: str | None = None

    def __str__(self) -> str:
        at = self.where if self.start is None else f"{self.where}: character {self.start + 1}"
        code = f" [{self.code}]" if self.code else ""
        return f"{self.severity.value}: {at}: {self.message}{code}"


def check_report(report: Report, preset: LanguagePreset, *, today: dt.date | None = None) -> list[Problem]:
    """Return the problems found in ``report``, in reading order.

    ``preset`` is the report's language preset (its digits, quotation marks and default headings), which the
    caller loads (``minutes_editor.storage.presets.load_preset(report.language)``): the model reads no file.
    ``today`` (None: the computer's date) is the day an open action item's deadline is measured against.
    """
    problems = _structure_problems(report)
    day = dt.date.today() if today is None else today
    problems.extend(Problem(path, message, code=code) for path, message, code in item_problems(report, preset, day))
    problems.extend(_footnote_problems(report))
    fields = list(iter_fields(report, None))
    problems.extend(_digit_problems(fields, preset))
    pairs = _pairs_for(preset)
    for field in fields:
        problems.extend(_pair_problems(field, pairs))
        problems.extend(_punctuation_problems(field))
    problems.sort(key=lambda problem: (_order_key(problem.where), problem.start or 0))
    return problems


# ------------------------------------------------------------ structure


def _structure_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    if not report.title.meeting.strip():
        problems.append(Problem("title.meeting", "the report has no meeting title", code="title-missing"))
    for s_index, section in enumerate(report.sections):
        where = f"sections[{s_index}]"
        if section.heading is not None and not section.heading.strip():
            problems.append(Problem(f"{where}.heading", "the heading is empty", code="heading-empty"))
        if not (section.blocks or section.participants or section.sessions):
            problems.append(Problem(where, "the section is empty", code="section-empty"))
        problems.extend(_empty_blocks(section.blocks, f"{where}.blocks"))
        for p_index, participant in enumerate(section.participants):
            if not participant.name.strip():
                problems.append(
                    Problem(f"{where}.participants[{p_index}]", "a participant has no name", code="participant-unnamed")
                )
        for j_index, session in enumerate(section.sessions):
            at = f"{where}.sessions[{j_index}]"
            if not session.title.strip():
                problems.append(Problem(f"{at}.title", "the session has no title", code="session-untitled"))
            if not session.blocks:
                problems.append(Problem(at, "the session is empty", code="session-empty"))
            for g_index, goal in enumerate(session.goals):
                if not goal.strip():
                    problems.append(Problem(f"{at}.goals[{g_index}]", "empty goal", code="goal-empty"))
            problems.extend(_empty_blocks(session.blocks, f"{at}.blocks"))
    problems.extend(_duplicate_participants(report))
    return problems


def _empty_blocks(blocks: list[Block], where: str) -> list[Problem]:
    return [
        Problem(f"{where}[{index}]", f"empty {block.kind.value}", code="block-empty")
        for index, block in enumerate(blocks)
        if block.kind is not BlockKind.ACTION  # an action item without text is action-empty
        and not block.plain_text.strip()
        and not any(isinstance(item, FootnoteRef) for item in block.content)
    ]


_LETTER_VARIANTS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ک": "ك",
        "ة": "ه",
        "ؤ": "و",
    }
)


def normalised_name(name: str) -> str:
    """A participant name reduced for comparison: case, accents, harakat, tatweel and letter variants ignored."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = strip_arabic_marks(unicodedata.normalize("NFKC", text)).translate(_LETTER_VARIANTS)
    words = re.findall(r"[^\W_]+", text)
    return " ".join(words)


def _duplicate_participants(report: Report) -> list[Problem]:
    """Participants listed more than once across the report's participation sections, by name or by code."""
    problems: list[Problem] = []
    by_name: dict[str, str] = {}
    by_code: dict[str, str] = {}
    for s_index, section in enumerate(report.sections):
        if section.kind is not SectionKind.PARTICIPATION and not section.participants:
            continue
        for p_index, participant in enumerate(section.participants):
            where = f"sections[{s_index}].participants[{p_index}]"
            name = normalised_name(participant.name)
            code = participant.code.strip().casefold()
            first = by_code.get(code) if code else None
            if first is not None:
                message = f"{participant.name.strip()!r} ({participant.code}) is already listed at {first}"
            elif name and name in by_name:
                first = by_name[name]
                message = f"{participant.name.strip()!r} is already listed at {first}"
            else:
                if name:
                    by_name[name] = where
                if code:
                    by_code[code] = where
                continue
            problems.append(Problem(where, message, code="participant-duplicate"))
    return problems


def _footnote_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    references = Counter(report.footnote_refs())
    for index, note in enumerate(report.footnotes):
        where = f"footnotes[{index}]"
        if references[note.id] == 0:
            problems.append(Problem(where, f"footnote {note.id!r} is referenced nowhere", code="footnote-unreferenced"))
        elif references[note.id] > 1:
            problems.append(
                Problem(
                    where,
                    f"footnote {note.id!r} is referenced {references[note.id]} times; Word shows one note per mark",
                    code="footnote-multiple-references",
                )
            )
        if not "".join(span.text for span in note.content).strip():
            problems.append(Problem(where, f"footnote {note.id!r} has no text", code="footnote-empty"))
    known = {note.id for note in report.footnotes}
    for field in iter_fields(report, None):
        if field.kind is not FieldKind.BLOCK or FOOTNOTE_MARK not in field.text:
            continue
        from minutes_editor.model.text_fields import get_field

        content = get_field(report, field.path)
        assert isinstance(content, list)
        offset = 0
        for item in content:
            if isinstance(item, FootnoteRef):
                if item.footnote_id not in known:
                    problems.append(
                        Problem(
                            field.path,
                            f"the footnote {item.footnote_id!r} referenced here does not exist",
                            Severity.ERROR,
                            code="footnote-missing",
                            start=offset,
                            end=offset + 1,
                        )
                    )
                offset += 1
            else:
                offset += len(item.text)
    return problems


# ------------------------------------------------------------ digits


def _digit_problems(fields: list[TextField], preset: LanguagePreset) -> list[Problem]:
    """Fields writing numbers in a digit system other than the report's (its preset's, else its most used)."""
    found: list[tuple[TextField, dict[DigitSystem, tuple[int, int]]]] = []
    totals: Counter[DigitSystem] = Counter()
    for field in fields:
        runs: dict[DigitSystem, tuple[int, int]] = {}
        for match in re.finditer(r"\d+", field.text):
            system = digit_system(match.group()[0])
            if system is None or system is DigitSystem.OTHER:
                continue
            totals[system] += len(match.group())
            runs.setdefault(system, match.span())
        if runs:
            found.append((field, runs))
    if len(totals) < 2:
        return []
    preferred = _preset_digits(preset)
    main = (
        preferred
        if preferred is not None and preferred in totals
        else max(totals, key=lambda system: (totals[system], system is DigitSystem.LATIN))
    )
    problems: list[Problem] = []
    for field, runs in found:
        for system, (start, end) in runs.items():
            if system is main:
                continue
            sample = field.text[start:end]
            problems.append(
                Problem(
                    field.path,
                    f"{sample} is written in {system.value} digits ({DIGIT_SAMPLES[system]}); "
                    f"the report writes {main.value} digits ({DIGIT_SAMPLES[main]})",
                    code="digits-mixed",
                    start=start,
                    end=end,
                )
            )
    return problems


def _preset_digits(preset: LanguagePreset) -> DigitSystem | None:
    """The digit system the language preset asks for, when the preset names one."""
    digits = preset.digits
    aliases = {
        "latn": DigitSystem.LATIN,
        "latin": DigitSystem.LATIN,
        "arab": DigitSystem.ARABIC_INDIC,
        "arabic-indic": DigitSystem.ARABIC_INDIC,
        "arabext": DigitSystem.EXTENDED_ARABIC_INDIC,
        "extended-arabic-indic": DigitSystem.EXTENDED_ARABIC_INDIC,
    }
    if digits.lower() in aliases:
        return aliases[digits.lower()]
    return digit_system(digits[0]) if digits else None


# ------------------------------------------------------------ brackets and quotes

_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_QUOTES = {"«": "»", "“": "”", "„": "“", "‹": "›"}
#: Marks that open and close alike; a stack decides which one they are.
_TOGGLES = frozenset({'"'})


@dataclass(frozen=True)
class _Pairs:
    openers: dict[str, frozenset[str]]  # opener -> the closers that close it
    closers: frozenset[str]
    toggles: frozenset[str]


def _pairs_for(preset: LanguagePreset) -> _Pairs:
    """The bracket and quotation pairs to balance: the usual ones and the language's own quotes."""
    openers: dict[str, set[str]] = {}
    for opener, closer in (*_BRACKETS.items(), *_QUOTES.items()):
        openers.setdefault(opener, set()).add(closer)
    toggles = set(_TOGGLES)
    opening, closing = preset.quotes
    if opening == closing:
        toggles.add(opening)
    else:
        # A mark may open and close (“ closes „ and opens ”; » opens Danish-style »…«): the stack decides.
        openers.setdefault(opening, set()).add(closing)
    closers = {closer for ends in openers.values() for closer in ends}
    return _Pairs({opener: frozenset(ends) for opener, ends in openers.items()}, frozenset(closers), frozenset(toggles))


# An enumerator such as "a)", "ب)", "1)" or "iv)": short, at the start or after a space or separator.
_ENUMERATOR = re.compile(r"(?:^|[\s(\-–—:;،؛.,])(?:[^\W\d_]{1,2}|\d{1,3}|[ivxIVX]{1,4})$")


def _pair_problems(field: TextField, pairs: _Pairs) -> list[Problem]:
    """Brackets and quotation marks of one field that are never closed, close nothing, or come reversed."""
    text = field.text
    ignored = url_spans(text)
    stack: list[tuple[str, int]] = []
    unclosed: list[tuple[str, int]] = []
    unopened: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char not in pairs.openers and char not in pairs.closers and char not in pairs.toggles:
            continue
        if any(start <= index < end for start, end in ignored):
            continue
        if char in pairs.toggles:
            depth = _topmost(stack, {char})
        elif char in pairs.closers:
            depth = _topmost(stack, {opener for opener, ends in pairs.openers.items() if char in ends})
        else:
            depth = None
        if depth is not None:
            # Marks opened after the one this closes were never closed.
            unclosed.extend(stack[depth + 1 :])
            del stack[depth:]
        elif char in pairs.openers or char in pairs.toggles:
            stack.append((char, index))
        elif not (char == ")" and _ENUMERATOR.search(text[:index])):  # "أ) ... ب)" numbers a list
            unopened.append((char, index))
    unclosed.extend(stack)
    return _describe_pairs(field, unclosed, unopened, pairs)


def _topmost(stack: list[tuple[str, int]], wanted: set[str]) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] in wanted:
            return depth
    return None


def _describe_pairs(
    field: TextField, unclosed: list[tuple[str, int]], unopened: list[tuple[str, int]], pairs: _Pairs
) -> list[Problem]:
    problems: list[Problem] = []
    rtl = any(script_of(char) is Script.ARABIC for char in field.text)
    openers_left = sorted(unclosed, key=lambda item: item[1])
    for closer, at in unopened:
        # ")…(": a closing mark before an opening one that it would close, typed in visual order.
        partner = next(
            (item for item in openers_left if item[1] > at and closer in pairs.openers.get(item[0], ())), None
        )
        kind = "quote" if _is_quote(closer) else "bracket"
        if partner is None:
            problems.append(
                Problem(field.path, f"{closer!r} closes nothing", code=f"{kind}-unbalanced", start=at, end=at + 1)
            )
            continue
        openers_left.remove(partner)
        hint = " (in right-to-left text type the opening mark first; the display mirrors it)" if rtl else ""
        problems.append(
            Problem(
                field.path,
                f"{closer!r} comes before {partner[0]!r}: the pair is reversed{hint}",
                code=f"{kind}-reversed",
                start=at,
                end=partner[1] + 1,
            )
        )
    for opener, at in openers_left:
        kind = "quote" if _is_quote(opener) else "bracket"
        problems.append(
            Problem(field.path, f"{opener!r} is never closed", code=f"{kind}-unbalanced", start=at, end=at + 1)
        )
    return problems


def _is_quote(char: str) -> bool:
    return char not in _BRACKETS and char not in _BRACKETS.values()


# ------------------------------------------------------------ Latin punctuation in Arabic-script text

_ARABIC_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}


def _punctuation_problems(field: TextField) -> list[Problem]:
    """A comma, semicolon or question mark between Arabic-script words, where ، ؛ ؟ belong.

    Its neighbouring words decide: the nearest letter before must be
    Arabic-script, and so must the nearest after, if any. Digits either side
    (10,000), URLs and Latin runs are left alone.
    """
    text = field.text
    problems: list[Problem] = []
    ignored: list[tuple[int, int]] | None = None
    for match in re.finditer(r"[,;?]", text):
        index = match.start()
        if 0 < index < len(text) - 1 and text[index - 1].isdecimal() and text[index + 1].isdecimal():
            continue
        if _neighbour_script(text, index, -1) is not Script.ARABIC:
            continue
        if _neighbour_script(text, index, +1) not in (Script.ARABIC, None):
            continue
        if ignored is None:
            ignored = url_spans(text)
        if any(start <= index < end for start, end in ignored):
            continue
        char = match.group()
        problems.append(
            Problem(
                field.path,
                f"Latin {char!r} in Arabic-script text: write {_ARABIC_PUNCTUATION[char]!r}",
                code="latin-punctuation",
                start=index,
                end=index + 1,
                replacement=_ARABIC_PUNCTUATION[char],
            )
        )
    return problems


def _neighbour_script(text: str, index: int, step: int) -> Script | None:
    """The script of the nearest letter from ``index`` in direction ``step``, or None if there is none."""
    position = index + step
    while 0 <= position < len(text):
        script = script_of(text[position])
        if script is not None:
            return script
        position += step
    return None


# ------------------------------------------------------------ order


def _order_key(path: str) -> tuple[int, ...]:
    """Reading order of a path: title block, then sections (heading, body, participants, sessions), then notes."""
    key: list[int] = []
    parts = re.findall(r"([a-z_]+)(?:\[(\d+)\])?", path)
    rank = {
        "title": 0,
        "sections": 1,
        "footnotes": 2,
        "heading": 0,
        "blocks": 2,
        "participants": 3,
        "sessions": 4,
        "goals": 1,
    }
    title_rank = {"meeting": 0, "subtitle": 1, "status": 2, "location": 3, "timezone": 4}
    for index, (name, number) in enumerate(parts):
        if index == 1 and parts[0][0] == "title":
            key.append(title_rank.get(name, 9))
        else:
            key.append(rank.get(name, 0))
        key.append(int(number) + 1 if number else 0)
    return tuple(key)
