"""Names a report can list: CLDR countries, organisations from data files, and the user's own spellings.

Countries come from CLDR through Babel (``Locale(lang).territories``), which
gives the short names reports use; organisations come from
``resources/data/organisations.XX.json``. A rapporteur can override a name
(the reference report writes المجر where CLDR has هنغاريا); overrides are
kept per language in ``name-overrides.json`` in the user's config folder.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from minutes_editor.paths import resources_dir
from minutes_editor.storage.atomic import atomic_write_bytes

#: Two-letter CLDR codes that are not countries: groupings, reserved and private-use codes.
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})
KOSOVO = "XK"
OVERRIDES_FILE = "name-overrides.json"

# Arabic letters that vary in spelling without changing the name: hamza seats, alef maqsura, ta marbuta.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None})


def fold(text: str) -> str:
    """Text reduced for matching: case, diacritics, Arabic vowel marks and letter variants ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.translate(_FOLD)


@dataclass(frozen=True)
class NameEntry:
    """A name that can be listed: its code, its name in the report's language, and other spellings to match."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    is_country: bool = True

    def matches(self, query: str) -> bool:
        """Whether every word of ``query`` starts a word of the name, an alias or the code."""
        words = fold(query).split()
        if not words:
            return True
        haystack = [fold(text) for text in (self.name, *self.aliases, self.code.removeprefix("org:"))]
        tokens = [token for text in haystack for token in text.replace("(", " ").replace(")", " ").split()]
        # Arabic names often carry the article or a conjunction glued on: match inside words too.
        joined = " ".join(haystack)
        return all(any(token.startswith(word) for token in tokens) or word in joined for word in words)


def _base_language(language: str) -> str:
    return language.replace("-", "_").split("_", 1)[0].lower()


@cache
def country_entries(language: str) -> tuple[NameEntry, ...]:
    """Countries named in ``language``, with their English names as aliases, sorted by name."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("en").territories
    english = Locale.parse("en").territories
    entries = [
        NameEntry(code, str(name), (str(english.get(code, "")),))
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return tuple(sorted(entries, key=lambda entry: fold(entry.name)))


def _data_file(stem: str, language: str) -> dict[str, object]:
    folder = resources_dir() / "data"
    for code in (language, _base_language(language), "en"):
        path = folder / f"{stem}.{code}.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
    return {}


@cache
def organisation_entries(language: str) -> tuple[NameEntry, ...]:
    """Organisations named in ``language``, with their English names as aliases."""
    english = {item["code"]: item["name"] for item in _organisations("en")}
    return tuple(
        NameEntry(item["code"], item["name"], (english.get(item["code"], ""),), is_country=False)
        for item in _organisations(language)
    )


def _organisations(language: str) -> list[dict[str, str]]:
    items = _data_file("organisations", language).get("organisations", [])
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def designation_note(code: str, language: str) -> str:
    """The standard designation footnote EU documents carry for ``code`` (Kosovo), or ""."""
    notes = _data_file("organisations", language).get("designations", {})
    return str(notes.get(code, "")) if isinstance(notes, dict) else ""


# ------------------------------------------------------------- overrides


def overrides_path() -> Path:
    """Where the user's name overrides are kept."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / OVERRIDES_FILE


class NameOverrides:
    """The user's own spellings of listed names, per language, remembered across sessions."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or overrides_path()
        self._data: dict[str, dict[str, str]] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            for language, names in loaded.items():
                if isinstance(names, dict):
                    self._data[str(language)] = {str(code): str(name) for code, name in names.items()}

    def get(self, language: str, code: str) -> str | None:
        """The user's spelling of ``code`` in ``language``, if any."""
        return self._data.get(_base_language(language), {}).get(code)

    def set(self, language: str, code: str, name: str | None) -> None:
        """Remember (or, with None, forget) the user's spelling, and save at once."""
        names = self._data.setdefault(_base_language(language), {})
        if name:
            names[code] = name
        else:
            names.pop(code, None)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._data, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write_bytes(self.path, (text + "\n").encode("utf-8"), keep_backup=False)

    def apply(self, language: str, entries: tuple[NameEntry, ...]) -> list[NameEntry]:
        """Entries with the user's spellings in place, the standard name kept as an alias."""
        result = []
        for entry in entries:
            own = self.get(language, entry.code)
            if own and own != entry.name:
                result.append(NameEntry(entry.code, own, (entry.name, *entry.aliases), entry.is_country))
            else:
                result.append(entry)
        return result


def standard_name(language: str, code: str) -> str | None:
    """The name CLDR or the organisations file gives ``code`` in ``language``, ignoring overrides."""
    for entry in organisation_entries(language) + country_entries(language):
        if entry.code == code:
            return entry.name
    return None


def all_entries(language: str, overrides: NameOverrides | None = None) -> list[NameEntry]:
    """Organisations then countries of ``language``, with the user's spellings applied."""
    entries = organisation_entries(language) + country_entries(language)
    return overrides.apply(language, entries) if overrides else list(entries)
