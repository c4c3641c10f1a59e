from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from wagtail.search.backends.database.sqlite import sqlite as stock
from wagtail.search.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry
from wagtail.search.query import MatchAll, Not, Phrase, PlainText
from wagtail.search.utils import get_content_type_pk, get_descendants_content_types_pks

from search.segment_workers import default_workers

from .segmenting import (
    SegmentingIndexerMixin,
    combine_query_words,
    index_columns,
    segment_ahead,
    segmented_phrase,
)

# An empty FTS5 phrase is valid and matches nothing: the answer to a query
# that has no words, such as one made only of punctuation.
MATCH_NOTHING = ""


class ThaiSQLiteIndexer(SegmentingIndexerMixin, stock.ObjectIndexer):
    pass


class ThaiSQLiteIndex(stock.SQLiteIndex):
    def add_items(self, model, objs):
        # As the stock index does, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ThaiSQLiteIndexer(obj, self.backend) for obj in objs]
        segment_ahead(indexers, self.backend.segmenting_workers)
        values = {}
        for indexer in indexers:
            values[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        if not values:
            return
        content_type_pk = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=values).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**values[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **fields)
            for object_id, fields in values.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class SegmentingSQLiteCompilerMixin:
    def check(self):
        super().check()
        if self.fields is not None:
            # Checked as the model's field names; the FTS table has index columns.
            self.fields = self.columns_for_fields(self.fields)

    def columns_for_fields(self, fields):
        return index_columns(fields)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            lexemes = combine_query_words(
                query.query_string,
                query.operator,
                lambda term, prefix: Lexeme(term, prefix=prefix),
                prefix_last=self.LAST_TERM_IS_PREFIX,
            )
            return SearchQueryExpression(MATCH_NOTHING if lexemes is None else lexemes)
        if isinstance(query, Phrase):
            return SearchQueryExpression(segmented_phrase(query.query_string))
        return super().build_search_query_content(query, config=config)

    def matches(self, config):
        """The full-text matches of objects the queryset allows, or None when the
        query is not a plain relevance-ordered match.

        The stock backend scores each match with a correlated subquery that runs
        the full-text query again for every matching row, which takes seconds
        once a word is on thousands of pages. Here the full-text query runs once,
        with the queryset's own filters as a subquery, and SQLite ranks, counts
        and cuts the matches itself: only a page of results reaches Python.
        """
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        allowed = self.queryset.annotate(indexed_id=Cast("pk", CharField())).values("indexed_id")
        return SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=allowed,
        )

    def ranked_window(self, matches, config, start, stop):
        """(primary key, score) of the matches from start to stop, best first."""
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        rows = (
            matches.annotate(score=rank, newest=Cast("index_entry__object_id", IntegerField()))
            # bm25() is lower for better matches; ties go to the newest object.
            .order_by("score", "-newest")
            .values_list("index_entry__object_id", "score")
        )
        if stop is not None:
            rows = rows[:stop]
        best = {}
        for object_id, score in rows:
            # An object indexed twice counts once, at its better score.
            best.setdefault(object_id, score)
        to_pk = self.queryset.model._meta.pk.to_python
        return [(to_pk(object_id), score) for object_id, score in list(best.items())[start:stop]]


class ThaiSQLiteSearchQueryCompiler(SegmentingSQLiteCompilerMixin, stock.SQLiteSearchQueryCompiler):
    pass


class ThaiSQLiteAutocompleteQueryCompiler(
    SegmentingSQLiteCompilerMixin, stock.SQLiteAutocompleteQueryCompiler
):
    def columns_for_fields(self, fields):
        return ["autocomplete"]


class ThaiSQLiteSearchResults(stock.SQLiteSearchResults):
    def _matches(self):
        compiler = self.query_compiler
        return compiler.matches(compiler.get_config(self.backend))

    def _do_search(self):
        matches = self._matches()
        if matches is None:
            return super()._do_search()
        compiler = self.query_compiler
        window = compiler.ranked_window(
            matches, compiler.get_config(self.backend), self.start, self.stop
        )
        wanted = [pk for pk, _score in window]
        found = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=wanted)}
        results = [found[pk] for pk in wanted if pk in found]
        if self._score_field:
            scores = dict(window)
            for obj in results:
                setattr(obj, self._score_field, scores[obj.pk])
        return results

    def _do_count(self):
        matches = self._matches()
        if matches is None:
            return super()._do_count()
        total = matches.values("index_entry__object_id").distinct().count()
        stop = total if self.stop is None else min(self.stop, total)
        return max(0, stop - self.start)


class ThaiSQLiteSearchBackend(stock.SQLiteSearchBackend):
    results_class = ThaiSQLiteSearchResults
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    index_class = ThaiSQLiteIndex

    def __init__(self, params):
        super().__init__(params)
        self.segmenting_workers = params.get("SEGMENTING_WORKERS", default_workers())
