"""Test data builders. Thai text follows the shape of real foundation pages."""

import datetime
import io
import zipfile

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from fpdf import FPDF
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePartner,
    ArticleTopic,
    EbookIndexPage,
    EbookPage,
    EbookPartner,
    EbookTopic,
    EventGalleryImage,
    EventIndexPage,
    EventPartner,
    EventSummaryPage,
    EventTopic,
)
from core.models import InformationPage
from network.models import (
    PartnerIndexPage,
    PartnerOrganisation,
    Programme,
    StoryFormPage,
    Topic,
)


class LocaleDefault(factory.LazyFunction):
    def __init__(self):
        super().__init__(Locale.get_default)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"ความเสมอภาคทางเพศ {n}")
    locale = LocaleDefault()


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"โครงการเสริมสร้างศักยภาพผู้นำ {n}")
    short_name = "นธส."
    funder = "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"
    locale = LocaleDefault()


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"มูลนิธิเพื่อการเยียวยาชายแดนใต้ {n}")
    short_name = "มยส."
    kind = PartnerOrganisation.Kind.FOUNDATION
    mission = "ทำงานกับเยาวชนในสามจังหวัดชายแดนภาคใต้"
    locale = LocaleDefault()


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "บทความ"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "สรุปกิจกรรม"


class EbookIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EbookIndexPage

    title = "ห้องสมุด"


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "ภาคีเครือข่าย"


def numbered_list(*items):
    return {
        "type": "numbered_list",
        "value": {
            "items": [
                {"label": label, "text": text, "level": str(level)} for label, text, level in items
            ]
        },
    }


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"สนับสนุนงานภาคีเครือข่าย ตอนที่ {n}")
    kind = ArticlePage.Kind.PARTNER_SUPPORT
    intro = "การทำงานร่วมกับภาคีเครือข่ายช่วยให้เป้าหมายของมูลนิธิบรรลุผลเร็วขึ้น"
    published_date = datetime.date(2024, 6, 13)
    hero_image = factory.SubFactory(wagtail_factories.ImageFactory)
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "value": "<p>มูลนิธิทำงานกับภาคีหลายระดับ</p>"},
            numbered_list(
                ("1.", "สนับสนุนจุดแข็งของภาคี", 1),
                ("1.1", "แนวทางจัดการปัญหาในชุมชน", 2),
                ("2.", "สนับสนุนสิ่งที่ภาคีต้องการ", 1),
            ),
        ]
    )


class EventSummaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventSummaryPage

    title = factory.Sequence(lambda n: f"เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร ครั้งที่ {n}")
    intro = "ภาคีอาสาสมัครชายแดนใต้ร่วมวางแผนการทำงาน"
    start_date = datetime.date(2019, 6, 14)
    end_date = datetime.date(2019, 6, 19)
    venue = "โรงแรมทีเค พาเลซ กรุงเทพฯ"
    participants_people = 53
    participants_people_target = 70
    participants_organisations = 20
    hero_image = factory.SubFactory(wagtail_factories.ImageFactory)
    objectives = factory.LazyFunction(
        lambda: [{"type": "objective", "value": "เข้าใจขบวนการเคลื่อนไหวทางสังคม"}]
    )


class EbookPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EbookPage

    title = factory.Sequence(lambda n: f"ผีเสื้อขยับปีก เล่ม {n}")
    series = "ผีเสื้อขยับปีก"
    volume = 9
    publication_date = datetime.date(2021, 12, 1)
    isbn = "978-616-0-00000-5"
    page_count = 48
    cover_image = factory.SubFactory(wagtail_factories.ImageFactory)
    pdf = factory.SubFactory(wagtail_factories.DocumentFactory)


class ArticlePartnerFactory(DjangoModelFactory):
    class Meta:
        model = ArticlePartner

    page = factory.SubFactory(ArticlePageFactory)
    partner = factory.SubFactory(PartnerFactory)


class ArticleTopicFactory(DjangoModelFactory):
    class Meta:
        model = ArticleTopic

    page = factory.SubFactory(ArticlePageFactory)
    topic = factory.SubFactory(TopicFactory)


class EventPartnerFactory(DjangoModelFactory):
    class Meta:
        model = EventPartner

    page = factory.SubFactory(EventSummaryPageFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = EventPartner.PARTICIPANT


class EventGalleryImageFactory(DjangoModelFactory):
    class Meta:
        model = EventGalleryImage

    page = factory.SubFactory(EventSummaryPageFactory)
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    alt_text = "ผู้เข้าร่วมนั่งล้อมวงแลกเปลี่ยน"
    caption = "วงแลกเปลี่ยนช่วงบ่าย"


class StoryFormPageFactory(wagtail_factories.PageFactory):
    title = "ส่งเรื่องจากภาคี"
    slug = "send-a-story"
    intro = "ภาคีเครือข่ายเล่างานของตัวเองได้ที่นี่"
    retention_days = 365
    privacy_contact_email = "privacy@example.org"

    class Meta:
        model = StoryFormPage


# --- Topics of event summaries and e-books (feeds, sitemap) ---


class EventTopicFactory(DjangoModelFactory):
    class Meta:
        model = EventTopic

    page = factory.SubFactory(EventSummaryPageFactory)
    topic = factory.SubFactory(TopicFactory)


class EbookTopicFactory(DjangoModelFactory):
    class Meta:
        model = EbookTopic

    page = factory.SubFactory(EbookPageFactory)
    topic = factory.SubFactory(TopicFactory)


# --- Information pages and embeds (privacy and cookies) ---


class InformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InformationPage

    title = "นโยบายความเป็นส่วนตัว"
    intro = "มูลนิธิเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น และใช้ตามวัตถุประสงค์ที่แจ้งไว้เท่านั้น"
    last_updated = datetime.date(2025, 1, 15)
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "ข้อมูลที่เราเก็บ", "level": "h2"}},
            {"type": "paragraph", "value": "<p>ชื่อ อีเมล และเบอร์โทรศัพท์ของผู้ส่งเรื่องจากภาคี</p>"},
        ]
    )


