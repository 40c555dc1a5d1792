"""The door a Word template comes in by: read like any user's file, opened under the limits of every .docx, sorted.

A template is a file someone else may have made, named on the command line
or in a report from someone else, so it is read as every user's file is
(``minutes_editor.storage.files``: regular files only, opened without
blocking, a size cap), opened as every .docx we read is, a draft for import included
(``minutes_editor.ooxml.safe_zip``: member count, sizes, compression
ratio) and every XML part it keeps is parsed as every part we read is
(``minutes_editor.ooxml.safe_xml``: no DTD, no entities, no network,
bounded depth).

Then only what a template should bring is kept, decided by a whitelist of
relationships followed from the package root: the main document, and from it
styles, numbering, settings, web settings, font table, theme, headers,
footers, footnotes and endnotes; from headers, footers and notes their
pictures and hyperlinks, from the theme and numbering their pictures, from
the font table its embedded fonts. Nothing else is reachable, so macros
(``vbaProject.bin``), comments, people, custom XML, glossary documents,
embedded objects, an attached template, mail-merge sources, the template's
own document properties and any member whose name leaves the package
(``../``, absolute, backslashes) never reach an exported report; references
to what was left out are removed from the parts that held them. Our shipped
templates keep their document properties (ours); any other template gets
ours, and the export fills them from the report.

Every failure is a ``TemplateError``, whose message is a template in the
``FileErrors`` context like the loader's and the importer's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Self

from lxml import etree

from minutes_editor.errors import FILE_MISSING, NO_PERMISSION, UserFileError
from minutes_editor.export.package import Package
from minutes_editor.ooxml import errors as e
from minutes_editor.ooxml.errors import DocxImportError
from minutes_editor.ooxml.ns import NS, w
from minutes_editor.ooxml.opc import (
    CONTENT_TYPES,
    MAIN_DOCUMENT_TYPES,
    PACKAGE_RELS,
    RT_CORE_PROPERTIES,
    RT_ENDNOTES,
    RT_EXTENDED_PROPERTIES,
    RT_FONT,
    RT_FONT_TABLE,
    RT_FOOTER,
    RT_FOOTNOTES,
    RT_HEADER,
    RT_HYPERLINK,
    RT_IMAGE,
    RT_NUMBERING,
    RT_OFFICE_DOCUMENT,
    RT_SETTINGS,
    RT_STYLES,
    RT_STYLES_WITH_EFFECTS,
    RT_THEME,
    RT_WEB_SETTINGS,
    relationship,
    rels_name,
    safe_part_name,
)
from minutes_editor.ooxml.safe_xml import parse_part
from minutes_editor.ooxml.safe_zip import MB, Limits, SafePackage
from minutes_editor.ooxml.vocabulary import style_name
from minutes_editor.phrases import QT_TRANSLATE_NOOP, Phrase, Value
from minutes_editor.storage import messages as m
from minutes_editor.storage.files import FileTooLargeError, NotRegularFileError, read_regular

# Far above any letterhead with its logo; a template is read whole into memory.
TEMPLATE_LIMITS = Limits(
    max_file_bytes=64 * MB,
    max_members=2_000,
    max_member_bytes=64 * MB,
    max_total_bytes=256 * MB,
    max_read_bytes=256 * MB,
)

# ------------------------------------------------------------------- messages
# Translators: keep every {name} field; {part} is a part's name inside the .docx archive, shown as written.

#: {reason} is what is wrong: one of the messages below, or one of the importer's.
CANNOT_USE = QT_TRANSLATE_NOOP("FileErrors", "this Word template cannot be used: {reason}")
#: {size} and {limit} are sizes in megabytes.
TEMPLATE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "FileErrors", "the file is {size} MB, larger than the {limit} MB a template can be"
)
NO_CONTENT_TYPES = QT_TRANSLATE_NOOP(
    "FileErrors", "the archive has no [Content_Types].xml, so it is not a Word document"
)
#: {kind} is the main part's media type as the file declares it.
NOT_WORD_MAIN = QT_TRANSLATE_NOOP("FileErrors", "its main part is {kind}, not a Word document")
#: {style} is the style's name as the file writes it.
STYLE_WITHOUT_ID = QT_TRANSLATE_NOOP("FileErrors", 'part {part} has a style without an id (styleId): "{style}"')
#: {value} is the id as the file writes it.
ID_NOT_A_NUMBER = QT_TRANSLATE_NOOP("FileErrors", "part {part} has an id that is not a whole number: {value}")


class TemplateError(UserFileError, ValueError):
    """A template cannot be used; the message names the file and says why."""

    @classmethod
    def of(cls, template: str, path: Path | None = None, **values: Value) -> Self:
        """The error saying ``template`` (a message above) filled with ``values``."""
        return cls(Phrase(template, values), path)

    @classmethod
    def unusable(cls, path: Path, reason: str | Phrase) -> Self:
        """The template at ``path`` cannot be used, for ``reason``."""
        return cls.of(CANNOT_USE, path, reason=reason if isinstance(reason, Phrase) else Phrase(reason))


# ------------------------------------------------------------ what may come in

#: What each kind of part may relate to; a part reached by a relationship is of that relationship's kind.
_MAY_RELATE: dict[str, frozenset[str]] = {
    "": frozenset({RT_OFFICE_DOCUMENT}),
    RT_OFFICE_DOCUMENT: frozenset(
        {
            RT_STYLES,
            RT_STYLES_WITH_EFFECTS,
            RT_NUMBERING,
            RT_SETTINGS,
            RT_WEB_SETTINGS,
            RT_FONT_TABLE,
            RT_THEME,
            RT_HEADER,
            RT_FOOTER,
            RT_FOOTNOTES,
            RT_ENDNOTES,
        }
    ),
    RT_HEADER: frozenset({RT_IMAGE, RT_HYPERLINK}),
    RT_FOOTER: frozenset({RT_IMAGE, RT_HYPERLINK}),
    RT_FOOTNOTES: frozenset({RT_IMAGE, RT_HYPERLINK}),
    RT_ENDNOTES: frozenset({RT_IMAGE, RT_HYPERLINK}),
    RT_NUMBERING: frozenset({RT_IMAGE}),
    RT_THEME: frozenset({RT_IMAGE}),
    RT_FONT_TABLE: frozenset({RT_FONT}),
}
#: Our own templates' properties are ours: kept.
_SHIPPED_PACKAGE = frozenset({RT_OFFICE_DOCUMENT, RT_CORE_PROPERTIES, RT_EXTENDED_PROPERTIES})
#: Parts kept as bytes, with the media types they may have; every other kept part is XML.
_BINARY = {RT_IMAGE: ("image/",), RT_FONT: ("application/vnd.openxmlformats-officedocument.obfuscatedFont", "font/")}
#: Only a hyperlink may point outside the package (a header's link to the organisation's site).
_EXTERNAL = frozenset({RT_HYPERLINK})

_CT = "{" + NS["ct"] + "}"
_R = "{" + NS["r"] + "}"
_W = "{" + NS["w"] + "}"


def read_template(path: Path, *, shipped: bool = False) -> Package:
    """The template at ``path`` as a package holding only what a template may bring; TemplateError if unusable.

    ``shipped`` (one of templates/*.docx) keeps the package's document properties, which are ours.
    """
    path = Path(path)
    data = _read(path)
    try:
        with SafePackage(path, TEMPLATE_LIMITS, data=data) as archive:
            return _Sorter(archive, path, shipped=shipped).package()
    except DocxImportError as error:
        raise TemplateError.unusable(path, error.message) from error


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, TEMPLATE_LIMITS.max_file_bytes)
    except NotRegularFileError as error:
        raise TemplateError.unusable(
            path, Phrase(e.NOT_DOCX_FOLDER if error.kind == "folder" else m.NOT_REGULAR)
        ) from error
    except FileTooLargeError as error:
        size = Phrase(
            TEMPLATE_TOO_LARGE, {"size": f"{error.size / MB:.0f}", "limit": TEMPLATE_LIMITS.max_file_bytes // MB}
        )
        raise TemplateError.unusable(path, size) from error
    except FileNotFoundError as error:
        raise TemplateError.unusable(path, Phrase(FILE_MISSING)) from error
    except NotADirectoryError as error:
        raise TemplateError.unusable(path, Phrase(m.PATH_THROUGH_FILE)) from error
    except PermissionError as error:
        raise TemplateError.unusable(path, Phrase(NO_PERMISSION)) from error
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the path
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise TemplateError.unusable(path, Phrase(e.DOCX_CANNOT_READ, {"reason": reason})) from error


class _Sorter:
    """Follows the whitelisted relationships from the package root and keeps what they reach."""

    def __init__(self, archive: SafePackage, path: Path, *, shipped: bool) -> None:
        self.archive = archive
        self.path = path
        self.shipped = shipped
        #: Kept parts by name: their bytes, and their parsed root when it was changed.
        self.blobs: dict[str, bytes] = {}
        self.trees: dict[str, etree._Element] = {}
        self.changed: set[str] = set()
        #: The kept part each relationship type first led to (the main document's styles, numbering, ...).
        self.first: dict[str, str] = {}

    def package(self) -> Package:
        if not self.archive.has(CONTENT_TYPES):
            raise TemplateError.unusable(self.path, Phrase(NO_CONTENT_TYPES))
        types = self._xml(CONTENT_TYPES)
        self._follow("", "")
        main = self.first.get(RT_OFFICE_DOCUMENT)
        if main is None:
            raise TemplateError.unusable(self.path, Phrase(e.NO_MAIN_PART))
        kind = _content_type(types, main)
        if kind not in MAIN_DOCUMENT_TYPES:
            raise TemplateError.unusable(self.path, Phrase(NOT_WORD_MAIN, {"kind": kind or "?"}))
        self._sort_types(types)
        self._check_ids()
        members = {CONTENT_TYPES: b""}
        # The archive's own order, so that a template we ship is written back byte for byte as before.
        by_lower = {name.lower(): name for name in self.blobs}
        for name in self.archive.names():
            kept = by_lower.pop(name.lower(), None)
            if kept is not None:
                members[kept] = self.blobs[kept]
        members.update({name: self.blobs[name] for name in by_lower.values()})
        members[CONTENT_TYPES] = self.blobs[CONTENT_TYPES]
        package = Package(members)
        for name in self.changed:
            package.put_xml(name, self.trees[name])
        return package

    # Parts

    def _xml(self, name: str) -> etree._Element:
        tree = self.trees.get(name)
        if tree is None:
            data = self.archive.read(name)
            tree = self.trees[name] = parse_part(data, name, self.path)
            self.blobs[name] = data
        return tree

    def _follow(self, source: str, kind: str) -> None:
        """Keep the allowed relationships of ``source`` (a part reached as ``kind``) and what they reach."""
        allowed = _SHIPPED_PACKAGE if self.shipped and not source else _MAY_RELATE.get(kind, frozenset())
        rels = PACKAGE_RELS if not source else rels_name(source)
        kept_ids: set[str] = set()
        if self.archive.has(rels):
            root = self._xml(rels)
            for element in list(root):
                r_id = self._keep(source, element, allowed)
                if r_id is None:
                    root.remove(element)
                    self.changed.add(rels)
                else:
                    kept_ids.add(r_id)
            if len(root) == 0 and source:
                # Nothing left to relate: no relationships part at all.
                del self.blobs[rels], self.trees[rels]
                self.changed.discard(rels)
        if source and source in self.trees:
            self._drop_dangling(source, kept_ids)

    def _keep(self, source: str, element: etree._Element, allowed: frozenset[str]) -> str | None:
        """The id of the relationship ``element`` states when it is kept (its target kept too), else None."""
        rel = relationship(element, source)
        if rel is None or not rel.r_id or rel.rel_type not in allowed:
            return None
        rel_type = rel.rel_type
        if rel.external:
            return rel.r_id if rel_type in _EXTERNAL else None
        name = rel.target
        if not safe_part_name(name) or not self.archive.has(name):
            return None
        if name not in self.blobs:
            if rel_type in _BINARY:
                types = self.trees[CONTENT_TYPES]
                if not (_content_type(types, name) or "").startswith(_BINARY[rel_type]):
                    return None
                self.blobs[name] = self.archive.read(name)
            else:
                self._xml(name)
                self._follow(name, rel_type)
        self.first.setdefault(rel_type, name)
        return rel.r_id

    def _drop_dangling(self, name: str, kept_ids: set[str]) -> None:
        # A reference to a relationship left out: a WordprocessingML element that is only that reference
        # (an attached template, a mail-merge source, an embedded object) goes; elsewhere (a picture's
        # r:embed in DrawingML or VML) only the attribute goes.
        root = self.trees[name]
        for element in list(root.iter()):
            if not isinstance(element.tag, str):
                continue
            for key, value in list(element.attrib.items()):
                attribute = str(key)
                if not attribute.startswith(_R) or value in kept_ids:
                    continue
                parent = element.getparent()
                if element.tag.startswith(_W) and parent is not None:
                    parent.remove(element)
                    self.changed.add(name)
                    break
                del element.attrib[attribute]
                self.changed.add(name)

    def _sort_types(self, types: etree._Element) -> None:
        # Content types only for what was kept: no macro type (vbaProject.bin's Default) survives.
        kept = {name.lower() for name in self.blobs}
        extensions = {name.rsplit(".", 1)[-1] for name in kept if "." in name.rsplit("/", 1)[-1]}
        for item in list(types):
            if item.tag == f"{_CT}Override":
                keep = item.get("PartName", "").lstrip("/").lower() in kept
            elif item.tag == f"{_CT}Default":
                keep = (
                    item.get("Extension", "").lower() in extensions
                    and "macro" not in item.get("ContentType", "").lower()
                    and "vbaProject" not in item.get("ContentType", "")
                )
            else:
                keep = False
            if not keep:
                types.remove(item)
                self.changed.add(CONTENT_TYPES)

    def _check_ids(self) -> None:
        """Refuse what the export would trip on: a style without an id, numbering and note ids that are not numbers."""
        styles = self.first.get(RT_STYLES)
        if styles is not None:
            for style in self.trees[styles].iterfind(f"{_W}style"):
                if not style.get(f"{_W}styleId"):
                    label = style_name(style)  # its w:name: it has no styleId to fall back on
                    raise TemplateError.unusable(self.path, Phrase(STYLE_WITHOUT_ID, {"part": styles, "style": label}))
        numbering = self.first.get(RT_NUMBERING)
        if numbering is not None:
            root = self.trees[numbering]
            values = [item.get(w("abstractNumId")) for item in root.iterfind(w("abstractNum"))]
            values += [item.get(w("numId")) for item in root.iterfind(w("num"))]
            values += [item.get(w("val")) for item in root.iterfind(f"{w('num')}/{w('abstractNumId')}")]
            self._whole_numbers(numbering, values)
        for rel_type, tag in ((RT_FOOTNOTES, "footnote"), (RT_ENDNOTES, "endnote")):
            notes = self.first.get(rel_type)
            if notes is not None:
                self._whole_numbers(notes, [note.get(w("id")) for note in self.trees[notes].iterfind(w(tag))])

    def _whole_numbers(self, part: str, values: list[str | None]) -> None:
        for value in values:
            try:
                int(value or "")
            except ValueError:
                raise TemplateError.unusable(
                    self.path, Phrase(ID_NOT_A_NUMBER, {"part": part, "value": value or '""'})
                ) from None


def _content_type(types: etree._Element, name: str) -> str | None:
    lowered = name.lower()
    for override in types.iterfind(f"{_CT}Override"):
        if override.get("PartName", "").lstrip("/").lower() == lowered:
            return override.get("ContentType")
    extension = lowered.rsplit(".", 1)[-1]
    for default in types.iterfind(f"{_CT}Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")
    return None
