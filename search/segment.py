"""Thai word segmentation shared by indexing, querying and highlighting.

Thai is written without spaces, so search backends see a whole run of Thai
letters as one word. Text is segmented into dictionary words (PyThaiNLP's
dictionary, the newmm algorithm in its Rust build) before it reaches the
backend, and a reader's query is segmented the same way, so both sides agree
on what a word is.
"""

import re
import unicodedata
from functools import lru_cache

from pythainlp.corpus.tnc import unigram_word_freqs

from thai.text import LETTERS, THAI_RUN, normalise
from thai.words import dictionary, segment

# "มยส." or "ส.ส." – consonants and dots are an abbreviation, kept as one word.
THAI_ABBREVIATION = re.compile(f"(?<![{LETTERS}])((?:[ก-ฮ]{{1,6}}\\.)+)")
CONSONANTS_ONLY = re.compile("[ก-ฮ]{2,6}")
MIN_PART_LENGTH = 2
MIN_COMPOUND_LENGTH = 5
LONGEST_WORD = 30
# A short part must be a word in its own right in running text (Thai National
# Corpus counts), not a syllable of a loanword: ประชุม is not ประ + ชุม.
LONG_PART_LENGTH = 5
MIN_PART_FREQUENCY = 500
MIN_PART_SHARE = 0.3


@lru_cache(maxsize=1)
def frequencies():
    return unigram_word_freqs()


def thai_words_of_run(run):
    """Dictionary words of one run of Thai letters, in order; a run of consonants
    that is not a word is an abbreviation (มยส), kept whole."""
    return list(_cached_words_of_run(run))


# Pages of one site repeat the same phrases (names, programmes, places), and
# segmenting a run costs far more than looking it up.
@lru_cache(maxsize=200_000)
def _cached_words_of_run(run):
    if CONSONANTS_ONLY.fullmatch(run) and run not in dictionary():
        return (run,)
    return tuple(segment(run))


@lru_cache(maxsize=100_000)
def compound_parts(word):
    """The words a compound is made of (ฉีดวัคซีน → ฉีด, วัคซีน), or none.

    The fewest dictionary words that cover the whole word exactly, each at
    least two letters long and common on its own, so "พยาบาล" never yields
    "ยา" and "ภูมิภาค" yields "ภาค" but never "ภาคี".
    """
    length = len(word)
    if length < MIN_COMPOUND_LENGTH:
        return ()
    words = dictionary()
    counts = frequencies()
    least_count = max(MIN_PART_FREQUENCY, MIN_PART_SHARE * counts.get(word, 0))
    # fewest[i]: (number of parts covering word[:i], where the last one starts)
    fewest = [(0, 0)] + [None] * length
    for end in range(MIN_PART_LENGTH, length + 1):
        for start in range(max(0, end - LONGEST_WORD), end - MIN_PART_LENGTH + 1):
            part = word[start:end]
            if (
                fewest[start] is None
                or (start, end) == (0, length)
                or part not in words
                or (len(part) < LONG_PART_LENGTH and counts.get(part, 0) < least_count)
            ):
                continue
            if fewest[end] is None or fewest[start][0] + 1 < fewest[end][0]:
                fewest[end] = (fewest[start][0] + 1, start)
    if fewest[length] is None:
        return ()
    parts = []
    end = length
    while end:
        start = fewest[end][1]
        parts.append(word[start:end])
        end = start
    return tuple(reversed(parts))


# Asked for every word of every text indexed.
@lru_cache(maxsize=100_000)
def all_parts(word):
    """Every part of a compound, and the parts of those parts."""
    parts = []
    for part in compound_parts(word):
        parts.append(part)
        parts.extend(all_parts(part))
    return tuple(parts)


def _pieces(text):
    """Split normalised text into (is_thai, piece) in reading order."""
    position = 0
    for match in THAI_ABBREVIATION.finditer(text):
        yield from _plain_pieces(text[position : match.start()])
        yield True, match.group(1).replace(".", "")
        position = match.end()
    yield from _plain_pieces(text[position:])


def _plain_pieces(text):
    position = 0
    for match in THAI_RUN.finditer(text):
        if match.start() > position:
            yield False, text[position : match.start()]
        yield True, match.group()
        position = match.end()
    if position < len(text):
        yield False, text[position:]


def index_text(text):
    """Text as the search index should store it (see _segmented_for_index)."""
    if not text:
        return ""
    if isinstance(text, str):
        return _segmented_for_index(text)
    return _segmented_for_index.__wrapped__(text)


# The stock indexers read each field once per index column, so the same value
# comes back several times in a row.
@lru_cache(maxsize=4096)
def _segmented_for_index(text):
    """Text as the search index should store it: Thai words separated by
    spaces, other text unchanged, then the parts of each compound. The parts
    come last so that the words of a quoted phrase stay next to each other."""
    if not text:
        return ""
    words = []
    parts = []
    for is_thai, piece in _pieces(normalise(text)):
        if not is_thai:
            words.append(piece)
            continue
        for word in thai_words_of_run(piece):
            words.append(word)
            parts.extend(all_parts(word))
    return " ".join(" ".join(words + parts).split())


def phrase_words(text):
    """The words of a query as the index has them, in order."""
    words = []
    for is_thai, piece in _pieces(normalise(text)):
        if is_thai:
            words.extend(thai_words_of_run(piece))
        else:
            words.extend(_plain_words(piece))
    return words


def _plain_words(piece):
    """Words of text that is not Thai. A dot between letters or digits stays in
    the word ("PM2.5", "2.5"): PostgreSQL indexes such a word whole."""
    kept = [
        char
        if unicodedata.category(char)[0] in "LMN"
        or (
            char == "."
            and 0 < i < len(piece) - 1
            and piece[i - 1].isalnum()
            and piece[i + 1].isalnum()
        )
        else " "
        for i, char in enumerate(piece)
    ]
    return "".join(kept).split()


def query_words(text):
    """The words of a reader's query, each a tuple of the index words that
    must all be present. A compound asks for its parts, which are indexed
    wherever the compound is and also where its parts stand apart."""
    return [compound_parts(word) or (word,) for word in phrase_words(text)]


def query_terms(text):
    """The words of a query and the parts of its compounds, without repeats:
    everything a result may contain that the reader asked for."""
    terms = []
    for word in phrase_words(text):
        terms.append(word)
        terms.extend(compound_parts(word))
    return list(dict.fromkeys(terms))
