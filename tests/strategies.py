"""Hypothesis strategies that generate valid reports, for storage, export and import round trips.

``reports()`` draws any report the .minutes format can hold: every section
kind, both heading levels, paragraphs, bullets at levels 1 to 3 and lead-in
labels, spans with any mix of bold, italic and underline, footnotes with
their references placed in blocks, dates, times with and without seconds,
and naive or time-zone-aware created/modified stamps.

Text is Arabic, Latin, a mix of the two, and characters that trouble
serialisers (quotes, backslashes, emoji, bidi marks, control characters):
any Unicode scalar value, which is what JSON can hold. Lone UTF-16
surrogates are left out on purpose: they are not characters, UTF-8 cannot
encode them, the loader refuses a file that escapes one ("\\ud800") and
the saver writes U+FFFD in their place (tests/storage test both).

Writers to other formats cannot carry every character: pass
``text=texts(XML_CHARACTERS)`` for a report Word can hold, and
``canonical=True`` for content a reader can give back span for span
(no empty spans, neighbouring spans differ in emphasis).

``tables=True`` adds table blocks (1 to 3 rows of 1 to 3 cells, a header row
or none, cells of spans with emphasis and, when reviewed, comments) and action
items (owners from a few names, a deadline or none, open or done), valid as
``rules.check_block`` wants them; off by default while writers and readers
of other formats learn them.

``reviewed=True`` adds reviewers' marks: pending insertions, deletions and
format changes on spans, footnote references and paragraphs, comments (with
replies, resolved states, comments on fields) whose ids spans carry, and
pending field changes on the title block, headings, session titles and goals.
Sections, sessions and blocks always have ids (their default factory); equality
ignores them, so ``ids_of`` gives them for a test to compare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from hypothesis import strategies as st

from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    ActionItem,
    ActionStatus,
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    FormatChange,
    Inline,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
    TitleBlock,
)

# ------------------------------------------------------------------ text

#: Characters chosen because they break naive serialisers or direction handling.
AWKWARD = (
    '"',
    "\\",
    "'",
    "/",
    "\u201c",  # “
    "\u201d",  # ”
    "\u00ab",  # «
    "\u00bb",  # »
    "\U0001f600",  # 😀
    "\U0001f44d",  # 👍, which the next one can modify
    "\U0001f3fd",  # a skin-tone modifier
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u200d",  # zero-width joiner
    "\u0640",  # Arabic tatweel
    "\u060c",  # Arabic comma
    "\ufeff",  # byte-order mark inside text
    "\u2028",  # line separator, invalid in JavaScript strings
    "&",
    "<",
    "\n",
    "\t",
    "\x00",
    "\x0b",
    "\x7f",
)

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
LATIN = st.sampled_from([chr(code) for code in range(0x20, 0x250) if not 0x7F <= code <= 0x9F])
#: Every Unicode scalar value (UTF-8 cannot encode lone surrogates): all a JSON string can hold.
ANY_CHARACTER = st.characters(codec="utf-8")
#: Characters XML 1.0 allows, so Word can hold them.
XML_CHARACTER = st.characters(codec="utf-8").filter(
    lambda c: c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c >= "\U00010000"
)

#: Alphabets for ``texts()``: the full one, and the one Word can hold.
ALL_CHARACTERS = st.one_of(ARABIC, LATIN, st.sampled_from(AWKWARD), ANY_CHARACTER)
XML_CHARACTERS = st.one_of(
    ARABIC,
    LATIN,
    st.sampled_from([c for c in AWKWARD if c in "\t\n" or c >= " "]),
    XML_CHARACTER,
)


def texts(alphabet: st.SearchStrategy[str] = ALL_CHARACTERS, *, max_size: int = 24) -> st.SearchStrategy[str]:
    """Text that is Arabic, Latin, or runs of both and of awkward characters."""
    arabic = st.text(ARABIC, min_size=1, max_size=max_size)
    latin = st.text(LATIN, min_size=1, max_size=max_size)
    mixed = st.lists(st.one_of(arabic, latin, st.text(alphabet, max_size=4)), max_size=4).map(" ".join)
    return st.one_of(st.just(""), arabic, latin, mixed, st.text(alphabet, max_size=max_size))


# ------------------------------------------------------------ date, time

_T = TypeVar("_T")

#: UTC offsets: whole minutes as today's zones have, or seconds as old local mean times had.
#: (The format keeps offsets to the second; see docs/file-format.md.)
OFFSETS = st.one_of(
    st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(lambda m: dt.timedelta(minutes=m)),
    st.integers(min_value=-(24 * 3600 - 1), max_value=24 * 3600 - 1).map(lambda s: dt.timedelta(seconds=s)),
)
TIMEZONES = st.one_of(st.just(dt.UTC), OFFSETS.map(dt.timezone))


def times() -> st.SearchStrategy[dt.time]:
    """Wall-clock times: mostly whole minutes, some with seconds or microseconds."""
    return st.one_of(
        st.times().map(lambda t: t.replace(second=0, microsecond=0)),
        st.times().map(lambda t: t.replace(microsecond=0)),
        st.times(),
    )


def datetimes() -> st.SearchStrategy[dt.datetime]:
    """Created/modified stamps, naive or with a fixed offset."""
    # A day inside the range the loader accepts (model/report.py EARLIEST_STAMP, LATEST_STAMP), so that any
    # offset below 24 hours keeps the stamp in it.
    return st.datetimes(
        min_value=dt.datetime(1, 1, 3), max_value=dt.datetime(9999, 12, 29), timezones=st.one_of(st.none(), TIMEZONES)
    )


def optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    """None or a value of ``strategy``."""
    return st.one_of(st.none(), strategy)


# ---------------------------------------------------------------- report

LANGUAGES = st.one_of(
    st.sampled_from(["ar", "en", "fa", "ur", "fr", "ru", "tr", "en-GB", "ar-EG", "zh-Hans-CN", "pa-Arab"]),
    # Well-formed BCP 47 (RFC 5646): language, optional script, region, variant, a -u- extension.
    st.from_regex(
        r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-[a-z0-9]{5,8})?(-u-[a-z0-9]{2,8}){0,1}", fullmatch=True
    ),
)

FOOTNOTE_IDS = st.one_of(
    st.integers(min_value=1, max_value=999).map(lambda n: f"fn{n}"),
    st.text(ALL_CHARACTERS, min_size=1, max_size=8).filter(lambda s: s.strip() != ""),
)


#: Ids of comments as the format allows them (the model's new_id() gives 12 hex digits; Word's are numbers).
COMMENT_IDS = st.one_of(
    st.from_regex(r"[0-9a-f]{12}", fullmatch=True), st.from_regex(r"[0-9A-Za-z_-]{1,64}", fullmatch=True)
)
AUTHORS = st.one_of(st.sampled_from(["Amal Haddad", "Ben Ross", "مراجع", ""]), texts(max_size=8))


def changes() -> st.SearchStrategy[Change]:
    """Who proposed a change and when: any author, a stamp or none, and sometimes the name of a move."""
    return st.builds(
        Change, author=AUTHORS, date=optional(datetimes()), move=st.one_of(st.just(""), st.sampled_from(["move1", "m"]))
    )


def format_changes() -> st.SearchStrategy[FormatChange]:
    """A pending change of emphasis: the emphasis before it."""
    return st.builds(FormatChange, change=changes(), bold=st.booleans(), italic=st.booleans(), underline=st.booleans())


def spans(text: st.SearchStrategy[str], comment_ids: list[str] | None = None) -> st.SearchStrategy[Span]:
    """A span of text with any mix of bold, italic and underline; with ``comment_ids``, reviewers' marks too."""
    if comment_ids is None:
        return st.builds(Span, text=text, bold=st.booleans(), italic=st.booleans(), underline=st.booleans())
    comments = (
        st.lists(st.sampled_from(comment_ids), max_size=2, unique=True).map(tuple) if comment_ids else st.just(())
    )
    return st.builds(
        Span,
        text=text,
        bold=st.booleans(),
        italic=st.booleans(),
        underline=st.booleans(),
        inserted=optional(changes()),
        deleted=optional(changes()),
        old_format=optional(format_changes()),
        comments=comments,
    )


