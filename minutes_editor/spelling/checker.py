"""Spell checking of a report's text as the rapporteur types: each word in the dictionary of its script's language."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from minutes_editor.model.script import URL_RE, ZWJ, ZWNJ, Script, iter_words, strip_arabic_marks
from minutes_editor.spelling.dictionaries import (
    dictionary_tag,
    enchant_module,
    language_name,
    open_dictionary,
    primary_subtag,
    script_languages,
)
from minutes_editor.spelling.personal import PersonalDictionary, normalised_word

#: Results kept per checker; typing re-checks the same words of a paragraph over and over.
_CACHE_LIMIT = 50_000
_APOSTROPHES = "'\u2019\u02bc"


class Misspelling(NamedTuple):
    """A word the dictionary does not know: offsets into the checked text and the word as written."""

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Notice:
    """Why some words are not checked: dictionaries (or Enchant itself) missing; shown, never raised."""

    missing: tuple[str, ...]
    enchant_missing: bool
    message: str


class SpellChecker:
    """Checks text for one report language; words of other scripts go to their own language's dictionary.

    Arabic-script words go to the report's language when it is written in
    that script (ar, fa, ur), else to Arabic; Latin words to the report's
    language when it is Latin-written (en, fr, tr), else to English;
    Cyrillic likewise with Russian. Words holding digits, URLs and mail
    addresses, single letters and (by default) words in capitals such as
    ICMPD are skipped. Harakat and kashida never make a word wrong.
    ``preferred_tag`` names the dictionary variant ("en-GB"); by default the
    language preset's Word language. A missing dictionary gives ``notice``.
    """

    def __init__(
        self,
        language: str,
        personal_path: Path | None = None,
        *,
        preferred_tag: str | None = None,
        ignore_uppercase: bool = True,
    ) -> None:
        self.language = primary_subtag(language)
        if preferred_tag is None:
            preferred_tag = _preset_word_language(self.language)
        self.personal = PersonalDictionary(personal_path)
        self.ignore_uppercase = ignore_uppercase
        self._ignored: set[str] = set()
        self._cache: dict[tuple[Script, str], bool] = {}
        self.script_languages = script_languages(language)
        self._script_tags: dict[Script, str] = {}
        self._dictionaries: dict[Script, Any] = {}  # opened on first use: a large one takes ~0.3 s
        self.tags: dict[str, str] = {}
        missing: list[str] = []
        enchant_ok = enchant_module() is not None
        for script, script_language in self.script_languages.items():
            tag = dictionary_tag(script_language, preferred_tag) if enchant_ok else None
            if tag is None:
                if script_language not in missing:
                    missing.append(script_language)
                continue
            self._script_tags[script] = tag
            self.tags[script_language] = tag
        self.notice = _notice(self.language, missing, enchant_ok)

    def warm_up(self) -> None:
        """Open the report language's dictionary now rather than at the first word."""
        for script, language in self.script_languages.items():
            if language == self.language and script in self._script_tags:
                self._dictionary(script)

    def _dictionary(self, script: Script) -> Any:
        dictionary = self._dictionaries.get(script)
        if dictionary is None:
            dictionary = self._dictionaries[script] = open_dictionary(self._script_tags[script])
        return dictionary

    @property
    def available(self) -> bool:
        """Whether the report language's own words are checked."""
        return self.language in self.tags

    def check(self, text: str) -> list[Misspelling]:
        """The misspelt words of ``text``, in order."""
        found: list[Misspelling] = []
        urls: list[tuple[int, int]] | None = None
        for word in iter_words(text):
            if word.script is None or word.script not in self._script_tags:
                continue
            if self._correct(word.text, word.script):
                continue
            if urls is None:
                urls = [match.span() for match in URL_RE.finditer(text)]
            if any(start < word.end and word.start < end for start, end in urls):
                continue
            found.append(Misspelling(word.start, word.end, word.text))
        return found

    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Corrections for a misspelt word from its script's dictionary, best first."""
        words = [item for item in iter_words(word) if item.script is not None]
        if len(words) != 1 or words[0].script not in self._script_tags:
            return []
        script = words[0].script
        form = _dictionary_form(words[0].text, script, self.script_languages[script])
        suggested: list[str] = []
        for candidate in self._dictionary(script).suggest(form):
            if candidate not in suggested and candidate != form:
                suggested.append(candidate)
        return suggested[:limit]

    def language_of(self, word: str) -> str | None:
        """The language whose dictionary checks ``word``, or None when none does."""
        words = [item for item in iter_words(word) if item.script is not None]
        if not words or words[0].script not in self._script_tags:
            return None
        return self.script_languages[words[0].script]

    def add_word(self, word: str) -> None:
        """Accept ``word`` from now on, in the personal dictionary file (raises WriteError if it cannot be saved)."""
        self.personal.add(word)

    def ignore_word(self, word: str) -> None:
        """Accept ``word`` for this session only ("Ignore all")."""
        self._ignored.add(normalised_word(word))

    def _correct(self, word: str, script: Script) -> bool:
        form = _dictionary_form(word, script, self.script_languages[script])
        if len(form) < 2 or form in self._ignored or form in self.personal:
            return True
        if self.ignore_uppercase and form.isupper():
            return True
        key = (script, form)
        known = self._cache.get(key)
        if known is None:
            known = self._lookup(form, script)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = known
        return known

    def _lookup(self, form: str, script: Script) -> bool:
        dictionary = self._dictionary(script)
        if dictionary.check(form):
            return True
        if script is Script.LATIN and any(mark in form for mark in _APOSTROPHES):
            # "EU's", "l'UE": each part right (a capitals part skipped, an elided article or "s" let through).
            parts = [part for part in form.replace("\u2019", "'").split("'") if part]
            return all(
                len(part) < 2 or (self.ignore_uppercase and part.isupper()) or dictionary.check(part) for part in parts
            )
        return False


