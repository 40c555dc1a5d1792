"""Language presets: every shipped file valid, a bad file named with its field, and each language's conventions."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton

from minutes_editor.model.language import DIGITS, LanguageTag, PresetError, to_digits
from minutes_editor.model.preset_parsing import parse_preset
from minutes_editor.model.report import Direction, SectionKind, TitleBlock
from minutes_editor.paths import languages_dir
from minutes_editor.storage.presets import available_languages, check_presets, load_preset

SHIPPED = ("ar", "en", "fa", "ur", "fr", "ru", "tr")

#: What the issue asks of each language; the words themselves are the presets' (and checked below for shape).
EXPECTED = {
    # code: (direction, digits, CLDR locale of dates, Word language)
    "ar": (Direction.RTL, "latn", "ar_SY", "ar-SA"),
    "en": (Direction.LTR, "latn", "en_GB", "en-GB"),
    "fa": (Direction.RTL, "arabext", "fa_IR", "fa-IR"),
    "ur": (Direction.RTL, "arabext", "ur_PK", "ur-PK"),
    "fr": (Direction.LTR, "latn", "fr_FR", "fr-FR"),
    "ru": (Direction.LTR, "latn", "ru_RU", "ru-RU"),
    "tr": (Direction.LTR, "latn", "tr_TR", "tr-TR"),
}

MEETING = TitleBlock(
    date=dt.date(2021, 10, 14), start_time=dt.time(10, 0), end_time=dt.time(13, 0), timezone="CET", location="Zoom"
)
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
ASCII_DIGIT = re.compile("[0-9]")


def raw(code: str) -> dict[str, Any]:
    return json.loads((languages_dir() / f"{code}.json").read_text(encoding="utf-8"))


# Every shipped file


def test_the_seven_languages_ship_and_all_are_valid() -> None:
    assert set(SHIPPED) <= set(available_languages())
    assert check_presets() == {}


@pytest.mark.parametrize("code", SHIPPED)
def test_preset_matches_what_the_language_needs(code: str) -> None:
    direction, digits, locale, word_lang = EXPECTED[code]
    preset = load_preset(code)
    assert preset.code == code
    assert preset.direction is direction
    assert preset.digits == digits
    assert preset.date_locale == locale
    assert preset.word_lang == word_lang
    # Right-to-left scripts are not hyphenated; the others are.
    assert preset.hyphenate is (direction is Direction.LTR)
    assert preset.fonts.latin
    assert preset.fonts.cs
    assert 10 <= preset.fonts.size_pt <= 13


@pytest.mark.parametrize("code", SHIPPED)
def test_headings_labels_and_status_words_are_complete_and_in_the_right_script(code: str) -> None:
    preset = load_preset(code)
    headings = [preset.heading(kind) for kind in SectionKind]
    assert all(heading.strip() for heading in headings)
    assert len(set(headings)) == len(headings), "two kinds share a heading"
    words = [*headings, *preset.labels.values(), *preset.status_words]
    rtl = preset.direction is Direction.RTL
    for word in words:
        assert bool(ARABIC_SCRIPT.search(word)) is rtl, word
    assert preset.draft_status != preset.final_status
    assert preset.is_final(f"  {preset.final_status.upper()} ")
    assert not preset.is_final(preset.draft_status)


@pytest.mark.parametrize(
    ("code", "names", "joined"),
    [
        ("ar", ["النمسا", "المجر", "باكستان"], "النمسا والمجر وباكستان."),
        ("en", ["Austria", "Hungary", "Pakistan"], "Austria, Hungary and Pakistan."),
        ("fa", ["اتریش", "مجارستان", "پاکستان"], "اتریش، مجارستان و پاکستان."),
        ("ur", ["آسٹریا", "ہنگری", "پاکستان"], "آسٹریا، ہنگری اور پاکستان۔"),
        ("fr", ["Autriche", "Hongrie", "Pakistan"], "Autriche, Hongrie et Pakistan."),
        ("ru", ["Австрия", "Венгрия", "Пакистан"], "Австрия, Венгрия и Пакистан."),
        ("tr", ["Avusturya", "Macaristan", "Pakistan"], "Avusturya, Macaristan ve Pakistan."),
    ],
)
def test_list_joining_rule(code: str, names: list[str], joined: str) -> None:
    join = load_preset(code).list_join
    assert join.join(names) == joined
    assert join.join(names[:1]) == names[0] + joined[-1]
    assert join.join(["", "  "]) == ""


@pytest.mark.parametrize(
    ("code", "opening", "closing"),
    [
        ("ar", '"', '"'),
        ("en", "“", "”"),
        ("fa", "«", "»"),
        ("ur", "“", "”"),
        ("fr", "«", "»"),
        ("ru", "«", "»"),
        ("tr", "“", "”"),
    ],
)
def test_quotation_marks(code: str, opening: str, closing: str) -> None:
    line = load_preset(code).goals_line(["one", "two"])
    assert line.startswith(opening)
    assert line.endswith(closing)
    marks = [line.count(opening), line.count(closing)] if opening != closing else [line.count(opening) // 2] * 2
    assert marks == [2, 2]
    if code == "fr":
        # French typography: a no-break space inside the guillemets.
        assert "«\u00a0one\u00a0»" in line


# Dates: CLDR through Babel, in the language's digits


@pytest.mark.parametrize("code", SHIPPED)
def test_date_line_matches_cldr_for_the_locale(code: str) -> None:
    _, digits, locale, _ = EXPECTED[code]
    preset = load_preset(code)
    line = preset.date_line_text(MEETING)
    date = to_digits(format_date(MEETING.date, format="long", locale=locale), digits)
    assert date in line
    assert line.startswith(preset.label("date"))
    start = to_digits(format_skeleton("Hm", dt.datetime(2021, 10, 14, 10), locale=locale), digits)
    end = to_digits(format_skeleton("Hm", dt.datetime(2021, 10, 14, 13), locale=locale), digits)
    assert line.index(date) < line.index(start) < line.index(end) < line.index("CET")
    if code != "ar":  # Arabic keeps the reference report's hyphen between the times
        interval = format_interval(dt.datetime(2021, 10, 14, 10), dt.datetime(2021, 10, 14, 13), "Hm", locale=locale)
        assert to_digits(interval, digits) in line
    else:
        assert f"{start}-{end}" in line
    shown = set(ASCII_DIGIT.findall(line)) | {c for c in line if c in DIGITS["arab"] + DIGITS["arabext"]}
    assert shown <= set(DIGITS[digits]), f"{code}: mixed digits in {line!r}"


def test_arabic_months_follow_the_reference_unless_the_report_asks_otherwise() -> None:
    october_levant = Locale.parse("ar_SY").months["format"]["wide"][10]
    october_egypt = Locale.parse("ar_EG").months["format"]["wide"][10]
    assert october_levant == "تشرين الأول"
    assert october_egypt == "أكتوبر"
    assert october_levant in load_preset("ar").date_line_text(MEETING)
    egyptian = load_preset("ar-EG")
    assert october_egypt in egyptian.date_line_text(MEETING)
    assert egyptian.word_lang == "ar-EG"
    assert egyptian.code == "ar"
    assert dict(load_preset("ar").date_choices()) == {"ar-SY": october_levant, "ar-EG": october_egypt}
    # A region the preset does not offer keeps its default: Word's "en-US" must not make dates American.
    assert load_preset("en-US").date_line_text(MEETING) == load_preset("en").date_line_text(MEETING)


def test_digits_can_be_chosen_per_report_by_the_unicode_extension() -> None:
    arabic_indic = load_preset("ar-u-nu-arab").date_line_text(MEETING)
    assert "١٤" in arabic_indic
    assert "٢٠٢١" in arabic_indic
    assert not ASCII_DIGIT.search(arabic_indic)
    assert "۱۴" in load_preset("fa").date_line_text(MEETING)
    latin_persian = load_preset("fa-u-nu-latn").date_line_text(MEETING)
    assert "14" in latin_persian
    assert "اکتبر" in latin_persian
    # The time a rapporteur inserts is generated text too.
    assert load_preset("ur").format_time(dt.time(9, 5)) == to_digits(
        format_skeleton("Hm", dt.datetime(2000, 1, 1, 9, 5), locale="ur_PK"), "arabext"
    )


def test_a_missing_time_leaves_no_separator_behind() -> None:
    for code in SHIPPED:
        preset = load_preset(code)
        line = preset.date_line_text(TitleBlock(date=dt.date(2021, 10, 14)))
        assert line.endswith(preset.format_date(dt.date(2021, 10, 14))), (code, line)
        assert preset.date_line_text(TitleBlock()) == ""


@pytest.mark.parametrize(
    ("tag", "parts"),
    [
        ("ar", ("ar", "", "")),
        ("ar-EG", ("ar", "EG", "")),
        ("fa_IR", ("fa", "IR", "")),
        ("ar-Arab-SY-u-nu-arab", ("ar", "SY", "arab")),
        ("ar-u-ca-gregory-nu-arabext", ("ar", "", "arabext")),
        ("ur-PK-x-private", ("ur", "PK", "")),
        ("en-419", ("en", "419", "")),
        ("", ("", "", "")),
    ],
)
def test_language_tags_are_read_in_the_bcp47_way(tag: str, parts: tuple[str, str, str]) -> None:
    parsed = LanguageTag.parse(tag)
    assert (parsed.language, parsed.region, parsed.numbers) == parts


def test_unknown_language_falls_back_to_english() -> None:
    assert load_preset("de").code == "en"
    assert load_preset("zh-Hans-CN").code == "en"


# A bad preset file is named, with its field


def bad(code: str, change: Any) -> str:
    data = copy.deepcopy(raw(code))
    change(data)
    with pytest.raises(PresetError) as caught:
        parse_preset(data, source=f"templates/languages/{code}.json", expected_code=code)
    message = str(caught.value)
    assert message.startswith(f"templates/languages/{code}.json: ")
    return message


def bad_dates(code: str, change: Any) -> str:
    """The message of a preset whose date settings CLDR refuses: read without complaint, refused on first use."""
    data = copy.deepcopy(raw(code))
    change(data)
    preset = parse_preset(data, source=f"templates/languages/{code}.json", expected_code=code)
    with pytest.raises(PresetError) as caught:
        preset.check_dates()
    message = str(caught.value)
    assert message.startswith(f"templates/languages/{code}.json: ")
    return message


def test_missing_heading_is_named() -> None:
    assert "headings: missing 'discussion'" in bad("fa", lambda d: d["headings"].pop("discussion"))


def test_unknown_field_is_named_with_the_allowed_ones() -> None:
    message = bad("ur", lambda d: d.update(heading={}))
    assert "unknown 'heading'" in message
    assert "'headings'" in message


def test_wrong_types_are_named() -> None:
    assert "labels.date: must be a string, not a number" in bad("fr", lambda d: d["labels"].update(date=3))
    assert "word.hyphenate: must be true or false" in bad("ru", lambda d: d["word"].update(hyphenate="yes"))
    assert "fonts.size_pt" in bad("tr", lambda d: d["fonts"].update(size_pt=200))
    assert "quotes" in bad("en", lambda d: d.update(quotes=["“"]))
    assert "status_words: must be an object" in bad("ar", lambda d: d.update(status_words=["a", "b"]))


def test_bad_values_are_named() -> None:
    assert "digits: 'hindi' is not one of" in bad("ar", lambda d: d.update(digits="hindi"))
    assert "dates.locale: 'xx_YY' is not a locale" in bad_dates("ar", lambda d: d["dates"].update(locale="xx_YY"))
    assert "dates.variants[1]" in bad_dates("ar", lambda d: d["dates"].update(variants=["ar-SY", "ar-XX"]))
    assert "date_line: must contain {date}" in bad("en", lambda d: d.update(date_line="{label}: {times}"))
    assert "unknown placeholder ['month']" in bad("en", lambda d: d.update(date_line="{date} {month}"))
    assert "dates.time_range: must contain {start} and {end}" in bad(
        "ar", lambda d: d["dates"].update(time_range="{start}")
    )
    assert "word.lang" in bad("fa", lambda d: d["word"].update(lang="Persian"))
    assert "differs from the file name" in bad("fa", lambda d: d.update(code="ur"))


def test_dates_cldr_cannot_write_are_named_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy.deepcopy(raw("fr"))
    data["dates"]["time_skeleton"] = "Q"
    # Read without loading CLDR data (the window opens a report before it needs a date written) ...
    preset = parse_preset(data, source="templates/languages/fr.json", expected_code="fr")
    # ... and refused, naming the file, as soon as a date or time is written or the presets are checked.
    for use in (
        preset.check_dates,
        lambda: preset.format_time(dt.time(10, 0)),
        lambda: preset.format_date(dt.date(2021, 10, 14)),
    ):
        with pytest.raises(PresetError, match=r"^templates/languages/fr\.json: dates: CLDR cannot format"):
            use()
    from minutes_editor.storage import presets

    (tmp_path / "fr.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(presets, "languages_dir", lambda: tmp_path)
    load_preset.cache_clear()
    try:
        assert "dates: CLDR cannot format" in check_presets()["fr.json"]
    finally:
        load_preset.cache_clear()


def test_a_broken_file_is_reported_by_path_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor.storage import presets

    (tmp_path / "en.json").write_text(json.dumps(raw("en")), encoding="utf-8")
    (tmp_path / "xx.json").write_text('{"code": "xx",\n "name": }', encoding="utf-8")
    monkeypatch.setattr(presets, "languages_dir", lambda: tmp_path)
    load_preset.cache_clear()
    try:
        problems = check_presets()
        assert list(problems) == ["xx.json"]
        assert "not valid JSON (line 2" in problems["xx.json"]
        assert str(tmp_path / "xx.json") in problems["xx.json"]
        with pytest.raises(PresetError, match=r"xx\.json"):
            load_preset("xx")
    finally:
        load_preset.cache_clear()


def test_adding_a_language_is_adding_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_editor.storage import presets

    for code in ("en", "fa"):
        (tmp_path / f"{code}.json").write_text(json.dumps(raw(code)), encoding="utf-8")
    pashto = raw("fa")  # a real preset would translate the words too; the mechanism is what is tested
    pashto.update(code="ps", name="پښتو")
    pashto["dates"]["locale"] = "ps_AF"
    pashto["word"]["lang"] = "ps-AF"
    (tmp_path / "ps.json").write_text(json.dumps(pashto), encoding="utf-8")
    monkeypatch.setattr(presets, "languages_dir", lambda: tmp_path)
    load_preset.cache_clear()
    try:
        assert available_languages() == ["en", "fa", "ps"]
        preset = load_preset("ps-AF")
        assert (preset.code, preset.word_lang, preset.date_locale) == ("ps", "ps-AF", "ps_AF")
        assert preset.direction is Direction.RTL
        month = Locale.parse("ps_AF").months["format"]["wide"][10]
        assert month in preset.date_line_text(MEETING)
    finally:
        load_preset.cache_clear()
