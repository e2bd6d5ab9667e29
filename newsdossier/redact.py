"""Credentials in URLs (`http://user:secret@host/`) hidden from everything printed or stored.

A URL's user-info part is the one place a user routinely puts a secret into an input name, and an
input's name travels far: into `Article.source` and `Article.url`, `Failure` reasons, error
messages, stderr lines, log lines and store rows. `redact_credentials` is the one function every one
of those goes through (the records, `InputError`, and the URL input itself call it), so a new place
that shows a source cannot forget it. The fetcher still sends the credentials (as HTTP Basic auth);
only what is shown loses them.
"""
from __future__ import annotations

import re

MASK = "***"
# scheme "://" then the authority up to its LAST "@" (as URL parsers split it: "u:p@ss@host" has the
# host "host"), never crossing the end of the authority ("/", "?", "#") or a space in running text.
_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s@]*(?:@[^/?#\s@]*)*@")


def redact_credentials(text: str) -> str:
    """`text` with the user-info of every URL in it replaced by '***' ('http://***@host/').

    Works on a bare URL and on running text that mentions URLs (an error message); idempotent, so
    a value redacted once (a stored source) comes back unchanged.
    """
    if not isinstance(text, str) or "@" not in text or "://" not in text:
        return text
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)
