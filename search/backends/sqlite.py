from django.db import connections
from django.db.models import Count, FloatField, IntegerField, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length
from wagtail.search.backends.database.sqlite import sqlite as stock
from wagtail.search.backends.database.sqlite.query import (
    BM25,
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
# Matches ranked together with the count: the first pages of results.
FIRST_RESULTS = 50


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
        indexed = dict(
            entries.filter(object_id__in=values)
            .annotate(title_length=Length("title"))
            .values_list("object_id", "title_length")
        )
        average = self._average_title_length(
            replaced=indexed.values(), added=[len(fields["title"]) for fields in values.values()]
        )
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**values[object_id])
        # New entries get the title_norm that the stock refresh would give them
        # right away: updating it afterwards makes SQLite's trigger index each
        # new entry's whole text a second time.
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title_norm=average / len(fields["title"]) if average and fields["title"] else 1.0,
                **fields,
            )
            for object_id, fields in values.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()

    def _average_title_length(self, replaced, added):
        """The average length of the non-empty titles in the index once the titles
        of length `replaced` give way to those of length `added`, as the stock
        refresh works it out after the writes (read from an index alone,
        search/migrations/0004)."""
        totals = (
            self.entries.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(total=Sum("title_length"), count=Count("*"))
        )
        replaced = [length for length in replaced if length]
        added = [length for length in added if length]
        count = (totals["count"] or 0) - len(replaced) + len(added)
        total = (totals["total"] or 0) - sum(replaced) + sum(added)
        return total / count if count else None


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
        # Compared as numbers: SQLite looks a number up faster than a string.
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .alias(object_pk=Cast("index_entry__object_id", IntegerField()))
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                object_pk__in=self.queryset.order_by().values("pk"),
            )
        )

    def ranked(self, matches, config, stop):
        """((primary key, score) of the matches up to stop, best first; how many
        matches there are), in one pass over the full-text matches."""
        if stop is None or stop > FIRST_RESULTS:
            return self._ranked(matches, config, stop)
        if not hasattr(self, "_first_ranked"):
            # What the count and the first pages ask for, found once.
            self._first_ranked = self._ranked(matches, config, FIRST_RESULTS)
        return self._first_ranked

    def _ranked(self, matches, config, stop):
        # The stock rank expression calls bm25() once per index column, each
        # time over the same row; it is computed once here, in a subquery, and
        # the rank expression reads that column with the same arithmetic.
        inner = {"bm25_score": BM25()}
        vectors = []
        for number, (vector, weight) in enumerate(self.get_search_vectors()):
            if hasattr(weight, "resolve_expression"):
                inner[f"weight_{number}"] = weight
                weight = RawSQL(f"weight_{number}", (), output_field=FloatField())  # noqa: S611
            vectors.append((vector, weight))
        self._bm25_column = True
        try:
            rank = self._build_rank_expression(vectors, config)
        finally:
            self._bm25_column = False
        rows = (
            matches.annotate(**inner, newest=Cast("index_entry__object_id", IntegerField()))
            .order_by()
            .values_list("index_entry__object_id", "newest", *inner)
        )
        sql, params = rows.query.sql_with_params()
        query = rows.query.clone()
        score, score_params = query.get_compiler(using=rows.db).compile(
            rank.resolve_expression(query)
        )
        # bm25() is lower for better matches; ties go to the newest object.
        # bm25() cannot stand beside a window function, hence the subquery.
        ranked = (
            f"SELECT index_entry__object_id, {score}, COUNT(*) OVER () "  # noqa: S608
            f"FROM ({sql}) AS matches ORDER BY 2, newest DESC"
        )
        params = (*score_params, *params)
        if stop is not None:
            ranked, params = f"{ranked} LIMIT %s", (*params, stop)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(ranked, params)
            found = cursor.fetchall()
        best = {}
        for object_id, score, _total in found:
            # An object indexed twice counts once, at its better score.
            best.setdefault(object_id, score)
        to_pk = self.queryset.model._meta.pk.to_python
        total = found[0][2] - (len(found) - len(best)) if found else 0
        return [(to_pk(object_id), score) for object_id, score in best.items()], total

    _bm25_column = False

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if self._bm25_column and isinstance(query, Phrase | PlainText | Not):
            rank = RawSQL("bm25_score", (), output_field=FloatField())
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


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
        ranked, _total = compiler.ranked(matches, compiler.get_config(self.backend), self.stop)
        window = ranked[self.start : self.stop]
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
        compiler = self.query_compiler
        _ranked, total = compiler.ranked(matches, compiler.get_config(self.backend), 0)
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
