"""The two example reports: complete against the reference text, alike in shape, canonical on disk."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from babel import Locale

from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report, SectionKind, Span
from minutes_editor.render.flow import FlowDocument, NoteMark, Role, flatten
from minutes_editor.storage.minutes_file import load_report, report_to_bytes
from tests.support.examples import example_path

ARABIC = example_path("ar")
ENGLISH = example_path("en")
#: The circulated draft report as a PDF-to-text tool extracted it (a copy of ../shared/reference).
REFERENCE = Path(__file__).parent / "data" / "budapest-process-2021-10-14.ar.pdf.txt"
FOOTNOTE_ID = "kosovo-designation"

#: Arabic diacritics (tanween, harakat, shadda, sukun, dagger alef). The extraction puts many a
#: shadda one letter late ("الشماليةّ" for "الشماليّة", a shadda on a taa marbuta no writer types);
#: the example puts each back on its letter, so words are compared without marks and the marks
#: are compared as a multiset (none lost, none added).
MARKS = re.compile("[\u064b-\u0652\u0670]")
TATWEEL = "\u0640"
WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+|[0-9]+")

#: Where the extraction split a word across two visual line segments or glued two words together
#: at the edge of an emphasised run, as (tokens of the extraction, tokens of the logical text).
#: Each entry is one place in the reference; nothing else may differ.
EXTRACTION_ARTEFACTS: list[tuple[str, str]] = [
    ("الم تنقلين", "المتنقلين"),  # setting the scene, line wrapped mid-word
    ("المجموعاتالمهاجرين", "المجموعات المهاجرين"),  # bullet 2 of the considerations
    ("للا جئين", "للاجئين"),  # bullet 4, a) part
    ("أنح اء", "أنحاء"),  # bullet 4, split by the footnote mark
    ("وكوسوفوألف", "وكوسوفو ألف"),  # bullet 4, glued at the footnote mark
    ("مجموعاتوالنفسي", "مجموعات والنفسي"),  # needs, bullet 1
    ("أفغانست ان", "أفغانستان"),  # needs, bullet 2
    ("واللجوءهي", "واللجوء هي"),  # opening remarks, emphasised New Pact
    ("والفرصبينما", "والفرص بينما"),  # emphasised "needs and opportunities"
    ("رقمالجلسة", "رقم الجلسة"),  # session 1 title
    ("الفع الة", "الفعالة"),  # session 1, bullet 1
    ("البلدا ن", "البلدان"),  # session 1, bullet 4
    ("ك مصدر", "كمصدر"),  # session 1, bullet 7
    ("مقترحةفي", "مقترحة في"),  # session 2, emphasised "proposed measures"
    ("الشرا كات", "الشراكات"),  # session 2, last bullet
    ("وإجراءا ت", "وإجراءات"),  # takeaways, bullet 1
    ("شمجتمع امل", "مجتمع شامل"),  # takeaways, emphasised community of practitioners
]
#: The date line is written by the language preset (CLDR month name, time pattern); the
#: reference's "ص" (a.m.) after 10:00 is a mark a 24-hour time pattern leaves out.
DATE_LINE_OPTIONAL = {"ص"}


def normalise(text: str) -> str:
    """Text without tatweel and diacritics, for comparing words."""
    return MARKS.sub("", text.replace(TATWEEL, ""))


def words(text: str) -> list[str]:
    """Arabic words and digit runs of ``text``, diacritics removed."""
    return WORD.findall(normalise(text))


def marks(text: str) -> Counter[str]:
    """How many of each diacritic ``text`` carries."""
    return Counter(MARKS.findall(text))


def reference_paragraphs() -> list[str]:
    """The reference text cut at blank lines, whitespace collapsed."""
    blocks = re.split(r"\n\s*\n", REFERENCE.read_text(encoding="utf-8"))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def reference_lines(marker: str, count: int) -> tuple[str, str]:
    """The ``count`` lines of the reference starting at the line holding ``marker``, and the rest."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    (start,) = [i for i, line in enumerate(lines) if marker in line]
    picked = " ".join(lines[start : start + count])
    return picked, "\n".join(lines[:start] + lines[start + count :])


