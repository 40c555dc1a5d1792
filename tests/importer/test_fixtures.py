"""Reports made by hand in Word's usual ways, built here with python-docx and raw XML, read into structure.

Each fixture is checked twice: its structure (sections, sessions, bullets and
levels, labels, emphasis, footnotes) and its text (every word of the
document's body and notes is in the report, and no word is invented).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

from minutes_editor.importer import ImportResult, import_docx
from minutes_editor.model.report import BlockKind, Change, FootnoteRef, Report, SectionKind, Span
from tests.importer.helpers import NAMESPACES, make_docx, p, r, report_texts, word_counts, xml_texts

W_NS = f"{NAMESPACES}"


def imported(path: Path) -> ImportResult:
    """Import ``path`` and check that its text came through whole: same words in, same words out."""
    result = import_docx(path)
    expected = word_counts(xml_texts(path))
    found = word_counts(report_texts(result.report))
    assert expected - found == {}, f"lost: {expected - found}"
    assert found - expected == {}, f"invented: {found - expected}"
    return result


def kinds(report: Report) -> list[tuple[str, int]]:
    return [(section.kind.value, section.level) for section in report.sections]


def spans(report: Report) -> list[Span]:
    return [item for block in report.all_blocks() for item in block.content if isinstance(item, Span)]


def _xml_run(paragraph: docx.text.paragraph.Paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W_NS}>", 1)))


# ------------------------------------------------------------- Word headings


def word_heading_styles(path: Path) -> Path:
    """A report typed in Word with its built-in styles: Title, Heading 1 and 2, List Bullet, Strong."""
    document = docx.Document()
    document.add_paragraph("Joint meeting of the working groups", style="Title")
    document.add_paragraph("Date: 14 October 2021, 10:00–13:00 CET")
    document.add_paragraph("Location: virtual, via Zoom")
    document.add_paragraph("Draft report")
    document.add_heading("Meeting objectives", 1)
    document.add_paragraph("Accordingly, the aims of this meeting were:")
    document.add_paragraph("To explore ways of building capacity.", style="List Bullet")
    document.add_paragraph("Within the enhanced assistance model.", style="List Bullet 2")
    document.add_paragraph("With the Silk Routes countries.", style="List Bullet 3")
    document.add_heading("Participation", 1)
    document.add_paragraph("The following countries attended:")
    document.add_paragraph("Austria, Bangladesh, Bosnia and Herzegovina and the European Commission.")
    document.add_heading("Opening remarks", 1)
    paragraph = document.add_paragraph("The Commission noted the ")
    paragraph.add_run("New Pact on Migration").bold = True
    paragraph.add_run(" and its ")
    paragraph.add_run("external dimension").italic = True
    paragraph.add_run(", ")
    paragraph.add_run("underlined").underline = True
    paragraph.add_run(" and ")
    paragraph.add_run("strong words", style="Strong")
    paragraph.add_run(".")
    arabic = document.add_paragraph("Arabic bold with only the complex-script toggle: ")
    _xml_run(arabic, "<w:r><w:rPr><w:bCs/><w:rtl/></w:rPr><w:t>الميثاق الجديد</w:t></w:r>")
    _xml_run(arabic, '<w:r><w:rPr><w:iCs/></w:rPr><w:t xml:space="preserve"> and italic</w:t></w:r>')
    document.add_paragraph("A quote styled bold and italic by its paragraph style.", style="Intense Quote")
    document.add_heading("Main discussion points", 1)
    document.add_heading("Session 1: Cooperation under Priority Goal 1", 2)
    document.add_paragraph("“Preventing migrant smuggling” and “Facilitating effective return”")
    document.add_paragraph("Readmission agreements should be active.", style="List Bullet")
    label = document.add_paragraph()
    label.add_run("Budapest Process:").bold = True
    document.add_paragraph("More reception centres should be established.", style="List Bullet")
    document.add_heading("Session 2: Priority Goals 5 and 6", 2)
    document.add_paragraph("Training should be provided.", style="List Bullet")
    document.add_heading("Key takeaways", 2)
    document.add_paragraph("Many efforts are under way.", style="List Bullet")
    document.save(path)
    return path


def test_word_built_in_styles(tmp_path: Path) -> None:
    result = imported(word_heading_styles(tmp_path / "word.docx"))
    report = result.report
    assert report.language.startswith("en")
    title = report.title
    assert title.meeting == "Joint meeting of the working groups"
    assert title.date == dt.date(2021, 10, 14)
    assert (title.start_time, title.end_time, title.timezone) == (dt.time(10), dt.time(13), "CET")
    assert title.location == "virtual, via Zoom"
    assert title.status == "Draft report"
    assert kinds(report) == [
        ("objectives", 1),
        ("participation", 1),
        ("opening_remarks", 1),
        ("discussion", 1),
        ("takeaways", 2),
    ]
    objectives = report.sections[0]
    assert [(block.kind, block.level) for block in objectives.blocks] == [
        (BlockKind.PARAGRAPH, 1),
        (BlockKind.BULLET, 1),
        (BlockKind.BULLET, 2),
        (BlockKind.BULLET, 3),
    ]
    participants = report.sections[1].participants
    assert [item.name for item in participants] == [
        "Austria",
        "Bangladesh",
        "Bosnia and Herzegovina",
        "the European Commission",
    ]
    assert [item.code for item in participants] == ["AT", "BD", "BA", "org:EC"]
    emphasised = {span.text: (span.bold, span.italic, span.underline) for span in spans(report)}
    assert emphasised["New Pact on Migration"] == (True, False, False)
    assert emphasised["external dimension"] == (False, True, False)
    assert emphasised["underlined"] == (False, False, True)
    assert emphasised["strong words"] == (True, False, False)  # character style Strong
    assert emphasised["الميثاق الجديد"] == (True, False, False)  # a lone w:bCs
    assert emphasised[" and italic"] == (False, True, False)  # a lone w:iCs
    quote = emphasised["A quote styled bold and italic by its paragraph style."]
    assert quote[:2] == (True, True)
    discussion = report.sections[3]
    assert [session.title for session in discussion.sessions] == [
        "Session 1: Cooperation under Priority Goal 1",
        "Session 2: Priority Goals 5 and 6",
    ]
    first = discussion.sessions[0]
    assert first.goals == ["Preventing migrant smuggling", "Facilitating effective return"]
    assert [block.kind for block in first.blocks] == [BlockKind.BULLET, BlockKind.LABEL, BlockKind.BULLET]
    assert report.sections[4].blocks[0].plain_text == "Many efforts are under way."


# ------------------------------------------------- typed numbers and bullets


def typed_structure(path: Path, *, arabic: bool) -> Path:
    """Direct formatting only: typed heading numbers in bold, typed bullet glyphs with indents."""
    bidi = "<w:bidi/>" if arabic else ""
    bold = "<w:b/><w:bCs/>"

    def indent(twips: int) -> str:
        return f'{bidi}<w:ind w:start="{twips}" w:hanging="360"/>'

    if arabic:
        lines = [
            p("الاجتماع المشترك لمجموعات العمل", ppr=bidi, rpr=bold),
            p("التاريخ: 14 تشرين الأول 2021، 10:00-13:00 CET", ppr=bidi),
            p("١. أهداف الاجتماع", ppr=bidi, rpr=bold),
            p("وبالتالي، كان الهدف من هذا الاجتماع:", ppr=bidi),
            p("•\tالبحث عن طرق لمواصلة بناء القدرات", ppr=indent(720)),
            p("o\tتحديد التحديات والحلول", ppr=indent(1440)),
            p("▪\tتقييم الوسائل الممكنة", ppr=indent(2160)),
            p("٢- المشاركة", ppr=bidi, rpr=bold),
            p("حضرت البلدان التالية هذا الاجتماع:", ppr=bidi),
            p("النمسا وبنغلاديش والبوسنة والهرسك والمجر.", ppr=bidi),
        ]
    else:
        lines = [
            p("Joint meeting of the working groups", rpr=bold),
            p("Date: 14 October 2021", ppr=""),
            p("1. Meeting objectives", rpr=bold),
            p("The aims of this meeting were:"),
            p("•\tTo explore ways of building capacity", ppr=indent(720)),
            p("o\tTo identify challenges", ppr=indent(1440)),
            p("▪\tTo assess possible means", ppr=indent(2160)),
            p("-\tTo agree a way forward", ppr=indent(720)),
            p("2- Participation", rpr=bold),
            p("The following countries attended:"),
            p("Austria, Serbia and Switzerland."),
            p("3) A heading named by hand", rpr=bold),
            p("1. A numbered sentence that is body text, not a heading, because it ends with a full stop."),
        ]
    return make_docx(path, "".join(lines), core_language=None)


def test_typed_numbers_and_bullets(tmp_path: Path) -> None:
    report = imported(typed_structure(tmp_path / "typed.docx", arabic=False)).report
    assert report.title.meeting == "Joint meeting of the working groups"
    assert report.title.date == dt.date(2021, 10, 14)
    assert kinds(report) == [("objectives", 1), ("participation", 1), ("generic", 1)]
    bullets = [(block.level, block.plain_text) for block in report.sections[0].blocks if block.kind is BlockKind.BULLET]
    assert bullets == [
        (1, "To explore ways of building capacity"),
        (2, "To identify challenges"),
        (3, "To assess possible means"),
        (1, "To agree a way forward"),
    ]
    assert [item.name for item in report.sections[1].participants] == ["Austria", "Serbia", "Switzerland"]
    assert report.sections[2].heading == "A heading named by hand"
    assert report.sections[2].blocks[0].plain_text.startswith("1. A numbered sentence")


def test_typed_arabic_report(tmp_path: Path) -> None:
    report = imported(typed_structure(tmp_path / "typed-ar.docx", arabic=True)).report
    assert report.language == "ar"
    assert report.title.meeting == "الاجتماع المشترك لمجموعات العمل"
    assert report.title.date == dt.date(2021, 10, 14)
    assert kinds(report) == [("objectives", 1), ("participation", 1)]
    assert report.sections[0].heading is None  # the language's own default heading
    levels = [block.level for block in report.sections[0].blocks if block.kind is BlockKind.BULLET]
    assert levels == [1, 2, 3]
    names = [item.name for item in report.sections[1].participants]
    assert names == ["النمسا", "بنغلاديش", "البوسنة والهرسك", "المجر"]


# ------------------------------------------------------ any numbering definition

NUMBERING = """
<w:abstractNum w:abstractNumId="7">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="9">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
  <w:lvl w:ilvl="2">
    <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="▪"/></mc:Choice>
    <mc:Fallback><w:numFmt w:val="bullet"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="▪"/>
  </w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="OurList"/></w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:styleLink w:val="OurList"/>
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="9"><w:abstractNumId w:val="7"/>
  <w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:lvlOverride>
