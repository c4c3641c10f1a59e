"""Turn plain-text or HTML documents written by Thai foundations into page content.

Pure Python, no database: the ``import_pages`` management command validates every
file with these functions before it creates anything.

The documents are reports pasted out of web pages and word processors, so their
structure is implied rather than marked up: numbered lists written as "1.", "1.1",
"๑.๑" or "ก.", sub-items glued to the line above ("เช่น2.1 กรณี"), lists inside a
paragraph ("ดังนี้ 1. ... 2. ..."), "✤" section headings. Where a guess could go
either way the parser keeps the text as a paragraph: a paragraph shown as a
paragraph loses nothing, a sentence turned into a heading or a list item misleads.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from thai.digits import THAI_DIGITS, to_arabic_digits, to_thai_digits
from thai.text import CONSONANTS, INVISIBLE

__all__ = [
    "DocumentError",
    "ParsedDocument",
    "decode_document",
    "extract_event_dates",
    "parse_document",
]

TITLE_MAX_LENGTH = 255
INTRO_MAX_LENGTH = 500
# ListItemBlock offers four levels; deeper items are shown at the deepest one.
MAX_LEVEL = 4


class DocumentError(ValueError):
    """A document that cannot be imported, with a message meant for the person importing it."""

    def __init__(self, name: str, problem: str):
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


# --- decoding -----------------------------------------------------------------

# Control characters that ordinary text files contain.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.05

_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|h[1-6]|ul|ol|li|table|section|article"
    r"|blockquote)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def decode_document(data: bytes, name: str) -> str:
    """Return the text of an uploaded document, HTML already turned into lines.

    Raises DocumentError for binary files, encodings other than UTF-8 and empty files.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DocumentError(name, _wrong_encoding("UTF-32"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError(name, _wrong_encoding("UTF-16"))
    if _looks_binary(data):
        if _looks_like_utf16(data):
            raise DocumentError(name, _wrong_encoding("UTF-16"))
        raise DocumentError(
            name, "is not a text document (it looks like a binary file such as an image or PDF)."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(name, _not_utf8(data, exc.start)) from None
    text = text.removeprefix("\ufeff")
    text = re.sub(r"\r\n?|[\u2028\u2029\x85\v\f]", "\n", text)
    if not text.strip():
        raise DocumentError(name, "is empty.")
    if _HTML_RE.search(text):
        text = html_to_text(text)
        if not text.strip():
            raise DocumentError(name, "is empty (the HTML has no visible text).")
    return text


def _wrong_encoding(encoding: str) -> str:
    return f"is not UTF-8 (it is saved as {encoding}). Save it as UTF-8 text and try again."


def _not_utf8(data: bytes, offset: int) -> str:
    message = f"is not UTF-8: byte 0x{data[offset]:02X} at offset {offset} is not valid UTF-8."
    try:
        legacy = data.decode("cp874")
    except UnicodeDecodeError:
        legacy = ""
    # Older Thai Windows and Office files are TIS-620/Windows-874; naming it saves a guess.
    # Thai text is mostly consonants, whereas Latin-1 accents land on Thai vowel marks.
    consonants = sum(1 for char in legacy if char in CONSONANTS)
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if consonants >= 3 and consonants >= 0.3 * non_ascii:
        message += " It looks like Thai text saved as TIS-620/Windows-874."
    return message + " Save it as UTF-8 text and try again."


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = sum(
        1 for byte in sample if (byte < 32 and byte not in _TEXT_CONTROLS) or byte == 127
    )
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def _looks_like_utf16(data: bytes) -> bool:
    # UTF-16 without a byte order mark: ASCII spaces, digits and newlines put a NUL
    # in every other byte, always on the same side.
    if len(data) % 2:
        return False
    sample = data[:_BINARY_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    if max(even, odd) < max(1, len(sample) // 100) or min(even, odd) > max(even, odd) / 10:
        return False
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    printable = sum(1 for char in text if char.isprintable() or char in "\t\r\n")
    return printable >= 0.95 * len(text)


# --- HTML to text ---------------------------------------------------------------

_PARAGRAPH_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "figure",
        "address",
        "hr",
        "form",
        "fieldset",
        "details",
    ]
)
_LINE_TAGS = frozenset(["div", "li", "tr", "dt", "dd", "caption", "figcaption", "summary"])
_SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "button",
    ]
)
# Marks a line as a heading for parse_document, as "■" does in plain-text documents.
_HEADING_MARK = "■"


class _HtmlToText(HTMLParser):
    """Block elements become lines, paragraphs are separated by blank lines.

    List items are written out with their numbers ("1.", "1.1", "•"), the way a
    plain-text document would have them, so both kinds of input go through the
    same list detection.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.fragments: list[str] = []
        self.prefix = ""
        self.skip_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.document_title: list[str] = []
        self.saw_h1 = False
        # One entry per open <ol>/<ul>: [tag, items so far, letter style or ""].
        self.lists: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "br":
            if self.fragments:
                self._flush()
            else:
                self._blank()
            return
        if tag in _PARAGRAPH_TAGS:
            self._blank()
        elif tag in _LINE_TAGS:
            self._flush()
        if tag == "pre":
            self.pre_depth += 1
        if tag == "h1":
            self.saw_h1 = True
        elif tag in {"h2", "h3", "h4", "h5", "h6"}:
            self.prefix = _HEADING_MARK + " "
        elif tag in {"ol", "ul"}:
            attributes = dict(attrs)
            start = attributes.get("start") or "1"
            count = int(start) - 1 if start.isdigit() else 0
            style = attributes.get("type") or ""
            self.lists.append([tag, count, style if style in {"a", "A"} else ""])
        elif tag == "li":
            self.prefix = self._item_label()
        elif tag in {"td", "th"} and self.fragments:
            self.fragments.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _PARAGRAPH_TAGS:
            self._blank()
        elif tag in _LINE_TAGS:
            self._flush()
        if tag in {"li", "h2", "h3", "h4", "h5", "h6"}:
            # An empty item or heading must not lend its number to the next line.
            self.prefix = ""
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag in {"ol", "ul"} and self.lists:
            self.lists.pop()

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.in_title:
            self.document_title.append(data)
        elif self.pre_depth:
            lines = data.split("\n")
            for line in lines[:-1]:
                self.fragments.append(line)
                self._flush(keep_empty=True)
            self.fragments.append(lines[-1])
        else:
            self.fragments.append(data)

    def _item_label(self) -> str:
        if not self.lists or self.lists[-1][0] == "ul":
            return "• "
        self.lists[-1][1] += 1
        tag, count, style = self.lists[-1]
        if style:
            letter = chr(ord(style) + (count - 1) % 26)
            return f"{letter}. "
        # <ol> inside <ol> gives "1.1", the way the documents number sub-items.
        numbers = []
        for list_tag, list_count, list_style in self.lists:
            if list_tag != "ol" or list_style:
                numbers = []
                continue
            numbers.append(str(list_count))
        if len(numbers) > 1:
            return ".".join(numbers) + " "
        return f"{count}. "

    def _flush(self, keep_empty: bool = False):
        text = "".join(self.fragments)
        self.fragments = []
        if not self.pre_depth:
            text = " ".join(text.split())
        if not text.strip():
            # Keep the prefix: in <li><p>text</p></li> the text comes after an empty flush.
            if keep_empty:
                self._blank()
            return
        prefix, self.prefix = self.prefix, ""
        if prefix and _LINE_LABEL_RE.match(text.strip()):
            # The author numbered the item by hand; do not number it twice.
            prefix = ""
        self.lines.append(prefix + text)

    def _blank(self):
        self._flush()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        self._flush()
        lines = self.lines
        title = " ".join("".join(self.document_title).split())
        if title and not self.saw_h1:
            lines = [title, ""] + lines
        return "\n".join(lines).strip("\n") + "\n"


def html_to_text(source: str) -> str:
    parser = _HtmlToText()
    parser.feed(source)
    parser.close()
    return parser.text()


# --- labels -------------------------------------------------------------------

_DIGIT = f"0-9{THAI_DIGITS}"
_NUMBER = rf"[{_DIGIT}]{{1,3}}"
# Thai lists are labelled ก. ข. ค. ..., skipping the obsolete letters and ฆ.
_THAI_LETTERS = "".join(letter for letter in CONSONANTS if letter not in "ฃฅฆฤฦ")
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_BULLETS = "•●▪◦‣∙"
_HEADING_MARKS = "✤■□◆◇❖★☆▶►"

# A label at the start of a line. Numbers must not run on into more digits, so
# "4.00 น." and "15.10.2009" are not labels; years ("2562") have too many digits.
_LINE_LABEL_RE = re.compile(
    rf"""
    (?:
        \((?P<paren>{_NUMBER})\)
      | (?P<multi>{_NUMBER}(?:\.{_NUMBER})+)[.)]?(?!\.?[{_DIGIT}])
      | (?P<single>{_NUMBER})[.)](?![{_DIGIT}])
      | \((?P<paren_letter>[a-zA-Z{_THAI_LETTERS}])\)(?=\s)
      | (?P<letter>[a-zA-Z{_THAI_LETTERS}])[.)](?=\s|$)
      | (?P<bullet>[{_BULLETS}]|[-–](?![-–{_DIGIT}]))
    )
    \s*(?P<rest>.*)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Node:
    """One level of the numbering context: a number or a letter, in the author's script."""

    kind: str  # "number" or "letter"
    value: int  # the number, or the letter's position in its alphabet
    script: str  # "arabic"/"thai" digits, or "latin"/"LATIN"/"thai" letters


