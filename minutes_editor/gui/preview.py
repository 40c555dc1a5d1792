"""The live preview: the report's flat form (``render.flow.flatten``, as the .docx writer uses) as HTML.

Headings carry their numbers, bullets their glyphs (• o ▪) indented on the
start side of the report's direction, footnote references their numbers, and
the notes follow at the end, as Word will print them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from minutes_editor.model.report import Direction
from minutes_editor.render.flow import FlowDocument, FlowInline, NoteMark, Paragraph, Role, Run

BULLET_GLYPHS = {1: "•", 2: "o", 3: "▪"}
#: Indent per bullet level, and the hanging indent that puts the glyph before the text, in pixels.
LEVEL_INDENT = 22
_ROLE_STYLE = {
    Role.TITLE: "font-size: 15pt; font-weight: bold; margin-bottom: 6px;",
    Role.SUBTITLE: "font-size: 12pt; margin-bottom: 4px;",
    Role.DATE_LINE: "margin-bottom: 2px;",
    Role.LOCATION_LINE: "margin-bottom: 2px;",
    Role.STATUS: "font-weight: bold; margin-top: 6px; margin-bottom: 10px;",
    Role.HEADING: "font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px;",
    Role.SUBHEADING: "font-weight: bold; text-decoration: underline; margin-top: 10px; margin-bottom: 4px;",
    Role.GOALS: "font-style: italic; margin-bottom: 6px;",
    Role.BODY: "margin-bottom: 6px;",
    Role.BULLET: "margin-bottom: 3px;",
    Role.LABEL: "font-weight: bold; margin-top: 6px; margin-bottom: 3px;",
    Role.PARTICIPANTS: "margin-bottom: 6px;",
}


def _inline_html(item: FlowInline) -> str:
    if isinstance(item, NoteMark):
        return f'<sup><a href="note:{item.number}">{item.number}</a></sup>'
    text = escape(item.text).replace("\n", "<br/>")
    if item.bold:
        text = f"<b>{text}</b>"
    if item.italic:
        text = f"<i>{text}</i>"
    if item.underline:
        text = f"<u>{text}</u>"
    return text


def _runs_html(inlines: tuple[FlowInline, ...] | tuple[Run, ...]) -> str:
    return "".join(_inline_html(item) for item in inlines)


def paragraph_html(paragraph: Paragraph, direction: Direction) -> str:
    """One paragraph of the preview."""
    rtl = direction is Direction.RTL
    start = "right" if rtl else "left"
    align = start
    style = _ROLE_STYLE.get(paragraph.role, "")
    text = _runs_html(paragraph.inlines)
    if paragraph.role is Role.HEADING and paragraph.number:
        text = f"{paragraph.number}. {text}"
    if paragraph.role is Role.TITLE:
        align = "center"
    if paragraph.role is Role.BULLET:
        level = min(max(paragraph.level, 1), 3)
        # A hanging indent: the glyph sits in the indent, wrapped lines align with the text.
        style += f" margin-{start}: {LEVEL_INDENT * level}px; text-indent: -{LEVEL_INDENT // 2 + 4}px;"
        text = f"{BULLET_GLYPHS[level]}&nbsp;&nbsp;{text}"
    dir_attr = "rtl" if rtl else "ltr"
    origin = paragraph.origin
    anchor = f'<a name="p{origin.section}_{origin.session}_{origin.block}"></a>'
    return f'<p dir="{dir_attr}" align="{align}" style="{style}">{anchor}{text}</p>'


def report_html(flow: FlowDocument) -> str:
    """The whole report as the preview shows it."""
    rtl = flow.direction is Direction.RTL
    dir_attr = "rtl" if rtl else "ltr"
    fonts = flow.preset.fonts
    family = fonts.cs if rtl else fonts.latin
    parts = [f'<html><body dir="{dir_attr}" style="font-family: \'{escape(family)}\'; font-size: {fonts.size_pt}pt;">']
    parts.extend(paragraph_html(paragraph, flow.direction) for paragraph in flow.paragraphs)
    if flow.notes:
        align = "right" if rtl else "left"
        title = escape(flow.preset.label("footnotes"))
        parts.append(f'<hr/><p dir="{dir_attr}" align="{align}" style="font-weight: bold;">{title}</p>')
        parts.extend(
            f'<p dir="{dir_attr}" align="{align}" style="font-size: 9pt; margin-bottom: 2px;">'
            f'<a name="note{note.number}"></a><sup>{note.number}</sup>&nbsp;{_runs_html(note.inlines)}</p>'
            for note in flow.notes
        )
    if not flow.paragraphs:
        empty = QCoreApplication.translate("preview", "The report is empty.")
        parts.append(f"<p><i>{escape(empty)}</i></p>")
    parts.append("</body></html>")
    return "\n".join(parts)
