"""Pending changes and comments exported as Word's tracked changes and comments (docs/review.md, issue 15 point 3).

The law: Accept All on the exported draft shows what the export of the
accepted report shows, and Reject All what the export of the rejected one
shows, body and footnotes, paragraph styles, list levels and emphasis
included (tests/export/word_views.py reads both views from the XML).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter

import pytest
from lxml import etree

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from tests.export.reports import ARABIC, Docx, english_report, q, text_of, xpath
from tests.export.review_cases import ALICE, BOB, MOVE_FROM, VIEWS, ZAHRA, case
from tests.export.word_views import Para, Text, view
from tests.support.ooxml import missing_reason, validate_part, wml_schema

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w15": W15, "w14": W14}
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
LANGUAGES = ("en", "ar")


@pytest.fixture(scope="module")
def exported() -> dict[tuple[str, str], bytes]:
    return {(language, name): render_docx(case(language, name)).data for language in LANGUAGES for name in VIEWS}


def parts(data: bytes) -> dict[str, etree._Element]:
    return Docx.read(data).parts


# ------------------------------------------------------------------ the law


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("accept", [True, False], ids=["accept-all", "reject-all"])
def test_accept_all_and_reject_all_show_the_exports_of_the_accepted_and_rejected_reports(
    exported: dict[tuple[str, str], bytes], language: str, accept: bool
) -> None:
    expected_report = "accepted" if accept else "rejected"
    shown = view(exported[language, "draft"], accept=accept)
    expected = view(exported[language, expected_report], accept=accept)
    assert shown.texts() == expected.texts()
    assert shown == expected  # styles, list levels and emphasis too


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_law_is_not_empty(exported: dict[tuple[str, str], bytes], language: str) -> None:
    # The two views of the draft differ everywhere a mark is, and the expected exports carry no revision at all.
    accepted, rejected = view(exported[language, "draft"], accept=True), view(exported[language, "draft"], accept=False)
    assert len(accepted.body) != len(rejected.body)
    assert accepted.notes != rejected.notes
    assert sum(a != r for a, r in zip(accepted.body, rejected.body, strict=False)) >= 8
    for name in ("accepted", "rejected"):
        document = parts(exported[language, name])["word/document.xml"]
        assert not xpath(document, "//w:ins|//w:del|//w:moveFrom|//w:moveTo|//w:rPrChange|//w:pPrChange")
        assert view(exported[language, name], accept=True) == view(exported[language, name], accept=False)


def test_the_reader_joins_a_paragraph_whose_end_goes_with_the_next() -> None:
    # The view reader itself, on hand-written XML: the check that holds the law must be able to fail.
    body = (
        '<w:p><w:pPr><w:pStyle w:val="A"/><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">one </w:t></w:r><w:ins w:id="2" w:author="x"><w:r><w:t>new </w:t></w:r></w:ins>'
        '</w:p><w:p><w:pPr><w:pStyle w:val="B"/></w:pPr><w:ins w:id="3" w:author="x"><w:del w:id="4" w:author="y">'
        '<w:r><w:delText>gone</w:delText></w:r></w:del></w:ins><w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="x">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>two</w:t></w:r></w:p>"
    )
    data = _docx(body)
    assert view(data, accept=True).body == [Para("B", None, (Text("one new "), Text("two", bold=True)))]
    assert view(data, accept=False).body == [Para("A", None, (Text("one "),)), Para("B", None, (Text("two"),))]


def _docx(body: str) -> bytes:
    document = f'<w:document xmlns:w="{NS["w"]}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


# ------------------------------------------------------------------ the markup


@pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_draft_is_schema_valid(exported: dict[tuple[str, str], bytes], language: str) -> None:
    schema = wml_schema()
    assert schema is not None
    with zipfile.ZipFile(io.BytesIO(exported[language, "draft"])) as archive:
        for name in ("word/document.xml", "word/footnotes.xml", "word/comments.xml"):
            assert validate_part(archive.read(name), schema) == [], name


def test_schema_validation_sees_a_misplaced_revision() -> None:
    # The check must be able to fail: w:rPrChange must be the last child of w:rPr.
    schema = wml_schema()
    if schema is None:
        pytest.skip(missing_reason() or "")
    bad = _docx_part(
        '<w:p><w:r><w:rPr><w:rPrChange w:id="1" w:author="x"><w:rPr/></w:rPrChange><w:b/></w:rPr></w:r></w:p>'
    )
    assert validate_part(bad, schema)


def _docx_part(body: str) -> bytes:
    return f'<w:document xmlns:w="{NS["w"]}"><w:body>{body}</w:body></w:document>'.encode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_revision_bookmark_and_comment_id_is_unique(
    exported: dict[tuple[str, str], bytes], language: str
) -> None:
    found = parts(exported[language, "draft"])
    ids: list[str] = []
    for name in ("word/document.xml", "word/footnotes.xml"):
        root = found[name]
        revisions = [f"//w:{tag}" for tag in (*REVISIONS, "moveFromRangeStart", "moveToRangeStart", "bookmarkStart")]
        ids += [element.get(q("w:id")) for element in xpath(root, "|".join(revisions))]
        ids += [element.get(q("w:id")) for element in xpath(root, "//w:commentRangeStart")]
    assert len(ids) > 60
    assert [value for value, count in Counter(ids).items() if count > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_revisions_name_their_authors_and_dates(exported: dict[tuple[str, str], bytes], language: str) -> None:
    found = parts(exported[language, "draft"])
    stamps = Counter()
    for name in ("word/document.xml", "word/footnotes.xml"):
        for element in xpath(found[name], "|".join(f"//w:{tag}" for tag in REVISIONS)):
            stamps[element.get(q("w:author")), element.get(q("w:date"))] += 1
    assert set(stamps) == {
        (ALICE.author, "2024-05-06T09:30:00Z"),
        (BOB.author, "2024-05-07T14:00:00Z"),
        (ZAHRA.author, "2024-05-08T08:15:00Z"),
        (MOVE_FROM.author, "2024-05-06T10:00:00Z"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_kind_of_mark_has_its_markup(exported: dict[tuple[str, str], bytes], language: str) -> None:
    found = parts(exported[language, "draft"])
    document, notes = found["word/document.xml"], found["word/footnotes.xml"]
    # Inserted then deleted: w:del inside w:ins, with the text as w:delText.
    nested = xpath(document, "//w:ins/w:del/w:r/w:delText")
    assert len(nested) == 1
    # A formatting change keeps the old emphasis (italic, both halves) as the last child of w:rPr.
    change = xpath(document, "//w:rPr/w:rPrChange")
    assert len(change) == 1
    assert change[0].getparent()[-1] is change[0]
    assert [child.tag for child in change[0][0]][:2] == [q("w:i"), q("w:iCs")]
    # Footnote references inserted and deleted; footnote text with both.
    assert len(xpath(document, "//w:ins/w:r/w:footnoteReference")) == 1
    assert len(xpath(document, "//w:del/w:r/w:footnoteReference")) == 1
    assert xpath(notes, "//w:footnote/w:p/w:ins/w:r/w:t")
    assert xpath(notes, "//w:footnote/w:p/w:del/w:r/w:delText")
    # Paragraph ends: inserted (split, inserted bullet, subtitle), deleted (join, deleted bullet, status, last).
    assert len(xpath(document, "//w:pPr/w:rPr/w:ins")) == 3
    assert len(xpath(document, "//w:pPr/w:rPr/w:del")) == 4
    # Type and level changes: the old style and numbering.
    old = xpath(document, "//w:pPr/w:pPrChange/w:pPr")
    assert len(old) == 2
    assert [bool(xpath(p, "w:numPr")) for p in old] == [False, True]
    assert xpath(old[1], "string(w:numPr/w:ilvl/@w:val)") == "0"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_move_is_a_named_range_at_each_end(exported: dict[tuple[str, str], bytes], language: str) -> None:
    document = parts(exported[language, "draft"])["word/document.xml"]
    for side in ("moveFrom", "moveTo"):
        starts = xpath(document, f"//w:{side}RangeStart")
        assert [start.get(q("w:name")) for start in starts] == ["move1"]
        assert starts[0].get(q("w:date")) == "2024-05-06T10:00:00Z"
        paragraph = starts[0].getparent()
        # The range holds the moved run and ends in the same paragraph, whose end is moved too.
        children = list(paragraph)
        start = children.index(starts[0])
        end = next(i for i, child in enumerate(children) if child.tag == q(f"w:{side}RangeEnd"))
        assert end > start
        assert any(child.tag == q(f"w:{side}") for child in children[start:end])
        assert xpath(paragraph, f"w:pPr/w:rPr/w:{side}")
        assert xpath(paragraph, f"string(w:{side}RangeEnd/@w:id)") == starts[0].get(q("w:id"))


def test_a_move_without_a_date_is_a_plain_deletion_and_insertion() -> None:
    # wml.xsd wants a date on a move's range.
    undated = Change("Alice", None, move="m")
    report = Report(
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.BULLET, [Span("a", deleted=undated)], deleted=undated),
                    Block(BlockKind.BULLET, [Span("b")]),
                    Block(BlockKind.BULLET, [Span("a", inserted=undated)], inserted=undated),
                ],
            )
        ]
    )
    document = parts(render_docx(report).data)["word/document.xml"]
    assert not xpath(document, "//w:moveFrom|//w:moveTo|//w:moveFromRangeStart|//w:moveToRangeStart")
    assert xpath(document, "//w:del[not(@w:date)]/w:r/w:delText")
    assert xpath(document, "//w:ins[not(@w:date)]/w:r/w:t")


# ------------------------------------------------------------------ comments


@pytest.mark.parametrize("language", LANGUAGES)
def test_comments_are_written_with_their_threads_and_state(
    exported: dict[tuple[str, str], bytes], language: str
) -> None:
    report = case(language, "draft")
    found = parts(exported[language, "draft"])
    comments = xpath(found["word/comments.xml"], "/w:comments/w:comment")
    assert [c.get(q("w:author")) for c in comments] == [c.author for c in report.comments]
    assert [c.get(q("w:initials")) for c in comments] == [c.initials for c in report.comments]
    assert [c.get(q("w:date")) for c in comments] == [
        None if c.date is None else c.date.strftime("%Y-%m-%dT%H:%M:%SZ") for c in report.comments
    ]
    assert [[text_of(p) for p in xpath(c, "w:p")] for c in comments] == [c.text for c in report.comments]
    assert all(xpath(c, "w:p[1]/w:r[1]/w:annotationRef") for c in comments)
    para_ids = [[p.get(f"{{{W14}}}paraId") for p in xpath(c, "w:p")] for c in comments]
    flat = [value for ids in para_ids for value in ids]
    assert all(re.fullmatch("[0-9A-F]{8}", value) and 0 < int(value, 16) < 0x80000000 for value in flat)
    assert len(set(flat)) == len(flat)
    extended = found["word/commentsExtended.xml"].xpath("/w15:commentsEx/w15:commentEx", namespaces=NS)
    last = {c.id: ids[-1] for c, ids in zip(report.comments, para_ids, strict=True)}
    assert [e.get(f"{{{W15}}}paraId") for e in extended] == [last[c.id] for c in report.comments]
    assert [e.get(f"{{{W15}}}paraIdParent") for e in extended] == [
        last[c.parent] if c.parent else None for c in report.comments
    ]
    assert [e.get(f"{{{W15}}}done") for e in extended] == ["1" if c.done else "0" for c in report.comments]
    # Ignorable extensions are declared so, as Word writes them.
    root = found["word/comments.xml"]
    assert set(root.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable", "").split()) >= {
        "w14"
    }
    # Relationships and content types.
    rels = xpath(found["word/_rels/document.xml.rels"], "/pr:Relationships/pr:Relationship")
    targets = {rel.get("Type").rsplit("/", 1)[-1]: rel.get("Target") for rel in rels}
    assert targets["comments"] == "comments.xml"
    assert targets["commentsExtended"] == "commentsExtended.xml"
    types = {
        o.get("PartName"): o.get("ContentType") for o in xpath(found["[Content_Types].xml"], "/ct:Types/ct:Override")
    }
    assert types["/word/comments.xml"].endswith("wordprocessingml.comments+xml")
    assert types["/word/commentsExtended.xml"].endswith("wordprocessingml.commentsExtended+xml")


@pytest.mark.parametrize("language", LANGUAGES)
def test_comment_ranges_cover_their_text(exported: dict[tuple[str, str], bytes], language: str) -> None:
    report = case(language, "draft")
    found = parts(exported[language, "draft"])
    document = found["word/document.xml"]
    w_ids = [comment.get(q("w:id")) for comment in xpath(found["word/comments.xml"], "//w:comment")]

    def covered(w_id: str) -> str:
        start = xpath(document, f"//w:commentRangeStart[@w:id='{w_id}']")
        end = xpath(document, f"//w:commentRangeEnd[@w:id='{w_id}']")
        assert len(start) == len(end) == 1
        assert start[0].getparent() is end[0].getparent(), "each range here lies in one paragraph"
        siblings = list(start[0].getparent())
        between = siblings[siblings.index(start[0]) + 1 : siblings.index(end[0])]
        # Its reference run follows the end.
        reference = siblings[siblings.index(end[0]) + 1]
        assert xpath(reference, "string(w:commentReference/@w:id)") == w_id
        return "".join(text_of(element) for element in between if not xpath(element, "self::w:r[w:commentReference]"))

    t = report.sections[0].blocks[0].content[2]
    assert isinstance(t, Span)
    assert covered(w_ids[0]) == t.text  # a comment on a span
    assert covered(w_ids[1]) == t.text  # its reply: the same range
    assert covered(w_ids[2]) == report.sections[0].blocks[1].content[0].text  # type: ignore[union-attr]
    # A comment on a field covers the whole of the heading (its diff, deleted words as w:delText).
    heading = covered(w_ids[3])
    assert heading == report.sections[0].heading


def test_a_comment_on_no_text_is_placed_at_the_start_with_a_warning() -> None:
    report = Report(
        sections=[Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.PARAGRAPH, [Span("text")])])],
        comments=[Comment("lost", "Dana", ["Where am I?"]), Comment("reply", "Eve", ["Here."], parent="lost")],
    )
    output = render_docx(report)
    document = parts(output.data)["word/document.xml"]
    first = xpath(document, "/w:document/w:body/w:p[1]")[0]
    assert len(xpath(first, "w:commentRangeStart")) == 2
    assert len(xpath(first, "w:r/w:commentReference")) == 2
    assert [str(warning) for warning in output.warnings if "comment" in str(warning)] == [
        "The comment by Dana is on no text of the report; it is placed at the start of the document."
    ]


def test_a_report_without_comments_has_no_comments_part() -> None:
    names = Docx.read(render_docx(english_report()).data).names
    assert "word/comments.xml" not in names
    assert "word/commentsExtended.xml" not in names


def test_a_draft_with_pending_changes_asks_word_to_keep_tracking(exported: dict[tuple[str, str], bytes]) -> None:
    # The delegations' own edits then come back tracked; a report without pending changes is left alone.
    for language in LANGUAGES:
        settings = parts(exported[language, "draft"])["word/settings.xml"]
        assert xpath(settings, "w:trackRevisions"), language
        accepted = parts(exported[language, "accepted"])["word/settings.xml"]
        assert not xpath(accepted, "w:trackRevisions"), language
    assert not xpath(parts(render_docx(english_report()).data)["word/settings.xml"], "w:trackRevisions")
    assert validate_part(parts(exported["ar", "draft"])["word/settings.xml"], wml_schema()) == []


# ------------------------------------------------------------------ right to left


def test_arabic_marks_keep_their_direction(exported: dict[tuple[str, str], bytes]) -> None:
    found = parts(exported["ar", "draft"])
    document = found["word/document.xml"]
    # Deleted Arabic text is marked right to left as kept text is; a Latin word inside is not.
    deleted = xpath(document, "//w:del/w:r[w:delText]")
    assert deleted
    for run in deleted:
        text = "".join(xpath(run, "w:delText/text()"))
        if ARABIC.search(text):
            assert xpath(run, "w:rPr/w:rtl"), text
    assert xpath(document, "//w:r[w:t='ICMPD' and not(w:rPr/w:rtl)]")
    # The old emphasis of a formatting change has both halves and the run's direction.
    old = xpath(document, "//w:rPrChange/w:rPr")[0]
    assert [child.tag for child in old] == [q("w:i"), q("w:iCs"), q("w:rtl")]
    # Comment paragraphs are right to left too.
    paragraphs = xpath(found["word/comments.xml"], "//w:p")
    assert paragraphs
    assert all(xpath(p, "w:pPr/w:bidi") for p in paragraphs)
    assert all(xpath(run, "w:rPr/w:rtl") for run in xpath(found["word/comments.xml"], "//w:r[w:t]"))


# ------------------------------------------------------------------ stable ids


def test_every_block_section_and_session_names_its_id_in_a_bookmark() -> None:
    report = case("en", "draft")
    document = parts(render_docx(report).data)["word/document.xml"]
    names = [start.get(q("w:name")) for start in xpath(document, "//w:bookmarkStart")]
    marks = [name for name in names if name.startswith("_MinutesId_")]
    expected = [report.sections[0].id, *(b.id for b in report.sections[0].blocks), report.sections[1].id]
    session = report.sections[1].sessions[0]
    expected += [session.id, *(b.id for b in session.blocks)]
    assert marks == [f"_MinutesId_{value}" for value in expected]
    # Empty, right after the paragraph's properties (or the heading's own bookmark), and within Word's 40 letters.
    for start in xpath(document, "//w:bookmarkStart[starts-with(@w:name, '_MinutesId_')]"):
        following = start.getnext()
        assert following.tag == q("w:bookmarkEnd")
        assert following.get(q("w:id")) == start.get(q("w:id"))
        assert len(start.get(q("w:name"))) <= 40


def test_an_id_is_named_once_and_an_id_no_bookmark_can_hold_is_left_out() -> None:
    first = Block(BlockKind.PARAGRAPH, [Span("a")], id="aaaaaaaaaaaa")
    twin = Block(BlockKind.PARAGRAPH, [Span("b")], id="aaaaaaaaaaaa")
    odd = Block(BlockKind.PARAGRAPH, [Span("c")], id="not a name!")
    report = Report(sections=[Section(SectionKind.OBJECTIVES, blocks=[first, twin, odd], id="0123456789ab")])
    document = parts(render_docx(report).data)["word/document.xml"]
    names = [s.get(q("w:name")) for s in xpath(document, "//w:bookmarkStart[starts-with(@w:name, '_MinutesId_')]")]
    assert names == ["_MinutesId_0123456789ab", "_MinutesId_aaaaaaaaaaaa"]


# ------------------------------------------------------------------ fields


def test_a_field_change_is_a_word_level_diff_by_its_author() -> None:
    title = TitleBlock(meeting="Joint meeting", location="Vienna, Austria")
    change = Change("Bob", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    report = Report(title=title, field_changes=[FieldChange("TitleBlock.location", "", "Budapest, Austria", change)])
    document = parts(render_docx(report).data)["word/document.xml"]
    paragraph = xpath(document, "/w:document/w:body/w:p[2]")[0]
    assert xpath(paragraph, "string(w:del/w:r/w:delText)") == "Budapest,"
    assert xpath(paragraph, "string(w:ins/w:r/w:t)") == "Vienna,"
    # The rest of the line is not marked: the label and the unchanged word.
    assert [text_of(run) for run in xpath(paragraph, "w:r")] == ["Location: ", " Austria"]
    assert {e.get(q("w:author")) for e in xpath(paragraph, "w:ins|w:del")} == {"Bob"}
    assert {e.get(q("w:date")) for e in xpath(paragraph, "w:ins|w:del")} == {"2024-01-02T03:04:05Z"}


def test_two_changes_of_one_line_keep_their_own_authors() -> None:
    title = TitleBlock(meeting="M", date=dt.date(2024, 5, 14), timezone="CET")
    report = Report(
        title=title,
        field_changes=[FieldChange("TitleBlock.date", "", dt.date(2024, 5, 13), ALICE)],
    )
    report.title.start_time = dt.time(10, 0)
    report.title.end_time = dt.time(12, 0)
    report.field_changes.append(FieldChange("TitleBlock.start_time", "", dt.time(9, 0), BOB))
    data = render_docx(report).data
    document = parts(data)["word/document.xml"]
    line = xpath(document, "/w:document/w:body/w:p[2]")[0]
    authors = {e.get(q("w:author")) for e in xpath(line, "w:ins|w:del")}
    assert authors == {ALICE.author, BOB.author}
    accepted, rejected = view(data, accept=True), view(data, accept=False)
    old = Report(
        title=TitleBlock(
            meeting="M", date=dt.date(2024, 5, 13), start_time=dt.time(9, 0), end_time=dt.time(12, 0), timezone="CET"
        )
    )
    assert rejected == view(render_docx(old).data, accept=False)
    new = Report(title=report.title)
    assert accepted == view(render_docx(new).data, accept=True)


def test_a_change_of_an_unknown_field_is_left_out_with_a_warning() -> None:
    report = Report(
        title=TitleBlock(meeting="M"),
        sections=[Section(SectionKind.DISCUSSION, sessions=[Session("S", id="5e5510000002")])],
        field_changes=[
            FieldChange("Session.title", "no-such-session", "Old", ALICE),
            FieldChange("TitleBlock.location", "", 12, ALICE),  # type: ignore[arg-type]
        ],
    )
    output = render_docx(report)
    assert not xpath(parts(output.data)["word/document.xml"], "//w:ins|//w:del")
    messages = [str(warning) for warning in output.warnings if "pending change" in str(warning)]
    assert messages == [
        "The pending change of Session.title of no-such-session has no place in the report; it is not exported.",
        "The pending change of TitleBlock.location of the title block has no place in the report; it is not exported.",
    ]


def test_the_last_block_of_a_body_keeps_its_end_while_text_would_reach_it() -> None:
    # docs/review.md: a body's last block joins nothing; Word would join it with the next heading.
    report = Report(
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span("kept")]),
                    Block(BlockKind.PARAGRAPH, [Span("stays", inserted=ALICE), Span(" too")], deleted=BOB),
                ],
            ),
            Section(SectionKind.DISCUSSION, heading="Next"),
        ]
    )
    data = render_docx(report).data
    assert not xpath(parts(data)["word/document.xml"], "//w:pPr/w:rPr/w:del")
    assert [p.text for p in view(data, accept=True).body][-2:] == ["stays too", "Next"]