</w:num>
"""
LIST_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="numbering" w:styleId="OurList"><w:name w:val="Our List"/>
  <w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Aufzählungspunkt"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
"""


def numbered(text: str, num_id: int, ilvl: int | None = None, rpr: str = "", style: str = "") -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return p(text, style=style or None, ppr=f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>', rpr=rpr)


def test_list_numbering_from_any_definition(tmp_path: Path) -> None:
    body = "".join(
        [
            p("Meeting of the group", rpr="<w:b/>"),
            numbered("Meeting objectives", 3, 0, rpr="<w:b/>"),  # a numbered heading-like line
            numbered("First bullet through a bullet definition", 5, 0),
            numbered("Second level", 5, 1),
            numbered("Third level, its format in mc:AlternateContent", 5, 2),
            numbered("Fourth level is put at the third", 5, 3),
            numbered("A numbered item of a decimal list is a bullet", 3, 1),
            numbered("Through a numbering style link", 6, 1),
            numbered("Through a level override", 9, 0),
            numbered("From a paragraph style's numbering", 0, None, style="Punkt").replace(
                '<w:numPr><w:numId w:val="0"/></w:numPr>', ""
            ),
            numbered("Numbering switched off with numId 0", 0, 0),
        ]
    )
    path = make_docx(tmp_path / "numbering.docx", body, styles=LIST_STYLES, numbering=NUMBERING)
    result = imported(path)
    report = result.report
    assert kinds(report) == [("objectives", 1)]
    blocks = [(block.kind.value, block.level, block.plain_text) for block in report.sections[0].blocks]
    assert blocks == [
        ("bullet", 1, "First bullet through a bullet definition"),
        ("bullet", 2, "Second level"),
        ("bullet", 3, "Third level, its format in mc:AlternateContent"),
        ("bullet", 3, "Fourth level is put at the third"),
        ("bullet", 2, "A numbered item of a decimal list is a bullet"),
        ("bullet", 2, "Through a numbering style link"),
        ("bullet", 1, "Through a level override"),
        ("bullet", 1, "From a paragraph style's numbering"),
        ("paragraph", 1, "Numbering switched off with numId 0"),
    ]
    assert any("deeper than level 3" in note for note in result.notes)
    assert any("numbered list item(s) became bullets" in note for note in result.notes)


# ------------------------------------- tracked changes, comments, tables, boxes

FOOTNOTES = """
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
  <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> This designation is without prejudice to positions on status.</w:t></w:r>
</w:p></w:footnote>
<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note </w:t></w:r>
  <w:r><w:rPr><w:i/></w:rPr><w:t>with emphasis</w:t></w:r></w:p></w:footnote>
"""
ENDNOTES = """
<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> An endnote.</w:t></w:r></w:p></w:endnote>
"""
COMMENTS = """
<w:comment w:id="0" w:author="Reviewer" w:date="2021-10-20T10:00:00Z">
  <w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Please check this figure.</w:t></w:r></w:p></w:comment>
"""
HEADING_STYLE = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
)


