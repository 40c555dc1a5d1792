"""Prepare a Word template for export: find its parts and styles, fill in what it lacks from ours.

Any .docx (or .dotx) can serve as a template, as pandoc's reference document
does: its styles, page size, margins, headers, footers and their pictures are
kept and its body is emptied (its last section properties are kept); styles,
numbering, settings and footnotes parts it lacks are taken from our default
template (templates/report.docx); the required styles it lacks are copied
from ours with one warning naming them all; a heading or bullet style without
suitable Word numbering gets our numbering definitions.

A template may be named instead of given as a path: "formal" is
templates/formal.docx; a relative path in a report is read from the report's
folder (``template_for``). Watermarks in its headers (Word's text or picture
watermarks) can be removed for the final version.

Every template, ours included, comes in through one door
(``minutes_editor.export.template_door``): read as any user's file, opened
under the zip and XML limits of every .docx we read (``minutes_editor.ooxml``), and sorted by a whitelist so that
only styles, numbering, settings, page set-up, headers, footers and their
pictures, theme and fonts reach a report; anything wrong is a TemplateError
naming the file.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from minutes_editor.export.package import Package, PackageError
from minutes_editor.export.template_door import TemplateError, read_template
from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml import vocabulary as st
from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.opc import (
    CT_CORE_PROPERTIES,
    CT_DOCUMENT,
    CT_DOCUMENT_MACRO,
    CT_EXTENDED_PROPERTIES,
    CT_FOOTNOTES,
    CT_NUMBERING,
    CT_SETTINGS,
    CT_STYLES,
    CT_TEMPLATE,
    CT_TEMPLATE_MACRO,
    RT_CORE_PROPERTIES,
    RT_ENDNOTES,
    RT_EXTENDED_PROPERTIES,
    RT_FOOTNOTES,
    RT_HEADER,
    RT_NUMBERING,
    RT_SETTINGS,
    RT_STYLES,
)
from minutes_editor.ooxml.oxml import (
    NUMBERING_ORDER,
    PPR_ORDER,
    SECTPR_ORDER,
    SETTINGS_ORDER,
    STYLE_ORDER,
    STYLES_ORDER,
    get_or_add,
    insert_ordered,
)
from minutes_editor.paths import default_template, templates_dir
from minutes_editor.phrases import Phrase

VAL = w("val")
STYLE_ID = w("styleId")
TYPE = w("type")

#: Names Word gives its watermark shapes: text ("Design > Watermark > DRAFT") and picture watermarks.
WATERMARK_PREFIXES = ("PowerPlusWaterMarkObject", "WordPictureWatermark")
_VML_SHAPE = "{urn:schemas-microsoft-com:vml}shape"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


__all__ = ["PreparedTemplate", "TemplateError", "prepare", "resolve_template", "template_for"]


@dataclass
class PreparedTemplate:
    """A template package ready to receive a report body.

    ``style_ids`` maps each required style to the id it has in this
    template; ``heading_num_id`` and ``bullet_num_id`` are the ``w:num``
    ids of the heading and bullet numbering; ``separator_ids`` are the ids
    of the footnote separators; ``is_default`` tells whether this is our
    default template; ``shipped`` whether it is one of the templates we ship
    (templates/*.docx), whose fonts the writer sets from the report's language.
    """

    package: Package
    main: str
    styles: str
    numbering: str
    settings: str
    footnotes: str
    style_ids: dict[st.StyleName, str]
    heading_num_id: str
    bullet_num_id: str
    separator_ids: tuple[str, ...]
    is_default: bool
    shipped: bool = False
    warnings: list[str] = field(default_factory=list)


@functools.cache
def _default_package(path: Path, mtime: float, size: int) -> Package:
    return read_template(path, shipped=True)


def default_package() -> Package:
    """A fresh copy of our default template's package."""
    # Read on every export: through the door once while the file is unchanged, then copied.
    path = default_template()
    try:
        info = path.stat()
    except OSError:
        return read_template(path, shipped=True)  # which says what is wrong
    return _copy(_default_package(path, info.st_mtime, info.st_size))


def _copy(package: Package) -> Package:
    members = {name: package.blob(name) for name in package.names()}
    return Package(members)


def shipped_templates() -> dict[str, Path]:
    """The templates we ship, by name: "report" (plain, the default) and "formal"."""
    return {path.stem: path for path in sorted(templates_dir().glob("*.docx"))}


def resolve_template(template: Path | str | None) -> Path | None:
    """The file a template setting means: an existing path, else a shipped template's name ("formal"), else as given.

    None stays None (our default template).
    """
    if template is None:
        return None
    path = Path(template)
    if _exists(path) or len(path.parts) != 1:
        return path
    return shipped_templates().get(path.stem if path.suffix.lower() == ".docx" else path.name, path)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a NUL in the name, too long a name: the door says what is wrong
        return False


def template_for(template: str | None, report_path: Path | None) -> Path | None:
    """The template a report's ``"template"`` field means: a relative path is read from the report's folder.

    A shipped template's name ("formal") stays a name unless a file of that name lies beside the report;
    a report not saved yet (``report_path`` None) keeps a relative path as it is, read from the current folder.
    """
    if not template:
        return None
    path = Path(template)
    if report_path is None or path.is_absolute():
        return path
    beside = Path(report_path).parent / path
    if _exists(beside) or len(path.parts) != 1:
        return beside
    shipped = resolve_template(path)
    return shipped if shipped is not None and shipped != path else beside


def prepare(template: Path | str | None = None) -> PreparedTemplate:
    """Open ``template`` (None for our default, or a shipped template's name) and make it fit to receive a report."""
    ours_path = default_template()
    template = resolve_template(template)
    source = ours_path if template is None else Path(template)
    try:
        resolved = source.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name: the door says what is wrong
        resolved = source
    is_default = resolved == ours_path.resolve()
    shipped = is_default or resolved.parent == templates_dir().resolve()
    package = default_package() if is_default else read_template(source, shipped=shipped)
    try:
        main = package.main_document()
        ours = package if is_default else default_package()
        prepared = _Preparer(package, main, ours, is_default, shipped=shipped).run()
    except PackageError as error:
        raise TemplateError.unusable(source, str(error)) from error
    except (KeyError, IndexError, TypeError, ValueError, AssertionError, AttributeError) as error:
        if isinstance(error, TemplateError):
            raise
        # A template we did not foresee: said, not a traceback.
        fault = f"{type(error).__name__}: {error}"
        raise TemplateError.unusable(source, Phrase(e.INTERNAL, {"fault": fault})) from error
    prepared.shipped = shipped
    return prepared


class _Preparer:
    """Fills a template's gaps from our default template, collecting warnings."""

    def __init__(self, package: Package, main: str, ours: Package, is_default: bool, *, shipped: bool) -> None:
        self.package = package
        self.main = main
        self.ours = ours
        self.ours_main = ours.main_document()
        self.is_default = is_default
        self.shipped = shipped
        self.warnings: list[str] = []

    def run(self) -> PreparedTemplate:
        self._as_document()
        if not self.shipped:
            self._our_properties()
        styles = self._part(RT_STYLES, CT_STYLES, "styles")
        numbering = self._part(RT_NUMBERING, CT_NUMBERING, "numbering")
        settings = self._part(RT_SETTINGS, CT_SETTINGS, "settings")
        footnotes = self._part(RT_FOOTNOTES, CT_FOOTNOTES, "footnotes")
        style_ids = self._styles(styles)
        heading_num = self._numbering(styles, numbering, style_ids[st.HEADING_1], bullet=False)
        bullet_num = self._numbering(styles, numbering, style_ids[st.LIST_BULLET], bullet=True)
        separators = self._footnotes(footnotes, settings)
        self._empty_endnotes()
        self._empty_body()
        return PreparedTemplate(
            package=self.package,
            main=self.main,
            styles=styles,
            numbering=numbering,
            settings=settings,
            footnotes=footnotes,
            style_ids=style_ids,
            heading_num_id=heading_num,
            bullet_num_id=bullet_num,
            separator_ids=separators,
            is_default=self.is_default,
            warnings=self.warnings,
        )

    # Parts

    def _as_document(self) -> None:
        # A .dotx (or macro-enabled file) becomes a plain document: Word refuses a .docx typed as a template.
        kind = self.package.content_type(self.main)
        if kind in (CT_TEMPLATE, CT_TEMPLATE_MACRO, CT_DOCUMENT_MACRO):
            self.package.set_override(self.main, CT_DOCUMENT)
            if kind != CT_TEMPLATE:
                self.warnings.append("The template is macro-enabled; its macros are not carried into the report.")

    def _our_properties(self) -> None:
        # The door left the template's own properties out (its author, company, title): ours, filled from the report.
        for rel_type, content_type in (
            (RT_CORE_PROPERTIES, CT_CORE_PROPERTIES),
            (RT_EXTENDED_PROPERTIES, CT_EXTENDED_PROPERTIES),
        ):
            ours_name = self.ours.related("", rel_type)
            if ours_name is None or not self.ours.has(ours_name):
                continue
            name = ours_name if not self.package.has(ours_name) else self.package.unused_name("docProps/props{}.xml")
            self.package.put_xml(name, copy.deepcopy(self.ours.xml(ours_name)), content_type)
            self.package.relate("", rel_type, name)

    def _part(self, rel_type: str, content_type: str, label: str) -> str:
        name = self.package.related(self.main, rel_type)
        if name is not None and self.package.has(name):
            return name
        ours_name = self.ours.related(self.ours_main, rel_type)
        assert ours_name is not None, f"default template lacks its {label} part"
        name = self.package.unused_name(f"word/{label}{{}}.xml") if self.package.has(ours_name) else ours_name
        self.package.put_xml(name, copy.deepcopy(self.ours.xml(ours_name)), content_type)
        self.package.relate(self.main, rel_type, name)
        if label != "footnotes":
            self.warnings.append(f"The template has no {label} part; the default one is used.")
        return name

    # Styles

    def _styles(self, styles_part: str) -> dict[st.StyleName, str]:
        root = self.package.xml(styles_part)
        ours_root = self.ours.xml(self.ours.related(self.ours_main, RT_STYLES) or "")
        ids: dict[st.StyleName, str] = {}
        missing: list[str] = []
        for wanted in st.REQUIRED_STYLES:
            found = st.find_style(root, wanted.xml_name, wanted.kind)
            if found is None:
                found = self._copy_style(root, ours_root, wanted.style_id)
                missing.append(f'"{wanted.name}"')
            ids[wanted] = found.get(STYLE_ID, "")
        # One warning for all of them: a plain document lacks half a dozen, and a list of six warnings buries the rest.
        if len(missing) == 1:
            self.warnings.append(f"The template has no style {missing[0]}; the default one is used.")
        elif missing:
            self.warnings.append(
                f"The template lacks {len(missing)} styles the report uses: {', '.join(missing)}; "
                "the default ones are used."
            )
        return ids

    def _copy_style(self, root: etree._Element, ours_root: etree._Element, our_id: str) -> etree._Element:
        source = _style_by_id(ours_root, our_id)
        assert source is not None, f"default template lacks style {our_id}"
        existing = st.find_style(root, st.style_name(source), source.get(TYPE, "paragraph"))
        if existing is not None:
            return existing
        style = copy.deepcopy(source)
        new_id = our_id
        number = 1
        while _style_by_id(root, new_id) is not None:
            new_id = f"{our_id}{number}"
            number += 1
        style.set(STYLE_ID, new_id)
        # Numbering of a copied style is decided by _numbering, against the template's own numbering part.
        num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None:
            num_pr.getparent().remove(num_pr)  # type: ignore[union-attr]
        insert_ordered(root, style, STYLES_ORDER)
        for tag, required in ((w("basedOn"), True), (w("next"), False), (w("link"), False)):
            reference = style.find(tag)
            if reference is None:
                continue
            target = _style_by_id(ours_root, reference.get(VAL, ""))
            mapped = None
            if target is not None:
                mapped = st.find_style(root, st.style_name(target), target.get(TYPE, "paragraph"))
                if mapped is None and required:
                    mapped = self._copy_style(root, ours_root, target.get(STYLE_ID, ""))
            if mapped is None:
                style.remove(reference)
            else:
                reference.set(VAL, mapped.get(STYLE_ID, ""))
        return style

    # Numbering

    def _numbering(self, styles_part: str, numbering_part: str, style_id: str, *, bullet: bool) -> str:
        styles = self.package.xml(styles_part)
        numbering = self.package.xml(numbering_part)
        style = _style_by_id(styles, style_id)
        assert style is not None
        num_id_el = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if num_id_el is not None:
            num_id = num_id_el.get(VAL, "")
            abstract = abstract_for(numbering, num_id)
            if abstract is not None and _suits(abstract, bullet=bullet):
                return num_id
        label = "bullet list" if bullet else "heading"
        if not self.is_default:
            self.warnings.append(
                f'The template\'s style "{st.style_name(style)}" has no suitable Word numbering; '
                f"the default {label} numbering is used."
            )
        num_id = self._import_numbering(numbering, bullet=bullet, heading_style=None if bullet else style_id)
        ppr = get_or_add(style, w("pPr"), STYLE_ORDER)
        num_pr = get_or_add(ppr, w("numPr"), PPR_ORDER)
        for existing in list(num_pr):
            num_pr.remove(existing)
        etree.SubElement(num_pr, w("numId")).set(VAL, num_id)
        return num_id

    def _import_numbering(self, numbering: etree._Element, *, bullet: bool, heading_style: str | None) -> str:
        ours = self.ours.xml(self.ours.related(self.ours_main, RT_NUMBERING) or "")
        our_style = st.LIST_BULLET.style_id if bullet else st.HEADING_1.style_id
        ours_styles = self.ours.xml(self.ours.related(self.ours_main, RT_STYLES) or "")
        our_num = ours_styles.find(f"{w('style')}[@{w('styleId')}='{our_style}']/{w('pPr')}/{w('numPr')}/{w('numId')}")
        assert our_num is not None
        source = abstract_for(ours, our_num.get(VAL, ""))
        assert source is not None
        abstract = copy.deepcopy(source)
        abstract_ids = [int(item.get(w("abstractNumId"), "0")) for item in numbering.iterfind(w("abstractNum"))]
        num_ids = [int(item.get(w("numId"), "0")) for item in numbering.iterfind(w("num"))]
        new_abstract = str(max(abstract_ids, default=-1) + 1)
        new_num = str(max(num_ids, default=0) + 1)
        abstract.set(w("abstractNumId"), new_abstract)
        for pstyle in list(abstract.iter(w("pStyle"))):
            if heading_style:
                pstyle.set(VAL, heading_style)
            else:
                pstyle.getparent().remove(pstyle)  # type: ignore[union-attr]
        insert_ordered(numbering, abstract, NUMBERING_ORDER)
        num = etree.Element(w("num"))
        num.set(w("numId"), new_num)
        etree.SubElement(num, w("abstractNumId")).set(VAL, new_abstract)
        insert_ordered(numbering, num, NUMBERING_ORDER)
        return new_num

    # Footnotes

    def _footnotes(self, footnotes_part: str, settings_part: str) -> tuple[str, ...]:
        root = self.package.xml(footnotes_part)
        separators: dict[str, str] = {}
        for note in list(root.iterfind(w("footnote"))):
            kind = note.get(TYPE, "normal")
            if kind in ("separator", "continuationSeparator", "continuationNotice"):
                separators.setdefault(kind, note.get(w("id"), ""))
            else:
                # The template's own notes belong to the body we are replacing.
                root.remove(note)
        for kind, wanted_id in (("separator", "-1"), ("continuationSeparator", "0")):
            if kind in separators:
                continue
            taken = {note.get(w("id")) for note in root}
            note_id = wanted_id
            while note_id in taken:
                note_id = str(int(note_id) - 1)
            note = etree.Element(w("footnote"))
            note.set(TYPE, kind)
            note.set(w("id"), note_id)
            run = etree.SubElement(etree.SubElement(note, w("p")), w("r"))
            etree.SubElement(run, w(kind))
            root.insert(0 if kind == "separator" else 1, note)
            separators[kind] = note_id
        ids = tuple(separators[kind] for kind in ("separator", "continuationSeparator"))
        settings = self.package.xml(settings_part)
        footnote_pr = settings.find(w("footnotePr"))
        if footnote_pr is None:
            footnote_pr = insert_ordered(settings, etree.Element(w("footnotePr")), SETTINGS_ORDER)
        for existing in footnote_pr.findall(w("footnote")):
            footnote_pr.remove(existing)
        for note_id in ids:
            etree.SubElement(footnote_pr, w("footnote")).set(w("id"), note_id)
        return ids

    def _empty_endnotes(self) -> None:
        # The template's endnotes belong to the body we are replacing; their separators stay.
        name = self.package.related(self.main, RT_ENDNOTES)
        if name is None or not self.package.has(name):
            return
        root = self.package.xml(name)
        for note in list(root.iterfind(w("endnote"))):
            if note.get(TYPE, "normal") not in ("separator", "continuationSeparator", "continuationNotice"):
                root.remove(note)

    # Body

    def _empty_body(self) -> None:
        document = self.package.xml(self.main)
        body = document.find(w("body"))
        if body is None:
            body = etree.SubElement(document, w("body"))
        section = body.find(w("sectPr"))
        for item in list(body):
            if item is not section:
                body.remove(item)
        if section is None:
            ours_section = self.ours.xml(self.ours_main).find(f"{w('body')}/{w('sectPr')}")
            section = copy.deepcopy(ours_section) if ours_section is not None else etree.Element(w("sectPr"))
            # Our footer is not in this package: drop references to it.
            for reference in section.findall(w("footerReference")) + section.findall(w("headerReference")):
                section.remove(reference)
            body.append(section)
        get_or_add(section, w("pgSz"), SECTPR_ORDER)


def header_parts(package: Package, main: str) -> list[str]:
    """The header parts the main document refers to (default, first-page and even-page headers)."""
    return [rel.target for rel in package.relationships(main) if rel.rel_type == RT_HEADER and package.has(rel.target)]


def watermark_runs(package: Package, main: str) -> list[etree._Element]:
    """The runs of the headers that hold a Word watermark (VML or DrawingML), in document order."""
    runs: list[etree._Element] = []
    for name in header_parts(package, main):
        root = package.xml(name)
        shapes = [shape for shape in root.iter(_VML_SHAPE) if shape.get("id", "").startswith(WATERMARK_PREFIXES)]
        shapes += [shape for shape in root.iter(_DOC_PR) if shape.get("name", "").startswith(WATERMARK_PREFIXES)]
        for shape in shapes:
            run = next((parent for parent in shape.iterancestors(w("r"))), None)
            if run is not None and run not in runs:
                runs.append(run)
    return runs


def remove_watermarks(package: Package, main: str) -> int:
    """Remove the watermarks of the template's headers; returns how many were removed."""
    runs = watermark_runs(package, main)
    for run in runs:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    return len(runs)


def _style_by_id(root: etree._Element, style_id: str) -> etree._Element | None:
    for style in root.iterfind(w("style")):
        if style.get(STYLE_ID) == style_id:
            return style
    return None


def abstract_for(numbering: etree._Element, num_id: str) -> etree._Element | None:
    """The ``w:abstractNum`` that ``w:num`` ``num_id`` uses, or None."""
    for num in numbering.iterfind(w("num")):
        if num.get(w("numId")) == num_id:
            abstract_id = num.find(w("abstractNumId"))
            if abstract_id is None:
                return None
            for abstract in numbering.iterfind(w("abstractNum")):
                if abstract.get(w("abstractNumId")) == abstract_id.get(VAL):
                    return abstract
    return None


def _suits(abstract: etree._Element, *, bullet: bool) -> bool:
    levels = {lvl.get(w("ilvl")): lvl for lvl in abstract.iterfind(w("lvl"))}
    if bullet:
        needed = [str(index) for index in range(3)]
        return all(
            key in levels
            and (levels[key].find(w("numFmt")) is not None)
            and levels[key].find(w("numFmt")).get(VAL) == "bullet"  # type: ignore[union-attr]
            for key in needed
        )
    first = levels.get("0")
    if first is None:
        return False
    fmt = first.find(w("numFmt"))
    return fmt is None or fmt.get(VAL) not in ("bullet", "none")
