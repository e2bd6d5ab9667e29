"""What routes get through `Depends`: the store, the settings, the list index, and the caller.

A route never reaches for a global: `create_app` puts one of each on `app.state`, and these
functions hand them out, so a test can build an app over any store.
"""
from __future__ import annotations

from typing import Optional

from fastapi import Form, Header, Request

from ..settings import Settings
from ..store import Store
from .auth import COOKIE, Guard, Identity
from .summaries import SummaryIndex


class HTTPProblem(Exception):
    """An error answered with `status` and `{"error": message}` (or an HTML page for a page)."""

    def __init__(self, status: int, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_index(request: Request) -> SummaryIndex:
    return request.app.state.index


def get_guard(request: Request) -> Guard:
    return request.app.state.guard


def viewer(request: Request) -> Optional[str]:
    """The signed-in name for a page (to show forms), or None."""
    return request.app.state.guard.session_name(request.cookies.get(COOKIE))


def _identify(request: Request, csrf: Optional[str]) -> Identity:
    guard: Guard = request.app.state.guard
    if guard.read_only:
        raise HTTPProblem(403, "this server is read-only: it was started without a token "
                               "(dossier serve --token-file FILE, or $DOSSIER_TOKEN)")
    auth = request.headers.get("authorization")
    if auth is not None:
        scheme, _, token = auth.partition(" ")
        name = guard.name_for(token.strip()) if scheme.lower() == "bearer" else None
        if name is None:
            raise HTTPProblem(401, "the bearer token is not valid", {"WWW-Authenticate": "Bearer"})
        return Identity(name=name, via="bearer")
    cookie = request.cookies.get(COOKIE)
    name = guard.session_name(cookie)
    if name is None:
        raise HTTPProblem(401, "writing needs a token: send `Authorization: Bearer <token>` or sign in",
                          {"WWW-Authenticate": "Bearer"})
    if not guard.csrf_ok(cookie, csrf):
        raise HTTPProblem(403, "missing or bad CSRF token (reload the page and try again)")
    return Identity(name=name, via="cookie")


def api_writer(request: Request, x_csrf_token: Optional[str] = Header(None, include_in_schema=False)) -> Identity:
    """The caller of a JSON write: a bearer token, or the session cookie with `X-CSRF-Token`."""
    return _identify(request, x_csrf_token)


def form_writer(request: Request, csrf: Optional[str] = Form(None)) -> Identity:
    """The caller of a form post: a bearer token, or the session cookie with the form's `csrf` field."""
    return _identify(request, csrf)
