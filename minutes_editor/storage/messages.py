"""What the .minutes loader says is wrong with a file: templates the window translates (context ``FileErrors``).

Each is an English sentence with ``{name}`` fields; the loader fills them
(``minutes_editor.phrases.Phrase``) and ``str()`` gives the English the
command line prints. Field paths (``sections[3].blocks[2].level``), the
format's own words (``paragraph``, ``YYYY-MM-DD``) and values quoted from the
file stay as written in every language. See ``minutes_editor.errors``.
"""

from __future__ import annotations

from minutes_editor.phrases import QT_TRANSLATE_NOOP

# Translators: keep every {name} field as it is.

# ------------------------------------------------------- reading the file

NOT_A_FILE_BUT_FOLDER = QT_TRANSLATE_NOOP("FileErrors", "this is a folder, not a report file")
NOT_REGULAR = QT_TRANSLATE_NOOP("FileErrors", "this is not a regular file")
PATH_THROUGH_FILE = QT_TRANSLATE_NOOP(
    "FileErrors", "the file does not exist: a part of its path is a file, not a folder"
)
#: {reason} is the system's own English description of the failure.
CANNOT_READ = QT_TRANSLATE_NOOP("FileErrors", "the file cannot be read: {reason}")
#: {size} and {limit} are sizes in megabytes.
TOO_LARGE = QT_TRANSLATE_NOOP(
    "FileErrors", "the file is {size} MB, larger than any report can be (the limit is {limit} MB)"
)

# --------------------------------------------------------- parsing the text

#: {byte} is the position of the first byte that is not UTF-8.
NOT_UTF8 = QT_TRANSLATE_NOOP("FileErrors", "not a Minutes Editor file: not UTF-8 text (byte {byte})")
#: {reason} is the JSON parser's own English message.
NOT_JSON_AT = QT_TRANSLATE_NOOP("FileErrors", "the file is not valid JSON: {reason} at line {line}, column {column}")
#: {name} is NaN, Infinity or -Infinity.
NOT_JSON_CONSTANT = QT_TRANSLATE_NOOP("FileErrors", "the file is not valid JSON: {name} is not a JSON value")
#: {key} is the key as the file holds it, quoted.
DUPLICATE_KEY = QT_TRANSLATE_NOOP(
    "FileErrors", "the file gives the key {key} twice in one object; each field may appear only once"
)
NESTED_TOO_DEEP = QT_TRANSLATE_NOOP("FileErrors", "the file is damaged: its lists and objects are nested too deep")
NUMBER_TOO_LONG = QT_TRANSLATE_NOOP("FileErrors", "the file holds a number too long to read")
#: {format} is the format name the file lacks, minutes-editor-report.
NOT_OURS = QT_TRANSLATE_NOOP("FileErrors", 'not a Minutes Editor file (no "format": "{format}")')

# ---------------------------------------------------------------- versions

NEWER_VERSION = QT_TRANSLATE_NOOP(
    "FileErrors",
    "written by a newer Minutes Editor (file format version {version}; this version reads up to {supported}). "
    "Update Minutes Editor to open it; the file was not changed.",
)
NO_MIGRATION = QT_TRANSLATE_NOOP("FileErrors", "this version of Minutes Editor cannot read format version {version}")
#: {error} is Python's own description of the fault.
MIGRATION_FAILED = QT_TRANSLATE_NOOP(
    "FileErrors", "the file (format version {version}) is damaged and could not be upgraded: {error}"
)
MIGRATION_NOT_OBJECT = QT_TRANSLATE_NOOP("FileErrors", "upgrading from format version {version} did not give an object")

# ------------------------------------------------------------------ fields