#: Owners of action items: names as the participants list gives them, or typed.
OWNERS = st.sampled_from(["Amal Haddad", "Ben Ross", "النمسا", "ICMPD", "مقرر الاجتماع", "x"])


def tables(text: st.SearchStrategy[str], comment_ids: list[str] | None = None) -> st.SearchStrategy[Table]:
    """A simple table: 1 to 3 rows of 1 to 3 cells of spans with emphasis (and comments with ``comment_ids``)."""
    comments = (
        st.lists(st.sampled_from(comment_ids), max_size=2, unique=True).map(tuple) if comment_ids else st.just(())
    )
    span = st.builds(
        Span, text=text, bold=st.booleans(), italic=st.booleans(), underline=st.booleans(), comments=comments
    )
    cell = st.lists(span, max_size=3)

    @st.composite
    def table(draw: st.DrawFn) -> Table:
        columns = draw(st.integers(1, 3))
        rows = draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), min_size=1, max_size=3))
        return Table(rows=rows, header=draw(st.booleans()))

    return table()


def action_items() -> st.SearchStrategy[ActionItem]:
    """Owners (none to three, each once), a deadline or none, open or done."""
    return st.builds(
        ActionItem,
        owners=st.lists(OWNERS, max_size=3, unique=True),
        deadline=optional(st.dates()),
        status=st.sampled_from(ActionStatus),
    )


