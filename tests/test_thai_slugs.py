import re

import pytest
from django.utils.text import slugify
from pythainlp.transliterate import romanize

from thai.slugs import thai_slugify, unique_slug

SLUG_RE = re.compile(r"^[a-z0-9-]*$")


def test_every_syllable_of_a_thai_word_survives():
    slug = thai_slugify("ข่าวดี")
    assert slug == romanize("ข่าวดี", engine="royin")
    assert slug == "khaodi"
    # What Django's slugify would have produced: vowel and tone marks lost.
    assert slugify("ข่าวดี", allow_unicode=True) == "ขาวด"


def test_thai_words_are_romanised_one_by_one_and_joined_with_hyphens():
    words = ["สนับสนุน", "งาน", "ภาคี", "เครือข่าย"]
    slug = thai_slugify("".join(words))
    assert slug.split("-") == [romanize(word, engine="royin") for word in words]


@pytest.mark.parametrize(
    "title",
    [
        "ข่าวดี",
        "สนับสนุนงานภาคีเครือข่าย",
        "วันพลเมืองสงขลา ปี ๖๔",
        "รายงานประจำปี 2564 (ฉบับสมบูรณ์)",
        "Café & Thai Health: ร่วมสร้างสุข!",
        "โครงการ “เด็กๆ ปลอดภัย” — ระยะที่ ๒",
        "กรุงเทพฯ ฯลฯ",
        "中文 ข่าว",
    ],
)
def test_slugs_are_lowercase_ascii(title):
    slug = thai_slugify(title)
    assert slug
    assert SLUG_RE.match(slug)
    assert slug.isascii()
    assert "--" not in slug
    assert not slug.startswith("-")
    assert not slug.endswith("-")


def test_thai_digits_become_arabic_digits():
    slug = thai_slugify("วันพลเมืองสงขลา ปี ๖๔")
    assert slug.endswith("-64")
    assert slug.startswith(romanize("วัน", engine="royin") + "-")


def test_mixed_thai_english_and_digits_keep_their_order():
    slug = thai_slugify("Hello ข่าว Café 2021!")
    assert slug == f"hello-{romanize('ข่าว', engine='royin')}-cafe-2021"


def test_latin_words_keep_their_hyphenated_parts():
    assert thai_slugify("COVID-19 กับชุมชน").startswith("covid-19-")


def test_mai_yamok_repeats_the_word_before_it():
    dek = romanize("เด็ก", engine="royin")
    assert thai_slugify("เด็กๆ").split("-") == [dek, dek]
    assert thai_slugify("เด็ก ๆ").split("-") == [dek, dek]


@pytest.mark.parametrize("title", ["", "   ", "!!! ...", "“—”", "ฯลฯ", None])
def test_titles_without_words_give_an_empty_slug(title):
    assert thai_slugify(title) == ""


def test_max_length_cuts_between_words():
    title = "สนับสนุนงานภาคีเครือข่าย"
    full = thai_slugify(title)
    for max_length in range(len(full.split("-")[0]), len(full)):
        slug = thai_slugify(title, max_length=max_length)
        assert len(slug) <= max_length
        # A whole-word prefix of the full slug, never part of a word.
        assert full.startswith(slug)
        assert full[len(slug)] == "-"


def test_max_length_cuts_a_single_long_word():
    assert thai_slugify("supercalifragilistic", max_length=5) == "super"


def test_default_max_length_is_80():
    slug = thai_slugify("ข่าวดี " * 30)
    assert 0 < len(slug) <= 80
    assert set(slug.split("-")) == {"khaodi"}


def test_unique_slug_returns_the_base_when_free():
    assert unique_slug("khaodi", lambda slug: False) == "khaodi"


def test_unique_slug_numbers_from_two():
    taken = {"khaodi", "khaodi-2", "khaodi-3"}
    assert unique_slug("khaodi", taken.__contains__) == "khaodi-4"
    assert unique_slug("khaodi", {"khaodi"}.__contains__) == "khaodi-2"


def test_unique_slug_of_an_empty_base_is_page():
    assert unique_slug("", lambda slug: False) == "page"
    assert unique_slug("", {"page"}.__contains__) == "page-2"


def test_unique_slug_stays_within_max_length():
    base = "a" * 10
    slug = unique_slug(base, {base}.__contains__, max_length=10)
    assert slug == "a" * 8 + "-2"
