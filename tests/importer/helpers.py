"""Helpers for the importer tests: build .docx fixtures from raw XML, and compare texts word by word.

The word comparison is the issue's rule "body text in equals body text out,
ignoring numbering glyphs and whitespace": both sides are cut into words,
punctuation at the edges of a word and tokens that are only a bullet glyph
or a list number ("•", "o", "1.", "a)") are dropped, Arabic tatweel and
direction marks are removed, and what is left is compared as a multiset.

``xml_texts`` reads a .docx's text independently of the importer: every
``w:t`` of the body and the notes outside deletions and outside Markup
Compatibility fallbacks, tabs and breaks as spaces, a drop cap joined to
the paragraph it begins, a paragraph whose mark is deleted joined to the next.
"""

from __future__ import annotations

import copy
import io
import re
import struct
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from minutes_editor.model.report import Block, BlockKind, Change, Comment, Inline, Report, Section, SectionKind, Span
from minutes_editor.render.flow import flatten
from minutes_editor.storage.encoder import report_to_document
from minutes_editor.storage.minutes_file import report_from_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    f'xmlns:mc="{MC}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="w14"'
)

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
{core}
</Relationships>"""
_CORE_REL = (
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
)
_APP_REL = (
    '<Relationship Id="rId3" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
    'Target="docProps/app.xml"/>'
)
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_REL_TYPES = {
    "styles": "styles.xml",
    "numbering": "numbering.xml",
    "footnotes": "footnotes.xml",
    "endnotes": "endnotes.xml",
    "comments": "comments.xml",
}


def make_docx(
    path: Path,
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    comments: str | None = None,
    comments_extended: str | None = None,
    core_language: str | None = None,
    application: str | None = None,
) -> Path:
    """Write a minimal .docx whose parts are the given XML fragments (the inside of each root element).

    ``comments_extended`` is the inside of ``w15:commentsEx``; ``application`` the name docProps/app.xml gives.
    """
    parts = {
        "styles": (styles, "w:styles"),
        "numbering": (numbering, "w:numbering"),
        "footnotes": (footnotes, "w:footnotes"),
        "endnotes": (endnotes, "w:endnotes"),
        "comments": (comments, "w:comments"),
    }
    relationships = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        core = ""
        if core_language is not None:
            core = _CORE_REL
            archive.writestr(
                "docProps/core.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:language>{core_language}</dc:language></cp:coreProperties>",
            )
        if application is not None:
            core += _APP_REL
            archive.writestr(
                "docProps/app.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
                f'openxmlformats.org/officeDocument/2006/extended-properties"><Application>{application}'
                "</Application></Properties>",
            )
        archive.writestr("_rels/.rels", _PACKAGE_RELS.format(core=core))
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NAMESPACES}>'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>",
        )
        for index, (kind, (content, root)) in enumerate(parts.items(), start=10):
            if content is None:
                continue
            target = _REL_TYPES[kind]
            archive.writestr(
                f"word/{target}",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{root} {NAMESPACES}>{content}</{root}>',
            )
            relationships.append(
                f'<Relationship Id="rId{index}" '
                f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
                f'Target="{target}"/>'
            )
        if comments_extended is not None:
            archive.writestr(
                "word/commentsExtended.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:commentsEx {NAMESPACES} '
                f'xmlns:w15="{W15}">{comments_extended}</w15:commentsEx>',
            )
            relationships.append(
                '<Relationship Id="rId30" Type="http://schemas.microsoft.com/office/2011/relationships/'
                'commentsExtended" Target="commentsExtended.xml"/>'
            )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(relationships)
            + "</Relationships>",
        )
    return path


#: The first bytes of an OLE compound file: an old binary Word document, or an encrypted new one.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_bytes(stream_name: str) -> bytes:
    """A minimal OLE compound file whose directory names ``stream_name`` ("WordDocument", "EncryptedPackage")."""
    # The compound-file header, padding, and a directory entry naming the stream in UTF-16, as Word writes it.
    header = OLE_MAGIC + b"\x00" * 16 + struct.pack("<HH", 0x003E, 0x0003) + b"\xfe\xff" + b"\x00" * 478
    entry = stream_name.encode("utf-16-le").ljust(64, b"\x00")
    return header + b"\x00" * 512 + entry + b"\x00" * 1024


def encrypt_members(path: Path) -> Path:
    """Set the "encrypted" flag (bit 0) in every local and central header of the zip at ``path``."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x01
            start += 4
    path.write_bytes(bytes(data))
    return path


