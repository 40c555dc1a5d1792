"""A report or Word document that cannot be opened: the window says why in the interface's language.

Real bad files are opened through the real window (File > Open's path, and
the file given on the command line); only the message box wrapper (ask.py)
is replaced, to read what it was asked to show. In English the message is
the loader's or importer's own sentence, as the command line prints it.
"""

from __future__ import annotations

import ast
import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.gui.file_errors import file_error_text
from minutes_editor.gui.i18n import install_translations, translations_dir
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.storage.minutes_file import ReportFileError, load_report
from tests.importer.helpers import make_docx, p
from tests.support.examples import example_path
from tests.support.libreoffice import convert, missing_tools

ROOT = Path(__file__).resolve().parents[2]
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The modules whose templates are file errors (context FileErrors).
TEMPLATE_MODULES = (
    "minutes_editor/errors.py",
    "minutes_editor/storage/messages.py",
    "minutes_editor/ooxml/errors.py",
    "minutes_editor/export/template_door.py",
)


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    """The (title, text) of every error box the window asks for; any other box fails the test."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": boxes.append((title, text)))
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    for name in ("info", "confirm"):
        monkeypatch.setattr(ask, name, lambda *args, **_kwargs: pytest.fail(f"unexpected box: {args[1:]}"))
    return boxes


@pytest.fixture(params=["ar", "en"])
def language(request, qapp: QApplication):
    install_translations(request.param)
    configure_application(qapp, request.param)
    yield request.param
    install_translations("en")
    configure_application(qapp, "en")


def open_in_window(qtbot, language: str, path: Path) -> MainWindow:
    window = MainWindow(language)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_path(path)
    return window


def check_message(language: str, text: str, path: Path, english: str, *kept: str, gone: str) -> None:
    """Arabic: names the file, in Arabic, keeps the ``kept`` words, not the English ``gone``; English: as before."""
    if language == "en":
        assert text == english
        return
    assert path.name in text
    assert text.startswith("الملف «"), text  # an Arabic word first: the paragraph reads right to left
    assert len(ARABIC_LETTER.findall(text)) > 10, text
    for word in kept:
        assert word in text, (word, text)
    assert gone in english
    assert gone not in text


# ------------------------------------------------------------- .minutes files


def test_a_broken_report(qtbot, shown, language: str, tmp_path: Path) -> None:
    path = tmp_path / "محضر الاجتماع.minutes"
    path.write_bytes(b'{"format": "minutes-editor-report", "version": 1, "report": ')
    window = open_in_window(qtbot, language, path)
    [(title, text)] = shown
    english = "محضر الاجتماع.minutes: the file is not valid JSON: Expecting value at line 1, column 61"
    check_message(language, text, path, english, "Expecting value", "61", "JSON", gone="not valid")
    assert title == QCoreApplication.translate("DocumentSession", "Cannot open the report")
    assert window.document.path is None  # nothing was opened


def test_a_report_from_a_newer_version(qtbot, shown, language: str, tmp_path: Path) -> None:
    document = json.loads(example_path("ar").read_text(encoding="utf-8"))
    document["version"] = 7
    path = tmp_path / "future.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    english = (
        "future.minutes: written by a newer Minutes Editor (file format version 7; this version reads up to 3). "
        "Update Minutes Editor to open it; the file was not changed."
    )
    check_message(language, text, path, english, "7", "Minutes Editor", "إصدار أحدث", gone="newer")


def test_a_bad_field_is_named_in_the_message(qtbot, shown, language: str, tmp_path: Path) -> None:
    document = json.loads(example_path("ar").read_text(encoding="utf-8"))
    bullet = next(
        block for section in document["report"]["sections"] for block in section.get("blocks", []) if "level" in block
    )
    bullet["level"] = 7
    path = tmp_path / "levels.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    field = caught.value.field  # type: ignore[attr-defined]
    open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    english = f"levels.minutes: {field}: 7 is not between 1 and 3"
    check_message(language, text, path, english, field, "ليست بين 1 و3", gone="between")


def test_the_file_given_on_the_command_line(qtbot, shown, language: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.minutes"
    path.write_bytes(b"")
    window = create_window(path, language)  # as gui/app.py starts the editor on a file
    qtbot.addWidget(window)
    [(_title, text)] = shown
    check_message(language, text, path, "empty.minutes: the file is empty", "فارغ", gone="is empty")


# ------------------------------------------------------------------ .docx files


def test_a_pdf_renamed_docx(qtbot, shown, language: str, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    open_in_window(qtbot, language, path)
    [(title, text)] = shown
    english = "report.docx: this is a PDF file, not a Word .docx document"
    check_message(language, text, path, english, "ملف PDF", gone="PDF file")
    assert title == QCoreApplication.translate("DocxImport", "Cannot open the Word document")


def test_an_empty_docx(qtbot, shown, language: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    check_message(language, text, path, "empty.docx: the file is empty", "فارغ", gone="is empty")


def test_a_password_protected_document(qtbot, shown, language: str, tmp_path: Path) -> None:
    # An OLE compound file naming the EncryptedPackage stream, as Word writes a protected .docx.
    header = OLE_MAGIC + b"\x00" * 16 + struct.pack("<HH", 0x003E, 0x0003) + b"\xfe\xff" + b"\x00" * 478
    path = tmp_path / "secret.docx"
    path.write_bytes(header + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00"))
    open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    english = (
        "secret.docx: the document is protected by a password; open it in Word, remove the password "
        "(File > Info > Protect Document) and save it again"
    )
    check_message(language, text, path, english, "كلمة مرور", gone="password")


@pytest.mark.skipif(bool(missing_tools("soffice")), reason="LibreOffice is not installed")
def test_a_real_word_97_document(qtbot, shown, language: str, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "minutes.docx", p("Opening remarks"))
    [path] = convert([source], "doc:MS Word 97", tmp_path / "doc")
    open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    english = (
        "minutes.doc: this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice and save it as .docx"
    )
    check_message(language, text, path, english, "97-2003", "LibreOffice", gone="old Word")


# ------------------------------------------------------------------ catalogue


def templates() -> list[str]:
    """Every file error template, read from the source as lupdate reads it."""
    found: list[str] = []
    for name in TEMPLATE_MODULES:
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, text = (ast.literal_eval(argument) for argument in node.args[:2])
                assert context == "FileErrors"
                found.append(text)
    return found


def test_the_arabic_catalogue_translates_every_template_keeping_its_fields(qapp: QApplication) -> None:
    every = templates()
    assert len(every) > 80
    ts = ET.parse(translations_dir() / "minutes_editor_ar.ts").getroot()
    [context] = [item for item in ts.iter("context") if item.findtext("name") == "FileErrors"]
    catalogue = {message.findtext("source"): message.find("translation") for message in context.iter("message")}
    translator = QTranslator()
    assert translator.load("minutes_editor_ar", str(translations_dir()))
    for template in every:
        translation = catalogue[template]
        assert translation is not None, template
        assert translation.get("type") is None, template  # finished, not "unfinished"
        arabic = translator.translate("FileErrors", template)  # from the built .qm
        assert arabic == translation.text
        assert ARABIC_LETTER.search(arabic), template
        assert sorted(re.findall(r"\{[a-z_]+\}", arabic)) == sorted(re.findall(r"\{[a-z_]+\}", template)), template


def test_an_error_that_is_not_a_file_error_shows_its_own_text() -> None:
    assert file_error_text(ValueError("odd")) == "odd"


@pytest.mark.parametrize(
    "case",
    [
        (
            "created",
            "0001-01-01T00:00:00+01:00",
            "'0001-01-01T00:00:00+01:00' is outside the dates a Word document can hold"
            " (from 0001-01-02 to 9999-12-30, in UTC)",
            ("0001-01-01T00:00:00+01:00", "0001-01-02", "9999-12-30", "مستند Word"),
            "outside",
        ),
        (
            "language",
            "ar" + "-abcdefgh" * 200,
            "is 1802 characters long; a language tag has at most 70 characters",
            ("1802", "70", "وسم اللغة"),
            "characters long",
        ),
    ],
)
def test_a_report_the_writer_could_not_render_is_refused_on_opening(
    qtbot, shown, language: str, tmp_path: Path, case: tuple[str, str, str, tuple[str, ...], str]
) -> None:
    field, value, english_problem, kept, gone = case
    # Year 1 at +01:00 used to open and then make Export do nothing; the long tag crashed the window.
    document = json.loads(example_path("ar").read_text(encoding="utf-8"))
    document["report"][field] = value
    path = tmp_path / "hostile.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    window = open_in_window(qtbot, language, path)
    [(_title, text)] = shown
    check_message(language, text, path, f"hostile.minutes: {field}: {english_problem}", field, *kept, gone=gone)
    assert window.document.path is None