@dataclass
class _Label:
    kind: str  # "number", "letter" or "bullet"
    label: str  # as stored: "1.", "1.1", "๑.๑", "(1)", "a.", "" for bullets
    parts: tuple[int, ...] = ()
    script: str = ""
    letter: int = 0
    bullet: str = ""


def _number_label(raw: str, parenthesised: bool = False) -> _Label | None:
    pieces = raw.split(".")
    parts = tuple(int(to_arabic_digits(piece)) for piece in pieces)
    if any(part < 1 for part in parts) or len(parts) > MAX_LEVEL:
        return None
    script = "thai" if any(char in THAI_DIGITS for char in raw) else "arabic"
    if parenthesised:
        label = f"({raw})"
    elif len(parts) == 1:
        label = f"{raw}."
    else:
        label = raw
    return _Label("number", label, parts=parts, script=script)


def _letter_label(letter: str, parenthesised: bool = False) -> _Label:
    if letter in _THAI_LETTERS:
        script, position = "thai", _THAI_LETTERS.index(letter)
    elif letter.islower():
        script, position = "latin", _LATIN_LETTERS.index(letter)
    else:
        script, position = "LATIN", _LATIN_LETTERS.index(letter.lower())
    label = f"({letter})" if parenthesised else f"{letter}."
    return _Label("letter", label, script=script, letter=position)


