"""The one inline script of the public pages, allowed by its hash.

A nonce would have to be new in every response, and a cached page is the same
response for everyone; a hash of the script's text stays true for every copy.
It runs before the first paint, so the styles for "JavaScript is on" apply at once.
"""

import base64
import hashlib

PAGE_START_SCRIPT = 'document.documentElement.classList.add("js");'


def script_hash(text=PAGE_START_SCRIPT):
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
