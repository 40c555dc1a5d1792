"""Find and replace over a whole report, and its word and character counts.

Search walks every text field (``minutes_editor.model.text_fields``): title
block, headings (a default heading as printed), body blocks (an action
item's text among them), table cells, session titles and goals, participants
and footnotes; counts take them all. Offsets are into a field's text, where
a footnote reference counts as one character (U+FFFC), as in the body editor.

Replacing never changes the report by itself: ``replace_all`` returns a
ReplacePlan whose FieldEdits hold each changed field's whole old and new
value, so the window can push them as one undo command (``apply_edits`` in
``redo``, ``revert_edits`` in ``undo``) and undo restores the report exactly;
``field_changes`` gives the same edits as typed fields of the operations
(``minutes_editor.model.operations``: MEETING, HEADING, GOALS...), which the
window's field commands set.

Emphasis rule: a replacement takes the emphasis of the span in which its
match starts. When a match runs over several spans, the matched text is cut
from each of them and the replacement goes where the match started; a span
left empty by the cut disappears, the rest of each span keeps its emphasis.
Footnote references inside a match are never deleted: they stay, right
after the replacement.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from minutes_editor.model import operations as ops
from minutes_editor.model.report import (
    Block,
    Footnote,
    FootnoteRef,
    Inline,
    Participant,
    Report,
    Section,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.model.script import ARABIC_MARKS, TATWEEL, ZWJ, ZWNJ
from minutes_editor.model.text_fields import (
    FOOTNOTE_MARK,
    FieldKind,
    FieldValue,
    TextField,
    get_field,
    iter_fields,
    locate,
    set_field,
)

if TYPE_CHECKING:
    from minutes_editor.model.language import LanguagePreset


class SearchError(ValueError):
    """A query that cannot be run (a malformed regular expression); the message says why, for a person."""


@dataclass(frozen=True)
class Query:
    """What to look for and how.

    ``ignore_diacritics`` lets harakat (and Latin accents) differ,
    ``ignore_tatweel`` lets kashida stretch a word, ``ignore_hamza`` treats
    أ إ آ ٱ as ا; ``whole_word`` wants no letter, digit or mark either side;
    ``kinds`` limits the search to some kinds of field (None: all).
    """

    pattern: str
    regex: bool = False
    case_sensitive: bool = False
    whole_word: bool = False
    ignore_diacritics: bool = False
    ignore_tatweel: bool = False
    ignore_hamza: bool = False
    kinds: frozenset[FieldKind] | None = None

    @property
    def folds(self) -> bool:
        """Whether text is folded (marks, kashida or hamza ignored) before matching."""
        return self.ignore_diacritics or self.ignore_tatweel or self.ignore_hamza

    def compile(self) -> re.Pattern[str]:
        """The regular expression this query runs on (folded) field text; raises SearchError."""
        source = self.pattern if self.regex else re.escape(self.pattern)
        if self.folds:
            source = _fold_text(source, self)
        if self.whole_word:
            source = rf"(?<![\w{_WORD_EXTRA}])(?:{source})(?![\w{_WORD_EXTRA}])"
        flags = 0 if self.case_sensitive else re.IGNORECASE
        try:
            return re.compile(source, flags)
        except re.error as error:
            raise SearchError(f"The regular expression {self.pattern!r} is not valid: {error}.") from None


#: Characters that continue a word besides \w: marks, kashida and the Persian half-space.
_WORD_EXTRA = f"{ARABIC_MARKS}\u0300-\u036f{TATWEEL}{ZWNJ}{ZWJ}"


@dataclass(frozen=True)
class Match:
    """A stretch of a field's text that matches: ``text`` is ``field text[start:end]``."""

    path: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FieldEdit:
    """One field's whole value before and after a replacement: what an undo command swaps."""

    path: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True)
class ReplacePlan:
    """The edits a replacement makes (one per changed field) and how many matches it replaces."""

    edits: list[FieldEdit] = field(default_factory=list)
    count: int = 0


# ------------------------------------------------------------ finding


