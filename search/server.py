"""Search on Elasticsearch or OpenSearch, for sites that outgrow one database.

The database backend (``search.backends``) segments Thai words with PyThaiNLP
before they reach the index. A search server cannot run PyThaiNLP, so here the
server segments Thai itself: its ``thai`` tokenizer (dictionary word breaks
from the JVM) or, with the ICU plugin installed, ``icu_tokenizer`` (ICU's Thai
dictionary). Index settings and the mapping both name the analyzers below, so
a field is analysed the same way when it is indexed and when it is searched.

``config.settings`` imports this module: it must not import Django models or
the search clients, which only sites with a search server install.
"""

import re
from copy import deepcopy
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from thai.text import INVISIBLE_CLASS, SARA_AM, SARA_AM_DECOMPOSED

BACKENDS = {
    "elasticsearch": "search.backends.elasticsearch",
    "opensearch": "search.backends.opensearch",
}
DEFAULT_ENGINE = "elasticsearch"
DEFAULT_INDEX = "foundation"
TOKENIZERS = {"thai": "thai", "icu": "icu_tokenizer"}
DEFAULT_TOKENIZER = "thai"
# Elasticsearch's rules for index names, less the characters that only cause
# trouble in URLs and shell scripts.
INDEX_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
URL_EXAMPLE = "https://user:password@search.example.org:9200"

TEXT_ANALYZER = "thai_text"
AUTOCOMPLETE_ANALYZER = "thai_autocomplete"
AUTOCOMPLETE_SEARCH_ANALYZER = "thai_autocomplete_search"
EDGE_NGRAM_FILTER = "thai_edgengram"
# Shortest and longest prefix indexed for autocomplete: one letter suggests,
# and fifteen covers all but the rarest Thai and English words.
EDGE_NGRAM_MIN = 1
EDGE_NGRAM_MAX = 15

# As thai.text.normalise: text pasted from word processors carries invisible
# characters that split words, and SARA AM typed as NIKHAHIT + SARA AA looks the
# same as the composed letter but would not match it.
CHAR_FILTERS = {
    "thai_invisible": {"type": "pattern_replace", "pattern": INVISIBLE_CLASS, "replacement": ""},
    "thai_sara_am": {"type": "mapping", "mappings": [f"{SARA_AM_DECOMPOSED} => {SARA_AM}"]},
}
# decimal_digit folds Thai digits, so ๒๕๖๔ and 2564 are the same word.
NORMALISING_FILTERS = ["lowercase", "decimal_digit"]


def index_settings(tokenizer=DEFAULT_TOKENIZER):
    """Analysis for Thai: the ``INDEX_SETTINGS`` of a search server backend.

    Full text is tokenized into Thai words and English words, lowercased, its
    digits folded, and English words stemmed (``porter_stem`` leaves Thai
    alone). There is no stop word filter: the database backend has none, and
    a reader who searches only for a common word such as "การ" should find it.
    Autocomplete indexes the front edges of each word and searches with whole
    words, since n-grams of the query would match almost anything.
    """
    tokenizer = (tokenizer or DEFAULT_TOKENIZER).strip().lower()
    if tokenizer not in TOKENIZERS:
        raise ImproperlyConfigured(
            f"SEARCH_TOKENIZER must be one of {_choices(TOKENIZERS)}, not {tokenizer!r}."
        )

    def analyzer(*filters):
        return {
            "type": "custom",
            "char_filter": list(CHAR_FILTERS),
            "tokenizer": TOKENIZERS[tokenizer],
            "filter": [*NORMALISING_FILTERS, *filters],
        }

    return {
        "settings": {
            "analysis": {
                "char_filter": deepcopy(CHAR_FILTERS),
                "filter": {
                    EDGE_NGRAM_FILTER: {
                        "type": "edge_ngram",
                        "min_gram": EDGE_NGRAM_MIN,
                        "max_gram": EDGE_NGRAM_MAX,
                    },
                },
                "analyzer": {
                    TEXT_ANALYZER: analyzer("porter_stem"),
                    AUTOCOMPLETE_ANALYZER: analyzer(EDGE_NGRAM_FILTER),
                    AUTOCOMPLETE_SEARCH_ANALYZER: analyzer(),
                    # Any text field the mapping leaves unnamed is Thai too.
                    "default": analyzer("porter_stem"),
                },
            },
        },
    }


def search_server_backend(
    url, engine=DEFAULT_ENGINE, index=DEFAULT_INDEX, tokenizer=DEFAULT_TOKENIZER
):
    """The ``WAGTAILSEARCH_BACKENDS["default"]`` entry for a search server.

    ``url`` is one URL, or several separated by commas for a cluster, with any
    credentials in it (percent-encoded where they hold reserved characters).
    Building the backend does not contact the server.
    """
    engine = (engine or DEFAULT_ENGINE).strip().lower()
    if engine not in BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {_choices(BACKENDS)}, not {engine!r}."
        )
    index = (index or DEFAULT_INDEX).strip()
    if not INDEX_NAME.fullmatch(index):
        raise ImproperlyConfigured(
            "SEARCH_INDEX must be lowercase letters, digits, '-' and '_', starting "
            f"with a letter or digit, not {index!r}."
        )
    return {
        "BACKEND": BACKENDS[engine],
        "URLS": _server_urls(url),
        # Wagtail appends app and model names: foundation_wagtailcore_page.
        "INDEX_PREFIX": f"{index}_",
        # Readers keep searching the old index while update_index builds the new one.
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": index_settings(tokenizer),
    }


def _server_urls(value):
    urls = [url.strip() for url in (value or "").split(",") if url.strip()]
    # The URL is never quoted in the message: it may hold a password.
    if not urls or not all(_is_server_url(url) for url in urls):
        raise ImproperlyConfigured(
            "SEARCH_URL needs http:// or https://, a host name and a numeric port "
            f"if any, as in {URL_EXAMPLE}."
        )
    return urls


def _is_server_url(url):
    try:
        parts = urlsplit(url)
        return parts.scheme in {"http", "https"} and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number, or out of range
        return False


def _choices(options):
    return ", ".join(repr(option) for option in options)


class ThaiAnalysisMappingMixin:
    """Point Wagtail's search mapping at the analyzers of ``index_settings``.

    Wagtail leaves full-text fields (``title``, ``body``, the ``_all_text``
    fields they are copied to) on the index's default analyzer, and analyses
    autocomplete fields with ``edgengram_analyzer`` but searches them with
    ``standard``, which keeps a whole run of Thai letters as one word. Both
    sides are named here so that index and query agree. A field with its own
    analyzer (``es_extra``) keeps it.
    """

    edgengram_analyzer_config = {
        "analyzer": AUTOCOMPLETE_ANALYZER,
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        _analyse_as_thai(mapping)
        return name, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        for field_mapping in mapping["properties"].values():
            _analyse_as_thai(field_mapping)
        return mapping


def _analyse_as_thai(field_mapping):
    if field_mapping.get("type") == "text" and "analyzer" not in field_mapping:
        field_mapping["analyzer"] = TEXT_ANALYZER
