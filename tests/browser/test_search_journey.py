"""A reader on a phone searches in Thai for a word inside a longer run, sees
the word marked in the results, narrows them by type and opens one."""

import datetime
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_data(transactional_db, live_server, site_tree):
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"],
        title="คู่มือการทำงานกับภาคีเครือข่ายอาสาสมัคร",
        intro="แนวทางสำหรับองค์กรที่ทำงานร่วมกับอาสาสมัครในชุมชน",
        body=[],
    )
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"],
        title="เวทีอาสาสมัครชายแดนใต้ ครั้งที่ 4",
        intro="ภาคีเครือข่ายอาสาสมัครชายแดนใต้ร่วมวางแผนงานปีหน้า",
        start_date=datetime.date(2019, 6, 14),
        end_date=datetime.date(2019, 6, 19),
    )
    factories.ArticlePageFactory(
        parent=site_tree["articles"], title="เกษตรอินทรีย์", intro="ตลาดสีเขียว", body=[]
    )
    return SimpleNamespace(
        article=article.title,
        event=event.title,
        event_path=urlsplit(event.url).path,
    )


def test_search_in_thai_narrow_by_type_and_open_a_result(
    phone, live_server, browser_data, http_errors
):
    phone.goto(live_server.url + "/search/")
    phone.get_by_label("ค้นหาบทความ").fill("เครือข่าย")
    phone.get_by_label("ค้นหาบทความ").press("Enter")
    phone.wait_for_url("**/search/?q=*")

    main = phone.get_by_role("main")
    results = main.locator(".search-results > li")
    # The article, the event and the partner directory ("ภาคีเครือข่าย").
    expect(results).to_have_count(3)
    expect(main.locator(".result-count")).to_contain_text("พบ 3 รายการ")
    expect(main.locator(".search-results")).not_to_contain_text("เกษตรอินทรีย์")
    # The word is marked where it sits inside "ภาคีเครือข่าย".
    expect(main.locator(".search-result__excerpt mark").first).to_have_text("เครือข่าย")

    # On a phone the facets are folded away below the search box.
    type_facet = main.locator(".facet").filter(has_text="ประเภท")
    expect(type_facet).to_be_hidden()
    main.get_by_text("กรองผลการค้นหา").click()
    type_facet.get_by_role("link", name="สรุปกิจกรรม").click()
    phone.wait_for_url("**type=event*")
    assert parse_qs(urlsplit(phone.url).query)["q"] == ["เครือข่าย"]
    expect(results).to_have_count(1)
    chosen = main.locator(".filter-chips").get_by_role("link")
    expect(chosen).to_have_text("ประเภท: สรุปกิจกรรม ×(เลือกอยู่ กดอีกครั้งเพื่อเอาออก)")
    # Years in the facets are in the Buddhist Era.
    main.get_by_text("กรองผลการค้นหา").click()
    expect(main.locator(".facet").filter(has_text="ปี")).to_contain_text("2562")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    main.get_by_role("link", name=browser_data.event).click()
    phone.wait_for_url(f"**{browser_data.event_path}")
    expect(phone.get_by_role("heading", level=1)).to_have_text(browser_data.event)
    assert http_errors == []
