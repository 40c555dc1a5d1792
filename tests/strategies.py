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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from hypothesis import strategies as st

from minutes_editor.model.report import (
    MAX_BULLET_LEVEL,
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Inline,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
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


def spans(text: st.SearchStrategy[str]) -> st.SearchStrategy[Span]:
    """A span of text with any mix of bold, italic and underline."""
    return st.builds(Span, text=text, bold=st.booleans(), italic=st.booleans(), underline=st.booleans())


def blocks(text: st.SearchStrategy[str], note_ids: list[str], *, max_size: int = 5) -> st.SearchStrategy[list[Block]]:
    """Body blocks whose inline content may reference the footnotes ``note_ids``."""
    inline: st.SearchStrategy[Inline] = spans(text)
    if note_ids:
        inline = st.one_of(spans(text), spans(text), st.sampled_from(note_ids).map(FootnoteRef))
    content = st.lists(inline, max_size=5)
    bullet = st.builds(Block, kind=st.just(BlockKind.BULLET), content=content, level=st.integers(1, MAX_BULLET_LEVEL))
    # Only bullets have levels: the others keep the default 1, as the file does.
    plain = st.builds(Block, kind=st.sampled_from([BlockKind.PARAGRAPH, BlockKind.LABEL]), content=content)
    return st.lists(st.one_of(bullet, plain), max_size=max_size)


PARTICIPANT_CODES = st.one_of(st.just(""), st.from_regex(r"[A-Z]{2}", fullmatch=True), st.just("org:ICMPD"))


@st.composite
def _sections(draw: st.DrawFn, text: st.SearchStrategy[str], note_ids: list[str], max_sections: int) -> list[Section]:
    # Strategies are built once per report, not per section: building them
    # costs more than drawing from them.
    kinds = st.sampled_from(list(SectionKind))
    headings = optional(text)
    levels = st.sampled_from([1, 1, 2])
    section_blocks = blocks(text, note_ids)
    participants = st.lists(st.builds(Participant, name=text, code=PARTICIPANT_CODES), max_size=6)
    session = st.builds(
        Session, title=text, goals=st.lists(text, max_size=3), blocks=blocks(text, note_ids, max_size=4)
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
            if isinstance(last, Span) and (last.bold, last.italic, last.underline) == (
                item.bold,
                item.italic,
                item.underline,
            ):
                result[-1] = Span(last.text + item.text, item.bold, item.italic, item.underline)
                continue
        result.append(item)
    return result


def _apply_to_content(report: Report, change: Callable[[list[Inline]], list[Inline]]) -> None:
    for block in report.all_blocks():
        block.content = change(block.content)
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
) -> Report:
    """Any valid report.

    ``text`` draws every string (default: ``texts()``, all characters);
    ``orphan_footnotes=False`` keeps only footnotes that are referenced;
    ``canonical=True`` gives content without empty spans or neighbouring
    spans of the same emphasis.
    """
    text = DEFAULT_TEXT if text is None else text
    note_ids = draw(st.lists(FOOTNOTE_IDS, max_size=max_footnotes, unique=True))
    note_content = st.lists(spans(text), max_size=3)
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
        sections=draw(_sections(text, note_ids, max_sections)),
        footnotes=footnotes,
        author=draw(text),
        created=draw(_DATETIMES),
        modified=draw(_DATETIMES),
        template=draw(st.one_of(st.just(""), text)),
    )
    if not orphan_footnotes:
        used = set(report.footnote_refs())
        report.footnotes = [note for note in report.footnotes if note.id in used]
    if canonical:
        _apply_to_content(report, _canonical)
    return report
