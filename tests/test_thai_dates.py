import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from thai.dates import (
    ENGLISH_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    format_date,
    format_date_range,
    format_year,
    parse_thai_date,
    parse_thai_date_range,
)
from thai.digits import to_arabic_digits, to_thai_digits
from thai.models import ThaiLanguageSettings

D = datetime.date
UTC = datetime.UTC


# --- digits -------------------------------------------------------------------


def test_digits_convert_both_ways_and_leave_other_text_alone():
    assert to_thai_digits("20 ต.ค. 2564") == "๒๐ ต.ค. ๒๕๖๔"
    assert to_arabic_digits("๒๐ ต.ค. ๒๕๖๔") == "20 ต.ค. 2564"
    assert to_arabic_digits(to_thai_digits("0123456789")) == "0123456789"


def test_digits_accept_non_string_values():
    assert to_thai_digits(2564) == "๒๕๖๔"
    assert to_arabic_digits(None) == "None"


# --- format_date --------------------------------------------------------------


def test_month_tables_have_twelve_months_in_calendar_order():
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == len(ENGLISH_MONTHS) == 12
    assert (THAI_MONTHS[0], THAI_MONTHS_SHORT[0]) == ("มกราคม", "ม.ค.")
    assert (THAI_MONTHS[11], THAI_MONTHS_SHORT[11]) == ("ธันวาคม", "ธ.ค.")


@pytest.mark.parametrize(
    ("lang", "month", "expected"),
    [
        ("th", "short", "20 ต.ค. 2564"),
        ("th", "long", "20 ตุลาคม 2564"),
        ("th-th", "short", "20 ต.ค. 2564"),
        ("en", "short", "20 Oct 2021"),
        ("en", "long", "20 October 2021"),
        ("fr", "short", "20 Oct 2021"),
    ],
)
def test_format_date_uses_buddhist_era_and_thai_months_only_for_thai(lang, month, expected):
    assert format_date(D(2021, 10, 20), lang, month=month) == expected


def test_format_date_with_thai_digits():
    assert format_date(D(2021, 10, 20), "th", thai_digits=True) == "๒๐ ต.ค. ๒๕๖๔"
    assert format_date(D(2021, 10, 20), "th", True, month="long") == "๒๐ ตุลาคม ๒๕๖๔"


def test_format_date_of_nothing_is_empty():
    assert format_date(None, "th") == ""


def test_format_date_shows_the_bangkok_day_of_an_aware_datetime():
    # 17:30 UTC on 19 October is 00:30 on 20 October in Bangkok (UTC+7).
    late_evening_utc = datetime.datetime(2021, 10, 19, 17, 30, tzinfo=UTC)
    assert format_date(late_evening_utc, "th") == "20 ต.ค. 2564"
    assert format_date(late_evening_utc, "en") == "20 Oct 2021"


def test_format_date_takes_naive_datetimes_at_face_value():
    assert format_date(datetime.datetime(2021, 10, 20, 23, 59), "th") == "20 ต.ค. 2564"


def test_new_year_in_bangkok_is_already_the_next_buddhist_year():
    new_year_bangkok = datetime.datetime(2020, 12, 31, 17, 0, tzinfo=UTC)
    assert format_date(new_year_bangkok, "th") == "1 ม.ค. 2564"


# --- format_date_range --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "thai", "english"),
    [
        (D(2019, 6, 14), D(2019, 6, 14), "14 มิ.ย. 2562", "14 Jun 2019"),
        (D(2019, 6, 14), None, "14 มิ.ย. 2562", "14 Jun 2019"),
        (D(2019, 6, 14), D(2019, 6, 19), "14–19 มิ.ย. 2562", "14–19 Jun 2019"),
        (D(2019, 6, 30), D(2019, 7, 2), "30 มิ.ย. – 2 ก.ค. 2562", "30 Jun – 2 Jul 2019"),
        (
            D(2019, 12, 30),
            D(2020, 1, 2),
            "30 ธ.ค. 2562 – 2 ม.ค. 2563",
            "30 Dec 2019 – 2 Jan 2020",
        ),
    ],
)
def test_format_date_range_repeats_only_what_differs(start, end, thai, english):
    assert format_date_range(start, end, "th") == thai
    assert format_date_range(start, end, "en") == english


