"""A Word template is a door like any other: hostile templates are refused with the product's own message.

Every hostile template is generated here from our own template (templates/report.docx) with one thing
changed, and given to the real command line (``cli.main``, whose exit code and standard error are read).
Templates that are usable but carry what a template should not bring (macros, comments, custom XML, their
own properties, a member named ``../evil``) are exported, and the .docx is read back as a zip and XML.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_editor import cli
from minutes_editor.export.docx_writer import render_docx
from minutes_editor.export.template import TemplateError, prepare, template_for
from minutes_editor.paths import default_template
from minutes_editor.storage.minutes_file import save_report
from tests.export.reports import arabic_report
from tests.support.ooxml import missing_reason, validate_part, wml_schema

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def ours() -> dict[str, bytes]:
    with zipfile.ZipFile(default_template()) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return path


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def with_rel(rels: bytes, rel_type: str, target: str, r_id: str, *, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    extra = f'<Relationship Id="{r_id}" Type="{rel_type}" Target="{target}"{mode}/>'
    return rels.replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def with_types(types: bytes, extra: str) -> bytes:
    return types.replace(b"</Types>", extra.encode() + b"</Types>")


def export(tmp_path: Path, template_path: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    report = tmp_path / "report.minutes"
    save_report(arabic_report(), report)
    out = tmp_path / "out.docx"
    code = cli.main(["export", str(report), "--template", str(template_path), "-o", str(out)])
    return code, capsys.readouterr().err, out


def refused(tmp_path: Path, path: Path | str, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    code, err, out = export(tmp_path, path, capsys)
    assert code == cli.EXIT_BAD_INPUT, err
    assert err.startswith(f"minutes-editor: {Path(path).name}: this Word template cannot be used: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    assert not out.exists()
    assert not out.with_name(out.name + ".bak").exists()
    return err


# ------------------------------------------------------------------ refused


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, capsys):
    # 32 MB of zeros deflate to about 32 KB: a ratio of 1000 to 1, which no real part has.
    members = ours()
    members["word/media/bomb.bin"] = bytes(32 * 1024 * 1024)
    path = write_zip(tmp_path / "letterhead.docx", members)
    assert path.stat().st_size < 1024 * 1024
    refused(tmp_path, path, capsys, "word/media/bomb.bin", "zip bomb")


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode() for n in range(1, 10)
    )
    + f']><w:styles xmlns:w="{W}"><w:style w:styleId="x"><w:name w:val="&lol9;"/></w:style></w:styles>'.encode()
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    + f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>'.encode()
)


@pytest.mark.parametrize(
    ("part", "data", "words"),
    [
        ("word/styles.xml", LAUGHS, ("word/styles.xml", "DTD")),
        ("word/document.xml", EXTERNAL, ("word/document.xml", "DTD")),
        ("word/styles.xml", b"<w:styles", ("word/styles.xml", "damaged")),
        ("word/document.xml", b"<w:document><w:body>", ("word/document.xml", "damaged")),
        ("word/_rels/document.xml.rels", b"<Relationships><Relationship", ("document.xml.rels", "damaged")),
        ("word/footnotes.xml", b"\x00\xff not xml", ("word/footnotes.xml", "damaged")),
        (
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>'.encode()
            + b"<w:p>" * 10_000
            + b"</w:p>" * 10_000
            + b"</w:body></w:document>",
            ("word/document.xml", "too deeply"),
        ),
    ],
    ids=["billion-laughs", "external-entity", "styles", "document", "rels", "footnotes", "10000-deep"],
)
def test_a_hostile_or_broken_part_is_refused(tmp_path, capsys, part, data, words):
    members = ours()
    members[part] = data
    refused(tmp_path, write_zip(tmp_path / "letterhead.docx", members), capsys, *words)


def test_a_heading_style_without_an_id_is_refused(tmp_path, capsys):
    members = ours()
    members["word/styles.xml"] = members["word/styles.xml"].replace(b'w:styleId="Heading1"', b"", 1)
    assert members["word/styles.xml"] != ours()["word/styles.xml"]
    refused(tmp_path, write_zip(tmp_path / "t.docx", members), capsys, "word/styles.xml", "without an id")


def test_numbering_ids_that_are_not_numbers_are_refused(tmp_path, capsys):
    members = ours()
    members["word/numbering.xml"] = members["word/numbering.xml"].replace(b'w:numId="1"', b'w:numId="one"', 1)
    assert members["word/numbering.xml"] != ours()["word/numbering.xml"]
    refused(tmp_path, write_zip(tmp_path / "t.docx", members), capsys, "word/numbering.xml", "one")


def test_a_fifo_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "letterhead.docx"
    os.mkfifo(fifo)
    refused(tmp_path, fifo, capsys, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(tmp_path, capsys, device):
    refused(tmp_path, device, capsys, "not a regular file")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: path, ("does not exist",)),
        (lambda path: path.mkdir() or path, ("folder",)),
        (lambda path: written(path, b""), ("empty",)),
        (lambda path: path.with_name("nul\x00.docx"), ("null byte",)),
        (lambda path: written(path, b"%PDF-1.4 ..."), ("PDF",)),
        (lambda path: write_zip(path, {"a.txt": b"a"}), ("[Content_Types].xml",)),
    ],
    ids=["missing", "folder", "empty", "nul", "pdf", "not-word"],
)
def test_what_is_not_a_template_is_said(tmp_path, capsys, make, words):
    refused(tmp_path, make(tmp_path / "letterhead.docx"), capsys, *words)


def test_a_template_error_is_a_phrase_naming_the_file(tmp_path):
    with pytest.raises(TemplateError) as caught:
        prepare(tmp_path / "none.docx")
    assert caught.value.path == tmp_path / "none.docx"
    assert caught.value.message.template == "this Word template cannot be used: {reason}"
    assert str(caught.value) == "none.docx: this Word template cannot be used: the file does not exist"


# ------------------------------------------------------------------ kept out

VBA_TYPES = (
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '<Override PartName="/word/comments.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
    '<Override PartName="/word/people.xml" ContentType="application/vnd.ms-word.people+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    '<Override PartName="/docProps/custom.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    '<Override PartName="/word/glossary/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
)


def loaded_template(tmp_path: Path) -> Path:
    """A macro-enabled template carrying everything a template should not bring."""
    members = ours()
    types = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    members["[Content_Types].xml"] = with_types(types, VBA_TYPES)
    rels = members["word/_rels/document.xml.rels"]
    for r_id, rel_type, target in (
        ("rId90", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"),
        ("rId91", OFFICE + "comments", "comments.xml"),
        ("rId92", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"),
        ("rId93", OFFICE + "customXml", "../customXml/item1.xml"),
        ("rId94", OFFICE + "glossaryDocument", "glossary/document.xml"),
        ("rId95", OFFICE + "header", "../../evil.xml"),
    ):
        rels = with_rel(rels, rel_type, target, r_id)
    members["word/_rels/document.xml.rels"] = rels
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro"
    members["word/comments.xml"] = f'<w:comments xmlns:w="{W}"><w:comment w:id="0"/></w:comments>'.encode()
    members["word/people.xml"] = b"<people/>"
    members["customXml/item1.xml"] = b"<secret>salary table</secret>"
    members["customXml/itemProps1.xml"] = b"<props/>"
    members["word/glossary/document.xml"] = f'<w:glossaryDocument xmlns:w="{W}"/>'.encode()
    members["docProps/core.xml"] = b"<not closed"  # malformed: never read, the export writes its own
    members["docProps/custom.xml"] = b"<Properties><property>Evil Corp</property></Properties>"
    members["../evil.xml"] = b"<evil/>"
    members["/etc/evil.xml"] = b"<evil/>"
    members["word\\evil.xml"] = b"<evil/>"
    package_rels = with_rel(members["_rels/.rels"], OFFICE + "custom-properties", "docProps/custom.xml", "rId90")
    members["_rels/.rels"] = with_rel(package_rels, OFFICE + "officeDocument", "../evil.xml", "rId91")
    settings = f'<w:attachedTemplate xmlns:w="{W}" xmlns:r="{R}" r:id="rId1"/>'
    members["word/settings.xml"] = members["word/settings.xml"].replace(
        b"</w:settings>", settings.encode() + b"</w:settings>"
    )
    members["word/_rels/settings.xml.rels"] = with_rel(
        f'<Relationships xmlns="{REL}"></Relationships>'.encode(),
        OFFICE + "attachedTemplate",
        "file:///C:/Users/someone/Evil.dotm",
        "rId1",
        external=True,
    )
    return write_zip(tmp_path / "loaded.dotm", members)


def test_only_what_a_template_should_bring_reaches_the_report(tmp_path, capsys):
    code, err, out = export(tmp_path, loaded_template(tmp_path), capsys)
    assert code == cli.EXIT_OK, err
    assert "macros are not carried" in err
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    allowed = {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/footnotes.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    }
    assert set(names) == allowed
    for name in names:
        assert not name.startswith(("/", "..")), name
        assert "\\" not in name
    blob = b"".join(parts.values())
    for word in (b"vbaProject", b"macroEnabled", b"comments", b"people", b"customXml", b"glossary", b"evil", b"Evil"):
        assert word not in blob, word
    assert b"attachedTemplate" not in parts["word/settings.xml"]
    core = etree.fromstring(parts["docProps/core.xml"])
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == arabic_report().title.meeting
    types = etree.fromstring(parts["[Content_Types].xml"])
    declared = {item.get("PartName", "").lstrip("/") for item in types.iterfind(f"{{{CT}}}Override")}
    assert declared <= set(names)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    assert {rel.get("Target") for rel in rels} <= {
        "styles.xml",
        "numbering.xml",
        "settings.xml",
        "footnotes.xml",
        "footer1.xml",
    }


@pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")
def test_a_sorted_template_gives_schema_valid_parts(tmp_path):
    output = render_docx(arabic_report(), template=loaded_template(tmp_path))
    schema = wml_schema()
    assert schema is not None
    with zipfile.ZipFile(io.BytesIO(output.data)) as archive:
        for name in (
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/footnotes.xml",
        ):
            assert validate_part(archive.read(name), schema) == [], name


def test_a_header_keeps_its_picture_and_loses_what_is_not_a_picture(tmp_path):
    members = ours()
    header = (
        f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:r><w:t>Letterhead</w:t></w:r></w:p>'
        f'<w:altChunk r:id="rId2"/></w:hdr>'
    )
    members["word/header1.xml"] = header.encode()
    header_rels = with_rel(
        f'<Relationships xmlns="{REL}"></Relationships>'.encode(), OFFICE + "image", "media/logo.png", "rId1"
    )
    members["word/_rels/header1.xml.rels"] = with_rel(header_rels, OFFICE + "aFChunk", "chunk.html", "rId2")
    members["word/media/logo.png"] = b"\x89PNG\r\n\x1a\n logo"
    members["word/chunk.html"] = b"<html>imported</html>"
    members["word/_rels/document.xml.rels"] = with_rel(
        members["word/_rels/document.xml.rels"], OFFICE + "header", "header1.xml", "rId80"
    )
    members["[Content_Types].xml"] = with_types(
        members["[Content_Types].xml"],
        '<Default Extension="png" ContentType="image/png"/><Default Extension="html" ContentType="text/html"/>'
        '<Override PartName="/word/header1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    )
    path = write_zip(tmp_path / "letterhead.docx", members)
    with zipfile.ZipFile(io.BytesIO(render_docx(arabic_report(), template=path).data)) as archive:
        names = set(archive.namelist())
        assert {"word/header1.xml", "word/media/logo.png"} <= names
        assert "word/chunk.html" not in names
        assert b"altChunk" not in archive.read("word/header1.xml")
        assert b"Letterhead" in archive.read("word/header1.xml")
        assert b"text/html" not in archive.read("[Content_Types].xml")


def test_a_shipped_template_is_not_changed_by_the_door():
    from minutes_editor.export.template_door import read_template

    package = read_template(default_template(), shipped=True)
    assert {name: package.blob(name) for name in package.names()} == ours()


# ------------------------------------------------------------------ relative paths


def test_a_relative_template_in_a_report_is_read_from_the_reports_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    # In the current folder, an unrelated file of the same name: never used.
    (elsewhere / "letterhead.docx").write_bytes(b"%PDF-1.4 unrelated")
    report = arabic_report()
    report.template = "letterhead.docx"
    source = folder / "report.minutes"
    save_report(report, source)
    out = tmp_path / "out.docx"
    # Not beside the report yet: refused, naming the report's folder's file, not the current folder's.
    assert cli.main(["export", str(source), "-o", str(out)]) == cli.EXIT_BAD_INPUT
    assert "letterhead.docx: this Word template cannot be used: the file does not exist" in capsys.readouterr().err
    assert not out.exists()
    members = ours()
    members["word/styles.xml"] = members["word/styles.xml"].replace(b"</w:styles>", b"<!-- beside -->" + b"</w:styles>")
    write_zip(folder / "letterhead.docx", members)
    assert cli.main(["export", str(source), "-o", str(out)]) == cli.EXIT_OK, capsys.readouterr().err
    assert out.exists()


def test_template_for_keeps_shipped_names_and_the_current_rule_for_a_report_without_a_file(tmp_path):
    assert template_for("", tmp_path / "r.minutes") is None
    assert template_for("letterhead.docx", None) == Path("letterhead.docx")
    assert template_for("letterhead.docx", tmp_path / "r.minutes") == tmp_path / "letterhead.docx"
    assert template_for("sub/t.docx", tmp_path / "r.minutes") == tmp_path / "sub" / "t.docx"
    assert template_for(str(tmp_path / "abs.docx"), Path("/elsewhere/r.minutes")) == tmp_path / "abs.docx"
    assert template_for("formal", tmp_path / "r.minutes").name == "formal.docx"


def test_a_fifo_named_by_a_report_does_not_hang_the_export(tmp_path, capsys):
    fifo = tmp_path / "letterhead.docx"
    os.mkfifo(fifo)
    report = arabic_report()
    report.template = "letterhead.docx"
    source = tmp_path / "report.minutes"
    save_report(report, source)
    assert cli.main(["export", str(source), "-o", str(tmp_path / "out.docx")]) == cli.EXIT_BAD_INPUT
    assert "letterhead.docx: this Word template cannot be used: this is not a regular file" in capsys.readouterr().err
