"""Compare two drafts of a report: the new draft carrying, as pending changes, what changed since the old one.

``compare(old, new, author=..., date=...)`` returns a copy of NEW marked as
docs/review.md describes, every mark by one ``Change(author, date)``, so
that Accept All (``review.accepted``) gives NEW and Reject All
(``review.rejected``) gives OLD, up to where spans are cut (``canonical``).

How the two are matched:

- Blocks, sections and sessions are paired by their stable id when both
  drafts share it (a draft and its revision); what is left (all of it for
  two Word drafts from elsewhere) is paired by content: equal text in order
  (difflib on the folded texts, section by section, then across the report),
  then equal text out of order (a move), then, between those, blocks alike
  enough to be one block reworded (``alignment.PAIR_THRESHOLD``), then blocks nearly
  equal out of order (a move again, ``alignment.MOVE_THRESHOLD``). A section pairs only
  with a section of its kind; sessions pair by title or by the blocks they
  share. When the drafts share ids, a section or session whose id is in one
  of them only is new or gone, whatever its title.
- A pair stays in place when both halves are in the same section or session
  and in the same order as the others: the heaviest such run, by the text
  each pair keeps, so that the short side of a swap is the one that moves;
  equal or alike blocks of one body in order stay in place whatever their
  ids. Any other pair moved: the old block deleted, the new one inserted,
  both with a move name, one name for each run of blocks that moved
  together. Sections and sessions move the same way, with what is in them.
- Inside a paired block or footnote the change is word by word
  (model/word_diff.py), its type and level changes a ``Block.old_format``.
  An action item's text too; but an action item whose owners, deadline or
  status changed, or a block that became or stopped being an action item,
  is the old block deleted whole and the new one inserted (no pending change
  carries those fields, and Reject All must give the old ones back). A table
  pairs only with a table: equal cells (text and emphasis) stay as they are,
  any other change is the old table deleted whole and the new one inserted.
  A block, section, session or footnote of one draft only is inserted or
  deleted whole, content and all.
- Title-block fields, headings, section levels, participants, session
  titles and goals that differ become ``Report.field_changes``.

What is not compared: the report's language, author, stamps and template,
and its comments, which are the new draft's. Pending changes already in
either draft are taken as accepted first (as Word's Compare does). The order
of the footnote list follows the new draft where the two disagree (a
footnote's number follows from its references, not from the list).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, TypeVar

from minutes_editor.model import alignment, review
from minutes_editor.model.block_diff import is_table, replaced_whole, same_table, table_safe_order, whole_block
from minutes_editor.model.operations import (
    DATE,
    END_TIME,
    GOALS,
    HEADING,
    LEVEL,
    LOCATION,
    MEETING,
    PARTICIPANTS,
    SESSION_TITLE,
    START_TIME,
    STATUS,
    SUBTITLE,
    TIMEZONE,
    Field,
)
from minutes_editor.model.report import (
    Block,
    BlockFormatChange,
    Change,
    FieldChange,
    Footnote,
    FootnoteRef,
    Inline,
    Report,
    Section,
    Session,
    Span,
    TitleBlock,
    new_id,
)
from minutes_editor.model.word_diff import canonical_content, copied, diff_content, fold, marked, tokens

_TITLE_FIELDS = (MEETING, SUBTITLE, DATE, START_TIME, END_TIME, TIMEZONE, LOCATION, STATUS)

_T = TypeVar("_T")


def compare(old: Report, new: Report, *, author: str, date: dt.datetime) -> Report:
    """NEW with pending changes against OLD, each by ``author`` at ``date`` (see the module's docstring)."""
    if review.has_changes(old):
        old = review.accepted(old)
    if review.has_changes(new):
        new = review.accepted(new)
    return _Comparison(old, new, Change(author, date)).result()


def canonical(report: Report) -> Report:
    """A copy of ``report`` whose body and footnote content is cut into spans one way (word_diff.canonical_content).

    Compare's laws hold between canonical forms: accepting splits a span
    where a word was inserted, which changes nothing one can see.
    """
    result = copy.deepcopy(report)
    parts: list[Section | Session] = [*result.sections]
    parts += [session for section in result.sections for session in section.sessions]
    for part in parts:
        part.blocks = [dataclasses.replace(block, content=canonical_content(block.content)) for block in part.blocks]
        for block in part.blocks:
            if block.table is not None:
                block.table.rows = [[_spans(canonical_content(cell)) for cell in row] for row in block.table.rows]
    for note in result.footnotes:
        note.content = _spans(canonical_content(note.content))
    return result


# ------------------------------------------------------------------ one draft, flattened


class _Draft:
    """One draft's sections, sessions and blocks in reading order, each with where it sits."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.sections = report.sections
        self.sessions: list[Session] = []
        self.session_section: list[int] = []
        self.blocks: list[Block] = []
        #: The body each block is in: a section's index, or the number of sections plus a session's index.
        self.block_body: list[int] = []
        #: Each section's, session's and block's place in reading order (section heading, its blocks, its sessions).
        self.place: dict[tuple[str, int], int] = {}
        self.section_sessions: list[list[int]] = []
        self.body_blocks: list[list[int]] = []
        #: The blocks of each section, its sessions' included, in reading order.
        self.section_blocks: list[list[int]] = []
        session_bodies: list[list[int]] = []
        for index, section in enumerate(report.sections):
            self.place["section", index] = len(self.place)
            first = len(self.blocks)
            own: list[int] = []
            for block in section.blocks:
                self.place["block", len(self.blocks)] = len(self.place)
                own.append(len(self.blocks))
                self.blocks.append(block)
                self.block_body.append(index)
            self.body_blocks.append(own)
            sessions: list[int] = []
            for session in section.sessions:
                number = len(self.sessions)
                sessions.append(number)
                self.place["session", number] = len(self.place)
                self.sessions.append(session)
                self.session_section.append(index)
                body: list[int] = []
                for block in session.blocks:
                    self.place["block", len(self.blocks)] = len(self.place)
                    body.append(len(self.blocks))
                    self.blocks.append(block)
                    self.block_body.append(len(report.sections) + number)
                session_bodies.append(body)
            self.section_sessions.append(sessions)
            self.section_blocks.append(list(range(first, len(self.blocks))))
        self.body_blocks.extend(session_bodies)
        self._words: dict[int, alignment.Words] = {}

    def block_key(self, index: int) -> str:
        """The folded text of a block, footnote references included: what pairing by content compares.

        A table's is its cells' text after a mark no paragraph's text starts with, so
        that a table pairs by content only with a table.
        """
        block = self.blocks[index]
        if block.table is not None:
            return f"\x01table\x01{fold(block.plain_text)}"
        return "".join(
            f"\x00{item.footnote_id}\x00" if isinstance(item, FootnoteRef) else fold(item.text)
            for item in self.blocks[index].content
        )

    def block_words(self, index: int) -> alignment.Words:
        """The folded words of a block, for weighing how alike two blocks are."""
        found = self._words.get(index)
        if found is None:
            found = self._words[index] = alignment.Words(tokens(self.block_key(index)))
        return found


# ------------------------------------------------------------------ the comparison


class _Comparison:
    def __init__(self, old: Report, new: Report, change: Change) -> None:
        self.old, self.new = _Draft(old), _Draft(new)
        self.change = change
        self.field_changes: list[FieldChange] = []
        self._moves: dict[str, Change] = {}
        self._used: dict[str, set[str]] = {
            "section": {section.id for section in new.sections},
            "session": {session.id for session in self.new.sessions},
            "block": {block.id for block in self.new.blocks},
        }
        self._pair_sections()
        self._pair_blocks()
        self._pair_sessions()
        self._keep_in_place()
        self._name_moves()

    # ---------------------------------------------------------------- pairing

    def _pair_blocks(self) -> None:
        old, new = self.old, self.new
        self.old_keys = alignment.LazyKeys(len(old.blocks), old.block_key)
        self.new_keys = alignment.LazyKeys(len(new.blocks), new.block_key)
        self.block_pairs = alignment.pair(
            self.old_keys,
            self.new_keys,
            [block.id for block in old.blocks],
            [block.id for block in new.blocks],
            compatible=lambda a, b: is_table(old.blocks[a]) == is_table(new.blocks[b]),
            alike=lambda a, b: old.block_words(a).alike(new.block_words(b)),
            # The blocks of two sections that are one section are aligned first, and apart from the others.
            scopes=[(old.section_blocks[a], new.section_blocks[b]) for a, b in sorted(self.section_pairs.items())],
        )

    def _pair_sections(self) -> None:
        old, new = self.old.sections, self.new.sections

        def key(section: Section) -> str:
            return f"{section.kind}\x00{fold(section.heading or '')}"

        self.section_pairs = alignment.pair(
            [key(section) for section in old],
            [key(section) for section in new],
            [section.id for section in old],
            [section.id for section in new],
            compatible=lambda a, b: old[a].kind is new[b].kind,
            ids_tell=True,
            alike=lambda a, b: (
                0.5 + 0.5 * _alike(tokens(fold(old[a].heading or "")), tokens(fold(new[b].heading or "")))
            ),
        )

    def _pair_sessions(self) -> None:
        old, new = self.old, self.new
        shared: Counter[tuple[int, int]] = Counter()
        for a, b in self.block_pairs.items():
            old_body, new_body = old.block_body[a] - len(old.sections), new.block_body[b] - len(new.sections)
            if old_body >= 0 and new_body >= 0:
                shared[old_body, new_body] += 1

        def alike(a: int, b: int) -> float:
            size = len(old.sessions[a].blocks) + len(new.sessions[b].blocks)
            by_blocks = 2 * shared[a, b] / size if size else 0.0
            return max(
                by_blocks, _alike(tokens(_session_text(old.sessions[a])), tokens(_session_text(new.sessions[b])))
            )

        self.session_pairs = alignment.pair(
            [_session_text(session) for session in old.sessions],
            [_session_text(session) for session in new.sessions],
            [session.id for session in old.sessions],
            [session.id for session in new.sessions],
            compatible=lambda a, b: True,
            alike=alike,
            ids_tell=True,
        )

    def _keep_in_place(self) -> None:
        old, new = self.old, self.new
        self.kept_sections = dict(
            alignment.in_order(list(self.section_pairs.items()), lambda pair: self._section_weight(pair[0]))
        )
        candidates: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for a, b in self.session_pairs.items():
            if self.kept_sections.get(old.session_section[a]) == new.session_section[b]:
                candidates[new.session_section[b]].append((a, b))
        self.kept_sessions: dict[int, int] = {}
        for pairs in candidates.values():
            self.kept_sessions.update(alignment.in_order(pairs, lambda pair: self._session_weight(pair[0])))
        # Old body to new body of the sections and sessions kept in place.
        bodies = dict(self.kept_sections)
        bodies.update((len(old.sections) + a, len(new.sections) + b) for a, b in self.kept_sessions.items())
        body_candidates: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for a, b in self.block_pairs.items():
            if bodies.get(old.block_body[a]) == new.block_body[b]:
                body_candidates[new.block_body[b]].append((a, b))
        self.kept_blocks: dict[int, int] = {}
        for old_body, new_body in bodies.items():
            self.kept_blocks.update(
                self._keep_blocks(old.body_blocks[old_body], new.body_blocks[new_body], body_candidates[new_body])
            )
        # A pair by id or content whose halves now stay in place with others is no pair any more.
        self.kept_block_of = {b: a for a, b in self.kept_blocks.items()}
        kept_new = set(self.kept_block_of)
        self.block_pairs = dict(self.kept_blocks) | {
            a: b for a, b in self.block_pairs.items() if a not in self.kept_blocks and b not in kept_new
        }

    def _keep_blocks(self, olds: list[int], news: list[int], paired: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The blocks of a section or session in both drafts that stay in place, as pairs (old, new).

        Not only the pairs found so far: blocks of the same text, or alike, in
        the same body and order stay in place too, whatever their ids say (two
        equal paragraphs swapped are no change anyone could see), and the
        heaviest run of all these in order wins.
        """
        old_keys, new_keys = self.old_keys, self.new_keys
        alike_cache: dict[tuple[int, int], float] = {}

        def alike(pair: tuple[int, int]) -> float:
            found = alike_cache.get(pair)
            if found is None:
                a, b = pair
                same = old_keys[a] == new_keys[b]
                if is_table(self.old.blocks[a]) != is_table(self.new.blocks[b]):
                    found = alike_cache[pair] = 0.0  # a table is never a paragraph reworded
                else:
                    found = alike_cache[pair] = 1.0 if same else self.old.block_words(a).alike(self.new.block_words(b))
            return found

        def weight(pair: tuple[int, int]) -> float:
            # The text the pair keeps (and one, so that a pair of empty blocks counts too).
            return 1.0 + alike(pair) * (len(old_keys[pair[0]]) + len(new_keys[pair[1]])) / 2

        paired = sorted(paired, key=lambda pair: pair[1])
        in_order = all(earlier[0] < later[0] for earlier, later in pairwise(paired))
        kept = paired if in_order else alignment.in_order(paired, weight)
        if len(kept) == len(paired) and len(kept) in (len(olds), len(news)):
            return kept  # nothing moved, and nothing left on one side to pair
        same_text: dict[str, list[int]] = defaultdict(list)
        for b in news:
            same_text[new_keys[b]].append(b)
        candidates = paired + [(a, b) for a in olds for b in same_text.get(old_keys[a], ())[: alignment.WINDOW]]
        kept = alignment.in_order(candidates, weight)
        kept_old, kept_new = {a for a, _b in kept}, {b for _a, b in kept}
        left_old = [a for a in olds if a not in kept_old]
        left_new = [b for b in news if b not in kept_new]
        if not left_old or not left_new:
            return kept
        if len(left_old) * len(news) + len(olds) * len(left_new) <= alignment.SEARCH_LIMIT:
            # Few enough to weigh: alike blocks are candidates too, and the heaviest run wins.
            similar = [(a, b) for a in left_old for b in news] + [(a, b) for a in olds for b in left_new]
            return alignment.in_order(
                candidates + [pair for pair in similar if alike(pair) >= alignment.PAIR_THRESHOLD], weight
            )
        # Otherwise alike blocks pair in order between the blocks kept.
        for olds_between, news_between in alignment.gaps(olds, news, kept):
            kept.extend(alignment.align(olds_between, news_between, lambda a, b: True, lambda a, b: alike((a, b))))
        return kept

    def _session_weight(self, index: int) -> int:
        session = self.old.sessions[index]
        return 1 + len(session.title) + sum(len(block.plain_text) for block in session.blocks)

    def _section_weight(self, index: int) -> int:
        section = self.old.sections[index]
        weight = 1 + len(section.heading or "") + sum(len(block.plain_text) for block in section.blocks)
        return weight + sum(self._session_weight(number) for number in self.old.section_sessions[index])

    def _name_moves(self) -> None:
        # One move name for each run of parts that moved together: consecutive in the new draft, and their
        # partners consecutive in the old one.
        moved: dict[tuple[str, int], tuple[str, int]] = {}
        for kind, pairs, kept in (
            ("section", self.section_pairs, self.kept_sections),
            ("session", self.session_pairs, self.kept_sessions),
            ("block", self.block_pairs, self.kept_blocks),
        ):
            for a, b in pairs.items():
                if a not in kept:
                    moved[kind, b] = (kind, a)
        self.new_move: dict[tuple[str, int], str] = {}
        self.old_move: dict[tuple[str, int], str] = {}
        previous: int | None = None
        name = ""
        for item, _place in sorted(self.new.place.items(), key=lambda entry: entry[1]):
            partner = moved.get(item)
            if partner is None:
                previous = None
                continue
            old_place = self.old.place[partner]
            if previous is None or old_place != previous + 1:
                name = f"move{len(self._moves) + 1}"
                self._moves[name] = Change(self.change.author, self.change.date, name)
            self.new_move[item] = self.old_move[partner] = name
            previous = old_place

    # ---------------------------------------------------------------- building the result

    def result(self) -> Report:
        old, new = self.old.report, self.new.report
        self._title(old.title, new.title)
        kept = sorted(self.kept_sections.items())
        sections = [
            self._kept_section(a, b) if a is not None and b is not None else self._whole_section(a, b)
            for a, b in alignment.merge(list(range(len(old.sections))), list(range(len(new.sections))), kept)
        ]
        return Report(
            language=new.language,
            title=copy.copy(new.title),
            sections=sections,
            footnotes=self._footnotes(),
            author=new.author,
            created=new.created,
            modified=new.modified,
            template=new.template,
            field_changes=self.field_changes,
            comments=[_copy_record(comment) for comment in new.comments],
        )

    def _mark(self, kind: str, index: int, *, old: bool) -> Change:
        name = (self.old_move if old else self.new_move).get((kind, index))
        return self._moves[name] if name else self.change

    def _old_id(self, kind: str, ident: str) -> str:
        # An old part shown deleted keeps its id unless the new draft (or another deleted part) has it.
        used = self._used[kind]
        while ident in used:
            ident = new_id()
        used.add(ident)
        return ident

    def _field(self, settable: Field[Any, Any], owner: str, old: Any, new: Any) -> None:
        if old != new:
            value = list(old) if isinstance(old, list) else old
            self.field_changes.append(FieldChange(repr(settable), owner, value, self.change))

    def _title(self, old: TitleBlock, new: TitleBlock) -> None:
        for settable in _TITLE_FIELDS:
            self._field(settable, "", settable.get(old), settable.get(new))

    def _kept_section(self, a: int, b: int) -> Section:
        old, new = self.old.sections[a], self.new.sections[b]
        self._field(HEADING, new.id, old.heading, new.heading)
        self._field(LEVEL, new.id, old.level, new.level)
        self._field(PARTICIPANTS, new.id, [_copy_record(item) for item in old.participants], list(new.participants))
        kept = sorted((x, y) for x, y in self.kept_sessions.items() if self.new.session_section[y] == b)
        sessions = [
            self._kept_session(x, y) if x is not None and y is not None else self._whole_session(x, y)
            for x, y in alignment.merge(self.old.section_sessions[a], self.new.section_sessions[b], kept)
        ]
        return Section(
            new.kind,
            new.heading,
            new.level,
            self._body(self.old.body_blocks[a], self.new.body_blocks[b]),
            [_copy_record(item) for item in new.participants],
            sessions,
            new.id,
        )

    def _whole_section(self, a: int | None, b: int | None) -> Section:
        if b is not None:
            section, change, ident = self.new.sections[b], self._mark("section", b, old=False), None
            sessions = [self._whole_session(None, y) for y in self.new.section_sessions[b]]
            blocks = self._body([], self.new.body_blocks[b])
        else:
            assert a is not None
            section, change = self.old.sections[a], self._mark("section", a, old=True)
            ident = self._old_id("section", section.id)
            sessions = [self._whole_session(x, None) for x in self.old.section_sessions[a]]
            blocks = self._body(self.old.body_blocks[a], [])
        return Section(
            section.kind,
            section.heading,
            section.level,
            blocks,
            [_copy_record(item) for item in section.participants],
            sessions,
            section.id if ident is None else ident,
            inserted=change if b is not None else None,
            deleted=change if b is None else None,
        )

    def _kept_session(self, a: int, b: int) -> Session:
        old, new = self.old.sessions[a], self.new.sessions[b]
        self._field(SESSION_TITLE, new.id, old.title, new.title)
        self._field(GOALS, new.id, old.goals, new.goals)
        sections = len(self.old.sections), len(self.new.sections)
        blocks = self._body(self.old.body_blocks[sections[0] + a], self.new.body_blocks[sections[1] + b])
        return Session(new.title, list(new.goals), blocks, new.id)

    def _whole_session(self, a: int | None, b: int | None) -> Session:
        if b is not None:
            session = self.new.sessions[b]
            change = self._mark("session", b, old=False)
            blocks = self._body([], self.new.body_blocks[len(self.new.sections) + b])
            return Session(session.title, list(session.goals), blocks, session.id, inserted=change)
        assert a is not None
        session = self.old.sessions[a]
        change = self._mark("session", a, old=True)
        blocks = self._body(self.old.body_blocks[len(self.old.sections) + a], [])
        ident = self._old_id("session", session.id)
        return Session(session.title, list(session.goals), blocks, ident, deleted=change)

    def _body(self, olds: list[int], news: list[int]) -> list[Block]:
        kept = sorted((self.kept_block_of[b], b) for b in news if b in self.kept_block_of)
        result: list[Block] = []
        for a, b in alignment.merge(olds, news, kept):
            if a is not None and b is not None:
                result.extend(self._kept_block(self.old.blocks[a], self.new.blocks[b]))
            elif b is not None:
                result.append(self._inserted_block(self.new.blocks[b], self._mark("block", b, old=False)))
            else:
                assert a is not None
                result.append(self._deleted_block(self.old.blocks[a], self._mark("block", a, old=True)))
        return table_safe_order(result)

    def _inserted_block(self, block: Block, change: Change) -> Block:
        return whole_block(block, block.id, inserted=change)

    def _deleted_block(self, block: Block, change: Change) -> Block:
        return whole_block(block, self._old_id("block", block.id), deleted=change)

    def _kept_block(self, old: Block, new: Block) -> list[Block]:
        """A pair of blocks in place: one block word-diffed, or the old one deleted whole and the new one inserted.

        A table, or an action item whose owners, deadline or status changed (or that
        became or stopped being one), has no pending change of its own for what
        differs: it is replaced whole, so that Reject All gives the old one back.
        Equal tables (emphasis and text; comments are the new draft's) stay as they are.
        """
        if same_table(old, new):
            return [whole_block(new, new.id)]
        if replaced_whole(old, new):
            return [self._deleted_block(old, self.change), self._inserted_block(new, self.change)]
        content = (
            copied(new.content) if old.content == new.content else diff_content(old.content, new.content, self.change)
        )
        old_format = None
        if (old.kind, old.level) != (new.kind, new.level):
            old_format = BlockFormatChange(self.change, old.kind, old.level)
        return [Block(new.kind, content, new.level, new.id, old_format=old_format, action=copy.deepcopy(new.action))]

    def _footnotes(self) -> list[Footnote]:
        old, new = self.old.report.footnotes, self.new.report.footnotes
        old_at = {note.id: index for index, note in enumerate(old)}
        kept = alignment.in_order([(old_at[note.id], index) for index, note in enumerate(new) if note.id in old_at])
        kept_old = {a for a, _b in kept}
        # A footnote in both drafts whose place in the list changed stays one footnote, at its new place.
        new_ids = {note.id for note in new}
        olds = [index for index, note in enumerate(old) if note.id not in new_ids or index in kept_old]
        result: list[Footnote] = []
        for a, b in alignment.merge(olds, list(range(len(new))), kept):
            if b is None:
                assert a is not None
                spans = marked(old[a].content, deleted=self.change)
                result.append(Footnote(old[a].id, _spans(spans), deleted=self.change))
            elif new[b].id in old_at:
                before, after = old[old_at[new[b].id]].content, new[b].content
                content = copied(after) if before == after else diff_content(before, after, self.change)
                result.append(Footnote(new[b].id, _spans(content)))
            else:
                spans = marked(new[b].content, inserted=self.change)
                result.append(Footnote(new[b].id, _spans(spans), inserted=self.change))
        return result


def _spans(content: list[Inline]) -> list[Span]:
    return [item for item in content if isinstance(item, Span)]


def _alike(old: Sequence[str], new: Sequence[str]) -> float:
    return alignment.Words(list(old)).alike(alignment.Words(list(new)))


def _session_text(session: Session) -> str:
    return fold("\n".join([session.title, *session.goals]))


def _copy_record(record: _T) -> _T:
    return copy.copy(record)
