"""A short excerpt of a result around the words the reader searched for, with
those words marked. Thai words are found on word boundaries (ยา is not marked
inside โรงพยาบาล), using the same segmentation as the index."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.search.index import SearchField

from thai.text import THAI_RUN, normalise

from .segment import compound_parts, thai_words_of_run

EXCERPT_LENGTH = 260
CONTEXT_BEFORE = 70
# Only the start of a long page is searched for a place to quote from.
SCANNED_LENGTH = 20_000
OTHER_WORD = re.compile(r"\w+")


def page_text(page):
    """The text a page was indexed with, apart from its title."""
    texts = [page.search_description or ""]
    for search_field in page.get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name == "title":
            continue
        value = search_field.get_value(page)
        if isinstance(value, list | tuple):
            value = " ".join(str(item) for item in value)
        texts.append(strip_tags(str(value or "")))
    return " ".join(" ".join(texts).split())


def _thai_spans(run, offset, terms):
    position = offset
    for word in thai_words_of_run(run):
        if word in terms:
            yield position, position + len(word)
        else:
            part_start = position
            for part in compound_parts(word):
                if part in terms:
                    yield part_start, part_start + len(part)
                part_start += len(part)
        position += len(word)


def matched_spans(text, terms):
    """(start, end) of each searched word in `text`, in order."""
    folded = normalise(text)
    if len(folded) != len(text):
        # Normalising changed the length (a decomposed SARA AM or an invisible
        # character), so positions would not line up: work on the folded text.
        text = folded
    terms = {term.casefold() for term in terms}
    spans = []
    for match in THAI_RUN.finditer(folded):
        spans.extend(_thai_spans(match.group(), match.start(), terms))
    for match in OTHER_WORD.finditer(folded):
        word = match.group().casefold()
        if THAI_RUN.search(word):
            continue
        if word in terms or any(len(t) >= 3 and word.startswith(t) for t in terms):
            spans.append((match.start(), match.end()))
    return text, _merged(sorted(spans))


def _merged(spans):
    """Adjacent marks become one: "เครือ" + "ข่าย" is marked as "เครือข่าย"."""
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text, first_match):
    start = max(0, first_match - CONTEXT_BEFORE)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first_match - space < CONTEXT_BEFORE * 2 else start
    end = min(len(text), start + EXCERPT_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first_match else end
    return start, end


def excerpt(text, terms):
    """Escaped HTML: part of `text` around the first searched word, with the
    searched words in <mark>. The start of the text when nothing matches."""
    text = text[:SCANNED_LENGTH]
    text, spans = matched_spans(text, terms)
    start, end = _window(text, spans[0][0] if spans else 0)
    pieces = ["…" if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    pieces.append("…" if end < len(text) else "")
    # Every piece of text is escaped above.
    return mark_safe("".join(pieces))
