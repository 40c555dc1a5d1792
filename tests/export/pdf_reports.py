"""A Persian and an Urdu report of a few paragraphs, bullets and a footnote, for the PDF's text layer.

Each is a short record of an invented expert meeting on return and
reintegration, written as a rapporteur of that language would write it
(Persian with its zero-width non-joiners and ezafe, Urdu with its own letters
ٹ ڈ ڑ ں ے ۓ and its full stop ۔), so that ``pdftotext`` of the PDF is measured
on the letters and joins each language really uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Text:
    """The sentences of one report."""

    meeting: str
    location: str
    timezone: str
    opening: tuple[str, str]
    aims: tuple[str, str, str]
    participants: tuple[str, ...]
    finding: str
    session: str
    goals: tuple[str, str]
    points: tuple[str, str, str]
    before_note: str
    after_note: str
    footnote: str


TEXTS: dict[str, Text] = {
    "fa": Text(
        meeting="نشست کارشناسان فرایند بوداپست دربارهٔ بازگشت و ادغام مجدد",
        location="مجازی، از طریق زوم",
        timezone="به وقت اروپای مرکزی",
        opening=(
            "این گزارش خلاصه‌ای از مباحث نشست کارشناسان است که به صورت مجازی برگزار شد.",
            "هدف اصلی نشست، تبادل تجربه‌ها میان کشورهای مبدأ، ترانزیت و مقصد بود.",
        ),
        aims=(
            "تقویت همکاری میان نهادهای مرزی و پلیس در منطقه.",
            "حمایت از بازگشت داوطلبانه و ادغام پایدار مهاجران در جامعه.",
            "بهبود دسترسی کودکان بدون همراه به خدمات آموزشی و درمانی.",
        ),
        participants=("اتریش", "مجارستان", "پاکستان", "ترکیه", "افغانستان", "ایران"),
        finding=(
            "شرکت‌کنندگان تأکید کردند که تبادل منظم اطلاعات برای مقابله با قاچاق انسان ضروری است. "
            "آنان همچنین پیشنهاد کردند که برنامه‌های آموزشی مشترک برای کارکنان مرزی در سال آینده ادامه یابد."
        ),
        session="جلسهٔ دوم: ظرفیت‌سازی و آموزش",
        goals=("آموزش کارکنان مرزی", "بهبود شرایط پذیرش"),
        points=(
            "نمایندهٔ ترکیه از تجربهٔ کشورش در ثبت و پذیرش پناه‌جویان سخن گفت.",
            "چند کشور خواستار منابع مالی بیشتر برای مراکز پذیرش شدند.",
            "دبیرخانه متعهد شد که گزارش نهایی را تا پایان ماه آینده منتشر کند.",
        ),
        before_note="شمار بازگشت‌های داوطلبانه در سال گذشته دو برابر شد",
        after_note=" و بیشتر آنان به روستاهای خود بازگشتند.",
        footnote="این ارقام بر پایهٔ داده‌های رسمی سال ۲۰۲۱ است.",
    ),
    "ur": Text(
        meeting="بوڈاپسٹ عمل کے ماہرین کا اجلاس: واپسی اور دوبارہ انضمام",
        location="ورچوئل، بذریعہ زوم",
        timezone="وسطی یورپی وقت",
        opening=(
            "یہ رپورٹ ماہرین کے اس اجلاس کی بحث کا خلاصہ ہے جو آن لائن منعقد ہوا۔",
            "اجلاس کا بنیادی مقصد مبدا، راہداری اور منزل کے ممالک کے درمیان تجربات کا تبادلہ تھا۔",
        ),
        aims=(
            "خطے میں سرحدی اداروں اور پولیس کے درمیان تعاون کو مضبوط بنانا۔",
            "رضاکارانہ واپسی اور تارکین وطن کے معاشرے میں پائیدار انضمام کی حمایت کرنا۔",
            "بے سہارا بچوں کے لیے تعلیم اور صحت کی سہولیات تک رسائی بہتر بنانا۔",
        ),
        participants=("آسٹریا", "ہنگری", "پاکستان", "ترکی", "افغانستان", "ایران"),
        finding=(
            "شرکاء نے اس بات پر زور دیا کہ انسانی اسمگلنگ کے خلاف معلومات کا باقاعدہ تبادلہ ضروری ہے۔ "
            "انہوں نے یہ تجویز بھی دی کہ سرحدی عملے کے لیے مشترکہ تربیتی پروگرام اگلے سال بھی جاری رکھے جائیں۔"
        ),
        session="دوسری نشست: استعداد کار میں اضافہ اور تربیت",
        goals=("سرحدی عملے کی تربیت", "استقبال کے حالات میں بہتری"),
        points=(
            "ترکی کے نمائندے نے پناہ کے متلاشیوں کے اندراج اور استقبال کے بارے میں اپنے ملک کا تجربہ بیان کیا۔",
            "کئی ممالک نے استقبالیہ مراکز کے لیے مزید مالی وسائل کا مطالبہ کیا۔",
            "سیکرٹریٹ نے وعدہ کیا کہ حتمی رپورٹ اگلے مہینے کے آخر تک شائع کی جائے گی۔",
        ),
        before_note="گزشتہ سال رضاکارانہ واپسی کرنے والوں کی تعداد دگنی ہو گئی",
        after_note=" اور ان میں سے زیادہ تر اپنے گاؤں لوٹ گئے۔",
        footnote="یہ اعداد و شمار ۲۰۲۱ کے سرکاری اعداد پر مبنی ہیں۔",
    ),
}


def pdf_report(language: str) -> Report:
    """The report in ``language`` ("fa" or "ur"): title block, objectives, participants, a session, a footnote."""
    text = TEXTS[language]
    return Report(
        language=language,
        title=TitleBlock(
            meeting=text.meeting,
            date=dt.date(2022, 3, 10),
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            timezone=text.timezone,
            location=text.location,
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span(text.opening[0])]),
                    Block(BlockKind.PARAGRAPH, [Span(text.opening[1])]),
                    *(Block(BlockKind.BULLET, [Span(aim)]) for aim in text.aims),
                ],
            ),
            Section(SectionKind.PARTICIPATION, participants=[Participant(name) for name in text.participants]),
            Section(
                SectionKind.DISCUSSION,
                blocks=[Block(BlockKind.PARAGRAPH, [Span(text.finding)])],
                sessions=[
                    Session(
                        text.session,
                        list(text.goals),
                        [
                            *(Block(BlockKind.BULLET, [Span(point)]) for point in text.points),
                            Block(
                                BlockKind.BULLET,
                                [Span(text.before_note), FootnoteRef("figures"), Span(text.after_note)],
                                level=2,
                            ),
                        ],
                    )
                ],
            ),
            Section(SectionKind.TAKEAWAYS, level=2, blocks=[Block(BlockKind.BULLET, [Span(text.points[2])])]),
        ],
        footnotes=[Footnote("figures", [Span(text.footnote)])],
    )
