"""Thai word segmentation: Thai is written without spaces between words.

One segmenter for the whole site (search, slugs, the demo e-books): the newmm
algorithm in its Rust build (nlpo3) with PyThaiNLP's word list.
"""

from functools import lru_cache
from pathlib import Path

import nlpo3
from pythainlp.corpus import corpus_path, thai_words

DICTIONARY_NAME = "thai-words"


@lru_cache(maxsize=1)
def dictionary():
    """PyThaiNLP's Thai word list, as a frozenset."""
    return thai_words()


@lru_cache(maxsize=1)
def _segmenter_ready():
    # PyThaiNLP's own word list file, so both libraries share one dictionary.
    nlpo3.load_dict(str(Path(corpus_path()) / "words_th.txt"), DICTIONARY_NAME)
    return True


def segment(run):
    """The words of a run of Thai text, in order, without blanks."""
    _segmenter_ready()
    return [word for word in nlpo3.segment(run, DICTIONARY_NAME, safe=True) if word.strip()]
