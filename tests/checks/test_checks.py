"""Pre-export checks: each one finds what it should, where it should, and stays quiet otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_editor.cli import EXIT_PROBLEMS, main
from minutes_editor.model import checks, text_fields
from minutes_editor.model.checks import Problem, normalised_name
from minutes_editor.model.report import (
    Block,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.text_fields import TextField, get_field
from minutes_editor.storage.minutes_file import load_report, save_report
from minutes_editor.storage.presets import load_preset
from tests.support.build import para

# The tests read, search and check a report as the window and the command line do: with its language's preset.


def check_report(report: Report) -> list[Problem]:
    return checks.check_report(report, load_preset(report.language))


def iter_fields(report: Report) -> Iterator[TextField]:
    return text_fields.iter_fields(report, load_preset(report.language))


ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def report_of(*blocks: Block, language: str = "ar", **extra: object) -> Report:
    report = Report(language=language, title=TitleBlock(meeting="اجتماع" if language == "ar" else "Meeting"))
    report.sections.append(Section(SectionKind.DISCUSSION, blocks=list(blocks)))
    for key, value in extra.items():
        setattr(report, key, value)
    return report


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def only(problems: list[Problem], code: str) -> list[Problem]:
    return [problem for problem in problems if problem.code == code]


def field_text(report: Report, path: str) -> str:
    return next(field.text for field in iter_fields(report) if field.path == path)


# ------------------------------------------------------------ structure


def test_a_clean_report_has_no_problems() -> None:
    report = report_of(para('نص سليم، وفيه فاصلة عربية (وقوسان) و"اقتباس".'))
    assert check_report(report) == []


def test_empty_section_block_goal_and_session() -> None:
    report = Report(language="en", title=TitleBlock(meeting="Meeting"))
    report.sections = [
        Section(SectionKind.OBJECTIVES),
        Section(SectionKind.DISCUSSION, blocks=[para("Text"), para("  ")]),
        Section(SectionKind.DISCUSSION, sessions=[Session("", goals=["Goal", " "], blocks=[])]),
    ]
    problems = check_report(report)
    assert [(problem.code, problem.where) for problem in problems] == [
        ("section-empty", "sections[0]"),
        ("block-empty", "sections[1].blocks[1]"),
        ("session-empty", "sections[2].sessions[0]"),  # an item before its parts
        ("session-untitled", "sections[2].sessions[0].title"),
        ("goal-empty", "sections[2].sessions[0].goals[1]"),
    ]


def test_a_block_holding_only_a_footnote_mark_is_not_empty() -> None:
    report = report_of(para(FootnoteRef("n1")), language="en")
    report.footnotes = [Footnote("n1", [Span("A note.")])]
    assert check_report(report) == []


def test_missing_title_and_empty_heading() -> None:
    report = report_of(para("Text"), language="en")
    report.title.meeting = " "
    report.sections[0].heading = ""
    assert codes(check_report(report)) == ["title-missing", "heading-empty"]


# ------------------------------------------------------------ footnotes


def test_footnote_referenced_nowhere_once_twice_and_missing() -> None:
    report = report_of(
        para("One", FootnoteRef("twice"), " two", FootnoteRef("twice")),
        para("Three", FootnoteRef("ghost")),
        para("Four", FootnoteRef("fine")),
        language="en",
    )
    report.footnotes = [
        Footnote("orphan", [Span("Never referenced.")]),
        Footnote("twice", [Span("Referenced twice.")]),
        Footnote("fine", [Span("Referenced once.")]),
        Footnote("blank", [Span(" ")]),
    ]
    problems = check_report(report)
    found = {(problem.code, problem.where) for problem in problems}
    assert ("footnote-unreferenced", "footnotes[0]") in found
    assert ("footnote-multiple-references", "footnotes[1]") in found
    assert ("footnote-empty", "footnotes[3]") in found
    assert not any(problem.where == "footnotes[2]" for problem in problems)
    (missing,) = only(problems, "footnote-missing")
    assert missing.where == "sections[0].blocks[1]"
    # The offset counts the mark as one character, as the body editor does.
    assert field_text(report, missing.where)[missing.start : missing.end] == "\ufffc"
    assert missing.start == len("Three")


# ------------------------------------------------------------ participants


def _participants(*entries: tuple[str, str]) -> Report:
    report = report_of(para("نص"))
    report.sections.insert(
        0,
        Section(
            SectionKind.PARTICIPATION,
            blocks=[para("حضر:")],
            participants=[Participant(name, code) for name, code in entries],
        ),
    )
    return report


def test_participant_listed_twice_by_normalised_name() -> None:
    report = _participants(("المفوّضية الأوروبية", ""), ("النمسا", "AT"), ("المفوضية الاوروبيّة", ""))
    (problem,) = check_report(report)
    assert problem.code == "participant-duplicate"
    assert problem.where == "sections[0].participants[2]"
    assert "sections[0].participants[0]" in problem.message


def test_participant_listed_twice_by_code_under_another_name() -> None:
    report = _participants(("تركيا", "TR"), ("النمسا", "AT"), ("تركيّة", "TR"))
    (problem,) = check_report(report)
    assert (problem.code, problem.where) == ("participant-duplicate", "sections[0].participants[2]")


def test_different_participants_are_not_duplicates() -> None:
    report = _participants(("النمسا", "AT"), ("المجر", "HU"), ("المفوضية الأوروبية", "org:EC"), ("البوسنة والهرسك", ""))
    assert check_report(report) == []


def test_normalised_names_ignore_case_accents_harakat_tatweel_and_letter_forms() -> None:
    assert normalised_name("Türkiye") == normalised_name(" TURKIYE ")
    assert normalised_name("الإمـــارات") == normalised_name("الامارات")
    assert normalised_name("ایران") == normalised_name("إيران")
    assert normalised_name("Austria") != normalised_name("Australia")


# ------------------------------------------------------------ digits


def test_mixed_digit_systems_point_at_the_minority() -> None:
    report = report_of(para("في عام 2021 وصل 5000 شخص"), para("ثم ١٢٣ آخرون"), language="en")
    problems = check_report(report)
    (problem,) = problems
    assert problem.code == "digits-mixed"
    assert problem.where == "sections[0].blocks[1]"
    assert field_text(report, problem.where)[problem.start : problem.end] == "١٢٣"


def test_one_digit_system_is_fine_whatever_it_is() -> None:
    assert check_report(report_of(para("عام ٢٠٢١ و٥٠٠٠ شخص"))) == []
    assert check_report(report_of(para("عام ۲۰۲۱ و۵۰۰۰ شخص"))) == []
    assert check_report(report_of(para("in 2021, 5000 people"), language="en")) == []


def test_extended_and_plain_arabic_indic_digits_count_as_two_systems() -> None:
    report = report_of(para("عام ٢٠٢١ وعام ٢٠٢٢"), para("و۵ أشخاص"))
    (problem,) = check_report(report)
    assert field_text(report, problem.where)[problem.start : problem.end] == "۵"


def test_the_presets_digits_win_over_the_majority() -> None:
    digits = getattr(load_preset("fa"), "digits", None)
    if digits != "arabext":
        pytest.skip("the Persian preset does not name Extended Arabic-Indic digits")
    report = report_of(para("سال 2021 و 2022 و 2023"), para("و ۵ نفر"), language="fa")
    (problem,) = check_report(report)
    assert problem.where == "sections[0].blocks[0]"
    assert field_text(report, problem.where)[problem.start : problem.end] == "2021"


# ------------------------------------------------------------ brackets and quotes


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("نص (بين قوسين) و[معقوفين] و{حاصرتين}.", "ar"),
        ("تطورات أ) الأولى ب) الثانية 1) ثالثة", "ar"),
        ("Text (with [nested (brackets)]) and “quotes”.", "en"),
        ("Options: a) one, b) two, iv) four.", "en"),
        ("Il a dit « bonjour » et « au revoir ».", "fr"),
        ("Он сказал «привет „друг“».", "ru"),
        ('قال "مرحباً" ثم «وداعاً».', "ar"),
        ("See https://en.wikipedia.org/wiki/Foo_(bar and more.", "en"),
    ],
)
def test_balanced_text_passes(text: str, language: str) -> None:
    assert check_report(report_of(para(text), language=language)) == []


@pytest.mark.parametrize(
    ("text", "language", "code", "mark"),
    [
        ("نص (لم يغلق أبداً", "ar", "bracket-unbalanced", "("),
        ("Text with a stray] bracket", "en", "bracket-unbalanced", "]"),
        ("He said “hello and left.", "en", "quote-unbalanced", "“"),
        ('قال "مرحباً ثم غادر.', "ar", "quote-unbalanced", '"'),
        ("Il a dit « bonjour et partit.", "fr", "quote-unbalanced", "«"),
    ],
)
def test_unbalanced_marks_are_found_where_they_stand(text: str, language: str, code: str, mark: str) -> None:
    report = report_of(para("جملة سليمة."), para(text), language=language)
    (problem,) = check_report(report)
    assert (problem.code, problem.where) == (code, "sections[0].blocks[1]")
    assert problem.end == problem.start + 1  # type: ignore[operator]
    assert text[problem.start : problem.end] == mark


def test_brackets_typed_in_visual_order_are_reversed() -> None:
    text = "يشكّلون )تقريباً( نصف الوافدين"
    (problem,) = check_report(report_of(para(text)))
    assert problem.code == "bracket-reversed"
    assert text[problem.start : problem.end] == ")تقريباً("
    assert "mirrors" in problem.message  # the right-to-left hint


def test_reversed_guillemets_are_quote_problems() -> None:
    text = "Il a dit » bonjour « hier."
    (problem,) = check_report(report_of(para(text), language="fr"))
    assert problem.code == "quote-reversed"
    assert "mirrors" not in problem.message


def test_marks_are_balanced_per_paragraph() -> None:
    report = report_of(para("يبدأ هنا (ويستمر"), para("في الفقرة التالية)."))
    assert codes(check_report(report)) == ["bracket-unbalanced", "bracket-unbalanced"]


def test_goals_and_titles_are_checked_too() -> None:
    report = report_of(para("نص"))
    report.sections[0].sessions = [Session("الجلسة (الأولى", goals=["هدف «أول"], blocks=[para("نص")])]
    assert [problem.where for problem in check_report(report)] == [
        "sections[0].sessions[0].title",
        "sections[0].sessions[0].goals[0]",
    ]


# ------------------------------------------------------------ Latin punctuation in Arabic-script text


@pytest.mark.parametrize(
    ("text", "mark", "fix"),
    [
        ("الدول المشاركة, والمنظمات", ",", "،"),
        ("التحديات التالية; الهجرة", ";", "؛"),
        ("هل هذا صحيح?", "?", "؟"),
        ("كوسوفو\ufffc, مقدونيا", ",", "،"),  # a footnote mark between word and comma
        ("درس ۵ موضوع, و نتیجه", ",", "،"),  # Persian: the same marks belong
    ],
)
def test_latin_punctuation_between_arabic_words(text: str, mark: str, fix: str) -> None:
    language = "fa" if "نتیجه" in text else "ar"
    report = report_of(para(text), language=language)
    (problem,) = check_report(report)
    assert problem.code == "latin-punctuation"
    assert text[problem.start : problem.end] == mark
    assert problem.replacement == fix


@pytest.mark.parametrize(
    "text",
    [
        "بلغ عدد الوافدين 10,000 شخص؛ وهذا كثير.",
        "أشار الاتحاد الأوروبي (EU, UN) إلى ذلك.",
        "راجع https://example.org/?a=1,2;b=3 للمزيد.",
        "والدول (EU), والمنظمات",
        "كتب mail@example.org, ثم غادر",
        "Austria, Hungary; and Iraq?",
    ],
)
def test_punctuation_left_alone(text: str) -> None:
    assert only(check_report(report_of(para(text))), "latin-punctuation") == []


def test_punctuation_fix_applied_clears_the_problem() -> None:
    text = "الدول المشاركة, والمنظمات; والوكالات?"
    report = report_of(para(text))
    problems = check_report(report)
    assert len(problems) == 3
    fixed = text
    for problem in sorted(problems, key=lambda item: item.start or 0, reverse=True):
        assert problem.replacement is not None
        fixed = fixed[: problem.start] + problem.replacement + fixed[problem.end :]
    assert check_report(report_of(para(fixed))) == []


# ------------------------------------------------------------ order, paths and the command line


def test_problems_come_in_reading_order_and_paths_resolve() -> None:
    report = report_of(para("نص, نص"), para("نص (نص"))
    report.sections.insert(0, Section(SectionKind.OBJECTIVES, blocks=[para("هدف?")]))
    report.footnotes = [Footnote("x", [Span("حاشية")])]
    problems = check_report(report)
    assert [problem.where for problem in problems] == [
        "sections[0].blocks[0]",
        "sections[1].blocks[0]",
        "sections[1].blocks[1]",
        "footnotes[0]",
    ]
    for problem in problems:
        if problem.start is not None:
            text = field_text(report, problem.where)
            assert 0 <= problem.start < problem.end <= len(text)  # type: ignore[operator]
            assert get_field(report, problem.where) is not None


def test_english_example_has_no_problems() -> None:
    assert check_report(load_report(EXAMPLES / "budapest-process-2021-10-14.en.minutes")) == []


def test_arabic_example_only_has_the_reference_reports_open_parenthesis() -> None:
    # The reference report itself opens "(استثناءات: ..." and never closes it.
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.ar.minutes")
    problems = check_report(report)
    assert codes(problems) == ["bracket-unbalanced"]
    text = field_text(report, problems[0].where)
    assert text[problems[0].start :].startswith("(استثناءات")


def test_cli_prints_code_path_and_character(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.minutes"
    save_report(report_of(para("الدول المشاركة, والمنظمات")), source)
    assert main(["check", str(source)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "sections[0].blocks[0]: character 15:" in out
    assert "'،'" in out
    assert out.rstrip().endswith("[latin-punctuation]")
