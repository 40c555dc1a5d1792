"""The checks on action items and tables (model/checks.py runs them with the others).

Codes: action-unowned (an action item without an owner), action-overdue (an
open action item whose deadline is before ``today``), action-empty (an action
item without text), table-header-empty (a table whose header row has an empty
cell). Each message names the action by its first words and its section by
number and heading, as printed.

``KINDS`` gives each code's short label for the checks dock, marked for the
interface's catalogue (context "ChecksDock", as the dock's own labels).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import ActionStatus, Block, BlockKind, Report, Section
from minutes_editor.phrases import QT_TRANSLATE_NOOP

#: What each code means, for the checks dock (translated there with the "ChecksDock" context).
KINDS = {
    "action-unowned": QT_TRANSLATE_NOOP("ChecksDock", "Action item without an owner"),
    "action-overdue": QT_TRANSLATE_NOOP("ChecksDock", "Open action item past its deadline"),
    "action-empty": QT_TRANSLATE_NOOP("ChecksDock", "Action item without text"),
    "table-header-empty": QT_TRANSLATE_NOOP("ChecksDock", "Empty cell in a table's header row"),
}

#: How many words of an action's text name it in a message.
NAME_WORDS = 6


def item_problems(report: Report, preset: LanguagePreset, today: dt.date) -> Iterator[tuple[str, str, str]]:
    """(path, message, code) of each action item or table that needs a look, in reading order."""
    for s_index, section in enumerate(report.sections):
        where = f"sections[{s_index}]"
        named = _section_name(s_index, section, preset)
        yield from _body_problems(section.blocks, f"{where}.blocks", named, today)
        for j_index, session in enumerate(section.sessions):
            yield from _body_problems(session.blocks, f"{where}.sessions[{j_index}].blocks", named, today)


def _body_problems(blocks: list[Block], where: str, section: str, today: dt.date) -> Iterator[tuple[str, str, str]]:
    for index, block in enumerate(blocks):
        path = f"{where}[{index}]"
        if block.table is not None and block.table.header and block.table.rows:
            empty = [n + 1 for n, _cell in enumerate(block.table.rows[0]) if not block.table.cell_text(0, n).strip()]
            if empty:
                columns = ", ".join(str(n) for n in empty)
                yield path, f"a table in {section} has an empty header cell (column {columns})", "table-header-empty"
        action = block.action
        if block.kind is not BlockKind.ACTION or action is None:
            continue
        name = action_name(block)
        if not name:
            yield path, f"an action item in {section} has no text", "action-empty"
            name = "(no text)"
        if not action.owners:
            yield path, f"the action item {name!r} in {section} has no owner", "action-unowned"
        if action.status is ActionStatus.OPEN and action.deadline is not None and action.deadline < today:
            due = action.deadline.isoformat()
            yield path, f"the action item {name!r} in {section} is open and was due on {due}", "action-overdue"


def action_name(block: Block) -> str:
    """An action item's first words (``NAME_WORDS``), with an ellipsis when there are more."""
    words = block.plain_text.split()
    name = " ".join(words[:NAME_WORDS])
    return f"{name}…" if len(words) > NAME_WORDS else name


def _section_name(index: int, section: Section, preset: LanguagePreset) -> str:
    heading = section.heading if section.heading is not None else preset.heading(section.kind)
    heading = " ".join(heading.split())
    return f"section {index + 1} ({heading})" if heading else f"section {index + 1}"
