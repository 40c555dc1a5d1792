"""The .docx writer: a report's flat form (minutes_editor.render.flow) into a Word document from a template.

The body is built with lxml directly into the template's document part:
python-docx's paragraph API rescans the body on every insert and takes
seconds for a long report. Its runs are made by minutes_editor.export.runs,
its tables by minutes_editor.export.tables; before the body, the template's
styles, numbering and settings are fitted to the report's language and
direction (minutes_editor.export.language_patch). Every paragraph takes its style from the template
(see minutes_editor.ooxml.vocabulary); headings and bullets are numbered by Word
numbering, footnotes are real Word footnotes.

Right-to-left reports get ``w:bidi`` on every paragraph and in the styles,
``w:rtl`` on Arabic-script runs only, the language in ``w:lang/@w:bidi``,
complex-script twins of every font property, and a right-to-left section
(../shared/DOCX-RTL.md). Left-to-right reports get none of these.

The report's language (minutes_editor.model.language) also sets ``w:lang``
(Latin, complex-script and East Asian slots), automatic hyphenation in the
settings (on for languages that hyphenate, off for right-to-left ones) and,
with a template we ship, the default fonts and body size.

The template's header watermark (formal.docx's "DRAFT") is kept for a draft
and removed for the final version: ``watermark=False``, or by default when the
report's status is its language's final-status word.

Reviewers' pending changes are written as Word's tracked changes and their
comments as Word comments (minutes_editor.export.review_markup, after
docs/review.md); every paragraph made from a block, and every heading and
session title, carries an empty hidden bookmark naming the stable id of its
block, section or session (minutes_editor.ooxml.vocabulary ``id_mark_name``).

A footnote referenced a second time gets, at the second place, a NOTEREF
field to the first reference: Word shows it as the same superscript number
and updates it when notes are renumbered; the cached result is the number.

Every heading paragraph carries a hidden bookmark naming what it starts,
``_Minutes_<kind>_<n>`` for a section (``_Minutes_takeaways_4``) and
``_Minutes_session_<n>`` for a session's title: a section whose heading was
renamed keeps its kind when the document is imported again
(minutes_editor.ooxml.vocabulary spells them, the importer reads them). Word hides bookmarks whose
names start with an underscore; LibreOffice keeps them when it saves a .docx.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from minutes_editor.collector import collector_paused
from minutes_editor.export.language_patch import bidi_in_parts, patch_numbering, patch_settings, patch_styles
from minutes_editor.export.review_markup import (
    BODY,
    Events,
    Ids,
    Tracker,
    event_elements,
    former_paragraph,
    plan_ranges,
    write_comments,
)
from minutes_editor.export.runs import _make_rpr, _run
from minutes_editor.export.tables import TableWriter
from minutes_editor.export.template import (
    PreparedTemplate,
    TemplateError,
    prepare,
    remove_watermarks,
)
from minutes_editor.export.text import clean_xml_text, describe_dropped, split_by_direction
from minutes_editor.model.report import Direction, Report, SectionKind
from minutes_editor.ooxml import vocabulary as st
from minutes_editor.ooxml.ns import NS, w
from minutes_editor.ooxml.opc import CT_CORE_PROPERTIES, RT_CORE_PROPERTIES
from minutes_editor.ooxml.oxml import (
    SECTPR_ORDER,
    get_or_add,
)
from minutes_editor.render.flow import FlowDocument, FlowInline, NoteMark, Origin, Paragraph, Role, Run, flatten
from minutes_editor.storage.atomic import atomic_write

__all__ = ["DocxOutput", "DocxWriter", "ExportResult", "ExportWarning", "TemplateError", "export_docx", "render_docx"]

# Clark names used in the hot loop, computed once.
_P, _PPR, _PSTYLE, _NUMPR, _ILVL, _NUMID, _BIDI = (
    w(n) for n in ("p", "pPr", "pStyle", "numPr", "ilvl", "numId", "bidi")
)
_R, _RPR, _T, _RSTYLE, _RTL = (w(n) for n in ("r", "rPr", "t", "rStyle", "rtl"))
_VAL = w("val")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_FOOTNOTE_REFERENCE, _FOOTNOTE_REF, _FOOTNOTE, _ID = (
    w(n) for n in ("footnoteReference", "footnoteRef", "footnote", "id")
)

_ROLE_NAMES = {
    Role.TITLE: "title",
    Role.SUBTITLE: "subtitle",
    Role.DATE_LINE: "date line",
    Role.LOCATION_LINE: "location line",
    Role.STATUS: "document status",
    Role.HEADING: "heading",
    Role.SUBHEADING: "sub-heading",
    Role.GOALS: "goals line",
    Role.BODY: "paragraph",
    Role.BULLET: "bullet",
    Role.LABEL: "label",
    Role.PARTICIPANTS: "participants",
    Role.TABLE: "table",
}


@dataclass(frozen=True)
class ExportWarning:
    """Something the export changed or left out, said for a person; ``origin`` points into the report when known."""

    message: str
    origin: Origin | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class DocxOutput:
    """A written document's bytes and the warnings raised while writing it."""

    data: bytes
    warnings: list[ExportWarning] = field(default_factory=list)