def blocks(
    text: st.SearchStrategy[str],
    note_ids: list[str],
    *,
    max_size: int = 5,
    comment_ids: list[str] | None = None,
    tables_too: bool = False,
) -> st.SearchStrategy[list[Block]]:
    """Body blocks whose content may reference the footnotes ``note_ids``; marked when ``comment_ids`` is given.

    ``tables_too`` adds table blocks and action items.
    """
    marked = comment_ids is not None
    inline: st.SearchStrategy[Inline] = spans(text, comment_ids)
    if note_ids:
        refs: st.SearchStrategy[Inline] = st.sampled_from(note_ids).map(FootnoteRef)
        if marked:
            refs = st.builds(
                FootnoteRef,
                footnote_id=st.sampled_from(note_ids),
                inserted=optional(changes()),
                deleted=optional(changes()),
            )
        inline = st.one_of(spans(text, comment_ids), spans(text, comment_ids), refs)
    content = st.lists(inline, max_size=5)
    marks: dict[str, st.SearchStrategy[object]] = {}
    if marked:
        old_kind = st.one_of(
            st.builds(BlockFormatChange, change=changes(), kind=st.just(BlockKind.BULLET), level=st.integers(1, 3)),
            st.builds(
                BlockFormatChange, change=changes(), kind=st.sampled_from([BlockKind.PARAGRAPH, BlockKind.LABEL])
            ),
        )
        marks = {"inserted": optional(changes()), "deleted": optional(changes()), "old_format": optional(old_kind)}
    bullet = st.builds(
        Block, kind=st.just(BlockKind.BULLET), content=content, level=st.integers(1, MAX_BULLET_LEVEL), **marks
    )
    # Only bullets have levels: the others keep the default 1, as the file does.
    plain = st.builds(Block, kind=st.sampled_from([BlockKind.PARAGRAPH, BlockKind.LABEL]), content=content, **marks)
    if not tables_too:
        return st.lists(st.one_of(bullet, plain), max_size=max_size)
    action = st.builds(Block, kind=st.just(BlockKind.ACTION), content=content, action=action_items(), **marks)
    # A table has no text or format change of its own: a reviewer proposes it whole (inserted or deleted).
    table_marks = {key: value for key, value in marks.items() if key != "old_format"}
    table = st.builds(Block, kind=st.just(BlockKind.TABLE), table=tables(text, comment_ids), **table_marks)
    return st.lists(st.one_of(bullet, plain, action, table), max_size=max_size)


PARTICIPANT_CODES = st.one_of(st.just(""), st.from_regex(r"[A-Z]{2}", fullmatch=True), st.just("org:ICMPD"))