def find_all(report: Report, query: Query, *, preset: LanguagePreset | None) -> list[Match]:
    """Every non-empty match of ``query`` in ``report``, in reading order; raises SearchError.

    ``preset`` is the report's language preset, whose default headings are searched as printed (None: a
    section without a heading of its own has none to search). The caller loads it: the model reads no file.
    """
    if not query.pattern:
        return []
    pattern = query.compile()
    return [match for text_field in _fields(report, query, preset) for match, _ in _matches(text_field, pattern, query)]


def _fields(report: Report, query: Query, preset: LanguagePreset | None) -> Iterator[TextField]:
    for text_field in iter_fields(report, preset):
        if query.kinds is None or text_field.kind in query.kinds:
            yield text_field


def _matches(text_field: TextField, pattern: re.Pattern[str], query: Query) -> Iterator[tuple[Match, re.Match[str]]]:
    """Matches in one field with the regex match they come from (for group references in replacements)."""
    text = text_field.text
    folded, origin = _fold_with_origin(text, query) if query.folds else (text, None)
    for found in pattern.finditer(folded):
        if found.start() == found.end():
            continue  # an empty match marks no text and would replace nothing
        if origin is None:
            start, end = found.span()
        else:
            # Marks and kashida dropped after the last matched letter belong to it.
            start, end = origin[found.start()], origin[found.end()]
        yield Match(text_field.path, start, end, text[start:end]), found


# Folding maps letters one to one (أ -> ا, é -> e) and deletes marks and kashida, so each folded
# character comes from one original character: offsets map back through a list of kept indexes.
_HAMZA = {ord(char): "ا" for char in "أإآٱ"}
_LATIN_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))


def _latin_bases() -> dict[int, str]:
    bases: dict[int, str] = {}
    for first, last in _LATIN_RANGES:
        for code in range(first, last):
            base = "".join(part for part in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(part))
            if len(base) == 1 and base != chr(code):
                bases[code] = base
    return bases


_LATIN_BASES = _latin_bases()
_ARABIC_MARK = re.compile(f"[{ARABIC_MARKS}]")
#: Combining marks that "ignore diacritics" deletes: Latin accents (decomposed) and Arabic harakat.
_MARK_DELETIONS = "".join(chr(code) for code in range(0x0300, 0x0370)) + "".join(
    chr(code) for code in range(0x0600, 0x0900) if _ARABIC_MARK.match(chr(code))
)


@cache
def _fold_table(ignore_diacritics: bool, ignore_tatweel: bool, ignore_hamza: bool) -> tuple[dict[int, str | None], str]:
    """The str.translate table of a folding, and the characters it deletes."""
    table: dict[int, str | None] = {}
    deleted = ""
    if ignore_diacritics:
        table.update(_LATIN_BASES)
        deleted += _MARK_DELETIONS
    if ignore_tatweel:
        deleted += TATWEEL
    if ignore_hamza:
        table.update(_HAMZA)
    table.update(dict.fromkeys(map(ord, deleted)))
    return table, deleted


def _fold_text(text: str, query: Query) -> str:
    table, _deleted = _fold_table(query.ignore_diacritics, query.ignore_tatweel, query.ignore_hamza)
    return text.translate(table)


def _fold_with_origin(text: str, query: Query) -> tuple[str, list[int] | None]:
    """Folded text and, for each of its characters (and its end), the offset in ``text`` it comes from.

    None stands for "the same offset" when folding deleted nothing.
    """
    table, deleted = _fold_table(query.ignore_diacritics, query.ignore_tatweel, query.ignore_hamza)
    folded = text.translate(table)
    if len(folded) == len(text):
        return folded, None
    gone = frozenset(deleted)
    origin = [index for index, char in enumerate(text) if char not in gone]
    origin.append(len(text))
    return folded, origin


# ------------------------------------------------------------ replacing