def reviewed_document(path: Path) -> Path:
    """A draft as it comes back from review: tracked changes, a comment, a table, a text box, an image, notes."""
    body = "".join(
        [
            p("Setting the scene", style="Heading1"),
            "<w:p>"
            + r("Arrivals make up ")
            + '<w:ins w:id="1" w:author="Reviewer" w:date="2021-10-20T10:00:00Z">'
            + r("five of ")
            + "</w:ins>"
            + r("the top six countries")
            + '<w:del w:id="2" w:author="Reviewer"><w:r><w:delText xml:space="preserve"> of all time</w:delText>'
            + "</w:r></w:del>"
            + r(" in Kosovo")
            + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
            + r(".")
            + "</w:p>",
            "<w:p>"
            + '<w:commentRangeStart w:id="0"/>'
            + r("The figure was 10,000.")
            + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
            + '<w:r><w:footnoteReference w:id="5"/></w:r>'
            + r(" Then an endnote")
            + '<w:r><w:endnoteReference w:id="1"/></w:r>'
            + "</w:p>",
            '<w:moveFrom w:id="3" w:author="Reviewer"><w:p>' + r("A moved sentence.") + "</w:p></w:moveFrom>",
            "<w:p>" + '<w:moveTo w:id="4" w:author="Reviewer">' + r("A moved sentence.") + "</w:moveTo></w:p>",
            "<w:tbl><w:tblPr/><w:tblGrid/>"
            + "<w:tr><w:tc>"
            + p("Country")
            + "</w:tc><w:tc>"
            + p("Arrivals")
            + "</w:tc></w:tr>"
            + "<w:tr><w:tc>"
            + p("Iraq")
            + "</w:tc><w:tc>"
            + p("1,200")
            + p("(estimate)")
            + "</w:tc></w:tr></w:tbl>",
            "<w:p>"
            + r("Before the box. ")
            + '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" '
            + 'name="Text Box 1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
            + p("Text inside a text box.")
            + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            + "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
            + p("Text inside a text box.")
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            + "</w:p>",
            "<w:p>"
            + r("A picture follows.")
            + '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Picture 2" descr="Map of the routes"/>'
            + "<a:graphic><a:graphicData><pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
            + "</w:p>",
            "<w:p>"
            + r("Page ")
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
            + '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + r("7")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + "</w:p>",
        ]
    )
    return make_docx(path, body, styles=HEADING_STYLE, footnotes=FOOTNOTES, endnotes=ENDNOTES, comments=COMMENTS)