# The `html` of real oEmbed answers, as the providers send it (only the video's id
# and title change): what Wagtail keeps, and what the consent gate holds back.
YOUTUBE_OEMBED_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/{id}?feature=oembed" '
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; '
    'gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" '
    'allowfullscreen title="{title}"></iframe>'
)
VIMEO_OEMBED_HTML = (
    '<iframe src="https://player.vimeo.com/video/{id}?app_id=122963" width="640" height="360" '
    'frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write; '
    'encrypted-media; web-share" referrerpolicy="strict-origin-when-cross-origin" '
    'title="{title}"></iframe>'
)


class EmbedFactory(DjangoModelFactory):
    """A YouTube video as Wagtail keeps it after asking YouTube (so no request leaves)."""

    class Meta:
        model = Embed

    url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=demo{n:07d}")
    hash = factory.LazyAttribute(lambda embed: get_embed_hash(embed.url))
    type = "video"
    title = "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"
    provider_name = "YouTube"
    width = 200
    height = 113
    html = factory.LazyAttribute(
        lambda embed: YOUTUBE_OEMBED_HTML.format(id=embed.url.rsplit("=", 1)[-1], title=embed.title)
    )


class VimeoEmbedFactory(EmbedFactory):
    url = factory.Sequence(lambda n: f"https://vimeo.com/{76979871 + n}")
    title = "วงคุยอาสาสมัครชายแดนใต้"
    provider_name = "Vimeo"
    width = 640
    height = 360
    html = factory.LazyAttribute(
        lambda embed: VIMEO_OEMBED_HTML.format(id=embed.url.rsplit("/", 1)[-1], title=embed.title)
    )


# --- Partners of e-books (listing filters) ---


class EbookPartnerFactory(DjangoModelFactory):
    class Meta:
        model = EbookPartner

    page = factory.SubFactory(EbookPageFactory)
    partner = factory.SubFactory(PartnerFactory)


# --- E-book files: real PDF and EPUB documents (downloads, OPDS) ---


def pdf_bytes(pages=3, owner_password=None, user_password=None):
    """A real PDF with `pages` pages (fpdf2), encrypted when a password is given."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(text=f"Page {number}")
    if owner_password:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    return bytes(pdf.output())


def epub_bytes():
    """A small EPUB container: the uncompressed mimetype entry first, then the rest."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
    return output.getvalue()


class EbookDocumentFactory(wagtail_factories.DocumentFactory):
    """A document holding `data` (a 3-page PDF unless told), with its size recorded
    as Wagtail's upload form records it."""

    class Meta:
        skip_postgeneration_save = True

    class Params:
        data = factory.LazyFunction(pdf_bytes)
        filename = "ebook.pdf"

    title = factory.Sequence(lambda n: f"ไฟล์หนังสือ {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(o.data, name=o.filename))

    @factory.post_generation
    def record_metadata(obj, create, extracted, **kwargs):
        obj._set_document_file_metadata()
        if create:
            obj.save()


class EpubDocumentFactory(EbookDocumentFactory):
    class Params:
        data = factory.LazyFunction(epub_bytes)
        filename = "ebook.epub"


# --- Sharing: pictures as editors upload them --------------------------------------


class PhotoFactory(wagtail_factories.ImageFactory):
    """A landscape photo as large as a phone takes it, with the alt text editors give."""

    title = factory.Sequence(lambda n: f"IMG_{4000 + n}")
    description = "ผู้เข้าร่วมเวทีนั่งล้อมวงแลกเปลี่ยนความคิดเห็น"
    file = factory.django.ImageField(width=2400, height=1600, color="#c27b3a")


class CoverFactory(wagtail_factories.ImageFactory):
    """A portrait e-book cover (A4 proportions)."""

    title = factory.Sequence(lambda n: f"ปกหนังสือ {n}")
    file = factory.django.ImageField(width=1240, height=1754, color="#f2c14e")


class LogoFactory(wagtail_factories.ImageFactory):
    """A small square PNG logo, as partners send them."""

    title = factory.Sequence(lambda n: f"โลโก้ภาคี {n}")
    file = factory.django.ImageField(
        width=300, height=300, color="#1e5aa0", format="PNG", filename="logo.png"
    )


def article_with_video(parent):
    """An article with a YouTube video in its body, and the video's embed."""
    embed = EmbedFactory()
    article = ArticlePageFactory(
        parent=parent,
        body=[
            {"type": "paragraph", "value": "<p>คลิปบันทึกเวทีแลกเปลี่ยนของภาคี</p>"},
            {"type": "embed", "value": embed.url},
        ],
    )
    return article, embed


def use_as_notices(**notices):
    """Name pages as the default site's notices: privacy_notice=, cookie_notice=."""
    from wagtail.models import Site

    from privacy.models import PrivacySettings

    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    for field, page in notices.items():
        setattr(settings, field, page)
    settings.save()
    return settings


def translate_page(page, locale, **fields):
    """Copy a page into another language and publish it, as a translator would;
    a parent not yet in that language is copied too."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


def translate_snippet(snippet, locale, **fields):
    """A snippet (partner, topic, programme) in another language."""
    copy = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy
