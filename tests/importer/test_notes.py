"""Import notes are structured (template, values, count) and still read, in English, exactly as they always did."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import docx

from minutes_editor.importer import ImportNote, Phrase, import_docx
from minutes_editor.importer import notes as n
from minutes_editor.importer.notes import Listing, render_value
from minutes_editor.model.report import Change, Span
from tests.importer.helpers import make_docx, p, r
from tests.importer.test_fixtures import HEADING_STYLE, reviewed_document

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "minutes_editor_ar.ts"
FIELD = re.compile(r"\{[a-z_]+\}")


def templates() -> dict[str, str]:
    """Every note template of the notes module, by constant name."""
    return {
        name: value
        for name, value in vars(n).items()
        if name.isupper() and isinstance(value, str) and name not in ("CONTEXT",)
    }


def section(heading: str) -> Phrase:
    return Phrase.of(n.IN_SECTION, heading=heading)


def test_a_reviewed_draft_gives_structured_notes_that_read_as_before(tmp_path: Path) -> None:
    result = import_docx(reviewed_document(tmp_path / "reviewed.docx"))
    scene = section("Setting the scene")
    # Tracked changes and comments are the report's own now: none of them is a note.
    assert result.structured_notes == [
        ImportNote.of(n.TABLE_CELLS_JOINED, 1, place=scene),
        ImportNote.of(n.TEXT_BOX, place=scene),
        ImportNote.of(n.NAMED_IMAGE, name="Map of the routes", place=scene),
        ImportNote.of(n.ENDNOTES, 1),
        ImportNote.of(n.FIELDS, fields=Listing(("PAGE (1)",))),
    ]
    # The English sentences the command line printed before notes were structured, word for word.
    assert result.notes == [
        'In a table in section "Setting the scene", 1 cell(s) of several paragraphs were joined into one paragraph'
        " each.",
        'The text of a text box in section "Setting the scene" was kept as paragraphs where the box stood.',
        'An image "Map of the routes" in section "Setting the scene" was left out: reports hold text only.',
        "1 endnote(s) became footnotes: the report has footnotes only.",
        "Fields were kept as the text they showed: PAGE (1).",
    ]
    assert result.notes == [str(note) for note in result.structured_notes]


def test_sessions_headers_and_footers_are_places_and_lists_of_their_own(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Draft for the steering group"
    document.sections[0].footer.paragraphs[0].text = "Internal"
    document.add_heading("Discussion", 1)
    document.add_heading("Session 1: Returns", 2)
    paragraph = document.add_paragraph("Returns were discussed.")
    document.add_comment(paragraph.runs, text="Which returns?", author="")
    path = tmp_path / "headers.docx"
    document.save(path)
    result = import_docx(path)
    texts = Listing(("Draft for the steering group", "Internal"), n.QUOTED_SEPARATOR)
    assert result.structured_notes == [ImportNote.of(n.HEADER_FOOTER, texts=texts)]
    assert result.notes == [
        "Page header and footer text is not part of a report and was not imported: "
        '"Draft for the steering group"; "Internal".',
    ]


def test_a_deletion_inside_a_footnote_stays_in_the_footnote_as_a_pending_deletion(tmp_path: Path) -> None:
    footnotes = (
        '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note</w:t></w:r>'
        '<w:del w:id="9" w:author="E"><w:r><w:delText> struck out</w:delText></w:r></w:del></w:p></w:footnote>'
    )
    body = (
        p("Setting the scene", style="Heading1")
        + "<w:p>"
        + r("Text")
        + '<w:r><w:footnoteReference w:id="3"/></w:r></w:p>'
    )
    result = import_docx(make_docx(tmp_path / "note.docx", body, styles=HEADING_STYLE, footnotes=footnotes))
    assert result.notes == []
    assert result.report.footnotes[0].content == [Span("A note"), Span(" struck out", deleted=Change("E"))]


def test_what_a_report_cannot_keep_pending_is_noted_saying_why(tmp_path: Path) -> None:
    """A whole new section and formatting a report does not hold are noted once; the participants' change is kept."""
    change = '<w:ins w:id="7" w:author="Ed" w:date="2021-10-20T10:00:00Z">'
    body = (
        p("Participation", style="Heading1")
        + "<w:p>"
        + r("Austria, Hungary")
        + change
        + r(", Serbia")
        + "</w:ins>"
        + r(" and Turkey.")
        + "</w:p>"
        + '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr>'
        + change.replace(">", "/>")
        + "</w:rPr></w:pPr>"
        + change
        + r("Opening remarks")
        + "</w:ins></w:p>"
        + '<w:p><w:r><w:rPr><w:sz w:val="30"/><w:rPrChange w:id="8" w:author="Ed"><w:rPr/></w:rPrChange></w:rPr>'
        + "<w:t>Bigger, not bolder.</w:t></w:r></w:p>"
    )
    result = import_docx(make_docx(tmp_path / "kept.docx", body, styles=HEADING_STYLE))
    opening = Phrase.of(n.IN_SECTION, heading="Opening remarks")
    assert result.structured_notes == [
        ImportNote.of(
            n.CHANGE_NOT_KEPT, author="Ed", place=opening, reason=Phrase(n.REASON_NEW_SECTION), text="Opening remarks"
        ),
        ImportNote.of(n.FORMAT_CHANGES, 1),
    ]
    assert result.notes[0] == (
        'A tracked change by Ed in section "Opening remarks" could not be kept as a pending change: a report'
        ' cannot hold a proposed new section or session, so the heading was accepted: "Opening remarks"'
    )
    # The participants' change is kept pending (no note): the list as accepted, the old list as rejected.
    participation = result.report.sections[0]
    assert [p.name for p in participation.participants] == ["Austria", "Hungary", "Serbia", "Turkey"]
    [pending] = result.report.field_changes
    assert (pending.field_name, pending.owner, pending.change.author) == (
        "Section.participants",
        participation.id,
        "Ed",
    )
    assert [p.name for p in pending.old] == ["Austria", "Hungary", "Turkey"]