def test_reviewed_draft_loses_nothing(tmp_path: Path) -> None:
    result = imported(reviewed_document(tmp_path / "reviewed.docx"))
    report = result.report
    blocks = report.sections[0].blocks
    texts = [block.plain_text for block in blocks]
    # The tracked insertion and deletion are the reviewer's, pending; neither goes to the notes.
    reviewer = Change("Reviewer", dt.datetime(2021, 10, 20, 10, tzinfo=dt.UTC))
    assert blocks[0].content[:4] == [
        Span("Arrivals make up "),
        Span("five of ", inserted=reviewer),
        Span("the top six countries"),
        Span(" of all time", deleted=Change("Reviewer")),
    ]
    assert not any("racked" in note or "omment" in note for note in result.notes)
    # The footnote mark stays after "Kosovo", before the full stop.
    first = blocks[0].content
    mark = next(index for index, item in enumerate(first) if isinstance(item, FootnoteRef))
    assert isinstance(first[mark - 1], Span)
    assert first[mark - 1].text.endswith("Kosovo")
    assert report.footnotes[0].content == [Span("This designation is without prejudice to positions on status.")]
    assert report.footnotes[1].content == [Span("A note "), Span("with emphasis", italic=True)]
    assert report.footnotes[2].content == [Span("An endnote.")]
    assert any("endnote(s) became footnotes" in note for note in result.notes)
    # The comment, with its author, its date, its text and the words it is about.
    [comment] = report.comments
    assert (comment.author, comment.date, comment.text) == ("Reviewer", reviewer.date, ["Please check this figure."])
    assert blocks[1].content[0] == Span("The figure was 10,000.", comments=(comment.id,))
    # The move (no range marks name it): deleted whole at its old place, inserted at its new one.
    assert (blocks[2].plain_text, blocks[2].deleted, blocks[2].content[0].deleted) == (
        "A moved sentence.",
        Change("Reviewer"),
        Change("Reviewer"),
    )
    assert blocks[3].content == [Span("A moved sentence.", inserted=Change("Reviewer"))]
    # The table, a table where it stood (simple: no merged cells); its cell of two paragraphs joined, with a note.
    assert "Country\tArrivals\nIraq\t1,200 (estimate)" in texts
    assert any("1 cell(s) of several paragraphs were joined" in note for note in result.notes)
    # The text box: its text once (not the fallback copy too), after its paragraph.
    assert texts.count("Text inside a text box.") == 1
    assert texts.index("Text inside a text box.") == texts.index("Before the box. ") + 1
    assert any('An image "Map of the routes"' in note for note in result.notes)
    assert "Page 7" in texts
    assert any("Fields were kept as the text they showed: PAGE (1)" in note for note in result.notes)


