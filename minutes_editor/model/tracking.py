"""Tracking the user's own changes, without Qt: who and when, pending field changes, a footnote's text edited.

While "Track changes" is on (docs/review.md), the user's edits become pending
changes under their name. The body editors make them in their documents
(gui/tracked_text.py); what does not need Qt is here: the ``Change`` an edit
carries now, the pending ``FieldChange`` an edit of a field that is not body
text records, and a footnote's text edited as a plain line (the notes beside the
body) turned back into spans that keep their emphasis and marks.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from typing import Any

from minutes_editor.model.operations import (
    DATE,
    END_TIME,
    GOALS,
    HEADING,
    LEVEL,
    LOCATION,
    MEETING,
    SESSION_TITLE,
    START_TIME,
    STATUS,
    SUBTITLE,
    TIMEZONE,
    Field,
    SetFieldChanges,
)
from minutes_editor.model.report import Change, FieldChange, Report, Section, Session, Span, TitleBlock

#: The fields whose edits are tracked as pending field changes (the Word writer writes each of them).
TRACKED_FIELDS: tuple[Field[Any, Any], ...] = (
    MEETING,
    SUBTITLE,
    DATE,
    START_TIME,
    END_TIME,
    TIMEZONE,
    LOCATION,
    STATUS,
    HEADING,
    LEVEL,
    SESSION_TITLE,
    GOALS,
)


def tracked_change(author: str, now: dt.datetime | None = None) -> Change:
    """The ``Change`` an edit by ``author`` carries now: in UTC, to the minute, as Word dates its revisions.

    To the minute, so that what one person types in one minute is one change
    (one span, one row of the review pane), not one per keystroke.
    """
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    return Change(author, moment.replace(second=0, microsecond=0))


def is_mine(change: Change | None, me: Change) -> bool:
    """Whether a pending change is one ``me``'s author made (at any time)."""
    return change is not None and change.author == me.author


def field_record(
    report: Report, target: TitleBlock | Section | Session, field: Field[Any, Any], value: object, me: Change
) -> SetFieldChanges | None:
    """What tracking an edit of ``field`` of ``target`` (to ``value``) does to the report's pending field changes.

    The first edit of a field records its value before as a pending change
    (``FieldChange(repr(field), owner id, old, me)``); while one is pending,
    later edits record nothing, except that an edit by the same author back to
    the old value takes the change away. None when nothing is to change (and for
    fields that are not tracked).
    """
    if not any(field is tracked for tracked in TRACKED_FIELDS):
        return None
    owner = "" if isinstance(target, TitleBlock) else target.id
    name = repr(field)
    pending = next((item for item in report.field_changes if item.field_name == name and item.owner == owner), None)
    if pending is None:
        if field.get(target) == value:
            return None
        old = copy.copy(field.get(target))
        return SetFieldChanges([*report.field_changes, FieldChange(name, owner, old, me)])
    if is_mine(pending.change, me) and pending.old == value:
        return SetFieldChanges([item for item in report.field_changes if item is not pending])
    return None


# ------------------------------------------------------------------ a footnote's text edited as a line


_Look = tuple[bool, bool, bool, Any, Any, Any, tuple[str, ...]]


def _look(span: Span) -> _Look:
    return (span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)


def visible_text(content: list[Span]) -> str:
    """A footnote's text as the notes beside the body show it: its pending deletions left out."""
    return "".join(span.text for span in content if span.deleted is None)


def edited_content(content: list[Span], text: str, me: Change | None = None) -> list[Span]:
    """``content`` edited so that its visible text (``visible_text``) becomes ``text``, keeping emphasis and marks.

    Characters kept keep their span's emphasis and marks; new ones take those
    of the character before them (of the one after, at the start), as typed
    text does in a body. Text deleted before stays where it was. With ``me``
    (tracking on) new text is inserted by ``me`` and removed text is marked
    deleted by ``me`` (text ``me`` inserted really goes); without, removed text
    goes.
    """
    chars: list[tuple[str, _Look]] = [(char, _look(span)) for span in content for char in span.text]
    visible = [index for index, (_char, look) in enumerate(chars) if look[4] is None]
    old_text = "".join(chars[index][0] for index in visible)
    result: list[tuple[str, _Look]] = []
    taken = 0  # chars[:taken] are in result or decided

    def keep_until(stop: int) -> None:
        nonlocal taken
        result.extend(chars[taken:stop])
        taken = stop

    matcher = difflib.SequenceMatcher(None, old_text, text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:  # removed: from the first removed visible character to the last
            keep_until(visible[i1])
            for index in range(visible[i1], visible[i2 - 1] + 1):
                char, look = chars[index]
                if look[4] is not None:
                    result.append((char, look))  # deleted before: stays
                elif me is not None and not is_mine(look[3], me):
                    result.append((char, (*look[:4], me, *look[5:])))
            taken = visible[i2 - 1] + 1
        if j1 < j2:  # inserted after what was removed, else right after the visible character before
            if i1 == i2:
                keep_until(visible[i1 - 1] + 1 if i1 > 0 else 0)
            template = _template(chars, visible, i1, i2)
            look = _inserted_look(template, me)
            result.extend((char, look) for char in text[j1:j2])
    keep_until(len(chars))
    return _spans(result)


def _template(chars: list[tuple[str, _Look]], visible: list[int], i1: int, i2: int) -> _Look:
    if i1 > 0:
        return chars[visible[i1 - 1]][1]
    if i2 < len(visible):
        return chars[visible[i2]][1]
    return (False, False, False, None, None, None, ())


def _inserted_look(template: _Look, me: Change | None) -> _Look:
    bold, italic, underline, inserted, _deleted, old_format, comments = template
    if me is None:
        return (bold, italic, underline, inserted, None, old_format, comments)
    return (bold, italic, underline, me, None, None, comments)


def _spans(chars: list[tuple[str, _Look]]) -> list[Span]:
    spans: list[Span] = []
    last: _Look | None = None
    for char, look in chars:
        if spans and look == last:
            spans[-1].text += char
            continue
        spans.append(Span(char, look[0], look[1], look[2], look[3], look[4], look[5], look[6]))
        last = look
    return spans
