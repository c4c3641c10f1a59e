from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, Q
from django.db.models.sql.subqueries import InsertQuery
from wagtail.search.backends.database.postgres import postgres as stock
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry
from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import get_content_type_pk, get_descendants_content_types_pks

from search.segment_workers import default_workers

from .postgres_matches import candidates, find_matches
from .segmenting import (
    BODY_COLUMN,
    TITLE_COLUMN,
    SegmentingIndexerMixin,
    combine_query_words,
    index_columns,
    segment_ahead,
    segmented_phrase,
)

# English stemming for English words; Thai words pass through it unchanged.
DEFAULT_SEARCH_CONFIG = "english"
# Index rows per INSERT: small enough that PostgreSQL and the segmenting
# workers take turns often.
WRITE_BATCH = 100


class ThaiPostgresIndexer(SegmentingIndexerMixin, stock.ObjectIndexer):
    pass


class ThaiPostgresIndex(stock.PostgresIndex):
    def add_items(self, model, objs):
        # As the stock index does, with the segmenting indexer, a few rows per
        # statement so that the workers segment the next rows while PostgreSQL
        # builds the vectors of these.
        if not model.get_search_fields():
            return
        indexers = [ThaiPostgresIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        segment_ahead(indexers, self.backend.segmenting_workers)
        content_type_pk = get_content_type_pk(model)
        for start in range(0, len(indexers), WRITE_BATCH):
            self._write(content_type_pk, indexers[start : start + WRITE_BATCH])
        self._refresh_title_norms()

    def _write(self, content_type_pk, indexers):
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


def settle_index(connection):
    """Merge the GIN indexes' pending lists and refresh the planner's statistics.

    New entries wait in each GIN index's pending list (fastupdate), which every
    search reads through in full until autovacuum merges it: right after a rebuild
    of 3,000 pages a search took 1 to 3 seconds, and 20 ms once merged.
    """
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT index_class.oid FROM pg_index
            JOIN pg_class index_class ON index_class.oid = pg_index.indexrelid
            JOIN pg_am ON pg_am.oid = index_class.relam
            WHERE pg_index.indrelid = %s::regclass AND pg_am.amname = 'gin'
            """,
            [table],
        )
        for (index_oid,) in cursor.fetchall():
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index_oid])
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


class SettlingRebuilderMixin:
    """Ends update_index's rebuild with the index settled, so searches are fast at once."""

    @staticmethod
    def settle(index):
        settle_index(index.write_connection)

    def finish(self):
        super().finish()
        self.settle(self.index)


class ThaiPostgresRebuilder(SettlingRebuilderMixin, stock.PostgresSearchRebuilder):
    pass


class ThaiPostgresAtomicRebuilder(SettlingRebuilderMixin, stock.PostgresSearchAtomicRebuilder):
    pass


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
        if not self.is_plain_match():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The stock backend matches on (title || body), which no index holds, so
        # every search read every entry. Matching each column on its own lets
        # PostgreSQL combine the two GIN indexes and fetch only the matches.
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_index_vectors(search_query), config)
        queryset = self.matching(search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def is_plain_match(self):
        return self.fields is None and isinstance(self.query, PlainText | Phrase)

    def matching(self, search_query):
        return self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )

    def found(self, config):
        """The matches found on the GIN indexes (postgres_matches), once per
        search, or None when the search is not a plain ranked match."""
        if not (self.is_plain_match() and self.order_by_relevance):
            return None
        if not hasattr(self, "_found"):
            search_query = self.build_tsquery(self.query, config=config)
            self._found = Found(search_query, *find_matches(self.queryset, search_query))
        return self._found

    def ranked(self, found, config, start, stop, score_field=None):
        """The results from start to stop: the ranked candidates, then, when
        there were too many matches to rank, the others, newest first."""
        pks, complete = candidates(found.in_title, found.in_body)
        scores = self._ranked_scores(found.search_query, pks, config)
        order = sorted(scores, key=lambda pk: (-scores[pk], -pk))
        window = order[start:stop]
        by_pk = self.queryset.in_bulk(window)
        results = [by_pk[pk] for pk in window if pk in by_pk]
        if score_field is not None:
            for obj in results:
                setattr(obj, score_field, scores[obj.pk])
        if complete or (stop is not None and stop <= len(order)):
            return results
        # Past the ranked candidates: rarely asked for, and slow on a common word.
        rest = self.matching(found.search_query).exclude(pk__in=order).order_by("-pk")
        offset = max(0, start - len(order))
        return results + list(rest[offset : None if stop is None else stop - len(order)])

    def _ranked_scores(self, search_query, pks, config):
        """{pk: rank} of the given objects, read through the unique index on
        the entries (the page relation would join every entry first)."""
        rank = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
            object_id__in=[str(pk) for pk in pks],
        )
        to_pk = self.queryset.model._meta.pk.to_python
        scores = {}
        for object_id, score in entries.annotate(score=rank).values_list("object_id", "score"):
            pk = to_pk(object_id)
            scores[pk] = max(score, scores.get(pk, score))
        return scores


@dataclass
class Found:
    search_query: object
    in_title: list
    in_body: list
    count: int
    more: bool


class ThaiPostgresSearchResults(stock.PostgresSearchResults):
    def _found(self):
        # Autocompletion has a compiler of its own, without found().
        found = getattr(self.query_compiler, "found", None)
        return None if found is None else found(self.query_compiler.get_config(self.backend))

    def matching_pks(self):
        """The pks of every match when they were all counted, else None."""
        found = self._found()
        if found is None or found.more:
            return None
        return found.in_title + found.in_body

    @property
    def count_is_lower_bound(self):
        """Whether more objects match than count() says (postgres_matches)."""
        found = self._found()
        return found is not None and found.more

    def _do_search(self):
        found = self._found()
        if found is None:
            return super()._do_search()
        return self.query_compiler.ranked(
            found,
            self.query_compiler.get_config(self.backend),
            self.start,
            self.stop,
            score_field=self._score_field,
        )

    def _do_count(self):
        found = self._found()
        if found is None:
            return super()._do_count()
        stop = found.count if self.stop is None else min(self.stop, found.count)
        return max(0, stop - self.start)


class ThaiPostgresAutocompleteQueryCompiler(
    SegmentingPostgresCompilerMixin, stock.PostgresAutocompleteQueryCompiler
):
    def get_fields_vectors(self, search_query):
        return self.get_index_vectors(search_query)


class ThaiPostgresSearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = ThaiPostgresSearchQueryCompiler
    results_class = ThaiPostgresSearchResults
    autocomplete_query_compiler_class = ThaiPostgresAutocompleteQueryCompiler
    index_class = ThaiPostgresIndex
    rebuilder_class = ThaiPostgresRebuilder
    atomic_rebuilder_class = ThaiPostgresAtomicRebuilder

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", DEFAULT_SEARCH_CONFIG)
        self.segmenting_workers = params.get("SEGMENTING_WORKERS", default_workers())
