"""The flat form carries the marks (render.flow), a field's values become one marked text (render.diff), and any
report whose spans carry random marks exports schema-valid with both views of every paragraph right."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor.export.docx_writer import render_docx
from minutes_editor.export.text import clean_xml_text
from minutes_editor.model.report import Change, FormatChange, Inline, Report, Span
from minutes_editor.render.diff import marked_text, tokens
from minutes_editor.render.flow import FormerEmphasis, FormerRole, Mark, NoteMark, Role, Run, flatten
from tests.export.reports import Docx
from tests.export.review_cases import ALICE, BOB, case
from tests.export.word_views import Text, view
from tests.strategies import XML_CHARACTERS, reports, texts
from tests.support.ooxml import validate_part, wml_schema

WORDS = st.lists(st.sampled_from(["a", "b", "c", "b c", "كلمة", "  ", "x.", ""]), max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(WORDS, min_size=1, max_size=4))
def test_keeping_what_no_step_deleted_gives_the_last_value_and_what_no_step_inserted_the_first(
    first: str, later: list[str]
) -> None:
    steps = [(index, text) for index, text in enumerate(later)]
    pieces = marked_text(first, steps)
    assert "".join(p.text for p in pieces if p.deleted is None) == later[-1]
    assert "".join(p.text for p in pieces if p.inserted is None) == first
    # Every step in between is there too: what was inserted by then and not yet deleted.
    for index, text in enumerate(later):
        shown = [
            p.text
            for p in pieces
            if (p.inserted is None or p.inserted <= index) and (p.deleted is None or p.deleted > index)
        ]
        assert "".join(shown) == text
    # No piece is deleted before it was inserted, and neighbours with the same marks are joined.
    assert all(p.inserted is None or p.deleted is None or p.inserted < p.deleted for p in pieces)
    assert all((a.inserted, a.deleted) != (b.inserted, b.deleted) for a, b in itertools.pairwise(pieces))


def test_a_changed_word_is_deleted_whole_and_its_replacement_follows_it() -> None:
    pieces = marked_text("Location: Budapest, Hungary", [("B", "Location: Vienna, Hungary")])
    assert [(p.text, p.inserted, p.deleted) for p in pieces] == [
        ("Location: ", None, None),
        ("Budapest,", None, "B"),
        ("Vienna,", "B", None),
        (" Hungary", None, None),
    ]
    assert tokens("a  b") == ["a", "  ", "b"]


def test_the_flow_carries_every_mark_and_stays_hashable() -> None:
    report = case("en", "draft")
    flow = flatten(report)
    # The preview keys its chunks by paragraphs: frozen marks, not the model's records.
    assert hash(flow.paragraphs) == hash(flatten(report).paragraphs)
    runs = [item for p in flow.paragraphs for item in p.inlines if isinstance(item, Run)]
    alice = Mark(ALICE.author, ALICE.date)
    assert any(run.inserted == alice and run.deleted is None for run in runs)
    assert any(run.inserted == alice and run.deleted == Mark(BOB.author, BOB.date) for run in runs)
    assert any(run.former == FormerEmphasis(Mark(BOB.author, BOB.date), italic=True) for run in runs)
    assert any(run.comments == ("c1", "c2") for run in runs)
    notes = [item for p in flow.paragraphs for item in p.inlines if isinstance(item, NoteMark)]
    assert [(n.inserted is not None, n.deleted is not None) for n in notes] == [(True, False), (False, True)]
    formers = [p.former for p in flow.paragraphs if p.former is not None]
    assert formers == [FormerRole(Mark(BOB.author, BOB.date), Role.BODY), FormerRole(alice, Role.BULLET, 1)]
    heading = next(p for p in flow.paragraphs if p.role is Role.HEADING)
    assert heading.comments == ("c4",)
    assert heading.text == "Why we met"  # the current text: what the preview's text and the watermark read
    assert flow.unplaced == ()
    assert [remark.id for remark in flow.comments] == ["c1", "c2", "c3", "c4"]


# ------------------------------------------------------------------ random marks on random reports

DATES = st.none() | st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
    lambda value: value.replace(tzinfo=dt.UTC)
)
CHANGES = st.builds(Change, st.sampled_from(["Alice", "Bob", "زهراء", ""]), DATES)


@st.composite
def marked_reports(draw: st.DrawFn) -> Report:
    """A random report whose spans carry random insertions, deletions and formatting changes."""
    report = draw(reports(text=texts(XML_CHARACTERS), canonical=True))
    for block in report.all_blocks():
        content: list[Inline] = []
        for item in block.content:
            if isinstance(item, Span):
                kind = draw(st.sampled_from(["none", "ins", "del", "both", "format"]))
                if kind in ("ins", "both"):
                    item.inserted = draw(CHANGES)
                if kind in ("del", "both"):
                    item.deleted = draw(CHANGES)
                if kind == "format":
                    item.old_format = FormatChange(draw(CHANGES), bold=not item.bold, italic=draw(st.booleans()))
            content.append(item)
        block.content = content
    return report


def _text_after(report: Report, *, accept: bool) -> list[str]:
    """Each body paragraph's text once every span mark is accepted or rejected (no block marks here)."""
    seen: set[int] = set()

    def shown(item: object) -> str:
        if isinstance(item, Run):
            return item.text if (item.deleted is None if accept else item.inserted is None) else ""
        assert isinstance(item, NoteMark)
        # A second reference to a note is a NOTEREF field showing the note's number as text.
        again = item.number in seen
        seen.add(item.number)
        return str(item.number) if again else ""

    return ["".join(shown(item) for item in paragraph.inlines) for paragraph in flatten(report).paragraphs]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(marked_reports())
def test_any_report_with_marked_spans_exports_valid_with_both_views_of_every_paragraph(report: Report) -> None:
    data = render_docx(report).data
    for accept in (True, False):
        shown = [
            "".join(item.text for item in p.items if isinstance(item, Text)) for p in view(data, accept=accept).body
        ]
        assert shown == [clean_xml_text(text).text for text in _text_after(report, accept=accept)]
    schema = wml_schema()
    if schema is not None:
        parts = Docx.read(data).parts
        for name in ("word/document.xml", "word/footnotes.xml"):
            assert validate_part(parts[name], schema) == [], name
