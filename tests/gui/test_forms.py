"""Our builder of the Designer forms gives what Qt's own QUiLoader gives, in English and in Arabic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QFile, QIODevice, QObject, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QBoxLayout, QFormLayout, QLabel, QLayout, QTreeWidget, QWidget

from minutes_editor.gui import forms
from minutes_editor.gui.forms import FormError, load_form
from minutes_editor.gui.i18n import install_translations, remove_translations
from minutes_editor.paths import ui_dir

FORMS = sorted(path.stem for path in ui_dir().glob("*.ui"))


def qt_loaded(name: str) -> QWidget:
    """The form as Qt's QUiLoader builds it: the reference."""
    file = QFile(str(ui_dir() / f"{name}.ui"))
    assert file.open(QIODevice.OpenModeFlag.ReadOnly)
    widget = QUiLoader().load(file, None)
    file.close()
    return widget


def named(root: QWidget) -> dict[str, QObject]:
    """Every widget and layout of a form by its object name (Qt's own inner parts left out)."""
    found = {root.objectName(): root}
    for item in root.findChildren(QObject):
        name = item.objectName()
        if name and not name.startswith("qt_") and isinstance(item, QWidget | QLayout):
            found[name] = item
    return found


def layout_items(layout: QLayout) -> list[object]:
    """What a layout holds, in order: child names, spacers by size and policies, form rows by role."""
    items: list[object] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            entry: object = item.widget().objectName()
        elif item.layout() is not None:
            entry = item.layout().objectName()
        else:
            spacer = item.spacerItem()
            policy = spacer.sizePolicy()
            entry = ("spacer", spacer.sizeHint().toTuple(), policy.horizontalPolicy(), policy.verticalPolicy())
        if isinstance(layout, QFormLayout):
            row, role = layout.getItemPosition(index)
            entry = (row, role, entry)
        items.append(entry)
    if isinstance(layout, QBoxLayout):
        items.append(("stretch", [layout.stretch(index) for index in range(layout.count())]))
    margins = layout.contentsMargins()
    items.append(("margins", margins.left(), margins.top(), margins.right(), margins.bottom()))
    return items


def properties_in_form(name: str) -> Iterator[tuple[str, str]]:
    """(object name, property name) of every property the .ui file sets."""
    root = ET.parse(ui_dir() / f"{name}.ui").getroot()
    for element in root.iter():
        if element.tag in ("widget", "layout"):
            for item in element.findall("property"):
                yield element.get("name", ""), item.get("name", "")


def comparable(value: object) -> object:
    """A property value two builds can be compared by (enums by their integer value)."""
    if isinstance(value, QObject):
        return value.objectName()
    return getattr(value, "value", value)


@pytest.fixture(params=["en", "ar"])
def interface(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(request.param)
    # (PySide6 converts enum values read back from properties only once its Qt namespace exists.)
    rtl = request.param == "ar"
    assert qapp.layoutDirection() == (Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    yield request.param
    remove_translations()
    install_translations("en")


@pytest.mark.parametrize("name", FORMS)
def test_a_form_is_built_as_qt_builds_it(interface: str, name: str) -> None:
    ours, theirs = load_form(name), qt_loaded(name)
    our_parts, their_parts = named(ours), named(theirs)
    assert {key: type(value).__name__ for key, value in our_parts.items()} == {
        key: type(value).__name__ for key, value in their_parts.items()
    }
    for key, part in our_parts.items():
        other = their_parts[key]
        parent = part.parentWidget() if isinstance(part, QWidget) else part.parent()
        other_parent = other.parentWidget() if isinstance(other, QWidget) else other.parent()
        assert (parent.objectName() if parent else None) == (other_parent.objectName() if other_parent else None), key
        if isinstance(part, QLayout):
            assert layout_items(part) == layout_items(other), key
        if isinstance(part, QTreeWidget):
            assert part.headerItem().text(0) == other.headerItem().text(0)
        if isinstance(part, QLabel):
            assert comparable(part.buddy()) == comparable(other.buddy()), key
    checked = 0
    for owner, prop in properties_in_form(name):
        if prop in ("buddy", "leftMargin", "topMargin", "rightMargin", "bottomMargin"):
            continue  # compared above
        assert comparable(our_parts[owner].property(prop)) == comparable(their_parts[owner].property(prop)), (
            owner,
            prop,
        )
        checked += 1
    assert checked > 0
    if interface == "ar" and name == "main_window":
        # The texts went through the translator under the form's class name, as lupdate collected them.
        label = our_parts["outline_label"]
        assert isinstance(label, QLabel)
        assert label.text() != "&Outline"


def test_something_the_builder_does_not_know_is_named(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "grid.ui").write_text(
        '<ui version="4.0"><class>GridForm</class><widget class="QWidget" name="GridForm">'
        '<layout class="QGridLayout" name="grid"><item row="0" column="0"><widget class="QLabel" name="a"/></item>'
        "</layout></widget></ui>",
        encoding="utf-8",
    )
    (tmp_path / "odd.ui").write_text(
        '<ui version="4.0"><class>OddForm</class><widget class="QWidget" name="OddForm">'
        '<widget class="QFancyWidget" name="fancy"/></widget></ui>',
        encoding="utf-8",
    )
    (tmp_path / "broken.ui").write_text("<ui><widget", encoding="utf-8")
    monkeypatch.setattr(forms, "ui_dir", lambda: tmp_path)
    with pytest.raises(FormError, match=r'grid\.ui: <item row="0" column="0">: items of a QGridLayout'):
        load_form("grid")
    with pytest.raises(FormError, match=r'odd\.ui: <widget class="QFancyWidget" name="fancy">: not a QWidget class'):
        load_form("odd")
    with pytest.raises(FormError, match=r"cannot read the form .*broken\.ui"):
        load_form("broken")


def test_spacers_along_and_across_a_layout_are_qts(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Along its layout a spacer is built as Qt's stretch, across it as a QSpacerItem: both as QUiLoader makes them.
    def spacer(orientation: str) -> str:
        return (
            f'<item><spacer name="{orientation.lower()}_spacer"><property name="orientation">'
            f"<enum>Qt::{orientation}</enum></property></spacer></item>"
        )

    (tmp_path / "spacers.ui").write_text(
        '<ui version="4.0"><class>SpacerForm</class><widget class="QWidget" name="SpacerForm">'
        '<layout class="QVBoxLayout" name="column"><item><widget class="QLabel" name="a"/></item>'
        + spacer("Vertical")
        + spacer("Horizontal")
        + '<item><layout class="QHBoxLayout" name="row"><item><widget class="QLabel" name="b"/></item>'
        + spacer("Horizontal")
        + spacer("Vertical")
        + "</layout></item></layout></widget></ui>",
        encoding="utf-8",
    )
    monkeypatch.setattr(forms, "ui_dir", lambda: tmp_path)
    ours = load_form("spacers")
    file = QFile(str(tmp_path / "spacers.ui"))
    assert file.open(QIODevice.OpenModeFlag.ReadOnly)
    theirs = QUiLoader().load(file, None)
    file.close()
    for name in ("column", "row"):
        our_layout, their_layout = named(ours)[name], named(theirs)[name]
        assert isinstance(our_layout, QLayout)
        assert isinstance(their_layout, QLayout)
        assert layout_items(our_layout) == layout_items(their_layout), name
        assert [entry[0] for entry in layout_items(our_layout)].count("spacer") == 2
