"""File errors stay the same English sentences now that they are templates and values (the window translates them).

Each case makes a real bad file, opens it with the real loader or importer,
and compares ``str(error)`` with the message as the code printed it before the
messages became structured, word for word. The command line prints these
strings; the Arabic interface renders the same errors from their templates.
"""

from __future__ import annotations

import json
import pickle
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from minutes_editor.errors import UserFileError
from minutes_editor.importer import DocxImportError, Limits, import_docx
from minutes_editor.storage import minutes_file
from minutes_editor.storage.minutes_file import InvalidFieldError, ReportFileError, load_report
from tests.importer.helpers import claim_huge_first_member, encrypt_members, make_docx, ole_bytes, p

Json = dict[str, Any]
V1_FILE = Path(__file__).parent / "storage" / "data" / "report-v1.minutes"


# ------------------------------------------------------------- .minutes files


def _good() -> Json:
    document: Json = json.loads(V1_FILE.read_text(encoding="utf-8"))
    return document


def _bytes(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "case.minutes"
        path.write_bytes(data)
        return path

    return make


def _spoilt(change: Callable[[Json], object]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        document = _good()
        change(document)
        path = folder / "case.minutes"
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    return make


def _report(path: str, value: object) -> Callable[[Json], None]:
    def change(document: Json) -> None:
        node: Any = document["report"]
        keys = [int(key) if key.isdigit() else key for key in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return change


def _folder(folder: Path) -> Path:
    path = folder / "case.minutes"
    path.mkdir()
    return path


def _through_a_file(folder: Path) -> Path:
    (folder / "plain").write_text("x", encoding="utf-8")
    return folder / "plain" / "case.minutes"


def _duplicate_footnote(document: Json) -> None:
    notes = document["report"]["footnotes"]
    notes.append(dict(notes[0]))


def _note_in_note(document: Json) -> None:
    document["report"]["footnotes"][0]["content"].append({"footnote": "x"})


MINUTES_CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("empty", _bytes(b""), "case.minutes: the file is empty"),
    (
        "not-utf8",
        _bytes('{"format": "é"}'.encode("latin-1")),
        "case.minutes: not a Minutes Editor file: not UTF-8 text (byte 12)",
    ),
    (
        "not-json",
        _bytes(b"this is not json"),
        "case.minutes: the file is not valid JSON: Expecting value at line 1, column 1",
    ),
    (
        "nan",
        _bytes(b'{"format": "minutes-editor-report", "version": NaN}'),
        "case.minutes: the file is not valid JSON: NaN is not a JSON value",
    ),
    ("nested", _bytes(b"[" * 100_000), "case.minutes: the file is damaged: its lists and objects are nested too deep"),
    (
        "long-number",
        _bytes(b'{"format": "minutes-editor-report", "version": ' + b"9" * 5000 + b"}"),
        "case.minutes: the file holds a number too long to read",
    ),
    ("a-list", _bytes(b"[1, 2]"), 'case.minutes: not a Minutes Editor file (no "format": "minutes-editor-report")'),
    ("folder", _folder, "case.minutes: this is a folder, not a report file"),
    ("missing", lambda folder: folder / "case.minutes", "case.minutes: the file does not exist"),
    (
        "through-a-file",
        _through_a_file,
        "case.minutes: the file does not exist: a part of its path is a file, not a folder",
    ),
    ("no-version", _spoilt(lambda d: d.pop("version")), "case.minutes: version: is missing"),
    (
        "bad-version",
        _spoilt(lambda d: d.update(version="one")),
        "case.minutes: version: 'one' is not a format version (a whole number from 1)",
    ),
    (
        "newer",
        _spoilt(lambda d: d.update(version=7)),
        "case.minutes: written by a newer Minutes Editor (file format version 7; this version reads up to 3). "
        "Update Minutes Editor to open it; the file was not changed.",
    ),
    (
        "report-not-object",
        _spoilt(lambda d: d.update(report=[])),
        "case.minutes: report: expected an object, found a list",
    ),
    (
        "unknown-field",
        _spoilt(lambda d: d.update(colour=1)),
        "case.minutes: colour: is not a field of this format version",
    ),
    ("odd-key", _spoilt(_report("title.a b", 1)), "case.minutes: title.'a b': is not a field of this format version"),
    ("not-a-list", _spoilt(_report("sections", {})), "case.minutes: sections: expected a list, found an object"),
    ("not-text", _spoilt(_report("title.meeting", 3)), "case.minutes: title.meeting: expected text, found a number"),
    ("null", _spoilt(_report("title.location", None)), "case.minutes: title.location: expected text, found null"),
    ("bool-text", _spoilt(_report("author", True)), "case.minutes: author: expected text, found true/false"),
    (
        "surrogate",
        _spoilt(_report("title.meeting", "ab\ud800")),
        "case.minutes: title.meeting: holds \\ud800 at character 2: half of a UTF-16 surrogate pair on its own, "
        "which is not a character",
    ),
    (
        "not-bool",
        _spoilt(_report("sections.0.blocks.0.content.0.bold", "yes")),
        "case.minutes: sections[0].blocks[0].content[0].bold: expected true or false, found 'yes'",
    ),
    (
        "not-int",
        _spoilt(_report("sections.3.blocks.2.level", 2.5)),
        "case.minutes: sections[3].blocks[2].level: expected a whole number, found 2.5",
    ),
    (
        "level-7",
        _spoilt(_report("sections.3.blocks.2.level", 7)),
        "case.minutes: sections[3].blocks[2].level: 7 is not between 1 and 3",
    ),
    (
        "huge-level",
        _spoilt(_report("sections.3.blocks.2.level", 10**70)),
        "case.minutes: sections[3].blocks[2].level: a number of more than 60 digits is not between 1 and 3",
    ),
    (
        "bad-kind",
        _spoilt(_report("sections.1.kind", "preface")),
        "case.minutes: sections[1].kind: 'preface' is not one of objectives, participation, opening_remarks, "
        "setting_the_scene, discussion, takeaways, generic",
    ),
    (
        "bad-type",
        _spoilt(_report("sections.3.blocks.0.type", ["x"])),
        "case.minutes: sections[3].blocks[0].type: a list is not one of paragraph, bullet, label, table, action",
    ),
    (
        "first-level-2",
        _spoilt(_report("sections.0.level", 2)),
        "case.minutes: sections[0].level: the first section cannot be a sub-heading (level 2)",
    ),
    (
        "participants-in-opening",
        _spoilt(_report("sections.0.participants", [])),
        "case.minutes: sections[0].participants: only a participation section lists participants, not objectives",
    ),
    (
        "sessions-in-opening",
        _spoilt(_report("sections.0.sessions", [])),
        "case.minutes: sections[0].sessions: only a discussion section has sessions, not objectives",
    ),
    (
        "level-on-paragraph",
        _spoilt(_report("sections.0.blocks.0.level", 1)),
        "case.minutes: sections[0].blocks[0].level: only a bullet has a level, not a paragraph",
    ),
    (
        "note-in-note",
        _spoilt(_note_in_note),
        "case.minutes: footnotes[0].content[1]: a footnote cannot reference another footnote",
    ),
    ("empty-id", _spoilt(_report("footnotes.0.id", " ")), "case.minutes: footnotes[0].id: is empty"),
    (
        "duplicate-id",
        _spoilt(_duplicate_footnote),
        "case.minutes: footnotes[1].id: 'fn1' is already the id of footnotes[0]",
    ),
    (
        "no-such-note",
        _spoilt(_report("sections.3.blocks.1.content.2.footnote", "99")),
        "case.minutes: sections[3].blocks[1].content[2].footnote: no footnote has the id '99'",
    ),
    (
        "language",
        _spoilt(_report("language", "arabic")),
        'case.minutes: language: \'arabic\' is not a BCP 47 language tag such as "ar" or "en-GB"',
    ),
    (
        "date",
        _spoilt(_report("title.date", "14/10/2021")),
        "case.minutes: title.date: '14/10/2021' is not a date written YYYY-MM-DD",
    ),
    (
        "time",
        _spoilt(_report("title.start_time", "10h")),
        "case.minutes: title.start_time: '10h' is not a time written HH:MM or HH:MM:SS",
    ),
    (
        "datetime",
        _spoilt(_report("created", "yesterday")),
        "case.minutes: created: 'yesterday' is not a date and time written YYYY-MM-DDTHH:MM:SS, "
        "with an optional offset",
    ),
    (
        "long-value",
        _spoilt(_report("title.date", "x" * 100)),
        "case.minutes: title.date: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... is not a date written YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(("make", "message"), [case[1:] for case in MINUTES_CASES], ids=[c[0] for c in MINUTES_CASES])
def test_loader_messages_are_the_english_of_before(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == message


def test_a_too_large_file_and_a_failed_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The limits and the migration chain are settings of the loader; the code that says what went wrong is not patched.
    path = tmp_path / "case.minutes"
    path.write_bytes(b" " * (3 * 2**20))
    monkeypatch.setattr(minutes_file, "MAX_FILE_BYTES", 2 * 2**20)
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == ("case.minutes: the file is 3 MB, larger than any report can be (the limit is 2 MB)")
    monkeypatch.undo()

    def broken(document: Json) -> Json:
        return document["missing"]  # type: ignore[no-any-return]

    monkeypatch.setattr(minutes_file, "FORMAT_VERSION", 3)
    monkeypatch.setattr(minutes_file, "MIGRATIONS", {1: broken})
    path.write_text(json.dumps(_good()), encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == (
        "case.minutes: the file (format version 1) is damaged and could not be upgraded: KeyError('missing')"
    )
    monkeypatch.setattr(minutes_file, "MIGRATIONS", {1: lambda document: [document]})
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == "case.minutes: upgrading from format version 1 did not give an object"
    monkeypatch.setattr(minutes_file, "MIGRATIONS", {1: lambda document: document})
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == "case.minutes: this version of Minutes Editor cannot read format version 2"


def test_field_errors_keep_their_parts_and_survive_pickling(tmp_path: Path) -> None:
    path = _spoilt(_report("sections.3.blocks.2.level", 7))(tmp_path)
    with pytest.raises(InvalidFieldError) as caught:
        load_report(path)
    error = caught.value
    assert (error.field, error.problem) == ("sections[3].blocks[2].level", "7 is not between 1 and 3")
    assert error.detail == "sections[3].blocks[2].level: 7 is not between 1 and 3"
    copy_of = pickle.loads(pickle.dumps(error))
    assert str(copy_of) == str(error)
    assert (copy_of.field, copy_of.problem) == (error.field, error.problem)


def test_a_plain_message_still_works() -> None:
    # Code outside these modules may still raise with a plain sentence: it shows as written.
    error = UserFileError("something odd", Path("/tmp/x.minutes"))
    assert str(error) == "x.minutes: something odd"
    assert error.detail == "something odd"
    assert str(UserFileError("no file yet")) == "no file yet"


# ------------------------------------------------------------------ .docx files


def _docx_bytes(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "case.docx"
        path.write_bytes(data)
        return path

    return make


def _ole(stream_name: str) -> Callable[[Path], Path]:
    return _docx_bytes(ole_bytes(stream_name))


def _zip(members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "case.docx"
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return path

    return make


def _docx_with(name: str, data: bytes | None) -> Callable[[Path], Path]:
    """A real minimal .docx with one part replaced (or, with None, removed)."""

    def make(folder: Path) -> Path:
        source = make_docx(folder / "source.docx", p("Text"))
        path = folder / "case.docx"
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
            for info in old.infolist():
                if info.filename != name:
                    new.writestr(info.filename, old.read(info))
            if data is not None:
                new.writestr(name, data)
        return path

    return make


def _truncated(folder: Path) -> Path:
    whole = make_docx(folder / "whole.docx", p("Text"))
    path = folder / "case.docx"
    path.write_bytes(whole.read_bytes()[:200])
    return path


def _docx_folder(folder: Path) -> Path:
    path = folder / "case.docx"
    path.mkdir()
    return path


def _encrypted_member(folder: Path) -> Path:
    return encrypt_members(make_docx(folder / "case.docx", p("Text")))


def _past_the_end(folder: Path) -> Path:
    return claim_huge_first_member(make_docx(folder / "case.docx", p("Text")))


def _bad_crc(folder: Path) -> Path:
    path = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}, zipfile.ZIP_STORED)(folder)
    data = bytearray(path.read_bytes())
    at = data.find(b"<w:document/>")
    data[at + 1] = ord("x")
    path.write_bytes(bytes(data))
    return path


def _bzip2(folder: Path) -> Path:
    return _zip({"word/document.xml": "<w:document/>"}, zipfile.ZIP_BZIP2)(folder)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DTD = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "b">]><w:document/>'
DTD_W = DTD.replace(b"<w:document/>", f"<w:document {W_NS}/>".encode())

DOCX_CASES: list[tuple[str, Callable[[Path], Path], Limits | None, str]] = [
    ("empty", _docx_bytes(b""), None, "case.docx: the file is empty"),
    (
        "pdf",
        _docx_bytes(b"%PDF-1.7\n" + b"\x00" * 50),
        None,
        "case.docx: this is a PDF file, not a Word .docx document",
    ),
    (
        "rtf",
        _docx_bytes(b"{\\rtf1\\ansi}"),
        None,
        "case.docx: this is an RTF document (save it from Word as .docx), not a Word .docx document",
    ),
    (
        "gzip",
        _docx_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 20),
        None,
        "case.docx: this is a gzip archive, not a Word .docx document",
    ),
    ("rar", _docx_bytes(b"Rar!\x1a\x07"), None, "case.docx: this is a RAR archive, not a Word .docx document"),
    ("7z", _docx_bytes(b"7z\xbc\xaf\x27\x1c"), None, "case.docx: this is a 7-Zip archive, not a Word .docx document"),
    (
        "html",
        _docx_bytes(b"<!DOCTYPE html><html></html>"),
        None,
        "case.docx: this is an XML or HTML file, not a .docx document (save it from Word as .docx)",
    ),
    (
        "word-xml",
        _docx_bytes(b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>'),
        None,
        "case.docx: this is a Word 2003 XML or HTML file, not a .docx document (save it from Word as .docx)",
    ),
    ("text", _docx_bytes(b"Minutes\n"), None, "case.docx: this is not a Word .docx document (it is not a zip archive)"),
    ("folder", _docx_folder, None, "case.docx: this is a folder, not a .docx document"),
    ("missing", lambda folder: folder / "case.docx", None, "case.docx: the file does not exist"),
    (
        "legacy-doc",
        _ole("WordDocument"),
        None,
        "case.docx: this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice and save it as .docx",
    ),
    (
        "encrypted",
        _ole("EncryptedPackage"),
        None,
        "case.docx: the document is protected by a password; open it in Word, remove the password "
        "(File > Info > Protect Document) and save it again",
    ),
    (
        "other-ole",
        _ole("Workbook"),
        None,
        "case.docx: this is an old Microsoft Office binary file (OLE), not a .docx document; save it as .docx",
    ),
    (
        "too-large",
        _docx_bytes(b"PK\x03\x04" + b"\x00" * (3 * 2**20)),
        Limits(max_file_bytes=2 * 2**20),
        "case.docx: the file is 3 MB, larger than the 2 MB a report can be",
    ),
    (
        "truncated",
        _truncated,
        None,
        "case.docx: the file is damaged: not a readable zip archive (File is not a zip file)",
    ),
    (
        "too-many-parts",
        _zip({f"p{index}.xml": "<x/>" for index in range(5)}),
        Limits(max_members=3),
        "case.docx: the archive lists 5 parts, more than the 3 allowed",
    ),
    (
        "past-the-end",
        _past_the_end,
        None,
        "case.docx: the archive is damaged: part [Content_Types].xml runs past the end of the file",
    ),
    ("encrypted-part", _encrypted_member, None, "case.docx: the archive is encrypted (part [Content_Types].xml)"),
    (
        "bzip2",
        _bzip2,
        None,
        "case.docx: part word/document.xml uses a compression method Word never writes (12)",
    ),
    (
        "member-too-big",
        _zip({"word/document.xml": "<w:document/>" + " " * (3 * 2**20)}, zipfile.ZIP_STORED),
        Limits(max_member_bytes=2 * 2**20),
        "case.docx: part word/document.xml would expand to 3 MB, more than the 2 MB allowed (a zip bomb?)",
    ),
    (
        "ratio",
        _zip({"word/document.xml": " " * (2 * 2**20)}),
        None,
        "case.docx: part word/document.xml is compressed 1023 to 1, beyond the 250 to 1 of real documents "
        "(a zip bomb?)",
    ),
    (
        "total",
        _zip({f"media/{index}.bin": b"\x01" * 2**20 for index in range(3)}, zipfile.ZIP_STORED),
        Limits(max_total_bytes=2 * 2**20),
        "case.docx: the archive would expand to more than 2 MB (a zip bomb?)",
    ),
    (
        "bad-crc",
        _bad_crc,
        None,
        "case.docx: part word/document.xml is damaged (Bad CRC-32 for file 'word/document.xml')",
    ),
    (
        "dtd",
        _docx_with("word/document.xml", DTD),
        None,
        "case.docx: part word/document.xml declares a DTD or entities, which Word never writes; refused for safety "
        "(entity expansion or external entity attack)",
    ),
    (
        "dtd-utf16",
        _docx_with("word/document.xml", DTD_W.decode().replace('"1.0"', '"1.0" encoding="UTF-16"').encode("utf-16")),
        None,
        "case.docx: part word/document.xml declares a DTD or entities, which Word never writes; refused for safety",
    ),
    (
        "deep",
        _docx_with(
            "word/document.xml",
            f"<w:document {W_NS}><w:body>".encode()
            + b"<w:sdt>" * 5000
            + b"</w:sdt>" * 5000
            + b"</w:body></w:document>",
        ),
        None,
        "case.docx: part word/document.xml nests elements too deeply or holds too long a text to be a real document",
    ),
    (
        "damaged-xml",
        _docx_with("word/document.xml", b"<w:document><w:body>"),
        None,
        "case.docx: part word/document.xml is damaged: Namespace prefix w on document is not defined, line 1, "
        "column 12 (<string>, line 1)",
    ),
    (
        "no-body",
        _docx_with("word/document.xml", f"<w:document {W_NS}/>".encode()),
        None,
        "case.docx: part word/document.xml has no body: not a Word document",
    ),
    (
        "escape",
        _docx_with(
            "_rels/.rels",
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="r" Type="http://x/officeDocument" Target="../../etc/passwd"/></Relationships>',
        ),
        None,
        "case.docx: a relationship points outside the package (../../etc/passwd)",
    ),
    (
        "odt",
        _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
        None,
        "case.docx: this is an OpenDocument text (.odt), not a .docx; save it from LibreOffice as Word .docx",
    ),
    (
        "ods",
        _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
        None,
        "case.docx: this is an OpenDocument file (application/vnd.oasis.opendocument.spreadsheet), "
        "not a Word .docx document",
    ),
    (
        "xlsx",
        _zip({"xl/workbook.xml": "<x/>"}),
        None,
        "case.docx: this is an Excel workbook, not a Word .docx document",
    ),
    (
        "pptx",
        _zip({"ppt/presentation.xml": "<x/>"}),
        None,
        "case.docx: this is a PowerPoint presentation, not a Word .docx document",
    ),
    (
        "zip",
        _zip({"photo.txt": "x"}),
        None,
        "case.docx: this zip archive holds no Word document (no main document part)",
    ),
]


@pytest.mark.parametrize(
    ("make", "limits", "message"), [case[1:] for case in DOCX_CASES], ids=[case[0] for case in DOCX_CASES]
)
def test_importer_messages_are_the_english_of_before(
    tmp_path: Path, make: Callable[[Path], Path], limits: Limits | None, message: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(DocxImportError) as caught:
        import_docx(path, **({"limits": limits} if limits else {}))
    assert str(caught.value) == message


def test_reading_beyond_the_budget(tmp_path: Path) -> None:
    body = "".join(p(f"Paragraph {index} of a long document") for index in range(5000))
    path = make_docx(tmp_path / "case.docx", body)
    with pytest.raises(DocxImportError) as caught:
        import_docx(path, limits=Limits(max_read_bytes=64 * 1024))
    assert str(caught.value) == "case.docx: the document expands to more than 0 MB of text (a zip bomb?)"


def test_a_fault_in_the_importer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One of the importer's steps fails as a bug would; what is said about it is the code under test.
    from minutes_editor.importer import mapping

    def broken(self: mapping.Builder) -> None:
        raise KeyError("unexpected")

    monkeypatch.setattr(mapping.Builder, "_footnotes", broken)
    path = make_docx(tmp_path / "case.docx", p("Text"))
    with pytest.raises(DocxImportError) as caught:
        import_docx(path)
    assert str(caught.value) == (
        "case.docx: Minutes Editor could not read this document (KeyError: 'unexpected'). "
        "This is a fault in Minutes Editor: please report it, with the file if you can share it."
    )


# ------------------------------------------------------------- the command line


def test_the_command_line_prints_the_english_of_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the interface language asked for, the command line speaks English.
    from minutes_editor.cli import EXIT_BAD_INPUT, main

    monkeypatch.setenv("MINUTES_EDITOR_LANG", "ar")
    report = _bytes(b'{"format": "minutes-editor-report", "version": 1, "report": ')(tmp_path)
    assert main(["export", str(report)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "minutes-editor: case.minutes: the file is not valid JSON: Expecting value at line 1, column 61\n"
    )
    newer = _spoilt(lambda d: d.update(version=7))(tmp_path)
    assert main(["export", str(newer)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "minutes-editor: case.minutes: written by a newer Minutes Editor (file format version 7; this version "
        "reads up to 3). Update Minutes Editor to open it; the file was not changed.\n"
    )
    pdf = _docx_bytes(b"%PDF-1.7\n")(tmp_path)
    assert main(["import", str(pdf)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "minutes-editor: case.docx: this is a PDF file, not a Word .docx document\n"
    legacy = _ole("WordDocument")(tmp_path)
    assert main(["import", str(legacy)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "minutes-editor: case.docx: this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice "
        "and save it as .docx\n"
    )
