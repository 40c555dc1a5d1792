"""Checks a rapporteur wants before circulating a report: problems that are valid data but wrong prose."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from minutes_editor.model.report import Block, FootnoteRef, Report, SectionKind


class Severity(StrEnum):
    """How much a problem matters."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One finding, with the path of the field it concerns (as in load errors)."""

    where: str
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.where}: {self.message}"


def check_report(report: Report) -> list[Problem]:
    """Return the problems found in ``report``, in reading order."""
    problems: list[Problem] = []
    if not report.title.meeting.strip():
        problems.append(Problem("title.meeting", "the report has no meeting title"))
    for s_index, section in enumerate(report.sections):
        where = f"sections[{s_index}]"
        if section.heading is not None and not section.heading.strip():
            problems.append(Problem(f"{where}.heading", "the heading is empty"))
        has_content = section.blocks or section.participants or section.sessions
        if not has_content:
            problems.append(Problem(where, "the section is empty"))
        problems.extend(_empty_blocks(section.blocks, f"{where}.blocks"))
        if section.kind is SectionKind.PARTICIPATION:
            counts = Counter(participant.name.strip() for participant in section.participants)
            for p_index, participant in enumerate(section.participants):
                name = participant.name.strip()
                if not name:
                    problems.append(Problem(f"{where}.participants[{p_index}]", "a participant has no name"))
                elif counts[name] > 1:
                    problems.append(
                        Problem(f"{where}.participants[{p_index}]", f"{name} is listed {counts[name]} times")
                    )
                    counts[name] = 0  # report each name once
        for j_index, session in enumerate(section.sessions):
            at = f"{where}.sessions[{j_index}]"
            if not session.title.strip():
                problems.append(Problem(f"{at}.title", "the session has no title"))
            if not session.blocks:
                problems.append(Problem(at, "the session is empty"))
            problems.extend(_empty_blocks(session.blocks, f"{at}.blocks"))
    problems.extend(_footnote_problems(report))
    return problems


def _empty_blocks(blocks: list[Block], where: str) -> list[Problem]:
    return [
        Problem(f"{where}[{index}]", f"empty {block.kind.value}")
        for index, block in enumerate(blocks)
        if not block.plain_text.strip() and not any(isinstance(item, FootnoteRef) for item in block.content)
    ]


def _footnote_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    references = Counter(report.footnote_refs())
    for index, note in enumerate(report.footnotes):
        where = f"footnotes[{index}]"
        if references[note.id] == 0:
            problems.append(Problem(where, f"footnote {note.id!r} is referenced nowhere"))
        elif references[note.id] > 1:
            problems.append(
                Problem(
                    where,
                    f"footnote {note.id!r} is referenced {references[note.id]} times; Word shows one note per mark",
                )
            )
        if not "".join(span.text for span in note.content).strip():
            problems.append(Problem(where, f"footnote {note.id!r} has no text"))
    return problems
