"""OpenSearch with Thai analysis: ``SEARCH_URL`` with ``SEARCH_ENGINE=opensearch``.

Needs the ``search-server`` extra (the ``opensearch-py`` client, major version
3, whose keyword-only API is what Wagtail's ``opensearch3`` backend calls).
"""

from copy import deepcopy
from urllib.parse import unquote

from wagtail.search.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)
from wagtail.search.utils import deep_update

from search.server import ThaiAnalysisMappingMixin, index_settings


class ThaiOpenSearch3Mapping(ThaiAnalysisMappingMixin, OpenSearch3Mapping):
    pass


class ThaiOpenSearch3SearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    mapping_class = ThaiOpenSearch3Mapping


class ThaiOpenSearch3AutocompleteQueryCompiler(OpenSearch3AutocompleteQueryCompiler):
    mapping_class = ThaiOpenSearch3Mapping


class ThaiOpenSearch3SearchBackend(OpenSearch3SearchBackend):
    mapping_class = ThaiOpenSearch3Mapping
    query_compiler_class = ThaiOpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = ThaiOpenSearch3AutocompleteQueryCompiler
    # The mapping names the Thai analyzers, so the index must define them even
    # when INDEX_SETTINGS is left out.
    settings = deep_update(deepcopy(OpenSearch3SearchBackend.settings), index_settings())

    def _get_host_config_from_url(self, url):
        host = super()._get_host_config_from_url(url)
        # A password with reserved characters is percent-encoded in SEARCH_URL,
        # and Wagtail would send it to the server still encoded.
        if host["http_auth"]:
            host["http_auth"] = tuple(unquote(part) for part in host["http_auth"])
        return host


SearchBackend = ThaiOpenSearch3SearchBackend
