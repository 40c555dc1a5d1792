"""The words a report's .docx is read by: style names, heading bookmarks, numbering; the writer and reader share them.

Style names are the contract between the .docx writer, the importer and the preview.

Each paragraph role of :mod:`minutes_editor.render.flow` has one paragraph
style. ``name`` is what Word shows in its style gallery; ``xml_name`` is what
``styles.xml`` stores (Word keeps some built-in names in lower case, such as
``heading 1`` and ``footnote text``, and translates them in its interface);
``style_id`` is the id our own template gives the style. Styles are looked up
by name, case-insensitively, so a template made in a localised Word works:
the writer, the template loader and the importer name a ``w:style`` by
:func:`style_name` and compare names by :func:`style_key` (:func:`find_style`).
See docs/template.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from minutes_editor.ooxml.ns import w
from minutes_editor.render.flow import Role


@dataclass(frozen=True)
class StyleName:
    """One style of the template."""

    name: str
    xml_name: str
    style_id: str
    kind: str = "paragraph"


TITLE = StyleName("Title", "Title", "Title")
SUBTITLE = StyleName("Subtitle", "Subtitle", "Subtitle")
MEETING_DATE = StyleName("Meeting Date", "Meeting Date", "MeetingDate")
MEETING_LOCATION = StyleName("Meeting Location", "Meeting Location", "MeetingLocation")
DOCUMENT_STATUS = StyleName("Document Status", "Document Status", "DocumentStatus")
HEADING_1 = StyleName("Heading 1", "heading 1", "Heading1")
HEADING_2 = StyleName("Heading 2", "heading 2", "Heading2")
SESSION_GOALS = StyleName("Session Goals", "Session Goals", "SessionGoals")
BODY_TEXT = StyleName("Body Text", "Body Text", "BodyText")
LIST_BULLET = StyleName("List Bullet", "List Bullet", "ListBullet")
LEAD_IN_LABEL = StyleName("Lead-in Label", "Lead-in Label", "LeadInLabel")
PARTICIPANTS = StyleName("Participants", "Participants", "Participants")
FOOTNOTE_TEXT = StyleName("Footnote Text", "footnote text", "FootnoteText")
FOOTNOTE_REFERENCE = StyleName("Footnote Reference", "footnote reference", "FootnoteReference", "character")
FOOTER = StyleName("Footer", "footer", "Footer")
NORMAL = StyleName("Normal", "Normal", "Normal")

#: The paragraph style of each role.
ROLE_STYLES: dict[Role, StyleName] = {
    Role.TITLE: TITLE,
    Role.SUBTITLE: SUBTITLE,
    Role.DATE_LINE: MEETING_DATE,
    Role.LOCATION_LINE: MEETING_LOCATION,
    Role.STATUS: DOCUMENT_STATUS,
    Role.HEADING: HEADING_1,
    Role.SUBHEADING: HEADING_2,
    Role.GOALS: SESSION_GOALS,
    Role.BODY: BODY_TEXT,
    Role.BULLET: LIST_BULLET,
    Role.LABEL: LEAD_IN_LABEL,
    Role.PARTICIPANTS: PARTICIPANTS,
}

#: Every style the writer needs from a template (the footer style only styles our own footer).
REQUIRED_STYLES: tuple[StyleName, ...] = (*ROLE_STYLES.values(), FOOTNOTE_TEXT, FOOTNOTE_REFERENCE)

#: Bullet glyphs by list level, repeating every three levels, as Word's own bullet list does.
BULLET_GLYPHS = ("•", "o", "▪")

#: Number of levels a Word abstract numbering defines (ilvl 0 to 8).
NUMBERING_LEVELS = 9


def style_key(name: str) -> str:
    """The form style names are compared in: case and spacing ignored."""
    return " ".join(name.lower().split())


def style_name(style: etree._Element) -> str:
    """The name a ``w:style`` goes by: its ``w:name`` as written, else (a style without one) its ``w:styleId``."""
    name = style.find(w("name"))
    return name.get(w("val"), "") if name is not None else style.get(w("styleId"), "")


def find_style(styles: etree._Element, name: str, kind: str = "paragraph") -> etree._Element | None:
    """The first ``w:style`` of type ``kind`` in the styles part ``styles`` named ``name`` (by style_key)."""
    wanted = style_key(name)
    for style in styles.iterfind(w("style")):
        if style.get(w("type"), "paragraph") == kind and style_key(style_name(style)) == wanted:
            return style
    return None


# ------------------------------------------------------------ heading bookmarks
# Every heading paragraph the writer makes carries a hidden bookmark naming what it starts:
# "_Minutes_<kind>_<n>" for a section ("_Minutes_takeaways_4"), "_Minutes_session_<n>" for a session's title.
# The importer reads them, so a section whose heading was renamed keeps its kind.

#: The prefix of the heading bookmarks (Word hides bookmarks whose names start with an underscore).
HEADING_MARK_PREFIX = "_Minutes_"
#: What a session title's bookmark names, where a section's names its kind's value.
SESSION_MARK = "session"
#: A heading bookmark's name; group 1 is the kind or "session" (the number is optional when reading).
HEADING_MARK = re.compile(re.escape(HEADING_MARK_PREFIX) + r"([a-z_]+?)(?:_\d+)?")


def heading_mark_name(mark: str, number: int) -> str:
    """The bookmark name for a heading that starts ``mark`` (a section kind's value or "session")."""
    return f"{HEADING_MARK_PREFIX}{mark}_{number}"


# ------------------------------------------------------------ stable-id bookmarks
# Every body paragraph the writer makes from a block, and every heading or session title, carries an empty hidden
# bookmark "_MinutesId_<id>" naming the stable id of its block, section or session (docs/review.md), so that
# importing our own draft again can give the parts back their ids. A bookmark, because Word and LibreOffice keep
# bookmarks (w14:paraId holds 31 bits, and Word renumbers it), and a name is unique in a document, so a paragraph
# a reviewer copies in Word does not bring a second one. The prefix is not HEADING_MARK_PREFIX's: no clash.

#: The prefix of a stable-id bookmark.
ID_MARK_PREFIX = "_MinutesId_"
#: A stable-id bookmark's name; group 1 is the id (Word keeps bookmark names to 40 letters, digits and "_").
ID_MARK = re.compile(re.escape(ID_MARK_PREFIX) + r"([0-9A-Za-z]{1,29})")


def id_mark_name(stable_id: str) -> str | None:
    """The bookmark name carrying ``stable_id``, or None when the id cannot be a bookmark name."""
    name = ID_MARK_PREFIX + stable_id
    return name if ID_MARK.fullmatch(name) else None
