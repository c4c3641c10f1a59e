"""Cookie consent under the PDPA: a banner until the reader chooses, nothing from
other sites before they allow it, and a choice they can change at any time.

A page is the same for every reader, whatever their cookie says, so that it can be
cached: the page's script reads the choice, opens the banner and brings in what the
reader allowed (tests/browser/test_consent_journey.py). Here: the page as served,
and the form the banner sends, which works without JavaScript.
"""

import re
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest

from privacy.consent import COOKIE_NAME

from . import factories

pytestmark = pytest.mark.django_db

CONSENT_URL = "/cookie-consent/"
ANALYTICS_URL = "https://stats.example.org/js/script.js"
TEMPLATE_ELEMENT = re.compile(r"<template\b.*?</template>", re.DOTALL)


@pytest.fixture
def embed():
    return factories.EmbedFactory()


@pytest.fixture
def article(site_tree, embed):
    return factories.ArticlePageFactory(
        parent=site_tree["articles"],
        body=[
            {"type": "paragraph", "value": "<p>คลิปบันทึกเวทีแลกเปลี่ยน</p>"},
            {"type": "embed", "value": embed.url},
        ],
    )


@pytest.fixture
def notices(site_tree):
    privacy = factories.InformationPageFactory(parent=site_tree["home"], slug="privacy")
    cookies = factories.InformationPageFactory(
        parent=site_tree["home"], title="ประกาศเกี่ยวกับการใช้คุกกี้", slug="cookies"
    )
    settings = factories.use_as_notices(privacy_notice=privacy, cookie_notice=cookies)
    return {"privacy": privacy, "cookies": cookies, "settings": settings}


def path_of(page):
    return urlsplit(page.url).path


def html(response):
    return response.content.decode()


def outside_templates(text):
    """The markup a browser acts on: <template> contents stay inert."""
    return TEMPLATE_ELEMENT.sub("", text)


def banner(text):
    match = re.search(r'<section class="consent"[^>]*>.*?</section>', text, re.DOTALL)
    assert match, "no consent banner on the page"
    return match.group(0)


def banner_waits_for_the_script(text):
    opening = re.match(r"<section[^>]*>", banner(text)).group(0)
    return " hidden" in opening and "data-consent" in opening


def templates_of(text):
    return "".join(TEMPLATE_ELEMENT.findall(text))


def consent_cookie(response):
    return response.cookies.get(COOKIE_NAME)


def choose(client, choice, next_url="/", **extra):
    return client.post(CONSENT_URL, {"choice": choice, "next": next_url, **extra})


# --- a fresh visitor ---------------------------------------------------------------


def test_a_fresh_visitor_gets_the_banner_and_a_placeholder_instead_of_the_embed(
    client, article, embed, notices
):
    response = client.get(path_of(article))
    assert response.status_code == 200
    text = html(response)

    assert banner_waits_for_the_script(text)
    buttons = re.findall(
        r'<button class="([^"]+)" type="submit" name="choice" value="(\w+)"', banner(text)
    )
    choices = [value for _classes, value in buttons]
    assert choices[:3] == ["all", "necessary", "settings"]
    # Equal weight: the three buttons share one style.
    assert len({classes for classes, _value in buttons[:3]}) == 1
    assert f'href="{path_of(notices["cookies"])}"' in banner(text)

    # Nothing is set, and nothing from YouTube loads: the embed waits in an inert template.
    assert COOKIE_NAME not in response.cookies
    assert not response.cookies
    assert "<iframe" not in outside_templates(text)
    assert "youtube" not in outside_templates(text).replace(embed.url, "")
    placeholder = re.search(
        r'<div class="embed embed--placeholder".*?</div>', text, re.DOTALL
    ).group(0)
    assert "YouTube" in placeholder
    assert f'href="{embed.url}"' in placeholder
    assert 'value="media"' in placeholder
    # Nothing on the page depends on the reader, so no cache keeps a copy per cookie.
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize(
    "value",
    ["v1.media-yes", "v1.media-no", "", "yes", "v0.media-yes", "v2.media-yes", "x" * 5000],
)
def test_the_page_is_the_same_whatever_the_cookie_says(client, article, value):
    client.get(path_of(article))  # makes the picture's renditions
    fresh = html(client.get(path_of(article)))
    client.cookies[COOKIE_NAME] = value
    response = client.get(path_of(article))
    assert response.status_code == 200
    assert html(response) == fresh
    assert "<iframe" not in outside_templates(fresh)


