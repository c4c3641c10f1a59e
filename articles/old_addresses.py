"""Old addresses of imported pages, from the site builder a foundation is moving away from.

Links in LINE chats and Facebook posts point at the old site: once its domain points at
this server, each old address answers with a permanent redirect to the imported page.
Everything here checks input before anything is written, and says what is wrong.
"""

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.addresses import is_tracking_parameter

# A spreadsheet of old addresses has a row per page; anything this large is the wrong file.
MAX_CSV_BYTES = 1024 * 1024


class OldAddressError(ValueError):
    """Bad input about old addresses, with a message meant for the person importing."""


@dataclass(frozen=True)
class OldAddress:
    file: str
    url: str
    path: str  # as Redirect stores it: normalised, percent-decoded, no tracking parameters
    where: str  # where the address came from, for messages: "--old-url" or "old.csv line 3"


def redirect_path(url):
    """The path and query that an old address redirects from on this site.

    A full URL on another host is fine: that is the old domain pointed at this server,
    and only its path reaches the site.
    """
    text = url.strip()
    if not text or any(char.isspace() or ord(char) < 32 for char in text):
        raise OldAddressError(f'"{url}" is not an address: it is empty or has spaces in it.')
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise OldAddressError(f'"{url}" is not a valid address.') from None
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise OldAddressError(f'"{url}" is not a web address (http:// or https://).')
    if parts.scheme and not parts.netloc:
        raise OldAddressError(f'"{url}" has no host name after {parts.scheme}://.')
    if not parts.scheme and not text.startswith("/"):
        raise OldAddressError(
            f'"{url}" is neither a full address (https://...) nor a path starting with "/".'
        )
    if parts.path.strip("/") == "":
        raise OldAddressError(f'"{url}" is the home page, which already exists here.')
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    ]
    path = parts.path + (f"?{urlencode(query)}" if query else "")
    return Redirect.normalise_path(path)


def read_csv(csv_name):
    """(file, old address, where) rows of a CSV with the columns file and old_url.

    A first row of column names is skipped; spreadsheets save with or without one.
    """
    path = Path(csv_name)
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise OldAddressError(f"{csv_name}: too large for a list of old addresses.")
        # utf-8-sig: Excel puts a byte order mark before the first column name.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OldAddressError(f"{csv_name}: file not found.") from None
    except (IsADirectoryError, PermissionError):
        raise OldAddressError(f"{csv_name}: cannot be read.") from None
    except UnicodeDecodeError:
        raise OldAddressError(f"{csv_name}: is not UTF-8 text (save it as CSV UTF-8).") from None

    rows = []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and [cell.lower() for cell in cells[:2]] == ["file", "old_url"]:
            continue
        where = f"{csv_name} line {number}"
        if len(cells) != 2 or not all(cells):
            raise OldAddressError(f"{where}: expected two columns, file and old_url.")
        rows.append((cells[0], cells[1], where))
    return rows


def collect(files, old_url=None, csv_name=None):
    """Every old address asked for, checked, in order; OldAddressError lists all problems."""
    if old_url and len(files) != 1:
        raise OldAddressError(
            "--old-url is for importing one file; for several, list them in --old-urls CSV."
        )
    wanted = []
    if old_url:
        wanted.append((files[0], old_url, "--old-url"))
    if csv_name:
        wanted.extend(read_csv(csv_name))

    by_name = {name: name for name in files}
    # A CSV usually names the file alone, while the command line has its folder.
    basenames = [Path(name).name for name in files]
    for name in files:
        if basenames.count(Path(name).name) == 1:
            by_name.setdefault(Path(name).name, name)

    addresses, problems, seen = [], [], {}
    for file, url, where in wanted:
        if file not in by_name:
            problems.append(f'{where}: "{file}" is not one of the files being imported.')
            continue
        try:
            path = redirect_path(url)
        except OldAddressError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if path in seen:
            problems.append(f"{where}: {path} is already given at {seen[path]}.")
            continue
        seen[path] = where
        addresses.append(OldAddress(by_name[file], url, path, where))

    problems.extend(clashes_with_this_site(addresses))
    if problems:
        raise OldAddressError("\n".join(problems))
    return addresses


def clashes_with_this_site(addresses):
    """Old addresses that this site already answers, or already redirects."""
    problems = []
    existing = dict(
        Redirect.objects.filter(old_path__in=[address.path for address in addresses])
        .values_list("old_path", "pk")
        .order_by("pk")
    )
    for address in addresses:
        if address.path in existing:
            problems.append(
                f"{address.where}: {address.path} already redirects somewhere "
                "(Settings → Redirects); delete that redirect first."
            )
        elif page := page_at(address.path):
            problems.append(
                f'{address.where}: {address.path} is the address of the page "{page.title}" '
                "on this site; a redirect there would never be used."
            )
    return problems


def page_at(path):
    """The page of this site whose address is path (query ignored), if there is one."""
    path_only = urlsplit(path).path.rstrip("/")
    segments = [segment for segment in path_only.split("/") if segment]
    languages = {code for code, _name in settings.LANGUAGES}
    if len(segments) == 1 and segments[0] in languages:
        return Page.objects.filter(depth=2, locale__language_code=segments[0]).first()
    # Slugs are the last part of every page's address, so only pages with that slug
    # can be at this path: no need to work out every page's address.
    candidates = Page.objects.filter(slug=segments[-1]).exclude(depth=1)
    for page in candidates:
        parts = page.get_url_parts()
        if parts and Redirect.normalise_path(parts[2]) == Redirect.normalise_path(path_only):
            return page
    return None
