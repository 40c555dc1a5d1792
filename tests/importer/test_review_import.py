"""Reviewers' marks the importer reads, one kind at a time: in our own drafts reviewed (tools/make_review_draft.py's
Draft) and in markup written by hand as Word and LibreOffice write it."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.report import (
    BlockFormatChange,
    BlockKind,
    Change,
    FieldChange,
    FootnoteRef,
    FormatChange,
    Report,
    SectionKind,
    Span,
)
from minutes_editor.storage.minutes_file import load_report
from tests.importer.helpers import make_docx, p, r
from tests.support.examples import example_path
from tests.support.libreoffice import convert

ROOT = Path(__file__).resolve().parents[2]


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_review_draft", ROOT / "tools" / "make_review_draft.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_review_draft", module)
    spec.loader.exec_module(module)
    return module


def utc(*values: int) -> dt.datetime:
    return dt.datetime(*values, tzinfo=dt.UTC)


# ------------------------------------------------- fields that are not body text


@pytest.fixture(scope="module")
def fields_reviewed(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Our English export with a heading, a session title, goals, the date line and the title changed, and
    comments on a session title, goals, the date line and the participants."""
    folder = tmp_path_factory.mktemp("fields")
    exported = folder / "draft.docx"
    export_docx(load_report(example_path("en")), exported)
    make = tool()
    draft = make.Draft(exported, rtl=False)
    edit = draft.reviewing
    ana = make.Reviewer("Ana Kovač", "AK", "2021-10-20T09")
    heading = edit.paragraph("Setting the scene")
    edit.delete(ana, 1, heading, "scene")
    edit.append(ana, 1, heading, "stage")
    session = edit.paragraph("Session 1: Cooperation")
    edit.delete(ana, 2, session, " of the Budapest Process")
    goals = edit.paragraph("“Preventing migrant smuggling")
    edit.delete(ana, 3, goals, " and “Facilitating effective return and reintegration”")
    date_line = draft.styled("MeetingDate")
    edit.delete(ana, 4, date_line, "10:00")
    edit.insert(ana, 4, date_line, "–13:00", "09:30")
    title = draft.styled("Title")
    edit.insert(ana, 5, title, "working groups", "joint ")
    edit.comment(make.runs_of(session, "Session 1"), ana, 6, ("Number the sessions?",))
    edit.comment(make.runs_of(goals, "Preventing migrant smuggling"), ana, 7, ("Quote the goal exactly.",))
    edit.comment(make.runs_of(date_line, "14 October 2021"), ana, 8, ("Check the date.",))
    participants = draft.styled("Participants")
    edit.comment(make.runs_of(participants, "Austria"), ana, 9, ("Austria sent two delegates.",))
    draft.save(folder / "reviewed.docx")
    result = import_docx(folder / "reviewed.docx")
    assert result.notes == []
    return result.report


def test_changes_in_headings_titles_goals_and_the_date_line_are_field_changes(fields_reviewed: Report) -> None:
    report = fields_reviewed
    section = next(s for s in report.sections if s.kind is SectionKind.SETTING_THE_SCENE)
    session = next(s for section in report.sections for s in section.sessions)

    def ana(minute: int) -> Change:
        return Change("Ana Kovač", utc(2021, 10, 20, 9, minute))

    assert report.field_changes == [
        FieldChange("TitleBlock.meeting", "", report.title.meeting.replace("joint ", ""), ana(5)),
        FieldChange("TitleBlock.start_time", "", dt.time(10, 0), ana(4)),
        # The default heading, as the report keeps it: None.
        FieldChange("Section.heading", section.id, None, ana(1)),
        FieldChange("Session.title", session.id, f"{session.title} of the Budapest Process", ana(2)),
        FieldChange(
            "Session.goals",
            session.id,
            [
                "Preventing migrant smuggling and combating organised crime",
                "Facilitating effective return and reintegration",
            ],
            ana(3),
        ),
    ]
    # The fields read as the lines now read.
    assert section.heading == "Setting the stage"
    assert session.title == "Session 1: Cooperation opportunities under Priority Goal 1"
    assert session.goals == ["Preventing migrant smuggling and combating organised crime"]
    assert (report.title.start_time, report.title.end_time) == (dt.time(9, 30), dt.time(13, 0))
    assert report.title.meeting.endswith("Region joint working groups")


