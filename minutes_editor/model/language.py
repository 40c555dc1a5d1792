"""Per-language presets: default headings, labels, list joining, dates, digits, quotation marks and fonts.

The words a report prints come from data files (``templates/languages/XX.json``),
not from the interface's translations, so a report in Arabic can be written
from an English interface or from the command line. Adding a language is
adding a file; ``parse_preset`` (minutes_editor.model.preset_parsing) checks
it field by field and names the file and the field in its error
(docs/languages.md describes every field).
This module reads no file: finding and reading the preset files is
``minutes_editor.storage.presets``'s (``load_preset``), so the model's callers
pass the preset in.

A report's language tag can refine its preset in the standard BCP 47 way
without any change to the .minutes format: a region the preset lists among
its date variants picks CLDR's dates for that country ("ar-EG" writes
أكتوبر, "ar-SY" writes تشرين الأول) and the
Unicode extension ``-u-nu-`` picks the digits ("ar-u-nu-arab" writes
١٤ for 14).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, NamedTuple

from minutes_editor.model.report import Direction, SectionKind, TitleBlock, direction_of

FALLBACK_LANGUAGE = "en"

#: Digits of each CLDR numbering system a preset may name, indexed by value.
DIGITS: dict[str, str] = {
    "latn": "0123456789",
    "arab": "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic, U+0660-U+0669
    "arabext": "۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic (Persian, Urdu), U+06F0-U+06F9
}

#: Title-block labels every preset defines.
LABEL_KEYS = ("date", "location", "session", "footnotes")

_ASCII_DIGITS = frozenset("0123456789")
_ANY_DIGIT = str.maketrans({digit: str(index) for table in DIGITS.values() for index, digit in enumerate(table)})
_SPACES = re.compile(" {2,}")
#: Longest language tag accepted anywhere. RFC 5646 (4.4.1) asks for room for 35 characters (language,
#: extended language, script, region and a variant); twice that leaves room for extensions such as
#: "-u-nu-arab", and keeps a tag far from any file system's name limit.
MAX_TAG_LENGTH = 70
# RFC 5646's "langtag" production (section 2.1), case-insensitive: language (with up to three extended
# language subtags), script, region, variants, extensions, private use. The language subtag has two or
# three letters: the four-letter one is reserved and none of five to eight has ever been registered, while
# "arabic" or "english" are what a person means by a language but not a tag. A regular expression rather
# than Babel: Babel parses locale identifiers ("ar_EG"), not BCP 47 tags, and accepts what RFC 5646 does not.
_WELL_FORMED_TAG = re.compile(
    r"[a-z]{2,3}(?:-[a-z]{3}){0,3}"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",
    re.IGNORECASE | re.ASCII,
)
_SAMPLE_DATE = dt.date(2021, 10, 14)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag ("ar", "ar-EG-u-nu-arab"), of ``MAX_TAG_LENGTH`` at most.

    Syntax only (RFC 5646 "langtag"): whether the subtags are registered is not asked. Every tag a
    report, an import or a preset lookup uses passes here first.
    """
    return len(tag) <= MAX_TAG_LENGTH and _WELL_FORMED_TAG.fullmatch(tag) is not None


class PresetError(ValueError):
    """A language preset file is unusable; the message names the file and the field."""


class LanguageTag(NamedTuple):
    """The parts of a BCP 47 tag a preset uses: language, region and the ``-u-nu-`` numbering system."""

    language: str
    region: str = ""
    numbers: str = ""

    @classmethod
    def parse(cls, tag: str) -> LanguageTag:
        """Read "ar", "ar-EG", "fa_IR" or "ar-SY-u-nu-arab"; parts it does not use are ignored."""
        parts = [part for part in re.split("[-_]", tag.strip()) if part]
        if not parts:
            return cls("")
        language, region, numbers = parts[0].lower(), "", ""
        index = 1
        if index < len(parts) and len(parts[index]) == 4 and parts[index].isalpha():
            index += 1  # a script such as "Arab": the preset's own script is used
        if index < len(parts) and (
            (len(parts[index]) == 2 and parts[index].isalpha()) or (len(parts[index]) == 3 and parts[index].isdigit())
        ):
            region = parts[index].upper()
            index += 1
        rest = [part.lower() for part in parts[index:]]
        if "u" in rest:
            extension = rest[rest.index("u") + 1 :]
            for key_index, key in enumerate(extension):
                if len(key) == 1:
                    break  # the next singleton starts another extension
                if key == "nu" and key_index + 1 < len(extension):
                    numbers = extension[key_index + 1]
        return cls(language, region, numbers)

    @property
    def base(self) -> str:
        """Language and region only: "ar-EG"."""
        return f"{self.language}-{self.region}" if self.region else self.language


