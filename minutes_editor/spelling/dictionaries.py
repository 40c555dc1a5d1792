"""Which Hunspell dictionary (through Enchant) checks which language, and which script goes to which language."""

from __future__ import annotations

from functools import cache
from typing import Any

from minutes_editor.model.script import Script

#: Languages that check words of a script a report's own language does not write.
DEFAULT_SCRIPT_LANGUAGES = {Script.ARABIC: "ar", Script.LATIN: "en", Script.CYRILLIC: "ru"}

_SCRIPT_CODES = {"Arab": Script.ARABIC, "Latn": Script.LATIN, "Cyrl": Script.CYRILLIC}


def enchant_module() -> Any | None:
    """The pyenchant module, or None when it or the Enchant C library is not installed."""
    try:
        import enchant  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except (ImportError, OSError):
        return None
    return enchant


def primary_subtag(language: str) -> str:
    """The language part of a BCP 47 tag or locale name: "fa" from "fa-IR" or "fa_IR"."""
    return language.replace("_", "-").split("-", 1)[0].lower()


@cache
def likely_locale(language: str) -> tuple[str, str]:
    """The script code and territory CLDR expects for a language: ("Arab", "IR") for "fa"."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(primary_subtag(language), "")
    parts = likely.split("_")
    script = next((part for part in parts[1:] if len(part) == 4), "")
    territory = next((part for part in parts[1:] if len(part) in (2, 3) and part.isupper()), "")
    return script, territory


def script_of_language(language: str) -> Script:
    """The script a language is written in (CLDR's likely script)."""
    return _SCRIPT_CODES.get(likely_locale(language)[0], Script.OTHER)


def script_languages(report_language: str) -> dict[Script, str]:
    """Which language checks each script's words in a report: its own script in its language, others by default."""
    languages = dict(DEFAULT_SCRIPT_LANGUAGES)
    languages[script_of_language(report_language)] = primary_subtag(report_language)
    return languages


def dictionary_tag(language: str, preferred: str = "") -> str | None:
    """The Enchant tag of an installed dictionary for ``language``, or None.

    Tried in order: ``preferred`` (the preset's Word language, "en-GB"), the
    bare code, CLDR's likely territory ("fa_IR"), then any installed
    variant ("ar_SY").
    """
    enchant = enchant_module()
    if enchant is None:
        return None
    code = primary_subtag(language)
    candidates = []
    if preferred and primary_subtag(preferred) == code:
        candidates.append(preferred.replace("-", "_"))
    candidates.append(code)
    territory = likely_locale(code)[1]
    if territory:
        candidates.append(f"{code}_{territory}")
    broker = _broker()
    for tag in candidates:
        if broker.dict_exists(tag):
            return tag
    installed = sorted(tag for tag in broker.list_languages() if primary_subtag(tag) == code)
    return installed[0] if installed else None


@cache
def _broker() -> Any:
    enchant = enchant_module()
    assert enchant is not None
    return enchant.Broker()


def open_dictionary(tag: str) -> Any:
    """An Enchant dictionary object for an installed tag (shared by every checker)."""
    return _open(tag)


@cache
def _open(tag: str) -> Any:
    return _broker().request_dict(tag)


def language_name(language: str) -> str:
    """A language's English name for messages ("Urdu"), or its code when CLDR does not know it."""
    from babel.core import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(primary_subtag(language)).english_name)
    except (UnknownLocaleError, ValueError):
        return language
