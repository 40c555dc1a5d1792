"""The import as a whole: open safely, read the parts, decide the language, build the report.

The report's language comes from the document's core properties (our writer
sets ``dc:language``), else from the languages its runs are marked with,
else from its styles' defaults, and is checked against the script the text
is actually written in: a document marked English but written in Arabic is
an Arabic report.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

import minutes_editor.importer.notes as n
from minutes_editor.collector import collector_paused
from minutes_editor.importer.body import BodyReader, BodyStats, Item, RawParagraph, TextPiece
from minutes_editor.importer.mapping import Builder, NoteText, Source, made_from_our_template
from minutes_editor.importer.notes import ImportNote, Listing, Phrase, Value
from minutes_editor.importer.package import (
    CoreProperties,
    WordPackage,
    open_package,
    read_application,
    read_core_properties,
)
from minutes_editor.importer.recognise import presets
from minutes_editor.importer.revisions import (
    CommentPart,
    last_para_id,
    link_threads,
    read_threads,
    revision_date,
    threads_from_ranges,
)
from minutes_editor.importer.styles import Numbering, Styles
from minutes_editor.importer.tables import DraftReader
from minutes_editor.model.language import is_language_tag
from minutes_editor.model.report import EARLIEST_STAMP, LATEST_STAMP, Direction, Report, direction_of, stamp_in_range
from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml.errors import DamagedDocumentError, DocxImportError, InternalImportError
from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.safe_zip import DEFAULT_LIMITS, Limits, SafePackage
from minutes_editor.storage.presets import load_preset

#: Share of letters in a script above which the text is taken to be written in it.
SCRIPT_MAJORITY = 0.6


@dataclass
class ImportResult:
    """A report read from a .docx, and notes for the user about what was kept as text or left out."""

    report: Report
    #: The notes, each a template and its values: the window shows them in the interface's language.
    structured_notes: list[ImportNote] = field(default_factory=list)
    #: Whether the draft was saved with Track Changes on (``w:trackRevisions``): the editor goes on tracking.
    track_changes: bool = False

    @property
    def notes(self) -> list[str]:
        """The notes as English sentences, as the command line prints them."""
        return [str(note) for note in self.structured_notes]


def import_docx(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Read a .docx draft report into a Report; raise DocxImportError with a clear message when it cannot."""
    source_path = Path(path)
    with SafePackage(source_path, limits) as archive, collector_paused():  # see minutes_editor/collector.py
        try:
            return _import(open_package(archive), archive)
        except DocxImportError as error:
            if error.path is None:
                error.path = source_path
            raise
        except RecursionError as error:
            raise DamagedDocumentError.of(e.CONTENT_TOO_DEEP, source_path) from error
        except MemoryError as error:
            raise DocxImportError.of(e.TOO_LARGE_TO_OPEN, source_path) from error
        except Exception as error:
            # A bug met on an unusual file must not take the editor down with it; the cause stays chained.
            fault = f"{type(error).__name__}: {error}"
            raise InternalImportError.of(e.INTERNAL, source_path, fault=fault) from error


def _import(package: WordPackage, archive: SafePackage) -> ImportResult:
    styles = Styles.parse(package.parse_related("styles"))
    numbering = Numbering.parse(package.parse_related("numbering"))
    hyperlinks = {
        relationship.r_id: relationship.target
        for relationship in package.relationships.values()
        if relationship.kind == "hyperlink" and relationship.external
    }
    reader = DraftReader(styles, numbering, hyperlinks)  # simple tables of the body kept whole (tables.py)
    document = package.parse(package.main_part)
    body = document.find(w("body"))
    if body is None:
        raise DamagedDocumentError.of(e.NO_BODY, part=package.main_part)
    items = reader.read_blocks(body)
    notes = _notes(package, reader)
    comments = _comments(package, styles, numbering)
    threads = read_threads(package.parse_related("commentsExtended"))
    link_threads(comments, threads)
    if not threads.parents and read_application(archive).startswith("LibreOffice"):
        # LibreOffice (7.4) writes no reply links: its replies share their parent's range, as Word's do.
        threads_from_ranges(comments, reader.stats.comment_ranges)
    extra_notes: list[ImportNote] = []
    try:
        core = read_core_properties(archive)
    except DamagedDocumentError as error:
        # Title, author and dates are not the report's content: a damaged properties part is noted, not fatal.
        core = CoreProperties()
        # The error's own phrase (a file-error template): the window shows it in the interface's language too.
        extra_notes.append(ImportNote.of(n.PROPERTIES_UNREADABLE, detail=error.message))
    language = choose_language(core, reader.stats, styles, items)
    source = Source(items, notes, comments, reader.stats, reader.bookmark_notes)
    ours = made_from_our_template({style.name for style in styles.by_id.values()})
    builder = Builder(source, language, load_preset(language), ours=ours)
    report = builder.build()
    report.author = core.author
    # A stamp outside what the .docx writer can write (and the .minutes loader accepts) is left out, with a
    # note: the imported report must save, open again and export.
    for name in ("created", "modified"):
        stamp = getattr(core, name)
        if stamp is not None and not stamp_in_range(stamp):
            extra_notes.append(
                ImportNote.of(
                    n.STAMP_DROPPED,
                    field=name,
                    value=stamp.isoformat(),
                    earliest=EARLIEST_STAMP.date().isoformat(),
                    latest=LATEST_STAMP.date().isoformat(),
                )
            )
            stamp = None
        setattr(report, name, stamp)
    builder.notes.extend(extra_notes)
    builder.notes.extend(_header_footer_notes(package, styles, numbering))
    return ImportResult(report, builder.notes, _tracks_changes(package.parse_related("settings")))


