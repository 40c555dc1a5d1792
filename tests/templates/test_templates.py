"""Templates: any .docx lends its styles, page, header and logo; missing styles come from ours with one warning.

Also the shipped formal template: built reproducibly, with a header line and
a DRAFT watermark that the final version leaves out.
"""

from __future__ import annotations

import importlib.util
import io
import struct
import zlib
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Inches, Pt, RGBColor

from minutes_editor.export.docx_writer import export_docx, render_docx
from minutes_editor.export.template import TemplateError, resolve_template, shipped_templates
from minutes_editor.ooxml import vocabulary as st
from minutes_editor.paths import templates_dir
from minutes_editor.storage.presets import load_preset
from tests.export.reports import Docx, q, text_of, xpath
from tests.languages.samples import sample_report
from tests.support.ooxml import missing_reason, validate_part, wml_schema

ROOT = Path(__file__).resolve().parents[2]
FORMAL = templates_dir() / "formal.docx"
V = "urn:schemas-microsoft-com:vml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
LETTER = ("12240", "15840")  # 8.5 x 11 inches in twips


def build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_template", ROOT / "tools" / "build_template.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG, enough for a logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def letterhead(tmp_path: Path) -> Path:
    """A template made in python-docx: US Letter, a logo in the header, a blue 20 pt Georgia Heading 1."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(40, 20, (200, 30, 30)))
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Inches(1))
    header.add_run(" Ministry of Examples")
    heading = document.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(20)
    heading.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    document.add_paragraph("This body is replaced by the report.")
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def header_of(document: Docx) -> tuple[str, object]:
    """The default header part of the body's section, and its root."""
    rid = xpath(document.document, "string(/w:document/w:body/w:sectPr/w:headerReference[@w:type='default']/@r:id)")
    assert rid, "no default header"
    rels = document.parts["word/_rels/document.xml.rels"]
    target = xpath(rels, f"string(/pr:Relationships/pr:Relationship[@Id='{rid}']/@Target)")
    assert xpath(rels, f"string(/pr:Relationships/pr:Relationship[@Id='{rid}']/@Type)") == HEADER_REL
    name = f"word/{target}"
    return name, document.parts[name]


# A template of the user's own


@pytest.fixture(scope="module")
def letterhead_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Docx, list[str], Path]:
    path = letterhead(tmp_path_factory.mktemp("letterhead"))
    output = render_docx(sample_report("en"), template=path)
    return Docx.read(output.data), [str(warning) for warning in output.warnings], path


def test_page_size_and_margins_come_from_the_template(letterhead_export: tuple[Docx, list[str], Path]) -> None:
    document, _, _ = letterhead_export
    size = xpath(document.document, "/w:document/w:body/w:sectPr/w:pgSz")[0]
    assert (size.get(q("w:w")), size.get(q("w:h"))) == LETTER
    assert xpath(document.document, "string(/w:document/w:body/w:sectPr/w:pgMar/@w:left)") == "1440"


def test_header_with_its_logo_is_kept(letterhead_export: tuple[Docx, list[str], Path]) -> None:
    document, _, _ = letterhead_export
    name, header = header_of(document)
    assert "Ministry of Examples" in "".join(xpath(header, "//w:t/text()"))
    embeds = header.xpath("//a:blip/@r:embed", namespaces={"a": A, "r": R})
    assert len(embeds) == 1
    rels = document.parts[name.replace("word/", "word/_rels/") + ".rels"]
    relationship = xpath(rels, f"/pr:Relationships/pr:Relationship[@Id='{embeds[0]}']")[0]
    assert relationship.get("Type") == IMAGE_REL
    assert "word/" + relationship.get("Target") in document.names
    # Word's own reader (python-docx here) finds the picture through the header part.
    reopened = docx.Document(io.BytesIO(document.data))
    picture = reopened.sections[0].header.part.related_parts[embeds[0]]
    assert picture.content_type == "image/png"
    assert picture.blob.startswith(b"\x89PNG")