def test_comments_on_lines_that_are_not_body_text_name_their_field(fields_reviewed: Report) -> None:
    report = fields_reviewed
    session = next(s for section in report.sections for s in section.sessions)
    participation = next(s for s in report.sections if s.kind is SectionKind.PARTICIPATION)
    assert [(c.text, c.field_name, c.owner) for c in report.comments] == [
        (["Number the sessions?"], "Session.title", session.id),
        (["Quote the goal exactly."], "Session.goals", session.id),
        (["Check the date."], "TitleBlock.date", ""),
        (["Austria sent two delegates."], "Section.participants", participation.id),
    ]
    # No body text carries them.
    assert not any(isinstance(item, Span) and item.comments for b in report.all_blocks() for item in b.content)


# ------------------------------------------------------------- hand-made markup

STYLES = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/></w:style>'
)
ED = 'w:author="Ed" w:date="2021-10-20T10:00:00Z"'


def imported(tmp_path: Path, body: str, **parts: str) -> tuple[Report, list[str]]:
    result = import_docx(
        make_docx(tmp_path / "draft.docx", p("Discussion", style="Heading1") + body, styles=STYLES, **parts)
    )
    return result.report, result.notes


def test_a_change_of_bullet_level_or_block_kind_is_the_blocks_old_format(tmp_path: Path) -> None:
    body = (
        # Level 1 to level 2, a paragraph made a bullet, and a change of spacing only.
        '<w:p><w:pPr><w:pStyle w:val="ListBullet2"/><w:pPrChange w:id="1" '
        + ED
        + '><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr></w:pPrChange></w:pPr>'
        + r("Deeper.")
        + "</w:p>"
        + '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:pPrChange w:id="2" w:author="Ed"><w:pPr/></w:pPrChange>'
        + "</w:pPr>"
        + r("Now a bullet.")
        + "</w:p>"
        + '<w:p><w:pPr><w:spacing w:after="120"/><w:pPrChange w:id="3" w:author="Ed"><w:pPr/></w:pPrChange></w:pPr>'
        + r("Spaced.")
        + "</w:p>"
    )
    report, notes = imported(tmp_path, body)
    deeper, bullet, spaced = report.all_blocks()
    assert (deeper.kind, deeper.level) == (BlockKind.BULLET, 2)
    assert deeper.old_format == BlockFormatChange(Change("Ed", utc(2021, 10, 20, 10)), BlockKind.BULLET, 1)
    assert bullet.old_format == BlockFormatChange(Change("Ed"), BlockKind.PARAGRAPH, 1)
    assert spaced.old_format is None
    assert notes == [
        "1 tracked formatting change(s) changed only what a report does not keep (fonts, sizes, colours, spacing);"
        " they were left out."
    ]


def test_a_change_of_emphasis_keeps_the_emphasis_before(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Plain, ")
        + '<w:r><w:rPr><w:i/><w:rPrChange w:id="1" '
        + ED
        + "><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>now italic</w:t></w:r>"
        # LibreOffice leaves the old properties out: there were none.
        + '<w:r><w:rPr><w:u w:val="single"/><w:rPrChange w:id="2" w:author="Lo"/></w:rPr><w:t>, underlined</w:t></w:r>'
        + "</w:p>"
    )
    report, notes = imported(tmp_path, body)
    assert report.all_blocks()[0].content == [
        Span("Plain, "),
        Span("now italic", italic=True, old_format=FormatChange(Change("Ed", utc(2021, 10, 20, 10)), bold=True)),
        Span(", underlined", underline=True, old_format=FormatChange(Change("Lo"))),
    ]
    assert notes == []


FOOTNOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>' + r(" Two.") + "</w:p></w:footnote>"
    # Enter pressed at the end of the note's text (that paragraph's mark is new), then a sentence typed.
    '<w:footnote w:id="3"><w:p><w:pPr><w:rPr><w:ins w:id="8" w:author="Ed"/></w:rPr></w:pPr>'
    "<w:r><w:footnoteRef/></w:r>" + r(" Three.") + "</w:p>"
    '<w:p><w:ins w:id="9" w:author="Ed"><w:r><w:t>A new paragraph.</w:t></w:r></w:ins></w:p></w:footnote>'
)


def test_footnote_references_and_footnote_text_carry_their_changes(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Text")
        + f'<w:ins w:id="4" {ED}><w:r><w:footnoteReference w:id="2"/></w:r></w:ins>'
        + f'<w:del w:id="5" {ED}><w:r><w:footnoteReference w:id="3"/></w:r></w:del>'
        + "</w:p>"
    )
    report, notes = imported(tmp_path, body, footnotes=FOOTNOTES)
    ed = Change("Ed", utc(2021, 10, 20, 10))
    assert report.all_blocks()[0].content == [
        Span("Text"),
        FootnoteRef("1", inserted=ed),
        FootnoteRef("2", deleted=ed),
    ]
    # A paragraph added to a note: the space that joins it to the note's text is inserted with it.
    assert report.footnotes[1].content == [Span("Three."), Span(" A new paragraph.", inserted=Change("Ed"))]
    assert notes == []


def test_text_inserted_by_one_reviewer_and_deleted_by_another_carries_both(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Kept ")
        + '<w:ins w:id="1" w:author="Ana" w:date="2021-10-20T09:00:00">'
        + '<w:del w:id="2" w:author="Omar" w:date="not a date"><w:r><w:delText>twice</w:delText></w:r></w:del>'
        + "</w:ins>"
        # A scrubbed file: no author, no date.
        + '<w:del w:id="3"><w:r><w:delText> gone</w:delText></w:r></w:del>'
        + "</w:p>"
    )
    report, _ = imported(tmp_path, body)
    # A date without an offset is UTC; one that cannot be read is left out; no author is "".
    assert report.all_blocks()[0].content == [
        Span("Kept "),
        Span("twice", inserted=Change("Ana", utc(2021, 10, 20, 9)), deleted=Change("Omar")),
        Span(" gone", deleted=Change("")),
    ]


def test_a_comment_on_no_text_keeps_its_place(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Before ")
        + '<w:commentRangeStart w:id="1"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
        + r("between ")
        + '<w:r><w:commentReference w:id="2"/></w:r>'
        + r("after.")
        + "</w:p>"
    )
    comments = (
        '<w:comment w:id="1" w:author="Ed"><w:p><w:r><w:t>Here?</w:t></w:r></w:p></w:comment>'
        '<w:comment w:id="2" w:author="Ed"><w:p><w:r><w:t>And here?</w:t></w:r></w:p></w:comment>'
    )
    report, notes = imported(tmp_path, body, comments=comments)
    first, second = report.comments
    assert report.all_blocks()[0].content == [
        Span("Before "),
        Span("", comments=(first.id,)),
        Span("between "),
        Span("", comments=(second.id,)),
        Span("after."),
    ]
    assert notes == []


THREAD = (
    "<w:p>"
    + '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/>'
    + r("Agreed text")
    + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
    + '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>'
    + r(" and more.")
    + "</w:p>"
)


def comment(number: int, author: str, day: int, text: str, para_id: str = "") -> str:
    paragraph = f'<w:p w14:paraId="{para_id}">' if para_id else "<w:p>"
    return (
        f'<w:comment w:id="{number}" w:author="{author}" w:date="2021-10-{day}T10:00:00Z">'
        f"{paragraph}<w:r><w:t>{text}</w:t></w:r></w:p></w:comment>"
    )


