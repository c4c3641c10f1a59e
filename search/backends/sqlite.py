from wagtail.search.backends.database.sqlite import sqlite as stock
from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from wagtail.search.models import IndexEntry
from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import get_content_type_pk

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


class ThaiSQLiteSearchQueryCompiler(SegmentingSQLiteCompilerMixin, stock.SQLiteSearchQueryCompiler):
    pass


class ThaiSQLiteAutocompleteQueryCompiler(
    SegmentingSQLiteCompilerMixin, stock.SQLiteAutocompleteQueryCompiler
):
    def columns_for_fields(self, fields):
        return ["autocomplete"]


class ThaiSQLiteSearchBackend(stock.SQLiteSearchBackend):
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    index_class = ThaiSQLiteIndex
