"""File > Open on a Word draft: the window imports it as a new unsaved report and lists what the import noted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.gui.dialogs import ImportNotesDialog
from minutes_editor.gui.docx_import import note_text
from minutes_editor.gui.i18n import install_translations
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.importer import ImportNote, Phrase, import_docx
from minutes_editor.importer import notes as n
from minutes_editor.importer.notes import Listing, Value
from minutes_editor.model import operations as ops
from minutes_editor.paths import examples_dir
from minutes_editor.storage.minutes_file import load_report
from tests.gui.test_i18n_window import chrome_texts, english_left
from tests.importer.comparison import canonical, outline
from tests.importer.helpers import break_core_properties, make_docx, p, r
from tests.importer.test_fixtures import HEADING_STYLE

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def example(language: str) -> Path:
    return examples_dir() / f"budapest-process-2021-10-14.{language}.minutes"


@pytest.fixture(autouse=True)
def _no_blocking_boxes(monkeypatch) -> None:
    """A message box nobody expected fails the test instead of waiting offscreen for a click that never comes."""

    def unexpected(_parent, title: str, text: str, detail: str = "") -> None:
        pytest.fail(f"unexpected message box: {title}: {text} {detail}")

    for name in ("error", "info", "confirm"):
        monkeypatch.setattr(ask, name, unexpected)


@pytest.fixture
def window(qtbot, monkeypatch) -> MainWindow:
    """An English window on a new report; it never prompts at teardown."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    made = MainWindow("en")
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: made.is_complete)  # menus and keys come right after the first paint
    return made


class OpenDialog:
    """Stands in for the open-file dialog: answers ``answer`` and records each title and name filter asked."""

    def __init__(self) -> None:
        self.answer: Path | None = None
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent: object, title: str, _folder: str, name_filter: str) -> Path | None:
        self.asked.append((title, name_filter))
        return self.answer


@pytest.fixture
def opened(monkeypatch) -> OpenDialog:
    dialog = OpenDialog()
    monkeypatch.setattr(ask, "open_path", dialog)
    return dialog


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": shown.append((title, text)))
    return shown


def draft_of(language: str, folder: Path) -> Path:
    path = folder / f"draft {language}.docx"
    export_docx(load_report(example(language)), path)
    return path


#: A paragraph whose words carry a comment, with a tracked deletion inside.
COMMENTED_DELETION = (
    '<w:p><w:commentRangeStart w:id="0"/>'
    + r("Agree the agenda ")
    + '<w:del w:id="5" w:author="Editor"><w:r><w:delText>and the minutes</w:delText></w:r></w:del>'
    + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
)


def commented_draft(folder: Path) -> Path:
    """A hand-made draft with a comment and a tracked deletion (the report's own) and a drawing (a note)."""
    body = (
        p("Meeting objectives", style="Heading1")
        + COMMENTED_DELETION
        + "<w:p><w:r><w:drawing><wp:inline><wp:docPr id='1' name='Logo'/></wp:inline></w:drawing></w:r></w:p>"
    )
    comments = '<w:comment w:id="0" w:author="Chair"><w:p><w:r><w:t>Check the date first</w:t></w:r></w:p></w:comment>'
    return make_docx(folder / "commented.docx", body, comments=comments)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_file_open_imports_an_exported_example_as_a_new_unsaved_report(
    window: MainWindow, opened, tmp_path: Path, language: str, qtbot
) -> None:
    draft = draft_of(language, tmp_path)
    opened.answer = draft
    window.actions_by_name["open"].trigger()
    # The open dialog offers Word documents beside reports.
    _title, name_filter = opened.asked[0]
    assert "*.docx" in name_filter.split(";;")[0]
    assert "*.minutes" in name_filter.split(";;")[0]
    document = window.document
    assert document.path is None
    assert document.source == draft
    assert document.is_modified
    assert window.isWindowModified()
    assert window.windowTitle().startswith(f"{draft.name} (imported)[*]")
    want = canonical(load_report(example(language)))
    got = canonical(window.report)
    assert got.language == want.language
    assert outline(got) == outline(want)
    assert got.title == want.title
    assert got.footnotes == want.footnotes
    # The outline and the preview show the imported report.
    assert window.tree.topLevelItemCount() == 1 + len(want.sections)
    with qtbot.waitSignal(window.preview_refreshed, timeout=5000):
        window.schedule_preview()
    assert want.sections[1].participants[0].name in window.preview.toPlainText()
    # An export of our own leaves nothing to note: no notes dialog.
    assert window.findChildren(ImportNotesDialog) == []
    assert draft.name in window.statusBar().currentMessage()


