"""Spell checking against the real Hunspell dictionaries (Debian's hunspell-ar, hunspell-en-us and others)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_editor.model import text_fields
from minutes_editor.model.report import Report
from minutes_editor.model.script import iter_words
from minutes_editor.model.text_fields import TextField
from minutes_editor.spelling import PersonalDictionary, SpellChecker
from minutes_editor.spelling.dictionaries import dictionary_tag, enchant_module, script_languages
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset

# The tests read, search and check a report as the window and the command line do: with its language's preset.


def iter_fields(report: Report) -> Iterator[TextField]:
    return text_fields.iter_fields(report, load_preset(report.language))


ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.skipif(
    enchant_module() is None,
    reason="the Enchant library is not installed (pip install pyenchant; Debian: libenchant-2-2); CI installs it",
)


@pytest.fixture(scope="module")
def arabic() -> SpellChecker:
    checker = SpellChecker("ar")
    assert checker.available, f"no Arabic dictionary (Debian package hunspell-ar): {checker.notice}"
    return checker


@pytest.fixture(scope="module")
def english() -> SpellChecker:
    checker = SpellChecker("en")
    assert checker.available, f"no English dictionary (Debian package hunspell-en-us): {checker.notice}"
    return checker


def flagged(checker: SpellChecker, text: str) -> list[str]:
    found = checker.check(text)
    for start, end, word in found:
        assert text[start:end] == word
    return [word for _, _, word in found]


# ------------------------------------------------------------ Arabic


def test_a_misspelt_arabic_word_is_flagged_and_a_correct_one_not(arabic: SpellChecker) -> None:
    assert flagged(arabic, "عقد الاجتماع في فيينا") == []
    assert flagged(arabic, "عقد الاجتمع في فيينا") == ["الاجتمع"]
    # A common hamza mistake: "الإجتماع" is not how the word is spelt.
    assert flagged(arabic, "الإجتماع") == ["الإجتماع"]


def test_harakat_and_kashida_never_make_a_word_wrong(arabic: SpellChecker) -> None:
    assert flagged(arabic, "الاجْتِمَاعُ المُشْتَرَكُ") == []
    assert flagged(arabic, "الاجتمـــاع") == []


def test_arabic_punctuation_separates_words(arabic: SpellChecker) -> None:
    text = "الاجتماع،الهجرة؛اللجوء؟الاجتمع،"
    assert [word.text for word in iter_words(text)] == ["الاجتماع", "الهجرة", "اللجوء", "الاجتمع"]
    (misspelt,) = arabic.check(text)
    assert text[misspelt.start : misspelt.end] == "الاجتمع"
    assert text[misspelt.end] == "،"


def test_a_mixed_script_paragraph_checks_each_word_in_its_language(arabic: SpellChecker) -> None:
    text = (
        "ناقش الاجتمع تقرير the goverment عن COVID-19 و ICMPD في https://example.org/report?id=5 "
        "وأرسل إلى info@example.org نحو ٢٠٢١ مقترحاً، ثم Austria agreed\ufffc."
    )
    assert flagged(arabic, text) == ["الاجتمع", "goverment"]
    assert arabic.language_of("goverment") == "en"
    assert arabic.language_of("الاجتمع") == "ar"


def test_an_english_report_checks_arabic_words_in_arabic(english: SpellChecker) -> None:
    assert flagged(english, "The word الاجتمع is wrong but الاجتماع is right, and so is this sentence.") == ["الاجتمع"]


def test_suggestions(arabic: SpellChecker, english: SpellChecker) -> None:
    assert "الاجتماع" in arabic.suggestions("الاجتمع")
    assert "government" in english.suggestions("goverment")
    assert "government" in arabic.suggestions("goverment")  # another script's word, its own dictionary
    assert arabic.suggestions("2021") == []


# ------------------------------------------------------------ English and others


def test_english_skips_capitals_single_letters_numbers_and_addresses(english: SpellChecker) -> None:
    assert flagged(english, "ICMPD and the EU's G20 partners met at www.example.org on 14 October, a b c") == []
    assert flagged(english, "Thier agenda was recieved") == ["Thier", "recieved"]
    capitals = SpellChecker("en", ignore_uppercase=False)
    assert flagged(capitals, "ICMPD met") == ["ICMPD"]


def test_the_presets_english_variant_is_used_when_installed() -> None:
    if dictionary_tag("en", "en-GB") != "en_GB":
        pytest.skip("no British English dictionary installed (Debian package hunspell-en-gb)")
    checker = SpellChecker("en")
    assert checker.tags["en"] == "en_GB"
    assert flagged(checker, "The meeting was organised by the programme centres") == []
    american = SpellChecker("en", preferred_tag="en-US")
    assert american.tags["en"] == "en_US"
    assert "organised" in flagged(american, "It was organised")


def test_english_example_is_clean_with_british_spelling() -> None:
    checker = SpellChecker("en")
    if checker.tags.get("en") != "en_GB":
        pytest.skip("no British English dictionary installed (Debian package hunspell-en-gb)")
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.en.minutes")
    assert [word for field in iter_fields(report) for word in flagged(checker, field.text)] == []


def test_persian_keeps_the_half_space_and_wants_persian_letters() -> None:
    checker = SpellChecker("fa")
    if not checker.available:
        pytest.skip("no Persian dictionary installed (Debian package myspell-fa)")
    assert flagged(checker, "می\u200cخواهم کتاب را بخوانم") == []
    # Arabic kaf in a Persian word: a real mistake Persian writers make with Arabic keyboards.
    assert flagged(checker, "كتاب") == ["كتاب"]


def test_script_languages_follow_the_report() -> None:
    assert script_languages("fr")["latin"] == "fr"
    assert script_languages("fr")["arabic"] == "ar"
    assert script_languages("fa")["arabic"] == "fa"
    assert script_languages("ur")["latin"] == "en"
    assert script_languages("ru")["cyrillic"] == "ru"


# ------------------------------------------------------------ personal dictionary


def test_personal_dictionary_adds_saves_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / "config" / "personal.dic"
    checker = SpellChecker("ar", path)
    text = "قال تسيهاي إن Budapestlike مقبول"
    assert flagged(checker, text) == ["تسيهاي", "Budapestlike"]
    checker.add_word("تسيهاي")
    checker.add_word("budapestlike")
    assert flagged(checker, text) == []
    assert path.read_text(encoding="utf-8").splitlines() == ["تسيهاي", "budapestlike"]
    again = SpellChecker("ar", path)
    assert flagged(again, text) == []
    # Harakat do not matter either way.
    assert flagged(again, "تَسِيهَاي") == []


def test_personal_words_follow_hunspell_case_rules(tmp_path: Path) -> None:
    personal = PersonalDictionary(tmp_path / "words.dic")
    personal.add("budapestlike")
    personal.add("McTavish")
    assert "budapestlike" in personal
    assert "Budapestlike" in personal
    assert "BUDAPESTLIKE" in personal
    assert "McTavish" in personal
    assert "MCTAVISH" in personal
    assert "mctavish" not in personal
    assert personal.add("McTavish") is False
    assert PersonalDictionary(tmp_path / "words.dic").words == ["budapestlike", "McTavish"]


def test_ignore_lasts_for_the_session_only(tmp_path: Path) -> None:
    path = tmp_path / "personal.dic"
    checker = SpellChecker("en", path)
    checker.ignore_word("Tsehaye")
    assert flagged(checker, "Tsehaye spoke") == []
    assert flagged(SpellChecker("en", path), "Tsehaye spoke") == ["Tsehaye"]
    assert not path.exists()


# ------------------------------------------------------------ missing dictionaries


def test_a_missing_dictionary_gives_a_notice_not_a_failure() -> None:
    # Arabic-script languages Debian has no Hunspell dictionary for (Urdu first: a report language).
    language = next(code for code in ("ur", "ps", "sd", "ug") if dictionary_tag(code) is None)
    checker = SpellChecker(language)
    assert not checker.available
    assert checker.notice is not None
    assert checker.notice.missing[0] == language
    assert not checker.notice.enchant_missing
    assert f"({language})" in checker.notice.message
    assert "not checked" in checker.notice.message
    # Its own words pass unchecked; words of scripts that have a dictionary are still checked.
    assert "goverment" in flagged(checker, "یہ رپورٹ goverment کے بارے میں ہے")
    assert checker.language_of("رپورٹ") is None
    assert checker.suggestions("رپورٹ") == []


def test_a_report_with_every_dictionary_has_no_notice(arabic: SpellChecker) -> None:
    assert arabic.notice is None


# ------------------------------------------------------------ speed


def test_fast_enough_to_check_each_paragraph_while_typing() -> None:
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.ar.minutes")
    paragraphs = [field.text for field in iter_fields(report)]
    words = sum(1 for text in paragraphs for _ in iter_words(text))
    checker = SpellChecker("ar")
    checker.warm_up()
    started = time.perf_counter()
    for text in paragraphs:
        checker.check(text)
    cold = words / (time.perf_counter() - started)
    started = time.perf_counter()
    for text in paragraphs:
        checker.check(text)
    warm = words / (time.perf_counter() - started)
    longest = max(paragraphs, key=len)
    started = time.perf_counter()
    SpellChecker("ar").check(longest)  # dictionary shared, nothing cached
    one = time.perf_counter() - started
    print(
        f"\nspelling: {words} words, {cold:,.0f} words/s first pass, {warm:,.0f} words/s again; "
        f"longest paragraph ({len(longest.split())} words) {one * 1000:.1f} ms"
    )
    # Typing re-checks one paragraph per keystroke: ~100 words must take well under a frame (16 ms).
    assert cold > 10_000
    assert warm > 10_000
    assert one < 0.05