#: {field} is the field's path in the file, as "sections[3].blocks[2].level"; {problem} one of the messages below.
AT_FIELD = QT_TRANSLATE_NOOP("FileErrors", "{field}: {problem}")
IS_MISSING = QT_TRANSLATE_NOOP("FileErrors", "is missing")
IS_EMPTY = QT_TRANSLATE_NOOP("FileErrors", "is empty")
NOT_A_FIELD = QT_TRANSLATE_NOOP("FileErrors", "is not a field of this format version")
#: {found} is what the file holds: a value as written, or a kind of value (below).
EXPECTED_OBJECT = QT_TRANSLATE_NOOP("FileErrors", "expected an object, found {found}")
EXPECTED_LIST = QT_TRANSLATE_NOOP("FileErrors", "expected a list, found {found}")
EXPECTED_TEXT = QT_TRANSLATE_NOOP("FileErrors", "expected text, found {found}")
EXPECTED_BOOL = QT_TRANSLATE_NOOP("FileErrors", "expected true or false, found {found}")
EXPECTED_WHOLE_NUMBER = QT_TRANSLATE_NOOP("FileErrors", "expected a whole number, found {found}")
#: {value} is the value as the file holds it, or a kind of value (below).
NOT_A_VERSION = QT_TRANSLATE_NOOP("FileErrors", "{value} is not a format version (a whole number from 1)")
NOT_BETWEEN = QT_TRANSLATE_NOOP("FileErrors", "{value} is not between {low} and {high}")
#: {choices} lists the format's own words for the allowed values.
NOT_ONE_OF = QT_TRANSLATE_NOOP("FileErrors", "{value} is not one of {choices}")
NOT_A_LANGUAGE = QT_TRANSLATE_NOOP("FileErrors", '{value} is not a BCP 47 language tag such as "ar" or "en-GB"')
#: {length} and {limit} count characters.
TAG_TOO_LONG = QT_TRANSLATE_NOOP(
    "FileErrors", "is {length} characters long; a language tag has at most {limit} characters"
)
#: {earliest} and {latest} are dates written YYYY-MM-DD.
STAMP_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "FileErrors", "{value} is outside the dates a Word document can hold (from {earliest} to {latest}, in UTC)"
)
NOT_A_DATE = QT_TRANSLATE_NOOP("FileErrors", "{value} is not a date written YYYY-MM-DD")
NOT_A_TIME = QT_TRANSLATE_NOOP("FileErrors", "{value} is not a time written HH:MM or HH:MM:SS")
NOT_A_DATETIME = QT_TRANSLATE_NOOP(
    "FileErrors", "{value} is not a date and time written YYYY-MM-DDTHH:MM:SS, with an optional offset"
)
#: {code} is the character's code, as \ud800; {position} counts characters from 0.
LONE_SURROGATE = QT_TRANSLATE_NOOP(
    "FileErrors",
    "holds {code} at character {position}: half of a UTF-16 surrogate pair on its own, which is not a character",
)
FIRST_SECTION_LEVEL = QT_TRANSLATE_NOOP("FileErrors", "the first section cannot be a sub-heading (level 2)")
#: {kind} is the format's word for the section's kind.
ONLY_PARTICIPATION = QT_TRANSLATE_NOOP("FileErrors", "only a participation section lists participants, not {kind}")
ONLY_DISCUSSION = QT_TRANSLATE_NOOP("FileErrors", "only a discussion section has sessions, not {kind}")
#: {kind} is the format's word for the block's type (paragraph, label).
ONLY_BULLET = QT_TRANSLATE_NOOP("FileErrors", "only a bullet has a level, not a {kind}")
NOTE_IN_NOTE = QT_TRANSLATE_NOOP("FileErrors", "a footnote cannot reference another footnote")
#: {kind} is the format's word for the block's type (paragraph, bullet, label, action, table).
ONLY_TABLE = QT_TRANSLATE_NOOP("FileErrors", "only a table block holds a table, not a {kind}")
ONLY_ACTION = QT_TRANSLATE_NOOP("FileErrors", "only an action item has owners, a deadline and a status, not a {kind}")
TABLE_HAS_NO_TEXT = QT_TRANSLATE_NOOP("FileErrors", "a table has no text of its own: its cells hold it")
TABLE_HAS_NO_FORMAT_CHANGE = QT_TRANSLATE_NOOP("FileErrors", "a table has no pending change of type")
#: {count} is how many the file holds, {limit} the most allowed.
TABLE_ROWS = QT_TRANSLATE_NOOP("FileErrors", "a table has 1 to {limit} rows, not {count}")
TABLE_COLUMNS = QT_TRANSLATE_NOOP("FileErrors", "a row of a table has 1 to {limit} cells, not {count}")
#: {count} is how many cells this row has, {first} how many the first row has.
ROW_WIDTH = QT_TRANSLATE_NOOP(
    "FileErrors", "has {count} cells where the first row has {first}: every row of a table has as many"
)
NO_NOTE_IN_CELL = QT_TRANSLATE_NOOP("FileErrors", "a table cell cannot reference a footnote")
CELL_CHANGE = QT_TRANSLATE_NOOP(
    "FileErrors", "text in a table cell has no pending change of its own: a reviewer proposes the whole table"
)
#: {value} is the owner's name as the file holds it, quoted.
OWNER_NOT_A_NAME = QT_TRANSLATE_NOOP("FileErrors", "{value} is not a name: not empty, with no spaces at either end")
OWNER_TWICE = QT_TRANSLATE_NOOP("FileErrors", "{value} is already an owner of this action item")
#: {id} is an id as the file holds it (a footnote's, a part's, a comment's); {other} the path of its first holder.
DUPLICATE_ID = QT_TRANSLATE_NOOP("FileErrors", "{id} is already the id of {other}")
NO_SUCH_FOOTNOTE = QT_TRANSLATE_NOOP("FileErrors", "no footnote has the id {id}")
#: {value} is the id as the file holds it.
NOT_AN_ID = QT_TRANSLATE_NOOP("FileErrors", "{value} is not an id: 1 to 64 letters, digits, - or _")
#: {id} is a comment id as the file holds it.
NO_SUCH_COMMENT = QT_TRANSLATE_NOOP("FileErrors", "no comment has the id {id}")
COMMENT_ANSWERS_ITSELF = QT_TRANSLATE_NOOP("FileErrors", "a comment cannot answer itself, even through other replies")
#: {kind} is the format's word for what the id names (section, session); {id} the id as the file holds it.
NO_SUCH_OWNER = QT_TRANSLATE_NOOP("FileErrors", "no {kind} has the id {id}")
#: {value} is the owner as the file holds it.
TITLE_HAS_NO_OWNER = QT_TRANSLATE_NOOP(
    "FileErrors", "a field of the title block has no owner: expected '', found {value}"
)
OWNER_WITHOUT_FIELD = QT_TRANSLATE_NOOP("FileErrors", "only a comment on a field names an owner")

# ------------------------------------------------- kinds of values found

AN_OBJECT = QT_TRANSLATE_NOOP("FileErrors", "an object")
A_LIST = QT_TRANSLATE_NOOP("FileErrors", "a list")
TEXT = QT_TRANSLATE_NOOP("FileErrors", "text")
TRUE_OR_FALSE = QT_TRANSLATE_NOOP("FileErrors", "true/false")
A_NUMBER = QT_TRANSLATE_NOOP("FileErrors", "a number")
A_HUGE_NUMBER = QT_TRANSLATE_NOOP("FileErrors", "a number of more than 60 digits")