def _preset_word_language(language: str) -> str:
    """The preset's Word language ("en-GB"), which names the dictionary variant the report is written in."""
    from minutes_editor.storage.presets import load_preset

    try:
        preset = load_preset(language)
    except (FileNotFoundError, ValueError, KeyError):
        return ""
    return preset.word_lang if primary_subtag(preset.code) == language else ""


def _dictionary_form(word: str, script: Script, language: str = "") -> str:
    """The word as dictionaries want it: NFC; Arabic script without harakat and kashida, presentation forms undone.

    Persian and Urdu dictionaries spell compounds with the half-space
    (ZWNJ); Arabic has none, so there it is dropped.
    """
    if script is Script.ARABIC:
        text = strip_arabic_marks(word)
        if any("\ufb50" <= char <= "\ufeff" for char in text):
            text = unicodedata.normalize("NFKC", text)
        text = text.replace(ZWJ, "")
        return text.replace(ZWNJ, "") if language == "ar" else text
    return unicodedata.normalize("NFC", word).replace("\u2019", "'").replace("\u02bc", "'")


def _notice(language: str, missing: list[str], enchant_ok: bool) -> Notice | None:
    if not enchant_ok:
        return Notice(
            tuple(missing),
            True,
            "Spell checking is off: the Enchant library (pyenchant and libenchant) is not installed.",
        )
    if not missing:
        return None
    names = ", ".join(f"{language_name(code)} ({code})" for code in missing)
    if language in missing:
        lead = f"No spelling dictionary for the report's language, {language_name(language)} ({language}):"
        others = [code for code in missing if code != language]
        rest = (
            f" Words in {', '.join(f'{language_name(code)} ({code})' for code in others)} are not checked either."
            if others
            else ""
        )
        return Notice(
            tuple(missing),
            False,
            f"{lead} its words are not checked.{rest} Install a Hunspell dictionary for it to check them.",
        )
    return Notice(
        tuple(missing),
        False,
        f"No spelling dictionary for {names}: words in that script are not checked. "
        "Install a Hunspell dictionary for it to check them.",
    )
