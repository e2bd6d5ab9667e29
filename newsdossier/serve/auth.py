"""Who may write: tokens, the sign-in session cookie, and CSRF tokens for cookie-signed forms.

Reading needs nothing. A write needs `Authorization: Bearer <token>`, or the session cookie that
the sign-in form sets from the same token (then also a CSRF token: the form's hidden `csrf` field,
or the `X-CSRF-Token` header). A server started without any token is read-only: writes answer 403.

Tokens come from `--token-file FILE` or `$DOSSIER_TOKEN`. The file holds one token a line, as
`name:token` (the name is recorded as who made a correction) or a bare token (recorded as
"editor"); blank lines and lines starting with `#` are skipped. A token is at least 16 characters
and has no white space. Tokens are compared in constant time and never logged.

The cookie and the CSRF tokens are signed with a key made when the server starts, so restarting
the server signs everybody out.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import SettingsError

COOKIE = "dossier_session"
SESSION_SECONDS = 12 * 3600
MIN_TOKEN = 16
DEFAULT_NAME = "editor"
_NAME = re.compile(r"^[\w.@+-]{1,64}$")


@dataclass(frozen=True)
class Identity:
    """A caller allowed to write: the token's name, and whether it came by header or cookie."""

    name: str
    via: str  # "bearer" or "cookie"


def parse_tokens(text: str, where: str) -> dict[str, str]:
    """`{token: name}` from a token file's text (or `$DOSSIER_TOKEN`); SettingsError naming the
    line (never the token) when one is not valid."""
    tokens: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, token = line.partition(":")
        if not sep or not _NAME.match(name):
            name, token = DEFAULT_NAME, line
        if len(token) < MIN_TOKEN or re.search(r"\s", token):
            raise SettingsError(f"{where}, line {number}: a token must be at least {MIN_TOKEN} characters "
                                "without spaces (a line is `name:token` or a bare token)")
        tokens[token] = name
    return tokens


def load_tokens(token_file: Optional[Path] = None, env: Optional[str] = None) -> dict[str, str]:
    """Tokens from `token_file`, else from `env` (the value of `$DOSSIER_TOKEN`); empty: read-only."""
    if token_file is not None:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{token_file}: cannot read the token file ({exc.__class__.__name__})") from exc
        tokens = parse_tokens(text, str(token_file))
        if not tokens:
            raise SettingsError(f"{token_file}: holds no token")
        return tokens
    if env:
        return parse_tokens(env, "$DOSSIER_TOKEN")
    return {}


class Guard:
    """Checks tokens, signs and checks session cookies and CSRF tokens, for one running server."""

    def __init__(self, tokens: dict[str, str], key: Optional[bytes] = None):
        self._tokens = [(t.encode("utf-8"), n) for t, n in tokens.items()]
        self._key = key or secrets.token_bytes(32)

    @property
    def read_only(self) -> bool:
        return not self._tokens

    def name_for(self, token: str) -> Optional[str]:
        """The name of `token`, or None. Every configured token is compared, each in constant time."""
        given = token.encode("utf-8", errors="replace")
        found = None
        for known, name in self._tokens:
            if hmac.compare_digest(given, known) and found is None:
                found = name
        return found

    def _sign(self, payload: bytes) -> str:
        return base64.urlsafe_b64encode(hmac.new(self._key, payload, hashlib.sha256).digest()).decode().rstrip("=")

    def session(self, name: str) -> str:
        """A cookie value naming `name`, valid for SESSION_SECONDS."""
        payload = base64.urlsafe_b64encode(json.dumps(
            {"n": name, "e": int(time.time()) + SESSION_SECONDS, "r": secrets.token_hex(8)}).encode()).decode()
        return f"{payload}.{self._sign(payload.encode())}"

    def session_name(self, cookie: Optional[str]) -> Optional[str]:
        """The name a valid, unexpired cookie value carries, else None."""
        if not cookie or "." not in cookie or len(cookie) > 1000:
            return None
        payload, mac = cookie.rsplit(".", 1)
        if not hmac.compare_digest(mac.encode(), self._sign(payload.encode()).encode()):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload.encode()))
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("e"), int) or data["e"] < time.time():
            return None
        name = data.get("n")
        return name if isinstance(name, str) and name in {n for _, n in self._tokens} else None

    def csrf(self, cookie: Optional[str]) -> str:
        """The CSRF token that goes with a session cookie (or, before sign-in, with none)."""
        return self._sign(b"csrf:" + (cookie or "").encode())

    def csrf_ok(self, cookie: Optional[str], given: Optional[str]) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.csrf(cookie).encode())


def new_token() -> str:
    """A fresh random token, for `make demo` and the README."""
    return base64.urlsafe_b64encode(os.urandom(24)).decode().rstrip("=")
