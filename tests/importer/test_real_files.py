"""The 85 real .docx files of pandoc's reader tests (79 saved by Word): each imports with its text kept, or
is refused with a clear message; none crashes.

Text is compared twice. Against our own reading of the XML (tests.importer.helpers.xml_texts): the same
words, both ways. Against ``pandoc -t plain`` when pandoc is installed: every word pandoc shows is in the
report or in the import notes (pandoc shows image descriptions and comments as text, where the importer
lists them), once pandoc's note marks ("[1]") are taken out.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from minutes_editor.importer import DocxImportError, InternalImportError, import_docx
from minutes_editor.model.report import BlockKind, Change, SectionKind, Span
from tests.importer.helpers import assert_saves_and_loads, report_texts, word_counts, xml_texts
from tests.support.word_views import read_views

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-docx" / "pandoc-test"
FILES = sorted(REAL.glob("*.docx")) if REAL.is_dir() else []
PER_FILE = 10.0  # seconds: generous; each takes well under 0.1 s here

pytestmark = pytest.mark.skipif(not FILES, reason=f"real files not found in {REAL}")


def test_all_85_files_are_there() -> None:
    assert len(FILES) == 85


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_imports_with_text_kept_or_refuses_clearly(path: Path) -> None:
    start = time.perf_counter()
    refusal: DocxImportError | None = None
    try:
        result = import_docx(path)
    except DocxImportError as error:
        refusal = error
    assert time.perf_counter() - start < PER_FILE
    if refusal is not None:
        assert not isinstance(refusal, InternalImportError), f"a bug, not a refusal: {refusal.__cause__!r}"
        message = str(refusal)
        assert message.startswith(f"{path.name}: ")
        assert len(message) > len(path.name) + 10
        return
    report = result.report
    expected = word_counts(xml_texts(path))
    found = word_counts(report_texts(report))
    assert expected - found == {}, f"lost: {expected - found}"
    assert found - expected == {}, f"invented: {found - expected}"
    # What comes out is a valid report: it saves and loads as a .minutes file.
    assert_saves_and_loads(report)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_words_pandoc_reads_are_kept(path: Path) -> None:
    reading = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if reading.returncode != 0:
        pytest.skip(f"pandoc cannot read {path.name} either: {reading.stderr.strip()[:80]}")
    result = import_docx(path)
    pandoc_words = word_counts([re.sub(r"\[\d+\]", " ", reading.stdout)])
    comments = [text for comment in result.report.comments for text in comment.text]
    kept = word_counts(report_texts(result.report)) + word_counts(result.notes) + word_counts(comments)
    # pandoc joins a paragraph whose mark is deleted with a space, Word without one: its words are the rejected view's.
    kept |= word_counts(report_texts(result.report, accept=False))
    assert pandoc_words - kept == {}


def _real(name: str) -> Path:
    return REAL / name


TRACKED = [
    "comments.docx",
    "comments_warning.docx",
    "paragraph_insertion_deletion.docx",
    "track_changes_deletion.docx",
    "track_changes_insertion.docx",
    "track_changes_move.docx",
    "track_changes_scrubbed_metadata.docx",
]


@pytest.mark.parametrize("name", TRACKED)
def test_both_views_of_the_report_have_the_words_word_shows(name: str) -> None:
    """Accepted, the report reads as Word's Accept All; rejected, as its Reject All (word for word)."""
    report = import_docx(_real(name)).report
    views = read_views(_real(name))
    for accept, view in ((True, views.accepted), (False, views.rejected)):
        expected = word_counts([*view.paragraphs, *(text for note in view.footnotes for text in note)])
        assert word_counts(report_texts(report, accept=accept)) == expected, "accepted" if accept else "rejected"


@pytest.mark.parametrize("name", TRACKED)
def test_no_tracked_change_or_comment_goes_to_the_notes(name: str) -> None:
    notes = import_docx(_real(name)).notes
    allowed = (
        "Text before the first heading was put in an untitled section.",
        # The first line of a document without headings is its title: a line apart, its split left out.
        "1 tracked paragraph break(s) added or removed at a heading, a title-block line",
    )
    assert [note for note in notes if not note.startswith(allowed)] == []


def utc(*values: int) -> dt.datetime:
    return dt.datetime(*values, tzinfo=dt.UTC)


