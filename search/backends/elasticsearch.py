"""Elasticsearch 8 with Thai analysis: ``SEARCH_URL`` with ``SEARCH_ENGINE=elasticsearch``.

Needs the ``search-server`` extra (the ``elasticsearch`` client, major version 8).
"""

from copy import deepcopy
from urllib.parse import unquote

from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from wagtail.search.utils import deep_update

from search.server import ThaiAnalysisMappingMixin, index_settings


class ThaiElasticsearch8Mapping(ThaiAnalysisMappingMixin, Elasticsearch8Mapping):
    pass


class ThaiElasticsearch8SearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = ThaiElasticsearch8Mapping


class ThaiElasticsearch8AutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = ThaiElasticsearch8Mapping


class ThaiElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = ThaiElasticsearch8Mapping
    query_compiler_class = ThaiElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = ThaiElasticsearch8AutocompleteQueryCompiler
    # The mapping names the Thai analyzers, so the index must define them even
    # when INDEX_SETTINGS is left out.
    settings = deep_update(deepcopy(Elasticsearch8SearchBackend.settings), index_settings())

    def _get_options_from_host_urls(self, urls):
        options = super()._get_options_from_host_urls(urls)
        # A password with reserved characters is percent-encoded in SEARCH_URL,
        # and Wagtail would send it to the server still encoded.
        if "basic_auth" in options:
            options["basic_auth"] = tuple(unquote(part) for part in options["basic_auth"])
        return options


SearchBackend = ThaiElasticsearch8SearchBackend