@dataclass
class ExportResult:
    """Where a report was exported and what the export warned about."""

    path: Path
    warnings: list[ExportWarning] = field(default_factory=list)


def export_docx(
    report: Report, path: Path | str, *, template: Path | str | None = None, watermark: bool | None = None
) -> ExportResult:
    """Write ``report`` as a Word document at ``path``, atomically, keeping the previous file as NAME.docx.bak.

    ``template`` is any .docx whose page set-up, headers, footers and styles
    the report takes, or the name of a template we ship ("formal"); our
    default template when None. ``watermark`` False removes the template's
    watermark (the final version), True keeps it; None keeps it unless the
    report's status is its language's final-status word. Raises
    TemplateError for an unusable template and
    minutes_editor.storage.atomic.WriteError when the file cannot be written.
    """
    output = render_docx(report, template=template, watermark=watermark)
    target = Path(path)

    def write(stream: BinaryIO) -> None:
        stream.write(output.data)

    atomic_write(target, write)
    return ExportResult(target, output.warnings)


def render_docx(report: Report, *, template: Path | str | None = None, watermark: bool | None = None) -> DocxOutput:
    """The .docx bytes of ``report``, without touching the disk (besides reading the template)."""
    with collector_paused():  # an allocation burst with no cycles to collect (minutes_editor/collector.py)
        writer = DocxWriter(template=template, watermark=watermark)
        writer.write(flatten(report), report)
        return DocxOutput(writer.to_bytes(), writer.warnings)


