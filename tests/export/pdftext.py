"""Find a document's paragraphs, in order, in the text pdftotext extracts from its PDF.

pdftotext keeps lines, but not the logical order of right-to-left text: the
words of an Arabic line come out in visual or mixed order, lam-alef
ligatures come out reversed ("اال" for "الا"), a shadda can be split off its
letter, and LibreOffice's kashida justification shows up as "8" or "i"
inside words. So a paragraph is compared as a bag of word keys (a word's
letters, normalised and sorted), and located as a run of consecutive lines:

- it starts at the first line, after the previous paragraph's end, a good
  share of whose words belong to the paragraph (not most: pdftotext may cut
  a right-to-left line in two and put the pieces on separate lines);
- it takes following lines while a good share of their words belong to it,
  skipping at most a few foreign lines (a page number, a footnote at a page
  break);
- at least ``coverage`` of its word keys must be found there (all but one
  for a paragraph of four to six words, all of a shorter one).

A paragraph missing from the PDF, or two paragraphs in the wrong order, fail
to be found after the previous one; tests/export/test_render.py checks that
the comparison does fail for both.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Kashida stretches come out as glyphs of the fallback font: "8" with one font, "i" with another.
_KASHIDA_DIGITS = re.compile("(?<=[\u0620-\u064a\u066e-\u06d3])[8i]+(?=[\u0620-\u064a\u066e-\u06d3])")
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_DETACHED_MARK = re.compile("\\s+(?=[\u064b-\u065f\u0670])")
_WORD = re.compile(r"[^\W_]+")
#: A word for recall: a run of letters, or of digits (pdftotext glues a number to the word beside it).
_RECALL_WORD = re.compile(r"\d+|[^\W\d_]+")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def normalise(text: str) -> str:
    """Text with presentation forms decomposed and bidi controls, tatweel, harakat and kashida artifacts removed."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROLS.sub("", text)
    text = _DETACHED_MARK.sub("", text)
    text = _MARKS.sub("", text)
    return _KASHIDA_DIGITS.sub("", text)


def word_keys(text: str) -> list[str]:
    """Order-insensitive keys of the words of ``text``: each word's letters sorted, lower case."""
    keys = []
    for word in _WORD.findall(normalise(text).lower()):
        # Letters and digits glued by extraction ("كوسوفو1") are separate words.
        keys.extend("".join(sorted(part)) for part in re.findall(r"\d+|[^\W\d_]+", word))
    return keys


@dataclass(frozen=True)
class Located:
    """Where a paragraph was found: first and last line index, and the share of its words found."""

    first: int
    last: int
    coverage: float


@dataclass(frozen=True)
class Miss:
    """A paragraph not found after the previous one."""

    index: int
    text: str
    reason: str


def _belongs(line: list[str], wanted: Counter[str]) -> float:
    if not line:
        return 0.0
    return sum(1 for key in line if key in wanted) / len(line)


def locate(
    lines: list[list[str]],
    paragraph: str,
    start: int,
    *,
    coverage: float = 0.85,
    max_skipped: int = 8,
    share: float = 0.3,
) -> Located | None:
    """Find ``paragraph`` in ``lines`` (word keys per line) at or after line ``start``."""
    wanted = Counter(word_keys(paragraph))
    if not wanted:
        return Located(start, start - 1, 1.0)
    total = sum(wanted.values())
    # A short paragraph may lose one word to extraction (a vowel mark splitting it), a long one a few more.
    needed = total - (max(1, int(total * (1 - coverage))) if total >= 4 else 0)
    for first in range(start, len(lines)):
        if _belongs(lines[first], wanted) < share:
            continue
        found: Counter[str] = Counter()
        matched, last, skipped = 0, first, 0
        for index in range(first, len(lines)):
            line = lines[index]
            if not line:
                continue
            reached = matched >= needed
            # Once enough is found, only lines clearly of this paragraph extend it.
            if _belongs(line, wanted) >= (0.5 if reached else share):
                found.update(key for key in line if key in wanted)
                now = sum((found & wanted).values())
                if now > matched:
                    matched, last = now, index
                skipped = 0
                if matched == total:
                    break
            elif reached:
                break
            else:
                skipped += 1
                if skipped > max_skipped:
                    break
        if matched >= needed:
            return Located(first, last, matched / total)
    return None


def find_in_order(text: str, paragraphs: list[str], *, coverage: float = 0.85) -> tuple[list[Located], list[Miss]]:
    """Locate each paragraph after the previous one in pdftotext output ``text``."""
    lines = [word_keys(line) for line in text.splitlines()]
    cursor = 0
    located: list[Located] = []
    misses: list[Miss] = []
    for index, paragraph in enumerate(paragraphs):
        where = locate(lines, paragraph, cursor, coverage=coverage)
        if where is None:
            misses.append(Miss(index, paragraph, f"not found after line {cursor}"))
            continue
        located.append(where)
        cursor = where.last + 1
    return located, misses


def docx_words(docx: Path) -> list[str]:
    """The words of a .docx's paragraphs and footnotes, as typed (NFC): runs of letters, or of digits."""
    words: list[str] = []
    with zipfile.ZipFile(docx) as archive:
        for part in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(archive.read(part))
            for paragraph in root.iter(f"{_W}p"):
                text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
                words += _RECALL_WORD.findall(unicodedata.normalize("NFC", text))
    return words


def word_recall(docx: Path, text: str) -> tuple[float, list[str]]:
    """The share of ``docx``'s words (with repeats) found whole in pdftotext's ``text`` of its PDF; the missing.

    Only bidi controls are taken out of ``text`` (a search or a copy does not
    see them): a lam-alef given back reversed, or a kashida shown as a digit
    inside a word, loses that word.
    """
    expected = Counter(docx_words(docx))
    found = Counter(_RECALL_WORD.findall(unicodedata.normalize("NFC", _CONTROLS.sub("", text))))
    missing = expected - found
    return 1 - missing.total() / expected.total(), sorted(missing)
