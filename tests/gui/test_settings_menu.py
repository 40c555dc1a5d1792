"""The Settings menu changes the interface language for the next start and the autosave delay at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_editor.gui import ask
from minutes_editor.gui.app import create_window, interface_language
from minutes_editor.gui.services import attach_services
from minutes_editor.gui.settings import Settings


@pytest.fixture
def window_with_services(qtbot, tmp_path: Path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(ask, "info", lambda _parent, _title, text, *_rest: told.append(text))
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    monkeypatch.delenv("MINUTES_EDITOR_LANG", raising=False)

    def make(settings: Settings):
        window = create_window(None, "en", settings)
        qtbot.addWidget(window)
        services = attach_services(window, settings, recovery_folder=tmp_path / "recovery")
        window.show()
        return window, services, told

    return make


def test_the_settings_menu_sits_before_help(window_with_services, tmp_path: Path) -> None:
    window, _services, _told = window_with_services(Settings(tmp_path / "settings.ini"))
    menus = [action.menu().objectName() or action.text() for action in window.menuBar().actions()]
    assert menus.index("settings_menu") == len(menus) - 2


def test_choosing_a_language_is_kept_for_the_next_start(window_with_services, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    window, services, told = window_with_services(settings)
    window.findChild(type(services.menu.language_actions.actions()[0]), "language_ar").trigger()
    assert len(told) == 1  # the user learns it applies at the next start
    again = Settings(tmp_path / "settings.ini")
    assert again.interface_language() == "ar"
    # The next start (gui/app.py main) takes it, unless --lang says otherwise.
    assert interface_language(["minutes-editor"], again.interface_language()) == "ar"
    assert interface_language(["minutes-editor", "--lang", "en"], again.interface_language()) == "en"
    _window, next_services, _ = window_with_services(again)
    checked = [action.objectName() for action in next_services.menu.language_actions.actions() if action.isChecked()]
    assert checked == ["language_ar"]


def test_choosing_an_autosave_delay_applies_now_and_later(window_with_services, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    window, services, _told = window_with_services(settings)
    [three] = [action for action in services.menu.autosave_actions.actions() if action.objectName() == "autosave_3s"]
    three.trigger()
    assert services.autosave.saver.interval_ms == 3000
    window.new_report(window.report)  # the next report's autosaver keeps the choice
    assert services.autosave.saver.interval_ms == 3000
    again = Settings(tmp_path / "settings.ini")
    assert again.autosave_interval_ms() == 3000
    _window, next_services, _ = window_with_services(again)
    assert next_services.autosave.saver.interval_ms == 3000
    checked = [action.objectName() for action in next_services.menu.autosave_actions.actions() if action.isChecked()]
    assert checked == ["autosave_3s"]