def find_replacements(
    report: Report, query: Query, replacement: str, *, preset: LanguagePreset | None
) -> list[tuple[Match, str]]:
    r"""Every match with the text that replaces it (group references expanded); raises SearchError.

    For a regular expression, ``replacement`` may name groups (``\1``,
    ``\g<name>``); with folding on, groups hold the folded text. A plain
    query's replacement is taken literally. ``preset`` as for find_all.
    """
    if not query.pattern:
        return []
    pattern = query.compile()
    return [
        (match, _expand(regex_match, replacement, query))
        for text_field in _fields(report, query, preset)
        for match, regex_match in _matches(text_field, pattern, query)
    ]


def replace_all(report: Report, query: Query, replacement: str, *, preset: LanguagePreset | None) -> ReplacePlan:
    """The edits replacing every match of ``query`` with ``replacement`` (see find_replacements); report unchanged."""
    return plan_replacements(report, find_replacements(report, query, replacement, preset=preset), preset=preset)


def plan_replacements(
    report: Report, replacements: Iterable[tuple[Match, str]], *, preset: LanguagePreset | None
) -> ReplacePlan:
    """The edits making some replacements (matches of one search, non-overlapping): one edit per field."""
    by_path: dict[str, list[tuple[int, int, str]]] = {}
    for match, text in replacements:
        by_path.setdefault(match.path, []).append((match.start, match.end, text))
    if not by_path:
        return ReplacePlan()
    edits = []
    count = 0
    for text_field in iter_fields(report, preset):
        found = by_path.get(text_field.path)
        if found:
            found.sort()
            edits.append(_edit(report, text_field, found))
            count += len(found)
    return ReplacePlan(edits, count)


def replace_match(
    report: Report, match: Match, query: Query, replacement: str, *, preset: LanguagePreset | None
) -> FieldEdit | None:
    """The edit replacing one match found earlier, or None if the field no longer has it there."""
    for current, text in find_replacements(report, query, replacement, preset=preset):
        if current == match:
            return plan_replacements(report, [(current, text)], preset=preset).edits[0]
    return None


def apply_edits(report: Report, edits: Iterable[FieldEdit]) -> None:
    """Give each edited field its new value (an undo command's redo)."""
    for edit in edits:
        set_field(report, edit.path, edit.new)


def revert_edits(report: Report, edits: Iterable[FieldEdit]) -> None:
    """Give each edited field back its old value, last edit first (an undo command's undo)."""
    for edit in reversed(list(edits)):
        set_field(report, edit.path, edit.old)


@dataclass(frozen=True)
class FieldChange:
    """An edit seen as one typed field of one part set to a new value, the way a window's field command works.

    Goals and participants change as whole lists (``GOALS``, ``PARTICIPANTS``),
    with new Participant objects where a name changes, so the old list and
    its items are left as they were.
    """

    target: TitleBlock | Section | Session | Footnote
    field: ops.Field[Any, Any]
    old: object
    new: object


#: The title block's free-text fields (text_fields.TITLE_FIELDS) by the name their paths use.
_TITLE_FIELDS: dict[str, ops.Field[TitleBlock, str]] = {
    title_field.name: title_field for title_field in (ops.MEETING, ops.SUBTITLE, ops.LOCATION, ops.STATUS, ops.TIMEZONE)
}


def field_changes(report: Report, edits: Iterable[FieldEdit]) -> list[FieldChange]:
    """The field sets that make ``edits``, in order; several goals or participants of one list make one.

    A body block is no field: it changes through its body (``body_changes``, or the window's body
    document), so an edit of one (or of a table cell) raises KeyError, as does a path that names no field.
    """
    changes: list[FieldChange] = []
    new_lists: dict[tuple[int, str], list[Any]] = {}  # (id of owner, field name) -> the list being built
    for edit in edits:
        place = locate(edit.path)
        if place.block >= 0:
            raise KeyError(f"a body block is not a field: {edit.path!r}")
        if place.goal >= 0 or place.participant >= 0:
            section = report.sections[place.section]
            owner: Section | Session = section.sessions[place.session] if place.goal >= 0 else section
            list_field: ops.Field[Any, Any] = ops.GOALS if place.goal >= 0 else ops.PARTICIPANTS
            key = (id(owner), list_field.name)
            new_list = new_lists.get(key)
            if new_list is None:
                current = list(list_field.get(owner))
                new_list = new_lists[key] = list(current)
                changes.append(FieldChange(owner, list_field, current, new_list))
            if place.goal >= 0:
                new_list[place.goal] = edit.new
            else:
                new_list[place.participant] = Participant(str(edit.new), new_list[place.participant].code)
            continue
        target, value_field = _field_at(report, edit.path)
        changes.append(FieldChange(target, value_field, edit.old, edit.new))
    return changes