def test_the_embed_waits_tidied_for_the_script_to_bring_it_in(client, article, embed):
    text = html(client.get(path_of(article)))
    iframes = re.findall(r"<iframe[^>]*>", templates_of(text))
    assert len(iframes) == 1
    # YouTube's own player, as YouTube's oEmbed answer has it.
    video_id = embed.url.rsplit("=", 1)[-1]
    assert f'src="https://www.youtube.com/embed/{video_id}?feature=oembed"' in iframes[0]
    # The provider's markup is tidied so the page stays valid and the frame has a name.
    assert "frameborder" not in iframes[0]
    assert f'title="{embed.title}"' in iframes[0]


PROVIDER_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "facebook.com", "fbcdn.net")


@pytest.mark.parametrize(
    ("embed_factory", "provider", "player"),
    [
        (factories.EmbedFactory, "YouTube", "https://www.youtube.com/embed/"),
        (factories.VimeoEmbedFactory, "Vimeo", "https://player.vimeo.com/video/"),
    ],
)
def test_each_provider_loads_only_after_consent(client, site_tree, embed_factory, provider, player):
    embed = embed_factory()
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], body=[{"type": "embed", "value": embed.url}]
    )

    before = outside_templates(html(client.get(path_of(article)))).replace(embed.url, "")
    assert "<iframe" not in before
    # Links to the original are fine (the footer links to the foundation's
    # Facebook page too); nothing the browser fetches by itself may come from them.
    loaded = re.findall(r"""\b(?:src|srcset|data|poster|action)=["']([^"']*)""", before)
    loaded += re.findall(r"""<link\b[^>]*\bhref=["']([^"']*)""", before)
    assert not [url for url in loaded if any(host in url for host in PROVIDER_HOSTS)]
    placeholder = re.search(r'<div class="embed embed--placeholder".*?</div>', before, re.DOTALL)
    assert provider in placeholder.group(0)

    # The provider's player waits in the template, for the script to show it once allowed.
    iframes = re.findall(r"<iframe[^>]*>", templates_of(html(client.get(path_of(article)))))
    assert len(iframes) == 1
    assert f'src="{player}' in iframes[0]
    assert "frameborder" not in iframes[0]


def test_rejecting_comes_back_to_the_page_with_the_choice_in_the_cookie(client, article):
    response = choose(client, "necessary", path_of(article))
    assert response.status_code == 302
    assert response["Location"] == path_of(article)
    assert consent_cookie(response).value == "v1.media-no"
    # The page's script reads the choice.
    assert not consent_cookie(response)["httponly"]


# --- the cookie ------------------------------------------------------------------


def test_accepting_sets_a_versioned_first_party_cookie_for_six_months(client, article):
    response = choose(client, "all", path_of(article))
    assert response.status_code == 302
    assert response["Location"] == path_of(article)

    cookie = consent_cookie(response)
    assert cookie.value == "v1.media-yes"
    assert 180 * 24 * 3600 <= int(cookie["max-age"]) <= 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]
    assert not cookie["secure"]
    # The consent cookie is the only cookie the choice sets.
    assert list(response.cookies) == [COOKIE_NAME]


def test_the_cookie_is_secure_on_a_secure_request(client, site_tree):
    response = client.post(CONSENT_URL, {"choice": "necessary", "next": "/"}, secure=True)
    assert consent_cookie(response)["secure"] is True


def test_the_settings_save_each_switch(client, site_tree, notices):
    notices["settings"].analytics_script_url = ANALYTICS_URL
    notices["settings"].save()
    response = choose(client, "custom", "/", media="yes")
    assert consent_cookie(response).value == "v1.media-yes.stats-no"
    response = choose(client, "custom", "/", stats="yes")
    assert consent_cookie(response).value == "v1.media-no.stats-yes"


def test_allowing_one_embed_comes_back_to_it(client, article):
    response = client.get(path_of(article))
    anchor = re.search(
        r'<div class="embed embed--placeholder" id="([\w-]+)"', html(response)
    ).group(1)
    form_next = re.search(r'name="next" value="([^"]+#[\w-]+)"', html(response)).group(1)
    assert form_next == f"{path_of(article)}#{anchor}"

    response = choose(client, "media", form_next)
    assert response["Location"] == form_next
    assert consent_cookie(response).value == "v1.media-yes"


# --- where the reader goes back to -------------------------------------------------------


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
        "/" + "ก" * 3000,
    ],
)
def test_the_choice_never_sends_the_reader_to_another_site(client, site_tree, next_url):
    response = choose(client, "all", next_url)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert consent_cookie(response).value == "v1.media-yes"


