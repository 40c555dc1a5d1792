"""Pairing the parts of two drafts: by id, by equal text in order and out of order, by alike text; what stays in place.

The steps compare (model/compare.py) takes for blocks, sections and sessions
alike, on their indices: ``pair`` finds which old part is which new one,
``align`` the most alike pairs in order within a stretch, ``in_order`` the
heaviest run of pairs in the same order in both drafts (what did not move),
``merge`` both drafts' parts in one reading order around the pairs kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Protocol

from minutes_editor.model.word_diff import similarity

#: Two blocks are one block reworded when at least this alike (word_diff.similarity): below a third, showing
#: them as one deleted and one inserted block changes no more text than 1.5 times their word-level difference.
PAIR_THRESHOLD = 1 / 3
#: A block deleted in one place and inserted in another is shown as moved when at least this alike.
MOVE_THRESHOLD = 0.8
#: At most this many pairs of candidates are weighed in one stretch of unpaired blocks; beyond, a narrower search.
SEARCH_LIMIT = 400
#: How far from the diagonal the narrower search looks for a partner.
WINDOW = 12
#: Beyond this many cells, stretches of unpaired blocks are aligned greedily.
DP_LIMIT = 250_000


class Words:
    """A text's words, with what it takes to bound how much two texts share before measuring it."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.size = sum(map(len, words))
        self._counts: Counter[str] | None = None

    @property
    def counts(self) -> Counter[str]:
        """How often each word comes (made when first asked for)."""
        if self._counts is None:
            self._counts = Counter(self.words)
        return self._counts

    def alike(self, other: Words) -> float:
        """word_diff.similarity of the two texts, or 0 when a cheap bound shows it below ``PAIR_THRESHOLD``."""
        total = self.size + other.size
        if total == 0:
            return 1.0
        if 2 * min(self.size, other.size) / total < PAIR_THRESHOLD:
            return 0.0
        mine, theirs = self.counts, other.counts
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        # The text the two share in order cannot exceed what they share in any order.
        shared = sum(min(count, theirs[word]) * len(word) for word, count in mine.items() if word in theirs)
        if 2 * shared / total < PAIR_THRESHOLD:
            return 0.0
        return similarity(self.words, other.words)


# ------------------------------------------------------------------ pairing


