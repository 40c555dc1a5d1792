"""The one relationship reader of minutes_editor.ooxml."""

from __future__ import annotations

from lxml import etree

from minutes_editor.ooxml.opc import RT_HYPERLINK, RT_STYLES, read_relationships, safe_part_name

PR = "http://schemas.openxmlformats.org/package/2006/relationships"


def test_relationships_resolve_against_the_source_part() -> None:
    root = etree.fromstring(
        f'<Relationships xmlns="{PR}">'
        f'<Relationship Id="rId1" Type="{RT_STYLES}" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{RT_STYLES}" Target="/word/media/../theme/theme1.xml#x"/>'
        f'<Relationship Id="rId3" Type="{RT_HYPERLINK}" Target="https://example.org/a#b" TargetMode="external"/>'
        f'<Relationship Id="rId4" Type="{RT_STYLES}" Target="../../etc/passwd"/>'
        "<!-- not a relationship --><Other/>"
        "</Relationships>"
    )
    first, absolute, link, escape = read_relationships(root, "word/document.xml")
    assert (first.r_id, first.kind, first.target, first.external) == ("rId1", "styles", "word/styles.xml", False)
    assert absolute.target == "word/theme/theme1.xml"
    assert (link.target, link.external, link.kind) == ("https://example.org/a#b", True, "hyperlink")
    assert escape.target == "../etc/passwd"
    assert escape.written == "../../etc/passwd"
    assert not safe_part_name(escape.target)
    assert [rel.target for rel in read_relationships(root, "")][:1] == ["styles.xml"]
