"""The menu and action registry of a window: actions by name from the one shortcuts table, the menus.

The window gives each action of ``shortcuts.SHORTCUTS`` its handler
(``create``); the menu bar shows its titles in the first frame and the
menus are filled after the first paint (``fill_menus``: the keys and the
named layout ``MENU_LAYOUT``), when nobody can have opened one yet; the
toolbar (``add_toolbar``, ``TOOLBAR_LAYOUT``) is in the first frame. A feature
part adds its own actions with ``add``: by name, with its keys working
wherever the focus is, and in the menu it names. Parts take the registry,
never the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from minutes_editor.gui.directions import set_enum_property
from minutes_editor.gui.shortcuts import OUTLINE_KEYS, SHORTCUTS, shortcut

#: The menus of the menu bar, in their order.
MENU_NAMES = ("file", "edit", "format", "report", "review", "go", "help")
#: What the window's own menus hold: action names, ``None`` for a separator. A name that is not one of the
#: registry's actions is one of the extra items the window gives ``fill_menus`` (a menu or an action).
MENU_LAYOUT: dict[str, tuple[str | None, ...]] = {
    "file": ("new", "open", "import_docx", "recent", "save", "save_as", None, "export", None, "quit"),
    "edit": ("undo", "redo", None, "quick_name", "insert_time", "insert_footnote"),
    "format": ("bold", "italic", "underline", None, "paragraph", "bullet", "label"),
    "report": ("add_section_menu", "add_session", "remove", "rename", "move_up", "move_down"),
    "go": ("next_part", "previous_part", "next_field", "outline", "editor"),
    "help": ("shortcuts",),
}
#: The main toolbar's actions, ``None`` for a separator.
TOOLBAR_LAYOUT = (
    "new",
    "open",
    "save",
    "export",
    None,
    "undo",
    "redo",
    None,
    "add_session",
    "quick_name",
    "insert_time",
)


class ActionRegistry:
    """The actions of one window by name, and its menus by name."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.actions_by_name: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}

    def create(self, handlers: Mapping[str, Callable[[], object]], outline: QWidget) -> None:
        """Make an action for every entry of the shortcuts table that has a handler (keys come later)."""
        for entry in SHORTCUTS:
            handler = handlers.get(entry.name)
            if handler is None:
                continue
            action = QAction(parent=self.window)  # QAction(text, parent) would make PySide6 build QIcon (~2 ms)
            action.setText(entry.label())
            action.setObjectName(f"action_{entry.name}")
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            if entry.name in OUTLINE_KEYS:
                # Insert, Delete, F2 and Alt+arrows mean other things in text fields.
                set_enum_property(action, "shortcutContext", "WidgetWithChildrenShortcut")
                outline.addAction(action)
            else:
                self.window.addAction(action)
            self.actions_by_name[entry.name] = action

    def create_menus(self, titles: Sequence[str]) -> None:
        """Put the menus' titles in the menu bar (one for each of ``MENU_NAMES``)."""
        bar = self.window.menuBar()
        for name, title in zip(MENU_NAMES, titles, strict=True):
            self.menus[name] = bar.addMenu(title)

    def give_keys(self) -> None:
        """Give every action of the shortcuts table its keys (after the first paint)."""
        for name, action in self.actions_by_name.items():
            action.setShortcuts(shortcut(name).sequences())

    def fill_menus(self, **extras: QAction | QMenu) -> None:
        """Give the actions their keys and fill the menus after ``MENU_LAYOUT`` (after the first paint)."""
        self.give_keys()
        for menu_name, items in MENU_LAYOUT.items():
            menu = self.menus[menu_name]
            for item in items:
                if item is None:
                    menu.addSeparator()
                    continue
                entry = self.actions_by_name[item] if item in self.actions_by_name else extras[item]
                if isinstance(entry, QMenu):
                    menu.addMenu(entry)
                else:
                    menu.addAction(entry)

    def add_toolbar(self, title: str) -> QToolBar:
        """The main toolbar, holding ``TOOLBAR_LAYOUT``."""
        toolbar = self.window.addToolBar(title)
        toolbar.setObjectName("main_toolbar")
        for name in TOOLBAR_LAYOUT:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions_by_name[name])
        return toolbar

    def __getitem__(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` (one of ``MENU_NAMES``)."""
        return self.menus[name]

    def add(self, name: str, action: QAction, menu: str | None = None, *, after: str | None = None) -> QAction:
        """Add a feature's action: its keys work wherever the focus is, and it is listed in ``menu``.

        ``after`` names an action of ``menu`` to list it after (else it comes last).
        """
        self.window.addAction(action)  # keys work wherever the focus is, menu bar shown or not
        self.actions_by_name[name] = action
        if menu is not None:
            target = self.menus[menu]
            listed = target.actions()
            anchor = self.actions_by_name.get(after) if after else None
            if anchor in listed and listed.index(anchor) + 1 < len(listed):
                target.insertAction(listed[listed.index(anchor) + 1], action)
            else:
                target.addAction(action)
        return action

    def insert_menu(self, name: str, title: str, before: str) -> QMenu:
        """A feature's own menu called ``name`` in the menu bar, before the menu ``before``."""
        menu = QMenu(title, self.window)
        menu.setObjectName(f"{name}_menu")
        self.window.menuBar().insertMenu(self.menus[before].menuAction(), menu)
        self.menus[name] = menu
        return menu

    def add_separator(self, menu: str) -> None:
        """A separator at the end of ``menu`` (before a feature's group of actions)."""
        self.menus[menu].addSeparator()
