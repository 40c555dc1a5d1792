"""LibreOffice reads our tracked draft: saved again as .docx it keeps every change and comment, and it shows them.

The English and Arabic drafts carrying every kind of mark (review_cases) go
through LibreOffice in one run (.docx to .docx): both views of the result
have the same text as both views of our draft, every kind of revision is
still there, and so is every comment (author, text, resolved state). LibreOffice
renames styles and splits runs its own way, and (7.4) writes no reply links in
commentsExtended.xml, so those are not compared. LibreOffice's own
Accept All and Reject All (run by a macro, tests/export/libreoffice_review.py)
give the text, emphasis and footnotes of the exports of the accepted and the
rejected report; not always their styles: where a paragraph's end goes,
LibreOffice keeps the first paragraph's properties, Word and the model the
next one's (docs/review.md). The Arabic draft as PDF shows the deleted words
as well as the inserted ones.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from minutes_editor.export.docx_writer import export_docx, render_docx
from tests.export.libreoffice_review import accept_and_reject
from tests.export.pdftext import word_keys
from tests.export.reports import Docx, xpath
from tests.export.review_cases import WORDS, case
from tests.export.word_views import view
from tests.support.libreoffice import convert, pdf_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

LANGUAGES = ("en", "ar")
KINDS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "moveFromRangeStart", "moveToRangeStart")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, bytes]]:
    folder = tmp_path_factory.mktemp("review-lo")
    sources = []
    for language in LANGUAGES:
        target = folder / f"draft-{language}.docx"
        export_docx(case(language, "draft"), target)
        sources.append(target)
    saved = convert(sources, "docx", folder / "saved", profile=folder / "profile")
    return {
        language: (source.read_bytes(), again.read_bytes())
        for language, source, again in zip(LANGUAGES, sources, saved, strict=True)
    }


def kinds(data: bytes) -> Counter[str]:
    parts = Docx.read(data).parts
    found: Counter[str] = Counter()
    for name in ("word/document.xml", "word/footnotes.xml"):
        for kind in KINDS:
            found[kind] += len(xpath(parts[name], f"//w:{kind}"))
        found["paragraph end"] += len(xpath(parts[name], "//w:pPr/w:rPr/*[self::w:ins or self::w:del]"))
        found["comment range"] += len(xpath(parts[name], "//w:commentRangeStart"))
    return found


def comments(data: bytes) -> list[tuple[str, str]]:
    root = Docx.read(data).parts["word/comments.xml"]
    return sorted(
        (comment.get(f"{{{root.nsmap['w']}}}author"), "".join(xpath(comment, ".//w:t/text()")))
        for comment in xpath(root, "//w:comment")
    )


def resolved(data: bytes) -> int:
    root = Docx.read(data).parts["word/commentsExtended.xml"]
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    return sum(entry.get(f"{{{w15}}}done") == "1" for entry in root.iter(f"{{{w15}}}commentEx"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_libreoffice_keeps_every_change_and_comment(drafts: dict[str, tuple[bytes, bytes]], language: str) -> None:
    ours, theirs = drafts[language]
    for accept in (True, False):
        assert view(theirs, accept=accept).texts() == view(ours, accept=accept).texts()
    before, after = kinds(ours), kinds(theirs)
    assert all(before[kind] > 0 for kind in (*KINDS, "paragraph end", "comment range")), before
    # LibreOffice may split a revision in two where it splits runs: never fewer.
    assert {kind: after[kind] >= count for kind, count in before.items()} == dict.fromkeys(before, True), after
    assert comments(theirs) == comments(ours)
    assert resolved(theirs) == resolved(ours) == 1


def test_libreoffice_shows_the_changes_of_an_arabic_draft(
    drafts: dict[str, tuple[bytes, bytes]], tmp_path: Path
) -> None:
    source = tmp_path / "draft-ar.docx"
    source.write_bytes(drafts["ar"][0])
    shown = Counter(word_keys(pdf_text(convert([source], "pdf", tmp_path / "pdf")[0])))
    words = WORDS["ar"]
    # Deleted words are struck through, not hidden; inserted ones are there too. Words are compared as letter keys
    # (pdftotext gives Arabic in visual order), and one word of each may be lost to extraction: a struck word glued
    # to the inserted one after it ("المجرالنمسا"), or one under a comment's icon.
    missing = {
        name: [key for key in word_keys(words[name]) if not shown[key]]
        for name in ("deleted", "inserted", "deleted_block", "old_location", "old_heading")
    }
    assert {name: len(keys) <= 1 for name, keys in missing.items()} == dict.fromkeys(missing, True), missing


def test_libreoffice_accept_all_and_reject_all_give_the_accepted_and_rejected_reports(tmp_path: Path) -> None:
    sources = []
    for language in LANGUAGES:
        source = tmp_path / f"draft-{language}.docx"
        export_docx(case(language, "draft"), source)
        sources.append(source)
    results = accept_and_reject(sources, tmp_path / "lo")
    for language, (accepted, rejected) in zip(LANGUAGES, results, strict=True):
        for path, name in ((accepted, "accepted"), (rejected, "rejected")):
            theirs = view(path.read_bytes(), accept=True)
            ours = view(render_docx(case(language, name)).data, accept=True)
            assert theirs.texts() == ours.texts(), (language, name)
            assert [p.items for p in theirs.body] == [p.items for p in ours.body], (language, name)
            assert [[p.items for p in note] for note in theirs.notes] == [
                [p.items for p in note] for note in ours.notes
            ]
