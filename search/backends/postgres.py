from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from django.db.models.sql.subqueries import InsertQuery
from wagtail.search.backends.database.postgres import postgres as stock
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry
from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import get_content_type_pk

from .segmenting import (
    BODY_COLUMN,
    TITLE_COLUMN,
    SegmentingIndexerMixin,
    combine_query_words,
    index_columns,
    segmented_phrase,
)

# English stemming for English words; Thai words pass through it unchanged.
DEFAULT_SEARCH_CONFIG = "english"


class ThaiPostgresIndexer(SegmentingIndexerMixin, stock.ObjectIndexer):
    pass


class ThaiPostgresIndex(stock.PostgresIndex):
    def add_items(self, model, objs):
        # As the stock index does, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ThaiPostgresIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(column), getattr(indexer, column)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            # Only placeholders and compiled expressions are formatted into the SQL.
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                    autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class SegmentingPostgresCompilerMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            lexemes = combine_query_words(
                query.query_string,
                query.operator,
                lambda term, prefix: Lexeme(term, invert=invert, prefix=prefix),
                prefix_last=self.LAST_TERM_IS_PREFIX,
            )
            if lexemes is None:
                # An empty tsquery matches nothing.
                return SearchQuery("", search_type="plain", config=config)
            return SearchQuery(lexemes, search_type="raw", config=config)
        if isinstance(query, Phrase):
            return SearchQuery(
                segmented_phrase(query.query_string), search_type="phrase", config=config
            )
        return super().build_tsquery_content(query, config=config, invert=invert)

    def get_fields_vectors(self, search_query):
        # The stock backend reads the model's own columns here, which hold
        # unsegmented Thai; the index columns hold the segmented copy.
        wanted = index_columns(self.fields)
        title_vector, body_vector = self.get_index_vectors(search_query)
        chosen = {TITLE_COLUMN: title_vector, BODY_COLUMN: body_vector}
        return [chosen[column] for column in wanted]


class ThaiPostgresSearchQueryCompiler(
    SegmentingPostgresCompilerMixin, stock.PostgresSearchQueryCompiler
):
    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not isinstance(self.query, PlainText | Phrase):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The stock backend matches on (title || body), which no index holds, so
        # every search read every entry. Matching each column on its own lets
        # PostgreSQL combine the two GIN indexes and fetch only the matches.
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_index_vectors(search_query), config)
        queryset = self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class ThaiPostgresAutocompleteQueryCompiler(
    SegmentingPostgresCompilerMixin, stock.PostgresAutocompleteQueryCompiler
):
    def get_fields_vectors(self, search_query):
        return self.get_index_vectors(search_query)


class ThaiPostgresSearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = ThaiPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiPostgresAutocompleteQueryCompiler
    index_class = ThaiPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", DEFAULT_SEARCH_CONFIG)
