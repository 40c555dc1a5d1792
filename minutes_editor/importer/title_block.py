"""Reading the title block's date line back into a date, start and end times and a time-zone label.

The line is written by ``LanguagePreset.date_line_text`` ("التاريخ: 14 تشرين
الأول 2021، 10:00-13:00 CET"), or typed by hand in much the same shape
("Date: 14 October 2021, 10:00 am – 1:00 pm CET"). Month names come from
CLDR (Babel) for every shipped language, in their format and stand-alone,
wide and abbreviated forms, compared after folding diacritics.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers

from minutes_editor.importer.recognise import ascii_digits, fold, presets, strip_label
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import TitleBlock

_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?|ص|م)?(?![^\W\d_])",
    re.IGNORECASE,
)
#: The same without a morning or afternoon word: how our writer writes times (24-hour clock).
_TIME_24 = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)(?P<ampm>)")
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})(?!\d)")
_WORD = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?")
_FILLER = ",،;؛:-–— \t()"


@dataclass(frozen=True)
class DateLine:
    """What a date line says; ``exact`` when writing it back gives the same words."""

    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    timezone: str
    exact: bool


@cache
def _month_names(language: str) -> dict[str, int]:
    """Folded month names mapped to month numbers, from every shipped preset and every variant of ``language``.

    Arabic writes October تشرين الأول, أكتوبر or أكتوبر/تشرين الأول depending on the country.
    """
    names: dict[str, int] = {}
    locales = {"en"}
    for preset in presets():
        locales.update(getattr(preset, "date_locales", ()) or (preset.date_locale,))
    locales.update(code for code in locale_identifiers() if code.split("_", 1)[0] == language)
    # Shorter identifiers first: a language's own names win over a region's where they differ.
    for code in sorted(locales, key=lambda code: (code.count("_"), code)):
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = fold(str(name))
                    if key and not key.isdigit():
                        names.setdefault(key, int(number))
    return names


def parse_date_line(text: str, preset: LanguagePreset) -> DateLine | None:
    """The date, times and time zone of a date line (with or without its label), or None without a date."""
    body = strip_label(text, "date")
    if body is None:
        body = text
    original = body
    # Digits are matched in ASCII; the mapping keeps every position, so the zone's own text is kept as written.
    body = ascii_digits(body)
    found = _find_date(body, preset.date_locale.split("_", 1)[0])
    if found is None:
        return None
    date, start, end = found
    rest = body[end:]
    written = " ".join(_with_label(text, preset).split())
    fallback: DateLine | None = None
    for pattern in (_TIME_24, _TIME):
        times = list(pattern.finditer(rest))[:2]
        start_time = _time(times[0]) if times else None
        end_time = _time(times[1]) if len(times) > 1 else None
        zone_text = original[end + times[-1].end() :] if times else ""
        # The zone as our writer wrote it (after one space, line breaks and all), else as a person typed it.
        as_written = zone_text[1:] if zone_text.startswith(" ") else zone_text
        for timezone in (as_written, zone_text.strip(), zone_text.strip(_FILLER)):
            title = TitleBlock(date=date, start_time=start_time, end_time=end_time, timezone=timezone)
            # ``written`` has its spaces collapsed; so must ours (CLDR puts no-break spaces in "2021 г.").
            if " ".join(preset.date_line_text(title).split()) == written:
                return DateLine(date, start_time, end_time, timezone, exact=True)
        leftover = (body[:start] + (rest[: times[0].start()] if times else rest)).strip(_FILLER)
        if len(times) > 1:
            between = rest[times[0].end() : times[1].start()]
            leftover += between.strip(_FILLER + "toإلىحتى").strip()
        exact = not leftover and fold(preset.date_line_text(title)) == fold(written)
        fallback = DateLine(date, start_time, end_time, title.timezone, exact)
    return fallback


def _with_label(text: str, preset: LanguagePreset) -> str:
    return text if strip_label(text, "date") is not None else f"{preset.label('date')}: {text}"


def _find_date(body: str, language: str) -> tuple[dt.date, int, int] | None:
    """The first date written in ``body`` (numeric or with a month name), with where it starts and ends."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern in (_ISO_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(body):
            value = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            if value is None and pattern is _NUMERIC_DATE:
                value = _date(int(match["y"]), int(match["d"]), int(match["m"]))  # month-first writing
            if value is not None:
                found.append((match.start(), match.end(), value))
                break
    named = _find_named_date(body, language)
    if named is not None:
        found.append(named)
    if not found:
        return None
    start, end, value = min(found, key=lambda item: item[0])
    return value, start, end


def _find_named_date(body: str, language: str) -> tuple[int, int, dt.date] | None:
    months = _month_names(language)
    for word in _WORD.finditer(body):
        # Two-word months ("تشرين الأول") are tried before their first word alone.
        candidates = [word.group(0)]
        if " " in word.group(0):
            candidates.append(word.group(0).split()[0])
        for candidate in candidates:
            month = months.get(fold(candidate))
            if month is None:
                continue
            start = word.start()
            stop = start + len(candidate)
            before = re.search(r"(?<!\d)(\d{1,2})\D{0,3}$", body[:start])
            if before is not None:
                # "14 October 2021" (CLDR's d MMMM y): any year, even one of fewer than four digits.
                after = re.match(r"\D{0,3}?(\d{1,4})(?!\d)", body[stop:])
                day_text = before.group(1)
            else:
                # "October 14, 2021".
                after = re.match(r"\D{0,3}?(\d{1,2})\D{1,3}?(\d{4})(?!\d)", body[stop:])
                day_text = after.group(1) if after else None
            if after is None or day_text is None:
                continue
            value = _date(int(after.groups()[-1]), month, int(day_text))
            if value is None:
                continue
            begin = before.start() if before else start
            return begin, stop + after.end(), value
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _time(match: re.Match[str]) -> dt.time:
    hour = int(match["h"])
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm in ("pm", "م") and hour < 12:
        hour += 12
    elif ampm in ("am", "ص") and hour == 12:
        hour = 0
    return dt.time(hour, int(match["m"]))
