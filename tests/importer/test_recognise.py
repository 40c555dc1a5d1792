"""Recognising headings, labels, dates and participants in every language Minutes Editor ships."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale

from minutes_editor.importer.participants import split_list, split_participants
from minutes_editor.importer.recognise import fold, recognise_heading, strip_label, typed_bullet, typed_number
from minutes_editor.importer.title_block import parse_date_line
from minutes_editor.model.report import SectionKind, TitleBlock
from minutes_editor.storage.presets import available_languages, load_preset

LANGUAGES = available_languages()
TATWEEL = "\u0640"
FATHA, SHADDA = "\u064e", "\u0651"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(SectionKind))
def test_every_default_heading_is_recognised(language: str, kind: SectionKind) -> None:
    heading = load_preset(language).heading(kind)
    match = recognise_heading(heading)
    assert match is not None
    assert match.kind is kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_as_editors_vary_them(language: str) -> None:
    heading = load_preset(language).heading(SectionKind.OBJECTIVES)
    words = heading.split()
    variants = [f"  {heading.upper()} ", f"{heading}:", " ".join(words)]
    if any("\u0600" <= char <= "\u06ff" for char in heading):
        # Tatweel and vowel marks inside the words, as Arabic-script editors add them.
        variants.append(heading.replace(words[0], words[0][:2] + TATWEEL + FATHA + words[0][2:] + SHADDA, 1))
    for variant in variants:
        match = recognise_heading(variant)
        assert match is not None, variant
        assert match.kind is SectionKind.OBJECTIVES, variant


def test_the_reference_reports_spelling() -> None:
    # As the circulated PDF writes it: shadda after the final letter, a backslash between the halves.
    match = recognise_heading("المُستخلصات الرئيسيةّ \\ نقاط العمل والمضي قدماً")
    assert match is not None
    assert match.kind is SectionKind.TAKEAWAYS
    assert recognise_heading("أهداف الإجتماع") is not None  # hamza under the alef
    assert recognise_heading("Key takeaways") is not None  # one half of a two-part heading
    assert recognise_heading("Budget and finance") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_line_read_back_in_every_language(language: str) -> None:
    preset = load_preset(language)
    title = TitleBlock(date=dt.date(2021, 10, 14), start_time=dt.time(10), end_time=dt.time(13), timezone="CET")
    line = preset.date_line_text(title)
    parsed = parse_date_line(line, preset)
    assert parsed is not None, line
    assert (parsed.date, parsed.start_time, parsed.end_time, parsed.timezone) == (
        dt.date(2021, 10, 14),
        dt.time(10),
        dt.time(13),
        "CET",
    )
    assert parsed.exact
    assert strip_label(preset.location_line_text(TitleBlock(location="Zoom")), "location") == "Zoom"


@pytest.mark.parametrize("tag", ["ar-EG", "ar-MA", "ar-SY", "en-US"])
def test_regional_month_names(tag: str) -> None:
    preset = load_preset(tag)
    month = Locale.parse(tag.replace("-", "_")).months["format"]["wide"][10]
    parsed = parse_date_line(f"{preset.label('date')}: 14 {month} 2021", preset)
    assert parsed is not None
    assert parsed.date == dt.date(2021, 10, 14)


@pytest.mark.parametrize("language", LANGUAGES)
def test_participants_split_in_every_language(language: str) -> None:
    preset = load_preset(language)
    territories = Locale.parse(preset.date_locale).territories
    # Bosnia and Herzegovina and Trinidad and Tobago hold the joining word in many languages.
    codes = ["AT", "BA", "IQ", "TT", "MK", "CH"]
    names = [str(territories[code]).replace("&", "and") for code in codes]
    sentence = preset.list_join.join(names)
    found = split_participants(sentence, preset)
    assert [participant.name for participant in found] == names
    assert [participant.code for participant in found] == codes


def test_arabic_participants_from_the_reference() -> None:
    sentence = (
        "النمسا وبنغلاديش والبوسنة والهرسك والمجر والعراق والجبل الأسود ومقدونيا الشمالية "
        "وباكستان وبولندا وصربيا وسويسرا وتركيا والمفوضّية الأوروبية."
    )
    found = split_participants(sentence, load_preset("ar"))
    assert len(found) == 13
    assert found[2].name == "البوسنة والهرسك"
    assert found[3].name == "المجر"  # not CLDR's spelling (هنغاريا): kept as written, without a code
    assert found[-1].code == "org:EC"


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_participant_holding_the_joining_word_stays_whole(language: str) -> None:
    preset = load_preset(language)
    name = str(Locale.parse(preset.date_locale).territories["BA"]).replace("&", "and")
    found = split_participants(preset.list_join.join([name]), preset)
    assert [(participant.name, participant.code) for participant in found] == [(name, "BA")]


def test_a_pasted_list_splits_at_lines_commas_and_arabic_waw() -> None:
    pasted = "العراق وباكستان\nوزارة الخارجية، البوسنة والهرسك;  Austria ."
    found = split_list(pasted, load_preset("ar"))
    assert [(participant.name, participant.code) for participant in found] == [
        ("العراق", "IQ"),
        ("باكستان", "PK"),
        ("وزارة الخارجية", ""),  # begins with و: not cut there
        ("البوسنة والهرسك", "BA"),
        ("Austria", ""),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. Meeting objectives", (1, 3)),
        ("١. أهداف الاجتماع", (1, 3)),
        ("2- المشاركة", (1, 3)),
        ("3) Opening", (1, 3)),
        ("2.1 Sub-part", (2, 4)),
        ("10.000 arrivals were counted", None),
        ("5 دول من أصل 6", None),
        ("1.", None),
    ],
)
def test_typed_numbers(line: str, expected: tuple[int, int] | None) -> None:
    assert typed_number(line) == expected


@pytest.mark.parametrize(
    ("line", "level"),
    [("•\tpoint", 1), ("- point", 1), ("o\tsub-point", 2), ("▪ detail", 3), ("\uf0b7\tSymbol bullet", 1)],
)
def test_typed_bullets(line: str, level: int) -> None:
    found = typed_bullet(line)
    assert found is not None
    assert found[0] == level
    assert line[found[1] :] in ("point", "sub-point", "detail", "Symbol bullet")


def test_not_bullets() -> None:
    assert typed_bullet("or so") is None
    assert typed_bullet("-5 degrees") is None
    assert fold("Hello,  World!") == "hello world"
