"""Relevance of Thai search: a fixed set of pages and queries, each with the
pages it must find (and no others of the set), and for the traps the pages it
must above all not find.

Runs on whichever database the suite runs on (SQLite and PostgreSQL in CI).
"""

from dataclasses import dataclass

import pytest
from wagtail.models import Page

from . import factories

# key: (title, intro). Written as Thai is written, words run together.
PAGES = {
    "network-meeting": (
        "ภาคีเครือข่ายอาสาสมัครจัดประชุมประจำปี",
        "มูลนิธิ มยส. ร่วมกับภาคีเครือข่ายจัดการประชุมที่จังหวัดสงขลา เมื่อวันที่ ๑๔ มิถุนายน ๒๕๖๒",
    ),
    "hospital-elderly": (
        "โรงพยาบาลชุมชนกับการดูแลผู้สูงอายุ",
        "พยาบาลและอาสาสมัครสาธารณสุขเยี่ยมบ้านผู้ป่วยติดเตียงทุกสัปดาห์",
    ),
    "youth-drugs": (
        "รณรงค์ลดยาเสพติดในกลุ่มเยาวชน",
        "เยาวชนในโรงเรียนร่วมกิจกรรมป้องกันยาเสพติดตลอดภาคเรียน",
    ),
    "regional-forum": (
        "การพัฒนาภูมิภาคอย่างยั่งยืน",
        "เวทีความร่วมมือระดับภูมิภาคเอเชียตะวันออกเฉียงใต้ว่าด้วยเศรษฐกิจพอเพียง",
    ),
    "vaccination": (
        "ฉีดวัคซีนโควิด-19 ให้แรงงานข้ามชาติ",
        "หน่วยบริการเคลื่อนที่ออกฉีดวัคซีนให้แรงงานในจังหวัดสมุทรสาคร ปี 2564",
    ),
    "storytelling": (
        "Workshop: Digital Storytelling for Community Media",
        "อบรมการเล่าเรื่องด้วยสื่อดิจิทัล (Storytelling) สำหรับนักสื่อสารชุมชน",
    ),
    "civic-day": (
        "สรุปบทเรียนงานวันพลเมืองสงขลา ๒๕๖๔",
        "ภาคประชาสังคมทบทวนบทเรียนการรับมือโรคระบาดร่วมกัน",
    ),
    "fundraising": (
        "คู่มือการระดมทุนสำหรับองค์กรสาธารณประโยชน์",
        "แนวทางการระดมทุนจากประชาชน (crowdfunding) และการรายงานผลต่อผู้บริจาค",
    ),
    "family-violence": (
        "ความรุนแรงในครอบครัวและการคุ้มครองเด็ก",
        "ศูนย์พึ่งได้ในโรงพยาบาลช่วยเหลือผู้หญิงและเด็กที่ถูกกระทำ",
    ),
    "human-rights": (
        "สิทธิมนุษยชนกับชุมชนชายแดนใต้",
        "เวทีเสวนาเรื่องสิทธิและสันติภาพในจังหวัดปัตตานี ยะลา นราธิวาส",
    ),
    "pharmacy": (
        "ร้านยาชุมชนกับการใช้ยาอย่างสมเหตุผล",
        "เภสัชกรให้ความรู้เรื่องยาปฏิชีวนะแก่ชาวบ้าน",
    ),
    "organic-farming": (
        "เกษตรอินทรีย์และตลาดสีเขียว",
        "เกษตรกรรายย่อยในจังหวัดเชียงรายขายผักปลอดสารพิษ",
    ),
    "change-makers": (
        "นักขับเคลื่อนสังคม รุ่นที่ 5",
        "หลักสูตรพัฒนาผู้นำการเปลี่ยนแปลงจากขบวนการเคลื่อนไหวทางสังคม",
    ),
    "waste-bank": (
        "การจัดการขยะในชุมชน",
        "ธนาคารขยะรีไซเคิลของโรงเรียนวัดบ้านนา",
    ),
    "community-tourism": (
        "ภาคใต้กับการท่องเที่ยวโดยชุมชน",
        "ชาวบ้านเปิดโฮมสเตย์และพาเที่ยวป่าชายเลน",
    ),
    "annual-report": (
        "Annual report 2021",
        "Volunteers and partner networks across Thailand",
    ),
    "air-quality": (
        "มหาวิทยาลัยร่วมวิจัยคุณภาพอากาศ",
        "สถานีวิทยุ ม.อ. รายงานค่าฝุ่น PM2.5 ทุกเช้า",
    ),
    "scholarships": (
        "ทุนการศึกษาสำหรับเด็กกำพร้า",
        "บ้านเด็กกำพร้าตากใบมอบทุนการศึกษาให้นักเรียน",
    ),
}


@dataclass(frozen=True)
class Case:
    query: str
    must_find: frozenset
    must_not_find: frozenset = frozenset()


def case(query, must_find, must_not_find=()):
    return Case(query, frozenset(must_find), frozenset(must_not_find))


