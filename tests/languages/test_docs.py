"""docs/languages.md describes every preset field and every shipped language."""

from __future__ import annotations

import json
from pathlib import Path

from minutes_editor.paths import languages_dir
from minutes_editor.storage.presets import available_languages, load_preset

DOC = Path(__file__).resolve().parents[2] / "docs" / "languages.md"


def test_every_field_of_the_shipped_presets_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    fields: set[str] = set()
    for code in available_languages():
        data = json.loads((languages_dir() / f"{code}.json").read_text(encoding="utf-8"))
        fields |= set(data)
        fields |= {f"{key}.{inner}" for key, value in data.items() if isinstance(value, dict) for inner in value}
    documented = {field for field in fields if f"`{field.rsplit('.', 1)[-1]}`" in text}
    assert fields - documented == set()


def test_every_shipped_language_is_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code in available_languages():
        assert f"(`{code}`)" in text, code
        assert load_preset(code).date_locale in text, code
