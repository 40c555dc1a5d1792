"""The notes an import gives the user, structured so the window can show them in its own language; no Qt here.

A note is a template and the values that fill it: the template is an English
sentence with ``{name}`` fields and, when it counts something, Qt's ``%n``;
the values are the user's own text (kept as written), numbers, or phrases of
the same kind (the place a note is about: ``section "Opening remarks"``).
``str(note)`` is the English sentence, which the command line prints. The
window renders the same note with ``render(translate)``, looking each
template up in its Qt catalogue (context ``ImportNotes``), so an Arabic
interface shows Arabic notes around the document's own words.

Every template below is marked with ``QT_TRANSLATE_NOOP`` so that
pyside6-lupdate, which reads source text and imports nothing, puts it in the
catalogue; ``tools/build_translations.py`` passes this file to it. A fourth
argument, a number, marks a template with ``%n`` as a plural message (lupdate
takes it as ``translate``'s ``n``), so translators give each plural form.
``Phrase`` and its rendering live in ``minutes_editor.phrases``, shared with
the file errors, and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes_editor.phrases import QT_TRANSLATE_NOOP, Phrase, Translate, Value, english, render_value

__all__ = [
    "CONTEXT",
    "QT_TRANSLATE_NOOP",
    "ImportNote",
    "Listing",
    "Phrase",
    "Translate",
    "Value",
    "english",
    "render_value",
]

# The Qt translation context of every template here.
CONTEXT = "ImportNotes"


# The templates. Translators: keep every {name} field as it is; {place} is one of the places below,
# the {text}, {anchor}, {title} and {heading} fields are the document's own words.

# ---------------------------------------------------------------- places

IN_SESSION = QT_TRANSLATE_NOOP("ImportNotes", 'session "{title}"')
IN_SECTION = QT_TRANSLATE_NOOP("ImportNotes", 'section "{heading}"')
IN_UNTITLED_SECTION = QT_TRANSLATE_NOOP("ImportNotes", "the untitled section")
IN_TITLE_BLOCK = QT_TRANSLATE_NOOP("ImportNotes", "the title block")
IN_FOOTNOTE = QT_TRANSLATE_NOOP("ImportNotes", "a footnote")

# ------------------------------------------------------- the title block

DATE_READ_AS = QT_TRANSLATE_NOOP(
    "ImportNotes", 'The date line "{text}" was read as "{written}"; check the date, times and time zone.'
)
DATE_KEPT_AS_SUBTITLE = QT_TRANSLATE_NOOP(
    "ImportNotes", 'The line "{text}" could not be read as a date; it was kept as the subtitle.'
)
DATE_KEPT_AS_PARAGRAPH = QT_TRANSLATE_NOOP(
    "ImportNotes", 'The line "{text}" could not be read as a date; it was kept as a paragraph.'
)
UNTITLED_SECTION = QT_TRANSLATE_NOOP("ImportNotes", "Text before the first heading was put in an untitled section.")

# ----------------------------------------------- things met in the text

TABLE = QT_TRANSLATE_NOOP(
    "ImportNotes", "A table (%n rows) in {place} was kept as text, one paragraph per row.", None, 1
)
TABLE_CELLS_JOINED = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "In a table in {place}, %n cell(s) of several paragraphs were joined into one paragraph each.",
    None,
    1,
)
TABLE_TWO_VIEWS = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "A table in {place} had tracked changes inside it: it was kept twice, as it was (proposed deleted) "
    "and as it is with the changes (proposed inserted).",
)
ACTION_FIELD_KEPT = QT_TRANSLATE_NOOP(
    "ImportNotes",
    'The {field} "{text}" of an action item in {place} could not be read; it was kept in the action\'s text.',
)
ACTION_CHANGE_ACCEPTED = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "A tracked change of an action item's owner, deadline or status in {place} was accepted: "
    'these hold no pending changes ("{text}").',
)
NAMED_IMAGE = QT_TRANSLATE_NOOP("ImportNotes", 'An image "{name}" in {place} was left out: reports hold text only.')
IMAGE = QT_TRANSLATE_NOOP("ImportNotes", "An image in {place} was left out: reports hold text only.")
DRAWING = QT_TRANSLATE_NOOP("ImportNotes", "A drawing or shape in {place} was left out: reports hold text only.")
TEXT_BOX = QT_TRANSLATE_NOOP(
    "ImportNotes", "The text of a text box in {place} was kept as paragraphs where the box stood."
)
EMBEDDED_OBJECT = QT_TRANSLATE_NOOP("ImportNotes", "An embedded object in {place} was left out.")
EQUATION = QT_TRANSLATE_NOOP("ImportNotes", 'An equation in {place} was kept as plain text: "{text}"')
EMBEDDED_DOCUMENT = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "Something in {place} was not imported: an embedded document (altChunk) whose content is not imported.",
)
#: {detail} is an English description; the importer has no such event today.
NOT_IMPORTED = QT_TRANSLATE_NOOP("ImportNotes", "Something in {place} was not imported: {detail}.")

# ------------------------------------- reviewers' changes a report cannot keep pending

#: {author} is the reviewer's name as the document gives it; {reason} is one of the reasons below; {text} is the
#: line as it now reads.
CHANGE_NOT_KEPT = QT_TRANSLATE_NOOP(
    "ImportNotes", 'A tracked change by {author} in {place} could not be kept as a pending change: {reason}: "{text}"'
)
CHANGE_NOT_KEPT_ANONYMOUS = QT_TRANSLATE_NOOP(
    "ImportNotes", 'A tracked change in {place} could not be kept as a pending change: {reason}: "{text}"'
)
REASON_NEW_SECTION = QT_TRANSLATE_NOOP(
    "ImportNotes", "a report cannot hold a proposed new section or session, so the heading was accepted"
)
REASON_REMOVED_SECTION = QT_TRANSLATE_NOOP(
    "ImportNotes", "a report cannot hold a proposed removal of a section or session, so the heading was kept"
)
REASON_OLD_DATE = QT_TRANSLATE_NOOP(
    "ImportNotes", "the date line before the change cannot be read as a date, so the change was accepted"
)
REASON_OLD_GOALS = QT_TRANSLATE_NOOP(
    "ImportNotes", "the goals line before the change cannot be read as quoted goals, so the change was accepted"
)
REASON_STRUCTURE = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "a heading, title or goals line that becomes another kind of line cannot be pending, so the change was accepted",
)

# ------------------------------------------------- summaries at the end

ENDNOTES = QT_TRANSLATE_NOOP("ImportNotes", "%n endnote(s) became footnotes: the report has footnotes only.", None, 1)
FORMAT_CHANGES = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "%n tracked formatting change(s) changed only what a report does not keep (fonts, sizes, colours, spacing);"
    " they were left out.",
    None,
    1,
)
PARAGRAPH_MARKS = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "%n tracked paragraph break(s) added or removed at a heading, a title-block line, goals or participants were"
    " left out: the report keeps those lines apart.",
    None,
    1,
)
#: {fields} lists Word's field names with their counts, as "PAGE (1), DATE (2)".
FIELDS = QT_TRANSLATE_NOOP("ImportNotes", "Fields were kept as the text they showed: {fields}.")
#: {links} lists the links' texts (at most ten).
LINKS = QT_TRANSLATE_NOOP("ImportNotes", "%n link(s) were kept as text without their addresses: {links}.", None, 1)
NUMBERED_ITEMS = QT_TRANSLATE_NOOP(
    "ImportNotes", "%n numbered list item(s) became bullets: the report's lists are bulleted.", None, 1
)
DEEP_BULLETS = QT_TRANSLATE_NOOP("ImportNotes", "%n list item(s) deeper than level 3 were put at level 3.", None, 1)
DEEP_HEADINGS = QT_TRANSLATE_NOOP("ImportNotes", "%n heading(s) below the second level became lead-in labels.", None, 1)
MOVED_MARKS = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "%n footnote mark(s) in a heading, title or goals line were moved to the next paragraph.",
    None,
    1,
)
BROKEN_CROSS_REFERENCES = QT_TRANSLATE_NOOP(
    "ImportNotes", "%n repeated footnote mark(s) pointed at nothing and were left out.", None, 1
)
MISSING_NOTES = QT_TRANSLATE_NOOP(
    "ImportNotes", "%n footnote mark(s) pointed at a note the document does not have.", None, 1
)
UNREFERENCED_NOTES = QT_TRANSLATE_NOOP(
    "ImportNotes", "%n footnote(s) are not referenced in the text; they were kept.", None, 1
)
MARKS_INSIDE_NOTES = QT_TRANSLATE_NOOP("ImportNotes", "%n note mark(s) inside footnotes were left out.", None, 1)

# ------------------------------------------------ parts beside the body

#: {detail} is the XML parser's English message.
PROPERTIES_UNREADABLE = QT_TRANSLATE_NOOP(
    "ImportNotes", "The document properties could not be read ({detail}); author and dates are empty."
)
#: {field} is "created" or "modified" (the property's own name); {value} the date and time as the document has it;
#: {earliest} and {latest} are dates written YYYY-MM-DD.
STAMP_DROPPED = QT_TRANSLATE_NOOP(
    "ImportNotes",
    "The document's {field} date {value} is outside the dates a Word document can hold"
    " (from {earliest} to {latest}, in UTC); it was left empty.",
)
#: {texts} lists the texts, each closed and the next opened by the separator below.
HEADER_FOOTER = QT_TRANSLATE_NOOP(
    "ImportNotes", 'Page header and footer text is not part of a report and was not imported: "{texts}".'
)
DAMAGED_HEADER = QT_TRANSLATE_NOOP("ImportNotes", "(a damaged header part, {part})")
DAMAGED_FOOTER = QT_TRANSLATE_NOOP("ImportNotes", "(a damaged footer part, {part})")
#: What separates the items of a list inside a note ("PAGE (1), DATE (2)").
COMMA = QT_TRANSLATE_NOOP("ImportNotes", ", ")
#: What separates quoted texts in a note: it closes one text's quotation mark and opens the next one's.
QUOTED_SEPARATOR = QT_TRANSLATE_NOOP("ImportNotes", '"; "')

# ------------------------------------------------------------ rendering


@dataclass(frozen=True)
class ImportNote(Phrase):
    """One note for the user about what an import kept as text, moved or left out."""


@dataclass(frozen=True)
class Listing:
    """Several values shown as one, joined by a separator template (``COMMA`` or ``QUOTED_SEPARATOR``)."""

    items: tuple[Value, ...]
    separator: str = COMMA

    def render(self, translate: Translate = english) -> str:
        """The items rendered with ``translate``, joined by the translated separator."""
        separator = translate(self.separator, None)
        return separator.join(render_value(item, translate) for item in self.items)

    def __str__(self) -> str:
        return self.render()