def reference_body() -> tuple[str, str]:
    """The reference text without its date line, and the date line (wrapped over two lines)."""
    date_line, body = reference_lines("التاريخ", 2)
    return body, date_line


def flow_text(flow: FlowDocument) -> tuple[str, str]:
    """Everything a reader of the exported report sees, without the date line, and the date line.

    Heading numbers and footnote numbers are written by Word, so they are added here as the
    reference shows them ("أهداف الاجتماع .1", "كوسوفو1", "1 هذا التعيين").
    """
    parts: list[str] = []
    date_line = ""
    for paragraph in flow.paragraphs:
        if paragraph.role is Role.DATE_LINE:
            date_line = paragraph.text
            continue
        if paragraph.number:
            parts.append(str(paragraph.number))
        parts.extend(str(item.number) if isinstance(item, NoteMark) else item.text for item in paragraph.inlines)
    for note in flow.notes:
        parts.append(str(note.number))
        parts.extend(run.text for run in note.inlines)
    return " ".join(parts), date_line


def reference_words() -> Counter[str]:
    """Every word of the reference but its date line, counted, with the extraction artefacts undone."""
    body, _ = reference_body()
    counted = Counter(words(body))
    for extracted, logical in EXTRACTION_ARTEFACTS:
        counted.subtract(words(extracted))
        counted.update(words(logical))
    assert min(counted.values()) >= 0, "an artefact listed that the reference does not have"
    return +counted


def word_differences(report: Report) -> tuple[Counter[str], Counter[str]]:
    """Words of the reference the report lacks, and words the report has beyond the reference.

    Counted as multisets, so a missing sentence shows even when each of its words occurs
    elsewhere in the report.
    """
    ours, _ = flow_text(flatten(report))
    expected = reference_words()
    actual = Counter(words(ours))
    return expected - actual, actual - expected


@pytest.fixture(scope="module")
def arabic() -> Report:
    return load_report(ARABIC)


@pytest.fixture(scope="module")
def english() -> Report:
    return load_report(ENGLISH)


# ------------------------------------------------------------------ files


@pytest.mark.parametrize("path", [ARABIC, ENGLISH], ids=["ar", "en"])
def test_example_file_is_canonical(path: Path) -> None:
    data = path.read_bytes()
    assert report_to_bytes(load_report(path)) == data, f"{path.name} is not as save_report writes it"


def test_languages_and_title_blocks(arabic: Report, english: Report) -> None:
    assert arabic.language == "ar"
    assert english.language in {"en", "en-GB"}
    for report in (arabic, english):
        assert report.title.date is not None
        assert report.title.date.isoformat() == "2021-10-14"
        assert (report.title.start_time, report.title.end_time) == (
            arabic.title.start_time,
            arabic.title.end_time,
        )
        assert report.title.start_time is not None
        assert report.title.start_time.isoformat(timespec="minutes") == "10:00"
    assert arabic.title.timezone == "بتوقيت وسط أوروبا"
    assert arabic.title.location == "افتراضي عبر تطبيق زوم"
    assert arabic.title.status == "مسودة التقرير"
    assert (english.title.timezone, english.title.location, english.title.status) == (
        "CET",
        "virtual, via Zoom",
        "Draft report",
    )


# -------------------------------------------------------------- structure


def shape(report: Report) -> list[object]:
    """What both languages must share: section kinds and levels, sessions, blocks, emphasis and notes."""

    def block_shape(block: Block) -> tuple[object, ...]:
        emphasised = sum(1 for item in block.content if isinstance(item, Span) and item.bold)
        notes = tuple(item.footnote_id for item in block.content if isinstance(item, FootnoteRef))
        return (block.kind, block.level, emphasised, notes)

    return [
        (
            section.kind,
            section.level,
            section.heading is None,
            [block_shape(block) for block in section.blocks],
            [participant.code for participant in section.participants],
            [(len(session.goals), [block_shape(block) for block in session.blocks]) for session in section.sessions],
        )
        for section in report.sections
    ]