def test_save_asks_where_and_suggests_a_report_beside_the_docx(window: MainWindow, opened, tmp_path: Path, monkeypatch):
    draft = draft_of("en", tmp_path)
    opened.answer = draft
    window.actions_by_name["open"].trigger()
    suggested: list[str] = []

    def save_path(_parent, _title, suggestion: str, _filter) -> Path:
        suggested.append(suggestion)
        return Path(suggestion)

    monkeypatch.setattr(ask, "save_path", save_path)
    assert window.save()
    assert suggested == [str(tmp_path / "draft en.minutes")]
    saved = tmp_path / "draft en.minutes"
    assert outline(canonical(load_report(saved))) == outline(canonical(load_report(example("en"))))
    assert window.document.path == saved
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("draft en.minutes[*]")


def test_closing_an_imported_report_asks_about_saving(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    draft = draft_of("en", tmp_path)
    assert window.open_path(draft)
    asked: list[str] = []
    monkeypatch.setattr(ask, "unsaved_changes", lambda _p, name: asked.append(name) or ask.UnsavedChoice.CANCEL)
    assert not window.close()
    assert asked == [f"{draft.name} (imported)"]


def test_import_notes_are_listed_without_blocking_the_window(window: MainWindow, opened, tmp_path: Path, qtbot) -> None:
    draft = commented_draft(tmp_path)
    imported = import_docx(draft)
    expected = imported.notes
    assert expected == [
        "Text before the first heading was put in an untitled section.",
        "A drawing or shape in the untitled section was left out: reports hold text only.",
    ]
    # The comment and the deletion are the report's, not notes.
    assert [comment.text for comment in imported.report.comments] == [["Check the date first"]]
    opened.answer = draft
    window.actions_by_name["open"].trigger()
    [dialog] = window.findChildren(ImportNotesDialog)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert QApplication.activeModalWidget() is None
    assert [dialog.list.item(row).text() for row in range(dialog.list.count())] == expected
    assert draft.name in dialog.findChild(QLabel, "intro").text()
    # The window goes on working while the notes are open.
    window.set_field(window.report.title, ops.LOCATION, "Vienna")
    assert window.report.title.location == "Vienna"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "\n".join(expected)
    dialog.close()
    qtbot.waitUntil(lambda: window.findChildren(ImportNotesDialog) == [])


def test_import_word_document_action_asks_for_a_docx(window: MainWindow, opened, tmp_path: Path) -> None:
    action = window.findChild(QAction, "action_import_docx")
    assert action is not None
    file_menu = window.menuBar().actions()[0].menu()
    names = [entry.objectName() for entry in file_menu.actions()]
    assert names.index("action_import_docx") == names.index("action_open") + 1
    draft = draft_of("ar", tmp_path)
    opened.answer = draft
    action.trigger()
    _title, name_filter = opened.asked[0]
    assert name_filter == ask.DOCX_FILTER
    assert window.document.source == draft
    assert window.report.language == "ar"


BROKEN = {
    "text": (b"These are notes in a text file.\n", "notes.docx", "not a zip archive"),
    "doc": (OLE_MAGIC + b"\x00" * 1000 + "WordDocument".encode("utf-16-le") + b"\x00" * 1000, "old.doc", "97-2003"),
    "empty": (b"", "empty.docx", "the file is empty"),
    "truncated-zip": (b"PK\x03\x04 cut short", "cut.docx", "damaged"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_word_document_shows_the_message_and_changes_nothing(
    window: MainWindow, errors, tmp_path: Path, kind: str
) -> None:
    content, name, message = BROKEN[kind]
    source = tmp_path / "open.minutes"
    source.write_bytes(example("en").read_bytes())
    assert window.open_path(source)
    window.set_field(window.report.title, ops.LOCATION, "Vienna")
    report, document = window.report, window.document
    broken = tmp_path / name
    broken.write_bytes(content)
    assert not window.open_path(broken, check_saved=False)
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Cannot open the Word document"
    assert name in text
    assert message in text
    assert window.report is report
    assert window.document is document
    assert window.document.path == source
    assert window.report.title.location == "Vienna"
    assert window.findChildren(ImportNotesDialog) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["open.minutes", name])


def test_cancelling_the_unsaved_changes_question_imports_nothing(
    window: MainWindow, opened, tmp_path: Path, monkeypatch
) -> None:
    window.set_field(window.report.title, ops.MEETING, "Typed, not saved")
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_a: ask.UnsavedChoice.CANCEL)
    opened.answer = draft_of("en", tmp_path)
    window.actions_by_name["open"].trigger()
    assert opened.asked == []  # not even asked for a file
    assert window.report.title.meeting == "Typed, not saved"
    assert window.document.source is None


def test_the_command_line_file_may_be_a_docx(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    draft = draft_of("en", tmp_path)
    made = create_window(draft, "en")
    qtbot.addWidget(made)
    assert made.document.source == draft
    assert made.report.language == load_report(example("en")).language


def test_the_arabic_interface_shows_the_import_in_arabic_right_to_left(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    app = QApplication.instance()
    install_translations("ar")
    configure_application(app, "ar")
    try:
        made = MainWindow("ar")
        qtbot.addWidget(made)
        made.show()
        qtbot.waitUntil(lambda: made.is_complete)  # the File menu is filled right after the first paint
        assert made.open_path(commented_draft(tmp_path))
        [dialog] = made.findChildren(ImportNotesDialog)
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        action = made.findChild(QAction, "action_import_docx")
        title = made.windowTitle().split("[*]")[0]
        texts = [*chrome_texts(dialog), ("action", action.text()), ("action", action.statusTip()), ("title", title)]
        assert english_left(texts) == []
        assert title.startswith("commented.docx ")
        errors: list[str] = []
        monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": errors.append(title + detail))
        assert not made.open_path(tmp_path / "missing.docx", check_saved=False)
        assert english_left([("error", text) for text in errors]) == []
        dialog.close()
    finally:
        install_translations("en")
        configure_application(app, "en")


#: A section heading a reviewer proposed: a report cannot hold it pending (the import accepts it, with a note).
PROPOSED_HEADING = (
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:ins w:id="6" w:author="Chair"/></w:rPr></w:pPr>'
    '<w:ins w:id="7" w:author="Chair"><w:r><w:t>Next steps</w:t></w:r></w:ins></w:p>'
)
#: A change of font size only: nothing a report holds (one note counts such changes).
RESIZED = (
    '<w:p><w:r><w:rPr><w:sz w:val="30"/><w:rPrChange w:id="8" w:author="Chair"><w:rPr/></w:rPrChange></w:rPr>'
    "<w:t>Bigger.</w:t></w:r></w:p>"
)


def reviewed_draft(folder: Path) -> Path:
    """A draft back from review, in English: a comment, a tracked deletion, a table of three rows, a proposed
    section and a change of font size."""
    rows = "".join(f"<w:tr><w:tc>{p(country)}</w:tc><w:tc>{p(figure)}</w:tc></w:tr>" for country, figure in TABLE)
    body = (
        p("Meeting objectives", style="Heading1")
        + COMMENTED_DELETION
        + RESIZED
        + f"<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>"
        + PROPOSED_HEADING
    )
    comments = '<w:comment w:id="0" w:author="Chair"><w:p><w:r><w:t>Check the date first</w:t></w:r></w:p></w:comment>'
    return make_docx(folder / "reviewed.docx", body, styles=HEADING_STYLE, comments=comments)


TABLE = [("Country", "Arrivals"), ("Iraq", "1,200"), ("Syria", "950")]
ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")
LATIN_LETTERS = re.compile("[A-Za-z]")


def document_words(value: Value) -> list[str]:
    """The document's own words in a note's values (its places' and lists' too): what no translation touches."""
    if isinstance(value, Phrase):
        return [word for inner in value.values.values() for word in document_words(inner)]
    if isinstance(value, Listing):
        return [word for item in value.items for word in document_words(item)]
    return [str(value)]


@pytest.fixture
def arabic_interface(qapp: QApplication):
    install_translations("ar")
    configure_application(qapp, "ar")
    yield qapp
    install_translations("en")
    configure_application(qapp, "en")


def test_the_arabic_interface_lists_the_import_notes_in_arabic_around_the_documents_words(
    arabic_interface, qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    draft = reviewed_draft(tmp_path)
    notes = import_docx(draft).structured_notes
    # The draft's simple table comes in as a table (no note); the plural of its rows is tested below.
    assert [note.template for note in notes] == [n.CHANGE_NOT_KEPT, n.FORMAT_CHANGES]
    made = MainWindow("ar")
    qtbot.addWidget(made)
    made.show()
    assert made.open_path(draft)
    [dialog] = made.findChildren(ImportNotesDialog)
    rows = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(rows) == len(notes)
    for row, note in zip(rows, notes, strict=True):
        assert ARABIC_LETTERS.search(row), row
        assert row != str(note)
        # Take the document's own words out (they stay as written, in English here): no English is left.
        rest = row
        for word in sorted(document_words(note), key=len, reverse=True):
            assert word in row, (word, row)
            rest = rest.replace(word, "")
        assert not LATIN_LETTERS.search(rest), row
    change, formats = rows
    assert change == (
        "تعذّر إبقاء تعديل متعقَّب من Chair في القسم «Next steps» معلَّقًا: "
        "لا يحمل التقرير قسمًا أو جلسة جديدة مقترَحة، لذا قُبل العنوان: «Next steps»"
    )
    # One change: Arabic says "one" in words, not the digit.
    assert "تعديل تنسيق متعقَّب واحد" in formats
    assert "1" not in formats
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "\n".join(rows)
    dialog.close()


@pytest.mark.parametrize(
    ("count", "rows"),
    [(1, "(صف واحد)"), (2, "(صفّان)"), (3, "(3 صفوف)"), (10, "(10 صفوف)"), (11, "(11 صفًّا)"), (100, "(100 صف)")],
)
def test_a_count_takes_the_arabic_plural_form_it_needs(arabic_interface, count: int, rows: str) -> None:
    note = ImportNote.of(n.TABLE, count, place=Phrase.of(n.IN_TITLE_BLOCK))
    assert note_text(note) == f"حُفظ جدول {rows} في ترويسة التقرير نصًّا، لكل صف فقرة."


def test_the_english_interface_shows_the_notes_as_the_command_line_prints_them(tmp_path: Path) -> None:
    result = import_docx(reviewed_draft(tmp_path))
    assert [note_text(note) for note in result.structured_notes] == result.notes
    assert result.notes[0].startswith('A tracked change by Chair in section "Next steps" could not be kept')


def test_a_note_quoting_a_damaged_part_is_arabic_too(arabic_interface, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "props.docx", p("Text"), core_language="en")
    result = import_docx(break_core_properties(path, tmp_path / "props2.docx"))
    [note] = [note for note in result.structured_notes if note.template == n.PROPERTIES_UNREADABLE]
    shown = note_text(note)
    assert ARABIC_LETTERS.search(shown)
    # Only the XML parser's own words stay in English ("part docProps/core.xml is damaged" does not).
    assert "is damaged" not in shown
    assert "docProps/core.xml" in shown
    assert str(note) in result.notes  # the command line's English is as before
