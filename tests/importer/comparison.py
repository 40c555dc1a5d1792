"""What a .docx can carry of a report, and a comparable form of a report, for round-trip tests.

``canonical(report)`` removes what no .docx round trip can keep and what is
not the report's content: footnote ids (Word numbers notes by position; they
become "1", "2", ... by first reference), participant codes (the sentence
holds names only), the ``template`` field, and the difference between a
heading left to the language default and the same words typed.

``expressible(report)`` turns a generated report into the nearest report a
Word document can express, each step a limit of the format, not of the
importer:

- a sub-heading or session title without visible text is not written, so
  it is given one ("x");
- (a section of a named kind with a heading of its own, and a generic
  sub-section right after a discussion section, are expressible: the writer
  bookmarks every heading with its section kind or "session");
- participants are names in one sentence: names are trimmed, empty ones
  left out, and a name holding the joining words ("A and B") is one the
  sentence cannot tell apart, so such names are replaced;
- goals are trimmed and empty ones left out, as the goals line does;
- title-block lines without visible text are not written;
- the date line shows times to the minute and the time zone only with a
  time; created and modified are kept to the second, in UTC;
- a carriage return is a line break in Word: CR and CR LF become LF (the
  writer does this).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

from minutes_editor.model.report import (
    Block,
    FootnoteRef,
    Report,
    Span,
)
from minutes_editor.storage.presets import load_preset


def canonical(report: Report) -> Report:
    """A copy of ``report`` in the form two equal round trips share (see the module docstring)."""
    result = copy.deepcopy(report)
    preset = load_preset(result.language)
    numbers: dict[str, str] = {}
    for block in result.all_blocks():
        for item in block.content:
            if isinstance(item, FootnoteRef):
                item.footnote_id = numbers.setdefault(item.footnote_id, str(len(numbers) + 1))
    result.footnotes = sorted(
        (note for note in result.footnotes if note.id in numbers), key=lambda note: int(numbers[note.id])
    )
    for note in result.footnotes:
        note.id = numbers[note.id]
    for section in result.sections:
        if section.heading is None:
            section.heading = preset.heading(section.kind)
        for participant in section.participants:
            participant.code = ""
    result.template = ""
    title = result.title
    # The date line as it reads: date, times to the minute, zone only with a time.
    line = preset.date_line_text(title)
    title.start_time = title.end_time = None
    title.timezone = line
    for field in ("created", "modified"):
        value = getattr(result, field)
        if value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=dt.UTC)
            setattr(result, field, value.astimezone(dt.UTC).replace(microsecond=0))
    return result


def expressible(report: Report) -> Report:
    """The nearest report a .docx can express (see the module docstring), to export and compare with."""
    result = _map_texts(copy.deepcopy(report), lambda text: text.replace("\r\n", "\n").replace("\r", "\n"))
    preset = load_preset(result.language)
    separators = {preset.list_join.separator, preset.list_join.last_separator}
    for section in result.sections:
        if section.level == 2:
            heading = section.heading if section.heading is not None else preset.heading(section.kind)
            if not heading.strip():
                section.heading = "x"
        for session in section.sessions:
            if not session.title.strip():
                session.title = "x"
            session.goals = [goal.strip() for goal in session.goals if goal.strip()]
        names = []
        for participant in section.participants:
            name = participant.name.strip()
            if not name:
                continue
            if any(separator in f" {name} " for separator in separators):
                name = "x"  # the sentence could be cut inside this name
            participant.name = name
            names.append(participant)
        if names and preset.list_join.end:
            names[-1].name = names[-1].name.rstrip(preset.list_join.end).strip() or "x"
        section.participants = names
    title = result.title
    for field in ("meeting", "subtitle", "location", "status"):
        if not getattr(title, field).strip():
            setattr(title, field, "")
    if title.date is None:
        title.start_time = title.end_time = None
        title.timezone = ""
    return result


def _map_texts(report: Report, change: Callable[[str], str]) -> Report:
    """Apply ``change`` to every text of a report, in place; returns the report."""
    title = report.title
    for field in ("meeting", "subtitle", "timezone", "location", "status"):
        setattr(title, field, change(getattr(title, field)))
    report.author = change(report.author)
    for section in report.sections:
        if section.heading is not None:
            section.heading = change(section.heading)
        for participant in section.participants:
            participant.name = change(participant.name)
        for session in section.sessions:
            session.title = change(session.title)
            session.goals = [change(goal) for goal in session.goals]
    for block in report.all_blocks():
        for item in block.content:
            if isinstance(item, Span):
                item.text = change(item.text)
    for note in report.footnotes:
        for span in note.content:
            span.text = change(span.text)
    return report


def block_outline(block: Block) -> tuple[object, ...]:
    """A block as kind, level and its inline items, footnote marks by id."""
    items = tuple(
        ("note", item.footnote_id)
        if isinstance(item, FootnoteRef)
        else (item.text, item.bold, item.italic, item.underline)
        for item in block.content
        if isinstance(item, FootnoteRef | Span)
    )
    return (block.kind.value, block.level, items)


def outline(report: Report) -> list[tuple[object, ...]]:
    """The structure of a report, for readable failure messages: sections, sessions and blocks."""
    lines: list[tuple[object, ...]] = []
    for section in report.sections:
        lines.append(("section", section.kind.value, section.level, section.heading))
        lines.extend(("block", *block_outline(block)) for block in section.blocks)
        lines.extend(("participant", participant.name) for participant in section.participants)
        for session in section.sessions:
            lines.append(("session", session.title, tuple(session.goals)))
            lines.extend(("block", *block_outline(block)) for block in session.blocks)
    return lines