@st.composite
def _sections(
    draw: st.DrawFn,
    text: st.SearchStrategy[str],
    note_ids: list[str],
    max_sections: int,
    comment_ids: list[str] | None = None,
    *,
    tables_too: bool = False,
) -> list[Section]:
    # Strategies are built once per report, not per section: building them
    # costs more than drawing from them.
    kinds = st.sampled_from(list(SectionKind))
    headings = optional(text)
    levels = st.sampled_from([1, 1, 2])
    section_blocks = blocks(text, note_ids, comment_ids=comment_ids, tables_too=tables_too)
    participants = st.lists(st.builds(Participant, name=text, code=PARTICIPANT_CODES), max_size=6)
    session = st.builds(
        Session,
        title=text,
        goals=st.lists(text, max_size=3),
        blocks=blocks(text, note_ids, max_size=4, comment_ids=comment_ids, tables_too=tables_too),
    )
    sessions = st.lists(session, max_size=3)
    result: list[Section] = []
    for index in range(draw(st.integers(0, max_sections))):
        kind = draw(kinds)
        section = Section(
            kind=kind,
            heading=draw(headings),
            # The first section cannot be a sub-heading.
            level=1 if index == 0 else draw(levels),
            blocks=draw(section_blocks),
        )
        # Participants and sessions only where the format has them.
        if kind is SectionKind.PARTICIPATION:
            section.participants = draw(participants)
        if kind is SectionKind.DISCUSSION:
            section.sessions = draw(sessions)
        result.append(section)
    return result


DEFAULT_TEXT = texts()
TIMEZONE_LABELS = st.sampled_from(["CET", "UTC+2", "توقيت وسط أوروبا"])
_TIMES = optional(times())
_DATETIMES = optional(datetimes())


def _canonical(content: list[Inline]) -> list[Inline]:
    # Drops empty spans and merges neighbours of the same emphasis, the form a
    # reader of another format gives back.
    result: list[Inline] = []
    for item in content:
        if isinstance(item, Span):
            if not item.text:
                continue
            last = result[-1] if result else None
            if isinstance(last, Span) and _look(last) == _look(item):
                result[-1] = Span(
                    last.text + item.text,
                    item.bold,
                    item.italic,
                    item.underline,
                    item.inserted,
                    item.deleted,
                    item.old_format,
                    item.comments,
                )
                continue
        result.append(item)
    return result


def _look(span: Span) -> tuple[object, ...]:
    # What a span holds besides its text: neighbours alike in all of it are one span.
    return (span.bold, span.italic, span.underline, span.inserted, span.deleted, span.old_format, span.comments)


def _apply_to_content(report: Report, change: Callable[[list[Inline]], list[Inline]]) -> None:
    for block in report.all_blocks():
        block.content = change(block.content)
        if block.table is not None:
            block.table.rows = [
                [[item for item in change(list(cell)) if isinstance(item, Span)] for cell in row]
                for row in block.table.rows
            ]
    for note in report.footnotes:
        note.content = [item for item in change(list(note.content)) if isinstance(item, Span)]


@st.composite
def reports(
    draw: st.DrawFn,
    *,
    text: st.SearchStrategy[str] | None = None,
    max_sections: int = 8,
    max_footnotes: int = 3,
    orphan_footnotes: bool = True,
    canonical: bool = False,
    reviewed: bool = False,
    tables: bool = False,
) -> Report:
    """Any valid report.

    ``text`` draws every string (default: ``texts()``, all characters);
    ``orphan_footnotes=False`` keeps only footnotes that are referenced;
    ``canonical=True`` gives content without empty spans or neighbouring
    spans of the same emphasis and marks; ``reviewed=True`` adds reviewers'
    marks, comments and field changes; ``tables=True`` table blocks and
    action items.
    """
    text = DEFAULT_TEXT if text is None else text
    note_ids = draw(st.lists(FOOTNOTE_IDS, max_size=max_footnotes, unique=True))
    comment_ids = draw(st.lists(COMMENT_IDS, max_size=4, unique=True)) if reviewed else None
    note_content = st.lists(spans(text, comment_ids), max_size=3)
    footnotes = [Footnote(id=note_id, content=draw(note_content)) for note_id in note_ids]
    report = Report(
        language=draw(LANGUAGES),
        title=TitleBlock(
            meeting=draw(text),
            subtitle=draw(text),
            date=draw(optional(st.dates())),
            start_time=draw(_TIMES),
            end_time=draw(_TIMES),
            timezone=draw(st.one_of(text, TIMEZONE_LABELS)),
            location=draw(text),
            status=draw(text),
        ),
        sections=draw(_sections(text, note_ids, max_sections, comment_ids, tables_too=tables)),
        footnotes=footnotes,
        author=draw(text),
        created=draw(_DATETIMES),
        modified=draw(_DATETIMES),
        template=draw(st.one_of(st.just(""), text)),
    )
    if comment_ids is not None:
        report.comments = draw(_comments(report, text, comment_ids))
        report.field_changes = draw(st.lists(_field_changes(report, text), max_size=4))
        # Sections, sessions and footnotes a reviewer proposed to add or remove whole.
        parts: list[Section | Session | Footnote] = [*report.sections, *report.footnotes]
        parts += [session for section in report.sections for session in section.sessions]
        for part in parts:
            part.inserted = draw(st.one_of(st.none(), changes()))
            part.deleted = draw(st.one_of(st.none(), changes()))
    if not orphan_footnotes:
        used = set(report.footnote_refs())
        report.footnotes = [note for note in report.footnotes if note.id in used]
    if canonical:
        _apply_to_content(report, _canonical)
    return report


