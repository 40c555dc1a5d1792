"""Spell checking in the window: wavy underlines in the body editors and suggestions on right click.

The word being typed (the run of text around an editor's cursor) is checked
once typing pauses for ``TYPING_PAUSE_MS``, not at every key: a half-typed
word is not marked, and a keystroke costs no dictionary look-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from minutes_editor.gui.places import utf16_offset

if TYPE_CHECKING:
    from minutes_editor.spelling import SpellChecker

PERSONAL_DICTIONARY = "personal-dictionary.txt"
MAX_SUGGESTIONS = 6
# Words, URLs and mail addresses never hold whitespace, so a paragraph checks as its whitespace-free runs.
_RUN_RE = re.compile(r"\S+")
#: Runs whose misspellings are remembered; past it the memory starts afresh.
_RUN_CACHE_LIMIT = 20_000
#: Milliseconds without a keystroke after which the word being typed is checked.
TYPING_PAUSE_MS = 500


def python_index(text: str, units: int) -> int:
    """The Python index in ``text`` of Qt's position ``units`` (UTF-16 code units)."""
    if max(text, default="\0") < "\U00010000":
        return units
    count = 0
    for index, character in enumerate(text):
        if count >= units:
            return index
        count += 2 if character >= "\U00010000" else 1
    return len(text)


def personal_dictionary_path(settings_file: Path | None = None) -> Path:
    """Where the user's own words live: beside the settings file, else in Qt's config folder for the app."""
    if settings_file is not None:
        return settings_file.parent / PERSONAL_DICTIONARY
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / PERSONAL_DICTIONARY


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of one body document, paragraph by paragraph as they change."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self.service = service
        self.misspelt = QTextCharFormat()
        self.misspelt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt.setUnderlineColor(QColor("red"))

    def highlightBlock(self, text: str) -> None:
        """Mark the misspelt words of one paragraph (Qt calls this for each changed paragraph)."""
        service = self.service
        if service.checker is None or not service.enabled:
            return
        # Typing changes one run of the paragraph: the others' results come from memory, keeping a key cheap.
        known = service.checked_runs()
        checker = service.checker
        block = self.currentBlock()
        typing = service.typing_position(self.document(), block)
        at = python_index(text, typing - block.position()) if typing is not None else -1
        for match in _RUN_RE.finditer(text):
            run = match.group()
            if match.start() <= at <= match.end():
                # The word being typed: left unmarked until typing pauses (see the module's docstring).
                service.check_after_pause(self, block)
                continue
            found = known.get(run)
            if found is None:
                found = known[run] = [(start, end) for start, end, _word in checker.check(run)]
            offset = match.start()
            for start, end in found:
                first = utf16_offset(text, offset + start)
                self.setFormat(first, utf16_offset(text, offset + end) - first, self.misspelt)


