"""The Designer forms of ui/, loaded by Qt's QUiLoader: every one loads, translated, in English and in Arabic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QLineEdit, QTimeEdit, QWidget

from minutes_editor.gui import forms
from minutes_editor.gui.forms import FormError, child, load_form
from minutes_editor.gui.i18n import install_translations, remove_translations
from minutes_editor.paths import ui_dir

FORMS = sorted(path.stem for path in ui_dir().glob("*.ui"))


@pytest.fixture(params=["en", "ar"])
def interface(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(request.param)
    yield request.param
    remove_translations()
    install_translations("en")


def test_the_forms_are_there() -> None:
    assert FORMS == ["main_window", "new_report", "section_page", "session_page", "title_block"]


@pytest.mark.parametrize("name", FORMS)
def test_every_form_loads(interface: str, name: str) -> None:
    form = load_form(name)
    assert form.objectName()
    assert form.findChildren(QLabel)


def test_texts_go_through_the_translator_under_the_forms_class_name(interface: str) -> None:
    # lupdate files the form's strings under its <class> (MainWindowForm), and the loader asks for them there.
    form = load_form("main_window")
    label = child(form, QLabel, "outline_label")
    if interface == "ar":
        assert label.text() == QCoreApplication.translate("MainWindowForm", "&Outline")
        assert label.text() != "&Outline"
    else:
        assert label.text() == "&Outline"


def test_labels_know_their_buddies(interface: str) -> None:
    form = load_form("title_block")
    assert child(form, QLabel, "meeting_label").buddy() is child(form, QLineEdit, "meeting")


def test_times_read_hours_first_in_a_mirrored_interface(interface: str) -> None:
    # title_block.ui makes the edits left to right before it gives their formats: a QDateTimeEdit that is
    # right to left when its format is set reverses the format's sections for good (commit 353754e).
    form = load_form("title_block")
    for name in ("start_time", "end_time"):
        edit = child(form, QTimeEdit, name)
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert edit.displayFormat() == "HH:mm"
        assert edit.sectionAt(0) == QDateTimeEdit.Section.HourSection
    date = child(form, QDateTimeEdit, "date")
    assert date.sectionAt(0) == QDateTimeEdit.Section.YearSection


def test_the_loader_leaves_the_library_paths_as_they_were(qapp: QApplication) -> None:
    before = QCoreApplication.libraryPaths()
    forms._LOADERS.clear()
    load_form("title_block")
    assert QCoreApplication.libraryPaths() == before
    # ... and was made without Designer's plugins: our forms use only Qt's own widgets.
    assert forms._loader().pluginPaths() == []


def test_a_form_that_cannot_be_loaded_is_named(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "odd.ui").write_text(
        '<ui version="4.0"><class>OddForm</class><widget class="QFancyWidget" name="fancy"/></ui>',
        encoding="utf-8",
    )
    (tmp_path / "broken.ui").write_text("<ui><widget", encoding="utf-8")
    monkeypatch.setattr(forms, "ui_dir", lambda: tmp_path)
    with pytest.raises(FormError, match=r"cannot load the form .*odd\.ui"):
        load_form("odd")
    with pytest.raises(FormError, match=r"cannot load the form .*broken\.ui: .*line 1"):
        load_form("broken")
    with pytest.raises(FormError, match=r"no form .*missing\.ui"):
        load_form("missing")


@pytest.mark.parametrize("name", ["title_block", "section_page", "session_page"])
def test_a_page_keeps_its_margins_when_loaded_into_its_page(qapp: QApplication, name: str) -> None:
    # QUiLoader gives the top layout of a form loaded into a parent no margins unless the form sets them.
    page = QWidget()
    form = forms.fill_with_form(page, name)
    layout = form.layout()
    assert layout is not None
    margins = layout.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (9, 9, 9, 9)
