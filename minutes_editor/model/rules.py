"""The rules of a report's shape, in one place: the .minutes loader, the operations and the window ask these."""

from __future__ import annotations

from enum import StrEnum

from minutes_editor.model.report import Section


class Rule(StrEnum):
    """A rule of the report an operation may be refused for."""

    FIRST_SECTION_LEVEL = "first-section-level"
    LEVEL = "level"
    PARTICIPANTS = "participants"
    SESSIONS = "sessions"
    FOOTNOTE_ID = "footnote-id"
    PLACE = "place"


class OperationRefusedError(ValueError):
    """An operation would break ``rule``; the report was left unchanged."""

    def __init__(self, rule: Rule, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def level_allowed(level: int, *, first: bool) -> bool:
    """Whether a section may have heading ``level``: 1 or 2, but the first section cannot be a sub-heading."""
    return level == 1 if first else level in (1, 2)


def check_sections(sections: list[Section]) -> None:
    """Refuse a list of sections whose first is a sub-heading (the one rule on their order)."""
    if sections and not level_allowed(sections[0].level, first=True):
        raise OperationRefusedError(Rule.FIRST_SECTION_LEVEL, "the first section cannot be a sub-heading")