class DocxWriter:
    """Writes one flattened report into a prepared template: start, add paragraphs and notes, save."""

    def __init__(self, *, template: Path | str | None = None, watermark: bool | None = None) -> None:
        self.prepared: PreparedTemplate = prepare(template)
        self.watermark = watermark
        self.warnings: list[ExportWarning] = [ExportWarning(message) for message in self.prepared.warnings]
        self._rtl = False
        self._body: etree._Element | None = None
        # Kinds of the report's sections, by index, for the heading bookmarks (none without a report).
        self._section_kinds: tuple[SectionKind, ...] = ()

    # Life cycle

    def write(self, flow: FlowDocument, report: Report | None = None) -> None:
        """Write the whole report: settings and styles for its language, body, footnotes, properties."""
        self.start(flow)
        if report is not None:
            self._section_kinds = tuple(section.kind for section in report.sections)
        for paragraph in flow.paragraphs:
            self.add(paragraph)
        self.add_notes(flow)
        self.add_comments(flow)
        if report is not None:
            self._unused_notes(flow, report)
        self.set_properties(flow, report)

    def start(self, flow: FlowDocument) -> None:
        """Adapt the template to the report's language and direction, and open the body."""
        self._rtl = flow.direction is Direction.RTL
        self._flow = flow
        # The styles, numbering and settings for the report's language and direction: export/language_patch.py.
        patch_styles(self.prepared, flow, rtl=self._rtl)
        patch_numbering(self.prepared, flow, rtl=self._rtl)
        patch_settings(self.prepared, flow, rtl=self._rtl)
        package = self.prepared.package
        keep_watermark = self.watermark
        if keep_watermark is None:
            status = next((p.text for p in flow.paragraphs if p.role is Role.STATUS), "")
            keep_watermark = not flow.preset.is_final(status)
        if not keep_watermark:
            remove_watermarks(package, self.prepared.main)
        body = package.xml(self.prepared.main).find(w("body"))
        assert body is not None
        section = body.find(w("sectPr"))
        assert section is not None
        body.remove(section)
        if self._rtl:
            get_or_add(section, w("bidi"), SECTPR_ORDER)
            bidi_in_parts(self.prepared)
        self._section = section
        self._body = body
        self._note_uses = _note_counts(flow)
        self._note_seen: set[int] = set()
        self._section_kinds = ()
        self._ppr_cache: dict[tuple[Role, int], etree._Element] = {}
        # Bookmarks, revisions, move ranges and comments share one count of w:id values.
        self._ids = Ids()
        self._plan = plan_ranges(flow, self._ids)
        self._tracker = Tracker(self._ids, self._plan)
        self._index = 0
        self._id_marks: set[str] = set()
        self._tables = TableWriter(  # tables: export/tables.py
            rtl=self._rtl,
            text_width=_text_width(section),
            cell_ppr=lambda: copy.copy(self._make_ppr(Role.BODY, 0)),
            write_runs=self._runs,
            next_events=self._next_events,
            id_mark=self._id_mark,
            ids=self._ids,
        )
        self.warnings.extend(ExportWarning(message) for message in self._plan.warnings)
        self.warnings.extend(
            ExportWarning(f"The pending change of {where} has no place in the report; it is not exported.")
            for where in flow.unplaced
        )

    def add(self, paragraph: Paragraph) -> None:
        """Append one paragraph to the body."""
        assert self._body is not None, "start() first"
        if paragraph.table is not None:
            self._tables.append(self._body, paragraph)
            return
        element = self._paragraph(paragraph, self._next_events())
        self._body.append(self._tables.spaced(self._body, element, paragraph.role))

    def _next_events(self) -> Events | None:
        """The comment and move ranges of the body's next paragraph (a table's cells are each one)."""
        self._index += 1
        return self._plan.at(BODY, self._index - 1)

    def add_notes(self, flow: FlowDocument) -> None:
        """Write the report's footnotes, in the order Word numbers them."""
        root = self.prepared.package.xml(self.prepared.footnotes)
        style_id = self.prepared.style_ids[st.FOOTNOTE_TEXT]
        ref_style = self.prepared.style_ids[st.FOOTNOTE_REFERENCE]
        for note in flow.notes:
            where = f"footnote {note.number}"
            if not note.inlines:
                self.warnings.append(
                    ExportWarning(f"{where.capitalize()} is referenced but has no text; it is exported empty.")
                )
            element = etree.SubElement(root, _FOOTNOTE)
            element.set(_ID, self._note_id(note.number))
            paragraph = etree.SubElement(element, _P)
            ppr = etree.SubElement(paragraph, _PPR)
            etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
            if self._rtl:
                etree.SubElement(ppr, _BIDI)
            mark = etree.SubElement(paragraph, _R)
            mark_rpr = etree.SubElement(mark, _RPR)
            etree.SubElement(mark_rpr, _RSTYLE).set(_VAL, ref_style)
            if self._rtl:
                etree.SubElement(mark_rpr, _RTL)
            etree.SubElement(mark, _FOOTNOTE_REF)
            paragraph.append(_run(" ", bold=False, italic=False, underline=False, rtl=self._rtl))
            self._runs(paragraph, note.inlines, where, self._plan.at(note.number, 0))

    def add_comments(self, flow: FlowDocument) -> None:
        """Write the report's comments and their threads (comments.xml, commentsExtended.xml)."""

        def add_text(paragraph: etree._Element, text: str) -> None:
            if text:
                self._runs(paragraph, (Run(text),), "a comment")

        write_comments(self.prepared.package, self.prepared.main, flow, self._plan, rtl=self._rtl, add_text=add_text)

    def set_properties(self, flow: FlowDocument, report: Report | None) -> None:
        """Fill in the document's core properties: title, language, author, created and modified."""
        package = self.prepared.package
        cp, dc, dcterms, xsi = NS["cp"], NS["dc"], NS["dcterms"], NS["xsi"]
        # A fresh root with our prefixes: xsi:type below names the "dcterms" prefix, which must be declared.
        root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi})
        name = package.related("", RT_CORE_PROPERTIES)
        if name is not None and package.has(name):
            root.extend(list(package.xml(name)))
        else:
            name = "docProps/core.xml"
            package.relate("", RT_CORE_PROPERTIES, name)
        package.put_xml(name, root, CT_CORE_PROPERTIES)
        now = dt.datetime.now(dt.UTC)
        created = report.created if report and report.created else now
        modified = report.modified if report and report.modified else created if report and report.created else now
        author = self._clean(report.author if report else "", "the author")
        values = {
            # The title's characters were already reported where the title block shows it.
            f"{{{dc}}}title": clean_xml_text(flow.title).text,
            f"{{{dc}}}language": flow.language,
            f"{{{dc}}}creator": author,
            f"{{{cp}}}lastModifiedBy": author,
            f"{{{dcterms}}}created": _w3cdtf(created),
            f"{{{dcterms}}}modified": _w3cdtf(modified),
        }
        for tag, value in values.items():
            element = root.find(tag)
            if element is None:
                element = etree.SubElement(root, tag)
            element.text = value
            if tag.startswith(f"{{{dcterms}}}"):
                element.set(f"{{{xsi}}}type", "dcterms:W3CDTF")

    def to_bytes(self) -> bytes:
        """Close the body and return the document's bytes."""
        if self._body is not None and self._section.getparent() is None:
            self._tables.close(self._body)
            self._body.append(self._section)
        return self.prepared.package.to_bytes()

    # Paragraphs and runs

    def _paragraph(self, paragraph: Paragraph, events: Events | None) -> etree._Element:
        element = etree.Element(_P)
        level = paragraph.level if paragraph.role is Role.BULLET else 0
        key = (paragraph.role, level)
        ppr = self._ppr_cache.get(key)
        if ppr is None:
            ppr = self._ppr_cache[key] = self._make_ppr(paragraph.role, level)
        # Copying a prepared property element is faster than building it again for every paragraph.
        ppr = copy.copy(ppr)  # lxml copies the whole subtree
        element.append(ppr)
        if paragraph.inserted is not None or paragraph.deleted is not None or paragraph.former is not None:
            former = None
            if paragraph.former is not None:
                old = paragraph.former
                former = former_paragraph(self._ids, old.mark, self._make_ppr(old.role, old.level))
            self._tracker.paragraph_mark(ppr, paragraph.inserted, paragraph.deleted, former)
        mark = self._heading_mark(paragraph)
        heading_id = None
        if mark is not None:
            # Around the whole heading text, after w:pPr: range markup is paragraph content in the schema.
            heading_id = self._ids.next()
            start = etree.SubElement(element, w("bookmarkStart"))
            start.set(_ID, heading_id)
            start.set(w("name"), st.heading_mark_name(mark, int(heading_id)))
        if paragraph.id:
            self._id_mark(element, paragraph.id)
        self._runs(element, paragraph.inlines, paragraph, events)
        if heading_id is not None:
            etree.SubElement(element, w("bookmarkEnd")).set(_ID, heading_id)
        return element

    def _id_mark(self, element: etree._Element, stable_id: str) -> None:
        # An empty bookmark naming the part's stable id; a name is written once (bookmark names are unique).
        name = st.id_mark_name(stable_id)
        if name is None or name in self._id_marks:
            return
        self._id_marks.add(name)
        w_id = self._ids.next()
        start = etree.SubElement(element, w("bookmarkStart"))
        start.set(_ID, w_id)
        start.set(w("name"), name)
        etree.SubElement(element, w("bookmarkEnd")).set(_ID, w_id)

    def _heading_mark(self, paragraph: Paragraph) -> str | None:
        """What a heading paragraph starts, for its bookmark: a section kind's value or "session"."""
        if paragraph.role not in (Role.HEADING, Role.SUBHEADING):
            return None
        origin = paragraph.origin
        if origin.session >= 0:
            return st.SESSION_MARK
        if 0 <= origin.section < len(self._section_kinds):
            return self._section_kinds[origin.section].value
        return None

    def _make_ppr(self, role: Role, level: int) -> etree._Element:
        ppr = etree.Element(_PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, self.prepared.style_ids[st.ROLE_STYLES[role]])
        if role is Role.BULLET:
            numpr = etree.SubElement(ppr, _NUMPR)
            etree.SubElement(numpr, _ILVL).set(_VAL, str(max(level, 1) - 1))
            etree.SubElement(numpr, _NUMID).set(_VAL, self.prepared.bullet_num_id)
        if self._rtl:
            etree.SubElement(ppr, _BIDI)
        return ppr

    def _runs(
        self,
        paragraph: etree._Element,
        inlines: Iterable[FlowInline],
        source: Paragraph | str,
        events: Events | None = None,
    ) -> None:
        """Append runs for ``inlines``; ``source`` says where they come from, for warnings; ``events`` the ranges."""
        items = list(inlines)
        texts: list[str] = []
        for item in items:
            if isinstance(item, Run):
                text = item.text
                if _NEEDS_CLEANING.search(text):
                    cleaned = clean_xml_text(text)
                    if cleaned.dropped:
                        where = source if isinstance(source, str) else _where(source)
                        origin = None if isinstance(source, str) else source.origin
                        self.warnings.append(
                            ExportWarning(f"Dropped {describe_dropped(cleaned.dropped)} from {where}.", origin)
                        )
                    text = cleaned.text
                texts.append(text)
            else:
                texts.append("")
        pieces = split_by_direction(texts, True) if self._rtl else [[(text, False)] if text else [] for text in texts]
        last_rtl = self._rtl
        for index, (item, parts) in enumerate(zip(items, pieces, strict=True)):
            if events and index in events:
                paragraph.extend(event_elements(events[index]))
            if isinstance(item, NoteMark):
                elements = self._note_reference(item, last_rtl)
            else:
                elements = []
                for text, rtl in parts:
                    run = _run(text, item.bold, item.italic, item.underline, rtl)
                    if item.former is not None:
                        old = item.former
                        self._tracker.former_emphasis(run, old, _make_rpr(old.bold, old.italic, old.underline, rtl))
                    elements.append(run)
                    last_rtl = rtl
            if item.inserted is None and item.deleted is None:
                paragraph.extend(elements)
            else:
                self._tracker.append(paragraph, elements, item.inserted, item.deleted)
        if events and len(items) in events:
            paragraph.extend(event_elements(events[len(items)]))

    def _note_reference(self, mark: NoteMark, rtl: bool) -> list[etree._Element]:
        run = etree.Element(_R)
        rpr = etree.SubElement(run, _RPR)
        etree.SubElement(rpr, _RSTYLE).set(_VAL, self.prepared.style_ids[st.FOOTNOTE_REFERENCE])
        if rtl:
            etree.SubElement(rpr, _RTL)
        bookmark = f"_RefNote{mark.number}"
        if mark.number not in self._note_seen:
            self._note_seen.add(mark.number)
            etree.SubElement(run, _FOOTNOTE_REFERENCE).set(_ID, self._note_id(mark.number))
            if self._note_uses.get(mark.number, 0) < 2:
                return [run]
            # Referenced again later: bookmark this mark so the later places can point at it.
            w_id = self._ids.next()
            start = etree.Element(w("bookmarkStart"))
            start.set(_ID, w_id)
            start.set(w("name"), bookmark)
            end = etree.Element(w("bookmarkEnd"))
            end.set(_ID, w_id)
            return [start, run, end]
        field_element = etree.Element(w("fldSimple"))
        field_element.set(w("instr"), f" NOTEREF {bookmark} \\f \\h ")
        etree.SubElement(run, _T).text = str(mark.number)
        field_element.append(run)
        return [field_element]

    def _note_id(self, number: int) -> str:
        # Note ids follow the separators' ids; with Word's -1 and 0 they are 1, 2, ...
        highest = max((int(value) for value in self.prepared.separator_ids), default=0)
        return str(number + max(highest, 0))

    def _unused_notes(self, flow: FlowDocument, report: Report) -> None:
        used = {note.footnote_id for note in flow.notes}
        for note in report.footnotes:
            if note.id not in used:
                self.warnings.append(
                    ExportWarning(f'Footnote "{note.id}" is not referenced anywhere in the text; it is not exported.')
                )

    def _clean(self, text: str, where: str) -> str:
        cleaned = clean_xml_text(text)
        if cleaned.dropped:
            self.warnings.append(ExportWarning(f"Dropped {describe_dropped(cleaned.dropped)} from {where}."))
        return cleaned.text


