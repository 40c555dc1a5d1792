"""Find and replace over a whole report (plain, regular expression, whole word, Arabic folding), undo, counts."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor.model import operations as ops
from minutes_editor.model import search, text_fields
from minutes_editor.model.report import (
    Footnote,
    FootnoteRef,
    Inline,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.search import (
    Counts,
    FieldEdit,
    Match,
    Query,
    ReplacePlan,
    ReportCounts,
    SearchError,
    apply_edits,
    count_text,
    field_changes,
    revert_edits,
)
from minutes_editor.model.text_fields import FieldKind, Place, TextField, get_field, locate
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset
from tests.strategies import reports
from tests.structured import with_structured
from tests.support.build import para

# The tests read, search and check a report as the window and the command line do: with its language's preset.


def find_all(report: Report, query: Query) -> list[Match]:
    return search.find_all(report, query, preset=load_preset(report.language))


def replace_all(report: Report, query: Query, replacement: str) -> ReplacePlan:
    return search.replace_all(report, query, replacement, preset=load_preset(report.language))


def replace_match(report: Report, match: Match, query: Query, replacement: str) -> FieldEdit | None:
    return search.replace_match(report, match, query, replacement, preset=load_preset(report.language))


def count_report(report: Report) -> ReportCounts:
    return search.count_report(report, load_preset(report.language))


def iter_fields(report: Report) -> Iterator[TextField]:
    return text_fields.iter_fields(report, load_preset(report.language))


ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def one_block(*content: Inline | str, language: str = "en") -> Report:
    return Report(
        language=language,
        title=TitleBlock(meeting="M"),
        sections=[Section(SectionKind.DISCUSSION, heading="H", blocks=[para(*content)])],
    )


def texts(report: Report, query: Query) -> list[str]:
    return [match.text for match in find_all(report, query)]


def everywhere() -> Report:
    """ "Budapest" once in every kind of field."""
    return Report(
        language="en",
        title=TitleBlock(meeting="Budapest Process", subtitle="budapest", location="Budapest", status="Draft"),
        sections=[
            Section(SectionKind.OBJECTIVES, blocks=[para("The Budapest aims")]),
            Section(SectionKind.PARTICIPATION, heading="Budapest members", participants=[Participant("Budapest")]),
            Section(
                SectionKind.DISCUSSION,
                sessions=[Session("Budapest session", goals=["Budapest goal"], blocks=[para("In Budapest")])],
            ),
        ],
        footnotes=[Footnote("n", [Span("Budapest note")])],
    )


# ------------------------------------------------------------ finding


def test_find_covers_every_field_of_the_report() -> None:
    matches = find_all(everywhere(), Query("budapest"))
    assert [match.path for match in matches] == [
        "title.meeting",
        "title.subtitle",
        "title.location",
        "sections[0].blocks[0]",
        "sections[1].heading",
        "sections[1].participants[0]",
        "sections[2].sessions[0].title",
        "sections[2].sessions[0].goals[0]",
        "sections[2].sessions[0].blocks[0]",
        "footnotes[0]",
    ]
    for match in matches:
        text = next(field.text for field in iter_fields(everywhere()) if field.path == match.path)
        assert text[match.start : match.end] == match.text


def test_default_headings_are_searched_as_printed() -> None:
    report = everywhere()
    heading = load_preset("en").heading(SectionKind.OBJECTIVES)
    word = heading.split()[-1]
    assert any(match.path == "sections[0].heading" for match in find_all(report, Query(word)))


def test_case_sensitive_and_kinds() -> None:
    report = everywhere()
    assert len(find_all(report, Query("budapest", case_sensitive=True))) == 1
    only_notes = find_all(report, Query("budapest", kinds=frozenset({FieldKind.FOOTNOTE})))
    assert [match.path for match in only_notes] == ["footnotes[0]"]


def test_whole_word() -> None:
    report = one_block("art, part, artist; art.")
    assert len(find_all(report, Query("art"))) == 4
    matches = find_all(report, Query("art", whole_word=True))
    assert [(match.start, match.end) for match in matches] == [(0, 3), (19, 22)]


def test_whole_word_in_arabic_keeps_attached_prefixes_apart() -> None:
    report = one_block("الاتحاد والاتحاد بالاتحاد الاتحادُ", language="ar")
    assert len(find_all(report, Query("الاتحاد"))) == 4
    # A haraka continues the word: "الاتحادُ" is the whole word, "والاتحاد" is another word.
    assert texts(report, Query("الاتحاد", whole_word=True)) == ["الاتحاد"]
    assert texts(report, Query("الاتحاد", whole_word=True, ignore_diacritics=True)) == ["الاتحاد", "الاتحادُ"]


def test_ignore_diacritics_tatweel_and_hamza() -> None:
    report = one_block("كِتَابٌ مفيد، ومـــصر، والأوروبي، Türkiye", language="ar")
    assert texts(report, Query("كتاب")) == []
    # The tanwin after the last matched letter belongs to the match.
    assert texts(report, Query("كتاب", ignore_diacritics=True)) == ["كِتَابٌ"]
    assert texts(report, Query("مصر")) == []
    assert texts(report, Query("مصر", ignore_tatweel=True)) == ["مـــصر"]
    assert texts(report, Query("الاوروبي")) == []
    assert texts(report, Query("الاوروبي", ignore_hamza=True)) == ["الأوروبي"]
    assert texts(report, Query("turkiye", ignore_diacritics=True)) == ["Türkiye"]
    # A query written with harakat finds the bare word too.
    assert texts(report, Query("مُفِيد", ignore_diacritics=True)) == ["مفيد"]


def test_regular_expressions() -> None:
    report = one_block("Between 2018-2021 and in ٢٠٢٢ too")
    assert texts(report, Query(r"\d{4}", regex=True)) == ["2018", "2021", "٢٠٢٢"]
    assert texts(report, Query(r"\bin\b", regex=True)) == ["in"]
    assert find_all(report, Query("x*", regex=True)) == []  # empty matches mark nothing


def test_a_malformed_expression_says_why() -> None:
    with pytest.raises(SearchError, match="not valid"):
        find_all(everywhere(), Query("(unclosed", regex=True))
    # Plain text is taken literally, brackets and all.
    assert find_all(one_block("a (b"), Query("(b")) != []


# ------------------------------------------------------------ replacing and undo


def test_replace_all_then_undo_restores_the_exact_report() -> None:
    report = everywhere()
    original = copy.deepcopy(report)
    plan = replace_all(report, Query("budapest"), "Vienna")
    assert report == original  # planning changes nothing
    assert plan.count == 10
    assert len(plan.edits) == 10
    apply_edits(report, plan.edits)
    assert find_all(report, Query("budapest")) == []
    assert len(find_all(report, Query("Vienna", case_sensitive=True))) == 10
    revert_edits(report, plan.edits)
    assert report == original


def test_replacing_in_a_default_heading_makes_it_the_sections_own_and_undo_gives_default_back() -> None:
    report = everywhere()
    heading = load_preset("en").heading(SectionKind.OBJECTIVES)
    plan = replace_all(report, Query(heading, case_sensitive=True), "Aims")
    apply_edits(report, plan.edits)
    assert report.sections[0].heading == "Aims"
    revert_edits(report, plan.edits)
    assert report.sections[0].heading is None


def test_several_matches_in_one_field_make_one_edit() -> None:
    report = one_block("a b a b a")
    plan = replace_all(report, Query("a", whole_word=True), "xyz")
    assert plan.count == 3
    assert len(plan.edits) == 1
    apply_edits(report, plan.edits)
    assert report.sections[0].blocks[0].plain_text == "xyz b xyz b xyz"


def test_regex_replacement_with_groups() -> None:
    report = one_block("from 2018-2021 and 2019-2020")
    apply_edits(report, replace_all(report, Query(r"(\d+)-(\d+)", regex=True), r"\2–\1").edits)
    assert report.sections[0].blocks[0].plain_text == "from 2021–2018 and 2020–2019"
    with pytest.raises(SearchError):
        replace_all(report, Query(r"(\d+)", regex=True), r"\5")


def test_plain_replacement_is_literal() -> None:
    report = one_block("cost 5")
    apply_edits(report, replace_all(report, Query("5"), r"\1 $5").edits)
    assert report.sections[0].blocks[0].plain_text == r"cost \1 $5"


def test_replacement_within_one_span_keeps_every_span() -> None:
    report = one_block(Span("The "), Span("bold word", bold=True), Span(" and "), Span("italic", italic=True))
    apply_edits(report, replace_all(report, Query("word"), "phrase").edits)
    assert report.sections[0].blocks[0].content == [
        Span("The "),
        Span("bold phrase", bold=True),
        Span(" and "),
        Span("italic", italic=True),
    ]


def test_replacement_across_spans_takes_the_emphasis_where_it_starts() -> None:
    report = one_block(Span("plain "), Span("bold", bold=True), Span(" tail", underline=True))
    apply_edits(report, replace_all(report, Query("in bo"), "X").edits)
    assert report.sections[0].blocks[0].content == [Span("plaX"), Span("ld", bold=True), Span(" tail", underline=True)]
    # A span wholly inside a match disappears.
    report = one_block(Span("a "), Span("b", bold=True), Span(" c"))
    apply_edits(report, replace_all(report, Query(" b "), "-").edits)
    assert report.sections[0].blocks[0].content == [Span("a-"), Span("c")]


def test_footnote_marks_inside_a_match_stay_after_the_replacement() -> None:
    report = one_block(Span("Kosovo"), FootnoteRef("k"), Span(", Serbia"), language="en")
    report.footnotes = [Footnote("k", [Span("Designation.")])]
    query = Query(r"Kosovo.,", regex=True)
    assert texts(report, query) == ["Kosovo\ufffc,"]
    apply_edits(report, replace_all(report, query, "Kosova;").edits)
    assert report.sections[0].blocks[0].content == [Span("Kosova;"), FootnoteRef("k"), Span(" Serbia")]


def test_a_match_starting_on_a_footnote_mark() -> None:
    report = one_block(Span("word", italic=True), FootnoteRef("k"), Span(" next"))
    apply_edits(report, replace_all(report, Query(r"\ufffc next", regex=True), " then").edits)
    assert report.sections[0].blocks[0].content == [Span("word then", italic=True), FootnoteRef("k")]


def test_replace_one_match() -> None:
    report = one_block("one two one")
    matches = find_all(report, Query("one"))
    edit = replace_match(report, matches[1], Query("one"), "three")
    assert edit is not None
    apply_edits(report, [edit])
    assert report.sections[0].blocks[0].plain_text == "one two three"
    # The same match again is gone: no edit.
    assert replace_match(report, matches[1], Query("one"), "three") is None


def test_replacing_in_every_field_kind_through_paths() -> None:
    report = everywhere()
    plan = replace_all(report, Query("Budapest"), "Rabat")
    apply_edits(report, plan.edits)
    assert report.title.meeting == "Rabat Process"
    assert report.sections[1].participants[0].name == "Rabat"
    assert report.sections[2].sessions[0].goals == ["Rabat goal"]
    assert report.sections[2].sessions[0].title == "Rabat session"
    assert report.footnotes[0].content == [Span("Rabat note")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=with_structured(reports()),
    needle=st.sampled_from(["a", "e", "ا", "ل", "و", " "]),
    replacement=st.text(max_size=3),
)
def test_undo_restores_any_report(report: Report, needle: str, replacement: str) -> None:
    original = copy.deepcopy(report)
    query = Query(needle, case_sensitive=True)
    before = find_all(report, query)
    plan = replace_all(report, query, replacement)
    assert plan.count == len(before)
    apply_edits(report, plan.edits)
    if needle not in replacement:
        assert find_all(report, query) == []
    # Footnote references are never lost.
    assert sorted(report.footnote_refs()) == sorted(original.footnote_refs())
    revert_edits(report, plan.edits)
    assert report == original


def test_edits_hold_whole_field_values() -> None:
    report = one_block(Span("x "), Span("y", bold=True))
    (edit,) = replace_all(report, Query("x"), "z").edits
    assert edit.old == get_field(report, edit.path)
    assert edit.new == [Span("z "), Span("y", bold=True)]


# ------------------------------------------------------------ counts


def test_counts_of_latin_text() -> None:
    assert count_text("Hello, world") == Counts(words=2, characters=12, characters_no_spaces=11)
    assert count_text("  - 2018-2021 — ok ") == Counts(words=2, characters=19, characters_no_spaces=13)


def test_counts_of_arabic_text() -> None:
    # Arabic comma separates words without a space; harakat do not make characters.
    assert count_text("كِتَابٌ جميل،ومفيد") == Counts(words=3, characters=15, characters_no_spaces=14)
    # Kashida is decoration; the Persian half-space joins one word; footnote marks count nothing.
    assert count_text("مـــصر") == Counts(1, 3, 3)
    assert count_text("می\u200cخواهم") == Counts(1, 7, 7)
    assert count_text("كوسوفو\ufffc، مقدونيا") == Counts(2, 15, 14)


def test_report_counts_add_up_and_match_a_plain_count() -> None:
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.en.minutes")
    counts = count_report(report)
    total = counts.title + counts.footnotes
    for section in counts.sections:
        total += section
    assert counts.total == total
    assert len(counts.sections) == len(report.sections)
    # No Arabic punctuation in English: words are what lies between spaces.
    fields = list(iter_fields(report))
    plain_words = sum(1 for field in fields for chunk in field.text.split() if any(char.isalnum() for char in chunk))
    assert counts.total.words == plain_words
    assert counts.total.characters == sum(len(field.text.replace("\ufffc", "")) for field in fields)


def test_arabic_example_counts_per_section() -> None:
    report = load_report(EXAMPLES / "budapest-process-2021-10-14.ar.minutes")
    counts = count_report(report)
    for index, section_counts in enumerate(counts.sections):
        fields = [field for field in iter_fields(report) if field.section == index]
        expected = Counts()
        for field in fields:
            expected += count_text(field.text)
        assert section_counts == expected
        assert section_counts.words > 0
    assert counts.total.words > 1000


# ------------------------------------------------------------ places and attribute changes (for the window)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("title.meeting", Place(attribute="meeting")),
        ("sections[2]", Place(section=2)),
        ("sections[2].heading", Place(section=2, attribute="heading")),
        ("sections[2].blocks[1]", Place(section=2, block=1)),
        ("sections[1].participants[3]", Place(section=1, participant=3)),
        ("sections[4].sessions[0]", Place(section=4, session=0)),
        ("sections[4].sessions[0].title", Place(section=4, session=0, attribute="title")),
        ("sections[4].sessions[0].goals[1]", Place(section=4, session=0, goal=1)),
        ("sections[4].sessions[0].blocks[3]", Place(section=4, session=0, block=3)),
        ("footnotes[0]", Place(footnote=0)),
    ],
)
def test_locate_takes_paths_apart(path: str, expected: Place) -> None:
    assert locate(path) == expected
    assert expected.in_title_block == path.startswith("title.")


@pytest.mark.parametrize("path", ["", "title", "sections[x]", "nothing[1]", "sections[0].blocks"])
def test_bad_paths_are_refused(path: str) -> None:
    with pytest.raises(KeyError):
        get_field(everywhere(), path)


def test_field_changes_set_what_the_edits_set_and_put_it_back() -> None:
    report = everywhere()
    report.sections[1].participants.append(Participant("Budapest Two", "HU"))
    report.sections[2].sessions[0].goals.append("Another Budapest goal")
    original = copy.deepcopy(report)
    old_participants = report.sections[1].participants
    plan = replace_all(report, Query("Budapest"), "Rabat")
    # Body blocks change through their body documents, not as fields (the window's find and replace).
    edits = [edit for edit in plan.edits if locate(edit.path).block < 0]
    with pytest.raises(KeyError):
        field_changes(report, plan.edits)
    changes = field_changes(report, edits)
    assert [change.field for change in changes] == [
        ops.MEETING,
        ops.SUBTITLE,
        ops.LOCATION,
        ops.HEADING,
        ops.PARTICIPANTS,  # two participants make one list change
        ops.SESSION_TITLE,
        ops.GOALS,  # and two goals too
        ops.NOTE_CONTENT,
    ]
    undo = [ops.SetField(change.target, change.field, change.new).apply(report) for change in changes]
    expected = copy.deepcopy(original)
    apply_edits(expected, edits)
    assert report == expected
    assert [participant.code for participant in report.sections[1].participants] == ["", "HU"]
    # The old list and its participants are untouched, ready for undo.
    assert [participant.name for participant in old_participants] == ["Budapest", "Budapest Two"]
    assert [change.old for change in changes if change.field is ops.PARTICIPANTS] == [old_participants]
    for inverse in reversed(undo):
        inverse.apply(report)
    assert report == original
    # Every free-text field of the title block that search walks has its typed field.
    assert set(search._TITLE_FIELDS) == set(text_fields.TITLE_FIELDS)