def _match_line_label(line: str) -> tuple[_Label, str] | None:
    match = _LINE_LABEL_RE.match(line)
    if not match:
        return None
    rest = match["rest"].strip()
    if match["paren"]:
        label = _number_label(match["paren"], parenthesised=True)
    elif match["multi"]:
        label = _number_label(match["multi"])
    elif match["single"]:
        label = _number_label(match["single"])
    elif match["paren_letter"]:
        label = _letter_label(match["paren_letter"], parenthesised=True)
    elif match["letter"]:
        label = _letter_label(match["letter"])
    else:
        if not rest:
            # A lone "-" is a separator line, not an empty bullet.
            return None
        label = _Label("bullet", "", bullet=match["bullet"])
    if label is None:
        return None
    return label, rest


def _letter_of(script: str, position: int) -> str:
    if script == "thai":
        return _THAI_LETTERS[position]
    letter = _LATIN_LETTERS[position]
    return letter.upper() if script == "LATIN" else letter


def _digits(parts, script: str) -> str:
    text = ".".join(str(part) for part in parts)
    return to_thai_digits(text) if script == "thai" else text


class _Numbering:
    """Where the author is in their numbering, to tell labels from figures.

    "2.1" is a label right after "2." but "2.5" there is a figure; "2." continues
    "1.1" but "7." does not. The context survives headings and paragraphs, since
    documents often interrupt a list with a heading and carry on with "1.1".
    """

    def __init__(self):
        self.path: list[_Node] = []

    def _numbers(self) -> list[int]:
        numbers = []
        for node in self.path:
            if node.kind != "number":
                break
            numbers.append(node.value)
        return numbers

    @property
    def script(self) -> str:
        for node in self.path:
            if node.kind == "number":
                return node.script
        return "arabic"

    def expected_numbers(self) -> list[tuple[int, ...]]:
        """Part tuples that continue the list: first child, then next siblings outward."""
        numbers = self._numbers()
        expected = []
        if numbers and len(numbers) == len(self.path) and len(numbers) < MAX_LEVEL:
            expected.append((*numbers, 1))
        for depth in range(len(numbers) - 1, -1, -1):
            expected.append((*numbers[:depth], numbers[depth] + 1))
        return expected

    def expected_letters(self) -> list[tuple[str, int]]:
        if self.path and self.path[-1].kind == "letter":
            last = self.path[-1]
            alphabet = _THAI_LETTERS if last.script == "thai" else _LATIN_LETTERS
            if last.value + 1 < len(alphabet):
                return [(last.script, last.value + 1)]
            return []
        if self.path:
            return [("latin", 0), ("LATIN", 0), ("thai", 0)]
        return []

    def accepts(self, label: _Label, at_line_start: bool) -> bool:
        if label.kind == "bullet":
            return True
        if label.kind == "letter":
            if (label.script, label.letter) in self.expected_letters():
                return True
            # A letter list can also start on its own ("a." or "ก." at a line start).
            return at_line_start and label.letter == 0
        if label.parts in self.expected_numbers():
            return True
        if not at_line_start:
            return False
        # A fresh list ("1.") or a sub-list the document starts in the middle ("2.1").
        return label.parts[-1] == 1

    def is_restart(self, label: _Label) -> bool:
        return label.kind == "number" and label.parts == (1,)

    def advance(self, label: _Label) -> int:
        """Move to ``label`` and return its level."""
        if label.kind == "number":
            self.path = [_Node("number", part, label.script) for part in label.parts]
            return len(label.parts)
        if label.kind == "letter":
            if self.path and self.path[-1].kind == "letter":
                self.path = self.path[:-1]
            self.path = [*self.path, _Node("letter", label.letter, label.script)]
            return len(self.path)
        raise ValueError(label.kind)

    def inline_candidates(self) -> list[tuple[re.Pattern, _Label]]:
        """Patterns for labels that may continue the list in the middle of running text."""
        candidates = []
        script = self.script
        for parts in self.expected_numbers():
            written = _digits(parts, script)
            if len(parts) > 1:
                # Sub-items are glued to the word before them ("เช่น2.1 กรณี").
                pattern = re.compile(
                    rf"(?<![{_DIGIT}.A-Za-z]){re.escape(written)}[.)]?(?![{_DIGIT}]|\.[{_DIGIT}])"
                )
                label = written
            else:
                pattern = re.compile(rf"(?<!\S){re.escape(written)}[.)](?=\s)")
                label = f"{written}."
            candidates.append((pattern, _Label("number", label, parts=parts, script=script)))
        for letter_script, position in self.expected_letters():
            letter = _letter_of(letter_script, position)
            pattern = re.compile(rf"(?<!\S){re.escape(letter)}[.)](?=\s)")
            candidates.append(
                (pattern, _Label("letter", f"{letter}.", script=letter_script, letter=position))
            )
        return candidates


