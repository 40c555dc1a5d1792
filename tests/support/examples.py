"""The example reports the project ships, for tests."""

from __future__ import annotations

from pathlib import Path

from minutes_editor.paths import examples_dir


def example_path(language: str = "ar") -> Path:
    """Path of the Budapest Process example report in ``language`` ("ar" or "en")."""
    return examples_dir() / f"budapest-process-2021-10-14.{language}.minutes"
