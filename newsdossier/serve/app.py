"""The web application of `dossier serve`: FastAPI over the store, the JSON API and the pages.

`create_app(store_url, tokens, settings)` builds it; `run` serves it with uvicorn. Everything a
route needs is on `app.state` and reaches it through `deps`. Around every request:
- a body cap: article bodies (`/api/extract`, `/api/articles`) up to `settings.max_bytes`, any
  other body up to FORM_BYTES; more is answered 413 before the route runs;
- security headers: a Content-Security-Policy without inline scripts or styles (every script,
  stylesheet and picture comes from the package itself), no framing, no sniffing, no referrer to
  other sites (`same-origin`: with `no-referrer` a browser sends `Origin: null` on our own forms);
- errors as `{"error": "..."}` with their status (an HTML page for the pages), never a traceback.
"""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import CorrectionError, DossierError, InputError, NotFoundError
from ..settings import Settings
from ..store import Store
from .auth import Guard
from .deps import HTTPProblem
from .summaries import SummaryIndex

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
FORM_BYTES = 64 * 1024
ARTICLE_PATHS = ("/api/extract", "/api/articles")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
           (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin")]


class Guarded:
    """ASGI middleware: the body cap and the security headers (see the module docstring)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        csp = CSP.encode()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + HEADERS
                               + [(b"content-security-policy", csp)])
            await send(message)

        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            if not _same_origin(scope):
                response = JSONResponse({"error": "cross-site request refused"}, status_code=403)
                return await response(scope, receive, send_with_headers)
            limit = self.max_bytes if path in ARTICLE_PATHS else FORM_BYTES
            body = await _read_capped(scope, receive, limit)
            if body is None:
                what = "--max-bytes" if limit == self.max_bytes else "the form limit"
                response = JSONResponse({"error": f"request body over {limit:,} bytes ({what})"}, status_code=413)
                return await response(scope, receive, send_with_headers)
            receive = _replay(body)
        await self.app(scope, receive, send_with_headers)


def _same_origin(scope) -> bool:
    """False for a browser's write from another site: its `Origin` names a host other than ours.
    (Programs send no Origin; SameSite=Strict cookies and CSRF tokens are the other two locks.)"""
    headers = dict(scope.get("headers", []))
    origin = headers.get(b"origin")
    if origin is None:
        return True
    host = headers.get(b"host", b"")
    return origin.split(b"://", 1)[-1] == host


async def _read_capped(scope, receive, limit: int) -> Optional[bytes]:
    """The whole request body, or None as soon as it is over `limit` bytes (declared or received)."""
    for name, value in scope.get("headers", []):
        if name == b"content-length" and value.isdigit() and int(value) > limit:
            return None
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}
    return receive


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json")


def _error(request: Request, status: int, message: str, headers: Optional[dict] = None) -> Response:
    if _wants_html(request):
        from .pages import render

        return render(request, "error.html", {"status": status, "message": message}, status=status, headers=headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = " ".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        got = err.get("input")
        shown = f" (got {got!r})" if isinstance(got, (str, int, float)) and len(repr(got)) < 80 else ""
        parts.append(f"{where}: {err.get('msg', 'not valid')}{shown}")
    return "; ".join(parts) or "request not valid"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPProblem)
    async def problem(request: Request, exc: HTTPProblem):
        return _error(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return _error(request, 404, "not in the store")

    @app.exception_handler(DossierError)
    async def dossier_error(request: Request, exc: DossierError):
        status = 422 if isinstance(exc, (CorrectionError, InputError)) else 503
        if status == 503:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
            return _error(request, 503, "the store could not answer; try again")
        return _error(request, status, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "internal error; the server log has the details")


def create_app(store_url: Optional[str] = None, tokens: Optional[dict[str, str]] = None,
               settings: Optional[Settings] = None, store: Optional[Store] = None) -> FastAPI:
    """The application over the store at `store_url` (or `store`). `tokens` maps each token to
    the name recorded for its writes; none: read-only."""
    from . import pages, routes_api, routes_pages

    settings = settings or Settings()
    store = store or Store(store_url)
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.index.close()
        store.close()

    app = FastAPI(title="newsdossier", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Dossiers of violent incidents, with the evidence for every value. "
                              "Reading needs no token; writes need the header Authorization: Bearer <token>.")
    app.state.store = store
    app.state.settings = settings
    app.state.guard = Guard(tokens or {})
    app.state.index = SummaryIndex(store)
    app.state.extract_lock = threading.Lock()
    app.add_middleware(Guarded, max_bytes=settings.max_bytes)
    _handlers(app)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    pages.setup(app)
    return app