def _find_inline(text: str, numbering: _Numbering) -> tuple[re.Match, _Label] | None:
    found = None
    for pattern, label in numbering.inline_candidates():
        match = pattern.search(text)
        if match and match.start() > 0 and (found is None or match.start() < found[0].start()):
            found = (match, label)
    return found


def _inline_list_start(text: str, following: str) -> tuple[re.Match, _Label] | None:
    """Find "1. ... 2. ..." written inside running text.

    Accepted only when a "2." in the same digits follows, in this paragraph or the
    paragraphs after it, so a lone "1." in a sentence stays text.
    """
    for match in re.finditer(r"(?<!\S)([1๑])\.(?=\s)", text):
        if match.start() == 0:
            continue
        two = "2" if match.group(1) == "1" else "๒"
        after = text[match.end() :] + "\n" + following
        if re.search(rf"(?<!\S){two}\.(?=\s)", after):
            return match, _number_label(match.group(1))
    return None


# --- parsing ------------------------------------------------------------------


@dataclass
class _Item:
    label: str
    text: str
    level: int
    bullet: str = ""
    restart: bool = False


@dataclass
class _Paragraph:
    text: str
    lines: int = 1
    whole_line: bool = True


@dataclass
class _Heading:
    text: str


@dataclass
class ParsedDocument:
    title: str
    blocks: list[dict] = field(default_factory=list)

    @property
    def intro(self) -> str:
        """The first paragraph as plain text, shortened for listings and previews."""
        for block in self.blocks:
            if block["type"] == "paragraph":
                text = html.unescape(re.sub(r"<[^>]+>", "", block["value"])).strip()
                return _shorten(text, INTRO_MAX_LENGTH)
        return ""


