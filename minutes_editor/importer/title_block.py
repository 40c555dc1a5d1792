"""Reading the title block back: the lines above the first heading into its fields, its date line into a date.

The date line is written by ``LanguagePreset.date_line_text`` ("التاريخ: 14 تشرين
الأول 2021، 10:00-13:00 CET"), or typed by hand in much the same shape
("Date: 14 October 2021, 10:00 am – 1:00 pm CET"). Month names come from
CLDR (Babel) for every shipped language, in their format and stand-alone,
wide and abbreviated forms, compared after folding diacritics.

``TitleLines``, mixed into the report builder (minutes_editor.importer.mapping),
puts each line above the first heading in its field (by our template's styles,
or by its label, or by guesswork on a plain line), with the field changes a
reviewer's tracked change of the line makes.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers

import minutes_editor.importer.notes as n
from minutes_editor.importer.notes import ImportNote, Phrase
from minutes_editor.importer.pending_changes import _whole
from minutes_editor.importer.pieces import Event, Item, Piece, RawParagraph
from minutes_editor.importer.recognise import ascii_digits, ends_like_sentence, fold, is_status, presets, strip_label
from minutes_editor.importer.roles import (
    DATE_LINE,
    HEADING_WORDS,
    LOCATION_LINE,
    STATUS,
    SUBTITLE,
    TITLE,
    TITLE_STYLES,
    TITLE_WORDS,
    _plain_line,
    _refs,
)
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Change, FieldChange, FootnoteRef, Report, TitleBlock

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


#: The title block's fields a line of it can set, as the operations name them (model/operations.py).
TITLE_FIELDS = ("meeting", "subtitle", "date", "start_time", "end_time", "timezone", "location", "status")


class TitleLines:
    """The builder's reading of the lines above the first heading into the title block (mixed into ``Builder``)."""

    if TYPE_CHECKING:
        report: Report
        preset: LanguagePreset
        notes: list[ImportNote]
        _pending_refs: list[FootnoteRef]
        _counts: Counter[str]

        def _event(self, event: Event, where: Phrase | None = None) -> None: ...
        def _block(self, paragraph: RawParagraph) -> None: ...
        def _strict(self, paragraph: RawParagraph) -> bool: ...
        def refs_of(self, pieces: list[Piece]) -> list[FootnoteRef]:
            """Footnote references among pieces."""

        def _field_comments(self, paragraph: RawParagraph, field_name: str, owner: str) -> None: ...
        def _not_kept(self, change: Change, reason: str, text: str) -> None: ...

    def _title_block(self, items: list[Item]) -> None:
        styled = any(isinstance(item, RawParagraph) and item.has_style(*TITLE_STYLES) for item in items)
        paragraphs = [item for item in items if isinstance(item, RawParagraph)]
        labelled_later = [
            i
            for i, paragraph in enumerate(paragraphs)
            if strip_label(paragraph.text, "date") is not None
            or strip_label(paragraph.text, "location") is not None
            or is_status(paragraph.text)
        ]
        in_body = False
        position = -1
        for item in items:
            if isinstance(item, Event):
                self._event(item)
                continue
            position += 1
            text = item.text
            if not item.all_text.strip() and not _refs(item.pieces):
                continue
            if in_body:
                self._block(item)
                continue
            if self._title_line(item, text, styled, position, labelled_later):
                self._pending_refs.extend(self.refs_of(item.pieces))
            else:
                in_body = True

    def _title_line(self, item: RawParagraph, text: str, styled: bool, position: int, labelled: list[int]) -> bool:
        """Put one line of the title block in its field; False (after keeping it as a block) when it is body text."""
        title = self.report.title
        # Lines in our styles keep their text exactly; lines found by guesswork lose stray spaces.
        if not self._strict(item):
            text = text.strip()
        which = self._title_field(item, text, styled, position, labelled)
        if which is None:
            self._block(item)
            return False
        before = copy.copy(title)
        if not self._set_title(title, which, text, notes=True):
            return self._unplaced_title_line(item, text)
        name = "meeting" if which == "meeting+" else which
        self._field_comments(item, f"TitleBlock.{name}", "")
        self._title_changes(item, which, before)
        return True

    def _title_field(
        self, item: RawParagraph, text: str, styled: bool, position: int, labelled: list[int]
    ) -> str | None:
        """Which field of the title block a line sets ("meeting+" adds to the meeting's name), None for body text."""
        title = self.report.title
        if item.has_style(TITLE):
            return "meeting+"
        if item.has_style(SUBTITLE) and not title.subtitle:
            return "subtitle"
        if item.has_style(DATE_LINE) or (strip_label(text, "date") is not None and title.date is None):
            return "date"
        if item.has_style(LOCATION_LINE) or (strip_label(text, "location") is not None and not title.location):
            return "location"
        if item.has_style(STATUS) or (is_status(text) and not title.status):
            return "status"
        if not styled and not title.meeting and _plain_line(item, TITLE_WORDS) and not ends_like_sentence(text):
            return "meeting"
        if (
            not styled
            and not title.subtitle
            and _plain_line(item, HEADING_WORDS * 2)
            and any(later > position for later in labelled)
        ):
            return "subtitle"
        return None

    def _set_title(self, title: TitleBlock, which: str, text: str, *, notes: bool) -> bool:
        """Set the field ``which`` of ``title`` from a line's text; False when a date line holds no date."""
        if which == "meeting+":
            title.meeting = f"{title.meeting} {text}" if title.meeting and text else title.meeting or text
        elif which == "date":
            return self._date_line(title, text, notes=notes)
        elif which == "location":
            written = self._location_as_written(text)
            if written is not None:
                title.location = written
            else:
                rest = strip_label(text, "location")
                title.location = rest.strip() if rest is not None else text.strip()
        else:
            setattr(title, which, text)
        return True

    def _title_changes(self, item: RawParagraph, which: str, before: TitleBlock) -> None:
        """The pending changes of a title-block line: each field it sets, as it was with every change rejected."""
        change = item.first_change()
        if change is None:
            return
        whole = _whole(item)
        if (item.mark_inserted or item.mark_deleted) and whole is None:
            self._counts["paragraph marks"] += 1
        if not item.revised:
            return
        old = copy.copy(before)
        old_text = item.rejected_text if self._strict(item) else item.rejected_text.strip()
        # A line inserted whole leaves the fields as they were before it.
        if whole != "inserted" and not self._set_title(old, which, old_text, notes=False):
            self._not_kept(change, n.REASON_OLD_DATE, item.text)
            return
        title = self.report.title
        for name in TITLE_FIELDS:
            value = getattr(title, name)
            if getattr(old, name) != value:
                self.report.field_changes.append(FieldChange(f"TitleBlock.{name}", "", getattr(old, name), change))

    def _location_as_written(self, text: str) -> str | None:
        """The location in a line written by the language's template ("Lieu\u00a0: {location}"), exactly."""
        label = self.preset.label("location")
        head, _, tail = self.preset.location_line.partition("{location}")
        head, tail = head.format(label=label), tail.format(label=label)
        if text.startswith(head) and text.endswith(tail) and len(text) >= len(head) + len(tail):
            return text[len(head) : len(text) - len(tail)]
        return None

    def _date_line(self, title: TitleBlock, text: str, *, notes: bool) -> bool:
        if not text.strip():
            # A date line deleted whole: no date.
            title.date = title.start_time = title.end_time = None
            title.timezone = ""
            return True
        parsed = parse_date_line(text, self.preset)
        if parsed is None:
            return False
        title.date = parsed.date
        title.start_time = parsed.start_time
        title.end_time = parsed.end_time
        title.timezone = parsed.timezone
        if notes and not parsed.exact:
            written = self.preset.date_line_text(title)
            self.notes.append(ImportNote.of(n.DATE_READ_AS, text=text, written=written))
        return True

    def _unplaced_title_line(self, paragraph: RawParagraph, text: str) -> bool:
        title = self.report.title
        if not title.subtitle:
            title.subtitle = text
            self.notes.append(ImportNote.of(n.DATE_KEPT_AS_SUBTITLE, text=text))
            return True
        self.notes.append(ImportNote.of(n.DATE_KEPT_AS_PARAGRAPH, text=text))
        self._block(paragraph)
        return False
