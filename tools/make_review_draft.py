"""Make the review fixtures: our export of an example report, reviewed by two people in Word's markup.

Takes our own export of the English or Arabic example (``minutes-editor
export``, or the writer called here) and writes, as Word writes them, two
reviewers' tracked changes and comments into it:

- a word inserted (``w:ins``) and words deleted (``w:del``/``w:delText``);
- a bullet inserted (its text and its paragraph mark inserted) and a bullet
  deleted (text and mark deleted);
- a bullet moved (``w:moveFrom``/``w:moveTo`` with their range marks, which
  name the move, and moved paragraph marks);
- a phrase made bold (``w:rPrChange``);
- the location corrected in the title block (a deletion and an insertion);
- a footnote extended (an insertion in ``footnotes.xml``);
- a comment with a reply, a comment of two paragraphs on a heading, and a
  resolved comment (``comments.xml``, ``commentsExtended.xml`` with
  ``w15:paraIdParent`` and ``w15:done``).

That is 14 revision marks and 3 comment threads (4 comments). The output is
schema-valid against ECMA-376 (tests/importer/test_review_fixtures.py checks
it). No Qt; lxml only.

Usage::

    python tools/make_review_draft.py               # regenerate tests/fixtures/review/ (soffice for the
                                                    # LibreOffice round trips)
    python tools/make_review_draft.py --no-libreoffice --out DIR
    python tools/make_review_draft.py --language en --source EXPORT.docx --out DIR
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "review"
LANGUAGES = ("en", "ar")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_COMMENTS_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Reviewer:
    """A reviewer: name, initials, and the day and hour they worked on the draft (UTC)."""

    name: str
    initials: str
    day: str

    def date(self, minute: int) -> str:
        """Their ``w:date`` at ``minute`` past their hour."""
        return f"{self.day}:{minute:02d}:00Z"


@dataclass(frozen=True)
class Script:
    """What the reviewers do to one language's example: paragraphs found by the start of their text."""

    first: Reviewer
    second: Reviewer
    #: (paragraph start, the words before which the new word goes, the new word with its space)
    insert_word: tuple[str, str, str]
    #: (paragraph start, the words deleted)
    delete_words: tuple[str, str]
    #: (start of the bullet after which a new one goes, the new bullet's text)
    new_bullet: tuple[str, str]
    deleted_bullet: str
    #: (start of the bullet moved, start of the bullet it is moved in front of)
    moved_bullet: tuple[str, str]
    #: (paragraph start, the phrase made bold)
    bold: tuple[str, str]
    #: (the location's old word, the new words)
    location: tuple[str, str]
    footnote_addition: str
    #: (paragraph start, the words commented on, the comment, the reply)
    thread: tuple[str, str, str, str]
    #: (heading, the comment's two paragraphs)
    heading_comment: tuple[str, tuple[str, str]]
    #: (paragraph start, the words, the comment, resolved)
    resolved: tuple[str, str, str]


