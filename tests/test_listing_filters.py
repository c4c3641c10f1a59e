"""Readers narrow the article, event and e-book listings by kind, topic, partner,
province, programme and year; the choices are what the section uses, the
filters live in the address, and bad addresses never break the page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from articles.models import ArticleTopic
from network.models import Province
from thai.models import ThaiLanguageSettings

from . import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(response):
    return [item.title for item in response.context["items"]]


def options(html, name):
    """(value, label) of a filter's select, without its "all" choice."""
    select = html.find("select", attrs={"name": name})
    if select is None:
        return []
    return [
        (option["value"], option.get_text(strip=True))
        for option in select.find_all("option")
        if option["value"]
    ]


def ignored_note(html):
    note = html.find(class_="listing-filters__ignored")
    return note.get_text(" ", strip=True) if note else ""


@pytest.fixture
def library(site_tree):
    """A small foundation site: three articles, three events and two e-books
    sharing a few topics, partners and one programme."""
    youth = factories.TopicFactory(name="เยาวชน", slug="youth")
    health = factories.TopicFactory(name="สุขภาวะ", slug="health")
    factories.TopicFactory(name="ไม่มีใครใช้", slug="unused-topic")
    draft_topic = factories.TopicFactory(name="ในฉบับร่าง", slug="draft-topic")
    songkhla_fund = factories.PartnerFactory(
        name="มูลนิธิชุมชนสงขลา", short_name="", slug="songkhla-fund"
    )
    mirror = factories.PartnerFactory(name="มูลนิธิกระจกเงา", short_name="", slug="mirror")
    factories.PartnerFactory(name="ภาคีที่ยังไม่มีผลงาน", short_name="", slug="idle")
    ntts = factories.ProgrammeFactory(name="นักถักทอชุมชน", short_name="", slug="ntts")
    factories.ProgrammeFactory(name="โครงการที่ยังไม่มีผลงาน", short_name="", slug="idle")
    pattani = Province.objects.get(name_th="ปัตตานี")
    songkhla = Province.objects.get(name_th="สงขลา")

    def article(title, year, kind, topic, partner, programme=None):
        page = factories.ArticlePageFactory(
            parent=site_tree["articles"],
            title=title,
            kind=kind,
            published_date=datetime.date(year, 3, 1),
            programme=programme,
        )
        factories.ArticleTopicFactory(page=page, topic=topic)
        factories.ArticlePartnerFactory(page=page, partner=partner)
        return page

    article("ห้องเรียนเยาวชน", 2021, "concept", youth, songkhla_fund, ntts)
    article("คลินิกชุมชน", 2022, "news", health, mirror)
    article("ค่ายเยาวชน", 2022, "concept", youth, mirror)
    draft = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ฉบับร่าง", live=False, kind="partner_support"
    )
    factories.ArticleTopicFactory(page=draft, topic=draft_topic)

    def event(title, year, province, topic, partner):
        page = factories.EventSummaryPageFactory(
            parent=site_tree["events"],
            title=title,
            start_date=datetime.date(year, 6, 14),
            end_date=None,
            provinces=[province],
        )
        factories.EventTopicFactory(page=page, topic=topic)
        factories.EventPartnerFactory(page=page, partner=partner)
        return page

    event("เวทีอาสาปัตตานี", 2019, pattani, youth, songkhla_fund)
    event("เวทีสุขภาพสงขลา", 2021, songkhla, health, mirror)
    event("เวทีเยาวชนสงขลา", 2021, songkhla, youth, mirror)

    factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        title="คู่มืออาสา",
        publication_date=datetime.date(2021, 12, 1),
        publisher=songkhla_fund,
    )
    handbook = factories.EbookPageFactory(
        parent=site_tree["ebooks"], title="บันทึกเยาวชน", publication_date=datetime.date(2020, 5, 1)
    )
    factories.EbookPartnerFactory(page=handbook, partner=mirror)
    factories.EbookTopicFactory(page=handbook, topic=youth)
    return site_tree


# --- each filter, alone and together ---------------------------------------------