class SpellingService(QObject):
    """One spell checker for the open report's language, its highlighters and its right-click actions."""

    # A dictionary is missing (the notice's message), for the status bar.
    notice = Signal(str)

    def __init__(self, personal_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.personal_path = personal_path
        self.checker: SpellChecker | None = None
        self.enabled = True
        self._highlighters: dict[int, SpellHighlighter] = {}
        self.language = ""
        self._runs: dict[str, list[tuple[int, int]]] = {}
        self._runs_state: tuple[int, int, int, bool] | None = None
        self._editors: list[QTextEdit] = []
        # Paragraphs holding a word left unchecked while it was typed, by document: a cursor follows each.
        self._waiting: dict[int, list[QTextCursor]] = {}
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.check_typed_words)
        self._every_word = False

    def watch_editors(self, editors: Sequence[QTextEdit]) -> None:
        """The editors the user types in: the word at an editor's cursor waits for a pause to be checked."""
        self._editors = list(editors)

    def typing_position(self, document: QTextDocument, block: QTextBlock) -> int | None:
        """The position of the cursor of an editor showing ``document``, if it lies in ``block``."""
        if self._every_word:
            return None
        for editor in self._editors:
            if editor.document() is document:
                position = editor.textCursor().position()
                start = block.position()
                return position if start <= position < start + block.length() else None
        return None

    def check_after_pause(self, highlighter: SpellHighlighter, block: QTextBlock) -> None:
        """Check ``block`` again once typing pauses (a word in it was left unchecked)."""
        waiting = self._waiting.setdefault(id(highlighter.document()), [])
        if not any(cursor.block() == block for cursor in waiting):
            waiting.append(QTextCursor(block))
        self._pause.start()

    def check_typed_words(self) -> None:
        """Check the words left unchecked while they were typed (typing paused, or a test asks)."""
        self._pause.stop()
        waiting, self._waiting = self._waiting, {}
        self._every_word = True
        try:
            for key, cursors in waiting.items():
                highlighter = self._highlighters.get(key)
                if highlighter is None:
                    continue
                document = highlighter.document()
                # Highlighting changes no text; keep the body store from taking it for an edit.
                blocked = document.blockSignals(True)
                for cursor in cursors:
                    if cursor.block().isValid():
                        highlighter.rehighlightBlock(cursor.block())
                document.blockSignals(blocked)
        finally:
            self._every_word = False

    def checked_runs(self) -> dict[str, list[tuple[int, int]]]:
        """The misspelt words (start and end offsets) of runs of text without whitespace checked so far."""
        checker = self.checker
        assert checker is not None
        # A word added or ignored, or another checker, changes the answers: forget them then.
        state = (id(checker), len(checker._ignored), len(checker.personal.words), checker.ignore_uppercase)
        if state != self._runs_state or len(self._runs) >= _RUN_CACHE_LIMIT:
            self._runs.clear()
            self._runs_state = state
        return self._runs

    def set_language(self, language: str) -> None:
        """Check in ``language`` from now on (a report opened, or its language changed)."""
        if language == self.language and self.checker is not None:
            return
        self.language = language
        # Imported here: the checker is made after the window has been painted (writing_aids.py).
        from minutes_editor.spelling import SpellChecker

        self.checker = SpellChecker(language, self.personal_path)
        if self.checker.notice is not None:
            self.notice.emit(self.checker.notice.message)
        self.rehighlight()

    def attach(self, document: QTextDocument) -> None:
        """Underline misspellings in ``document`` (once per document)."""
        key = id(document)
        if key in self._highlighters and self._highlighters[key].document() is document:
            return
        highlighter = SpellHighlighter(document, self)
        self._highlighters[key] = highlighter
        # Qt queues the first pass over a new document's text; run it now, unheard, so the body store
        # does not take the underlines for an edit (which would start a preview and an autosave).
        blocked = document.blockSignals(True)
        QCoreApplication.sendPostedEvents(highlighter, QEvent.Type.MetaCall)
        document.blockSignals(blocked)
        document.destroyed.connect(lambda _obj=None, key=key: self._forget(key))

    def detach(self, document: QTextDocument) -> None:
        """Stop underlining in ``document`` before it goes (its report is closing)."""
        key = id(document)
        highlighter = self._highlighters.get(key)
        if highlighter is None or highlighter.document() is not document:
            return
        self._forget(key)
        # Taking the underlines away changes no text; keep the body store from taking it for an edit.
        blocked = document.blockSignals(True)
        highlighter.setDocument(None)
        document.blockSignals(blocked)
        highlighter.deleteLater()

    def _forget(self, key: int) -> None:
        self._highlighters.pop(key, None)
        self._waiting.pop(key, None)

    def set_enabled(self, enabled: bool) -> None:
        """Turn the underlines on or off."""
        self.enabled = enabled
        self.rehighlight()

    def rehighlight(self) -> None:
        """Check every attached document again (after a word was added, the language changed)."""
        self._runs.clear()
        if self._waiting:
            self._pause.stop()
            self._waiting.clear()
        # Every word, the one at the cursor included: nobody is typing it now.
        self._every_word = True
        try:
            for highlighter in list(self._highlighters.values()):
                document = highlighter.document()
                # Highlighting changes no text; keep the body store from taking it for an edit.
                blocked = document.blockSignals(True)
                highlighter.rehighlight()
                document.blockSignals(blocked)
        finally:
            self._every_word = False

    def context_actions(self, editor: QTextEdit, position: QPoint) -> list[QAction]:
        """Suggestions, "Add to dictionary" and "Ignore" for the misspelt word under ``position``, if any."""
        checker = self.checker
        if checker is None or not self.enabled:
            return []
        cursor = editor.cursorForPosition(position)
        block = cursor.block()
        text = block.text()
        at = cursor.positionInBlock()
        for start, end, word in checker.check(text):
            first, last = utf16_offset(text, start), utf16_offset(text, end)
            if first <= at <= last:
                return self._actions(editor, block.position() + first, block.position() + last, word)
        return []

    def _actions(self, editor: QTextEdit, first: int, last: int, word: str) -> list[QAction]:
        assert self.checker is not None
        actions: list[QAction] = []
        for suggestion in self.checker.suggestions(word, MAX_SUGGESTIONS):
            action = QAction(suggestion, editor)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _checked=False, text=suggestion: self._replace(editor, first, last, text))
            actions.append(action)
        if not actions:
            none = QAction(self.tr("No suggestions"), editor)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(self.tr("Add to dictionary"), editor)
        add.triggered.connect(lambda _checked=False: self._add(word))
        ignore = QAction(self.tr("Ignore all"), editor)
        ignore.triggered.connect(lambda _checked=False: self._ignore(word))
        actions += [add, ignore]
        return actions

    @staticmethod
    def _replace(editor: QTextEdit, first: int, last: int, text: str) -> None:
        # One edit block: one undo step of the document, hence one on the window's stack.
        cursor = QTextCursor(editor.document())
        cursor.setPosition(first + 1 if first + 1 <= last else first)
        fmt = cursor.charFormat()
        tracking = getattr(editor, "tracked", None)
        me = tracking() if callable(tracking) else None  # a body editor while Track changes is on
        if me is not None:
            from minutes_editor.gui.tracked_insert import replace_pieces

            replace_pieces(editor.document(), [(first, last)], last, text, me)
            cursor.setPosition(last)
            editor.setTextCursor(cursor)
            return
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(text, fmt)
        cursor.endEditBlock()
        editor.setTextCursor(cursor)

    def _add(self, word: str) -> None:
        assert self.checker is not None
        try:
            self.checker.add_word(word)
        except OSError as error:
            self.notice.emit(str(error))
        self.rehighlight()

    def _ignore(self, word: str) -> None:
        assert self.checker is not None
        self.checker.ignore_word(word)
        self.rehighlight()