def _tracks_changes(settings: etree._Element | None) -> bool:
    """Whether a settings part turns Track Changes on (``w:trackRevisions``, an on/off value: no value is on)."""
    element = settings.find(w("trackRevisions")) if settings is not None else None
    return element is not None and element.get(w("val"), "true").lower() not in ("false", "0", "off")


def _notes(package: WordPackage, reader: BodyReader) -> dict[tuple[str, str], NoteText]:
    notes: dict[tuple[str, str], NoteText] = {}
    for kind in ("footnote", "endnote"):
        root = package.parse_related(f"{kind}s")
        if root is None:
            continue
        for element in root.iter(w(kind)):
            if (element.get(w("type")) or "normal") != "normal":
                continue  # separators and continuation notices
            note_id = element.get(w("id")) or ""
            notes.setdefault((kind, note_id), NoteText(kind, note_id, reader.read_blocks(element, source=kind)))
    return notes


def _comments(package: WordPackage, styles: Styles, numbering: Numbering) -> list[CommentPart]:
    """The comments of comments.xml, in order: author, date, initials and paragraphs (a table's rows as paragraphs)."""
    root = package.parse_related("comments")
    if root is None:
        return []
    reader = BodyReader(styles, numbering)
    comments: list[CommentPart] = []
    seen: set[str] = set()
    for element in root.iter(w("comment")):
        file_id = element.get(w("id")) or ""
        if file_id in seen:
            continue  # a second comment with the same id cannot be told apart in the text: the first one counts
        seen.add(file_id)
        paragraphs = [
            item.text for item in reader.read_blocks(element, source="comment") if isinstance(item, RawParagraph)
        ]
        comments.append(
            CommentPart(
                file_id=file_id,
                author=element.get(w("author")) or "",
                date=revision_date(element.get(w("date"))),
                initials=element.get(w("initials")) or "",
                paragraphs=paragraphs,
                para_id=last_para_id(element),
            )
        )
    return comments


def _header_footer_notes(package: WordPackage, styles: Styles, numbering: Numbering) -> list[ImportNote]:
    texts: list[Value] = []
    for relationship in package.relationships.values():
        if relationship.kind not in ("header", "footer") or relationship.external:
            continue
        if not package.archive.has(relationship.target):
            continue
        try:
            root: etree._Element = package.parse(relationship.target)
        except DamagedDocumentError:
            damaged = n.DAMAGED_HEADER if relationship.kind == "header" else n.DAMAGED_FOOTER
            texts.append(Phrase.of(damaged, part=relationship.target))
            continue
        reader = BodyReader(styles, numbering)
        for item in reader.read_blocks(root, source=relationship.kind):
            text = " ".join(item.text.split()) if isinstance(item, RawParagraph) else ""
            # Page numbers and their punctuation are the page's, not the report's.
            if any(char.isalpha() for char in text) and text not in texts:
                texts.append(text)
    if not texts:
        return []
    shown = Listing(tuple(texts[:5]), n.QUOTED_SEPARATOR)
    return [ImportNote.of(n.HEADER_FOOTER, texts=shown)]


# ------------------------------------------------------------------ language


def choose_language(core: CoreProperties, stats: BodyStats, styles: Styles, items: list[Item]) -> str:
    """The report's language tag, as the document declares it, checked against how its text is written.

    A tag in the core properties (where our writer puts the report's own
    tag) is kept when its direction agrees with the paragraphs' direction.
    Otherwise the languages marked on runs and in the style defaults are
    tried, each checked against the script the text is written in.
    """
    rtl_share = stats.rtl_paragraphs / stats.paragraphs if stats.paragraphs else 0.0
    declared = core.language.strip()
    if is_language_tag(declared):
        paragraphs_rtl = rtl_share > 0.5
        if not stats.paragraphs or (direction_of(declared) is Direction.RTL) == paragraphs_rtl:
            return declared
    script = _script_language(items)
    candidates = [tag for tag, _ in stats.languages.most_common(3)]
    default = styles.default_lang_bidi if rtl_share > 0.5 else styles.default_lang
    if default:
        candidates.append(default)
    for candidate in candidates:
        tag = _preset_code(candidate.strip())
        if tag is None:
            continue
        if script is not None and direction_of(tag) is not direction_of(script):
            continue  # declared Latin-script language, text in Arabic script (or the reverse)
        return tag
    if script is not None:
        return script
    return "ar" if rtl_share > 0.5 else "en"


def _preset_code(tag: str) -> str | None:
    """A declared tag as a report language: our preset's code when it is that preset's Word tag."""
    if not is_language_tag(tag):
        return None
    for preset in presets():
        if tag.lower() == preset.word_lang.lower():
            return preset.code
    return tag


def _script_language(items: list[Item]) -> str | None:
    """Say "ar" or "en" when one script clearly dominates the letters of the text, else None."""
    counts: Counter[str] = Counter()
    seen = 0
    for item in items:
        if not isinstance(item, RawParagraph):
            continue
        for piece in item.pieces:
            if not isinstance(piece, TextPiece):
                continue
            for char in piece.text:
                if char.isalpha():
                    counts[_script(char)] += 1
                    seen += 1
        if seen > 20000:
            break  # enough letters to judge
    total = sum(counts.values())
    if not total:
        return None
    script, count = counts.most_common(1)[0]
    if count / total < SCRIPT_MAJORITY:
        return None
    return {"arabic": "ar", "latin": "en"}.get(script)


def _script(char: str) -> str:
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0].lower() if name else "other"
