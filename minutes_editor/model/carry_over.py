"""The next meeting's report started from the previous one: its title block, participants and open action items.

``next_report`` reads the previous report as Word shows it after Accept All
(model/review.py ``accepted``: a pending change is taken as agreed, as the
report circulated) and makes a new report with new ids:

- the title block with the meeting's name, subtitle, place and time zone
  kept, the date and times cleared (the next meeting's are not known yet)
  and the status a draft's;
- every section, of the same kind, heading and level, in the same order
  (the meeting's template), empty but for the participants section, which
  keeps its participants, and the open action items;
- no sessions (they were that meeting's agenda), footnotes, comments or
  pending changes.

Where the open action items go: each stays in the section of the same kind
it was agreed in (an item of a session in the section holding the session),
in reading order; the done ones are dropped. A rapporteur following up reads
the previous report heading by heading, and the next report's template is
the previous one's headings: an item agreed under "Key takeaways" is
followed up there. One added section "action items from the previous
meeting" would need a heading of its own in every report language and a
place in an order the template does not have; the exported report lists the
items of each section as one table anyway.
"""

from __future__ import annotations

import datetime as dt

from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockKind,
    Inline,
    Report,
    Section,
    Span,
    TitleBlock,
)
from minutes_editor.model.review import accepted


def next_report(previous: Report, *, now: dt.datetime, draft_status: str) -> Report:
    """The next meeting's report: ``previous``'s title block, participants, sections and open action items.

    ``now`` stamps its creation; ``draft_status`` is its status (the report
    language's word for a draft: ``LanguagePreset.draft_status``).
    """
    agreed = accepted(previous)
    title = agreed.title
    return Report(
        language=agreed.language,
        title=TitleBlock(
            meeting=title.meeting,
            subtitle=title.subtitle,
            timezone=title.timezone,
            location=title.location,
            status=draft_status,
        ),
        sections=[_next_section(section) for section in agreed.sections],
        author=agreed.author,
        created=now,
        modified=now,
        template=agreed.template,
    )


def open_action_items(section: Section) -> list[Block]:
    """The open action items of a section's body and of its sessions', in reading order, as new blocks."""
    blocks = [*section.blocks, *(block for session in section.sessions for block in session.blocks)]
    return [
        carried_item(block)
        for block in blocks
        if block.kind is BlockKind.ACTION and block.action is not None and block.action.status is ActionStatus.OPEN
    ]


def carried_item(block: Block) -> Block:
    """An action item as the next report carries it: its text (emphasis kept), owners, deadline; a new id.

    Footnote marks, comments and pending changes stay with the previous report.
    """
    assert block.action is not None
    content: list[Inline] = [
        Span(item.text, item.bold, item.italic, item.underline)
        for item in block.content
        if isinstance(item, Span) and item.text
    ]
    action = ActionItem(list(block.action.owners), block.action.deadline, ActionStatus.OPEN)
    return Block(BlockKind.ACTION, content, action=action)


def _next_section(section: Section) -> Section:
    return Section(
        kind=section.kind,
        heading=section.heading,
        level=section.level,
        blocks=open_action_items(section),
        participants=list(section.participants),
    )
