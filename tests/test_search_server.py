"""Elasticsearch and OpenSearch with Thai analysis (search/server.py).

No search server runs in tests: building a backend does not contact one, and
the mapping, index settings and compiled queries are what a server would be
sent. The password test answers the client's request from a small server on
loopback.
"""

import base64
import json
import os
import re
import runpy
import subprocess
import sys
import threading
from copy import deepcopy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.search.backends import import_backend
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend
from wagtail.search.backends.opensearch3 import OpenSearch3SearchBackend
from wagtail.search.index import SearchField
from wagtail.search.query import Phrase

from articles.models import ArticlePage, EventSummaryPage
from network.models import PartnerOrganisation
from search.server import index_settings, search_server_backend
from thai.text import normalise

PROJECT = Path(__file__).resolve().parent.parent
URL = "https://search-user:p%40ss:word@es.example.org:9200"
PASSWORD = "p@ss:word"  # as percent-decoded from URL
# Filters and tokenizers the servers ship; anything else an analyzer names must
# be defined in the index settings, or creating the index fails.
BUILT_IN_FILTERS = {"lowercase", "decimal_digit", "porter_stem", "asciifolding"}
BUILT_IN_TOKENIZERS = {"thai", "icu_tokenizer", "standard"}
TEXT = "thai_text"
AUTOCOMPLETE = "thai_autocomplete"
AUTOCOMPLETE_SEARCH = "thai_autocomplete_search"


def build(params):
    """The backend Wagtail would build from a WAGTAILSEARCH_BACKENDS entry."""
    params = deepcopy(params)
    return import_backend(params.pop("BACKEND"))(params)


def analysis(settings):
    return settings["settings"]["analysis"]