class ListJoin(NamedTuple):
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


class ActionWords(NamedTuple):
    """The action table's column headers and status words, and how its owners and deadlines are written."""

    action: str
    owners: str
    deadline: str
    status: str
    open: str
    done: str
    #: Between two owners in one cell; the importer also splits on any comma or semicolon.
    owner_separator: str = ", "
    #: The CLDR format name of a deadline (``format_date``'s).
    date_format: str = "medium"

    @property
    def headers(self) -> tuple[str, str, str, str]:
        """The header row: action, owner(s), deadline, status."""
        return (self.action, self.owners, self.deadline, self.status)


class Fonts(NamedTuple):
    """Default fonts of a language: Latin and complex-script slots, body size in points; what the PDF changes.

    ``pdf_cs`` (empty: none) is the complex-script font the PDF export puts in
    place of the report's, chosen because LibreOffice's PDF of it gives its
    words back to search and copy; ``pdf_line_spacing`` scales the report's
    proportional line spacing in the PDF, so that font's taller lines keep the
    report's page count.
    """

    latin: str
    cs: str
    size_pt: float
    pdf_cs: str = ""
    pdf_line_spacing: float = 1.0


class LanguagePreset(NamedTuple):
    """The words and conventions of one report language.

    ``tag`` is the report's language tag this preset was loaded for (``code``
    is the preset file's); ``date_locale`` is the Babel locale of dates and
    times, ``digits`` the CLDR numbering system of generated numbers,
    ``word_lang`` the language Word marks the report's text with and
    ``latin_lang`` that of Latin-script words in a right-to-left report.
    """

    code: str
    name: str
    headings: dict[SectionKind, str]
    labels: dict[str, str]
    status_words: tuple[str, ...]
    list_join: ListJoin
    goals_join: str
    quotes: tuple[str, str]
    digits: str
    date_locale: str
    date_format: str
    time_skeleton: str
    time_range: str
    date_variants: tuple[str, ...]
    date_line: str
    location_line: str
    word_lang: str
    latin_lang: str
    hyphenate: bool
    fonts: Fonts
    actions: ActionWords
    tag: str = ""
    #: Where the preset was read from, for error messages.
    source: str = ""

    @property
    def direction(self) -> Direction:
        """The direction the language is written in."""
        return direction_of(self.code)

    @property
    def draft_status(self) -> str:
        """The status word of a draft ("Draft report")."""
        return self.status_words[0]

    @property
    def final_status(self) -> str:
        """The status word of the final version ("Final report")."""
        return self.status_words[-1]

    def is_final(self, status: str) -> bool:
        """Whether a title block's status names the final version."""
        return " ".join(status.split()).casefold() == " ".join(self.final_status.split()).casefold()

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

    def to_digits(self, text: str) -> str:
        """``text`` with its ASCII digits written in the language's digits (other characters kept)."""
        return to_digits(text, self.digits)

    def check_dates(self) -> None:
        """Raise PresetError, naming the file, when CLDR cannot write dates and times with these settings.

        Checked on the first date or time written (and by ``check_presets``), not when the preset
        is read: loading Babel and a language's CLDR data takes tens of milliseconds, which opening
        a report in the window should not wait for.
        """
        problem = _date_settings_problem(self.date_locale, self.date_format, self.time_skeleton, self.date_variants)
        if problem:
            raise PresetError(f"{self.source or self.code}: {problem}")

    def format_date(self, value: dt.date, date_format: str = "") -> str:
        """A date written the way the language writes it (CLDR, through Babel), in its digits.

        ``date_format`` is a CLDR format name ("medium"); the preset's ``dates.date_format`` by default.
        """
        from babel.dates import format_date

        self.check_dates()
        return self.to_digits(str(format_date(value, date_format or self.date_format, locale=self.date_locale)))

    def format_time(self, value: dt.time) -> str:
        """A time of day written the way the language writes it, in its digits."""
        return self.to_digits(self._time(value))

    def format_time_range(self, start: dt.time | None, end: dt.time | None) -> str:
        """Start and end times as one range ("10:00–13:00"), or the one that is given, or ""."""
        self.check_dates()
        if start is None or end is None:
            single = start or end
            return self.format_time(single) if single is not None else ""
        if self.time_range:
            text = self.time_range.format(start=self._time(start), end=self._time(end))
        else:
            from babel.dates import format_interval

            moment = dt.date(2000, 1, 1)
            text = str(
                format_interval(
                    dt.datetime.combine(moment, start),
                    dt.datetime.combine(moment, end),
                    self.time_skeleton,
                    locale=self.date_locale,
                )
            )
        return self.to_digits(text)

    def date_line_text(self, title: TitleBlock) -> str:
        """The title block's date line, or "" when the report has no date."""
        if title.date is None:
            return ""
        times = self.format_time_range(title.start_time, title.end_time)
        text = self.date_line.format(
            label=self.label("date"),
            date=self.format_date(title.date),
            times=times,
            timezone=title.timezone if times else "",
        )
        # An absent time leaves its separator behind: "14 October 2021, " -> "14 October 2021". Only plain
        # spaces are tidied: CLDR's no-break and thin spaces ("2021 г.", "Date :") must stay unbreakable.
        return _SPACES.sub(" ", text).strip(" ").rstrip(",، ")

    def location_line_text(self, title: TitleBlock) -> str:
        """The title block's location line, or "" when no location is given."""
        if not title.location.strip():
            return ""
        return self.location_line.format(label=self.label("location"), location=title.location)

    @property
    def date_locales(self) -> tuple[str, ...]:
        """Every Babel locale this preset may write dates in: its own and its variants'."""
        variants = tuple(tag.replace("-", "_") for tag in self.date_variants)
        return (self.date_locale, *(locale for locale in variants if locale != self.date_locale))

    def date_choices(self) -> list[tuple[str, str]]:
        """Report language tags offering other month names, each with its name of October ("ar-EG", "أكتوبر")."""
        from babel import Locale

        return [
            (tag, str(Locale.parse(tag.replace("-", "_")).months["format"]["wide"][10])) for tag in self.date_variants
        ]

    def for_tag(self, tag: str) -> LanguagePreset:
        """The preset refined for a report's tag: its region's dates and Word language, its ``-u-nu-`` digits."""
        parsed = LanguageTag.parse(tag)
        changes: dict[str, Any] = {"tag": tag.strip() or self.code}
        if parsed.language == self.code:
            # Only the regions the preset offers: Word's default "en-US" must not turn a report's dates American.
            if parsed.region and parsed.base.lower() in {variant.lower() for variant in self.date_variants}:
                changes["date_locale"] = f"{parsed.language}_{parsed.region}"
                changes["word_lang"] = parsed.base
            if parsed.numbers in DIGITS:
                changes["digits"] = parsed.numbers
        return self._replace(**changes)

    def _time(self, value: dt.time) -> str:
        from babel.dates import format_skeleton

        self.check_dates()
        return str(
            format_skeleton(
                self.time_skeleton, dt.datetime.combine(dt.date(2000, 1, 1), value), locale=self.date_locale
            )
        )


