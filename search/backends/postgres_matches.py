"""The matches of a PostgreSQL search, found on the GIN indexes first.

A word on most pages matches tens of thousands of index entries. Ranking all
of them with ts_rank reads every one's body vector (kilobytes each, stored
out of line) and took hundreds of milliseconds at 100,000 pages; so did
counting them with the page filters. Here:

- the matches come from a bitmap of the title and body GIN indexes, which
  reads no vector at all, and stop after COUNT_LIMIT + 1 of them that the
  page filters allow: the count is exact up to COUNT_LIMIT, and above it the
  page says "more than COUNT_LIMIT" (the planner's estimate of a compound or
  a phrase was off by ten times, so none is shown);
- when there are no more than RANK_ALL matches all of them are ranked, as the
  stock backend does; above that, ts_rank runs only on up to CANDIDATES of
  them with the word in the title and CANDIDATES with it in the body. ts_rank
  of a body levels off after a few occurrences (0.12 for one, 0.2 at most for
  many), so among thousands of body matches the ranks are nearly equal and a
  bounded set loses little; a title match ranks far above them.
"""

from django.db import connections
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

COUNT_LIMIT = 500
RANK_ALL = 200
CANDIDATES = 100
# Where the newest title matches are looked for first.
NEWEST_ENTRIES = 20_000


def _compiled(expression, queryset, connection):
    compiler = queryset.query.get_compiler(connection=connection)
    return compiler.compile(expression.resolve_expression(queryset.query))


def _matches_sql(queryset, search_query, connection):
    """SQL for (page pk, whether the title matches) of every entry that matches
    and whose object the queryset allows, SQL for the pks of the newest title
    matches that it allows, and the parameters of each."""
    entries = IndexEntry.objects.all()
    tsquery, tsquery_params = _compiled(search_query, entries, connection)
    allowed, allowed_params = queryset.order_by().values("pk").query.sql_with_params()
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    content_types = list(get_descendants_content_types_pks(queryset.model))
    # The CASE keeps the cast away from entries of other models, whose ids need
    # not be numbers, and leaves the content type no index to be looked up by:
    # the only indexes PostgreSQL may use on the entries are the GIN ones.
    page_pk = "CASE WHEN content_type_id = ANY(%s) THEN object_id::integer END"
    matches = f"""
        SELECT entry.pk, entry.in_title FROM (
            SELECT {page_pk} AS pk, title @@ {tsquery} AS in_title
            FROM {table}
            WHERE title @@ {tsquery} OR body @@ {tsquery}
        ) entry
        WHERE entry.pk IN ({allowed})
        LIMIT %s
    """  # noqa: S608 - only compiled SQL and quoted names are formatted in
    matches_params = [
        content_types,
        *tsquery_params * 3,
        *allowed_params,
        COUNT_LIMIT + 1,
    ]
    # Titles are small and stored in the row, so sorting title matches by age
    # reads no vector; the newest come first, as in the stock ranking's ties.
    # Most often the newest entries hold enough of them, and then the older
    # ones, thousands for a common word, are never read: the second branch
    # runs only when the first falls short.
    newest = f"SELECT {page_pk} AS pk, id FROM {table} WHERE title @@ {tsquery}"  # noqa: S608
    titles = f"""
        SELECT entry.pk FROM (
            (
                {newest} AND id > (SELECT MAX(id) FROM {table}) - %s
                ORDER BY id DESC LIMIT %s
            ) UNION ALL (
                {newest} ORDER BY id DESC LIMIT %s
            )
        ) entry
        WHERE entry.pk IN ({allowed})
        LIMIT %s
    """  # noqa: S608 - only compiled SQL and quoted names are formatted in
    titles_params = [
        content_types,
        *tsquery_params,
        NEWEST_ENTRIES,
        2 * CANDIDATES,
        content_types,
        *tsquery_params,
        2 * CANDIDATES,
        *allowed_params,
        CANDIDATES,
    ]
    return matches, matches_params, titles, titles_params


def _results(cursor):
    """The rows of each statement of a multi-statement query that has any."""
    results = []
    while True:
        if cursor.description is not None:
            results.append(cursor.fetchall())
        if not cursor.nextset():
            return results


def find_matches(queryset, search_query):
    """(pks with the word in the title, other pks, count, whether there are more
    matches than the count): all the matches when there are no more than
    COUNT_LIMIT, else the newest title matches and the other matches first in
    the index bitmap's order, COUNT_LIMIT + 1 in all."""
    connection = connections[queryset.db]
    matches, matches_params, titles, titles_params = _matches_sql(
        queryset, search_query, connection
    )
    with connection.cursor() as cursor:
        # The planner does not count the cost of reading a body vector to test
        # it, so for a word on a few percent of the pages a sequential scan
        # that stops at the limit looks cheaper than the GIN bitmap, and reads
        # tens of thousands of vectors; the bitmap reads none. One round trip:
        # the statements run as one transaction, so the setting ends with it.
        cursor.execute(
            f"SET LOCAL enable_seqscan = off; {matches}; {titles}; RESET enable_seqscan",
            [*matches_params, *titles_params],
        )
        rows, newest_titles = _results(cursor)
    in_body = [pk for pk, title_matches in rows if not title_matches]
    if len(rows) <= COUNT_LIMIT:
        in_title = [pk for pk, title_matches in rows if title_matches]
        return in_title, in_body, len(rows), False
    # The second branch repeats what the first found.
    in_title = list(dict.fromkeys(pk for (pk,) in newest_titles))
    return in_title, in_body, len(rows), True


def candidates(in_title, in_body):
    """The pks worth ranking: all of them when they are few."""
    if len(in_title) + len(in_body) <= RANK_ALL:
        return in_title + in_body, True
    return in_title[:CANDIDATES] + in_body[:CANDIDATES], False