def basic_auth(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture(params=["elasticsearch", "opensearch"])
def backend(request):
    return build(search_server_backend(URL, engine=request.param))


def mapping_of(backend, model):
    return backend.mapping_class(model).get_mapping()["properties"]


# The settings dict


def test_elasticsearch_is_the_default_engine_with_credentials_and_prefix_kept():
    params = search_server_backend(URL)

    assert params["BACKEND"] == "search.backends.elasticsearch"
    assert params["URLS"] == [URL]
    assert params["INDEX_PREFIX"] == "foundation_"
    assert params["ATOMIC_REBUILD"] is True
    assert params["INDEX_SETTINGS"] == index_settings("thai")


def test_opensearch_engine_and_index_name_are_chosen_by_settings():
    params = search_server_backend(URL, engine=" OpenSearch ", index="phakhi-staging")

    assert params["BACKEND"] == "search.backends.opensearch"
    assert params["INDEX_PREFIX"] == "phakhi-staging_"


def test_blank_environment_variables_mean_the_defaults():
    assert search_server_backend(URL, engine="", index="", tokenizer="") == search_server_backend(
        URL
    )


def test_several_urls_make_a_cluster():
    params = search_server_backend("https://es1.example.org:9200, https://es2.example.org:9200")

    assert params["URLS"] == ["https://es1.example.org:9200", "https://es2.example.org:9200"]


@pytest.mark.parametrize("engine", ["solr", "elasticsearch7", "meilisearch"])
def test_an_unknown_engine_is_refused_with_the_choices(engine):
    with pytest.raises(ImproperlyConfigured) as error:
        search_server_backend(URL, engine=engine)

    assert str(error.value) == (
        f"SEARCH_ENGINE must be one of 'elasticsearch', 'opensearch', not '{engine}'."
    )


def test_an_unknown_tokenizer_is_refused_with_the_choices():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_TOKENIZER must be one of 'thai', 'icu'"):
        search_server_backend(URL, tokenizer="standard")


@pytest.mark.parametrize("index", ["Foundation", "my index", "_foundation", "a/b", "x*"])
def test_an_index_name_the_server_would_refuse_is_refused(index):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX must be lowercase"):
        search_server_backend(URL, index=index)


@pytest.mark.parametrize(
    "url",
    [
        "search-user:s3cret@es.example.org:9200",  # no scheme
        "ftp://search-user:s3cret@es.example.org",
        "https://search-user:s3cret@es.example.org:port",
        "https://search-user:s3cret@:9200",
        " , ",
    ],
)
def test_a_url_that_cannot_work_is_refused_without_echoing_the_password(url):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL needs http:// or https://") as error:
        search_server_backend(url)

    assert "s3cret" not in str(error.value)


# config.settings


def settings_with(monkeypatch, **environ):
    for name in ("SEARCH_URL", "SEARCH_ENGINE", "SEARCH_INDEX", "SEARCH_TOKENIZER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    # A fresh run of the module, leaving the settings of this test run alone.
    return runpy.run_path(str(PROJECT / "config" / "settings" / "base.py"))[
        "WAGTAILSEARCH_BACKENDS"
    ]


@pytest.mark.parametrize("environ", [{}, {"SEARCH_URL": " "}])
def test_the_database_backend_stays_the_default(monkeypatch, environ):
    backends = settings_with(monkeypatch, **environ)

    assert backends == {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "english",
            "ATOMIC_REBUILD": True,
        }
    }


def test_search_url_moves_search_to_the_server_the_environment_names(monkeypatch):
    backends = settings_with(
        monkeypatch,
        SEARCH_URL=URL,
        SEARCH_ENGINE="opensearch",
        SEARCH_INDEX="phakhi",
        SEARCH_TOKENIZER="icu",
    )

    assert backends == {
        "default": search_server_backend(URL, engine="opensearch", index="phakhi", tokenizer="icu")
    }


def test_a_bad_engine_in_the_environment_stops_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_ENGINE must be one of"):
        settings_with(monkeypatch, SEARCH_URL=URL, SEARCH_ENGINE="solr")


def test_production_checks_pass_without_contacting_the_server():
    environ = {
        **{name: value for name, value in os.environ.items() if not name.startswith("SEARCH_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "WAGTAILADMIN_BASE_URL": "https://example.org",
        # Nothing listens on the discard port: a connection attempt would fail.
        "SEARCH_URL": "http://127.0.0.1:9",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


# Index settings


def test_full_text_is_thai_words_with_folded_digits_and_stemmed_english():
    analyzer = analysis(index_settings())["analyzer"][TEXT]

    assert analyzer["tokenizer"] == "thai"
    assert analyzer["filter"] == ["lowercase", "decimal_digit", "porter_stem"]


def test_text_fields_without_an_analyzer_are_analysed_as_thai_too():
    analyzers = analysis(index_settings())["analyzer"]

    assert analyzers["default"] == analyzers[TEXT]


def test_autocomplete_indexes_word_prefixes_and_searches_whole_words():
    settings = analysis(index_settings())
    index_analyzer = settings["analyzer"][AUTOCOMPLETE]
    search_analyzer = settings["analyzer"][AUTOCOMPLETE_SEARCH]

    assert index_analyzer["tokenizer"] == search_analyzer["tokenizer"] == "thai"
    assert index_analyzer["filter"] == ["lowercase", "decimal_digit", "thai_edgengram"]
    assert settings["filter"]["thai_edgengram"] == {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 15,
    }
    assert search_analyzer["filter"] == ["lowercase", "decimal_digit"]


def test_icu_variant_swaps_the_tokenizer_of_every_analyzer_and_nothing_else():
    thai = analysis(index_settings("thai"))
    icu = analysis(index_settings("ICU"))

    assert {analyzer["tokenizer"] for analyzer in icu["analyzer"].values()} == {"icu_tokenizer"}
    for name, analyzer in icu["analyzer"].items():
        assert {**analyzer, "tokenizer": "thai"} == thai["analyzer"][name]
    assert icu["filter"] == thai["filter"]
    assert icu["char_filter"] == thai["char_filter"]


@pytest.mark.parametrize("tokenizer", ["thai", "icu"])
def test_every_filter_an_analyzer_names_exists(tokenizer):
    settings = analysis(index_settings(tokenizer))

    for analyzer in settings["analyzer"].values():
        assert analyzer["tokenizer"] in BUILT_IN_TOKENIZERS
        assert set(analyzer["filter"]) <= BUILT_IN_FILTERS | set(settings["filter"])
        assert set(analyzer["char_filter"]) <= set(settings["char_filter"])


def apply_char_filters(text, char_filters):
    """What the server's pattern_replace and mapping char filters do to text."""
    for char_filter in char_filters.values():
        if char_filter["type"] == "pattern_replace":
            text = re.sub(char_filter["pattern"], char_filter["replacement"], text)
        elif char_filter["type"] == "mapping":
            for rule in char_filter["mappings"]:
                source, target = (side.strip() for side in rule.split("=>"))
                text = text.replace(source, target)
        else:
            raise AssertionError(f"unexpected char filter {char_filter}")
    return text


def test_char_filters_fold_what_the_database_backend_folds():
    # Zero-width space, ZWNJ, ZWJ, word joiner, BOM and soft hyphen pasted into
    # words, and SARA AM typed as NIKHAHIT + SARA AA ("ทํางาน").
    pasted = "ประ\u200bชุม โครง\u200cการ ภาคี\u200dเครือ\u2060ข่าย \ufeffสุข\u00adภาพ ท\u0e4d\u0e32งาน"

    folded = apply_char_filters(pasted, analysis(index_settings())["char_filter"])

    assert folded == normalise(pasted) == "ประชุม โครงการ ภาคีเครือข่าย สุขภาพ ทำงาน"


# Backends built from the settings dict


class RecordingSearchServer(ThreadingHTTPServer):
    """A stand-in search server on loopback that answers the client's first
    request as Elasticsearch and OpenSearch do, and keeps its Authorization header."""

    def __init__(self):
        self.authorization = []
        super().__init__(("127.0.0.1", 0), self.Handler)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.server.authorization.append(self.headers.get("Authorization"))
            body = json.dumps({"version": {"number": "8.19.0"}, "tagline": "You Know, for Search"})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            # The Elasticsearch client refuses a server that does not say what it is.
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, format, *args):
            pass


@pytest.fixture
def search_server():
    server = RecordingSearchServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_elasticsearch_backend_reads_the_host_from_the_url():
    backend = build(search_server_backend(URL))

    assert isinstance(backend, Elasticsearch8SearchBackend)
    assert backend.hosts == [
        {"host": "es.example.org", "port": 9200, "path_prefix": "", "scheme": "https"}
    ]


def test_opensearch_backend_reads_the_host_from_the_url():
    backend = build(search_server_backend(URL, engine="opensearch"))

    assert isinstance(backend, OpenSearch3SearchBackend)
    [connection] = backend.es.transport.connection_pool.connections
    assert connection.host == "https://es.example.org:9200"


@pytest.mark.parametrize(
    ("engine", "backend_class"),
    [("elasticsearch", Elasticsearch8SearchBackend), ("opensearch", OpenSearch3SearchBackend)],
)
def test_the_backend_sends_the_decoded_password(search_server, engine, backend_class):
    port = search_server.server_address[1]
    url = URL.replace("https://", "http://").replace("es.example.org:9200", f"127.0.0.1:{port}")
    backend = build(search_server_backend(url, engine=engine))

    assert isinstance(backend, backend_class)
    backend.es.info()
    assert search_server.authorization == [basic_auth("search-user", PASSWORD)]


def test_index_names_start_with_the_prefix(backend):
    assert backend.get_index_for_model(ArticlePage).name == "foundation_wagtailcore_page"
    assert (
        backend.get_index_for_model(PartnerOrganisation).name
        == "foundation_network_partnerorganisation"
    )


@pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"])
def test_index_is_created_with_the_configured_analysis(engine):
    backend = build(search_server_backend(URL, engine=engine, tokenizer="icu"))

    analyzers = analysis(backend.settings)["analyzer"]
    for name in (TEXT, AUTOCOMPLETE, AUTOCOMPLETE_SEARCH, "default"):
        assert analyzers[name] == analysis(index_settings("icu"))["analyzer"][name]


@pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"])
def test_the_backend_defines_its_analyzers_even_without_index_settings(engine):
    params = search_server_backend(URL, engine=engine)
    del params["INDEX_SETTINGS"]

    analyzers = analysis(build(params).settings)["analyzer"]

    assert analyzers[TEXT]["tokenizer"] == "thai"
    assert {TEXT, AUTOCOMPLETE, AUTOCOMPLETE_SEARCH} <= set(analyzers)


# Mappings of the project's models


def test_article_text_is_analysed_as_thai(backend):
    fields = mapping_of(backend, ArticlePage)

    assert fields["title"]["analyzer"] == TEXT
    assert fields["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert fields["articles_articlepage__intro"]["analyzer"] == TEXT
    assert fields["articles_articlepage__body"]["analyzer"] == TEXT
    # Unprefixed queries search these, so they must be Thai as well.
    assert fields["_all_text"] == {"type": "text", "analyzer": TEXT}
    assert fields["_all_text_boost_2_0"] == {"type": "text", "analyzer": TEXT}


def test_event_summary_text_is_analysed_as_thai(backend):
    fields = mapping_of(backend, EventSummaryPage)

    for name in (
        "intro",
        "venue",
        "participants_description",
        "objectives",
        "activities",
        "body",
        "agreements",
    ):
        assert fields[f"articles_eventsummarypage__{name}"] == {
            "type": "text",
            "analyzer": TEXT,
            "copy_to": "_all_text",
        }


def test_partner_text_is_analysed_as_thai(backend):
    fields = mapping_of(backend, PartnerOrganisation)

    for name in ("name", "short_name", "mission"):
        assert fields[name] == {"type": "text", "analyzer": TEXT, "copy_to": "_all_text"}


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (ArticlePage, ["_edgengrams", "title_edgengrams"]),
        (PartnerOrganisation, ["_edgengrams", "name_edgengrams", "short_name_edgengrams"]),
    ],
)
def test_autocomplete_fields_index_prefixes_and_search_whole_words(backend, model, fields):
    mapping = mapping_of(backend, model)

    for name in fields:
        assert mapping[name] == {
            "type": "text",
            "analyzer": AUTOCOMPLETE,
            "search_analyzer": AUTOCOMPLETE_SEARCH,
        }


def test_filter_fields_are_exact_values(backend):
    article = mapping_of(backend, ArticlePage)
    event = mapping_of(backend, EventSummaryPage)
    partner = mapping_of(backend, PartnerOrganisation)

    assert article["locale_id_filter"] == {"type": "integer"}
    assert article["live_filter"] == {"type": "boolean"}
    assert article["path_filter"] == {"type": "keyword"}
    assert article["articles_articlepage__kind_filter"] == {"type": "keyword"}
    assert article["articles_articlepage__published_date_filter"] == {"type": "date"}
    assert event["articles_eventsummarypage__start_date_filter"] == {"type": "date"}
    assert partner["kind_filter"] == {"type": "keyword"}
    assert partner["locale_id_filter"] == {"type": "integer"}


@pytest.mark.parametrize("model", [ArticlePage, EventSummaryPage, PartnerOrganisation])
def test_no_text_field_falls_back_to_an_analyzer_the_index_does_not_define(backend, model):
    defined = set(analysis(backend.settings)["analyzer"])

    for name, field in mapping_of(backend, model).items():
        if field["type"] == "text":
            assert field["analyzer"] in {TEXT, AUTOCOMPLETE}, name
            assert field.get("search_analyzer", field["analyzer"]) in defined, name


def test_a_field_with_its_own_analyzer_keeps_it(backend):
    field = SearchField("title", es_extra={"analyzer": "keyword"})

    _, mapping = backend.mapping_class(ArticlePage).get_field_mapping(field)

    assert mapping["analyzer"] == "keyword"


# Queries the backend would send


def field_names(fields):
    return [field.split("^")[0] for field in fields]


def test_a_thai_query_reaches_the_thai_analysed_fields_as_typed(backend):
    query = backend.search("ฉีดวัคซีน ๒๕๖๔", ArticlePage.objects.live()).query_compiler.get_query()
    mapping = mapping_of(backend, ArticlePage)

    multi_match = query["bool"]["must"]["multi_match"]
    # The server segments the words and folds the digits, not the client.
    assert multi_match["query"] == "ฉีดวัคซีน ๒๕๖๔"
    assert multi_match["fields"] == ["_all_text", "_all_text_boost_2_0^2.0"]
    assert {mapping[name]["analyzer"] for name in field_names(multi_match["fields"])} == {TEXT}
    assert query["bool"]["filter"] == [
        {"match": {"_django_content_type": "articles.ArticlePage"}},
        {"term": {"live_filter": True}},
    ]


def test_a_query_on_one_field_uses_its_thai_analysis_and_boost(backend):
    query = backend.search("ภาคีเครือข่าย", ArticlePage, fields=["title"]).query_compiler
    mapping = mapping_of(backend, ArticlePage)

    match = query.get_query()["bool"]["must"]["match"]
    assert match == {"title": {"query": "ภาคีเครือข่าย", "boost": 2.0}}
    assert mapping["title"]["analyzer"] == TEXT


def test_a_thai_phrase_is_matched_on_thai_analysed_text(backend):
    query = backend.search(Phrase("สร้างเสริมสุขภาพ"), PartnerOrganisation).query_compiler
    mapping = mapping_of(backend, PartnerOrganisation)

    assert query.get_query()["bool"]["must"] == {"match_phrase": {"_all_text": "สร้างเสริมสุขภาพ"}}
    assert mapping["_all_text"]["analyzer"] == TEXT


def test_partner_autocomplete_searches_prefixes_in_the_readers_locale(backend):
    partners = PartnerOrganisation.objects.filter(locale_id=1)
    query = backend.autocomplete("วัคซ", partners).query_compiler.get_query()
    mapping = mapping_of(backend, PartnerOrganisation)

    assert query["bool"]["must"] == {"match": {"_edgengrams": {"query": "วัคซ"}}}
    assert mapping["_edgengrams"]["search_analyzer"] == AUTOCOMPLETE_SEARCH
    assert {"term": {"locale_id_filter": 1}} in query["bool"]["filter"]


def test_partner_autocomplete_on_named_fields(backend):
    query = backend.autocomplete("สสส", PartnerOrganisation, fields=["short_name"]).query_compiler

    assert query.get_query()["bool"]["must"] == {
        "match": {"short_name_edgengrams": {"query": "สสส"}}
    }