def test_python_docx_comment_and_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Opening remarks", 1)
    paragraph = document.add_paragraph("North Macedonia opened the meeting as host.")
    document.add_comment(paragraph.runs, text="Name the minister?", author="Editor", initials="ED")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Goal", "Owner"), ("Return", "ICMPD")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    run = document.add_paragraph().add_run("After the table.")
    run.font.size = Pt(14)
    path = tmp_path / "comment.docx"
    document.save(path)
    result = imported(path)
    texts = [block.plain_text for block in result.report.all_blocks()]
    assert texts == [
        "North Macedonia opened the meeting as host.",
        "Goal\tOwner\nReturn\tICMPD",
        "After the table.",
    ]
    table = result.report.all_blocks()[1].table
    assert table is not None
    assert not table.header  # python-docx marks no header row
    [comment] = result.report.comments
    assert (comment.author, comment.initials, comment.text) == ("Editor", "ED", ["Name the minister?"])
    first = result.report.all_blocks()[0].content[0]
    assert isinstance(first, Span)
    assert first.comments == (comment.id,)
    assert result.report.sections[0].kind is SectionKind.OPENING_REMARKS


def test_text_before_any_heading_is_kept(tmp_path: Path) -> None:
    body = "".join(
        [
            p("Notes from the call"),
            p("A long first paragraph of what was said, which is not a title line but body text of the notes."),
            p("• A typed bullet"),
            p("Main discussion points", style="Heading1"),
            p("Discussed."),
        ]
    )
    result = imported(make_docx(tmp_path / "no-title.docx", body, styles=HEADING_STYLE))
    report = result.report
    assert report.title.meeting == "Notes from the call"
    assert kinds(report) == [("generic", 1), ("discussion", 1)]
    assert report.sections[0].heading == ""
    assert [block.kind for block in report.sections[0].blocks] == [BlockKind.PARAGRAPH, BlockKind.BULLET]
    assert "Text before the first heading was put in an untitled section." in result.notes