def body_changes(report: Report, edits: Iterable[FieldEdit]) -> list[ops.ReplaceBlocks]:
    """The operations that make the edits of body blocks and table cells, one per body; other edits are left out.

    Each edited block becomes a new block keeping its id (a table with the
    edited cells in copied rows), in a new list of the body's blocks, so the
    old blocks stay as they were for the undo (``ReplaceBlocks`` returns it).
    """
    bodies: dict[int, tuple[Section | Session, list[Block]]] = {}
    for edit in edits:
        place = locate(edit.path)
        if place.block < 0:
            continue
        section = report.sections[place.section]
        owner: Section | Session = section.sessions[place.session] if place.session >= 0 else section
        _owner, blocks = bodies.setdefault(id(owner), (owner, list(owner.blocks)))
        block = blocks[place.block]
        new = edit.new if isinstance(edit.new, list) else []
        content: list[Inline] = list(copy.deepcopy(new))
        if place.cell >= 0:
            if block.table is None:
                raise KeyError(f"not a table: {edit.path!r}")
            rows = [list(row) for row in block.table.rows]
            rows[place.row][place.cell] = [item for item in content if isinstance(item, Span)]
            blocks[place.block] = dataclasses.replace(block, table=dataclasses.replace(block.table, rows=rows))
        elif block.table is not None:
            raise KeyError(f"a table's text is in its cells: {edit.path!r}")
        else:
            blocks[place.block] = dataclasses.replace(block, content=content)
    return [ops.ReplaceBlocks(owner, blocks) for owner, blocks in bodies.values()]


def _field_at(report: Report, path: str) -> tuple[TitleBlock | Section | Session | Footnote, ops.Field[Any, Any]]:
    """The part and the typed field a path of one value names (title block, heading, session title, note)."""
    place = locate(path)
    if place.footnote >= 0:
        return report.footnotes[place.footnote], ops.NOTE_CONTENT
    if place.in_title_block and place.attribute in _TITLE_FIELDS:
        return report.title, _TITLE_FIELDS[place.attribute]
    if place.section >= 0:
        section = report.sections[place.section]
        if place.session >= 0 and place.attribute == "title":
            return section.sessions[place.session], ops.SESSION_TITLE
        if place.session < 0 and place.attribute == "heading":
            return section, ops.HEADING
    raise KeyError(f"not a field path: {path!r}")


def _expand(found: re.Match[str], replacement: str, query: Query) -> str:
    if not query.regex:
        return replacement
    try:
        return found.expand(replacement)
    except (re.error, IndexError) as error:
        raise SearchError(f"The replacement {replacement!r} is not valid: {error}.") from None


def _edit(report: Report, text_field: TextField, found: list[tuple[int, int, str]]) -> FieldEdit:
    old = get_field(report, text_field.path)
    if isinstance(old, list):
        new: FieldValue = splice_content(old, found)
    else:
        # A heading left to its default (None) is searched as printed; replacing makes it the section's own.
        text = text_field.text
        for start, end, replacement in reversed(found):
            text = text[:start] + replacement + text[end:]
        new = text
    return FieldEdit(text_field.path, old, new)


def splice_content(content: list[Inline] | list[Span], found: list[tuple[int, int, str]]) -> list[Inline]:
    """Rich content with each (start, end, replacement) applied, by the module's emphasis rule.

    ``found`` holds non-overlapping stretches in increasing order, as
    offsets into the content's text (a footnote reference is one character).
    """
    items: list[Inline] = [_copy(item) for item in content]
    for start, end, replacement in reversed(found):
        items = _splice_one(items, start, end, replacement)
    return items


