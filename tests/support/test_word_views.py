"""The Accept All and Reject All reader (tests/support/word_views.py) on real files from Word and on marks made by hand.

The expected texts of pandoc's files are what Word shows after Accept All
and Reject All (pandoc's own reader tests, test/docx/*.native with
--track-changes=accept and =reject, say the same).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importer.helpers import make_docx, p, r
from tests.support.word_views import View, read_views

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-docx" / "pandoc-test"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real files not found in {REAL}")


@pytest.mark.parametrize(
    ("name", "accepted", "rejected"),
    [
        (
            "track_changes_deletion",
            ["This is a text with a deletion."],
            ["This is a text with an excessively modified deletion."],
        ),
        (
            "track_changes_insertion",
            ["This is a text with two exciting insertions."],
            ["This is a text with insertions."],
        ),
        ("track_changes_scrubbed_metadata", ["Here is a test document."], ["Here is a dummy document."]),
        # The first paragraph's mark was inserted (a split), the second's deleted (a join).
        ("paragraph_insertion_deletion", ["This is a", " splitParagraph."], ["This is a split", "Paragraph."]),
    ],
)
def test_word_files_with_tracked_text_and_marks(name: str, accepted: list[str], rejected: list[str]) -> None:
    views = read_views(REAL / f"{name}.docx")
    assert views.accepted == View(accepted)
    assert views.rejected == View(rejected)


def test_a_move_is_there_at_its_new_place_or_at_its_old_one() -> None:
    views = read_views(REAL / "track_changes_move.docx")
    moved = "Here is the text to be moved."
    # The moved paragraphs' marks are not moved in this file: their empty paragraphs stay in both views.
    assert views.accepted.paragraphs == ["Here is some text.", "", moved, "", "Here is some more text.", "", "", "", ""]
    assert views.rejected.paragraphs == ["Here is some text.", "", "", "", "Here is some more text.", "", moved, "", ""]


def test_comments_change_no_text_and_footnotes_are_read_in_reference_order() -> None:
    views = read_views(REAL / "comments.docx")
    assert views.accepted == views.rejected
    assert views.accepted.paragraphs[-1] == "One more. And this is one with a comment in a comment."
    notes = read_views(REAL / "notes.docx")
    assert notes.accepted.paragraphs[-1] == "Test footnote.[^1] Test endnote."
    assert notes.accepted.footnotes == [[" My note."]]


def ins(content: str, author: str = "A") -> str:
    return f'<w:ins w:id="1" w:author="{author}" w:date="2021-10-20T09:00:00Z">{content}</w:ins>'


def delete(text: str, author: str = "B") -> str:
    return (
        f'<w:del w:id="2" w:author="{author}" w:date="2021-10-20T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def marked(text_xml: str, mark: str) -> str:
    """A paragraph whose mark carries ``mark`` ("ins", "del", "ins+del")."""
    changes = "".join(f'<w:{tag} w:id="9" w:author="A"/>' for tag in mark.split("+"))
    return f"<w:p><w:pPr><w:rPr>{changes}</w:rPr></w:pPr>{text_xml}</w:p>"


def test_marks_made_by_hand(tmp_path: Path) -> None:
    body = "".join(
        [
            # Text inserted by one reviewer and deleted by another is gone in both views.
            "<w:p>" + r("Kept ") + ins(delete("twice")) + r("text.") + "</w:p>",
            # A paragraph deleted whole (text and mark) joins nothing: nothing of it is left.
            marked(delete("Gone."), "del"),
            # A mark inserted and deleted goes in both views: the next paragraph takes this one's text.
            marked(r("Joined "), "ins+del"),
            p("both ways."),
            # A join never crosses into a table, and a cell is a container of its own.
            marked(r("Before the table"), "del"),
            "<w:tbl><w:tr><w:tc>"
            + marked(r("Cell one "), "del")
            + p("line")
            + "</w:tc><w:tc>"
            + p("Two")
            + "</w:tc></w:tr></w:tbl>",
            # Field instructions and a deleted footnote reference.
            '<w:p><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            + r("7")
            + '<w:del w:id="5" w:author="B"><w:r><w:footnoteReference w:id="3"/></w:r></w:del>'
            + '<w:r><w:footnoteReference w:id="4"/></w:r></w:p>',
        ]
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>' + r(" Three") + "</w:p></w:footnote>"
        '<w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r>' + r(" Four") + ins(r(" more")) + "</w:p></w:footnote>"
    )
    views = read_views(make_docx(tmp_path / "marks.docx", body, footnotes=footnotes))
    assert views.accepted == View(
        ["Kept text.", "Joined both ways.", "Before the table", "Cell one line", "Two", "7[^1]"], [[" Four more"]]
    )
    assert views.rejected == View(
        ["Kept text.", "Gone.", "Joined both ways.", "Before the table", "Cell one ", "line", "Two", "7[^1][^2]"],
        [[" Three"], [" Four"]],
    )
