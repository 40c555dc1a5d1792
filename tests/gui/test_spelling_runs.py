"""The spell underlines check a paragraph run by run (runs of text without whitespace) and remember each run.

That is only right if checking a whole paragraph finds exactly what checking
its runs one by one finds: no word, URL or mail address crosses whitespace.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_editor.gui.spelling_support import _RUN_RE
from minutes_editor.spelling import SpellChecker
from minutes_editor.spelling.dictionaries import enchant_module
from minutes_editor.storage.minutes_file import load_report
from tests.support.examples import example_path

EXAMPLE = example_path("ar")
# Letters of both scripts, marks, joiners, apostrophes, digits, punctuation and several kinds of whitespace.
ALPHABET = "abcEU'’\u200c\u200dhtp:/.wx@-،؛؟,قالمنـَ٣3 \t\u00a0\u2029\u2028"

pytestmark = pytest.mark.skipif(enchant_module() is None, reason="the Enchant library is not installed")


def _by_runs(checker: SpellChecker, text: str) -> list[tuple[int, int]]:
    return [
        (match.start() + start, match.start() + end)
        for match in _RUN_RE.finditer(text)
        for start, end, _word in checker.check(match.group())
    ]


def _whole(checker: SpellChecker, text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _word in checker.check(text)]


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    return SpellChecker("ar", None)


def test_the_example_report_checks_the_same_run_by_run(checker: SpellChecker) -> None:
    texts = [block.plain_text for block in load_report(EXAMPLE).all_blocks()]
    texts.append("see https://www.budapestprocess.org/x, or mail info@icmpd.org; ممثلل EUالاتحاد G20")
    for text in texts:
        assert _by_runs(checker, text) == _whole(checker, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_any_text_checks_the_same_run_by_run(checker: SpellChecker, text: str) -> None:
    assert _by_runs(checker, text) == _whole(checker, text)
