"""Thai segmentation of many texts at once in worker processes.

Segmenting is most of the work of indexing and needs nothing but the text, so
a batch of pages (update_index, the search benchmark) hands its texts to a
pool of forked processes while it reads further pages and writes finished
ones to the database. Only the parent process touches the database.
"""

import atexit
import multiprocessing
import os
import threading

from . import segment

# Below this many texts the pool costs more than it saves, and a single page
# saved in a web request never forks.
MIN_TEXTS = 40
# Texts sent to a worker at a time: enough to keep the pipes quiet, few
# enough that both workers finish a batch together.
CHUNK_SIZE = 16
MAX_WORKERS = 4

_lock = threading.Lock()
_pools = {}


def default_workers():
    return min(MAX_WORKERS, os.cpu_count() or 1)


def pool_running():
    """Whether this process has started its segmenting workers."""
    return os.getpid() in _pools


def _pool(workers):
    with _lock:
        pool = _pools.get(os.getpid())
        if pool is None:
            # The dictionaries load once here and the workers inherit them.
            segment.index_text("ภาคีเครือข่าย")
            # Fork: the workers start at once, with the parent's caches.
            pool = multiprocessing.get_context("fork").Pool(workers)
            _pools[os.getpid()] = pool
        return pool


@atexit.register
def _close_pools():
    pool = _pools.pop(os.getpid(), None)
    if pool is not None:
        pool.terminate()


class Segmentations:
    """Segmented copies of texts, worked out in the background: `submit` sends
    texts to the workers, `get` gives a text's segmented copy, waiting for it
    if need be, and segments it here if it was never submitted."""

    def __init__(self, workers):
        self.workers = workers
        self.pending = []
        self.done = {}
        self.submitted = set()

    def submit(self, texts):
        new = [text for text in dict.fromkeys(texts) if text and text not in self.submitted]
        self.submitted.update(new)
        if self.workers > 1 and len(new) >= MIN_TEXTS:
            pool = _pool(self.workers)
            self.pending.append((new, pool.map_async(_segment_all, _chunks(new))))
        else:
            self.pending.append((new, None))

    def get(self, text):
        if not text:
            return ""
        found = self.done.get(text)
        if found is not None:
            return found
        while self.pending and text not in self.done:
            self._collect_next()
        return self.done.get(text) or segment.index_text(text)

    def _collect_next(self):
        texts, result = self.pending.pop(0)
        if result is None:
            segmented = [segment.index_text(text) for text in texts]
        else:
            segmented = [each for chunk in result.get() for each in chunk]
        self.done.update(zip(texts, segmented, strict=True))


def _chunks(texts):
    return [texts[start : start + CHUNK_SIZE] for start in range(0, len(texts), CHUNK_SIZE)]


def _segment_all(texts):
    return [segment.index_text(text) for text in texts]
