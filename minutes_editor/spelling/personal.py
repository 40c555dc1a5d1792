"""The user's own words, kept in a plain UTF-8 file, one word a line, shared by every language."""

from __future__ import annotations

import contextlib
import unicodedata
from pathlib import Path
from typing import BinaryIO

from minutes_editor.model.script import strip_arabic_marks
from minutes_editor.storage.atomic import atomic_write
from minutes_editor.storage.files import read_regular


def normalised_word(word: str) -> str:
    """The form a word is compared in: NFC, without harakat and kashida, with a plain apostrophe."""
    text = unicodedata.normalize("NFC", word.strip())
    return strip_arabic_marks(text).replace("\u2019", "'").replace("\u02bc", "'")


class PersonalDictionary:
    """Words the user added ("Add to dictionary"), accepted in any language.

    A word added in lower case is also accepted capitalised or in capitals
    (as Hunspell treats its own words); one added with capitals only as
    written or in capitals. ``path`` None keeps the words for this session.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._words: list[str] = []
        self._known: set[str] = set()
        self._upper: set[str] = set()
        text = _read_words(self.path) if self.path is not None else ""
        if text is None:
            # Something we cannot read is in the dictionary's place: keep this session's words in memory
            # rather than overwrite it.
            self.path = None
            text = ""
        if text:
            for line in text.splitlines():
                word = normalised_word(line)
                if word and not word.startswith("#") and word not in self._known:
                    self._remember(word)

    @property
    def words(self) -> list[str]:
        """The words, in the order they were added."""
        return list(self._words)

    def __contains__(self, word: str) -> bool:
        form = normalised_word(word)
        if form in self._known:
            return True
        if form.lower() in self._known:
            return True
        # "ICMPD" or "McDonald" added: also known in capitals; "icmpd" or "Mcdonald" are not.
        return form.isupper() and form in self._upper

    def _remember(self, word: str) -> None:
        self._words.append(word)
        self._known.add(word)
        self._upper.add(word.upper())

    def add(self, word: str) -> bool:
        """Add a word and save the file atomically; False if it was already there.

        Raises storage.atomic.WriteError when the file cannot be written;
        the word stays known for this session all the same.
        """
        form = normalised_word(word)
        if not form or form in self._known:
            return False
        self._remember(form)
        if self.path is not None:
            with contextlib.suppress(OSError):  # atomic_write says why the folder is unusable
                self.path.parent.mkdir(parents=True, exist_ok=True)
            data = "".join(f"{entry}\n" for entry in self._words).encode("utf-8")

            def write(stream: BinaryIO) -> None:
                stream.write(data)

            atomic_write(self.path, write, keep_backup=False)
        return True


#: A personal dictionary larger than this is not read (a million words take about 10 MB).
MAX_DICTIONARY_BYTES = 64 * 1024 * 1024


def _read_words(path: Path) -> str | None:
    # Through the one door for reading (storage/files.py): a pipe or a device in the dictionary's place is
    # passed over at once instead of blocking the window. A missing file is an empty dictionary; None when
    # something is there that cannot be read.
    try:
        return read_regular(path, MAX_DICTIONARY_BYTES).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    except (OSError, ValueError):
        return None