_OPENING_QUOTES = "\"'“‘«„「『"
_CLOSING_QUOTES = "\"'”’»“」』"
_FINAL_PUNCTUATION = ".!?;,…ฯ\"'”’»"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # Thai has no spaces between words, so only cut at a space near the end.
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _clean_title(line: str) -> str:
    title = _collapse(line).lstrip(_HEADING_MARKS).strip()
    while len(title) >= 2 and title[0] in _OPENING_QUOTES and title[-1] in _CLOSING_QUOTES:
        title = title[1:-1].strip()
    return _shorten(title, TITLE_MAX_LENGTH)


def _visible_length(text: str) -> int:
    # Thai vowel and tone marks sit above or below a letter and take no width.
    return sum(1 for char in text if unicodedata.category(char) != "Mn")


def _clean_line(line: str) -> str:
    # Runs of spaces are column alignment from word processors; HTML would collapse them.
    return _collapse(line).strip(INVISIBLE + " ")


def _chunks(lines: list[str]) -> list[list[str]]:
    chunks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _heading_from_mark(line: str) -> str | None:
    if line[:1] in _HEADING_MARKS:
        text = line.lstrip(_HEADING_MARKS).strip().rstrip(":：").strip()
        # HeadingBlock holds 200 characters; a longer "heading" is a marked paragraph.
        if text and _visible_length(text) <= 150 and len(text) <= 200:
            return text
    return None


class _Parser:
    def __init__(self, chunks: list[list[str]]):
        self.chunks = chunks
        self.units: list = []
        self.numbering = _Numbering()
        self.open = None  # the unit that following lines of the same chunk extend

    def run(self) -> list:
        for index, chunk in enumerate(self.chunks):
            self.index = index
            last = self.units[-1] if self.units else None
            # "b." alone on a line, its text in the next paragraph.
            self.open = last if isinstance(last, _Item) and not last.text else None
            for line in chunk:
                self._line(line)
            self._close()
        return self.units

    def _plain_text_after(self, index: int) -> list[str]:
        # Paragraphs up to the next heading or list line, where an inline list may continue.
        texts = []
        for chunk in self.chunks[index + 1 :]:
            first = chunk[0]
            if _heading_from_mark(first) is not None or _match_line_label(first):
                break
            texts.append(" ".join(chunk))
        return texts

    def _line(self, line: str):
        heading = _heading_from_mark(line)
        if heading is not None:
            self._close()
            self.units.append(_Heading(heading))
            return
        matched = _match_line_label(line)
        if matched:
            was_open = self.open is not None
            # Finish the line before first: a sub-item glued into it changes what comes next.
            self._close()
            label, rest = matched
            if self.numbering.accepts(label, at_line_start=True):
                self._add_item(label, rest)
                return
            if was_open:
                # Not a label after all ("2.5 ล้านบาท"): the line carries on the text above.
                self.open = self.units[-1]
        if self.open is None:
            self.open = _Paragraph(line)
            self.units.append(self.open)
        else:
            self.open.text = f"{self.open.text} {line}".strip()
            if isinstance(self.open, _Paragraph):
                self.open.lines += 1

    def _add_item(self, label: _Label, text: str):
        restart = self.numbering.is_restart(label)
        if label.kind == "bullet":
            level = min(self._bullet_level(), MAX_LEVEL)
        else:
            level = min(self.numbering.advance(label), MAX_LEVEL)
        item = _Item(label.label, text, level, bullet=label.bullet, restart=restart)
        self.units.append(item)
        self.open = item

    def _bullet_level(self) -> int:
        for unit in reversed(self.units):
            if not isinstance(unit, _Item):
                return 1
            if not unit.bullet:
                return unit.level + 1
        return 1

    def _close(self):
        unit, self.open = self.open, None
        if isinstance(unit, _Item):
            self._split_item(unit)
        elif isinstance(unit, _Paragraph):
            self._split_paragraph(unit)

    def _split_item(self, item: _Item):
        while True:
            if item.bullet:
                # "-ประชุม... - แบ่งบทบาท... - ประสาน..." is one bullet per dash.
                parts = re.split(rf"\s{re.escape(item.bullet)}\s*(?=\S)", item.text, maxsplit=1)
                if len(parts) == 2 and parts[0].strip():
                    item.text = parts[0].strip()
                    item = _Item("", parts[1].strip(), item.level, bullet=item.bullet)
                    self.units.append(item)
                    continue
                return
            found = _find_inline(item.text, self.numbering)
            if not found:
                return
            match, label = found
            rest = item.text[match.end() :].strip()
            item.text = item.text[: match.start()].strip()
            self._add_item(label, rest)
            self.open = None
            item = self.units[-1]

    def _split_paragraph(self, paragraph: _Paragraph):
        found = _find_inline(paragraph.text, self.numbering)
        if found is None:
            following = "\n".join(self._plain_text_after(self.index))
            found = _inline_list_start(paragraph.text, following)
        if not found:
            return
        match, label = found
        rest = paragraph.text[match.end() :].strip()
        paragraph.text = paragraph.text[: match.start()].strip()
        paragraph.whole_line = False
        if self.numbering.is_restart(label):
            self.numbering.path = []
        self._add_item(label, rest)
        self.open = None
        self._split_item(self.units[-1])


