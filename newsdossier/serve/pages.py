"""Rendering of the server's HTML pages: one Jinja2 environment, autoescaped, templates in
`serve/templates`. Every page gets the signed-in name (if any) and the CSRF token for its forms.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from .. import __version__
from .auth import COOKIE
from .spans import article_href
from .views import safe_url

TEMPLATES = Path(__file__).parent / "templates"


def _query(params: dict, **changes) -> str:
    """A query string from `params` with `changes` applied (None removes a key)."""
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for k, v in changes.items():
        if v is None:
            merged.pop(k, None)
        else:
            merged[k] = v
    return ("?" + urlencode(merged)) if merged else "?"


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(qs=_query, article_href=article_href, safe_url=safe_url, version=__version__)
    env.filters["label"] = lambda s: str(s).replace("_", " ")
    return env


def setup(app: FastAPI) -> None:
    app.state.templates = make_environment()


def render(request: Request, name: str, context: dict, status: int = 200,
           headers: Optional[dict] = None) -> HTMLResponse:
    guard = request.app.state.guard
    cookie = request.cookies.get(COOKIE)
    viewer = guard.session_name(cookie)
    page = request.app.state.templates.get_template(name).render(
        request_path=request.url.path, viewer=viewer, read_only=guard.read_only,
        csrf=guard.csrf(cookie if viewer else None), **context)
    return HTMLResponse(page, status_code=status, headers=headers)