def _field_targets(report: Report) -> list[tuple[str, str, st.SearchStrategy[object]]]:
    # (field name, owner id, values of the field) for every field of this report a reviewer may change.
    text = texts(max_size=12)
    title: list[tuple[str, str, st.SearchStrategy[object]]] = [
        (f"TitleBlock.{name}", "", text) for name in ("meeting", "subtitle", "timezone", "location", "status")
    ]
    title += [
        ("TitleBlock.date", "", optional(st.dates())),
        ("TitleBlock.start_time", "", optional(times())),
        ("TitleBlock.end_time", "", optional(times())),
    ]
    parts: list[tuple[str, str, st.SearchStrategy[object]]] = []
    for section in report.sections:
        parts.append(("Section.heading", section.id, optional(text)))
        parts.append(("Section.level", section.id, st.integers(1, 2)))
        if section.kind is SectionKind.PARTICIPATION:
            participant = st.builds(Participant, text, st.sampled_from(["", "AT", "org:ICMPD"]))
            parts.append(("Section.participants", section.id, st.lists(participant, max_size=2)))
        for session in section.sessions:
            parts.append(("Session.title", session.id, text))
            parts.append(("Session.goals", session.id, st.lists(text, max_size=3)))
    return title + parts


@st.composite
def _field_changes(draw: st.DrawFn, report: Report, text: st.SearchStrategy[str]) -> FieldChange:
    name, owner, values = draw(st.sampled_from(_field_targets(report)))
    return FieldChange(field_name=name, owner=owner, old=draw(values), change=draw(changes()))  # type: ignore[arg-type]


@st.composite
def _comments(draw: st.DrawFn, report: Report, text: st.SearchStrategy[str], ids: list[str]) -> list[Comment]:
    # Every id the spans may carry is a comment; a reply answers one before it; some are on a field.
    targets = _field_targets(report)
    result: list[Comment] = []
    for index, comment_id in enumerate(ids):
        on_field = draw(st.booleans())
        name, owner = ("", "")
        if on_field:
            name, owner, _values = draw(st.sampled_from(targets))
            if name == "Section.level" and draw(st.booleans()):
                name = "Section.participants"  # a comment may be on a participation line too
        result.append(
            Comment(
                id=comment_id,
                author=draw(AUTHORS),
                text=draw(st.lists(text, max_size=2)),
                date=draw(optional(datetimes())),
                initials=draw(st.sampled_from(["", "AH", "ب"])),
                parent=draw(st.sampled_from(["", *ids[:index]])),
                done=draw(st.booleans()),
                field_name=name,
                owner=owner,
            )
        )
    return result


def ids_of(report: Report) -> list[object]:
    """The ids of a report's sections, sessions and blocks, in reading order (equality ignores them)."""
    return [
        (
            section.id,
            [block.id for block in section.blocks],
            [(session.id, [block.id for block in session.blocks]) for session in section.sessions],
        )
        for section in report.sections
    ]