def _note_counts(flow: FlowDocument) -> dict[int, int]:
    counts: dict[int, int] = {}
    for paragraph in flow.paragraphs:
        for item in (item for texts in paragraph.texts() for item in texts):
            if isinstance(item, NoteMark):
                counts[item.number] = counts.get(item.number, 0) + 1
    return counts


def _text_width(section: etree._Element) -> int:
    """The width between the page's margins in twentieths of a point (A4 with 2.5 cm margins if unknown)."""
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    try:
        width = int(size.get(w("w"), "11906")) if size is not None else 11906
        if margins is not None:
            width -= int(margins.get(w("left"), "1417")) + int(margins.get(w("right"), "1417"))
    except ValueError:
        return 9072
    return width if width > 1000 else 9072


def _where(paragraph: Paragraph) -> str:
    origin = paragraph.origin
    role = _ROLE_NAMES[paragraph.role]
    if origin.section < 0:
        return f"the title block ({role})"
    place = f"section {origin.section + 1}"
    if origin.session >= 0:
        place += f", session {origin.session + 1}"
    if origin.block >= 0:
        return f"{place}, {role} {origin.block + 1}"
    return f"{place}, {role}"


def _w3cdtf(value: dt.datetime) -> str:
    # A naive time is taken as UTC, so the same report gives the same file on every machine.
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    # W3CDTF years have four digits; strftime's %Y writes year 999 as "999" on glibc.
    return f"{value.year:04d}-{value:%m-%dT%H:%M:%S}Z"