def test_heading_style_of_the_template_is_used(letterhead_export: tuple[Docx, list[str], Path]) -> None:
    document, _, _ = letterhead_export
    style_id = document.style_id("heading 1")
    style = xpath(document.styles, f"/w:styles/w:style[@w:styleId='{style_id}']")[0]
    assert xpath(style, "string(w:rPr/w:rFonts/@w:ascii)") == "Georgia"
    assert xpath(style, "string(w:rPr/w:color/@w:val)") == "1F4E79"
    assert xpath(style, "string(w:rPr/w:sz/@w:val)") == "40"
    headings = document.paragraphs_in("heading 1")
    assert len(headings) == 5
    assert all(xpath(p, "string(w:pPr/w:pStyle/@w:val)") == style_id for p in headings)
    # A template of the user's own keeps its fonts: the language's default fonts are not forced on it.
    fonts = xpath(document.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")[0]
    assert fonts.get(q("w:ascii")) != load_preset("en").fonts.latin


def test_missing_styles_come_with_one_warning_naming_them(letterhead_export: tuple[Docx, list[str], Path]) -> None:
    document, warnings, path = letterhead_export
    present = {style.name.lower() for style in docx.Document(str(path)).styles if style.name}
    missing = [style.name for style in st.REQUIRED_STYLES if style.name.lower() not in present]
    assert len(missing) >= 5  # python-docx's template lacks our title-block and footnote styles
    about_styles = [message for message in warnings if "style" in message and "numbering" not in message]
    assert len(about_styles) == 1, warnings
    for name in missing:
        assert f'"{name}"' in about_styles[0]
        document.style_id(name)  # copied in
    for style in st.REQUIRED_STYLES:
        if style.name not in missing:
            assert f'"{style.name}"' not in about_styles[0]


def test_a_template_lacking_one_style_names_it_alone(tmp_path: Path) -> None:
    from minutes_editor.export.package import Package
    from minutes_editor.paths import default_template

    package = Package.from_file(default_template())
    styles = package.xml("word/styles.xml")
    for style in xpath(styles, f"/w:styles/w:style[@w:styleId='{st.SESSION_GOALS.style_id}']"):
        styles.remove(style)
    template = tmp_path / "no-goals.docx"
    template.write_bytes(package.to_bytes())
    warnings = [str(warning) for warning in render_docx(sample_report("ru"), template=template).warnings]
    assert warnings == ['The template has no style "Session Goals"; the default one is used.']


def test_rtl_report_in_a_foreign_template_gets_direction_and_language(
    letterhead_export: tuple[Docx, list[str], Path],
) -> None:
    _, _, path = letterhead_export
    document = Docx.read(render_docx(sample_report("ur"), template=path).data)
    assert all(xpath(p, "w:pPr/w:bidi") for p in document.all_paragraphs())
    lang = xpath(document.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert lang.get(q("w:bidi")) == "ur-PK"
    _, header = header_of(document)
    assert all(xpath(p, "w:pPr/w:bidi") for p in xpath(header, "//w:p"))


# The shipped formal template


def test_formal_template_is_built_reproducibly(tmp_path: Path) -> None:
    module = build_module()
    assert module.build("formal") == module.build("formal")
    assert module.build("formal") == FORMAL.read_bytes(), "templates/formal.docx is stale: run tools/build_template.py"
    assert module.main(["--variant", "formal", "--output", str(tmp_path / "f.docx")]) == 0
    assert (tmp_path / "f.docx").read_bytes() == FORMAL.read_bytes()
    with pytest.raises(ValueError, match="unknown template"):
        module.build("fancy")


def test_formal_template_is_the_plain_one_with_a_header() -> None:
    formal, plain = Docx.read(FORMAL.read_bytes()), Docx.read((templates_dir() / "report.docx").read_bytes())
    assert set(plain.names) < set(formal.names)
    for style in st.REQUIRED_STYLES:
        assert formal.style_id(style.xml_name) == plain.style_id(style.xml_name)
    _, header = header_of(formal)
    paragraph = xpath(header, "/w:hdr/w:p")[0]
    assert text_of(paragraph) == "Organisation name"
    assert xpath(paragraph, "string(w:pPr/w:pBdr/w:bottom/@w:val)") == "single"
    shape = header.findall(f".//{{{V}}}shape")
    assert len(shape) == 1
    assert shape[0].get("id").startswith("PowerPlusWaterMarkObject")
    assert shape[0].find(f"{{{V}}}textpath").get("string") == "DRAFT"


def test_formal_parts_are_schema_valid() -> None:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    schema = wml_schema()
    assert schema is not None
    for name, root in Docx.read(render_docx(sample_report("fa"), template="formal").data).parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            assert validate_part(root, schema) == [], name


def watermarks(document: Docx) -> list:
    _, header = header_of(document)
    return [shape for shape in header.iter(f"{{{V}}}shape") if shape.get("id", "").startswith("PowerPlus")]


@pytest.mark.parametrize("code", ["en", "fa"])
def test_watermark_in_a_draft_and_not_in_the_final_version(code: str) -> None:
    preset = load_preset(code)
    draft = Docx.read(render_docx(sample_report(code), template="formal").data)
    assert len(watermarks(draft)) == 1
    final_option = Docx.read(render_docx(sample_report(code), template="formal", watermark=False).data)
    assert watermarks(final_option) == []
    # The header line stays: only the watermark goes.
    _, header = header_of(final_option)
    assert "Organisation name" in "".join(xpath(header, "//w:t/text()"))
    final_status = Docx.read(render_docx(sample_report(code, status=preset.final_status), template="formal").data)
    assert watermarks(final_status) == []
    forced = render_docx(sample_report(code, status=preset.final_status), template="formal", watermark=True)
    assert len(watermarks(Docx.read(forced.data))) == 1
    assert forced.warnings == []


def test_formal_template_takes_the_languages_fonts() -> None:
    document = Docx.read(render_docx(sample_report("fa"), template=FORMAL).data)
    fonts = xpath(document.styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")[0]
    assert fonts.get(q("w:cs")) == "Tahoma"
    assert fonts.get(q("w:ascii")) == "Tahoma"


def test_export_to_a_file_with_the_final_option(tmp_path: Path) -> None:
    target = tmp_path / "final.docx"
    result = export_docx(sample_report("tr"), target, template="formal", watermark=False)
    assert result.warnings == []
    assert watermarks(Docx.read(target.read_bytes())) == []


def test_templates_are_found_by_name_or_path(tmp_path: Path) -> None:
    assert set(shipped_templates()) >= {"report", "formal"}
    assert resolve_template("formal") == FORMAL
    assert resolve_template("formal.docx") == FORMAL
    assert resolve_template(None) is None
    own = tmp_path / "formal"
    own.write_bytes(b"")
    assert resolve_template(own) == own  # an existing path wins over a name
    with pytest.raises(TemplateError, match="fancy"):
        render_docx(sample_report("en"), template="fancy")


WORD_2016_WATERMARK = f"""
<w:r xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wp="{WP}" xmlns:v="{V}">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="1"
          locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
        <wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
        <wp:positionV relativeFrom="margin"><wp:align>center</wp:align></wp:positionV>
        <wp:extent cx="5000000" cy="2000000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
        <wp:docPr id="7" name="PowerPlusWaterMarkObject357"/><wp:cNvGraphicFramePr/>
        <a:graphic xmlns:a="{A}"><a:graphicData uri="wps"/></a:graphic>
      </wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback><w:pict><v:shape id="PowerPlusWaterMarkObject357" type="#_x0000_t136"/></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""
PICTURE_WATERMARK = f"""
<w:r xmlns:w="{W}" xmlns:v="{V}"><w:pict><v:shape id="WordPictureWatermark12" type="#_x0000_t75"/></w:pict></w:r>"""


def test_word_watermarks_of_any_kind_are_removed_for_the_final_version(tmp_path: Path) -> None:
    from lxml import etree

    from minutes_editor.export.package import Package

    package = Package.from_file(letterhead(tmp_path))
    main = package.main_document()
    (header_name,) = [rel.target for rel in package.relationships(main) if rel.rel_type == HEADER_REL]
    paragraph = package.xml(header_name).find(f"{{{W}}}p")
    assert paragraph is not None
    paragraph.append(etree.fromstring(WORD_2016_WATERMARK))
    paragraph.append(etree.fromstring(PICTURE_WATERMARK))
    template = tmp_path / "watermarked.docx"
    template.write_bytes(package.to_bytes())

    def names(document: Docx) -> list[str]:
        _, header = header_of(document)
        shapes = [shape.get("id", "") for shape in header.iter(f"{{{V}}}shape")]
        found = shapes + [frame.get("name", "") for frame in header.iter(f"{{{WP}}}docPr")]
        return [name for name in found if name != "Picture 1"]  # python-docx's name for the logo

    kept = names(Docx.read(render_docx(sample_report("en"), template=template).data))
    assert sorted(kept) == ["PowerPlusWaterMarkObject357"] * 2 + ["WordPictureWatermark12"]
    final = Docx.read(render_docx(sample_report("en"), template=template, watermark=False).data)
    assert names(final) == []
    _, header = header_of(final)
    assert "Ministry of Examples" in "".join(xpath(header, "//w:t/text()"))
    assert header.xpath("//a:blip", namespaces={"a": A})  # the logo is not a watermark