@pytest.mark.parametrize(
    ("section", "params", "expected"),
    [
        ("articles", {"kind": "concept"}, ["ค่ายเยาวชน", "ห้องเรียนเยาวชน"]),
        ("articles", {"topic": "youth"}, ["ค่ายเยาวชน", "ห้องเรียนเยาวชน"]),
        ("articles", {"partner": "mirror"}, ["ค่ายเยาวชน", "คลินิกชุมชน"]),
        ("articles", {"programme": "ntts"}, ["ห้องเรียนเยาวชน"]),
        ("articles", {"year": "2022"}, ["ค่ายเยาวชน", "คลินิกชุมชน"]),
        ("events", {"province": "TH-90"}, ["เวทีเยาวชนสงขลา", "เวทีสุขภาพสงขลา"]),
        ("events", {"topic": "health"}, ["เวทีสุขภาพสงขลา"]),
        ("events", {"partner": "songkhla-fund"}, ["เวทีอาสาปัตตานี"]),
        ("events", {"year": "2019"}, ["เวทีอาสาปัตตานี"]),
        # The publisher counts as the e-book's partner, as on the partner's page.
        ("ebooks", {"partner": "songkhla-fund"}, ["คู่มืออาสา"]),
        ("ebooks", {"partner": "mirror"}, ["บันทึกเยาวชน"]),
        ("ebooks", {"topic": "youth"}, ["บันทึกเยาวชน"]),
        ("ebooks", {"year": "2021"}, ["คู่มืออาสา"]),
    ],
)
def test_each_filter_narrows_the_listing(client, library, section, params, expected):
    response = client.get(library[section].url, params)
    assert titles(response) == expected


def test_filters_combine(client, library):
    url = library["articles"].url
    assert titles(client.get(url, {"topic": "youth", "year": "2022"})) == ["ค่ายเยาวชน"]
    assert titles(client.get(url, {"kind": "concept", "partner": "songkhla-fund"})) == [
        "ห้องเรียนเยาวชน"
    ]
    events = client.get(library["events"].url, {"province": "TH-90", "topic": "youth"})
    assert titles(events) == ["เวทีเยาวชนสงขลา"]


def test_a_combination_with_nothing_says_so_and_offers_to_clear(client, library):
    response = client.get(library["articles"].url, {"topic": "health", "kind": "concept"})
    html = soup(response)
    assert titles(response) == []
    empty = html.find(class_="empty")
    assert empty.find("a")["href"] == library["articles"].url


def test_chosen_filters_show_as_chips_that_each_remove_one(client, library):
    url = library["articles"].url
    html = soup(client.get(url, {"topic": "youth", "year": "2022"}))
    chips = {
        chip.get_text(" ", strip=True): chip["href"] for chip in html.select(".listing-chips__chip")
    }
    topic_chip = next(text for text in chips if "เยาวชน" in text)
    year_chip = next(text for text in chips if "2565" in text)
    assert chips[topic_chip] == f"{url}?year=2022"
    assert chips[year_chip] == f"{url}?topic=youth"
    assert html.find(class_="listing-chips__clear")["href"] == url
    summary = html.find(class_="listing-filters__summary").get_text(" ", strip=True)
    assert "2" in summary
    # The selects show what is chosen, so the reader can change it.
    assert html.find("select", attrs={"name": "topic"}).find("option", selected=True)["value"] == (
        "youth"
    )


def test_the_result_count_is_announced(client, library):
    html = soup(client.get(library["articles"].url, {"topic": "youth"}))
    status = html.find(attrs={"role": "status"}, class_="result-count")
    assert "2" in status.get_text()


