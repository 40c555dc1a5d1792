"""Reports after a trip through LibreOffice, and a report made in LibreOffice, read back into structure.

Both examples are exported, converted by LibreOffice (.docx to .docx, and
.docx to .odt to .docx) and imported: the same sections, sessions, goals,
bullets and levels, footnotes and their positions, and emphasis. A report
written in LibreOffice's own way (flat ODT: outline headings, its list
styles, automatic styles for emphasis, a footnote) is converted to .docx by
LibreOffice and imported; the same report saved as Word 97 (.doc) is
refused with a clear message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import LegacyWordError, import_docx
from minutes_editor.model.report import BlockKind, FootnoteRef, Span
from minutes_editor.storage.minutes_file import load_report
from tests.importer.comparison import canonical, outline
from tests.importer.helpers import report_texts, word_counts, xml_texts
from tests.support.libreoffice import convert

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LANGUAGES = ("ar", "en")
ROUTES = ("docx-docx", "docx-odt-docx")

LIBREOFFICE_REPORT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text">
   <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
  <style:style style:name="T2" style:family="text">
   <style:text-properties fo:font-style="italic" style:font-style-complex="italic"/></style:style>
  <style:style style:name="T3" style:family="text">
   <style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"
    style:text-underline-color="font-color"/></style:style>
  <text:list-style style:name="L1">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
   <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
   <text:list-level-style-bullet text:level="3" text:bullet-char="▪"/>
  </text:list-style>
  <text:list-style style:name="L2">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
  </text:list-style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p text:style-name="Title">Joint meeting of the working groups</text:p>
  <text:p text:style-name="Text_20_body">Date: 14 October 2021, 10:00–13:00 CET</text:p>
  <text:p text:style-name="Text_20_body">Location: virtual, via Zoom</text:p>
  <text:p text:style-name="Text_20_body">Draft report</text:p>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">Meeting objectives</text:h>
  <text:p text:style-name="Text_20_body">The aims of this meeting were:</text:p>
  <text:list text:style-name="L1">
   <text:list-item><text:p>To explore ways of building capacity</text:p>
    <text:list><text:list-item><text:p>with the Silk Routes countries</text:p>
     <text:list><text:list-item><text:p>and beyond</text:p></text:list-item></text:list>
    </text:list-item></text:list>
   </text:list-item>
   <text:list-item><text:p>To identify challenges</text:p></text:list-item>
  </text:list>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">Setting the scene</text:h>
  <text:p text:style-name="Text_20_body">The <text:span text:style-name="T1">New Pact</text:span> is
   <text:span text:style-name="T2">external</text:span> and <text:span text:style-name="T3">underlined</text:span>
   in Kosovo<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>
   <text:note-body><text:p text:style-name="Footnote">This designation is without prejudice to positions
   on status.</text:p></text:note-body></text:note>.</text:p>
  <text:list text:style-name="L2"><text:list-item><text:p>A numbered point</text:p></text:list-item></text:list>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">Main discussion points</text:h>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">Session 1: Cooperation under Priority Goal 1</text:h>
  <text:p text:style-name="Text_20_body">“Preventing migrant smuggling” and “Facilitating effective return”</text:p>
  <text:list text:style-name="L1">
   <text:list-item><text:p>Readmission agreements should be active.</text:p></text:list-item></text:list>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">Key takeaways</text:h>
  <text:list text:style-name="L1">
   <text:list-item><text:p>Many efforts are under way.</text:p></text:list-item></text:list>
 </office:text></office:body>
</office:document>
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Examples exported and sent through LibreOffice both ways, plus a LibreOffice-made report."""
    folder = tmp_path_factory.mktemp("libreoffice")
    exported = []
    for language in LANGUAGES:
        path = folder / f"{language}.docx"
        export_docx(load_report(EXAMPLES / f"budapest-process-2021-10-14.{language}.minutes"), path)
        exported.append(path)
    handmade = folder / "handmade.fodt"
    handmade.write_text(LIBREOFFICE_REPORT, encoding="utf-8")
    profile = folder / "profile"
    convert([*exported, handmade], "docx", folder / "docx-docx", profile=profile)
    odt = convert(exported, "odt", folder / "odt", profile=profile)
    convert(odt, "docx", folder / "docx-odt-docx", profile=profile)
    convert([handmade], "doc", folder / "doc", profile=profile)
    return folder


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_examples_survive_libreoffice(converted: Path, language: str, route: str) -> None:
    path = converted / route / f"{language}.docx"
    result = import_docx(path)
    original = canonical(load_report(EXAMPLES / f"budapest-process-2021-10-14.{language}.minutes"))
    got = canonical(result.report)
    assert got.language == original.language
    # Sections, sessions and goals, bullets and levels, footnote marks where they were, emphasis:
    assert outline(got) == outline(original)
    assert got.title == original.title
    assert got.footnotes == original.footnotes
    assert [section.participants for section in got.sections] == [section.participants for section in original.sections]
    assert word_counts(report_texts(result.report)) == word_counts(xml_texts(path))


def test_libreoffice_made_report(converted: Path) -> None:
    path = converted / "docx-docx" / "handmade.docx"
    result = import_docx(path)
    report = result.report
    assert word_counts(report_texts(report)) == word_counts(xml_texts(path))
    title = report.title
    assert title.meeting == "Joint meeting of the working groups"
    assert (title.location, title.status) == ("virtual, via Zoom", "Draft report")
    assert title.date is not None
    assert [(section.kind.value, section.level) for section in report.sections] == [
        ("objectives", 1),
        ("setting_the_scene", 1),
        ("discussion", 1),
        ("takeaways", 2),
    ]
    levels = [block.level for block in report.sections[0].blocks if block.kind is BlockKind.BULLET]
    assert levels == [1, 2, 3, 1]
    scene = report.sections[1].blocks[0].content
    emphasis = {item.text.strip(): (item.bold, item.italic, item.underline) for item in scene if isinstance(item, Span)}
    assert emphasis["New Pact"] == (True, False, False)
    assert emphasis["external"] == (False, True, False)
    assert emphasis["underlined"] == (False, False, True)
    mark = next(index for index, item in enumerate(scene) if isinstance(item, FootnoteRef))
    before = scene[mark - 1]
    assert isinstance(before, Span)
    assert before.text.rstrip().endswith("Kosovo")
    assert report.footnotes[0].content[0].text.startswith("This designation")
    session = report.sections[2].sessions[0]
    assert session.goals == ["Preventing migrant smuggling", "Facilitating effective return"]


def test_libreoffice_doc_is_refused(converted: Path) -> None:
    path = converted / "doc" / "handmade.doc"
    with pytest.raises(LegacyWordError, match=r"old Word 97-2003 document \(\.doc\)"):
        import_docx(path)