def test_heading_levels_follow_the_outline(tmp_path: Path) -> None:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="Ueberschrift{level}"><w:name w:val="Überschrift {level}"/>'
        f'<w:pPr><w:outlineLvl w:val="{level - 1}"/></w:pPr></w:style>'
        for level in (1, 2, 3)
    )
    body = "".join(
        [
            p("Ergebnisse", style="Ueberschrift1"),
            p("Teil A", style="Ueberschrift2"),
            p("Unterpunkt", style="Ueberschrift3"),
            p("Text."),
        ]
    )
    result = imported(make_docx(tmp_path / "german.docx", body, styles=styles))
    report = result.report
    assert kinds(report) == [("generic", 1), ("generic", 2)]
    assert [section.heading for section in report.sections] == ["Ergebnisse", "Teil A"]
    assert [block.kind for block in report.sections[1].blocks] == [BlockKind.LABEL, BlockKind.PARAGRAPH]
    assert any("below the second level became lead-in labels" in note for note in result.notes)


def test_inexact_date_line_is_read_and_noted(tmp_path: Path) -> None:
    body = (
        p("Meeting") + p("Date: Thursday, 14 October 2021, 10:00 am – 1:00 pm CET") + p("Objectives", style="Heading1")
    )
    result = import_docx(make_docx(tmp_path / "date.docx", body, styles=HEADING_STYLE))
    title = result.report.title
    assert (title.date, title.start_time, title.end_time, title.timezone) == (
        dt.date(2021, 10, 14),
        dt.time(10),
        dt.time(13),
        "CET",
    )
    assert any("was read as" in note and "Thursday" in note for note in result.notes)


def test_language_from_run_marks_and_from_script(tmp_path: Path) -> None:
    persian = '<w:rtl/><w:lang w:val="en-US" w:bidi="fa-IR"/>'
    body = p("اهداف نشست", style="Heading1", ppr="<w:bidi/>", rpr=persian) + p(
        "این نشست برای بررسی همکاری برگزار شد.", ppr="<w:bidi/>", rpr=persian
    )
    marked = import_docx(make_docx(tmp_path / "fa.docx", body, styles=HEADING_STYLE)).report
    assert marked.language.split("-")[0] == "fa"
    # Nothing declared, not even paragraph direction: the script of the text decides.
    unmarked = import_docx(make_docx(tmp_path / "ar.docx", p("أهداف الاجتماع", style="Heading1"), styles=HEADING_STYLE))
    assert unmarked.report.language == "ar"
    assert unmarked.report.sections[0].kind is SectionKind.OBJECTIVES
    # Declared English in the core properties, but every paragraph right to left in Arabic: Arabic.
    wrong = import_docx(
        make_docx(
            tmp_path / "wrong.docx",
            p("المشاركة", style="Heading1", ppr="<w:bidi/>") + p("حضرت البلدان التالية.", ppr="<w:bidi/>"),
            styles=HEADING_STYLE,
            core_language="en-US",
        )
    )
    assert wrong.report.language == "ar"