def test_rendering_translates_templates_places_and_separators_never_the_documents_words() -> None:
    catalogue = {
        n.CHANGE_NOT_KEPT: "Modification de {author} dans {place} non gardée en suspens : {reason} : « {text} »",
        n.REASON_NEW_SECTION: "un rapport ne garde pas de section proposée",
        n.IN_SECTION: "la section « {heading} »",
        n.FIELDS: "Champs gardés comme texte : {fields}.",
        n.COMMA: " ; ",
        n.TABLE: "Un tableau ({count_is} %n lignes) dans {place}.",
    }
    asked: list[tuple[str, int | None]] = []

    def translate(template: str, count: int | None) -> str:
        asked.append((template, count))
        text = catalogue.get(template, template)
        return text if count is None else text.replace("%n", f"<{count}>")

    # The document's words hold braces and %n: they are values, never read as fields or counts.
    change = ImportNote.of(
        n.CHANGE_NOT_KEPT,
        author="Ed {place}",
        place=section("{text} Scene"),
        reason=Phrase(n.REASON_NEW_SECTION),
        text="100 %n",
    )
    assert change.render(translate) == (
        "Modification de Ed {place} dans la section « {text} Scene » non gardée en suspens : "
        "un rapport ne garde pas de section proposée : « 100 %n »"
    )
    assert str(change) == (
        'A tracked change by Ed {place} in section "{text} Scene" could not be kept as a pending change: '
        'a report cannot hold a proposed new section or session, so the heading was accepted: "100 %n"'
    )
    fields = ImportNote.of(n.FIELDS, fields=Listing(("PAGE (1)", "DATE (2)")))
    assert fields.render(translate) == "Champs gardés comme texte : PAGE (1) ; DATE (2)."
    # The count reaches the translation (it picks the plural form); a field the values lack stays as written.
    asked.clear()
    table = ImportNote.of(n.TABLE, 3, place=Phrase.of(n.IN_TITLE_BLOCK))
    assert table.render(translate) == "Un tableau ({count_is} <3> lignes) dans the title block."
    assert asked == [(n.TABLE, 3), (n.IN_TITLE_BLOCK, None)]
    assert render_value(7) == "7"


def test_every_template_is_found_by_lupdate_as_a_message_of_its_own(tmp_path: Path) -> None:
    # The real tool on the real file: each constant is a message, and the templates with %n are plural messages.
    target = tmp_path / "notes.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(lupdate),
            str(ROOT / "minutes_editor" / "importer" / "notes.py"),
            "-locations",
            "none",
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    found = {
        message.findtext("source", ""): message.get("numerus") == "yes"
        for context in ET.parse(target).getroot().iter("context")
        if context.findtext("name") == n.CONTEXT
        for message in context.iter("message")
    }
    assert found == {template: "%n" in template for template in templates().values()}


def test_the_arabic_catalogue_keeps_every_field_of_every_template() -> None:
    checked = 0
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != n.CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                assert sorted(FIELD.findall(form)) == sorted(FIELD.findall(source)), (source, form)
            checked += 1
    assert checked == len(templates())
