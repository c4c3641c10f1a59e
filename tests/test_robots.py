"""/robots.txt: crawl everything but the admin and the endless search results."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_admin_and_search_and_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/search/", "/en/search/"}
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_follows_the_host_and_ignores_query_strings(client, site_tree):
    response = client.get("/robots.txt?page=abc", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode().splitlines()
    assert client.post("/robots.txt").status_code == 405
