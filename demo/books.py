"""E-book files for the demo: a real PDF (fpdf2, with the vendored Sarabun font
for Thai), a minimal EPUB 3 and ISBN-13 check digits.
"""

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF

from thai.text import COMBINING_MARKS, has_thai
from thai.words import segment

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "Sarabun-Regular.ttf"
FONT = "Sarabun"


def isbn13(stem):
    """The full ISBN-13 for a 12-digit stem, hyphenated as 978-616-xxxx-xx-c."""
    digits = [int(ch) for ch in stem if ch.isdigit()]
    if len(digits) != 12:
        raise ValueError(f"An ISBN-13 stem has 12 digits, not {len(digits)}: {stem!r}")
    total = sum(digit * (1 if i % 2 == 0 else 3) for i, digit in enumerate(digits))
    check = (10 - total % 10) % 10
    plain = "".join(map(str, digits)) + str(check)
    return f"{plain[:3]}-{plain[3:6]}-{plain[6:10]}-{plain[10:12]}-{plain[12]}"


@dataclass
class Book:
    title: str
    authors: str
    publisher: str
    isbn: str
    year: int
    publication_date: date
    chapters: list  # of (title, [paragraphs])
    series: str = ""
    volume: int | None = None
    language: str = "th"
    cover: bytes | None = None  # JPEG
    identifier: str = ""
    notes: list = field(default_factory=list)


@dataclass
class RenderedPdf:
    data: bytes
    page_count: int
    chapter_pages: list  # the page each chapter starts on, counting the cover as 1


def shaping_available():
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


class _BookPdf(FPDF):
    def footer(self):
        if self.page_no() <= 2:  # no number on the cover and the title page
            return
        self.set_y(-12)
        self.set_font(FONT, size=9)
        self.set_text_color(120, 120, 120)
        self.cell(0, 6, str(self.page_no()), align="C")


def _clusters(word):
    """Split `word` between characters, never before a combining Thai mark."""
    clusters = []
    for ch in word:
        # A line must never start with a Thai vowel or tone mark.
        if clusters and ch in COMBINING_MARKS:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def _pieces(text):
    """(piece, starts_a_spaced_word) for each word of `text`; Thai runs, which
    have no spaces between words, are split into words (thai.words)."""
    for word in text.split():
        parts = (segment(word) or [word]) if has_thai(word) else [word]
        for i, part in enumerate(parts):
            yield part, i == 0


def _wrap(pdf, text, width):
    """Break `text` into lines no wider than `width`, between words; a single
    word too long for a line is broken between character clusters."""
    lines, line = [], ""
    for piece, starts_word in _pieces(text):
        joiner = " " if line and starts_word else ""
        if pdf.get_string_width(line + joiner + piece) <= width:
            line += joiner + piece
            continue
        if line:
            lines.append(line)
        line = ""
        if pdf.get_string_width(piece) <= width:
            line = piece
            continue
        for cluster in _clusters(piece):
            if line and pdf.get_string_width(line + cluster) > width:
                lines.append(line)
                line = ""
            line += cluster
    if line:
        lines.append(line)
    return lines


def _paragraph(pdf, text, size=12, height=7.2, indent=8):
    pdf.set_font(FONT, size=size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for i, line in enumerate(_wrap(pdf, text, width - (indent if indent else 0))):
        pdf.set_x(pdf.l_margin + (indent if i == 0 else 0))
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.5)


