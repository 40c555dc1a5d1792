"""Any valid report exports: no crash whatever its characters, schema-valid parts, its text kept, its direction."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.export.text import clean_xml_text
from minutes_editor.model.report import Direction, Report
from minutes_editor.render.flow import flatten
from tests.export.reports import Docx, q, xpath
from tests.strategies import reports
from tests.support.ooxml import validate_part, wml_schema


def visible_text(paragraph: object) -> str:
    """Text of a paragraph's own runs (a repeated footnote number, a field result, is left out)."""
    out = []
    for node in paragraph.iter(q("w:t"), q("w:tab"), q("w:br")):  # type: ignore[attr-defined]
        if any(ancestor.tag == q("w:fldSimple") for ancestor in node.iterancestors()):
            continue
        out.append({q("w:tab"): "\t", q("w:br"): "\n"}.get(node.tag, node.text or ""))
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_exports_with_its_text_and_direction(report: Report) -> None:
    output = render_docx(report)
    result = Docx.read(output.data)
    flow = flatten(report)
    paragraphs = result.paragraphs()
    assert [visible_text(p) for p in paragraphs] == [clean_xml_text(p.text).text for p in flow.paragraphs]
    rtl = flow.direction is Direction.RTL
    assert all(bool(xpath(p, "w:pPr/w:bidi")) == rtl for p in result.all_paragraphs())
    assert len(xpath(result.document, "//w:footnoteReference")) == len(flow.notes)
    dropped = any(clean_xml_text(p.text).dropped for p in flow.paragraphs)
    assert dropped <= any("cannot hold" in str(warning) for warning in output.warnings)
    schema = wml_schema()
    if schema is not None:
        for name in ("word/document.xml", "word/footnotes.xml", "word/styles.xml"):
            assert validate_part(result.parts[name], schema) == [], name