SCRIPTS = {
    "en": Script(
        first=Reviewer("Ana Kovač", "AK", "2021-10-20T09"),
        second=Reviewer("Omar Haddad", "OH", "2021-10-21T14"),
        insert_word=("North Macedonia opened", "opened the meeting", "formally "),
        delete_words=(
            "ICMPD provided background",
            ", together with an overview of recent challenges and opportunities",
        ),
        new_bullet=(
            "The importance and prevalence of migrant smuggling",
            "Growing pressure on reception capacities along the route;",
        ),
        deleted_bullet="More reception centres should be established",
        moved_bullet=("To be successful, law enforcement", "International cooperation between law enforcement"),
        bold=("The European Commission noted", "strengthening international partnerships"),
        location=("Zoom", "Microsoft Teams"),
        footnote_addition=" It is used here for practical purposes only.",
        thread=(
            "North Macedonia opened",
            "smuggling networks",
            "Which networks? Please name the routes.",
            "The Task Force report names them; I will add a footnote.",
        ),
        heading_comment=(
            "Setting the scene",
            ("Rename to “Regional overview”?", "The other reports of the series use that heading."),
        ),
        resolved=("The future movement of Afghan refugees", "approximately 10,000", "Figure confirmed by UNHCR."),
    ),
    "ar": Script(
        first=Reviewer("ليلى منصور", "لم", "2021-10-20T09"),
        second=Reviewer("Omar Haddad", "OH", "2021-10-21T14"),
        insert_word=("تمّ افتتاح الاجتماع", "من قِبل مقدونيا", "رسميّاً "),
        delete_words=("قدّم المركز الدولي", "، بالإضافة إلى تقديم لمحة عامّة عن التحديات الأخيرة والفرص"),
        new_bullet=("أهمّية وانتشار تهريب المهاجرين", "تزايد الضغط على قدرات الاستقبال على طول الطريق؛"),
        deleted_bullet="يجب إنشاء المزيد من مراكز الاستقبال",
        moved_bullet=("يجب أن تشمل مقاربات إنفاذ القانون", "يتسم التعاون الدولي بين وكالات"),
        bold=("أشارت المفوضية الأوروبيّة", "الشراكات الدولية"),
        location=("زوم", "مايكروسوفت تيمز"),
        footnote_addition=" ويُستخدم هنا لأغراض عملية فقط.",
        thread=(
            "تمّ افتتاح الاجتماع",
            "وشبكات التهريب",
            "أيّ شبكات؟ يرجى تسمية الطرق.",
            "يسمّيها تقرير فرقة العمل؛ سأضيف حاشية.",
        ),
        heading_comment=(
            "إعداد المشهد",
            ("إعادة التسمية إلى «نظرة إقليمية»؟", "تستخدم تقارير السلسلة الأخرى هذا العنوان."),
        ),
        resolved=("التوجّه المستقبلي للّاجئين الأفغان", "10.000 ألف", "الرقم مؤكّد من المفوضية."),
    ),
}


# ------------------------------------------------------------------ runs


def _runs(paragraph: etree._Element) -> list[etree._Element]:
    return [child for child in paragraph if child.tag == w("r")]


def _run_text(run: etree._Element) -> str:
    return "".join(node.text or "" for node in run if node.tag == w("t"))


def paragraph_text(paragraph: etree._Element) -> str:
    """The text of a paragraph's own runs (as our writer makes them: runs straight under the paragraph)."""
    return "".join(_run_text(run) for run in _runs(paragraph))


def _split(paragraph: etree._Element, offset: int) -> None:
    """Make a run boundary at ``offset`` in the paragraph's text."""
    position = 0
    for run in _runs(paragraph):
        text = _run_text(run)
        if position < offset < position + len(text):
            cut = offset - position
            second = copy.deepcopy(run)
            _set_text(run, text[:cut])
            _set_text(second, text[cut:])
            run.addnext(second)
            return
        position += len(text)


def _set_text(run: etree._Element, text: str) -> None:
    nodes = [node for node in run if node.tag == w("t")]
    for node in nodes[1:]:
        run.remove(node)
    nodes[0].text = text
    nodes[0].set(XML_SPACE, "preserve")


def runs_of(paragraph: etree._Element, words: str) -> list[etree._Element]:
    """The runs holding ``words`` (which occur once in the paragraph), split out of their neighbours."""
    text = paragraph_text(paragraph)
    start = text.find(words)
    if start < 0 or text.find(words, start + 1) >= 0:
        raise SystemExit(f"expected {words!r} once in {text[:60]!r}")
    _split(paragraph, start)
    _split(paragraph, start + len(words))
    result = []
    position = 0
    for run in _runs(paragraph):
        length = len(_run_text(run))
        if start <= position and position + length <= start + len(words) and length:
            result.append(run)
        position += length
    return result