def _render(book, chapter_pages, labels):
    pdf = _BookPdf(format=(148, 210), unit="mm")  # A5
    pdf.set_margins(16, 18, 16)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font(FONT, "", str(FONT_PATH))
    if shaping_available():
        pdf.set_text_shaping(True)
    pdf.set_title(book.title)
    pdf.set_author(book.authors)
    pdf.set_subject(book.series or book.title)
    pdf.set_creator("load_demo_content")
    pdf.set_lang(book.language)
    pdf.set_creation_date(datetime.combine(book.publication_date, datetime.min.time(), tzinfo=UTC))

    # 1: the cover, full bleed
    pdf.add_page()
    if book.cover is not None:
        pdf.image(io.BytesIO(book.cover), x=0, y=0, w=pdf.w, h=pdf.h)

    # 2: title page and contents
    pdf.add_page()
    pdf.set_font(FONT, size=22)
    pdf.multi_cell(0, 11, book.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=12)
    pdf.set_text_color(90, 90, 90)
    if book.series:
        series = f"{labels['series']} {book.series}"
        if book.volume:
            series += f" {labels['volume']} {book.volume}"
        pdf.cell(0, 7, series, new_x="LMARGIN", new_y="NEXT")
    for line in (
        book.authors,
        f"{labels['publisher']} {book.publisher} {book.year}",
        f"ISBN {book.isbn}",
    ):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(8)
    pdf.set_font(FONT, size=16)
    pdf.cell(0, 9, labels["contents"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=12)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for (title, _paragraphs), page in zip(book.chapters, chapter_pages, strict=True):
        pdf.cell(width - 14, 8, title)
        pdf.cell(14, 8, str(page) if page else "", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, size=9)
    pdf.set_text_color(110, 110, 110)
    for note in book.notes:
        pdf.multi_cell(0, 5, note, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)

    # 3…: one chapter per page or more
    starts = []
    for number, (title, paragraphs) in enumerate(book.chapters, start=1):
        pdf.add_page()
        starts.append(pdf.page_no())
        pdf.set_font(FONT, size=10)
        pdf.set_text_color(150, 80, 60)
        pdf.cell(0, 6, f"{labels['chapter']} {number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, size=18)
        for line in _wrap(pdf, title, width):
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for text in paragraphs:
            _paragraph(pdf, text)
    return pdf, starts


LABELS = {
    "th": {
        "series": "ชุด",
        "volume": "เล่ม",
        "publisher": "จัดพิมพ์โดย",
        "contents": "สารบัญ",
        "chapter": "บทที่",
    },
    "en": {
        "series": "Series:",
        "volume": "volume",
        "publisher": "Published by",
        "contents": "Contents",
        "chapter": "Chapter",
    },
}


def build_pdf(book):
    """Lay the book out twice: once to learn where each chapter starts, then with
    those page numbers in the contents (which fit on the title page either way)."""
    labels = LABELS.get(book.language, LABELS["en"])
    _pdf, starts = _render(book, [None] * len(book.chapters), labels)
    pdf, final_starts = _render(book, starts, labels)
    if final_starts != starts:  # pragma: no cover - the contents never change the layout
        raise RuntimeError("The table of contents moved the chapters")
    data = bytes(pdf.output())
    return RenderedPdf(data=data, page_count=pdf.pages_count, chapter_pages=starts)


# --- EPUB 3 ------------------------------------------------------------------------------

_XHTML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{lang}" lang="{lang}">
<head><meta charset="utf-8"/><title>{title}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
{body}
</body>
</html>
"""

_CSS = """body { font-family: "Sarabun", "Noto Sans Thai", sans-serif; line-height: 1.7; margin: 1em; }
h1 { font-size: 1.5em; line-height: 1.4; }
.cover { text-align: center; margin: 0; padding: 0; }
.cover img { max-width: 100%; height: auto; }
"""


def build_epub(book, cover_jpeg=None):
    """A minimal, valid EPUB 3: the mimetype entry first and uncompressed, a
    container, a package document, a navigation document and one XHTML file per
    chapter (plus the cover when there is one)."""
    lang = book.language
    identifier = book.identifier or f"urn:isbn:{book.isbn.replace('-', '')}"
    modified = datetime.combine(book.publication_date, datetime.min.time()).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    chapters = [
        (f"chapter-{i}.xhtml", title, paragraphs)
        for i, (title, paragraphs) in enumerate(book.chapters, 1)
    ]

    files = {}
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="css" href="style.css" media-type="text/css"/>',
    ]
    spine = []
    if cover_jpeg:
        files["OEBPS/cover.jpg"] = cover_jpeg
        files["OEBPS/cover.xhtml"] = _XHTML.format(
            lang=lang,
            title=escape(book.title),
            body=f'<section class="cover" epub:type="cover"><img src="cover.jpg" alt="{escape(book.title)}"/></section>',
        )
        manifest += [
            '<item id="cover-image" href="cover.jpg" media-type="image/jpeg" properties="cover-image"/>',
            '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
        ]
        spine.append('<itemref idref="cover"/>')
    spine.append('<itemref idref="nav"/>')
    for number, (href, title, paragraphs) in enumerate(chapters, 1):
        body = (
            f'<section epub:type="chapter"><h1>{escape(title)}</h1>\n'
            + "\n".join(f"<p>{escape(text)}</p>" for text in paragraphs)
            + "</section>"
        )
        files[f"OEBPS/{href}"] = _XHTML.format(lang=lang, title=escape(title), body=body)
        manifest.append(
            f'<item id="chapter-{number}" href="{href}" media-type="application/xhtml+xml"/>'
        )
        spine.append(f'<itemref idref="chapter-{number}"/>')

    toc = "\n".join(
        f'<li><a href="{href}">{escape(title)}</a></li>' for href, title, _p in chapters
    )
    contents = LABELS.get(lang, LABELS["en"])["contents"]
    files["OEBPS/nav.xhtml"] = _XHTML.format(
        lang=lang,
        title=escape(contents),
        body=f'<nav epub:type="toc" id="toc"><h1>{escape(contents)}</h1>\n<ol>\n{toc}\n</ol></nav>',
    )
    files["OEBPS/style.css"] = _CSS
    series_meta = ""
    if book.series:
        series_meta = (
            f'<meta property="belongs-to-collection" id="series">{escape(book.series)}</meta>\n'
            '<meta refines="#series" property="collection-type">series</meta>\n'
        )
        if book.volume:
            series_meta += (
                f'<meta refines="#series" property="group-position">{book.volume}</meta>\n'
            )
    files["OEBPS/content.opf"] = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{escape(identifier)}</dc:identifier>
<dc:title>{escape(book.title)}</dc:title>
<dc:language>{lang}</dc:language>
<dc:creator>{escape(book.authors)}</dc:creator>
<dc:publisher>{escape(book.publisher)}</dc:publisher>
<dc:date>{book.publication_date.isoformat()}</dc:date>
<meta property="dcterms:modified">{modified}</meta>
{series_meta}</metadata>
<manifest>
{chr(10).join(manifest)}
</manifest>
<spine>
{chr(10).join(spine)}
</spine>
</package>
"""
    files["META-INF/container.xml"] = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""

    buffer = io.BytesIO()
    stamp = book.publication_date.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", date_time=stamp)
        mimetype.compress_type = zipfile.ZIP_STORED
        archive.writestr(mimetype, "application/epub+zip")
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