CASES = [
    # Traps: a short word inside a longer, unrelated one.
    case("ยา", {"youth-drugs", "pharmacy"}, {"hospital-elderly", "family-violence"}),
    case("ภาคี", {"network-meeting"}, {"regional-forum", "civic-day", "community-tourism"}),
    case("ภูมิภาค", {"regional-forum"}, {"network-meeting"}),
    # Words inside runs.
    case("เครือข่าย", {"network-meeting"}, {"annual-report"}),
    case("ประชุม", {"network-meeting"}),
    case("วัคซีน", {"vaccination"}),
    case("ฉีดวัคซีน", {"vaccination"}),
    case("แรงงาน", {"vaccination"}),
    case("แรงงานข้ามชาติ", {"vaccination"}),
    case("โรงพยาบาล", {"hospital-elderly", "family-violence"}),
    case("ผู้สูงอายุ", {"hospital-elderly"}),
    case("สาธารณสุข", {"hospital-elderly"}),
    case("อาสาสมัคร", {"network-meeting", "hospital-elderly"}),
    case("เยาวชน", {"youth-drugs"}),
    case("ป้องกัน", {"youth-drugs"}),
    case("เศรษฐกิจพอเพียง", {"regional-forum"}),
    case("พอเพียง", {"regional-forum"}),
    case("โรคระบาด", {"civic-day"}),
    case("ระดมทุน", {"fundraising"}),
    case("บริจาค", {"fundraising"}),
    case("ความรุนแรง", {"family-violence"}),
    case("ครอบครัว", {"family-violence"}),
    case("สิทธิมนุษยชน", {"human-rights"}),
    case("มนุษยชน", {"human-rights"}),
    case("สันติภาพ", {"human-rights"}),
    case("เภสัชกร", {"pharmacy"}),
    case("อินทรีย์", {"organic-farming"}),
    case("ตลาดสีเขียว", {"organic-farming"}),
    case("ขบวนการ", {"change-makers"}),
    case("เคลื่อนไหว", {"change-makers"}),
    case("ผู้นำ", {"change-makers"}),
    case("ขยะ", {"waste-bank"}),
    case("รีไซเคิล", {"waste-bank"}),
    case("ท่องเที่ยว", {"community-tourism"}),
    case("ป่าชายเลน", {"community-tourism"}),
    case("กำพร้า", {"scholarships"}),
    case("ทุนการศึกษา", {"scholarships"}),
    case("ฝุ่น", {"air-quality"}),
    case("วิจัย", {"air-quality"}),
    # Years: Thai digits in the page or in the query.
    case("2564", {"vaccination", "civic-day"}),
    case("๒๕๖๔", {"vaccination", "civic-day"}),
    case("2562", {"network-meeting"}),
    # Partners' short names, with and without the abbreviation dots.
    case("มยส.", {"network-meeting"}),
    case("มยส", {"network-meeting"}),
    case("ม.อ.", {"air-quality"}),
    # English words on Thai pages, and English stems.
    case("storytelling", {"storytelling"}),
    case("workshop", {"storytelling"}),
    case("crowdfunding", {"fundraising"}),
    case("volunteer", {"annual-report"}),
    case("PM2.5", {"air-quality"}),
    # Several words: every one must be on the page.
    case("ภาคี สงขลา", {"network-meeting"}, {"civic-day"}),
    case("ขยะ โรงเรียน", {"waste-bank"}, {"youth-drugs"}),
    case("เด็ก ทุนการศึกษา", {"scholarships"}, {"family-violence"}),
    # Nothing on the site is about astronomy.
    case("ดาราศาสตร์", set()),
]


@pytest.fixture
def relevance_pages(site_tree):
    pages = {}
    for key, (title, intro) in PAGES.items():
        page = factories.ArticlePageFactory(
            parent=site_tree["articles"], title=title, intro=intro, body=[]
        )
        pages[page.pk] = key
    return pages


def found_keys(query, pages):
    """The pages of the set that `query` finds."""
    return [pages[page.pk] for page in Page.objects.live().search(query) if page.pk in pages]


def problems_with(each, found):
    problems = []
    missing = sorted(each.must_find - set(found))
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    traps = sorted(each.must_not_find & set(found))
    if traps:
        problems.append(f"falls into the trap of {', '.join(traps)}")
    extra = sorted(set(found) - each.must_find - each.must_not_find)
    if extra:
        problems.append(f"also finds {', '.join(extra)}")
    return problems


def test_the_set_has_enough_queries_and_traps():
    assert len(CASES) >= 40
    assert sum(1 for each in CASES if each.must_not_find) >= 5
    assert len({each.query for each in CASES}) == len(CASES)
    # A misspelt key would be a page no query could ever find, or wrongly find.
    named = set().union(*(each.must_find | each.must_not_find for each in CASES))
    assert named <= set(PAGES), named - set(PAGES)


@pytest.mark.django_db
def test_every_query_finds_its_pages(relevance_pages):
    failures = []
    for each in CASES:
        found = found_keys(each.query, relevance_pages)
        problems = problems_with(each, found)
        if problems:
            failures.append(
                f"{each.query!r}: {'; '.join(problems)} (found: {', '.join(found) or 'nothing'})"
            )
    assert not failures, "\n".join(failures)