def test_both_languages_have_the_same_structure(arabic: Report, english: Report) -> None:
    assert shape(arabic) == shape(english)
    assert [note.id for note in arabic.footnotes] == [note.id for note in english.footnotes] == [FOOTNOTE_ID]


def test_sections_follow_the_reference(arabic: Report) -> None:
    kinds = [(section.kind, section.level) for section in arabic.sections]
    assert kinds == [
        (SectionKind.OBJECTIVES, 1),
        (SectionKind.PARTICIPATION, 1),
        (SectionKind.OPENING_REMARKS, 1),
        (SectionKind.SETTING_THE_SCENE, 1),
        (SectionKind.DISCUSSION, 1),
        (SectionKind.TAKEAWAYS, 2),
    ]
    objectives, participation, opening, scene, discussion, takeaways = arabic.sections
    assert [block.kind for block in objectives.blocks] == [BlockKind.PARAGRAPH] + [BlockKind.BULLET] * 3
    assert [block.kind for block in participation.blocks] == [BlockKind.PARAGRAPH]
    assert [block.kind for block in opening.blocks] == [BlockKind.PARAGRAPH] * 2
    p, b, label = BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.LABEL
    assert [block.kind for block in scene.blocks] == [p, p, label, p, b, b, b, b, p, b, b]
    assert scene.blocks[2].plain_text == "عملية بودابست:"
    assert len(discussion.sessions) == 2
    first, second = discussion.sessions
    assert [(block.kind, block.level) for block in first.blocks] == [(b, 1)] * 7
    assert [block.level for block in second.blocks] == [1, 2, 2, 2, 1, 2, 2, 2, 2, 1, 1, 1]
    assert all(block.kind is b for block in second.blocks)
    assert [(block.kind, block.level) for block in takeaways.blocks] == [(b, 1)] * 2
    assert first.title.startswith("الجلسة الأولى: ")
    assert second.title.startswith("الجلسة الثانية: ")
    for session in (first, second):
        assert len(session.goals) == 2
        assert not any('"' in goal or "“" in goal for goal in session.goals), "the preset adds the quotes"


def test_default_headings_stay_unset(arabic: Report, english: Report) -> None:
    # The reference's headings are the Arabic preset's defaults, so renaming one in the preset renames it here.
    for report in (arabic, english):
        assert [section.heading for section in report.sections] == [None] * len(report.sections)


def test_emphasis_is_where_the_extraction_pulled_runs_out(arabic: Report) -> None:
    emphasised = [
        item.text for block in arabic.all_blocks() for item in block.content if isinstance(item, Span) and item.bold
    ]
    assert emphasised == [
        "الميثاق الجديد للهجرة واللجوء",
        "الاحتياجات والفرص",
        "التحديات المشتركة",
        "تدابير مقترحة",
        "مجتمع لممارسي إنفاذ القانون",
    ]


def test_a_and_b_parts_are_inline_in_one_bullet(arabic: Report) -> None:
    bullet = arabic.sections[3].blocks[7]
    text = bullet.plain_text
    assert text.index("أ) ") < text.index("ب) ")
    assert "(" not in text.split("أ)")[0], "parentheses must not be mirrored"


# ------------------------------------------------------------ participants


def test_thirteen_participants_with_territory_codes(arabic: Report, english: Report) -> None:
    territories = Locale("en").territories
    for report in (arabic, english):
        participants = report.sections[1].participants
        assert len(participants) == 13
        for participant in participants:
            assert participant.code in territories or participant.code == "org:EC", participant
    assert [item.name for item in arabic.sections[1].participants][3::8] == ["المجر", "تركيا"]