def _text_run(like: etree._Element, text: str) -> etree._Element:
    """A run of ``text`` formatted as the run ``like`` (its language and direction marks too)."""
    run = etree.Element(w("r"))
    rpr = like.find(w("rPr"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    node = etree.SubElement(run, w("t"))
    node.text = text
    node.set(XML_SPACE, "preserve")
    return run


# -------------------------------------------------------------- the editor


class Reviewing:
    """The reviewers' edits on one document, with Word's running ids."""

    def __init__(self, document: etree._Element, footnotes: etree._Element, rtl: bool) -> None:
        self.document = document
        self.body = document.find(w("body"))
        self.footnotes = footnotes
        self.rtl = rtl
        self.next_id = 900
        self.comments: list[tuple[str, Reviewer, int, tuple[str, ...], str, bool]] = []
        self.marks = 0

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _mark(self, tag: str, who: Reviewer, minute: int, **extra: str) -> etree._Element:
        self.marks += tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
        attributes = {w("id"): self._id(), w("author"): who.name, w("date"): who.date(minute)}
        attributes.update({w(name): value for name, value in extra.items()})
        return etree.Element(w(tag), attributes)

    def paragraph(self, start: str, root: etree._Element | None = None) -> etree._Element:
        """The one paragraph (of the body, or of ``root``) whose text starts with ``start``."""
        found = [
            p for p in (root if root is not None else self.body).iter(w("p")) if paragraph_text(p).startswith(start)
        ]
        if len(found) != 1:
            raise SystemExit(f"expected one paragraph starting {start!r}, found {len(found)}")
        return found[0]

    # --- text

    def insert(self, who: Reviewer, minute: int, paragraph: etree._Element, before: str, text: str) -> None:
        """Insert ``text`` in front of the words ``before``."""
        runs = runs_of(paragraph, before)
        insertion = self._mark("ins", who, minute)
        insertion.append(_text_run(runs[0], text))
        runs[0].addprevious(insertion)

    def append(self, who: Reviewer, minute: int, paragraph: etree._Element, text: str) -> None:
        """Insert ``text`` at the end of the paragraph (after a deletion there, as Word puts a replacement)."""
        last = [child for child in paragraph if child.tag in (w("r"), w("ins"), w("del"))][-1]
        like = last if last.tag == w("r") else last.find(w("r"))
        insertion = self._mark("ins", who, minute)
        insertion.append(_text_run(like, text))
        last.addnext(insertion)

    def delete(self, who: Reviewer, minute: int, paragraph: etree._Element, words: str) -> None:
        """Delete the words ``words``."""
        runs = runs_of(paragraph, words)
        deletion = self._mark("del", who, minute)
        runs[0].addprevious(deletion)
        for run in runs:
            for node in run.iter(w("t")):
                node.tag = w("delText")
            deletion.append(run)

    def bold(self, who: Reviewer, minute: int, paragraph: etree._Element, words: str) -> None:
        """Make the words ``words`` bold, the emphasis before kept in ``w:rPrChange``."""
        for run in runs_of(paragraph, words):
            rpr = run.find(w("rPr"))
            if rpr is None:
                rpr = etree.Element(w("rPr"))
                run.insert(0, rpr)
            change = self._mark("rPrChange", who, minute)
            old = etree.SubElement(change, w("rPr"))
            old.extend(copy.deepcopy(child) for child in rpr)
            # w:b and w:bCs go after w:rStyle and w:rFonts, before everything else (schema order).
            position = sum(1 for child in rpr if child.tag in (w("rStyle"), w("rFonts")))
            rpr.insert(position, etree.Element(w("bCs")))
            rpr.insert(position, etree.Element(w("b")))
            rpr.append(change)

    # --- paragraphs

    def _paragraph_mark(self, paragraph: etree._Element, tag: str, who: Reviewer, minute: int) -> None:
        ppr = paragraph.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            paragraph.insert(0, ppr)
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))  # our writer's pPr holds no sectPr or pPrChange after it
        rpr.insert(0, self._mark(tag, who, minute))

    def new_bullet(self, who: Reviewer, minute: int, after: etree._Element, text: str) -> None:
        """Insert a bullet of ``text`` after the bullet ``after``: its text and its paragraph mark inserted."""
        paragraph = etree.Element(w("p"))
        ppr = after.find(w("pPr"))
        if ppr is not None:
            paragraph.append(copy.deepcopy(ppr))
        insertion = self._mark("ins", who, minute)
        insertion.append(_text_run(_runs(after)[0], text))
        paragraph.append(insertion)
        self._paragraph_mark(paragraph, "ins", who, minute)
        after.addnext(paragraph)

    def delete_paragraph(self, who: Reviewer, minute: int, paragraph: etree._Element) -> None:
        """Delete a paragraph whole: its text and its paragraph mark."""
        deletion = self._mark("del", who, minute)
        runs = _runs(paragraph)
        runs[0].addprevious(deletion)
        for run in runs:
            for node in run.iter(w("t")):
                node.tag = w("delText")
            deletion.append(run)
        self._paragraph_mark(paragraph, "del", who, minute)

    def move(self, who: Reviewer, minute: int, moved: etree._Element, before: etree._Element) -> None:
        """Move the paragraph ``moved`` in front of ``before``, as Word marks a moved paragraph."""
        name = "move84519262"
        target = copy.deepcopy(moved)
        # The old place: the range (named), the text moved away, the paragraph mark moved away.
        runs = _runs(moved)
        start = self._mark("moveFromRangeStart", who, minute, name=name)
        runs[0].addprevious(start)
        away = self._mark("moveFrom", who, minute)
        start.addnext(away)
        away.extend(runs)
        self._paragraph_mark(moved, "moveFrom", who, minute)
        moved.addnext(etree.Element(w("moveFromRangeEnd"), {w("id"): start.get(w("id"), "")}))
        # The new place: the same, moved here.
        runs = _runs(target)
        start = self._mark("moveToRangeStart", who, minute, name=name)
        runs[0].addprevious(start)
        here = self._mark("moveTo", who, minute)
        start.addnext(here)
        here.extend(runs)
        self._paragraph_mark(target, "moveTo", who, minute)
        before.addprevious(target)
        before.addprevious(etree.Element(w("moveToRangeEnd"), {w("id"): start.get(w("id"), "")}))

    # --- comments

    def comment(
        self,
        runs: list[etree._Element],
        who: Reviewer,
        minute: int,
        text: tuple[str, ...],
        *,
        parent: str = "",
        done: bool = False,
    ) -> str:
        """Comment on ``runs``; a reply (``parent``) spans the same runs, its marks inside the parent's."""
        comment_id = str(len(self.comments))
        start = etree.Element(w("commentRangeStart"), {w("id"): comment_id})
        end = etree.Element(w("commentRangeEnd"), {w("id"): comment_id})
        reference = etree.Element(w("r"))
        style = etree.SubElement(etree.SubElement(reference, w("rPr")), w("rStyle"), {w("val"): "CommentReference"})
        if self.rtl:
            style.addnext(etree.Element(w("rtl")))
        etree.SubElement(reference, w("commentReference"), {w("id"): comment_id})
        runs[0].addprevious(start)
        last = runs[-1]
        if parent:
            # Word nests a reply's range in its parent's: start, start, text, end, mark, end, mark.
            while (following := last.getnext()) is not None and following.tag in (
                w("commentRangeEnd"),
                w("r"),
            ):
                if following.tag == w("r") and following.find(w("commentReference")) is None:
                    break
                last = following
        last.addnext(end)
        end.addnext(reference)
        self.comments.append((comment_id, who, minute, text, parent, done))
        return comment_id


