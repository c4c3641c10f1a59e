"""What both database backends share: segmented index values and queries."""

from wagtail.search.index import RelatedFields

from search.segment import index_text, phrase_words, query_words

# Index columns that hold the values of the model's search fields.
TITLE_COLUMN = "title"
BODY_COLUMN = "body"


class SegmentingIndexerMixin:
    """Segments each search field's value as it is read from the object."""

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            # Each related field comes back through prepare_field on its own.
            yield from super().prepare_field(obj, field)
            return
        for *prepared, value in super().prepare_field(obj, field):
            yield (*prepared, index_text(value))


def index_columns(fields):
    """The index columns that hold the given search fields. The index keeps a
    segmented copy of the title and of all other fields together, so a search
    restricted to some fields reads the column that holds them."""
    return sorted({TITLE_COLUMN if name == TITLE_COLUMN else BODY_COLUMN for name in fields})


def combine_query_words(text, operator, lexeme, prefix_last=False):
    """Lexemes for a plain-text query: the parts of one word are all required;
    words are joined by the query's operator (and/or). None when nothing in the
    text can be searched for."""
    words = query_words(text)
    if not words:
        return None
    combined = None
    for position, parts in enumerate(words):
        last_word = position == len(words) - 1
        word = None
        for index, part in enumerate(parts):
            is_prefix = prefix_last and last_word and index == len(parts) - 1
            word = lexeme(part, is_prefix) if word is None else word & lexeme(part, is_prefix)
        if combined is None:
            combined = word
        elif operator.lower() == "or":
            combined = combined | word
        else:
            combined = combined & word
    return combined


def segmented_phrase(text):
    return " ".join(phrase_words(text))
