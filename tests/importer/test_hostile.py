"""Hostile and wrong files: each gets a clear DocxImportError within its time bound, never a crash.

The bounds are functional (issue 4: "a clear error within bounded time"), set
generously for a slow machine: a wrong file is refused in well under a
second, the 100,000-paragraph document imports within a minute.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from minutes_editor.importer import (
    DamagedDocumentError,
    DocxImportError,
    EncryptedDocumentError,
    InternalImportError,
    LegacyWordError,
    Limits,
    NotWordDocumentError,
    UnsafeDocumentError,
    import_docx,
)
from minutes_editor.ooxml.safe_xml import parse_part
from tests.importer.helpers import (
    break_core_properties,
    claim_huge_first_member,
    encrypt_members,
    make_docx,
    ole_bytes,
    p,
    r,
)

QUICK = 5.0  # seconds: refusing a wrong file must not take longer


def refuse(path: Path, error: type[DocxImportError], *words: str, bound: float = QUICK) -> DocxImportError:
    """Import ``path``, expect ``error`` whose message holds ``words``, within ``bound`` seconds."""
    start = time.perf_counter()
    with pytest.raises(error) as caught:
        import_docx(path)
    elapsed = time.perf_counter() - start
    assert elapsed < bound, f"refusing {path.name} took {elapsed:.1f} s"
    message = str(caught.value)
    assert message.startswith(f"{path.name}: "), message  # names the file
    for word in words:
        assert word in message, message
    return caught.value


# ---------------------------------------------------------------- not a .docx


def test_plain_text_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Minutes of the meeting\n", encoding="utf-8")
    refuse(path, NotWordDocumentError, "not a Word .docx document", "not a zip archive")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refuse(path, NotWordDocumentError, "the file is empty")


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"%PDF-1.7\n", "a PDF file"), (b"{\\rtf1\\ansi", "an RTF document"), (b"\x1f\x8b\x08\x00", "a gzip archive")],
)
def test_other_formats_are_named(tmp_path: Path, head: bytes, what: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(head + b"\x00" * 100)
    refuse(path, NotWordDocumentError, what)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    refuse(tmp_path / "absent.docx", DocxImportError, "does not exist")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    refuse(folder, NotWordDocumentError, "folder")


def test_zip_without_a_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a document")
    refuse(path, NotWordDocumentError, "holds no Word document")


def test_opendocument_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    refuse(path, NotWordDocumentError, "OpenDocument text (.odt)", "save it")


def test_truncated_zip_is_damaged(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "whole.docx", p("Text"))
    path = tmp_path / "cut.docx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    refuse(path, DamagedDocumentError, "damaged")


# ------------------------------------------------------- OLE: .doc, encrypted


def _ole_file(path: Path, stream_name: str) -> Path:
    path.write_bytes(ole_bytes(stream_name))
    return path


def test_old_word_document(tmp_path: Path) -> None:
    path = _ole_file(tmp_path / "minutes.docx", "WordDocument")
    refuse(path, LegacyWordError, "Word 97-2003", "save it as .docx")


def test_password_protected_document(tmp_path: Path) -> None:
    path = _ole_file(tmp_path / "secret.docx", "EncryptedPackage")
    refuse(path, EncryptedDocumentError, "protected by a password")


def test_encrypted_zip_member(tmp_path: Path) -> None:
    path = encrypt_members(make_docx(tmp_path / "locked.docx", p("Text")))
    refuse(path, EncryptedDocumentError, "encrypted")


# ------------------------------------------------------------------ zip bombs


def _bomb(path: Path, member_bytes: int, name: str = "word/document.xml") -> Path:
    make_docx(path, p("Text"))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(f"{name}.bomb", "w") as stream:
        chunk = b"\x00" * (1 << 20)
        for _ in range(member_bytes >> 20):
            stream.write(chunk)
    return path


def test_zip_bomb_member_size_from_central_directory(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.docx", 300 << 20)  # 300 MB of zeros, about 300 KB compressed
    refuse(path, UnsafeDocumentError, "would expand to", "zip bomb")


def test_zip_bomb_ratio_from_central_directory(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "ratio.docx", 20 << 20)  # 20 MB of zeros: about 1000 to 1
    refuse(path, UnsafeDocumentError, "compressed", "to 1", "zip bomb")


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "many.docx", p("Text"))
    # Each member stays under the per-member limit and is stored (ratio 1); together they are too much.
    limits = Limits(max_total_bytes=3 << 20)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for index in range(4):
            archive.writestr(f"media/blob{index}.bin", b"\x01" * (1 << 20))
    start = time.perf_counter()
    with pytest.raises(UnsafeDocumentError, match="would expand to more than 3 MB"):
        import_docx(path, limits=limits)
    assert time.perf_counter() - start < QUICK


def test_too_many_members(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "crowd.docx", p("Text"))
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(60):
            archive.writestr(f"custom/{index}.xml", "<x/>")
    with pytest.raises(UnsafeDocumentError, match=r"lists 6[0-9] parts, more than the 50 allowed"):
        import_docx(path, limits=Limits(max_members=50))


def test_bytes_are_counted_while_reading(tmp_path: Path) -> None:
    # The central directory passes (each part is small and honest); the reading budget stops the import.
    body = "".join(p(f"Paragraph {index} of a long document") for index in range(20000))
    path = make_docx(tmp_path / "long.docx", body)
    limits = Limits(max_read_bytes=256 * 1024)
    with pytest.raises(UnsafeDocumentError, match=r"expands to more than 0 MB|expands beyond"):
        import_docx(path, limits=limits)


def test_part_running_past_the_end_is_damaged(tmp_path: Path) -> None:
    path = claim_huge_first_member(make_docx(tmp_path / "lying.docx", p("Text")))
    refuse(path, DamagedDocumentError, "damaged")


# ---------------------------------------------------------- XML entity attacks

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""


def _with_document(tmp_path: Path, name: str, document: bytes) -> Path:
    path = make_docx(tmp_path / name, p("placeholder"))
    rebuilt = tmp_path / f"re-{name}"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return rebuilt


def test_billion_laughs(tmp_path: Path) -> None:
    path = _with_document(tmp_path, "laughs.docx", BILLION_LAUGHS.encode())
    refuse(path, UnsafeDocumentError, "word/document.xml", "DTD or entities", "refused for safety")


def test_external_entity(tmp_path: Path) -> None:
    path = _with_document(tmp_path, "xxe.docx", XXE.encode())
    error = refuse(path, UnsafeDocumentError, "DTD or entities")
    assert "root:" not in str(error)


def test_entities_in_utf16_are_refused_too(tmp_path: Path) -> None:
    # The byte check cannot see an ASCII "<!DOCTYPE" in UTF-16; the parser's own record of the DTD can.
    document = BILLION_LAUGHS.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    path = _with_document(tmp_path, "laughs16.docx", document.encode("utf-16"))
    refuse(path, UnsafeDocumentError, "DTD or entities")


def test_parser_never_expands_entities() -> None:
    # Even past the DOCTYPE check, lxml is set not to resolve entities: the text stays unexpanded.
    from lxml import etree

    from minutes_editor.ooxml.safe_xml import _parser

    try:
        root = etree.fromstring(BILLION_LAUGHS.encode(), _parser())
        expanded = len(etree.tostring(root))
    except etree.XMLSyntaxError as error:
        expanded = 0 if "amplification" in str(error) else -1  # libxml2's own guard stops it first
    assert 0 <= expanded < 10_000
    root = etree.fromstring(XXE.encode(), _parser())
    assert b"root:" not in etree.tostring(root)
    with pytest.raises(UnsafeDocumentError):
        parse_part(XXE.encode(), "word/document.xml")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    depth = 5000
    body = "<w:sdt><w:sdtContent>" * depth + p("deep") + "</w:sdtContent></w:sdt>" * depth
    path = make_docx(tmp_path / "deep.docx", body)
    refuse(path, UnsafeDocumentError, "nests elements too deeply")


def test_damaged_xml(tmp_path: Path) -> None:
    path = _with_document(tmp_path, "broken.docx", b"<w:document><w:body><w:p>")
    refuse(path, DamagedDocumentError, "word/document.xml is damaged")


def test_relationship_outside_the_package(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "escape.docx", p("Text"))
    rebuilt = tmp_path / "escape2.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b'Target="word/document.xml"', b'Target="../../etc/passwd"')
            target.writestr(info.filename, data)
    refuse(rebuilt, DamagedDocumentError, "outside the package")


# ------------------------------------------------------------ a huge document

HEADING1 = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
)


def test_hundred_thousand_paragraphs_import_within_a_minute(tmp_path: Path) -> None:
    count = 100_000
    heading = p("Main discussion points", style="Heading1")
    body = heading + "".join(p(f"Point number {index}: the delegations agreed.") for index in range(count))
    path = make_docx(tmp_path / "huge.docx", body, styles=HEADING1)
    start = time.perf_counter()
    result = import_docx(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"100,000 paragraphs took {elapsed:.1f} s"
    blocks = result.report.all_blocks()
    assert len(blocks) == count
    assert blocks[-1].plain_text == f"Point number {count - 1}: the delegations agreed."


def test_one_paragraph_of_a_hundred_thousand_runs(tmp_path: Path) -> None:
    # Word splits runs freely; joining them must stay linear, not copy the paragraph once per run.
    count = 100_000
    body = "<w:p>" + "".join(r(f"word{index} ") for index in range(count)) + "</w:p>"
    path = make_docx(tmp_path / "runs.docx", p("Discussion", style="Heading1") + body, styles=HEADING1)
    start = time.perf_counter()
    result = import_docx(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"100,000 runs took {elapsed:.1f} s"
    [block] = result.report.all_blocks()
    assert block.plain_text.split() == [f"word{index}" for index in range(count)]


def test_damaged_document_properties_are_noted_not_fatal(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "props.docx", p("Text"), core_language="en")
    result = import_docx(break_core_properties(path, tmp_path / "props2.docx"))
    assert result.report.title.meeting == "Text"
    assert any("document properties could not be read" in note for note in result.notes)


def test_entities_in_document_properties_are_still_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "props.docx", p("Text"), core_language="en")
    rebuilt = tmp_path / "props-xxe.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            data = XXE.encode() if info.filename == "docProps/core.xml" else source.read(info)
            target.writestr(info.filename, data)
    refuse(rebuilt, UnsafeDocumentError, "docProps/core.xml", "DTD or entities")


def test_a_fault_in_the_importer_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a mock of the importer: one of its own steps is made to fail as a bug would, to see it said clearly.
    from minutes_editor.importer import mapping

    def broken(self: mapping.Builder) -> None:
        raise KeyError("unexpected")

    monkeypatch.setattr(mapping.Builder, "_footnotes", broken)
    path = make_docx(tmp_path / "ok.docx", p("Text"))
    error = refuse(path, InternalImportError, "could not read this document", "KeyError", "please report it")
    assert isinstance(error.__cause__, KeyError)