# ------------------------------------------------------------------ parts


def _para_id(number: int) -> str:
    return f"{0x1A2B3C00 + number:08X}"


def comments_parts(reviewing: Reviewing) -> tuple[bytes, bytes]:
    """``comments.xml`` and ``commentsExtended.xml`` as Word writes them (paraId of each comment's last paragraph)."""
    nsmap = {"w": W, "w14": W14, "mc": MC}
    comments = etree.Element(w("comments"), nsmap=nsmap)
    comments.set(f"{{{MC}}}Ignorable", "w14")
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    extended.set(f"{{{MC}}}Ignorable", "w15")
    last_para: dict[str, str] = {}
    counter = 0
    for comment_id, who, minute, text, parent, done in reviewing.comments:
        element = etree.SubElement(
            comments,
            w("comment"),
            {w("id"): comment_id, w("author"): who.name, w("date"): who.date(minute), w("initials"): who.initials},
        )
        for index, paragraph_text_ in enumerate(text):
            counter += 1
            paragraph = etree.SubElement(
                element, w("p"), {f"{{{W14}}}paraId": _para_id(counter), f"{{{W14}}}textId": "77777777"}
            )
            ppr = etree.SubElement(paragraph, w("pPr"))
            etree.SubElement(ppr, w("pStyle"), {w("val"): "CommentText"})
            if reviewing.rtl:
                etree.SubElement(ppr, w("bidi"))
            if index == 0:
                mark = etree.SubElement(paragraph, w("r"))
                etree.SubElement(etree.SubElement(mark, w("rPr")), w("rStyle"), {w("val"): "CommentReference"})
                etree.SubElement(mark, w("annotationRef"))
            run = etree.SubElement(paragraph, w("r"))
            if reviewing.rtl:
                etree.SubElement(etree.SubElement(run, w("rPr")), w("rtl"))
            node = etree.SubElement(run, w("t"))
            node.text = paragraph_text_
            last_para[comment_id] = _para_id(counter)
        entry = etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": last_para[comment_id]})
        if parent:
            entry.set(f"{{{W15}}}paraIdParent", last_para[parent])
        entry.set(f"{{{W15}}}done", "1" if done else "0")
    return _xml(comments), _xml(extended)


