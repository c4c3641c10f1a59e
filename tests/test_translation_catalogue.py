"""The Thai catalogue is complete, keeps its placeholders, and is what Django serves.

The .po file is read with a small parser below (no extra dependency), then every
entry is checked three ways: it has a Thai translation that is not fuzzy, it keeps
the msgid's placeholders, and the compiled .mo that Django loads returns the same
msgstr (which fails when someone edits the .po and forgets compilemessages).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

THAI_CHARACTER = re.compile(r"[\u0e00-\u0e7f]")
# Strings that are written the same way on a Thai page.
SAME_IN_THAI = {"ISBN"}
# %(name)s style (with optional flags, width and precision), bare %s / %d, and {name}.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\(\w+\))?[#0\- +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[sdifeEgGxXocr]"
)
BRACE_PLACEHOLDER = re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}")
ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}


def catalogue_path(language="th"):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


# --- A small .po parser ----------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    @property
    def is_fuzzy(self):
        return "fuzzy" in self.flags

    def label(self):
        where = ", ".join(self.references) or f"line {self.line}"
        context = f" (msgctxt {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"{self.msgid!r}{context} [{where}]"


def unquote(text, line_number):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"line {line_number}: expected a quoted string, got {text!r}")

    def unescape(match):
        code = match.group(1)
        if code in ESCAPES:
            return ESCAPES[code]
        if code[0] in "01234567":
            return chr(int(code, 8))
        raise ValueError(f"line {line_number}: unknown escape \\{code}")

    return re.sub(r"\\([0-7]{1,3}|.)", unescape, text[1:-1])


KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def parse_po(text):
    """Parse .po text into entries; obsolete (#~) entries are left out."""
    entries = []
    current = Entry()
    started = False  # the current entry has a keyword line
    has_msgstr = False
    target = None  # (attribute, plural index) that continuation lines extend

    def finish():
        nonlocal current, started, has_msgstr, target
        if started:
            entries.append(current)
        current, started, has_msgstr, target = Entry(), False, False, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue  # obsolete: not in the compiled catalogue
        if line.startswith("#"):
            if has_msgstr:
                finish()  # comments after a complete entry start the next one
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            elif line.startswith("#:"):
                current.references.extend(line[2:].split())
            continue
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"line {number}: string continues no keyword")
            name, index = target
            value = unquote(line, number)
            if name == "msgstr":
                current.msgstr[index] += value
            else:
                setattr(current, name, getattr(current, name) + value)
            continue
        match = KEYWORD.match(line)
        if not match:
            raise ValueError(f"line {number}: cannot parse {raw!r}")
        keyword, index, quoted = match.groups()
        value = unquote(quoted, number)
        if keyword in ("msgctxt", "msgid") and has_msgstr:
            finish()  # a new entry without a blank line before it
        if not started:
            current.line = number
        started = True
        if keyword.startswith("msgstr"):
            position = int(index) if index is not None else 0
            current.msgstr[position] = value
            has_msgstr = True
            target = ("msgstr", position)
        else:
            setattr(current, keyword, value)
            target = (keyword, None)
    finish()
    for entry in entries:
        if not entry.msgstr:
            raise ValueError(f"line {entry.line}: entry {entry.msgid!r} has no msgstr")
    return entries


