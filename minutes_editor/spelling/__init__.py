"""Spell checking in the report's language through Hunspell dictionaries (pyenchant), with a personal dictionary."""

from __future__ import annotations

from minutes_editor.spelling.checker import Misspelling, Notice, SpellChecker
from minutes_editor.spelling.personal import PersonalDictionary

__all__ = ["Misspelling", "Notice", "PersonalDictionary", "SpellChecker"]