COMMENT_STYLES = (
    '<w:style xmlns:w="{W}" w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:link w:val="CommentTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    '<w:style xmlns:w="{W}" w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
)


def _add_comment_styles(styles: etree._Element) -> None:
    known = {style.get(w("styleId")) for style in styles.iter(w("style"))}
    for text in COMMENT_STYLES:
        style = etree.fromstring(text.replace("{W}", W))
        if style.get(w("styleId")) not in known:
            # Drop references to styles the template lacks (a link, a base): Word would ignore them, but cleanly.
            for child in list(style):
                if child.tag in (w("link"), w("basedOn")) and child.get(w("val")) not in known:
                    style.remove(child)
            styles.append(style)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ------------------------------------------------------------------ whole


class Draft:
    """An exported draft opened for reviewing: ``reviewing`` edits it, ``save`` writes it with its comments."""

    def __init__(self, source: Path, *, rtl: bool) -> None:
        with zipfile.ZipFile(source) as archive:
            self.parts = {info.filename: archive.read(info) for info in archive.infolist()}
        document = etree.fromstring(self.parts["word/document.xml"])
        footnotes = etree.fromstring(self.parts["word/footnotes.xml"])
        self.reviewing = Reviewing(document, footnotes, rtl=rtl)

    def styled(self, style_id: str) -> etree._Element:
        """The first paragraph of the body in the paragraph style ``style_id``."""
        return next(p for p in self.reviewing.document.iter(w("p")) if _style(p) == style_id)

    def save(self, target: Path) -> None:
        """Write the reviewed draft: its parts, comments.xml and commentsExtended.xml, and what points at them."""
        parts = dict(self.parts)
        reviewing = self.reviewing
        parts["word/document.xml"] = _xml(reviewing.document)
        parts["word/footnotes.xml"] = _xml(reviewing.footnotes)
        parts["word/comments.xml"], parts["word/commentsExtended.xml"] = comments_parts(reviewing)
        styles = etree.fromstring(parts["word/styles.xml"])
        _add_comment_styles(styles)
        parts["word/styles.xml"] = _xml(styles)
        rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
        for rel_id, kind, name in (
            ("rIdReview1", RT_COMMENTS, "comments.xml"),
            ("rIdReview2", RT_COMMENTS_EXTENDED, "commentsExtended.xml"),
        ):
            etree.SubElement(rels, f"{{{RELS}}}Relationship", {"Id": rel_id, "Type": kind, "Target": name})
        parts["word/_rels/document.xml.rels"] = _xml(rels)
        types = etree.fromstring(parts["[Content_Types].xml"])
        for name, kind in (("comments.xml", CT_COMMENTS), ("commentsExtended.xml", CT_COMMENTS_EXTENDED)):
            etree.SubElement(types, f"{{{TYPES}}}Override", {"PartName": f"/word/{name}", "ContentType": kind})
        parts["[Content_Types].xml"] = _xml(types)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def review(source: Path, target: Path, language: str) -> int:
    """Write ``target``: ``source`` (our export of the ``language`` example) reviewed. Returns the revision marks."""
    script = SCRIPTS[language]
    draft = Draft(source, rtl=language == "ar")
    reviewing = draft.reviewing
    ana, omar = script.first, script.second

    opening = reviewing.paragraph(script.insert_word[0])
    reviewing.insert(ana, 2, opening, script.insert_word[1], script.insert_word[2])
    reviewing.delete(omar, 3, reviewing.paragraph(script.delete_words[0]), script.delete_words[1])
    reviewing.new_bullet(ana, 5, reviewing.paragraph(script.new_bullet[0]), script.new_bullet[1])
    reviewing.delete_paragraph(omar, 6, reviewing.paragraph(script.deleted_bullet))
    moved = reviewing.paragraph(script.moved_bullet[0])
    reviewing.move(ana, 8, moved, reviewing.paragraph(script.moved_bullet[1]))
    reviewing.bold(omar, 9, reviewing.paragraph(script.bold[0]), script.bold[1])
    location = draft.styled("MeetingLocation")
    reviewing.delete(ana, 11, location, script.location[0])
    reviewing.append(ana, 11, location, script.location[1])
    note = reviewing.paragraph("", reviewing.footnotes.find(f"{w('footnote')}[@{w('id')}='1']"))
    reviewing.append(omar, 12, note, script.footnote_addition)

    paragraph, words, question, answer = script.thread
    runs = runs_of(reviewing.paragraph(paragraph), words)
    first = reviewing.comment(runs, ana, 20, (question,))
    reviewing.comment(runs, omar, 31, (answer,), parent=first)
    heading = reviewing.paragraph(script.heading_comment[0])
    reviewing.comment(_runs(heading), omar, 33, script.heading_comment[1])
    paragraph, words, remark = script.resolved
    reviewing.comment(runs_of(reviewing.paragraph(paragraph), words), ana, 24, (remark,), done=True)
    if reviewing.marks != 14:
        raise SystemExit(f"made {reviewing.marks} revision marks, not 14")
    draft.save(target)
    return reviewing.marks


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return (style.get(w("val")) or "") if style is not None else ""