def claim_huge_first_member(path: Path) -> Path:
    """Make the first central directory entry of the zip at ``path`` claim a compressed size of 1 GB."""
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 20 : central + 24] = struct.pack("<I", 1 << 30)
    path.write_bytes(bytes(data))
    return path


def break_core_properties(path: Path, target: Path) -> Path:
    """Copy the .docx at ``path`` to ``target`` with a docProps/core.xml that is not well-formed XML."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = b"<cp:coreProperties><broken" if info.filename == "docProps/core.xml" else source.read(info)
            copy.writestr(info.filename, data)
    return target


def p(text: str = "", *, style: str | None = None, ppr: str = "", rpr: str = "") -> str:
    """A w:p with one run of text (XML-escaped), an optional style and extra paragraph or run properties."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    properties = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    run = ""
    if text:
        run_properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        run = f'<w:r>{run_properties}<w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'
    return f"<w:p>{properties}{run}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A w:r with text and optional run properties."""
    run_properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{run_properties}<w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ------------------------------------------------------------------ words

_MARKS = re.compile("[\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_NUMBERING = re.compile(r"^\(?([0-9\u0660-\u0669]{1,3}|[a-zA-Z]|[ivxlcdm]{1,5})[.)\-]\)?$", re.IGNORECASE)
_GLYPHS = frozenset("•●·*-–—➢►o○◦▪■□▫\uf0b7\uf0a7\uf0d8")


def words(text: str) -> list[str]:
    """The words of a text, for comparing texts: glyphs, list numbers, edge punctuation and marks dropped."""
    text = _MARKS.sub("", unicodedata.normalize("NFKC", text))
    result = []
    for token in text.split():
        if token in _GLYPHS or _NUMBERING.match(token):
            continue
        word = _EDGE.sub("", token)
        if word:
            result.append(word.casefold())
    return result


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """Multiset of the words of several texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words(text))
    return counts


def view(report: Report, *, accept: bool) -> Report:
    """A copy of ``report`` with every pending change accepted (or rejected), as docs/review.md says.

    Where a block's end goes, what is left of it joins the next block of its body. Field changes
    rejected put the old values back; comments stay.
    """
    result = copy.deepcopy(report)

    def kept(item: Inline) -> bool:
        return item.deleted is None if accept else item.inserted is None

    def clean(content: list[Inline]) -> list[Inline]:
        items: list[Inline] = []
        for item in content:
            if kept(item):
                item.inserted = item.deleted = None
                if isinstance(item, Span) and item.old_format is not None and not accept:
                    item.bold, item.italic = item.old_format.bold, item.old_format.italic
                    item.underline = item.old_format.underline
                if isinstance(item, Span):
                    item.old_format = None
                items.append(item)
        return items

    def joined(blocks: list[Block]) -> list[Block]:
        kept_blocks: list[Block] = []
        carried: list[Inline] = []
        for block in blocks:
            block.content = carried + clean(block.content)
            carried = []
            if (block.deleted if accept else block.inserted) is not None:
                carried = block.content
                if block is not blocks[-1]:
                    continue
                if not carried:
                    break  # the last block of its body, with nothing left: gone
            if block.old_format is not None and not accept:
                block.kind, block.level = block.old_format.kind, block.old_format.level
            block.inserted = block.deleted = block.old_format = None
            kept_blocks.append(block)
        return kept_blocks

    for section in result.sections:
        section.blocks = joined(section.blocks)
        for session in section.sessions:
            session.blocks = joined(session.blocks)
    for note in result.footnotes:
        note.content = [item for item in clean(list(note.content)) if isinstance(item, Span)]
    if not accept:
        owners: dict[str, object] = {"": result.title}
        for section in result.sections:
            owners[section.id] = section
            owners.update((session.id, session) for session in section.sessions)
        for change in result.field_changes:
            setattr(owners[change.owner], change.field_name.split(".", 1)[1], change.old)
    result.field_changes = []
    return result


def report_texts(report: Report, *, accept: bool = True) -> list[str]:
    """Every text the report shows once exported with its changes accepted (or rejected): paragraphs and footnotes."""
    report = view(report, accept=accept)
    flow = flatten(report)
    texts = [paragraph.text for paragraph in flow.paragraphs]
    texts.extend("".join(run.text for run in note.inlines) for note in flow.notes)
    # Footnotes nobody references are not exported, but they were imported: count them too.
    referenced = {note.footnote_id for note in flow.notes}
    texts.extend("".join(span.text for span in note.content) for note in report.footnotes if note.id not in referenced)
    return texts


def xml_texts(path: Path) -> list[str]:
    """Paragraph texts of a .docx's body, footnotes and endnotes, read from the XML without the importer."""
    with zipfile.ZipFile(path) as archive:
        names = {name.lower(): name for name in archive.namelist()}
        rels = etree.fromstring(archive.read(names["_rels/.rels"]))
        main = next(
            rel.get("Target", "").lstrip("/") for rel in rels if rel.get("Type", "").endswith("/officeDocument")
        )
        folder = main.rsplit("/", 1)[0] if "/" in main else ""
        parts = [main] + [f"{folder}/{name}".lstrip("/") for name in ("footnotes.xml", "endnotes.xml")]
        texts: list[str] = []
        for part in parts:
            if part.lower() not in names:
                continue
            root = etree.parse(io.BytesIO(archive.read(names[part.lower()]))).getroot()
            texts.extend(_paragraph_texts(root))
    return texts