def _is_bare_heading(units: list, index: int) -> bool:
    """A short line on its own, such as "วัตถุประสงค์", followed by what it introduces."""
    unit = units[index]
    if not (isinstance(unit, _Paragraph) and unit.lines == 1 and unit.whole_line):
        return False
    text = unit.text.rstrip(":：").strip()
    if not text or _visible_length(text) > 60 or _visible_length(text) < 3:
        return False
    if re.search(rf"[{_DIGIT}]", text) or text[-1] in _FINAL_PUNCTUATION:
        return False
    if text[0] in _OPENING_QUOTES + "([" or text.count(" ") > 6:
        return False
    after = units[index + 1] if index + 1 < len(units) else None
    before = units[index - 1] if index > 0 else None
    if isinstance(after, _Item):
        # A line between two items of the same list belongs to the list, not above it.
        return not (isinstance(before, _Item) and not after.restart)
    if isinstance(after, _Paragraph):
        return _visible_length(after.text) >= 2 * _visible_length(text) and (
            _visible_length(after.text) >= 60
        )
    return False


def _blocks(units: list) -> list[dict]:
    blocks: list[dict] = []
    items: list[dict] | None = None
    for index, unit in enumerate(units):
        if isinstance(unit, _Item):
            if not unit.text:
                # A label whose text never came ("b." at the end) would be an empty item.
                continue
            starts_new = items is None or (
                unit.restart and any(item["label"] and item["level"] == 1 for item in items)
            )
            if starts_new:
                items = []
                blocks.append({"type": "numbered_list", "value": {"items": items}})
            items.append({"label": unit.label, "text": unit.text, "level": unit.level})
            continue
        items = None
        if isinstance(unit, _Heading):
            blocks.append({"type": "heading", "value": {"text": unit.text, "level": "h2"}})
        elif unit.text:
            if _is_bare_heading(units, index):
                text = unit.text.rstrip(":：").strip()
                blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
            else:
                blocks.append({"type": "paragraph", "value": f"<p>{html.escape(unit.text)}</p>"})
    return blocks


def _same_title(line: str, title: str) -> bool:
    return _clean_title(line).casefold() == title.casefold()


def parse_document(text: str) -> ParsedDocument:
    """Split a document into its title and StreamField blocks (raw form)."""
    lines = [_clean_line(line) for line in text.split("\n")]
    start = next((index for index, line in enumerate(lines) if line), None)
    if start is None:
        return ParsedDocument(title="")
    title = _clean_title(lines[start])
    body = lines[start + 1 :]
    # Pages saved from the web repeat the title as the heading of the article, often
    # after a byline or a few photo captions.
    seen = 0
    for index, line in enumerate(body):
        if not line:
            continue
        seen += 1
        if seen > 20:
            break
        if _same_title(line, title):
            body[index] = ""
            break
    units = _Parser(_chunks(body)).run()
    return ParsedDocument(title=title, blocks=_blocks(units))


# --- event dates ----------------------------------------------------------------

_MONTH_NAME_RE = re.compile(
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
    r"|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\."
)
_DATE_SEARCH_LINES = 30


def extract_event_dates(text: str):
    """Return ``(start, end)`` of the event a report describes, or ``(None, None)``.

    Lines that start with "วันที่" name the event's own date, so they win over
    dates elsewhere near the top, such as a reporting period in the subtitle.
    """
    try:
        from thai.dates import parse_thai_date_range
    except ImportError:
        return None, None
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_DATE_SEARCH_LINES]
    dated = [line for line in lines if line.startswith("วันที่")]
    named = [line for line in lines if _MONTH_NAME_RE.search(line) and line not in dated]
    for line in dated + named:
        start, end = parse_thai_date_range(line)
        if start is not None:
            if end is not None and end < start:
                end = None
            return start, end
    return None, None
