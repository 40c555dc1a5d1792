"""The shared review fixtures (tests/fixtures/review/, made by tools/make_review_draft.py) and their import.

Each fixture is our export of an example report (English, Arabic) that two
reviewers went through in Word's markup: 14 revision marks and 3 comment
threads; ``*.libreoffice.docx`` is the same draft opened and saved again by
LibreOffice. Every change and comment comes into the report, with its author
and date, nothing goes to the notes, and the imported report accepted (or
rejected) reads exactly as Word's Accept All (or Reject All) of the file
(tests/support/word_views.py).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.model import review
from minutes_editor.model.report import Change, FootnoteRef, Report, SectionKind, Span
from minutes_editor.render.flow import flatten
from tests.importer.helpers import assert_saves_and_loads, report_texts
from tests.support.ooxml import missing_reason, validate_part, wml_schema
from tests.support.word_views import read_views

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "review"
SCRIPT = ROOT / "tools" / "make_review_draft.py"
LANGUAGES = ("en", "ar")
WORD = {language: FIXTURES / f"review-draft.{language}.docx" for language in LANGUAGES}
LIBREOFFICE = {language: FIXTURES / f"review-draft.{language}.libreoffice.docx" for language in LANGUAGES}
ALL = [(language, path) for language in LANGUAGES for path in (WORD[language], LIBREOFFICE[language])]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def tool() -> ModuleType:
    """tools/make_review_draft.py, which says what the reviewers did."""
    spec = importlib.util.spec_from_file_location("make_review_draft", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_review_draft", module)
    spec.loader.exec_module(module)
    return module


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# ------------------------------------------------------------------ the files


@pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_word_fixtures_are_schema_valid(language: str) -> None:
    schema = wml_schema()
    assert schema is not None
    found = parts(WORD[language])
    for name in ("word/document.xml", "word/footnotes.xml", "word/comments.xml", "word/styles.xml"):
        assert validate_part(found[name], schema) == [], name


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_each_fixture_holds_14_revision_marks_and_3_threads(language: str, path: Path) -> None:
    found = parts(path)
    elements = [
        element
        for name in ("word/document.xml", "word/footnotes.xml")
        for element in etree.fromstring(found[name]).iter(*(f"{{{W}}}{tag}" for tag in REVISIONS))
    ]
    # A mark as Word counts it: LibreOffice splits a change into runs by script, each in an element of its own.
    marks = {
        (
            next(element.iterancestors(f"{{{W}}}p")),
            element.getparent().tag == f"{{{W}}}rPr",  # a paragraph mark's change, or a run's
            element.tag,
            element.get(f"{{{W}}}author"),
            element.get(f"{{{W}}}date"),
        )
        for element in elements
    }
    assert len(marks) == 14
    assert {mark[3] for mark in marks} == {tool().SCRIPTS[language].first.name, "Omar Haddad"}
    comments = etree.fromstring(found["word/comments.xml"]).findall(f"{{{W}}}comment")
    assert len(comments) == 4
    extended = etree.fromstring(found["word/commentsExtended.xml"])
    done = [entry for entry in extended if entry.get(f"{{{W15}}}done") == "1"]
    assert len(done) == 1
    if path == WORD[language]:
        # Word links the reply to its comment; LibreOffice 7.4 leaves the link out (the importer copes).
        assert len([entry for entry in extended if entry.get(f"{{{W15}}}paraIdParent")]) == 1
    else:
        assert b"<Application>LibreOffice" in found["docProps/app.xml"]


# ------------------------------------------------------------------ the import


def date(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def marks_of(report: Report) -> list[tuple[object, ...]]:
    """Every pending change of a report, in reading order: what, which text, who, when, which move."""

    def who(change: Change) -> tuple[str, dt.datetime | None, str]:
        return change.author, change.date, change.move

    found: list[tuple[object, ...]] = [
        ("field", field_change.field_name, field_change.old, *who(field_change.change))
        for field_change in report.field_changes
    ]
    contents = [(block.content, block) for block in report.all_blocks()]
    contents += [(list(note.content), None) for note in report.footnotes]
    for content, block in contents:
        for item in content:
            text = item.text if isinstance(item, Span) else f"[{item.footnote_id}]"
            if item.inserted:
                found.append(("inserted", text, *who(item.inserted)))
            if item.deleted:
                found.append(("deleted", text, *who(item.deleted)))
            if isinstance(item, Span) and item.old_format:
                old = item.old_format
                found.append(("format", text, (old.bold, old.italic, old.underline), *who(old.change)))
        if block is not None and block.inserted:
            found.append(("end inserted", block.plain_text, *who(block.inserted)))
        if block is not None and block.deleted:
            found.append(("end deleted", block.plain_text, *who(block.deleted)))
        if block is not None and block.old_format:
            found.append(("kind", block.plain_text, block.old_format.kind, *who(block.old_format.change)))
    return found


def expected_marks(language: str) -> list[tuple[object, ...]]:
    """What the reviewers did (tools/make_review_draft.py), as ``marks_of`` lists it."""
    script = tool().SCRIPTS[language]
    first, second = script.first, script.second

    def by(reviewer: object, minute: int, move: str = "") -> tuple[str, dt.datetime, str]:
        return reviewer.name, date(reviewer.date(minute)), move  # type: ignore[attr-defined]

    exported = import_docx(WORD[language]).report
    location = exported.title.location
    old_location = location.replace(script.location[1], script.location[0])
    new_bullet, deleted_bullet = script.new_bullet[1], _block_text(exported, script.deleted_bullet)
    moved = _block_text(exported, script.moved_bullet[0])
    move = "move84519262"
    return [
        ("field", "TitleBlock.location", old_location, *by(first, 11)),
        ("inserted", script.insert_word[2], *by(first, 2)),
        ("format", script.bold[1], (False, False, False), *by(second, 9)),
        ("deleted", script.delete_words[1], *by(second, 3)),
        ("inserted", new_bullet, *by(first, 5)),
        ("end inserted", new_bullet, *by(first, 5)),
        ("deleted", deleted_bullet, *by(second, 6)),
        ("end deleted", deleted_bullet, *by(second, 6)),
        ("inserted", moved, *by(first, 8, move)),
        ("end inserted", moved, *by(first, 8, move)),
        ("deleted", moved, *by(first, 8, move)),
        ("end deleted", moved, *by(first, 8, move)),
        ("inserted", script.footnote_addition, *by(second, 12)),
    ]


def _block_text(report: Report, start: str) -> str:
    [text] = {block.plain_text for block in report.all_blocks() if block.plain_text.startswith(start)}
    return text


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_every_change_comes_in_with_its_author_date_and_move(language: str, path: Path) -> None:
    result = import_docx(path)
    assert result.notes == []
    assert marks_of(result.report) == expected_marks(language)
    # The title block reads the location as corrected; the old one is the field change's.
    script = tool().SCRIPTS[language]
    assert result.report.title.location.endswith(script.location[1])


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_every_comment_comes_in_with_its_thread_range_and_state(language: str, path: Path) -> None:
    report = import_docx(path).report
    script = tool().SCRIPTS[language]
    first, second = script.first, script.second
    question, reply, on_heading, resolved = report.comments
    assert [(c.author, c.initials, c.date, c.text) for c in report.comments] == [
        (first.name, first.initials, date(first.date(20)), [script.thread[2]]),
        (second.name, second.initials, date(second.date(31)), [script.thread[3]]),
        (second.name, second.initials, date(second.date(33)), list(script.heading_comment[1])),
        (first.name, first.initials, date(first.date(24)), [script.resolved[2]]),
    ]
    assert [(c.parent, c.done) for c in report.comments] == [("", False), (question.id, False), ("", False), ("", True)]

    def anchor(comment_id: str) -> str:
        return "".join(
            item.text
            for block in report.all_blocks()
            for item in block.content
            if isinstance(item, Span) and comment_id in item.comments
        )

    # A reply covers what its comment covers, as Word writes it.
    assert anchor(question.id) == anchor(reply.id) == script.thread[1]
    assert anchor(resolved.id) == script.resolved[1]
    # The comment on a heading names the heading's field and its section.
    [section] = [s for s in report.sections if s.id == on_heading.owner]
    assert on_heading.field_name == "Section.heading"
    assert anchor(on_heading.id) == ""
    assert section.kind is SectionKind.SETTING_THE_SCENE
    assert not any(c.field_name for c in (question, reply, resolved))


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_the_report_accepted_or_rejected_reads_as_word_shows_the_file(language: str, path: Path) -> None:
    report = import_docx(path).report
    views = read_views(path)
    for accept, view in ((True, views.accepted), (False, views.rejected)):
        # Footnote marks are not paragraph text in the report's flat form; a note's text starts after its mark.
        expected = [re.sub(r"\[\^\d+\]", "", text) for text in view.paragraphs]
        expected += [text.strip() for note in view.footnotes for text in note]
        assert report_texts(report, accept=accept) == expected, "accepted" if accept else "rejected"


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_the_models_own_accept_all_and_reject_all_read_as_word_shows_the_file(language: str, path: Path) -> None:
    """The same law through model/review.py, which joins blocks as docs/review.md says."""
    report = import_docx(path).report
    views = read_views(path)
    for decided, view in ((review.accepted(report), views.accepted), (review.rejected(report), views.rejected)):
        flow = flatten(decided)
        assert [paragraph.text for paragraph in flow.paragraphs] == [
            re.sub(r"\[\^\d+\]", "", text) for text in view.paragraphs
        ]
        assert ["".join(run.text for run in note.inlines).strip() for note in flow.notes] == [
            text.strip() for note in view.footnotes for text in note
        ]


@pytest.mark.parametrize(("language", "path"), ALL, ids=[path.name for _, path in ALL])
def test_the_imported_draft_saves_and_loads(language: str, path: Path) -> None:
    assert_saves_and_loads(import_docx(path).report)


def test_the_english_and_arabic_drafts_have_the_same_changes_in_the_same_places() -> None:
    shapes = []
    for language in LANGUAGES:
        report = import_docx(WORD[language]).report
        shapes.append([(mark[0], *mark[-2:]) for mark in marks_of(report)])
    english, arabic = shapes
    # Same kinds, same moves; the dates differ only in who the first reviewer is (the same minutes).
    assert [(kind, move) for kind, _, move in english] == [(kind, move) for kind, _, move in arabic]
    assert [when for _, when, _ in english] == [when for _, when, _ in arabic]


def test_footnote_references_are_untouched() -> None:
    report = import_docx(WORD["en"]).report
    refs = [item for block in report.all_blocks() for item in block.content if isinstance(item, FootnoteRef)]
    assert [(ref.inserted, ref.deleted) for ref in refs] == [(None, None)]


# ------------------------------------------------------------------ the script


def test_the_script_makes_the_word_fixtures_again(tmp_path: Path) -> None:
    """The checked-in drafts are what tools/make_review_draft.py makes from today's export (read back the same)."""
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--no-libreoffice", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("14 revision marks, 3 comment threads") == 2
    for language in LANGUAGES:
        made, kept = import_docx(tmp_path / WORD[language].name).report, import_docx(WORD[language]).report
        assert marks_of(made) == marks_of(kept)
        assert report_texts(made) == report_texts(kept)
        assert [(c.author, c.text, c.date, c.done) for c in made.comments] == [
            (c.author, c.text, c.date, c.done) for c in kept.comments
        ]


