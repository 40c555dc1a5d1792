"""The one Office Open XML layer under the .docx writer, the reader and the template loader; no Qt here.

- ``ns``: namespaces and qualified names (``qn``, ``w``).
- ``opc``: part names, relationship types and content types of a package.
- ``oxml``: schema-order insertion of elements (``get_or_add``, ``insert_ordered``).
- ``vocabulary``: the style names, heading bookmarks and numbering both directions share.
- ``safe_zip``, ``safe_xml``: the one safe way to open a .docx and parse its parts, whatever its role
  (draft, template), under size, ratio and member limits, with DTDs and entities refused.
- ``errors``: what is wrong with a .docx, said for a person (context ``FileErrors``).
"""