def to_digits(text: str, system: str) -> str:
    """``text`` with ASCII digits replaced by those of CLDR numbering system ``system`` ("latn", "arab", "arabext")."""
    if system == "latn" or not _ASCII_DIGITS.intersection(text):
        return text
    return text.translate(str.maketrans("0123456789", DIGITS[system]))


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Extended Arabic-Indic digits replaced by ASCII ones."""
    return text.translate(_ANY_DIGIT)


@cache
def _date_settings_problem(locale: str, date_format: str, skeleton: str, variants: tuple[str, ...]) -> str:
    """What CLDR cannot do with a preset's date settings, as "field: problem" ("" when it can do all)."""
    fields = [("dates.locale", locale)]
    fields += [(f"dates.variants[{index}]", variant.replace("-", "_")) for index, variant in enumerate(variants)]
    for name, value in fields:
        if not _babel_knows(value):
            return f"{name}: {value!r} is not a locale Babel knows (such as 'ar_SY' or 'fa_IR')"
    from babel.dates import format_date, format_skeleton

    try:
        format_date(_SAMPLE_DATE, date_format, locale=locale)
        format_skeleton(skeleton, dt.datetime(2021, 10, 14, 10, 0), locale=locale)
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        return f"dates: CLDR cannot format with these settings: {error or type(error).__name__}"
    return ""


@cache
def _babel_knows(locale: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True
