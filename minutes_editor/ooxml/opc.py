"""The package layer of a .docx (Open Packaging Conventions): part names, relationships and content types.

Relationship types are full URIs as the writer writes them; the reader also
meets ISO 29500 Strict packages, whose URIs differ, so it compares a type by
its last segment (:func:`rel_kind`, ``Relationship.kind``).

The one reader of ``.rels`` parts is here (:func:`read_relationships`, and
:func:`relationship` for one element): the writer's package, the template
loader and the importer all read relationships through it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

from minutes_editor.ooxml.ns import qn

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"

RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
RT_WEB_SETTINGS = _OFFICE_REL + "webSettings"
RT_FONT_TABLE = _OFFICE_REL + "fontTable"
RT_THEME = _OFFICE_REL + "theme"
RT_ENDNOTES = _OFFICE_REL + "endnotes"
RT_IMAGE = _OFFICE_REL + "image"
RT_HYPERLINK = _OFFICE_REL + "hyperlink"
RT_FONT = _OFFICE_REL + "font"
RT_COMMENTS = _OFFICE_REL + "comments"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT_DOCUMENT = f"{_WML}.document.main+xml"
CT_TEMPLATE = f"{_WML}.template.main+xml"
CT_DOCUMENT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_TEMPLATE_MACRO = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
MAIN_DOCUMENT_TYPES = frozenset({CT_DOCUMENT, CT_TEMPLATE, CT_DOCUMENT_MACRO, CT_TEMPLATE_MACRO})
CT_STYLES = f"{_WML}.styles+xml"
CT_NUMBERING = f"{_WML}.numbering+xml"
CT_SETTINGS = f"{_WML}.settings+xml"
CT_FOOTNOTES = f"{_WML}.footnotes+xml"
CT_FOOTER = f"{_WML}.footer+xml"
CT_COMMENTS = f"{_WML}.comments+xml"
CT_COMMENTS_EXTENDED = f"{_WML}.commentsExtended+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
CT_EXTENDED_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"


def rels_name(part: str) -> str:
    """Name of the relationships part belonging to ``part`` ("" for the package)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def rel_kind(rel_type: str) -> str:
    """The last segment of a relationship type ("officeDocument"), the same in transitional and Strict."""
    return rel_type.rstrip("/").rsplit("/", 1)[-1]


def safe_part_name(name: str) -> bool:
    """Whether a resolved part name stays inside the package: relative, no ``..``, no backslash, no drive."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name or ":" in name.split("/", 1)[0]:
        return False
    return all(segment not in ("", ".", "..") for segment in name.split("/"))


# ------------------------------------------------------------ relationships

_RELATIONSHIP = qn("pr:Relationship")


@dataclass(frozen=True)
class Relationship:
    """One relationship from a part (or the package) to a target, as a .rels part states it.

    ``target`` is, for an internal relationship, the part name it points at
    (:func:`resolve_target`: it may still leave the package, which
    :func:`safe_part_name` tells), and for an external one the target as
    written (a URL); ``written`` is the Target attribute as the file has it.
    """

    r_id: str
    rel_type: str
    target: str
    external: bool
    written: str = ""

    @property
    def kind(self) -> str:
        """The last segment of the type ("styles"), the same in transitional and Strict packages."""
        return rel_kind(self.rel_type)


def resolve_target(source: str, target: str) -> str:
    """An internal target as a part name: absolute from the package root, else from ``source``'s folder.

    A fragment is dropped and ``.`` and ``..`` are folded, so a target that
    climbs out of the package starts with ``..`` (not a safe part name).
    """
    target = target.split("#", 1)[0]
    name = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    return posixpath.normpath(name)


def relationship(element: etree._Element, source: str) -> Relationship | None:
    """The relationship an element of the .rels part of ``source`` ("" for the package) states; None if none."""
    if element.tag != _RELATIONSHIP:
        return None
    written = element.get("Target") or ""
    # The schema spells it "External"; any case is taken, as the importer always has.
    external = (element.get("TargetMode") or "").lower() == "external"
    target = written if external else resolve_target(source, written)
    return Relationship(element.get("Id") or "", element.get("Type") or "", target, external, written)


def read_relationships(root: etree._Element, source: str) -> list[Relationship]:
    """The relationships of the parsed .rels part ``root`` of ``source`` ("" for the package), in order."""
    return [found for element in root if (found := relationship(element, source)) is not None]
