"""Exported parts validate against the ECMA-376 schemas (../shared/ooxml-xsd) with zero errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.paths import default_template
from minutes_editor.storage.minutes_file import load_report
from tests.export.reports import arabic_report, english_report, repeated
from tests.support.examples import example_path
from tests.support.ooxml import missing_reason, validate_part, wml_schema

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")

PARTS = (
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/settings.xml",
    "word/footer1.xml",
)


def schema() -> etree.XMLSchema:
    loaded = wml_schema()
    assert loaded is not None
    return loaded


def errors_in(data: bytes, names: tuple[str, ...] = PARTS) -> dict[str, list[str]]:
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in names:
            if name in archive.namelist():
                found[name] = validate_part(archive.read(name), schema())
            else:
                found[name] = ["part missing"]
    return found


def reports() -> list[tuple[str, object]]:
    cases: list[tuple[str, object]] = [("arabic", arabic_report), ("english", english_report)]
    for language in ("ar", "en"):
        path = example_path(language)
        if path.is_file():
            cases.append((path.name, lambda path=path: load_report(path)))
    return cases


@pytest.mark.parametrize(("name", "make"), reports(), ids=[name for name, _ in reports()])
def test_exported_parts_are_schema_valid(name: str, make: object) -> None:
    report = make()  # type: ignore[operator]
    assert errors_in(render_docx(report).data) == {name: [] for name in PARTS}


def test_template_parts_are_schema_valid() -> None:
    assert errors_in(default_template().read_bytes()) == {name: [] for name in PARTS}


def test_report_with_repeated_footnote_is_schema_valid() -> None:
    report = repeated(english_report(), 3)
    assert errors_in(render_docx(report).data) == {name: [] for name in PARTS}


def test_output_on_python_docx_template_is_schema_valid() -> None:
    template = Path(docx.__file__).parent / "templates" / "default.docx"
    data = render_docx(arabic_report(), template=template).data
    names = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml")
    assert errors_in(data, names) == {name: [] for name in names}


def test_validator_reports_properties_out_of_schema_order() -> None:
    # The check must be able to fail: w:bidi after w:jc is the classic ordering mistake.
    bad = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b'<w:p><w:pPr><w:jc w:val="both"/><w:bidi/></w:pPr></w:p></w:body></w:document>'
    )
    errors = validate_part(bad, schema())
    assert errors
    assert "bidi" in errors[0]


def test_validator_resolves_markup_compatibility() -> None:
    part = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        b' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        b' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
        b'<w:body><w:p w14:paraId="1A2B3C4D"><mc:AlternateContent><mc:Choice Requires="w14"><w14:x/></mc:Choice>'
        b"<mc:Fallback><w:r><w:t>x</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>"
    )
    assert validate_part(part, schema()) == []


REAL_DOCX = Path(__file__).resolve().parents[3] / "shared" / "real-docx" / "pandoc-test"


def _part_errors(data: bytes) -> dict[str, set[str]]:
    from minutes_editor.export.package import Package
    from minutes_editor.ooxml.opc import RT_FOOTNOTES, RT_NUMBERING, RT_STYLES

    package = Package.from_bytes(data)
    main = package.main_document()
    names = {"document": main}
    for label, rel_type in (("styles", RT_STYLES), ("numbering", RT_NUMBERING), ("footnotes", RT_FOOTNOTES)):
        target = package.related(main, rel_type)
        if target and package.has(target):
            names[label] = target
    # Line numbers change when a part is rewritten: compare the messages alone.
    return {
        label: {error.split(": ", 1)[1] for error in validate_part(package.blob(name), schema())}
        for label, name in names.items()
    }


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason=f"real .docx files not found at {REAL_DOCX}")
def test_real_word_files_as_templates_gain_no_schema_errors() -> None:
    problems = {}
    files = sorted(REAL_DOCX.glob("*.docx"))
    assert len(files) > 50
    for path in files:
        before = _part_errors(path.read_bytes())
        output = render_docx(arabic_report(), template=path)
        after = _part_errors(output.data)
        new = {label: errors - before.get(label, set()) for label, errors in after.items()}
        new = {label: errors for label, errors in new.items() if errors}
        if new:
            problems[path.name] = new
    assert problems == {}


@pytest.mark.parametrize("arabic", [True, False], ids=["rtl", "ltr"])
def test_tables_action_tables_and_tracked_rows_are_schema_valid(arabic: bool) -> None:
    from tests.tables.test_tables_docx import with_tables

    report = with_tables(arabic_report() if arabic else english_report(), arabic=arabic, inserted=True, deleted=True)
    assert errors_in(render_docx(report).data) == {name: [] for name in PARTS}