def test_empty_selects_are_dropped_from_the_address(client, library):
    url = library["articles"].url
    response = client.get(url, {"kind": "", "topic": "youth", "partner": "", "year": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?topic=youth"
    assert client.get(url, {"topic": ""})["Location"] == url


# --- pagination ------------------------------------------------------------------


def test_filters_survive_to_the_next_page(client, site_tree, settings):
    settings.LISTING_PAGE_SIZE = 2
    youth = factories.TopicFactory(slug="youth")
    for day in range(1, 6):
        page = factories.ArticlePageFactory(
            parent=site_tree["articles"], published_date=datetime.date(2023, 1, day)
        )
        factories.ArticleTopicFactory(page=page, topic=youth)
        factories.ArticlePageFactory(
            parent=site_tree["articles"], published_date=datetime.date(2023, 2, day)
        )
    html = soup(client.get(site_tree["articles"].url, {"topic": "youth", "year": "2023"}))
    next_link = html.find("a", rel="next")["href"]
    assert "topic=youth" in next_link and "year=2023" in next_link and "page=2" in next_link

    page_two = client.get(site_tree["articles"].url + next_link)
    assert page_two.context["page_obj"].number == 2
    assert page_two.context["page_obj"].paginator.count == 5
    youth_pages = set(ArticleTopic.objects.filter(topic=youth).values_list("page_id", flat=True))
    assert {item.pk for item in page_two.context["items"]} <= youth_pages


# --- choices -----------------------------------------------------------------------


def test_only_choices_with_live_pages_in_the_section_are_offered(client, library):
    articles = soup(client.get(library["articles"].url))
    assert sorted(options(articles, "topic")) == [("health", "สุขภาวะ"), ("youth", "เยาวชน")]
    assert {value for value, _label in options(articles, "partner")} == {"mirror", "songkhla-fund"}
    assert options(articles, "programme") == [("ntts", "นักถักทอชุมชน")]
    assert [value for value, _label in options(articles, "year")] == ["2022", "2021"]
    # A draft's kind and topic are not offered; all three kinds exist, two are used.
    assert [value for value, _label in options(articles, "kind")] == ["concept", "news"]
    # Provinces belong to events; articles have none of their own.
    assert articles.find("select", attrs={"name": "province"}) is None

    events = soup(client.get(library["events"].url))
    assert [label for _value, label in options(events, "province")] == ["ปัตตานี", "สงขลา"]
    assert events.find("select", attrs={"name": "programme"}) is None, "no event has one"
    assert events.find("select", attrs={"name": "kind"}) is None

    ebooks = soup(client.get(library["ebooks"].url))
    assert [value for value, _label in options(ebooks, "year")] == ["2021", "2020"]
    assert {value for value, _label in options(ebooks, "partner")} == {"mirror", "songkhla-fund"}


def test_a_section_without_pages_shows_no_filters(client, site_tree):
    html = soup(client.get(site_tree["ebooks"].url))
    assert html.find(class_="listing-filters") is None
    assert html.find(class_="empty") is not None


def test_thai_years_read_as_buddhist_era_in_thai_digits_with_gregorian_values(client, library):
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()
    html = soup(client.get(library["events"].url, {"year": "2021"}))
    assert options(html, "year") == [("2021", "๒๕๖๔"), ("2019", "๒๕๖๒")]
    chip = html.select_one(".listing-chips__chip").get_text(" ", strip=True)
    assert "๒๕๖๔" in chip
    assert "2021" not in chip


# --- English --------------------------------------------------------------------


@pytest.fixture
def english_events(site_tree, english):
    youth = factories.TopicFactory(name="เยาวชน", slug="youth")
    health = factories.TopicFactory(name="สุขภาวะ", slug="health")
    english_topics = {
        youth.pk: factories.translate_snippet(youth, english, name="Youth"),
        health.pk: factories.translate_snippet(health, english, name="Health"),
    }
    factories.translate_page(site_tree["home"], english, title="Home")
    english_index = factories.translate_page(site_tree["events"], english, title="Events")
    for title, english_title, year, topic in (
        ("เวทีเยาวชน", "Youth forum", 2019, youth),
        ("เวทีสุขภาพ", "Health forum", 2021, health),
    ):
        event = factories.EventSummaryPageFactory(
            parent=site_tree["events"],
            title=title,
            start_date=datetime.date(year, 6, 14),
            end_date=None,
        )
        factories.EventTopicFactory(page=event, topic=topic)
        english_event = factories.translate_page(event, english, title=english_title)
        for link in english_event.topic_links.all():
            link.topic = english_topics[link.topic_id]
            link.save()
    return english_index


def test_english_listing_filters_with_english_choices(client, site_tree, english_events):
    assert english_events.url.startswith("/en/")
    response = client.get(english_events.url, {"topic": "youth"})
    html = soup(response)
    assert titles(response) == ["Youth forum"]
    assert html.find(class_="result-count").get_text(strip=True) == "1 item found"
    assert (
        html.select_one(".listing-chips__chip")
        .get_text(" ", strip=True)
        .startswith("Remove filter: Topic: Youth")
    )
    assert sorted(options(html, "topic")) == [("health", "Health"), ("youth", "Youth")]
    assert options(html, "year") == [("2021", "2021"), ("2019", "2019")]
    assert titles(client.get(english_events.url, {"year": "2021"})) == ["Health forum"]


def test_the_same_address_filters_both_languages(client, site_tree, english_events):
    query = {"topic": "youth", "year": "2019"}
    assert titles(client.get(site_tree["events"].url, query)) == ["เวทีเยาวชน"]
    assert titles(client.get(english_events.url, query)) == ["Youth forum"]


# --- bad addresses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "ignored_label"),
    [
        ({"topic": "abc"}, "ประเด็น"),
        ({"topic": "unused-topic"}, "ประเด็น"),
        ({"year": "99999999999"}, "ปี"),
        ({"year": "abc"}, "ปี"),
        ({"year": "2564"}, "ปี"),
        ({"partner": "-1"}, "ภาคี"),
        ({"partner": "x" * 20000}, "ภาคี"),
        ({"programme": "\x00"}, "โครงการ"),
        ({"kind": "nonsense"}, "ประเภท"),
    ],
)
def test_unknown_values_are_ignored_with_a_note(client, library, params, ignored_label):
    url = library["articles"].url
    everything = titles(client.get(url))
    response = client.get(url, params)
    assert titles(response) == everything
    assert ignored_label in ignored_note(soup(response))


def test_a_bad_value_does_not_undo_the_good_ones(client, library):
    response = client.get(library["articles"].url, {"topic": "youth", "year": "abc"})
    assert titles(response) == ["ค่ายเยาวชน", "ห้องเรียนเยาวชน"]
    note = ignored_note(soup(response))
    assert "ปี" in note and "ประเด็น" not in note


@pytest.mark.parametrize("page_number", ["abc", "99999", "-1", "9" * 40])
def test_bad_page_numbers_fall_back_with_filters_kept(client, library, settings, page_number):
    settings.LISTING_PAGE_SIZE = 1
    response = client.get(library["articles"].url, {"topic": "youth", "page": page_number})
    page_obj = response.context["page_obj"]
    assert response.status_code == 200
    assert page_obj.paginator.count == 2
    # As Paginator.get_page: not a number is the first page, out of range the last.
    assert page_obj.number == (1 if page_number == "abc" else 2)
    assert ignored_note(soup(response)) == ""


def test_good_addresses_have_no_note(client, library):
    html = soup(client.get(library["events"].url, {"topic": "youth"}))
    assert html.find(class_="listing-filters__ignored") is None


# --- related content on the pages listed -----------------------------------------------


@pytest.mark.parametrize(
    ("section", "factory"),
    [
        ("articles", factories.ArticlePageFactory),
        ("events", factories.EventSummaryPageFactory),
        ("ebooks", factories.EbookPageFactory),
    ],
)
def test_a_page_sharing_no_partner_or_topic_still_leads_to_its_section(
    client, site_tree, section, factory
):
    neighbour = factory(parent=site_tree[section], title="เรื่องก่อนหน้านี้")
    factory(parent=site_tree[section], title="ฉบับร่างที่ยังไม่เผยแพร่", live=False)
    page = factory(parent=site_tree[section], title="เรื่องที่ไม่มีภาคีหรือประเด็น")
    related = soup(client.get(page.url)).find("section", class_="related")
    assert related is not None
    linked = [link.get_text(strip=True) for link in related.find_all("a")]
    assert neighbour.title in linked
    assert page.title not in linked
    assert "ฉบับร่างที่ยังไม่เผยแพร่" not in linked


# --- search engines ------------------------------------------------------------------


def robots_and_canonical(response):
    html = soup(response)
    robots = html.find("meta", attrs={"name": "robots"})
    return (robots["content"] if robots else None), html.find("link", rel="canonical")["href"]


def test_filtered_listings_are_not_indexed_and_point_to_the_listing(client, library):
    url = library["articles"].url
    listing = f"http://testserver{url}"
    assert robots_and_canonical(client.get(url)) == (None, listing)
    for params in ({"topic": "youth"}, {"topic": "youth", "page": "2"}, {"topic": "abc"}):
        assert robots_and_canonical(client.get(url, params)) == ("noindex, follow", listing)


def test_plain_pages_of_a_listing_stay_indexable(client, library, settings):
    settings.LISTING_PAGE_SIZE = 1
    url = library["articles"].url
    robots, canonical = robots_and_canonical(client.get(url, {"page": "2"}))
    assert robots is None
    assert canonical == f"http://testserver{url}?page=2"


# --- cost ------------------------------------------------------------------------------

LISTING_QUERY_BUDGET = 30


def settled_query_count(client, url, params):
    """Queries of one view, once the cards' image renditions all exist: they are
    made a few per view, and making them is not the listing's cost."""
    for _view in range(60):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        if not any(query["sql"].startswith("INSERT") for query in queries.captured_queries):
            return len(queries)
    raise AssertionError(f"{url} still makes image renditions after 60 views")


def fill_section(site_tree, count, first_year):
    """`count` items in each section, each with a topic, partner, programme and
    year of its own; returns the topics."""
    provinces = list(Province.objects.all()[:count])
    topics = []
    for number in range(count):
        topic = factories.TopicFactory()
        topics.append(topic)
        partner = factories.PartnerFactory()
        programme = factories.ProgrammeFactory()
        year = first_year + number
        article = factories.ArticlePageFactory(
            parent=site_tree["articles"],
            published_date=datetime.date(year, 1, 1),
            programme=programme,
            kind=["concept", "news", "partner_support"][number % 3],
        )
        factories.ArticleTopicFactory(page=article, topic=topic)
        factories.ArticlePartnerFactory(page=article, partner=partner)
        event = factories.EventSummaryPageFactory(
            parent=site_tree["events"],
            start_date=datetime.date(year, 1, 1),
            end_date=None,
            programme=programme,
            provinces=[provinces[number % len(provinces)]],
        )
        factories.EventTopicFactory(page=event, topic=topic)
        factories.EventPartnerFactory(page=event, partner=partner)
        ebook = factories.EbookPageFactory(
            parent=site_tree["ebooks"],
            publication_date=datetime.date(year, 1, 1),
            publisher=partner,
        )
        factories.EbookTopicFactory(page=ebook, topic=topic)
        factories.EbookPartnerFactory(page=ebook, partner=factories.PartnerFactory())
    return topics


# Ten items (and choices) more than the first count: a query per item or choice
# would add ten, far beyond the two allowed.
FEW_ITEMS, MORE_ITEMS = 3, 13


def test_listing_cost_does_not_grow_with_items_or_choices(
    client, site_tree, settings, django_assert_max_num_queries
):
    settings.LISTING_PAGE_SIZE = 500  # every item on one page: an N+1 query would show
    first_topic = fill_section(site_tree, FEW_ITEMS, 1990)[0]
    params = {"year": "1990", "topic": first_topic.slug, "partner": "unknown"}
    urls = {name: site_tree[name].url for name in ("articles", "events", "ebooks")}
    plain = {name: settled_query_count(client, url, {}) for name, url in urls.items()}
    filtered = {name: settled_query_count(client, url, params) for name, url in urls.items()}
    print("listing queries, plain and filtered:", plain, filtered)
    fill_section(site_tree, MORE_ITEMS - FEW_ITEMS, 1990 + FEW_ITEMS)
    for name, url in urls.items():
        settled_query_count(client, url, {})
        with django_assert_max_num_queries(min(plain[name] + 2, LISTING_QUERY_BUDGET), info=name):
            response = client.get(url)
        assert len(response.context["items"]) == MORE_ITEMS
        assert len(options(soup(response), "topic")) == MORE_ITEMS
        assert len(options(soup(response), "year")) == MORE_ITEMS
        settled_query_count(client, url, params)
        with django_assert_max_num_queries(filtered[name] + 2, info=f"{name}, filtered"):
            response = client.get(url, params)
        assert len(response.context["items"]) == 1