def export_example(language: str, target: Path) -> Path:
    """Our export of the ``language`` example report (as ``minutes-editor export`` writes it)."""
    sys.path.insert(0, str(ROOT))
    from minutes_editor.export.docx_writer import export_docx
    from minutes_editor.storage.minutes_file import load_report

    report = load_report(ROOT / "examples" / f"budapest-process-2021-10-14.{language}.minutes")
    # The draft went out the week after the meeting: fixed stamps make the same fixture every time.
    report.created = report.created or dt.datetime(2021, 10, 19, 16, 0, tzinfo=dt.UTC)
    report.modified = report.modified or report.created
    export_docx(report, target)
    return target


def libreoffice_round_trip(sources: list[Path], outdir: Path) -> list[Path]:
    """Open each Word-flavoured draft in LibreOffice and save it as .docx again: ``NAME.libreoffice.docx``.

    One soffice run for all (each run costs over a second), with a private profile.
    """
    with tempfile.TemporaryDirectory(prefix="review-lo-") as folder:
        work = Path(folder)
        completed = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(work / "out"),
                *map(str, sources),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "HOME": str(work)},
        )
        results = []
        for source in sources:
            made = work / "out" / source.name
            if not made.is_file():
                raise SystemExit(f"soffice made no {made.name}: {completed.stdout}{completed.stderr}")
            target = outdir / f"{source.stem}.libreoffice.docx"
            shutil.copyfile(made, target)
            results.append(target)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="default: both")
    parser.add_argument("--source", type=Path, help="our export to review (default: export the example now)")
    parser.add_argument("--out", type=Path, default=FIXTURES, help=f"folder (default {FIXTURES})")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice round trips")
    args = parser.parse_args(argv)
    languages = args.language or list(LANGUAGES)
    if args.source and len(languages) != 1:
        parser.error("--source needs one --language")
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="review-draft-") as folder:
        for language in languages:
            source = args.source or export_example(language, Path(folder) / f"{language}.docx")
            target = args.out / f"review-draft.{language}.docx"
            marks = review(source, target, language)
            print(f"{target}: {marks} revision marks, 3 comment threads")
            made.append(target)
    if not args.no_libreoffice:
        if shutil.which("soffice") is None:
            print("soffice is not installed: no LibreOffice round trips", file=sys.stderr)
            return 1
        for target in libreoffice_round_trip(made, args.out):
            print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
