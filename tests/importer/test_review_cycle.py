"""The journey's week later: the exported draft comes back with a colleague's tracked changes and a
comment. Opened again, the structure is back in fields, the changes are pending under the colleague's
name, the comment is on the words it was made on, and nothing else moved."""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path

from lxml import etree

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.model.report import BlockKind, Change, Span
from minutes_editor.storage.minutes_file import load_report
from tests.importer.comparison import canonical, outline
from tests.support.examples import example_path

EXAMPLE = example_path("en")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
INSERTED = " (as agreed by all delegations)"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def review(source: Path, target: Path) -> None:
    """What a colleague does in Word: inserts words, deletes a word, comments on a phrase (tracked)."""
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    document = etree.fromstring(parts["word/document.xml"])
    paragraph = next(
        p for p in document.iter(w("p")) if "".join(p.itertext()).startswith("North Macedonia opened the meeting")
    )
    runs = paragraph.findall(w("r"))
    first, last = runs[0], runs[-1]
    # A tracked deletion of the first run's first word, "North", with the rest kept.
    text = first.find(w("t"))
    assert text is not None
    assert text.text is not None
    deleted = copy.deepcopy(first)
    deleted_text = deleted.find(w("t"))
    assert deleted_text is not None
    deleted_text.tag = w("delText")
    deleted_text.text = "North "
    text.text = text.text.removeprefix("North ")
    deletion = etree.Element(w("del"), {w("id"): "101", w("author"): "Colleague", w("date"): "2021-10-21T09:00:00Z"})
    deletion.append(deleted)
    first.addprevious(deletion)
    # A tracked insertion at the end of the paragraph.
    insertion = etree.Element(w("ins"), {w("id"): "102", w("author"): "Colleague", w("date"): "2021-10-21T09:01:00Z"})
    inserted = etree.SubElement(etree.SubElement(insertion, w("r")), w("t"))
    inserted.text = INSERTED
    inserted.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    last.addnext(insertion)
    # A comment on the first run.
    first.addprevious(etree.Element(w("commentRangeStart"), {w("id"): "7"}))
    first.addnext(etree.Element(w("commentRangeEnd"), {w("id"): "7"}))
    reference = etree.Element(w("r"))
    etree.SubElement(reference, w("commentReference"), {w("id"): "7"})
    paragraph.append(reference)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="7" w:author="Colleague" w:date="2021-10-21T09:02:00Z"><w:p><w:r>'
        "<w:t>Name the minister who opened it.</w:t></w:r></w:p></w:comment></w:comments>"
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdReview1" Type="{REL}" Target="comments.xml"/></Relationships>'
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/></Types>'
    ).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_reviewed_draft_opens_with_changes_and_comment(tmp_path: Path) -> None:
    original = load_report(EXAMPLE)
    exported = tmp_path / "draft.docx"
    export_docx(original, exported)
    reviewed = tmp_path / "draft-reviewed.docx"
    review(exported, reviewed)

    result = import_docx(reviewed)
    assert result.notes == []
    [comment] = result.report.comments
    assert (comment.author, comment.date, comment.text) == (
        "Colleague",
        dt.datetime(2021, 10, 21, 9, 2, tzinfo=dt.UTC),
        ["Name the minister who opened it."],
    )
    expected = canonical(original)
    opening = expected.sections[2].blocks[0]
    assert opening.kind is BlockKind.PARAGRAPH
    [text] = opening.content
    assert isinstance(text, Span)
    colleague = "Colleague"
    opening.content = [
        Span("North ", deleted=Change(colleague, dt.datetime(2021, 10, 21, 9, 0, tzinfo=dt.UTC))),
        Span(text.text.removeprefix("North "), comments=(comment.id,)),
        Span(INSERTED, inserted=Change(colleague, dt.datetime(2021, 10, 21, 9, 1, tzinfo=dt.UTC))),
    ]
    got = canonical(result.report)
    assert outline(got) == outline(expected)
    assert got.sections[2].blocks[0].content == opening.content
    assert got.title == expected.title
    assert got.footnotes == expected.footnotes