class Keys(Protocol):
    """What pairing compares of each part, by index: a list, or ``LazyKeys``."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int) -> str: ...


class LazyKeys:
    """Keys made when first asked for: parts paired by id are never read whole."""

    def __init__(self, count: int, make: Callable[[int], str]) -> None:
        self._values: list[str | None] = [None] * count
        self._make = make

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index: int) -> str:
        value = self._values[index]
        if value is None:
            value = self._values[index] = self._make(index)
        return value


def pair(
    old_keys: Keys,
    new_keys: Keys,
    old_ids: Sequence[str],
    new_ids: Sequence[str],
    *,
    compatible: Callable[[int, int], bool],
    alike: Callable[[int, int], float],
    ids_tell: bool = False,
    scopes: Sequence[tuple[list[int], list[int]]] = (),
) -> dict[int, int]:
    """Old index to new index of the parts that are one part in both drafts (see the module's docstring).

    ``ids_tell``: when the drafts share ids, a part whose id is in one draft
    only is new or gone, whatever its text (the window gives a new section or
    session a new id, where a paragraph split or pasted may get one).
    ``scopes``: stretches (old indices, new indices) to align in order first,
    such as the blocks of two sections already paired; then all that is left.
    """
    pairs: dict[int, int] = {}
    old_count, new_count = Counter(old_ids), Counter(new_ids)
    new_by_id = {ident: index for index, ident in enumerate(new_ids) if new_count[ident] == 1}
    for index, ident in enumerate(old_ids):
        partner = new_by_id.get(ident) if old_count[ident] == 1 else None
        if partner is not None and compatible(index, partner):
            pairs[index] = partner
    if ids_tell and pairs:
        return pairs
    taken = set(pairs.values())
    gaps: list[tuple[list[int], list[int]]] = []

    def match_in_order(olds: list[int], news: list[int]) -> None:
        # Equal text in the same order; what lies between is a gap, to look into below.
        olds = [a for a in olds if a not in pairs]
        news = [b for b in news if b not in taken]
        if not olds or not news:
            gaps.append((olds, news))
            return
        matcher = SequenceMatcher(None, [old_keys[a] for a in olds], [new_keys[b] for b in news], False)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if tag != "equal":
                gaps.append((olds[old_start:old_end], news[new_start:new_end]))
                continue
            for a, b in zip(olds[old_start:old_end], news[new_start:new_end], strict=True):
                if compatible(a, b):
                    pairs[a] = b
                    taken.add(b)

    for olds, news in scopes:
        match_in_order(olds, news)
    match_in_order(list(range(len(old_keys))), list(range(len(new_keys))))
    old_free = [a for a in range(len(old_keys)) if a not in pairs and old_keys[a].strip()]
    new_free = [b for b in range(len(new_keys)) if b not in taken and new_keys[b].strip()]
    # Equal text out of order: a move (blank parts never count as moved).
    waiting: dict[str, list[int]] = defaultdict(list)
    for b in new_free:
        waiting[new_keys[b]].append(b)
    for a in old_free:
        partner = next((b for b in waiting.get(old_keys[a], ()) if b not in taken and compatible(a, b)), None)
        if partner is not None:
            pairs[a] = partner
            taken.add(partner)
    # Reworded in place: the most alike pairs in order within each stretch left between the pairs found.
    for olds, news in gaps:
        for a, b in align([a for a in olds if a not in pairs], [b for b in news if b not in taken], compatible, alike):
            if a not in pairs and b not in taken:
                pairs[a] = b
                taken.add(b)
    # Nearly equal out of order: a move again.
    old_free = [a for a in old_free if a not in pairs]
    new_free = [b for b in new_free if b not in taken]
    if old_free and new_free and len(old_free) * len(new_free) <= SEARCH_LIMIT * 4:
        for a in old_free:
            best, best_score = None, MOVE_THRESHOLD
            for b in new_free:
                if b in taken or not compatible(a, b):
                    continue
                score = alike(a, b)
                if score >= best_score:
                    best, best_score = b, score
            if best is not None:
                pairs[a] = best
                taken.add(best)
    return pairs


def align(
    olds: list[int], news: list[int], compatible: Callable[[int, int], bool], alike: Callable[[int, int], float]
) -> list[tuple[int, int]]:
    """Pairs of alike parts in order, as many and as alike as can be (a weighted longest common subsequence).

    Every pair is weighed when there are few (``SEARCH_LIMIT``); otherwise
    only those near the diagonal (``WINDOW``), and beyond ``DP_LIMIT`` cells
    each old part takes the most alike of the next few new ones.
    """
    if not olds or not news:
        return []
    rows, cols = len(olds), len(news)
    greedy = rows * cols > DP_LIMIT
    # How far from the diagonal a pair is weighed (the greedy search keeps to its own diagonal).
    band = max(rows, cols) if rows * cols <= SEARCH_LIMIT or greedy else WINDOW
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        found = scores.get((i, j))
        if found is None:
            found = 0.0
            if abs(j - i * cols / rows) <= band and compatible(olds[i], news[j]):
                value = alike(olds[i], news[j])
                found = value if value >= PAIR_THRESHOLD else 0.0
            scores[i, j] = found
        return found

    if greedy:
        result: list[tuple[int, int]] = []
        start = 0
        for i, a in enumerate(olds):
            best, partner = max(((score(i, j), j) for j in range(start, min(cols, start + WINDOW))), default=(0.0, 0))
            # Unless a later old part is more like it: then this one was deleted, and that one is its partner.
            if best > 0 and all(score(later, partner) <= best for later in range(i + 1, min(rows, i + WINDOW))):
                result.append((a, news[partner]))
                start = partner + 1
        return result
    table = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows):
        low, high = max(0, int(i * cols / rows - band)), min(cols, int(i * cols / rows + band) + 1)
        row, above = table[i + 1], table[i]
        for j in range(cols):
            here = score(i, j) if low <= j < high else 0.0
            row[j + 1] = max(above[j + 1], row[j], above[j] + here if here else 0.0)
    found: list[tuple[int, int]] = []
    i, j = rows, cols
    while i and j:
        here = scores.get((i - 1, j - 1), 0.0)
        if here and table[i][j] == table[i - 1][j - 1] + here:
            found.append((olds[i - 1], news[j - 1]))
            i, j = i - 1, j - 1
        elif table[i][j] == table[i - 1][j]:
            i -= 1
        else:
            j -= 1
    found.reverse()
    return found


def in_order(
    pairs: list[tuple[int, int]], weight: Callable[[tuple[int, int]], float] = lambda pair: 1
) -> list[tuple[int, int]]:
    """The pairs (old, new) that stay in place: the heaviest run of them in the same order in both drafts, sorted.

    The others moved; weighing each pair by the text it keeps (``weight``)
    makes the short parts the ones shown moving, as a reader would say it.
    """
    if not pairs:
        return []
    # By new index, and for one new index the highest old first, so that a run takes each part once.
    ordered = sorted(set(pairs), key=lambda pair: (pair[1], -pair[0]))
    olds = sorted({old for old, _new in ordered})
    rank = {old: index + 1 for index, old in enumerate(olds)}
    # A Fenwick tree over old ranks: the heaviest run ending below a rank, and the pair it ends with.
    tree_weight = [0.0] * (len(olds) + 1)
    tree_end = [-1] * (len(olds) + 1)
    before = [-1] * len(ordered)
    totals = [0.0] * len(ordered)
    for index, (old, _new) in enumerate(ordered):
        best, best_end = 0.0, -1
        position = rank[old] - 1
        while position > 0:
            if tree_weight[position] > best:
                best, best_end = tree_weight[position], tree_end[position]
            position -= position & -position
        totals[index] = best + weight(ordered[index])
        before[index] = best_end
        position = rank[old]
        while position <= len(olds):
            if totals[index] > tree_weight[position]:
                tree_weight[position], tree_end[position] = totals[index], index
            position += position & -position
    run: list[tuple[int, int]] = []
    index = max(range(len(ordered)), key=totals.__getitem__)
    while index >= 0:
        run.append(ordered[index])
        index = before[index]
    run.reverse()
    return run


def gaps(olds: list[int], news: list[int], kept: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """The stretches of old and new parts between the kept pairs (sorted), each as (olds, news)."""
    result: list[tuple[list[int], list[int]]] = []
    old_at = {value: index for index, value in enumerate(olds)}
    new_at = {value: index for index, value in enumerate(news)}
    old_next = new_next = 0
    for old, new in [*kept, (None, None)]:
        old_stop = len(olds) if old is None else old_at[old]
        new_stop = len(news) if new is None else new_at[new]
        result.append((olds[old_next:old_stop], news[new_next:new_stop]))
        old_next, new_next = old_stop + 1, new_stop + 1
    return result


def merge(olds: list[int], news: list[int], kept: list[tuple[int, int]]) -> list[tuple[int | None, int | None]]:
    """Both drafts' parts in one order: the kept pairs in place, between them the old parts, then the new ones."""
    result: list[tuple[int | None, int | None]] = []
    old_at = {value: index for index, value in enumerate(olds)}
    new_at = {value: index for index, value in enumerate(news)}
    old_next = new_next = 0
    for old, new in [*kept, (None, None)]:
        old_stop = len(olds) if old is None else old_at[old]
        new_stop = len(news) if new is None else new_at[new]
        result.extend((item, None) for item in olds[old_next:old_stop])
        result.extend((None, item) for item in news[new_next:new_stop])
        if old is not None:
            result.append((old, new))
        old_next, new_next = old_stop + 1, new_stop + 1
    return result
