"""Test data builders. Thai text follows the shape of real foundation pages."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePartner,
    ArticleTopic,
    EbookIndexPage,
    EbookPage,
    EventGalleryImage,
    EventIndexPage,
    EventPartner,
    EventSummaryPage,
)
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
            "items": [{"label": label, "text": text, "level": str(level)} for label, text, level in items]
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
