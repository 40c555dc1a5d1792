"""Reports built in code for the export tests, and helpers to read an exported .docx back as XML."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from minutes_editor.model.report import (
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile("[A-Za-z]")


def q(name: str) -> str:
    """Clark name of a prefixed name."""
    prefix, local = name.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def xpath(root: etree._Element, path: str) -> list:
    """XPath with the WordprocessingML prefixes."""
    return root.xpath(path, namespaces=NSMAP)


@dataclass
class Docx:
    """An exported document's parts, parsed."""

    data: bytes
    parts: dict[str, etree._Element] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, data: bytes) -> Docx:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            parts = {name: etree.fromstring(archive.read(name)) for name in names if name.endswith((".xml", ".rels"))}
        return cls(data, parts, names)

    @property
    def document(self) -> etree._Element:
        return self.parts["word/document.xml"]

    @property
    def styles(self) -> etree._Element:
        return self.parts["word/styles.xml"]

    @property
    def numbering(self) -> etree._Element:
        return self.parts["word/numbering.xml"]

    @property
    def footnotes(self) -> etree._Element:
        return self.parts["word/footnotes.xml"]

    @property
    def settings(self) -> etree._Element:
        return self.parts["word/settings.xml"]

    def paragraphs(self) -> list[etree._Element]:
        return xpath(self.document, "/w:document/w:body/w:p")

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` (case-insensitive)."""
        for style in xpath(self.styles, "/w:styles/w:style"):
            names = xpath(style, "w:name/@w:val")
            if names and names[0].lower() == name.lower():
                return style.get(q("w:styleId"))
        raise AssertionError(f"no style named {name!r}")

    def paragraphs_in(self, style_name: str) -> list[etree._Element]:
        style_id = self.style_id(style_name)
        return [p for p in self.paragraphs() if xpath(p, "string(w:pPr/w:pStyle/@w:val)") == style_id]

    def abstract_of(self, num_id: str) -> etree._Element:
        found = xpath(self.numbering, f"/w:numbering/w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
        assert found, f"no w:num {num_id}"
        return xpath(self.numbering, f"/w:numbering/w:abstractNum[@w:abstractNumId='{found[0]}']")[0]

    def all_paragraphs(self) -> list[etree._Element]:
        """Every paragraph of every WordprocessingML part (body, footnotes, headers, footers)."""
        found = []
        for name, root in self.parts.items():
            if name.startswith("word/") and not name.endswith(".rels"):
                found.extend(xpath(root, "//w:p"))
        return found


def text_of(element: etree._Element) -> str:
    """Visible text of a paragraph or run: w:t, with w:tab and w:br as characters."""
    out = []
    for node in element.iter(q("w:t"), q("w:tab"), q("w:br")):
        if node.tag == q("w:t"):
            out.append(node.text or "")
        elif node.tag == q("w:tab"):
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def arabic_report() -> Report:
    """A small Arabic report with every kind of paragraph, mixed scripts, emphasis and a footnote."""
    return Report(
        language="ar",
        title=TitleBlock(
            meeting="الاجتماع المشترك لمجموعات عمل جنوب شرق أوروبا",
            subtitle="عملية بودابست",
            date=dt.date(2021, 10, 14),
            start_time=dt.time(10, 0),
            end_time=dt.time(13, 0),
            timezone="بتوقيت وسط أوروبا",
            location="افتراضي عبر تطبيق زوم",
            status="مسودة التقرير",
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span("وبالتالي، كان الهدف من هذا الاجتماع:")]),
                    Block(BlockKind.BULLET, [Span("البحث عن طرق لمواصلة بناء القدرات؛")]),
                    Block(BlockKind.BULLET, [Span("تحديد التحدّيات والحلول؛")]),
                ],
            ),
            Section(
                SectionKind.PARTICIPATION,
                blocks=[Block(BlockKind.PARAGRAPH, [Span("حضرت البلدان التالية هذا الاجتماع:")])],
                participants=[Participant("النمسا", "AT"), Participant("بنغلاديش", "BD"), Participant("المجر", "HU")],
            ),
            Section(
                SectionKind.SETTING_THE_SCENE,
                blocks=[
                    Block(
                        BlockKind.PARAGRAPH,
                        [
                            Span("قدّم المركز الدولي لتنمية سياسات الهجرة ("),
                            Span("ICMPD", bold=True),
                            Span(") خلفية للوضع في "),
                            Span("الميثاق الجديد للهجرة واللجوء", bold=True),
                            Span("، كما ورد في "),
                            Span("تقرير", italic=True),
                            Span(" سابق."),
                        ],
                    ),
                    Block(BlockKind.LABEL, [Span("عملية بودابست:")]),
                    Block(
                        BlockKind.BULLET,
                        [
                            Span("إيواء مؤقت في جميع أنحاء ألبانيا وكوسوفو"),
                            FootnoteRef("kosovo"),
                            Span("، مقدونيا الشمالية"),
                        ],
                    ),
                    Block(BlockKind.BULLET, [Span("الوقت غير الكافي لتحديد الهوية؛")], level=2),
                    Block(BlockKind.BULLET, [Span("عنصر ثالث في المستوى الثالث")], level=3),
                    Block(BlockKind.BULLET, [Span("عودة إلى المستوى الأول")]),
                ],
            ),
            Section(
                SectionKind.DISCUSSION,
                sessions=[
                    Session(
                        "الجلسة الأولى: فرص التعاون",
                        goals=["منع تهريب المهاجرين", "تسهيل العودة الفعالة"],
                        blocks=[Block(BlockKind.BULLET, [Span("يجب أن تكون هناك اتفاقيات إعادة قبول نشطة.")])],
                    )
                ],
            ),
            Section(
                SectionKind.TAKEAWAYS,
                level=2,
                blocks=[Block(BlockKind.BULLET, [Span("المضي قدماً في التعاون.")])],
            ),
        ],
        footnotes=[
            Footnote(
                "kosovo", [Span("هذا التعيين لا يخلّ بالمواقف المتعلقة بالوضع، ويتماشى مع قرار مجلس الأمن 1244/99.")]
            )
        ],
        author="مقرر الاجتماع",
        created=dt.datetime(2021, 10, 15, 9, 30, tzinfo=dt.UTC),
        modified=dt.datetime(2021, 10, 16, 17, 5, tzinfo=dt.UTC),
    )


def english_report() -> Report:
    """The same shape in English."""
    return Report(
        language="en",
        title=TitleBlock(
            meeting="Joint meeting of the South-East Europe and Silk Routes working groups",
            date=dt.date(2021, 10, 14),
            start_time=dt.time(10, 0),
            end_time=dt.time(13, 0),
            timezone="CET",
            location="virtual, via Zoom",
            status="Draft report",
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span("Accordingly, the aims of this meeting were:")]),
                    Block(BlockKind.BULLET, [Span("To explore ways of building capacity;")]),
                    Block(BlockKind.BULLET, [Span("Second level detail;")], level=2),
                ],
            ),
            Section(
                SectionKind.SETTING_THE_SCENE,
                blocks=[
                    Block(
                        BlockKind.PARAGRAPH,
                        [
                            Span("ICMPD presented the "),
                            Span("New Pact on Migration and Asylum", bold=True),
                            Span(" in Albania and Kosovo"),
                            FootnoteRef("kosovo"),
                            Span("."),
                        ],
                    ),
                    Block(BlockKind.LABEL, [Span("Budapest Process:")]),
                    Block(BlockKind.BULLET, [Span("women and children (unaccompanied or separated);")]),
                ],
            ),
        ],
        footnotes=[Footnote("kosovo", [Span("This designation is without prejudice to positions on status.")])],
        author="Rapporteur",
        created=dt.datetime(2021, 10, 15, 9, 30, tzinfo=dt.UTC),
        modified=dt.datetime(2021, 10, 16, 17, 5, tzinfo=dt.UTC),
    )


def repeated(report: Report, times: int) -> Report:
    """``report`` with its sections repeated ``times`` times (for size and speed checks)."""
    return Report(
        language=report.language,
        title=report.title,
        sections=[section for _ in range(times) for section in report.sections],
        footnotes=report.footnotes,
        author=report.author,
        created=report.created,
        modified=report.modified,
    )
