"""What both database backends share: segmented index values and queries."""

from search.segment import index_text, phrase_words, query_words
from search.segment_workers import Segmentations

# Index columns that hold the values of the model's search fields.
TITLE_COLUMN = "title"
BODY_COLUMN = "body"
# Pages whose texts go to the segmenting workers together.
SEGMENTING_GROUP = 50


class SegmentingIndexerMixin:
    """Segments each search field's value as it is read from the object.

    The stock indexers read every field again for each index column (five
    times on PostgreSQL); each field is read from the object once here, and
    its values can be segmented in worker processes beforehand
    (`raw_texts`, then `segmentations`)."""

    segmentations = None
    _reading = False

    def prepare_field(self, obj, field):
        if self._reading:
            # Inside a related field's values: kept as they are, segmented once outside.
            yield from super().prepare_field(obj, field)
            return
        for *prepared, value in self._read(obj, field):
            yield (*prepared, self._segmented(value))

    def raw_texts(self):
        """Every value this object puts in the index, as the object has it."""
        return [
            value
            for field in self.search_fields
            for *_prepared, value in self._read(self.obj, field)
        ]

    def _read(self, obj, field):
        if obj is not self.obj:
            return self._read_now(obj, field)
        read = self.__dict__.setdefault("_read_values", {})
        if id(field) not in read:
            read[id(field)] = self._read_now(obj, field)
        return read[id(field)]

    def _read_now(self, obj, field):
        self._reading = True
        try:
            return list(super().prepare_field(obj, field))
        finally:
            self._reading = False

    def _segmented(self, value):
        if self.segmentations is not None:
            return self.segmentations.get(value)
        return index_text(value)


def segment_ahead(indexers, workers):
    """Starts segmenting the indexers' texts in worker processes; each indexer
    then reads its segmented values from there."""
    segmentations = Segmentations(workers)
    # A group at a time, so that the workers start while later pages are read.
    for start in range(0, len(indexers), SEGMENTING_GROUP):
        group = indexers[start : start + SEGMENTING_GROUP]
        segmentations.submit([text for indexer in group for text in indexer.raw_texts()])
        for indexer in group:
            indexer.segmentations = segmentations
    return segmentations


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