def test_an_english_reader_goes_back_to_the_english_home_page(client, site_tree):
    response = client.post(
        "/en" + CONSENT_URL, {"choice": "necessary", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/"


def test_a_same_site_absolute_next_is_kept(client, site_tree):
    response = choose(
        client, "all", "http://testserver/search/?q=%E0%B8%A0%E0%B8%B2%E0%B8%84%E0%B8%B5"
    )
    assert (
        response["Location"] == "http://testserver/search/?q=%E0%B8%A0%E0%B8%B2%E0%B8%84%E0%B8%B5"
    )


# --- refused choices -----------------------------------------------------------------


def test_a_choice_posted_from_another_site_is_refused(client, site_tree):
    response = client.post(
        CONSENT_URL,
        {"choice": "all", "next": "/"},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    assert 'role="alert"' in html(response)


def test_a_choice_from_the_site_itself_is_accepted(client, site_tree):
    response = client.post(
        CONSENT_URL,
        {"choice": "all", "next": "/"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert consent_cookie(response).value == "v1.media-yes"


@pytest.mark.parametrize("data", [{}, {"choice": "everything"}, {"choice": "x" * 10000}])
def test_an_unknown_choice_is_refused_with_a_message(client, site_tree, data):
    response = client.post(CONSENT_URL, data)
    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies
    text = html(response)
    assert 'role="alert"' in text
    assert 'lang="th"' in text


def test_other_methods_are_refused(client, site_tree):
    assert client.put(CONSENT_URL).status_code == 405
    assert client.delete(CONSENT_URL).status_code == 405


# --- the page's script sends the same form -----------------------------------------------


def test_the_form_sent_by_the_script_gets_json_and_the_cookie(client, site_tree):
    response = client.post(
        CONSENT_URL, {"choice": "all", "next": "/"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == {"granted": ["media"], "decided": True}
    assert consent_cookie(response).value == "v1.media-yes"

    response = client.post(CONSENT_URL, {"choice": "nope"}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "error" in response.json()


# --- changing one's mind ---------------------------------------------------------


def test_the_footer_control_reopens_the_choice(client, article):
    choose(client, "all", path_of(article))
    text = html(client.get(path_of(article)))

    link = re.search(r'<a href="([^"]+)" data-consent-open>', text).group(1).replace("&amp;", "&")
    assert urlsplit(link).path == CONSENT_URL
    response = client.get(link)
    assert response.status_code == 200
    page = html(response)
    assert 'name="robots" content="noindex' in page
    # The switches show the choice made, and the form comes back to the article.
    assert re.search(r'id="consent-page-media" name="media" value="yes" checked', page)
    assert f'name="next" value="{path_of(article)}"' in page
    # No second copy of the form (its ids would repeat).
    assert 'id="consent"' not in page

    response = client.post(CONSENT_URL, {"choice": "custom", "next": path_of(article)})
    assert consent_cookie(response).value == "v1.media-no"
    assert "<iframe" not in outside_templates(html(client.get(path_of(article))))


def test_the_settings_page_without_a_choice_and_with_a_bad_next(client, site_tree):
    response = client.get(CONSENT_URL, {"next": "https://evil.example/", "choice": "settings"})
    assert response.status_code == 200
    assert 'name="next" value="/"' in html(response)
    assert not response.cookies


# --- statistics --------------------------------------------------------------------


def test_statistics_are_asked_about_only_with_a_script_and_loaded_only_when_allowed(
    client, article, notices
):
    text = html(client.get(path_of(article)))
    assert 'name="stats"' not in text

    notices["settings"].analytics_script_url = ANALYTICS_URL
    notices["settings"].save()
    response = client.get(path_of(article))
    text = html(response)
    assert 'name="stats"' in banner(text)
    # The script loads it only for a reader who allowed statistics (the browser
    # journey); the page names it for the script and lets it through its policy.
    assert f'data-analytics-src="{ANALYTICS_URL}"' in banner(text)
    assert f'<script src="{ANALYTICS_URL}"' not in text
    assert "https://stats.example.org" in response["Content-Security-Policy"]

    choose(client, "all", path_of(article))
    assert html(client.get(path_of(article))) == text


def test_cookie_values_parse_as_written():
    from privacy.consent import Consent, parse

    consent = Consent().with_choices({"media": True, "stats": False})
    assert parse(consent.cookie_value()) == consent
    assert SimpleCookie(f"{COOKIE_NAME}={consent.cookie_value()}")[COOKIE_NAME].value == (
        "v1.media-yes.stats-no"
    )
