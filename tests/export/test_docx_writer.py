"""The .docx writer, read back as XML: direction, numbering, footnotes, properties, sanitising, saving."""

from __future__ import annotations

import copy
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from minutes_editor.export.docx_writer import export_docx, render_docx
from minutes_editor.export.template import TemplateError
from minutes_editor.model.report import Block, BlockKind, Footnote, FootnoteRef, Report, Section, SectionKind, Span
from minutes_editor.render.flow import Role, flatten
from minutes_editor.storage.atomic import WriteError
from minutes_editor.storage.minutes_file import load_report
from tests.export.reports import (
    ARABIC,
    LATIN,
    Docx,
    arabic_report,
    english_report,
    q,
    text_of,
    xpath,
)
from tests.support.examples import example_path

BULLET_GLYPHS = ("•", "o", "▪")


@pytest.fixture(scope="module")
def arabic() -> Docx:
    return Docx.read(render_docx(arabic_report()).data)


@pytest.fixture(scope="module")
def english() -> Docx:
    return Docx.read(render_docx(english_report()).data)


def examples() -> list[Path]:
    return [path for path in (example_path("ar"), example_path("en")) if path.is_file()]


# Direction


def test_every_paragraph_of_an_arabic_report_is_bidi(arabic: Docx) -> None:
    paragraphs = arabic.all_paragraphs()
    assert len(paragraphs) > 20
    missing = [text_of(p)[:40] for p in paragraphs if not xpath(p, "w:pPr/w:bidi")]
    assert missing == []
    assert xpath(arabic.document, "/w:document/w:body/w:sectPr/w:bidi")
    # Footnote paragraphs, footer and separators are included in all_paragraphs: check they were there.
    assert xpath(arabic.footnotes, "//w:footnote[@w:id='1']/w:p/w:pPr/w:bidi")


