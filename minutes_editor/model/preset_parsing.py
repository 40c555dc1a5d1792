"""A language preset's validation from parsed JSON: ``parse_preset`` checks it field by field.

A preset file (``templates/languages/XX.json``, docs/languages.md) is read by
``minutes_editor.storage.presets``, which hands the parsed object here;
every field is checked for its type and content before anything is built
(the date settings against CLDR through Babel), so a bad file raises a
``PresetError`` naming the file and the field. The type it builds,
``LanguagePreset``, and what it does with dates and digits are in
minutes_editor.model.language.
"""

from __future__ import annotations

import re
import string
from typing import Any

from minutes_editor.model.language import (
    DIGITS,
    LABEL_KEYS,
    ActionWords,
    Fonts,
    LanguagePreset,
    ListJoin,
    PresetError,
)
from minutes_editor.model.report import SectionKind

_TAG_PART = re.compile(r"^[A-Za-z0-9]{1,8}$")

# Validation: what each field must be, checked before anything is built, so a bad file says where it is bad.


class _Checker:
    """Reads fields out of a preset's JSON object, raising PresetError that names the file and the field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, problem: str) -> PresetError:
        return PresetError(f"{self.source}: {field}: {problem}")

    def obj(
        self, data: object, field: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(field, f"must be an object, not {_json_type(data)}")
        missing = [key for key in required if key not in data]
        if missing:
            raise self.fail(field, f"missing {', '.join(repr(key) for key in missing)}")
        unknown = sorted(set(data) - set(required) - set(optional))
        if unknown:
            allowed = ", ".join(repr(key) for key in (*required, *optional))
            raise self.fail(field, f"unknown {', '.join(repr(key) for key in unknown)} (allowed: {allowed})")
        return data

    def text(self, data: dict[str, Any], key: str, where: str, *, empty: bool = False) -> str:
        field = f"{where}.{key}" if where else key
        value = data[key]
        if not isinstance(value, str):
            raise self.fail(field, f"must be a string, not {_json_type(value)}")
        if not empty and not value.strip():
            raise self.fail(field, "must not be empty")
        return value

    def template(self, data: dict[str, Any], key: str, allowed: set[str], required: set[str]) -> str:
        value = self.text(data, key, "")
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            raise self.fail(key, f"bad placeholder: {error}") from error
        if names - allowed:
            raise self.fail(key, f"unknown placeholder {sorted(names - allowed)}; allowed: {sorted(allowed)}")
        if required - names:
            raise self.fail(key, f"must contain {', '.join('{' + name + '}' for name in sorted(required - names))}")
        return value

    def tag(self, data: dict[str, Any], key: str, where: str) -> str:
        value = self.text(data, key, where)
        parts = value.split("-")
        if not (2 <= len(parts[0]) <= 3 and parts[0].isalpha()) or not all(_TAG_PART.match(p) for p in parts):
            raise self.fail(f"{where}.{key}", f"{value!r} is not a language tag such as 'fa-IR'")
        return value


_TOP_REQUIRED = (
    "code",
    "name",
    "headings",
    "labels",
    "status_words",
    "list_join",
    "goals_join",
    "quotes",
    "digits",
    "dates",
    "date_line",
    "location_line",
    "word",
    "fonts",
    "action_table",
)
_TOP_OPTIONAL = ("english_name", "notes")


def parse_preset(data: object, *, source: str = "preset", expected_code: str | None = None) -> LanguagePreset:
    """Check a preset's JSON object field by field and build it; PresetError names the file and the field."""
    check = _Checker(source)
    top = check.obj(data, "(top level)", _TOP_REQUIRED, _TOP_OPTIONAL)
    code = check.text(top, "code", "")
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", code):
        raise check.fail("code", f"{code!r} is not a language code such as 'fa'")
    if expected_code is not None and code != expected_code:
        raise check.fail("code", f"{code!r} differs from the file name {expected_code!r}")
    name = check.text(top, "name", "")
    for key in _TOP_OPTIONAL:
        if key in top:
            check.text(top, key, "")

    kinds = tuple(kind.value for kind in SectionKind)
    headings_data = check.obj(top["headings"], "headings", kinds)
    headings = {SectionKind(key): check.text(headings_data, key, "headings") for key in kinds}
    labels_data = check.obj(top["labels"], "labels", LABEL_KEYS)
    labels = {key: check.text(labels_data, key, "labels") for key in LABEL_KEYS}
    status_data = check.obj(top["status_words"], "status_words", ("draft", "final"))
    status_words = (check.text(status_data, "draft", "status_words"), check.text(status_data, "final", "status_words"))

    join_data = check.obj(top["list_join"], "list_join", ("separator", "last_separator"), ("end",))
    list_join = ListJoin(
        check.text(join_data, "separator", "list_join"),
        check.text(join_data, "last_separator", "list_join"),
        check.text(join_data, "end", "list_join", empty=True) if "end" in join_data else "",
    )
    goals_join = check.text(top, "goals_join", "")
    quotes = top["quotes"]
    if not (isinstance(quotes, list) and len(quotes) == 2 and all(isinstance(q, str) and q for q in quotes)):
        raise check.fail("quotes", 'must be a list of the opening and the closing mark, such as ["«", "»"]')

    digits = check.text(top, "digits", "")
    if digits not in DIGITS:
        raise check.fail("digits", f"{digits!r} is not one of {', '.join(repr(key) for key in DIGITS)}")

    dates = check.obj(top["dates"], "dates", ("locale", "date_format", "time_skeleton"), ("time_range", "variants"))
    date_locale = check.text(dates, "locale", "dates")  # known to CLDR: see LanguagePreset.check_dates
    date_format = check.text(dates, "date_format", "dates")
    time_skeleton = check.text(dates, "time_skeleton", "dates")
    time_range = ""
    if "time_range" in dates:
        time_range = check.text(dates, "time_range", "dates")
        if "{start}" not in time_range or "{end}" not in time_range:
            raise check.fail("dates.time_range", "must contain {start} and {end}")
    variants_data = dates.get("variants", [])
    if not isinstance(variants_data, list) or not all(isinstance(item, str) for item in variants_data):
        raise check.fail("dates.variants", 'must be a list of language tags such as ["ar-SY", "ar-EG"]')

    date_line = check.template(top, "date_line", {"label", "date", "times", "timezone"}, {"date"})
    location_line = check.template(top, "location_line", {"label", "location"}, {"location"})

    word = check.obj(top["word"], "word", ("lang", "hyphenate"), ("latin_lang",))
    word_lang = check.tag(word, "lang", "word")
    latin_lang = check.tag(word, "latin_lang", "word") if "latin_lang" in word else "en-GB"
    if not isinstance(word["hyphenate"], bool):
        raise check.fail("word.hyphenate", f"must be true or false, not {_json_type(word['hyphenate'])}")

    fonts_data = check.obj(top["fonts"], "fonts", ("latin", "cs", "size_pt"), ("pdf",))
    size = fonts_data["size_pt"]
    if isinstance(size, bool) or not isinstance(size, int | float) or not 6 <= size <= 72:
        raise check.fail("fonts.size_pt", f"must be a number of points from 6 to 72, not {size!r}")
    pdf_cs, pdf_line_spacing = "", 1.0
    if "pdf" in fonts_data:
        pdf = check.obj(fonts_data["pdf"], "fonts.pdf", ("cs",), ("line_spacing",))
        pdf_cs = check.text(pdf, "cs", "fonts.pdf")
        spacing = pdf.get("line_spacing", 1.0)
        if isinstance(spacing, bool) or not isinstance(spacing, int | float) or not 0.5 <= spacing <= 2:
            raise check.fail("fonts.pdf.line_spacing", f"must be a number from 0.5 to 2, not {spacing!r}")
        pdf_line_spacing = float(spacing)
    fonts = Fonts(
        check.text(fonts_data, "latin", "fonts"),
        check.text(fonts_data, "cs", "fonts"),
        float(size),
        pdf_cs,
        pdf_line_spacing,
    )

    action_keys = ("action", "owners", "deadline", "status", "open", "done")
    action_data = check.obj(top["action_table"], "action_table", action_keys, ("owner_separator", "date_format"))
    actions = ActionWords(
        *(check.text(action_data, key, "action_table") for key in action_keys),
        *(
            check.text(action_data, key, "action_table")
            for key in ("owner_separator", "date_format")
            if key in action_data
        ),
    )
    if actions.date_format not in ("full", "long", "medium", "short"):
        raise check.fail("action_table.date_format", "must be one of 'full', 'long', 'medium', 'short'")

    return LanguagePreset(
        code=code,
        name=name,
        headings=headings,
        labels=labels,
        status_words=status_words,
        list_join=list_join,
        goals_join=goals_join,
        quotes=(quotes[0], quotes[1]),
        digits=digits,
        date_locale=date_locale,
        date_format=date_format,
        time_skeleton=time_skeleton,
        time_range=time_range,
        date_variants=tuple(variants_data),
        date_line=date_line,
        location_line=location_line,
        word_lang=word_lang,
        latin_lang=latin_lang,
        hyphenate=word["hyphenate"],
        fonts=fonts,
        actions=actions,
        tag=code,
        source=source,
    )


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
