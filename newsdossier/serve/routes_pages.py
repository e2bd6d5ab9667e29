"""The HTML pages: the dossier list, a dossier, an article with its evidence highlighted, the
rejected inputs, sign-in, and the API docs. Server-rendered; reading works without JavaScript.
"""
from __future__ import annotations

from typing import Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import CorrectionError, NotFoundError
from ..store import Store
from . import charts
from .apidocs import reference
from .auth import COOKIE, SESSION_SECONDS, Guard, Identity
from .deps import HTTPProblem, form_writer, get_guard, get_index, get_store
from .marks import marked_text
from .pages import render
from .routes_api import list_query, run_list
from .spans import evidence
from .summaries import FACETS, Query, SummaryIndex
from .views import dossier_page

router = APIRouter(include_in_schema=False)
FACET_TITLES = {"country": "Country", "type": "Attack type", "party": "Responsible party", "month": "Month"}
COLUMNS = [("date", "Date"), ("place", "Place"), ("types", "Type"), ("killed", "Killed"), ("injured", "Injured"),
           ("parties", "Said responsible"), ("articles", "Articles"), ("sources", "Sources"), ("contested", "Contested")]
NUMBERS = {"killed", "injured", "perpetrator_count"}
COORDINATES = {"latitude", "longitude"}
LISTS = {"types", "perpetrators", "weapons", "targets", "victims"}


def _dossier_href(dossier_id: str) -> str:
    return "/dossiers/" + quote(dossier_id, safe="")


@router.get("/")
def home(request: Request, query: Query = Depends(list_query), store: Store = Depends(get_store),
         index: SummaryIndex = Depends(get_index)):
    page = run_list(store, index, query)
    params = {k: v for k, v in request.query_params.items() if k in
              ("q", "since", "until", "country", "type", "party", "month", "min_killed", "sort", "order")}
    places = [(s.lat, s.lon, s.killed, _dossier_href(s.id), f"{s.place or s.title or s.id} ({s.date or 'undated'})")
              for s in page.matches if s.lat is not None]
    return render(request, "list.html", {
        "page": page, "query": query, "params": params, "facet_names": FACETS, "facet_titles": FACET_TITLES,
        "columns": COLUMNS, "map": charts.world_map(places) if places else None, "dossier_href": _dossier_href,
        "prev_offset": max(query.offset - query.limit, 0) if query.offset else None,
        "next_offset": query.offset + query.limit if query.offset + query.limit < page.total else None,
    })


def _dossier(request: Request, store: Store, dossier_id: str, error: Optional[str] = None, status: int = 200):
    def build():
        try:
            dossier = store.dossier(dossier_id)
        except NotFoundError:
            return None
        if dossier.id != dossier_id:  # an article id: the dossier holding it, at its own address
            return dossier.id
        records = {a: r for a in dossier.articles if (r := store.article(a)) is not None}
        return dossier_page(dossier, records, store.corrections(dossier.id))

    view = request.app.state.index.memo(("page", dossier_id), build)
    if view is None:
        raise HTTPProblem(404, f"no dossier {dossier_id!r}")
    if isinstance(view, str):
        return RedirectResponse(_dossier_href(view), status_code=307)
    return render(request, "dossier.html", {"v": view, "error": error}, status=status)


@router.get("/dossiers/{dossier_id}")
def dossier(request: Request, dossier_id: str, store: Store = Depends(get_store)):
    return _dossier(request, store, dossier_id)


def form_value(field: str, text: str):
    """A correction value typed into the form, as the API would take it."""
    text = text.strip()
    if field in NUMBERS:
        if not text.isdigit():
            raise CorrectionError(f"{field}: {text!r} is not valid; expected a whole number of people, 0 or more")
        return int(text)
    if field in COORDINATES:
        try:
            return float(text)
        except ValueError:
            raise CorrectionError(f"{field}: {text!r} is not valid; expected a number") from None
    if field in LISTS:
        return [part.strip() for part in text.split(",") if part.strip()]
    if field == "not_an_incident":
        return text.lower() in ("true", "yes", "1", "on")
    return text


@router.post("/dossiers/{dossier_id}/corrections")
def correct(request: Request, dossier_id: str, field: str = Form(..., max_length=60),
            value: str = Form("", max_length=5000), note: str = Form("", max_length=5000),
            who: Identity = Depends(form_writer), store: Store = Depends(get_store)):
    try:
        store.add_correction(dossier_id, field, form_value(field, value), who=who.name, note=note.strip() or None)
    except CorrectionError as exc:
        return _dossier(request, store, dossier_id, error=str(exc), status=422)
    return RedirectResponse(_dossier_href(dossier_id) + "#corrections", status_code=303)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str, store: Store = Depends(get_store)):
    record = store.article(article_id)
    if record is None:
        raise HTTPProblem(404, f"no article {article_id!r}")
    try:
        holder = store.dossier(record.article.id).id
    except NotFoundError:
        holder = None
    spans = evidence(record)
    names = {e.id: e.name for e in record.entities}
    return render(request, "article.html", {
        "record": record, "a": record.article, "text": marked_text(record.article.text, spans),
        "dossier_id": holder, "dossier_href": _dossier_href, "names": names,
        "figures": [m for m in spans if m.kind == "figure"],
    })


@router.get("/rejected")
def rejected(request: Request, store: Store = Depends(get_store)):
    return render(request, "rejected.html", {"failures": store.failures()})


def _local(next_path: Optional[str]) -> str:
    # Only a path on this server: never `//host` or `http://…` (an open redirect).
    if next_path and next_path.startswith("/") and not next_path.startswith("//") and "\\" not in next_path:
        return next_path
    return "/"


@router.get("/signin")
def signin_form(request: Request, next: Optional[str] = None):
    return render(request, "signin.html", {"next": _local(next), "error": None})


@router.post("/signin")
def signin(request: Request, token: str = Form("", max_length=1000), next: str = Form("/", max_length=2000),
           csrf: str = Form("", max_length=200), guard: Guard = Depends(get_guard)):
    if guard.read_only:
        raise HTTPProblem(403, "this server is read-only: it was started without a token")
    if not guard.csrf_ok(None, csrf):
        raise HTTPProblem(403, "missing or bad CSRF token (reload the page and try again)")
    name = guard.name_for(token.strip())
    if name is None:
        return render(request, "signin.html", {"next": _local(next), "error": "That token is not valid."}, status=401)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(COOKIE, guard.session(name), max_age=SESSION_SECONDS, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response


@router.post("/signout")
def signout(request: Request, who: Identity = Depends(form_writer)) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/docs")
def docs(request: Request):
    spec = request.app.openapi()
    operations, schemas = reference(spec)
    return render(request, "docs.html", {"info": spec.get("info", {}), "openapi_version": spec.get("openapi", ""),
                                         "operations": operations, "schemas": schemas})

