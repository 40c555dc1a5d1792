"""A short report in each shipped language, built in code, and the Persian translation of the example's first sections.

Every sample has the same shape: a title block with date, times and zone, the
six section kinds under their default headings (takeaways as a level-2
sub-heading), bullets at two levels, participants, a session with goals, a
label, a bold span, and a footnote referenced after a word. Headings come
from the presets, so what the PDF must show is what the preset says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

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
from minutes_editor.storage.minutes_file import load_report
from minutes_editor.storage.presets import load_preset

DATA = Path(__file__).resolve().parent / "data"
PERSIAN_EXAMPLE = DATA / "budapest-process-2021-10-14.fa.minutes"

MEETING_DATE = dt.date(2021, 10, 14)
START, END = dt.time(10, 0), dt.time(13, 0)


@dataclass(frozen=True)
class Words:
    """What a rapporteur types in one language."""

    meeting: str
    location: str
    timezone: str
    intro: str
    bullets: tuple[str, str]
    detail: str
    participants: tuple[str, str, str]
    session: str
    goals: tuple[str, str]
    label: str
    emphasis: str
    before_note: str
    after_note: str
    footnote: str


WORDS: dict[str, Words] = {
    "ar": Words(
        meeting="الاجتماع المشترك لمجموعات عمل جنوب شرق أوروبّا ومنطقة طرق الحرير",
        location="افتراضي عبر تطبيق زوم",
        timezone="بتوقيت وسط أوروبا",
        intro="وبالتالي، كان الهدف من هذا الاجتماع:",
        bullets=(
            "البحث عن طرق لمواصلة بناء قدرات وتعزيز التعاون بين دول جنوب شرق أوروبا ودول طرق الحرير.",
            "تحديد التحدّيات والحلول لتوفير الحماية الكافية للفئات المستضعفة.",
        ),
        detail="بما في ذلك النساء والأطفال غير المصحوبين.",
        participants=("النمسا", "المجر", "باكستان"),
        session="الجلسة الأولى: فرص التعاون في إطار الهدف ذي الأولوية الأول",
        goals=("منع تهريب المهاجرين ومكافحة الجريمة المنظمة", "تسهيل العودة الفعالة وإعادة الإدماج"),
        label="عملية بودابست:",
        emphasis="الميثاق الجديد للهجرة واللجوء",
        before_note="يجب أن تكون هناك اتفاقيات إعادة قبول نشطة، بما في ذلك مع كوسوفو",
        after_note=" والدول المجاورة.",
        footnote="هذا التعيين لا يخلّ بالمواقف المتعلقة بالوضع.",
    ),
    "en": Words(
        meeting="Joint meeting of the South-East Europe and Silk Routes working groups",
        location="virtual, via Zoom",
        timezone="CET",
        intro="Accordingly, the aims of this meeting were:",
        bullets=(
            "To explore ways of building capacity and cooperation between the two regions.",
            "To identify challenges and solutions for protecting vulnerable groups.",
        ),
        detail="Including unaccompanied women and children.",
        participants=("Austria", "Hungary", "Pakistan"),
        session="Session 1: Cooperation under Priority Goal 1",
        goals=("Preventing migrant smuggling", "Facilitating effective return"),
        label="Budapest Process:",
        emphasis="New Pact on Migration and Asylum",
        before_note="Readmission agreements should be active, including with Kosovo",
        after_note=" and its neighbours.",
        footnote="This designation is without prejudice to positions on status.",
    ),
    "fa": Words(
        meeting="نشست مشترک گروه‌های کاری جنوب شرق اروپا و منطقهٔ جاده‌های ابریشم",
        location="مجازی، از طریق زوم",
        timezone="به وقت اروپای مرکزی",
        intro="بر این اساس، اهداف این نشست عبارت بود از:",
        bullets=(
            "بررسی راه‌های ظرفیت‌سازی و تقویت همکاری میان دو منطقه.",
            "شناسایی چالش‌ها و راه‌حل‌ها برای حمایت از گروه‌های آسیب‌پذیر.",
        ),
        detail="از جمله زنان و کودکان بدون همراه.",
        participants=("اتریش", "مجارستان", "پاکستان"),
        session="جلسهٔ اول: همکاری در چارچوب هدف اولویت‌دار نخست",
        goals=("پیشگیری از قاچاق مهاجران", "تسهیل بازگشت مؤثر"),
        label="فرایند بوداپست:",
        emphasis="پیمان جدید مهاجرت و پناهندگی",
        before_note="موافقت‌نامه‌های پذیرش مجدد باید فعال باشند، از جمله با کوزوو",
        after_note=" و همسایگانش.",
        footnote="این نام‌گذاری به مواضع مربوط به وضعیت لطمه‌ای نمی‌زند.",
    ),
    "ur": Words(
        meeting="جنوب مشرقی یورپ اور شاہراہِ ریشم کے ورکنگ گروپس کا مشترکہ اجلاس",
        location="ورچوئل، بذریعہ زوم",
        timezone="وسطی یورپی وقت",
        intro="چنانچہ اس اجلاس کے مقاصد یہ تھے:",
        bullets=(
            "دونوں خطوں کے درمیان استعداد کار اور تعاون بڑھانے کے طریقے تلاش کرنا۔",
            "کمزور طبقات کے تحفظ کے لیے مسائل اور ان کے حل کی نشاندہی کرنا۔",
        ),
        detail="بشمول بے سہارا خواتین اور بچے۔",
        participants=("آسٹریا", "ہنگری", "پاکستان"),
        session="پہلی نشست: پہلے ترجیحی ہدف کے تحت تعاون",
        goals=("تارکینِ وطن کی اسمگلنگ کی روک تھام", "مؤثر واپسی میں سہولت"),
        label="بوڈاپسٹ عمل:",
        emphasis="ہجرت اور پناہ کا نیا معاہدہ",
        before_note="دوبارہ داخلے کے فعال معاہدے ہونے چاہییں، بشمول کوسوو",
        after_note=" اور اس کے ہمسائے۔",
        footnote="یہ نام حیثیت سے متعلق مؤقف پر اثر انداز نہیں ہوتا۔",
    ),
    "fr": Words(
        meeting="Réunion conjointe des groupes de travail Europe du Sud-Est et Routes de la soie",
        location="virtuelle, via Zoom",
        timezone="HEC",
        intro="Les objectifs de cette réunion étaient donc les suivants :",
        bullets=(
            "Étudier les moyens de renforcer les capacités et la coopération entre les deux régions.",
            "Recenser les défis et les solutions pour protéger les groupes vulnérables.",
        ),
        detail="Notamment les femmes et les enfants non accompagnés.",
        participants=("l’Autriche", "la Hongrie", "le Pakistan"),
        session="Séance 1 : coopération au titre de l’objectif prioritaire 1",
        goals=("Prévenir le trafic de migrants", "Faciliter un retour effectif"),
        label="Processus de Budapest :",
        emphasis="nouveau pacte sur la migration et l’asile",
        before_note="Des accords de réadmission actifs sont nécessaires, y compris avec le Kosovo",
        after_note=" et ses voisins.",
        footnote="Cette désignation est sans préjudice des positions sur le statut.",
    ),
    "ru": Words(
        meeting="Совместное совещание рабочих групп по Юго-Восточной Европе и Шёлковому пути",
        location="в режиме онлайн, через Zoom",
        timezone="CET",
        intro="Таким образом, цели совещания были следующими:",
        bullets=(
            "Изучить пути наращивания потенциала и сотрудничества двух регионов.",
            "Определить проблемы и решения для защиты уязвимых групп.",
        ),
        detail="В том числе несопровождаемых женщин и детей.",
        participants=("Австрия", "Венгрия", "Пакистан"),
        session="Сессия 1: сотрудничество в рамках первой приоритетной цели",
        goals=("Предотвращение незаконного ввоза мигрантов", "Содействие эффективному возвращению"),
        label="Будапештский процесс:",
        emphasis="новый Пакт о миграции и убежище",
        before_note="Необходимы действующие соглашения о реадмиссии, в том числе с Косово",
        after_note=" и соседними странами.",
        footnote="Это обозначение не затрагивает позиций относительно статуса.",
    ),
    "tr": Words(
        meeting="Güneydoğu Avrupa ve İpek Yolu çalışma gruplarının ortak toplantısı",
        location="çevrim içi, Zoom üzerinden",
        timezone="CET",
        intro="Buna göre, bu toplantının amaçları şunlardı:",
        bullets=(
            "İki bölge arasında kapasite ve iş birliğini geliştirmenin yollarını araştırmak.",
            "Kırılgan grupları korumak için sorunları ve çözümleri belirlemek.",
        ),
        detail="Refakatsiz kadınlar ve çocuklar dahil.",
        participants=("Avusturya", "Macaristan", "Pakistan"),
        session="1. Oturum: Birinci öncelikli hedef kapsamında iş birliği",
        goals=("Göçmen kaçakçılığının önlenmesi", "Etkin geri dönüşün kolaylaştırılması"),
        label="Budapeşte Süreci:",
        emphasis="Yeni Göç ve İltica Paktı",
        before_note="Kosova dahil, etkin geri kabul anlaşmaları gereklidir",
        after_note=" ve komşularıyla da.",
        footnote="Bu adlandırma statüye ilişkin tutumlara halel getirmez.",
    ),
}


def sample_report(language: str, *, status: str = "") -> Report:
    """A short report in ``language`` (a key of WORDS, or a tag such as "ar-EG" using its primary subtag's words)."""
    words = WORDS[language.split("-", 1)[0]]
    preset = load_preset(language)
    return Report(
        language=language,
        title=TitleBlock(
            meeting=words.meeting,
            date=MEETING_DATE,
            start_time=START,
            end_time=END,
            timezone=words.timezone,
            location=words.location,
            status=status or preset.draft_status,
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span(words.intro)]),
                    Block(BlockKind.BULLET, [Span(words.bullets[0])]),
                    Block(BlockKind.BULLET, [Span(words.detail)], level=2),
                    Block(BlockKind.BULLET, [Span(words.bullets[1])]),
                ],
            ),
            Section(
                SectionKind.PARTICIPATION,
                participants=[Participant(name) for name in words.participants],
            ),
            Section(
                SectionKind.OPENING_REMARKS,
                blocks=[Block(BlockKind.PARAGRAPH, [Span(words.intro + " "), Span(words.emphasis, bold=True)])],
            ),
            Section(
                SectionKind.SETTING_THE_SCENE,
                blocks=[
                    Block(BlockKind.LABEL, [Span(words.label)]),
                    Block(BlockKind.PARAGRAPH, [Span(words.bullets[1])]),
                ],
            ),
            Section(
                SectionKind.DISCUSSION,
                sessions=[
                    Session(
                        words.session,
                        list(words.goals),
                        [
                            Block(
                                BlockKind.BULLET,
                                [Span(words.before_note), FootnoteRef("note"), Span(words.after_note)],
                            )
                        ],
                    )
                ],
            ),
            Section(SectionKind.TAKEAWAYS, level=2, blocks=[Block(BlockKind.BULLET, [Span(words.bullets[0])])]),
        ],
        footnotes=[Footnote("note", [Span(words.footnote)])],
    )


def persian_example() -> Report:
    """The Persian translation of the Arabic example's first five sections (title block to session 1)."""
    return load_report(PERSIAN_EXAMPLE)