def _copy(item: Inline) -> Inline:
    if isinstance(item, FootnoteRef):
        return FootnoteRef(item.footnote_id)
    return Span(item.text, item.bold, item.italic, item.underline)


def _splice_one(items: list[Inline], start: int, end: int, replacement: str) -> list[Inline]:
    result: list[Inline] = []
    offset = 0
    placed = False
    previous_span: Span | None = None
    for item in items:
        length = 1 if isinstance(item, FootnoteRef) else len(item.text)
        item_start, item_end = offset, offset + length
        offset = item_end
        if isinstance(item, FootnoteRef):
            if not placed and item_start >= start and item_start < end:
                # The match starts on a footnote mark: the replacement goes before it, ending the span there.
                if replacement and result and isinstance(result[-1], Span) and result[-1] is previous_span:
                    result[-1].text += replacement
                elif replacement:
                    result.append(_styled(replacement, previous_span))
                placed = True
            result.append(item)
            continue
        previous_span = item
        if item_end <= start or item_start >= end or length == 0:
            result.append(item)
            continue
        cut_from = max(start, item_start) - item_start
        cut_to = min(end, item_end) - item_start
        middle = ""
        if not placed:
            middle = replacement
            placed = True
        item.text = item.text[:cut_from] + middle + item.text[cut_to:]
        if item.text:
            result.append(item)
    if not placed and replacement:
        result.append(_styled(replacement, previous_span))  # an empty match at the very end
    return result


def _styled(text: str, like: Span | None) -> Span:
    if like is None:
        return Span(text)
    return Span(text, like.bold, like.italic, like.underline)


# ------------------------------------------------------------ counts


@dataclass(frozen=True)
class Counts:
    """Words and characters of some text.

    A letter with its harakat counts as one character, as a reader sees
    it; kashida, the Persian half-space, direction marks and footnote marks
    count as none. Spaces are counted in ``characters`` and not in
    ``characters_no_spaces``; line breaks in neither.
    """

    words: int = 0
    characters: int = 0
    characters_no_spaces: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.characters + other.characters,
            self.characters_no_spaces + other.characters_no_spaces,
        )


@dataclass(frozen=True)
class ReportCounts:
    """Counts of a report: the whole, the title block, each section (heading included) and the footnotes."""

    total: Counts
    title: Counts
    sections: list[Counts]
    footnotes: Counts


# A word is what lies between spaces, footnote marks and Arabic punctuation (، ؛ ؟ ۔), holding a letter or digit.
_WORD_CHUNK = re.compile(r"[^\s\ufffc،؛؟۔]+")
_HAS_ALNUM = re.compile(r"[^\W_]")
_NOT_COUNTED = frozenset(("\n", "\u2028", "\u2029", FOOTNOTE_MARK, TATWEEL))


def count_text(text: str) -> Counts:
    """The words and characters of one text."""
    words = sum(1 for chunk in _WORD_CHUNK.finditer(text) if _HAS_ALNUM.search(chunk.group()))
    characters = 0
    spaces = 0
    for char in text:
        if char in _NOT_COUNTED:
            continue
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Cf", "Cc"):
            continue
        characters += 1
        if char.isspace():
            spaces += 1
    return Counts(words, characters, characters - spaces)


def count_report(report: Report, preset: LanguagePreset) -> ReportCounts:
    """Word and character counts of the whole report and of each part, headings counted as printed (by ``preset``)."""
    title = Counts()
    sections = [Counts() for _ in report.sections]
    footnotes = Counts()
    for text_field in iter_fields(report, preset):
        counts = count_text(text_field.text)
        if text_field.kind is FieldKind.FOOTNOTE:
            footnotes += counts
        elif text_field.section is not None:
            sections[text_field.section] += counts
        else:
            title += counts
    total = title + footnotes
    for counts in sections:
        total += counts
    return ReportCounts(total, title, sections, footnotes)
