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

from .segmenting import (
    SegmentingIndexerMixin,
    combine_query_words,
    index_columns,
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
        values = {}
        for obj in objs:
            indexer = ThaiSQLiteIndexer(obj, self.backend)
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

    def ranked_pks(self, config):
        """Primary keys of every match, best first, and their scores; None when
        the query is not a plain relevance-ordered match.

        The stock backend scores each match with a correlated subquery that runs
        the full-text query again for every matching row, which takes seconds
        once a word is on thousands of pages. Here the full-text query runs once
        for the scores and once, as a subquery, for the queryset's own filters.
        """
        if hasattr(self, "_ranked"):
            return self._ranked
        self._ranked = None
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        index_query = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        scores = {}
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        for object_id, score in index_query.annotate(score=rank).values_list(
            "index_entry__object_id", "score"
        ):
            scores[object_id] = min(score, scores.get(object_id, score))
        allowed = self.queryset.filter(
            pk__in=index_query.values("index_entry__object_id")
        ).values_list("pk", flat=True)
        # bm25() is lower for better matches; ties go to the newest object.
        ranked = sorted(allowed, key=lambda pk: (scores.get(str(pk), 0.0), -pk))
        self._ranked = (ranked, scores)
        return self._ranked


class ThaiSQLiteSearchQueryCompiler(SegmentingSQLiteCompilerMixin, stock.SQLiteSearchQueryCompiler):
    pass


class ThaiSQLiteAutocompleteQueryCompiler(
    SegmentingSQLiteCompilerMixin, stock.SQLiteAutocompleteQueryCompiler
):
    def columns_for_fields(self, fields):
        return ["autocomplete"]


class ThaiSQLiteSearchResults(stock.SQLiteSearchResults):
    def _ranked(self):
        return self.query_compiler.ranked_pks(self.query_compiler.get_config(self.backend))

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        pks, scores = ranked
        wanted = pks[self.start : self.stop]
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=wanted)}
        results = [found[pk] for pk in wanted if pk in found]
        if self._score_field:
            for obj in results:
                setattr(obj, self._score_field, scores.get(str(obj.pk)))
        return results

    def _do_count(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_count()
        total = len(ranked[0])
        stop = total if self.stop is None else min(self.stop, total)
        return max(0, stop - self.start)


class ThaiSQLiteSearchBackend(stock.SQLiteSearchBackend):
    results_class = ThaiSQLiteSearchResults
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    index_class = ThaiSQLiteIndex
