"""A report in every shipped language exports with its direction, language, fonts, hyphenation and CLDR date line."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date, format_skeleton

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.model.language import DIGITS, to_digits
from minutes_editor.model.report import SectionKind, Span
from minutes_editor.render.flow import flatten
from minutes_editor.storage.presets import load_preset
from tests.export.reports import ARABIC, LATIN, Docx, q, text_of, xpath
from tests.languages.samples import END, MEETING_DATE, START, WORDS, persian_example, sample_report
from tests.support.ooxml import missing_reason, validate_part, wml_schema

SHIPPED = ("ar", "en", "fa", "ur", "fr", "ru", "tr")
RTL = frozenset({"ar", "fa", "ur"})

#: What each export must carry: Word language, CLDR locale, digits, Latin and complex-script fonts.
EXPECTED = {
    "ar": ("ar-SA", "ar_SY", "latn", "Arial", "Arial"),
    "en": ("en-GB", "en_GB", "latn", "Calibri", "Arial"),
    "fa": ("fa-IR", "fa_IR", "arabext", "Tahoma", "Tahoma"),
    "ur": ("ur-PK", "ur_PK", "arabext", "Arial", "Arial"),
    "fr": ("fr-FR", "fr_FR", "latn", "Calibri", "Arial"),
    "ru": ("ru-RU", "ru_RU", "latn", "Calibri", "Arial"),
    "tr": ("tr-TR", "tr_TR", "latn", "Calibri", "Arial"),
}


@pytest.fixture(scope="module")
def exported() -> dict[str, Docx]:
    return {code: Docx.read(render_docx(sample_report(code)).data) for code in SHIPPED}


def defaults(document: Docx, tag: str) -> list:
    return xpath(document.styles, f"/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:{tag}")


@pytest.mark.parametrize("code", SHIPPED)
def test_direction_follows_the_language(exported: dict[str, Docx], code: str) -> None:
    document = exported[code]
    paragraphs = document.all_paragraphs()
    assert len(paragraphs) > 15
    bidi = [bool(xpath(p, "w:pPr/w:bidi")) for p in paragraphs]
    section_bidi = xpath(document.document, "/w:document/w:body/w:sectPr/w:bidi")
    if code in RTL:
        assert all(bidi)
        assert section_bidi
        assert xpath(document.styles, "/w:styles/w:docDefaults/w:pPrDefault/w:pPr/w:bidi")
    else:
        assert not any(bidi)
        assert section_bidi == []
        for name, root in document.parts.items():
            assert xpath(root, "//w:bidi | //w:rtl") == [], name


@pytest.mark.parametrize("code", SHIPPED)
def test_runs_of_arabic_script_are_rtl_and_latin_ones_are_not(exported: dict[str, Docx], code: str) -> None:
    runs = xpath(exported[code].document, "//w:r[w:t]")
    script_runs = 0
    for run in runs:
        text = text_of(run)
        has_rtl = bool(xpath(run, "w:rPr/w:rtl"))
        if ARABIC.search(text):
            script_runs += 1
            assert has_rtl, text
        if LATIN.search(text):
            assert not has_rtl, text
    assert (script_runs > 10) is (code in RTL)


@pytest.mark.parametrize("code", SHIPPED)
def test_word_language_marks(exported: dict[str, Docx], code: str) -> None:
    word_lang = EXPECTED[code][0]
    lang = defaults(exported[code], "lang")[0]
    if code in RTL:
        assert lang.get(q("w:bidi")) == word_lang
        assert lang.get(q("w:val")) == "en-GB"  # Latin words in a right-to-left report: names, acronyms
    else:
        assert lang.get(q("w:val")) == word_lang
        assert lang.get(q("w:bidi")) is None
    assert lang.get(q("w:eastAsia")) == lang.get(q("w:val"))
    core = exported[code].parts["docProps/core.xml"]
    assert xpath(core, "string(dc:language)") == code


@pytest.mark.parametrize("code", SHIPPED)
def test_fonts_for_the_script(exported: dict[str, Docx], code: str) -> None:
    _, _, _, latin, complex_script = EXPECTED[code]
    fonts = defaults(exported[code], "rFonts")[0]
    assert [fonts.get(q(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia")] == [latin] * 3
    assert fonts.get(q("w:cs")) == complex_script
    size = str(round(load_preset(code).fonts.size_pt * 2))
    assert xpath(defaults(exported[code], "sz")[0], "string(@w:val)") == size
    assert xpath(defaults(exported[code], "szCs")[0], "string(@w:val)") == size
    if code in RTL:
        # Bullets and heading numbers take the complex-script font and sit on the right.
        levels = xpath(exported[code].numbering, "//w:abstractNum/w:lvl")
        assert levels
        assert all(xpath(lvl, "w:rPr/w:rtl") for lvl in levels)
        assert all(xpath(lvl, "w:rPr/w:rFonts/@w:cs") for lvl in levels)


@pytest.mark.parametrize("code", SHIPPED)
def test_hyphenation_is_on_only_for_languages_that_hyphenate(exported: dict[str, Docx], code: str) -> None:
    found = xpath(exported[code].settings, "/w:settings/w:autoHyphenation")
    if code in RTL:
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].get(q("w:val")) in (None, "true", "1", "on")


@pytest.mark.parametrize("code", SHIPPED)
def test_date_line_is_cldr_for_the_locale(exported: dict[str, Docx], code: str) -> None:
    _, locale, digits, _, _ = EXPECTED[code]
    (paragraph,) = exported[code].paragraphs_in("Meeting Date")
    line = text_of(paragraph)
    date = to_digits(format_date(MEETING_DATE, format="long", locale=locale), digits)
    times = [
        to_digits(format_skeleton("Hm", dt.datetime.combine(MEETING_DATE, moment), locale=locale), digits)
        for moment in (START, END)
    ]
    positions = [line.index(part) for part in (date, *times, WORDS[code].timezone)]
    assert positions == sorted(positions), line
    assert line.startswith(load_preset(code).label("date"))
    foreign = set(DIGITS["latn"] + DIGITS["arab"] + DIGITS["arabext"]) - set(DIGITS[digits])
    assert not foreign & set(line), f"{code}: digits of another system in {line!r}"


@pytest.mark.parametrize("code", SHIPPED)
def test_default_headings_and_generated_lines_are_the_languages(exported: dict[str, Docx], code: str) -> None:
    preset = load_preset(code)
    report = sample_report(code)
    document = exported[code]
    level_one = [preset.heading(s.kind) for s in report.sections if s.level == 1]
    assert [text_of(p) for p in document.paragraphs_in("heading 1")] == level_one
    level_two = [text_of(p) for p in document.paragraphs_in("heading 2")]
    assert level_two == [WORDS[code].session, preset.heading(SectionKind.TAKEAWAYS)]
    (participants,) = document.paragraphs_in("Participants")
    assert text_of(participants) == preset.list_join.join(list(WORDS[code].participants))
    (goals,) = document.paragraphs_in("Session Goals")
    assert text_of(goals) == preset.goals_line(list(WORDS[code].goals))
    assert text_of(goals).startswith(preset.quotes[0])
    (status,) = document.paragraphs_in("Document Status")
    assert text_of(status) == preset.draft_status


@pytest.mark.parametrize("code", SHIPPED)
def test_every_part_is_schema_valid(exported: dict[str, Docx], code: str) -> None:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    schema = wml_schema()
    assert schema is not None
    for name, root in exported[code].parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            assert validate_part(root, schema) == [], f"{code} {name}"


def test_region_of_the_tag_picks_the_month_names_and_the_word_language() -> None:
    levant = Docx.read(render_docx(sample_report("ar")).data)
    egypt = Docx.read(render_docx(sample_report("ar-EG")).data)
    assert "تشرين الأول" in text_of(levant.paragraphs_in("Meeting Date")[0])
    assert "أكتوبر" in text_of(egypt.paragraphs_in("Meeting Date")[0])
    assert defaults(egypt, "lang")[0].get(q("w:bidi")) == "ar-EG"


def test_arabic_indic_digits_by_the_tag_are_stored_as_characters() -> None:
    document = Docx.read(render_docx(sample_report("ar-u-nu-arab")).data)
    line = text_of(document.paragraphs_in("Meeting Date")[0])
    assert "١٤" in line
    assert "٢٠٢١" in line
    assert not set("0123456789") & set(line)


def test_digits_typed_in_the_body_are_kept_as_typed() -> None:
    report = sample_report("fa")
    report.sections[0].blocks[0].content = [Span("داده‌های 2018 تا ۲۰۲۱ و ٣ مورد")]
    document = Docx.read(render_docx(report).data)
    texts = [text_of(p) for p in document.paragraphs()]
    assert "داده‌های 2018 تا ۲۰۲۱ و ٣ مورد" in texts
    # The generated date line is converted all the same.
    assert "۲۰۲۱" in text_of(document.paragraphs_in("Meeting Date")[0])


def test_persian_example_exports_in_persian() -> None:
    report = persian_example()
    output = render_docx(report)
    assert output.warnings == []
    document = Docx.read(output.data)
    flow = flatten(report)
    assert [text_of(p) for p in document.paragraphs_in("heading 1")] == [
        p.text for p in flow.paragraphs if p.role.value == "heading"
    ]
    assert all(xpath(p, "w:pPr/w:bidi") for p in document.all_paragraphs())
    assert "۱۴ اکتبر ۲۰۲۱" in text_of(document.paragraphs_in("Meeting Date")[0])
    assert len(xpath(document.document, "//w:footnoteReference")) == 1