def parse_header(entry):
    fields = {}
    for row in entry.msgstr[0].splitlines():
        key, _, value = row.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def placeholders(text):
    text = text.replace("%%", "").replace("{{", "").replace("}}", "")
    return sorted(PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def catalogue():
    entries = parse_po(catalogue_path().read_text(encoding="utf-8"))
    headers = [entry for entry in entries if entry.is_header]
    assert len(headers) == 1, "the catalogue needs exactly one header entry"
    return headers[0], [entry for entry in entries if not entry.is_header]


# --- The parser itself -------------------------------------------------------------

SAMPLE = r"""# Translator comment
msgid ""
msgstr ""
"Language: th\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#: a.py b.html
#, python-format
msgid ""
"A long line that "
"continues"
msgstr "บรรทัด"
"ยาว %(n)s"

#, fuzzy
msgctxt "link to the home page"
msgid "Home"
msgstr "หน้าแรก"
#: c.html
#, python-format
msgid "%(n)s result for “%(query)s”"
msgid_plural "%(n)s results for “%(query)s”"
msgstr[0] "พบ %(n)s รายการ \"%(query)s\"\tแท็บ\\"

#~ msgid "Gone"
#~ msgstr "หายไป"
"""


def test_parser_reads_multiline_strings_contexts_plurals_and_flags():
    header, joined, home, plural = parse_po(SAMPLE)

    assert header.is_header
    assert parse_header(header)["Plural-Forms"] == "nplurals=1; plural=0;"
    assert joined.msgid == "A long line that continues"
    assert joined.msgstr == {0: "บรรทัดยาว %(n)s"}
    assert joined.references == ["a.py", "b.html"]
    assert joined.flags == {"python-format"}
    assert (home.msgctxt, home.msgid, home.is_fuzzy) == ("link to the home page", "Home", True)
    assert plural.msgid_plural == "%(n)s results for “%(query)s”"
    assert plural.msgstr == {0: 'พบ %(n)s รายการ "%(query)s"\tแท็บ\\'}
    assert plural.references == ["c.html"]
    assert not plural.is_fuzzy


def test_placeholders_are_found_in_every_style():
    assert placeholders("%(n)s of %(target)d, %s and {name} but not %% or {{x}}") == [
        "%(n)s",
        "%(target)d",
        "%s",
        "{name}",
    ]


# --- The catalogue -----------------------------------------------------------------


def test_header_declares_thai_with_one_plural_form(catalogue):
    header, entries = catalogue
    fields = parse_header(header)
    assert entries, "the catalogue is empty"
    assert not header.is_fuzzy, "remove the #, fuzzy flag from the header"
    assert fields["Language"] == "th"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == "nplurals=1; plural=0;"
    assert fields["Project-Id-Version"] and "PACKAGE" not in fields["Project-Id-Version"]


def test_every_entry_has_a_thai_translation_and_none_is_fuzzy(catalogue):
    _header, entries = catalogue
    problems = []
    for entry in entries:
        if entry.is_fuzzy:
            problems.append(f"fuzzy: {entry.label()}")
        if entry.msgid_plural is not None and sorted(entry.msgstr) != [0]:
            problems.append(f"needs only msgstr[0] (Thai has one plural form): {entry.label()}")
        for text in entry.msgstr.values():
            if not text.strip():
                problems.append(f"untranslated: {entry.label()}")
            elif not THAI_CHARACTER.search(text) and text not in SAME_IN_THAI:
                problems.append(f"no Thai in {text!r}: {entry.label()}")
    assert not problems, "\n".join(problems)


def test_every_placeholder_is_kept(catalogue):
    _header, entries = catalogue
    problems = []
    for entry in entries:
        # Thai's single form stands for the singular and the plural msgid alike.
        expected = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural or ""))
        for text in entry.msgstr.values():
            found = set(placeholders(text))
            if expected - found:
                problems.append(f"missing {sorted(expected - found)} in {text!r}: {entry.label()}")
            if found - expected:
                problems.append(f"unknown {sorted(found - expected)} in {text!r}: {entry.label()}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file(catalogue):
    """Django serves what the .po says; run compilemessages after editing it."""
    _header, entries = catalogue
    problems = []
    with translation.override("th"):
        for entry in entries:
            expected = entry.msgstr.get(0, "")
            if entry.msgid_plural is None:
                if entry.msgctxt is None:
                    served = [translation.gettext(entry.msgid)]
                else:
                    served = [translation.pgettext(entry.msgctxt, entry.msgid)]
            elif entry.msgctxt is None:
                served = [
                    translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2, 5)
                ]
            else:
                served = [
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                    for n in (1, 2, 5)
                ]
            if any(text != expected for text in served):
                problems.append(f"served {served[0]!r}, .po says {expected!r}: {entry.label()}")
    assert not problems, "stale django.mo? run compilemessages -l th\n" + "\n".join(problems)


# --- A real page -----------------------------------------------------------------


def main_content(response):
    html = response.content.decode()
    match = re.search(r"<main\b.*?</main>", html, re.DOTALL)
    assert match, "the page has no <main>"
    return match.group(0)


@pytest.mark.django_db
def test_not_found_page_is_in_thai_at_root_and_in_english_under_en(client, catalogue):
    _header, entries = catalogue
    thai_title = next(
        entry.msgstr[0]
        for entry in entries
        if entry.msgid == "Page not found" and entry.msgctxt is None
    )

    thai = client.get("/no-such-page/")
    english = client.get("/en/no-such-page/")

    assert thai.status_code == english.status_code == 404
    thai_main, english_main = main_content(thai), main_content(english)
    assert '<html lang="th"' in thai.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert thai_main != english_main
    assert THAI_CHARACTER.search(thai_main)
    assert thai_title in thai_main
    assert "Page not found" not in thai_main
    assert "Page not found" in english_main
    assert not THAI_CHARACTER.search(english_main)