REAL = ROOT.parent / "shared" / "real-docx" / "pandoc-test"
LAW_FILES = [path for _, path in ALL] + [
    REAL / f"{name}.docx"
    for name in (
        "track_changes_deletion",
        "track_changes_insertion",
        "track_changes_move",
        "track_changes_scrubbed_metadata",
        "comments",
        "comments_warning",
    )
]


@pytest.mark.parametrize("path", LAW_FILES, ids=[path.name for path in LAW_FILES])
def test_export_of_the_import_keeps_both_views_and_the_comments(path: Path, tmp_path: Path) -> None:
    """docs/review.md's law, on the fixtures and on Word's files: export(import(D)) shows what D shows.

    Empty paragraphs are left out of the comparison: the importer keeps no spacing paragraph of a hand-made
    document. (paragraph_insertion_deletion.docx is left out: its first line is the title, whose inserted
    paragraph mark a report cannot hold; the import says so.)
    """
    if not path.is_file():
        pytest.skip(f"{path} not found")
    report = import_docx(path).report
    export_docx(report, tmp_path / "out.docx")
    before, after = read_views(path), read_views(tmp_path / "out.docx")
    for name in ("accepted", "rejected"):
        old, new = getattr(before, name), getattr(after, name)
        assert [text for text in new.paragraphs if text.strip()] == [text for text in old.paragraphs if text.strip()]
        assert new.footnotes == old.footnotes
    back = import_docx(tmp_path / "out.docx").report

    def comments(of: Report) -> list[tuple[object, ...]]:
        order = {comment.id: index for index, comment in enumerate(of.comments)}
        spans = [item for block in of.all_blocks() for item in block.content if isinstance(item, Span)]
        spans += [span for note in of.footnotes for span in note.content]

        def anchor(comment_id: str) -> str:
            return "".join(span.text for span in spans if comment_id in span.comments)

        return [
            (c.author, c.text, c.date, order.get(c.parent), c.done, c.field_name, anchor(c.id)) for c in of.comments
        ]

    assert comments(back) == comments(report)