def test_participation_sentence_is_the_references(arabic: Report) -> None:
    (ours,) = [item.text for item in flatten(arabic).paragraphs if item.role is Role.PARTICIPANTS]
    (theirs,) = [text for text in reference_paragraphs() if text.startswith("النمسا ")]
    ours = " ".join(ours.split())
    # Same letters, words and punctuation; the same diacritics, each back on its own letter
    # ("والمفوضّية" in the extraction is "والمفوّضية").
    assert normalise(ours) == normalise(theirs)
    assert marks(ours) == marks(theirs)


# --------------------------------------------------------------- footnote


@pytest.mark.parametrize(("fixture", "word"), [("arabic", "كوسوفو"), ("english", "Kosovo")])
def test_footnote_referenced_once_right_after_kosovo(request: pytest.FixtureRequest, fixture: str, word: str) -> None:
    report: Report = request.getfixturevalue(fixture)
    assert report.footnote_refs() == [FOOTNOTE_ID]
    bullet = report.sections[3].blocks[7]
    index = next(i for i, item in enumerate(bullet.content) if isinstance(item, FootnoteRef))
    before = bullet.content[index - 1]
    assert isinstance(before, Span)
    assert before.text.endswith(word)
    flow = flatten(report)
    (paragraph,) = [p for p in flow.paragraphs if any(isinstance(item, NoteMark) for item in p.inlines)]
    assert paragraph.role is Role.BULLET
    assert [note.number for note in flow.notes] == [1]


def test_footnote_text_is_the_references(arabic: Report) -> None:
    note = arabic.footnote(FOOTNOTE_ID)
    assert note is not None
    ours = "".join(span.text for span in note.content)
    # The footnote's two lines sit mid-page in the extraction, glued to the bullet after them.
    theirs, _ = reference_lines("هذا التعيين", 2)
    # "1" is the note's number, which Word writes.
    assert sorted(["1", *words(ours)]) == sorted(words(theirs))
    assert marks(ours) == marks(theirs)


# --------------------------------------------------------------- coverage


def test_every_word_of_the_reference_is_in_the_example(arabic: Report) -> None:
    ours, _ = flow_text(flatten(arabic))
    reference_set = set(reference_words())
    example_set = set(words(ours))
    coverage = len(reference_set & example_set) / len(reference_set)
    lacking = sorted(reference_set - example_set)
    assert coverage >= 0.99, f"{coverage:.1%} of the reference's words; missing: {lacking}"
    # The strict form: every occurrence of every word, so a dropped sentence shows.
    missing, extra = word_differences(arabic)
    assert not missing, f"words of the reference missing from the example: {dict(missing)}"
    assert not extra, f"words in the example that the reference lacks: {dict(extra)}"


def test_every_diacritic_of_the_reference_is_kept(arabic: Report) -> None:
    body, _ = reference_body()
    ours, _ = flow_text(flatten(arabic))
    assert marks(ours) == marks(body)


def test_date_line_words_come_from_the_reference(arabic: Report) -> None:
    _, theirs = reference_body()
    _, ours = flow_text(flatten(arabic))
    assert set(words(ours)) <= set(words(theirs))
    assert set(words(theirs)) - DATE_LINE_OPTIONAL <= set(words(ours)), ours


def test_coverage_check_notices_a_missing_sentence(arabic: Report) -> None:
    # The shortest sentence of the report, all of whose words but a few occur elsewhere too.
    session = arabic.sections[4].sessions[0]
    dropped = session.blocks[1]
    assert dropped.plain_text.startswith("يجب إنشاء المزيد من مراكز الاستقبال")
    blocks = [block for block in session.blocks if block is not dropped]
    sessions = [replace(session, blocks=blocks), arabic.sections[4].sessions[1]]
    sections = list(arabic.sections)
    sections[4] = replace(sections[4], sessions=sessions)
    missing, extra = word_differences(replace(arabic, sections=sections))
    assert sum(missing.values()) == len(words(dropped.plain_text))
    assert not extra