def test_format_date_range_with_long_months_and_thai_digits():
    text = format_date_range(D(2019, 6, 16), D(2019, 7, 15), "th", thai_digits=True, month="long")
    assert text == "๑๖ มิถุนายน – ๑๕ กรกฎาคม ๒๕๖๒"


def test_format_date_range_of_nothing_is_empty():
    assert format_date_range(None, None, "th") == ""


def test_format_date_range_treats_aware_datetimes_on_the_same_bangkok_day_as_one_date():
    start = datetime.datetime(2021, 10, 19, 17, 30, tzinfo=UTC)
    end = datetime.datetime(2021, 10, 20, 10, 0, tzinfo=UTC)
    assert format_date_range(start, end, "th") == "20 ต.ค. 2564"


# --- format_year --------------------------------------------------------------


def test_format_year():
    assert format_year(2021, "th") == "2564"
    assert format_year(2021, "th", thai_digits=True) == "๒๕๖๔"
    assert format_year(2021, "en") == "2021"


# --- parsing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 ตุลาคม 2564", D(2021, 10, 20)),
        ("๒๐ ตุลาคม ๒๕๖๔", D(2021, 10, 20)),
        ("21 ต.ค. 64", D(2021, 10, 21)),
        ("14-19 มิถุนายน 2562", D(2019, 6, 14)),
        ("ประชุมเมื่อวันที่ 5 มีนาคม พ.ศ. 2563 ณ ขอนแก่น", D(2020, 3, 5)),
        ("1 มกราคม 2020", D(2020, 1, 1)),
        ("3 มีค 2564", D(2021, 3, 3)),
    ],
)
def test_parse_thai_date(text, expected):
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text", ["", None, "ไม่ระบุวันที่", "31 ก.พ. 2564", "2564"])
def test_parse_thai_date_gives_none_when_there_is_no_valid_date(text):
    assert parse_thai_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-19 มิถุนายน 2562", (D(2019, 6, 14), D(2019, 6, 19))),
        ("16 มิถุนายน-15 กรกฎาคม 2562", (D(2019, 6, 16), D(2019, 7, 15))),
        ("16 มิ.ย. 2562 - 15 ก.ค. 2562", (D(2019, 6, 16), D(2019, 7, 15))),
        ("๑๔–๑๙ มิ.ย. ๒๕๖๒", (D(2019, 6, 14), D(2019, 6, 19))),
        ("30 ธ.ค. - 2 ม.ค. 2563", (D(2019, 12, 30), D(2020, 1, 2))),
        ("20 ตุลาคม 2564", (D(2021, 10, 20), None)),
        ("ยังไม่กำหนด", (None, None)),
    ],
)
def test_parse_thai_date_range(text, expected):
    assert parse_thai_date_range(text) == expected


def test_parsed_range_formats_back_to_the_same_period():
    start, end = parse_thai_date_range("16 มิถุนายน-15 กรกฎาคม 2562")
    assert format_date_range(start, end, "th", month="long") == "16 มิถุนายน – 15 กรกฎาคม 2562"


# --- template tags ------------------------------------------------------------


def render(source, **context):
    return Template("{% load thai_tags %}" + source).render(Context(context))


@pytest.fixture
def thai_digits_setting(db):
    site = Site.objects.get(is_default_site=True)
    setting, _created = ThaiLanguageSettings.objects.get_or_create(site=site)

    def set_thai_digits(enabled):
        setting.use_thai_digits = enabled
        setting.save()

    return set_thai_digits


@pytest.fixture
def request_():
    # A new request each time: settings are cached on the request object.
    return RequestFactory().get("/")


def test_display_date_in_thai_with_thai_digits_enabled(thai_digits_setting, request_):
    thai_digits_setting(True)
    with translation.override("th"):
        html = render("{% display_date value %}", request=request_, value=D(2021, 10, 20))
    assert html == '<time datetime="2021-10-20">๒๐ ต.ค. ๒๕๖๔</time>'