def test_comments_come_with_their_ranges_authors_dates_and_threads() -> None:
    report = import_docx(_real("comments.docx")).report
    comments = report.comments
    assert [(c.author, c.initials, c.date, c.text) for c in comments] == [
        ("Jesse Rosenthal", "jkr", utc(2016, 5, 9, 16, 13), ["I left a comment."]),
        ("Jesse Rosenthal", "jkr", utc(2016, 5, 9, 16, 13), ["A comment across paragraphs."]),
        ("Jesse Rosenthal", "jkr", utc(2016, 5, 9, 16, 14), ["This one has multiple paragraphs.", "", "See?"]),
        ("Jesse Rosenthal", "jkr", utc(2016, 6, 22, 14, 35), ["Do something."]),
        ("Jesse Rosenthal", "jkr", utc(2016, 6, 22, 14, 36), ["Do something else."]),
    ]
    # The last one answers the one before (commentsExtended.xml: w15:paraIdParent); none is resolved.
    assert [c.parent for c in comments] == ["", "", "", "", comments[3].id]
    assert not any(c.done or c.field_name for c in comments)

    def anchor(comment_id: str) -> list[str]:
        return [
            item.text
            for block in report.all_blocks()
            for item in block.content
            if isinstance(item, Span) and comment_id in item.comments
        ]

    assert anchor(comments[0].id) == ["some text to have a comment "]
    assert anchor(comments[1].id) == ["a new paragraph.", "And so"]  # across two paragraphs
    assert anchor(comments[2].id) == ["more"]
    assert anchor(comments[3].id) == anchor(comments[4].id) == ["comment in a comment"]


def test_a_comment_holding_a_table_keeps_its_rows_as_paragraphs() -> None:
    [comment] = import_docx(_real("comments_warning.docx")).report.comments
    assert comment.text == ["Here is a table:", "X | Y | Z", "1 | 2 | 3", "4 | 5 | 6", ""]


def test_tracked_text_in_real_files_comes_with_author_and_date() -> None:
    deletion = import_docx(_real("track_changes_deletion.docx")).report.all_blocks()[0].content
    assert deletion == [
        Span("This is a text with a"),
        Span("n excessively modified", deleted=Change("eng-dept", utc(2014, 6, 25, 10, 42))),
        Span(" deletion."),
    ]
    insertion = import_docx(_real("track_changes_insertion.docx")).report.all_blocks()[0].content
    assert insertion == [
        Span("This is a text with "),
        Span("two exciting ", inserted=Change("eng-dept", utc(2014, 6, 25, 10, 40))),
        Span("insertions."),
    ]
    scrubbed = import_docx(_real("track_changes_scrubbed_metadata.docx")).report
    # Word's "remove personal information" leaves "Author" and no dates.
    assert scrubbed.all_blocks()[0].content[1:3] == [
        Span("dummy", deleted=Change("Author")),
        Span("test", inserted=Change("Author")),
    ]
    assert [(comment.author, comment.date) for comment in scrubbed.comments] == [("Author", None)]


def test_a_move_is_a_deletion_and_an_insertion_named_by_its_range() -> None:
    blocks = import_docx(_real("track_changes_move.docx")).report.all_blocks()
    moved = Change("Jesse Rosenthal", utc(2016, 4, 16, 8, 20), move="move322414172")
    assert [block.content for block in blocks] == [
        [Span("Here is some text.")],
        [Span("Here is the text to be moved.", inserted=moved)],
        [Span("Here is some more text.")],
        [Span("Here is the text to be moved.", deleted=moved)],
    ]
    # The moved paragraphs' marks were not moved in this file.
    assert not any(block.inserted or block.deleted for block in blocks)


def test_paragraph_marks_inserted_and_deleted() -> None:
    report = import_docx(_real("paragraph_insertion_deletion.docx")).report
    seeley = Change("Seeley, Jason", utc(2017, 9, 17, 16, 39))
    # "This is a" is the title (its inserted mark, a split from " split", is noted); " split" loses its end.
    assert report.title.meeting == "This is a"
    first, second = report.all_blocks()
    assert (first.content, first.deleted, first.inserted) == ([Span(" split")], seeley, None)
    assert (second.content, second.deleted) == ([Span("Paragraph.")], None)


def test_footnotes_and_endnotes_in_real_files() -> None:
    report = import_docx(_real("notes.docx")).report
    assert [note.content[0].text for note in report.footnotes] == [
        "My note.",
        "This is an endnote at the end of the document.",
    ]
    assert report.footnote_refs() == ["1", "2"]


def test_nested_lists_keep_their_levels() -> None:
    report = import_docx(_real("lists.docx")).report
    levels = [block.level for block in report.all_blocks() if block.kind is BlockKind.BULLET]
    assert levels[:8] == [1, 1, 2, 2, 1, 1, 2, 3]


def test_headings_in_real_files() -> None:
    report = import_docx(_real("headers.docx")).report
    assert [(section.kind, section.level, section.heading) for section in report.sections] == [
        (SectionKind.GENERIC, 1, "A Test of Headers"),
        (SectionKind.GENERIC, 2, "Second Level"),
    ]
    labels = [block.plain_text for block in report.all_blocks() if block.kind is BlockKind.LABEL]
    assert labels[:2] == ["Third level", "Fourth level"]