def test_arabic_styles_and_defaults_are_bidi(arabic: Docx) -> None:
    assert xpath(arabic.styles, "/w:styles/w:docDefaults/w:pPrDefault/w:pPr/w:bidi")
    for name in ("Normal", "Title", "heading 1", "heading 2", "Body Text", "List Bullet", "footnote text"):
        style_id = arabic.style_id(name)
        assert xpath(arabic.styles, f"/w:styles/w:style[@w:styleId='{style_id}']/w:pPr/w:bidi"), name
    lang = xpath(arabic.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert lang.get(q("w:bidi")) == "ar-SA"


def test_an_english_report_has_no_bidi_and_no_rtl(english: Docx) -> None:
    for name, root in english.parts.items():
        assert xpath(root, "//w:bidi") == [], name
        assert xpath(root, "//w:rtl") == [], name
        assert xpath(root, "//w:lang[@w:bidi]") == [], name
    lang = xpath(english.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert lang.get(q("w:val")) == "en-GB"


def test_rtl_only_on_arabic_runs(arabic: Docx) -> None:
    runs = [r for root in (arabic.document, arabic.footnotes) for r in xpath(root, "//w:r[w:t]")]
    arabic_runs = [r for r in runs if ARABIC.search(text_of(r))]
    latin_runs = [r for r in runs if LATIN.search(text_of(r))]
    assert arabic_runs
    assert latin_runs, "the report has Latin text inside Arabic sentences"
    assert all(xpath(r, "w:rPr/w:rtl") for r in arabic_runs)
    assert not any(xpath(r, "w:rPr/w:rtl") for r in latin_runs)
    # No run mixes the two scripts.
    assert not [text_of(r) for r in runs if ARABIC.search(text_of(r)) and LATIN.search(text_of(r))]


def test_mixed_script_paragraph_is_split_without_losing_text(arabic: Docx) -> None:
    paragraph = next(p for p in arabic.paragraphs_in("Body Text") if "ICMPD" in text_of(p))
    runs = xpath(paragraph, "w:r")
    assert text_of(paragraph) == (
        "قدّم المركز الدولي لتنمية سياسات الهجرة (ICMPD) خلفية للوضع في "
        "الميثاق الجديد للهجرة واللجوء، كما ورد في تقرير سابق."
    )
    latin = [r for r in runs if text_of(r) == "ICMPD"]
    assert len(latin) == 1
    assert xpath(latin[0], "w:rPr/w:b")
    assert not xpath(latin[0], "w:rPr/w:rtl")
    # The parentheses around the Latin name lie in the Arabic sentence: they are laid out right to left.
    assert all(xpath(r, "w:rPr/w:rtl") for r in runs if "(" in text_of(r) or ")" in text_of(r))


def test_bold_and_italic_arabic_have_complex_script_twins(arabic: Docx) -> None:
    bold = [r for r in xpath(arabic.document, "//w:r[w:rPr/w:b]") if ARABIC.search(text_of(r))]
    italic = [r for r in xpath(arabic.document, "//w:r[w:rPr/w:i]") if ARABIC.search(text_of(r))]
    assert bold
    assert italic
    assert all(xpath(r, "w:rPr/w:bCs") for r in bold)
    assert all(xpath(r, "w:rPr/w:iCs") for r in italic)
    # Every style that sets a Latin property sets its complex-script twin.
    for latin, twin in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
        for rpr in xpath(arabic.styles, f"//w:rPr[w:{latin}]"):
            assert xpath(rpr, f"w:{twin}"), f"{latin} without {twin}"
    fonts = xpath(arabic.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")[0]
    assert fonts.get(q("w:cs"))
    assert fonts.get(q("w:ascii"))


def test_bold_arabic_run_properties_are_in_schema_order(arabic: Docx) -> None:
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "sz", "szCs", "u", "vertAlign", "rtl", "lang"]
    for rpr in xpath(arabic.document, "//w:rPr"):
        names = [child.tag.split("}")[1] for child in rpr]
        assert names == sorted(names, key=order.index)


def test_numbering_levels_carry_complex_script_font_and_rtl(arabic: Docx) -> None:
    for style_name in ("heading 1", "List Bullet"):
        style_id = arabic.style_id(style_name)
        num_id = xpath(arabic.styles, f"string(//w:style[@w:styleId='{style_id}']/w:pPr/w:numPr/w:numId/@w:val)")
        for level in xpath(arabic.abstract_of(num_id), "w:lvl"):
            assert xpath(level, "w:rPr/w:rtl")
            assert xpath(level, "w:rPr/w:rFonts/@w:cs")


# Numbering


@pytest.mark.parametrize("report_fixture", ["arabic", "english"])
def test_headings_are_numbered_by_word(report_fixture: str, request: pytest.FixtureRequest) -> None:
    result: Docx = request.getfixturevalue(report_fixture)
    report = arabic_report() if report_fixture == "arabic" else english_report()
    headings = result.paragraphs_in("heading 1")
    assert len(headings) == sum(1 for section in report.sections if section.level == 1)
    style_id = result.style_id("heading 1")
    num_id = xpath(result.styles, f"string(//w:style[@w:styleId='{style_id}']/w:pPr/w:numPr/w:numId/@w:val)")
    assert num_id
    first = xpath(result.abstract_of(num_id), "w:lvl[@w:ilvl='0']")[0]
    assert xpath(first, "string(w:numFmt/@w:val)") == "decimal"
    assert xpath(first, "string(w:lvlText/@w:val)") == "%1."
    assert xpath(first, "string(w:pStyle/@w:val)") == style_id
    for heading in headings:
        # No typed number: Word numbers the heading.
        assert not text_of(heading)[:1].isdigit()
        assert not xpath(heading, "w:pPr/w:numPr") or xpath(heading, "string(w:pPr/w:numPr/w:numId/@w:val)") == num_id
    # Sub-headings (sessions, the takeaways) are not numbered.
    heading2 = result.style_id("heading 2")
    assert not xpath(result.styles, f"//w:style[@w:styleId='{heading2}']/w:pPr/w:numPr")


@pytest.mark.parametrize("report_fixture", ["arabic", "english"])
def test_bullets_are_numbered_by_word_at_their_level(report_fixture: str, request: pytest.FixtureRequest) -> None:
    result: Docx = request.getfixturevalue(report_fixture)
    report = arabic_report() if report_fixture == "arabic" else english_report()
    expected = [p.level for p in flatten(report).paragraphs if p.role is Role.BULLET]
    bullets = result.paragraphs_in("List Bullet")
    assert [int(xpath(p, "string(w:pPr/w:numPr/w:ilvl/@w:val)")) + 1 for p in bullets] == expected
    assert len(set(expected)) > 1
    num_ids = {xpath(p, "string(w:pPr/w:numPr/w:numId/@w:val)") for p in bullets}
    assert len(num_ids) == 1
    abstract = result.abstract_of(num_ids.pop())
    levels = xpath(abstract, "w:lvl")
    assert len(levels) == 9
    for index, level in enumerate(levels):
        assert xpath(level, "string(@w:ilvl)") == str(index)
        assert xpath(level, "string(w:numFmt/@w:val)") == "bullet"
        assert xpath(level, "string(w:lvlText/@w:val)") == BULLET_GLYPHS[index % 3]
    for bullet in bullets:
        assert text_of(bullet)[:1] not in {*BULLET_GLYPHS, "-", "*"}


# Footnotes


@pytest.mark.parametrize("report_fixture", ["arabic", "english"])
def test_one_footnote_referenced_once_and_numbered_by_word(report_fixture: str, request: pytest.FixtureRequest) -> None:
    result: Docx = request.getfixturevalue(report_fixture)
    references = xpath(result.document, "//w:footnoteReference")
    assert len(references) == 1
    note_id = references[0].get(q("w:id"))
    assert note_id == "1"
    reference_run = references[0].getparent()
    assert xpath(reference_run, "string(w:rPr/w:rStyle/@w:val)") == result.style_id("footnote reference")
    assert xpath(reference_run, "w:t") == []  # the number is Word's, not typed
    notes = xpath(result.footnotes, "/w:footnotes/w:footnote[not(@w:type) or @w:type='normal']")
    assert [n.get(q("w:id")) for n in notes] == ["1"]
    note = notes[0]
    assert xpath(note, "w:p/w:r/w:footnoteRef")
    assert xpath(note, "string(w:p/w:pPr/w:pStyle/@w:val)") == result.style_id("footnote text")
    assert not text_of(note).strip()[:1].isdigit()
    # The mark stands where the author put it: right after "Kosovo".
    previous = reference_run.getprevious()
    assert text_of(previous).endswith(("كوسوفو", "Kosovo"))


def test_footnote_separators_are_declared_in_settings(arabic: Docx) -> None:
    separators = {
        n.get(q("w:type")): n.get(q("w:id")) for n in xpath(arabic.footnotes, "/w:footnotes/w:footnote[@w:type]")
    }
    assert separators == {"separator": "-1", "continuationSeparator": "0"}
    assert xpath(arabic.settings, "/w:settings/w:footnotePr/w:footnote/@w:id") == ["-1", "0"]
    rels = arabic.parts["word/_rels/document.xml.rels"]
    assert xpath(
        rels, "//pr:Relationship[@Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes']"
    )
    types = arabic.parts["[Content_Types].xml"]
    assert xpath(types, "//ct:Override[@PartName='/word/footnotes.xml']")


def test_footnote_referenced_twice_repeats_its_number_through_a_field() -> None:
    report = english_report()
    report.sections[0].blocks[0].content.append(FootnoteRef("kosovo"))
    result = Docx.read(render_docx(report).data)
    assert len(xpath(result.document, "//w:footnoteReference")) == 1
    fields = xpath(result.document, "//w:fldSimple")
    assert len(fields) == 1
    # Headings carry bookmarks of their own (their section kind): the note's is the one named _RefNote.
    bookmark = xpath(result.document, "string(//w:bookmarkStart[starts-with(@w:name, '_RefNote')]/@w:name)")
    assert fields[0].get(q("w:instr")).split()[:2] == ["NOTEREF", bookmark]
    assert text_of(fields[0]) == "1"
    assert xpath(fields[0], "string(w:r/w:rPr/w:rStyle/@w:val)") == result.style_id("footnote reference")
    # The first reference is inside the bookmark.
    start = xpath(result.document, "//w:bookmarkStart[starts-with(@w:name, '_RefNote')]")[0]
    assert xpath(start.getnext(), "w:footnoteReference")


def test_unreferenced_footnote_is_left_out_with_a_warning() -> None:
    report = english_report()
    report.footnotes.append(Footnote("orphan", [Span("Never cited.")]))
    output = render_docx(report)
    assert any("orphan" in str(warning) for warning in output.warnings)
    result = Docx.read(output.data)
    assert "Never cited." not in "".join(text_of(n) for n in xpath(result.footnotes, "//w:footnote"))


# Title block and properties


def test_title_block_paragraphs_use_their_styles(arabic: Docx) -> None:
    report = arabic_report()
    first = arabic.paragraphs()[:5]
    styles = [xpath(p, "string(w:pPr/w:pStyle/@w:val)") for p in first]
    assert styles == [
        arabic.style_id(name) for name in ("Title", "Subtitle", "Meeting Date", "Meeting Location", "Document Status")
    ]
    assert text_of(first[0]) == report.title.meeting
    assert "2021" in text_of(first[2])
    assert text_of(first[4]) == report.title.status


def test_core_properties_come_from_the_report(arabic: Docx) -> None:
    core = arabic.parts["docProps/core.xml"]
    assert xpath(core, "string(dc:title)") == arabic_report().title.meeting
    assert xpath(core, "string(dc:language)") == "ar"
    assert xpath(core, "string(dc:creator)") == "مقرر الاجتماع"
    assert xpath(core, "string(dcterms:created)") == "2021-10-15T09:30:00Z"
    assert xpath(core, "string(dcterms:modified)") == "2021-10-16T17:05:00Z"


def test_core_properties_default_to_now() -> None:
    report = english_report()
    report.created = report.modified = None
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    core = Docx.read(render_docx(report).data).parts["docProps/core.xml"]
    created = dt.datetime.strptime(xpath(core, "string(dcterms:created)"), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert before <= created <= dt.datetime.now(dt.UTC)


def test_footer_has_a_centred_page_field(arabic: Docx) -> None:
    footer = arabic.parts["word/footer1.xml"]
    assert "PAGE" in xpath(footer, "string(//w:instrText)")
    assert xpath(footer, "string(//w:p/w:pPr/w:jc/@w:val)") == "center"


def test_same_report_gives_the_same_bytes() -> None:
    # The same report: the same content and the same stable ids, which the document names in bookmarks.
    report = arabic_report()
    assert render_docx(report).data == render_docx(copy.deepcopy(report)).data


def test_python_docx_reads_the_styles_back() -> None:
    document = docx.Document(io.BytesIO(render_docx(english_report()).data))
    names = [paragraph.style.name for paragraph in document.paragraphs]
    assert names[:2] == ["Title", "Meeting Date"]
    assert {"Heading 1", "List Bullet", "Lead-in Label", "Body Text"} <= set(names)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 2.5


# Text sanitising


def test_control_characters_are_dropped_with_a_warning_naming_where() -> None:
    report = english_report()
    report.sections[1].blocks[2].content = [Span("pasted\x07 text\x1b here\x00")]
    report.title.meeting = "Joint\x0c meeting"
    output = render_docx(report)
    messages = [str(warning) for warning in output.warnings]
    assert any("section 2" in m and "bullet 3" in m and "U+0007" in m and "U+001B" in m for m in messages), messages
    assert any("title block" in m and "U+000C" in m for m in messages), messages
    result = Docx.read(output.data)
    texts = [text_of(p) for p in result.paragraphs()]
    assert "pasted text here" in texts
    assert texts[0] == "Joint meeting"


def test_line_breaks_and_tabs_become_word_elements() -> None:
    report = english_report()
    report.sections[0].blocks[0].content = [Span(" first line\nsecond\tcolumn ")]
    result = Docx.read(render_docx(report).data)
    paragraph = next(p for p in result.paragraphs() if "first line" in text_of(p))
    run = xpath(paragraph, "w:r")[0]
    assert [child.tag.split("}")[1] for child in run] == ["t", "br", "t", "tab", "t"]
    texts = xpath(run, "w:t")
    assert texts[0].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert texts[2].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert texts[1].get("{http://www.w3.org/XML/1998/namespace}space") is None
    assert "\n" not in "".join(t.text for t in xpath(result.document, "//w:t"))


# Saving and templates


def test_export_is_atomic_and_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    first = export_docx(english_report(), target)
    assert first.path == target
    assert first.warnings == []
    old = target.read_bytes()
    export_docx(arabic_report(), target)
    assert (tmp_path / "report.docx.bak").read_bytes() == old
    assert Docx.read(target.read_bytes()).parts["docProps/core.xml"] is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.docx.bak"]


def test_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    export_docx(english_report(), target)
    old = target.read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document")
    with pytest.raises(TemplateError, match="not a zip"):
        export_docx(arabic_report(), target, template=bad)
    with pytest.raises(WriteError):
        export_docx(arabic_report(), tmp_path / "missing-folder" / "report.docx")
    assert target.read_bytes() == old
    assert not (tmp_path / "report.docx.bak").exists()


def test_foreign_template_gets_missing_styles_and_numbering_with_warnings() -> None:
    template = Path(docx.__file__).parent / "templates" / "default.docx"
    output = render_docx(arabic_report(), template=template)
    messages = [str(warning) for warning in output.warnings]
    assert any('"Meeting Date"' in m for m in messages)
    assert any('"Lead-in Label"' in m for m in messages)
    assert not any('"Title"' in m for m in messages)  # python-docx's template has its own Title
    result = Docx.read(output.data)
    heading = result.style_id("heading 1")
    num_id = xpath(result.styles, f"string(//w:style[@w:styleId='{heading}']/w:pPr/w:numPr/w:numId/@w:val)")
    assert xpath(result.abstract_of(num_id), "string(w:lvl[@w:ilvl='0']/w:lvlText/@w:val)") == "%1."
    bullets = result.paragraphs_in("List Bullet")
    bullet_num = xpath(bullets[0], "string(w:pPr/w:numPr/w:numId/@w:val)")
    assert xpath(result.abstract_of(bullet_num), "string(w:lvl[@w:ilvl='1']/w:lvlText/@w:val)") == "o"
    assert len(xpath(result.document, "//w:footnoteReference")) == 1
    assert all(xpath(p, "w:pPr/w:bidi") for p in result.paragraphs())
    core = result.parts["docProps/core.xml"]
    assert xpath(core, "string(dc:title)") == arabic_report().title.meeting
    created = xpath(core, "dcterms:created")[0]
    # xsi:type names a prefix: it must resolve to the dcterms namespace where it is used.
    assert created.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"
    assert created.nsmap["dcterms"] == "http://purl.org/dc/terms/"


def test_our_template_named_explicitly_gives_no_warnings() -> None:
    from minutes_editor.paths import default_template

    assert render_docx(arabic_report(), template=default_template()).warnings == []


def test_export_code_does_not_import_qt() -> None:
    code = "import sys, minutes_editor.export.docx_writer; print([m for m in sys.modules if m.startswith('PySide6')])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# The examples


@pytest.mark.parametrize("path", examples(), ids=lambda path: path.name)
def test_examples_export_with_direction_numbering_and_footnote(path: Path) -> None:
    report = load_report(path)
    output = render_docx(report)
    assert output.warnings == []
    result = Docx.read(output.data)
    rtl = report.language == "ar"
    bidi = [bool(xpath(p, "w:pPr/w:bidi")) for p in result.all_paragraphs()]
    assert all(bidi) if rtl else not any(bidi)
    for run in xpath(result.document, "//w:r[w:t]"):
        has_rtl = bool(xpath(run, "w:rPr/w:rtl"))
        if ARABIC.search(text_of(run)):
            assert has_rtl
        if LATIN.search(text_of(run)):
            assert not has_rtl
    assert len(xpath(result.document, "//w:footnoteReference")) == len(report.footnotes)
    assert len(result.paragraphs_in("heading 1")) == sum(1 for s in report.sections if s.level == 1)
    bullets = [b for b in report.all_blocks() if b.kind is BlockKind.BULLET]
    assert len(result.paragraphs_in("List Bullet")) == len(bullets)


def test_empty_report_exports() -> None:
    result = Docx.read(render_docx(Report(language="ar")).data)
    assert result.paragraphs() == []
    assert xpath(result.document, "/w:document/w:body/w:sectPr/w:bidi")


def test_generic_sections_and_labels() -> None:
    report = Report(
        language="en",
        sections=[Section(SectionKind.GENERIC, heading="Annex", blocks=[Block(BlockKind.LABEL, [Span("Note:")])])],
    )
    result = Docx.read(render_docx(report).data)
    assert [text_of(p) for p in result.paragraphs_in("heading 1")] == ["Annex"]
    assert [text_of(p) for p in result.paragraphs_in("Lead-in Label")] == ["Note:"]


def test_rtl_export_adds_missing_complex_script_twins_to_a_template(tmp_path: Path) -> None:
    from minutes_editor.export.package import Package
    from minutes_editor.paths import default_template

    package = Package.from_file(default_template())
    styles = package.xml("word/styles.xml")
    for twin in xpath(styles, "//w:bCs | //w:szCs"):
        twin.getparent().remove(twin)
    template = tmp_path / "latin-only.docx"
    template.write_bytes(package.to_bytes())
    result = Docx.read(render_docx(arabic_report(), template=template).data)
    title = result.style_id("Title")
    assert xpath(result.styles, f"string(//w:style[@w:styleId='{title}']/w:rPr/w:szCs/@w:val)") == "32"
    assert xpath(result.styles, f"//w:style[@w:styleId='{title}']/w:rPr/w:bCs")
    assert xpath(result.styles, "//w:docDefaults/w:rPrDefault/w:rPr/w:szCs")
    # Left-to-right reports leave the template as it is.
    english = Docx.read(render_docx(english_report(), template=template).data)
    assert xpath(english.styles, "//w:bCs | //w:szCs") == []