def test_display_date_in_thai_with_thai_digits_disabled(thai_digits_setting, request_):
    thai_digits_setting(False)
    with translation.override("th"):
        html = render("{% display_date value %}", request=request_, value=D(2021, 10, 20))
    assert html == '<time datetime="2021-10-20">20 ต.ค. 2564</time>'


def test_display_date_in_english_never_uses_thai_digits(thai_digits_setting, request_):
    thai_digits_setting(True)
    with translation.override("en"):
        html = render(
            '{% display_date value month="long" %}', request=request_, value=D(2021, 10, 20)
        )
    assert html == '<time datetime="2021-10-20">20 October 2021</time>'


def test_display_date_with_long_month(thai_digits_setting, request_):
    thai_digits_setting(True)
    with translation.override("th"):
        html = render(
            '{% display_date value month="long" %}', request=request_, value=D(2021, 10, 20)
        )
    assert html == '<time datetime="2021-10-20">๒๐ ตุลาคม ๒๕๖๔</time>'


def test_display_date_without_request_uses_arabic_digits(thai_digits_setting):
    thai_digits_setting(True)
    with translation.override("th"):
        html = render("{% display_date value %}", value=D(2021, 10, 20))
    assert html == '<time datetime="2021-10-20">20 ต.ค. 2564</time>'


def test_display_date_machine_readable_date_is_the_bangkok_day(thai_digits_setting, request_):
    thai_digits_setting(False)
    value = datetime.datetime(2021, 10, 19, 17, 30, tzinfo=UTC)
    with translation.override("th"):
        html = render("{% display_date value %}", request=request_, value=value)
    assert html == '<time datetime="2021-10-20">20 ต.ค. 2564</time>'


def test_display_date_of_nothing_renders_nothing(request_):
    with translation.override("th"):
        assert render("{% display_date value %}", request=request_, value=None) == ""


def test_display_date_range(thai_digits_setting, request_):
    thai_digits_setting(True)
    context = {"request": request_, "start": D(2019, 6, 30), "end": D(2019, 7, 2)}
    with translation.override("th"):
        thai_html = render("{% display_date_range start end %}", **context)
    with translation.override("en"):
        english_html = render("{% display_date_range start end %}", **context)
    assert thai_html == '<time datetime="2019-06-30">๓๐ มิ.ย. – ๒ ก.ค. ๒๕๖๒</time>'
    assert english_html == '<time datetime="2019-06-30">30 Jun – 2 Jul 2019</time>'


def test_display_year_and_number(thai_digits_setting, request_):
    thai_digits_setting(True)
    source = "{% display_year 2021 %} {% display_number 1234567 %}"
    with translation.override("th"):
        thai_text = render(source, request=request_)
    with translation.override("en"):
        english_text = render(source, request=request_)
    assert thai_text == "๒๕๖๔ ๑,๒๓๔,๕๖๗"
    assert english_text == "2021 1,234,567"


def test_display_number_with_thai_digits_disabled(thai_digits_setting, request_):
    thai_digits_setting(False)
    with translation.override("th"):
        assert render("{% display_number 1234 %}", request=request_) == "1,234"


def test_display_number_escapes_text_that_is_not_a_number(request_):
    with translation.override("en"):
        html = render("{% display_number value %}", request=request_, value="<b>many</b>")
    assert html == "&lt;b&gt;many&lt;/b&gt;"


def test_setting_is_looked_up_once_per_request(thai_digits_setting, django_assert_max_num_queries):
    thai_digits_setting(True)
    one_tag = "{% display_year 2021 %}"
    with translation.override("th"):
        with django_assert_max_num_queries(5) as first_page:
            render(one_tag, request=RequestFactory().get("/"))
        queries_for_one_tag = len(first_page.captured_queries)
        with django_assert_max_num_queries(queries_for_one_tag):
            render(one_tag * 10, request=RequestFactory().get("/"))
