"""Finding and reading the language preset files (``templates/languages/XX.json``).

The preset itself, its checks and everything it writes are the model's
(``minutes_editor.model.language``), which reads no file; this module finds
the files where ``minutes_editor.paths`` says they are, reads them through the
one door for reading (``storage/files.py``) and the strict JSON reader, and
hands the parsed object to ``parse_preset``. The model's functions that need a
preset (checks, default headings of the text fields, search and counts) take it
from their callers, which load it here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from minutes_editor.model.language import (
    FALLBACK_LANGUAGE,
    LanguagePreset,
    LanguageTag,
    PresetError,
    is_language_tag,
)
from minutes_editor.model.preset_parsing import parse_preset
from minutes_editor.paths import languages_dir
from minutes_editor.storage.files import read_regular
from minutes_editor.storage.strict_json import DuplicateKeyError, refuse_duplicate_keys

#: Larger preset files are refused unread (the shipped ones take 2 kB).
MAX_PRESET_BYTES = 1024 * 1024


def available_languages() -> list[str]:
    """Codes of the languages that have a preset file."""
    return sorted(_preset_files())


def _preset_files() -> dict[str, Path]:
    # The preset files by code (load_preset caches what it finds). A lookup picks among these: a path is
    # never built from a report's tag, which may be anything a file says ("File name too long" once).
    return {path.stem: path for path in languages_dir().glob("*.json")}


@cache
def load_preset(language: str) -> LanguagePreset:
    """The preset for a BCP 47 tag: exact file, else its primary subtag, else English; refined by the tag.

    A tag that is not well-formed (``is_language_tag``) gets the English preset, unrefined. Raises
    PresetError when the file found is not a valid preset.
    """
    files = _preset_files()
    tag = language.strip()
    if not is_language_tag(tag):
        tag = ""
    parsed = LanguageTag.parse(tag)
    for code in (tag, parsed.base, parsed.language, FALLBACK_LANGUAGE):
        path = files.get(code) if code else None
        if path is not None:
            preset = _load_file(path)
            return preset.for_tag(tag) if tag else preset
    raise FileNotFoundError(f"no language presets found in {languages_dir()}")


@cache
def _load_file(path: Path) -> LanguagePreset:
    try:
        # Through the one door for reading (storage/files.py): a pipe or a device named like a preset is
        # refused at once instead of blocking the window.
        data = json.loads(read_regular(path, MAX_PRESET_BYTES).decode("utf-8"), object_pairs_hook=refuse_duplicate_keys)
    except (OSError, UnicodeDecodeError) as error:
        raise PresetError(f"{path}: cannot be read: {error}") from error
    except json.JSONDecodeError as error:
        raise PresetError(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from error
    except DuplicateKeyError as error:
        raise PresetError(f"{path}: the key {error.key!r} appears twice in one object") from error
    return parse_preset(data, source=str(path), expected_code=path.stem)


def check_presets() -> dict[str, str]:
    """Every preset file that is not valid, with its error message (empty when all are good)."""
    problems: dict[str, str] = {}
    for path in sorted(languages_dir().glob("*.json")):
        try:
            _load_file(path).check_dates()
        except PresetError as error:
            problems[path.name] = str(error)
    return problems