def _paragraph_texts(root: etree._Element) -> list[str]:
    skipped = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}instrText"}
    spacing = {f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"}
    texts = []
    drop_cap = ""
    for paragraph in root.iter(f"{{{W}}}p"):
        parts = [drop_cap]
        drop_cap = ""
        for node in paragraph.iter(f"{{{W}}}t", *spacing):
            if any(ancestor.tag in skipped for ancestor in node.iterancestors()):
                continue
            # Text of a nested paragraph (a text box) belongs to that paragraph, not this one.
            if next(node.iterancestors(f"{{{W}}}p")) is not paragraph:
                continue
            parts.append(" " if node.tag in spacing else node.text or "")
        frame = paragraph.find(f"{{{W}}}pPr/{{{W}}}framePr")
        if frame is not None and frame.get(f"{{{W}}}dropCap") in ("drop", "margin"):
            drop_cap = "".join(parts)  # a drop cap is the first letter of the next paragraph
            continue
        mark = paragraph.find(f"{{{W}}}pPr/{{{W}}}rPr")
        if mark is not None and any(child.tag in skipped for child in mark):
            drop_cap = "".join(parts)  # a deleted paragraph mark: what is left joins the next paragraph
            continue
        texts.append("".join(parts))
    return texts


def missing_words(expected: Counter[str], found: Counter[str]) -> Counter[str]:
    """Words of ``expected`` that ``found`` lacks (with multiplicity)."""
    return expected - found


# ------------------------------------------------------------------ storage


def without_reviews(report: Report) -> Report:
    """A copy of ``report`` with no pending change and no comment (deleted text kept as plain text)."""
    result = copy.deepcopy(report)
    for content in [block.content for block in result.all_blocks()] + [note.content for note in result.footnotes]:
        for item in content:
            item.inserted = item.deleted = None
            if isinstance(item, Span):
                item.old_format = None
                item.comments = ()
    for block in result.all_blocks():
        block.inserted = block.deleted = block.old_format = None
    result.field_changes = []
    result.comments = []
    return result


def storage_keeps_reviews() -> bool:
    """Whether the .minutes format keeps pending changes and comments (format version 2)."""
    probe = Report(
        sections=[
            Section(
                SectionKind.GENERIC,
                "Probe",
                blocks=[Block(BlockKind.PARAGRAPH, [Span("x", inserted=Change("A"), comments=("c1",))])],
            )
        ],
        comments=[Comment("c1", "A", ["Why?"])],
    )
    try:
        return report_from_document(report_to_document(probe)) == probe
    except Exception:  # format 1 may refuse what it does not know
        return False


def assert_saves_and_loads(report: Report) -> None:
    """The report saves and loads as a .minutes file: whole once the format keeps reviews, else without them."""
    expected = report if storage_keeps_reviews() else without_reviews(report)
    assert report_from_document(report_to_document(report)) == expected
