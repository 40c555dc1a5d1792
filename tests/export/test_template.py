"""The default template: built reproducibly by tools/build_template.py, with the styles and parts the writer needs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from minutes_editor.ooxml import vocabulary as st
from minutes_editor.paths import default_template
from tests.export.reports import Docx, q, xpath

ROOT = Path(__file__).resolve().parents[2]


def build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_template", ROOT / "tools" / "build_template.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template() -> Docx:
    return Docx.read(default_template().read_bytes())


def test_build_is_reproducible_and_matches_the_committed_template(tmp_path: Path) -> None:
    module = build_module()
    first, second = module.build(), module.build()
    assert first == second
    assert first == default_template().read_bytes(), "templates/report.docx is stale: run tools/build_template.py"
    assert module.main(["--output", str(tmp_path / "t.docx")]) == 0
    assert (tmp_path / "t.docx").read_bytes() == first


def test_compatibility_mode_is_current(template: Docx) -> None:
    mode = xpath(template.settings, "//w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val")
    assert mode == ["15"]


def test_page_is_a4_with_formal_margins(template: Docx) -> None:
    section = xpath(template.document, "/w:document/w:body/w:sectPr")[0]
    size = xpath(section, "w:pgSz")[0]
    assert (size.get(q("w:w")), size.get(q("w:h"))) == ("11906", "16838")
    margins = xpath(section, "w:pgMar")[0]
    for side in ("top", "bottom", "left", "right"):
        assert abs(int(margins.get(q(f"w:{side}"))) / 1440 * 2.54 - 2.5) < 0.01
    assert xpath(section, "w:footerReference[@w:type='default']")


def test_every_contract_style_exists_with_its_type(template: Docx) -> None:
    for style in (*st.REQUIRED_STYLES, st.FOOTER, st.NORMAL):
        found = xpath(template.styles, f"/w:styles/w:style[@w:styleId='{style.style_id}']")
        assert found, style.name
        assert found[0].get(q("w:type")) == style.kind
        assert xpath(found[0], "string(w:name/@w:val)") == style.xml_name
    reference = xpath(template.styles, f"//w:style[@w:styleId='{st.FOOTNOTE_REFERENCE.style_id}']")[0]
    assert xpath(reference, "string(w:rPr/w:vertAlign/@w:val)") == "superscript"
    for heading in (st.HEADING_1, st.HEADING_2):
        style = xpath(template.styles, f"//w:style[@w:styleId='{heading.style_id}']")[0]
        assert xpath(style, "w:rPr/w:b")
        assert xpath(style, "w:rPr/w:bCs")


def test_body_size_is_that_of_a_formal_report(template: Docx) -> None:
    size = int(xpath(template.styles, "string(//w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val)"))
    assert 22 <= size <= 24


def test_template_has_no_direction_of_its_own(template: Docx) -> None:
    # Direction is the report's: the writer adds it for right-to-left reports only.
    for root in template.parts.values():
        assert xpath(root, "//w:bidi | //w:rtl") == []


def test_footnote_part_is_wired(template: Docx) -> None:
    types = {n.get(q("w:type")): n.get(q("w:id")) for n in xpath(template.footnotes, "/w:footnotes/w:footnote")}
    assert types == {"separator": "-1", "continuationSeparator": "0"}
    assert xpath(template.footnotes, "//w:footnote[@w:id='-1']//w:separator")
    assert xpath(template.footnotes, "//w:footnote[@w:id='0']//w:continuationSeparator")
    assert xpath(template.settings, "/w:settings/w:footnotePr/w:footnote/@w:id") == ["-1", "0"]


def test_docs_name_every_style() -> None:
    text = (ROOT / "docs" / "template.md").read_text(encoding="utf-8")
    for style in (*st.REQUIRED_STYLES, st.FOOTER):
        assert style.name in text, style.name
        assert style.style_id in text, style.style_id
    documented = set(re.findall(r"^\| ([A-Z][A-Za-z0-9 -]+?) \|", text, flags=re.MULTILINE))
    assert {style.name for style in st.REQUIRED_STYLES} <= documented
