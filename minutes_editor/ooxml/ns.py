"""Namespaces and qualified names of Office Open XML: the one place both directions spell them.

``qn("w:bidi")`` and ``w("bidi")`` give the Clark name lxml uses,
``{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi``; the
importer reads ISO 29500 Strict parts by mapping them onto these
transitional namespaces first (:mod:`minutes_editor.ooxml.safe_xml`).
"""

from __future__ import annotations

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    # Word 2010 and 2013 extensions (comment paragraph ids, comment threads and resolved state): ignorable.
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
}

W = NS["w"]
_W = "{" + W + "}"
XML_SPACE = "{" + NS["xml"] + "}space"


def qn(name: str) -> str:
    """Clark notation for a prefixed name: ``qn("w:bidi")`` -> ``{...main}bidi``."""
    prefix, local = name.split(":", 1)
    return "{" + NS[prefix] + "}" + local


def w(local: str) -> str:
    """Clark notation of a name in the WordprocessingML namespace."""
    return _W + local
