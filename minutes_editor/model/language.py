"""Per-language presets: default headings, labels, list joining, dates and fonts.

The words a report prints come from data files (``templates/languages/XX.json``),
not from the interface's translations, so a report in Arabic can be written
from an English interface or from the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from minutes_editor.model.report import SectionKind, TitleBlock
from minutes_editor.paths import languages_dir

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class ListJoin:
    """How a language joins a list of names into one sentence."""

    separator: str
    last_separator: str
    end: str

    def join(self, items: list[str]) -> str:
        """Join ``items`` into a sentence: "A, B and C." or "A وB وC."."""
        names = [item.strip() for item in items if item.strip()]
        if not names:
            return ""
        text = names[-1]
        if len(names) > 1:
            text = self.separator.join(names[:-1]) + self.last_separator + text
        if self.end and not text.endswith(self.end):
            text += self.end
        return text


@dataclass(frozen=True)
class Fonts:
    """Default fonts of a language: Latin and complex-script slots, body size in points."""

    latin: str
    cs: str
    size_pt: float


@dataclass(frozen=True)
class LanguagePreset:
    """The words and conventions of one report language."""

    code: str
    name: str
    headings: dict[SectionKind, str]
    labels: dict[str, str]
    status_words: tuple[str, ...]
    list_join: ListJoin
    goals_join: str
    quotes: tuple[str, str]
    date_locale: str
    date_pattern: str
    time_pattern: str
    time_range: str
    date_line: str
    location_line: str
    word_lang: str
    fonts: Fonts

    def heading(self, kind: SectionKind) -> str:
        """Default heading of a section kind."""
        return self.headings.get(kind) or self.headings.get(SectionKind.GENERIC, kind.value)

    def label(self, key: str) -> str:
        """A title-block label such as "date" or "location"."""
        return self.labels.get(key, key)

    def quote(self, text: str) -> str:
        """Put ``text`` in the language's quotation marks."""
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def goals_line(self, goals: list[str]) -> str:
        """The line under a session heading naming its goals, each quoted."""
        quoted = [self.quote(goal.strip()) for goal in goals if goal.strip()]
        return self.goals_join.join(quoted)

    def format_date(self, value: dt.date) -> str:
        """A date written the way the language writes it (CLDR, through Babel)."""
        from babel.dates import format_date

        return str(format_date(value, self.date_pattern, locale=self.date_locale))

    def format_time(self, value: dt.time) -> str:
        """A time of day written the way the language writes it."""
        from babel.dates import format_time

        return str(format_time(value, self.time_pattern, locale=self.date_locale))

    def date_line_text(self, title: TitleBlock) -> str:
        """The title block's date line, or "" when the report has no date."""
        if title.date is None:
            return ""
        start = self.format_time(title.start_time) if title.start_time else ""
        end = self.format_time(title.end_time) if title.end_time else ""
        times = self.time_range.format(start=start, end=end) if start and end else start or end
        text = self.date_line.format(
            label=self.label("date"),
            date=self.format_date(title.date),
            times=times,
            timezone=title.timezone if times else "",
        )
        # An absent time leaves its separator behind: "14 October 2021, " -> "14 October 2021".
        return " ".join(text.split()).rstrip(",، ")

    def location_line_text(self, title: TitleBlock) -> str:
        """The title block's location line, or "" when no location is given."""
        if not title.location.strip():
            return ""
        return self.location_line.format(label=self.label("location"), location=title.location)


def available_languages() -> list[str]:
    """Codes of the languages that have a preset file."""
    return sorted(path.stem for path in languages_dir().glob("*.json"))


@cache
def load_preset(language: str) -> LanguagePreset:
    """Return the preset for a BCP 47 tag: exact file, else its primary subtag, else English."""
    tag = language.strip()
    candidates = [tag, tag.split("-", 1)[0].lower(), FALLBACK_LANGUAGE]
    for code in candidates:
        path = languages_dir() / f"{code}.json"
        if path.is_file():
            return _parse_preset(json.loads(path.read_text(encoding="utf-8")))
    raise FileNotFoundError(f"no language presets found in {languages_dir()}")


def _parse_preset(data: dict[str, Any]) -> LanguagePreset:
    join = data["list_join"]
    fonts = data["fonts"]
    return LanguagePreset(
        code=data["code"],
        name=data["name"],
        headings={SectionKind(key): value for key, value in data["headings"].items()},
        labels=dict(data["labels"]),
        status_words=tuple(data.get("status_words", ())),
        list_join=ListJoin(join["separator"], join["last_separator"], join.get("end", "")),
        goals_join=data["goals_join"],
        quotes=(data["quotes"][0], data["quotes"][1]),
        date_locale=data["date_locale"],
        date_pattern=data["date_pattern"],
        time_pattern=data["time_pattern"],
        time_range=data["time_range"],
        date_line=data["date_line"],
        location_line=data["location_line"],
        word_lang=data["word_lang"],
        fonts=Fonts(fonts["latin"], fonts["cs"], float(fonts["size_pt"])),
    )