def test_replies_and_resolved_state_come_from_comments_extended(tmp_path: Path) -> None:
    comments = (
        comment(0, "Ana", 20, "Is this agreed?", "0000000A")
        + comment(1, "Omar", 21, "Yes.", "0000000B")
        + comment(2, "Ana", 22, "Thanks.", "0000000C")
    )
    # Omar answers Ana; Ana answers Omar's answer: Word's threads are flat, so both answer the first comment.
    extended = (
        '<w15:commentEx w15:paraId="0000000A" w15:done="1"/>'
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/>'
        '<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000B" w15:done="0"/>'
    )
    report, notes = imported(tmp_path, THREAD, comments=comments, comments_extended=extended)
    first, second, third = report.comments
    assert [(c.author, c.parent, c.done) for c in report.comments] == [
        ("Ana", "", True),
        ("Omar", first.id, False),
        ("Ana", first.id, False),
    ]
    assert report.all_blocks()[0].content[0] == Span("Agreed text", comments=(first.id, second.id, third.id))
    assert notes == []


@pytest.mark.parametrize(
    ("application", "threaded"), [("LibreOffice/7.4.7.2$Linux_X86_64", True), ("Microsoft Office Word", False)]
)
def test_libreoffice_replies_are_comments_on_the_same_text(tmp_path: Path, application: str, threaded: bool) -> None:
    """LibreOffice 7.4 writes no reply links: comments on exactly the same text are a thread, the earliest first.

    Only in a file LibreOffice saved: two comments Word saved on the same words stay two threads.
    """
    # LibreOffice numbers a reply before its comment, and writes commentsExtended.xml only for resolved ones.
    comments = (
        comment(1, "Ana", 20, "Is this agreed?") + comment(0, "Omar", 21, "Yes.") + comment(2, "Ana", 22, "Good.")
    )
    path = make_docx(
        tmp_path / "lo.docx",
        p("Discussion", style="Heading1") + THREAD,
        styles=STYLES,
        comments=comments,
        application=application,
    )
    report = import_docx(path).report
    first = report.comments[0]
    parents = [c.parent for c in report.comments]
    assert parents == (["", first.id, first.id] if threaded else ["", "", ""])


def test_a_heading_deleted_whole_is_kept_and_noted(tmp_path: Path) -> None:
    body = (
        p("First point.")
        + '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:del w:id="1" w:author="Ed"/></w:rPr></w:pPr>'
        + '<w:del w:id="2" w:author="Ed"><w:r><w:delText>Key takeaways</w:delText></w:r></w:del></w:p>'
        + p("Second point.")
    )
    report, notes = imported(tmp_path, body)
    assert [(s.kind, s.heading) for s in report.sections] == [
        (SectionKind.GENERIC, "Discussion"),
        (SectionKind.TAKEAWAYS, "Key takeaways"),
    ]
    assert notes == [
        'A tracked change by Ed in section "Key takeaways" could not be kept as a pending change: a report cannot'
        ' hold a proposed removal of a section or session, so the heading was kept: "Key takeaways"'
    ]


