"""The package layer of a .docx (Open Packaging Conventions): part names, relationship and content types.

Relationship types are full URIs as the writer writes them; the reader also
meets ISO 29500 Strict packages, whose URIs differ, so it compares a type by
its last segment (:func:`rel_kind`).
"""

from __future__ import annotations

import posixpath

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
