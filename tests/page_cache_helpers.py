"""Reading pages the way the page cache serves them (the `page_cache` fixture in
conftest turns it on; the test settings leave it off)."""

from urllib.parse import urlsplit


def path_of(page):
    return urlsplit(page.url).path


def served(client, url, **headers):
    """(status, X-Cache, text) of a reader's GET."""
    response = client.get(url, headers=headers)
    return response.status_code, response.get("X-Cache"), response.content.decode()


def warm(client, url):
    """Served twice: the pictures' renditions exist, and the page is in the cache."""
    client.get(url)
    client.get(url)
    status, cache_state, _text = served(client, url)
    assert (status, cache_state) == (200, "hit"), url


def warm_over_http(url):
    """The same, for a served site (the cache keys its pages by host)."""
    import urllib.request

    for _ in range(3):
        with urllib.request.urlopen(url, timeout=60) as response:
            state = response.headers["X-Cache"]
    assert state == "hit", url