def test_a_reply_loop_and_a_mark_without_its_comment_are_read_safely(tmp_path: Path) -> None:
    """Broken files: two comments answering each other start a thread each; a mark whose comment is missing
    anchors nothing (no span names a comment the report does not have)."""
    body = THREAD.replace('w:id="2"', 'w:id="9"')
    comments = comment(0, "Ana", 20, "One.", "0000000A") + comment(1, "Omar", 21, "Two.", "0000000B")
    extended = (
        '<w15:commentEx w15:paraId="0000000A" w15:paraIdParent="0000000B"/>'
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A"/>'
    )
    report, notes = imported(tmp_path, body, comments=comments, comments_extended=extended)
    first, second = report.comments
    assert (first.parent, second.parent) == ("", "")
    assert report.all_blocks()[0].content[0] == Span("Agreed text", comments=(first.id, second.id))
    assert notes == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_same_marks_saved_again_by_libreoffice_read_the_same(tmp_path: Path) -> None:
    """Old kinds and levels, old emphasis, footnote references, a paragraph split and a thread: LibreOffice writes
    each its own way (pPrChange without old properties, rPrChange without old emphasis, no reply links)."""
    body = (
        p("Discussion", style="Heading1")
        + '<w:p><w:pPr><w:pStyle w:val="ListBullet2"/><w:pPrChange w:id="1" '
        + ED
        + '><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr></w:pPrChange></w:pPr>'
        + r("Deeper.")
        + "</w:p>"
        + '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:pPrChange w:id="2" w:author="Ed"><w:pPr/></w:pPrChange>'
        + "</w:pPr>"
        + r("Now a bullet.")
        + "</w:p>"
        + "<w:p>"
        + '<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Ed"><w:rPr/></w:rPrChange></w:rPr><w:t>Bold</w:t></w:r>'
        + r(" text")
        + f'<w:ins w:id="4" {ED}><w:r><w:footnoteReference w:id="2"/></w:r></w:ins>'
        + f'<w:del w:id="5" {ED}><w:r><w:footnoteReference w:id="3"/></w:r></w:del>'
        # Not at the paragraph's end: LibreOffice 7.4 marks the paragraph's mark deleted with a deletion there.
        + r(".")
        + "</w:p>"
        + f'<w:p><w:pPr><w:rPr><w:ins w:id="6" {ED}/></w:rPr></w:pPr>'
        + r("Split here,")
        + "</w:p>"
        + p("and here.")
        + THREAD
    )
    comments = (
        comment(0, "Ana", 20, "Is this agreed?", "0000000A")
        + comment(1, "Omar", 21, "Yes.", "0000000B")
        + comment(2, "Ana", 22, "Thanks.", "0000000C")
    )
    extended = (
        '<w15:commentEx w15:paraId="0000000A" w15:done="1"/>'
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/>'
        '<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000A" w15:done="0"/>'
    )
    word = make_docx(
        tmp_path / "word.docx", body, styles=STYLES, footnotes=FOOTNOTES, comments=comments, comments_extended=extended
    )
    [saved] = convert([word], "docx:MS Word 2007 XML", tmp_path / "lo")

    def summary(path: Path) -> tuple[object, ...]:
        result = import_docx(path)
        report = result.report
        blocks = [(b.kind, b.level, b.old_format, b.inserted, b.deleted, b.content) for b in report.all_blocks()]
        order = {c.id: i for i, c in enumerate(report.comments)}
        threads = [(c.author, c.text, c.date, order.get(c.parent), c.done) for c in report.comments]
        # Comment ids are the report's own: compare where each comment is by its place in the list.
        for block in blocks:
            for item in block[-1]:
                if isinstance(item, Span):
                    item.comments = tuple(str(order[c]) for c in item.comments)
        return result.notes, blocks, threads, [note.content for note in report.footnotes]

    assert summary(saved) == summary(word)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_stable_ids_our_writer_names_come_back(tmp_path: Path, language: str) -> None:
    report = load_report(example_path(language))
    export_docx(report, tmp_path / "draft.docx")
    back = import_docx(tmp_path / "draft.docx").report

    def ids(of: Report) -> tuple[list[str], list[str], list[str]]:
        sessions = [session.id for section in of.sections for session in section.sessions]
        return [section.id for section in of.sections], sessions, [block.id for block in of.all_blocks()]

    assert ids(back) == ids(report)


def test_a_paragraph_copied_with_its_id_gets_a_new_one(tmp_path: Path) -> None:
    marked = '<w:p><w:bookmarkStart w:id="1" w:name="_MinutesId_0a1b2c3d4e5f"/><w:bookmarkEnd w:id="1"/>'
    body = marked + r("Original.") + "</w:p>" + marked + r("Copy.") + "</w:p>"
    report, _ = imported(tmp_path, body)
    original, copy = report.all_blocks()
    assert original.id == "0a1b2c3d4e5f"
    assert copy.id not in ("", "0a1b2c3d4e5f")
