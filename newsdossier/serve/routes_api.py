"""The JSON API under `/api`: each route a few lines that call the store or the pipeline.

Reads need no token. Writes (`POST`) need `Authorization: Bearer <token>`, or the session cookie
with an `X-CSRF-Token` header (see `auth`). Errors are `{"error": "..."}` with their status.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, Optional, Union

from fastapi import APIRouter, Body, Depends, Query as Q, Request
from pydantic import BaseModel, ConfigDict, Field

from ..errors import NotFoundError
from ..records import Correction, DossierSummary, IngestReport
from ..reconcile.render import dossier_json
from ..settings import Settings
from ..store import Store
from . import extracting
from .auth import Identity
from .deps import HTTPProblem, api_writer, get_index, get_settings, get_store
from .search import matching_dossiers
from .summaries import SORTS, Query, SummaryIndex, select

class ErrorOut(BaseModel):
    error: str


def errors(*statuses: int) -> dict:
    """OpenAPI entries for the error answers of a route: each `{"error": "..."}`."""
    return {status: {"model": ErrorOut} for status in statuses}


READ, ONE, WRITE = errors(422), errors(404, 422), errors(401, 403, 413, 422)
router = APIRouter(prefix="/api", tags=["api"])
MONTH = re.compile(r"^\d{4}-\d{2}$")


class DossierList(BaseModel):
    total: int
    items: list[DossierSummary]
    facets: dict[str, dict[str, int]]


class ArticleIn(BaseModel):
    """One article to read: its text, its HTML, or a URL to fetch (exactly one of the three)."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = None
    id: Optional[str] = Field(None, max_length=300)
    title: Optional[str] = Field(None, max_length=2000)
    published: Optional[str] = Field(None, max_length=40)


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str = Field(..., max_length=60)
    value: Union[int, float, bool, str, list[str], None]
    note: Optional[str] = Field(None, max_length=5000)


def list_query(q: Optional[str] = Q(None, max_length=500, description="words every article must hold (title or text)"),
               since: Optional[dt.date] = Q(None, description="incidents on or after this date (YYYY-MM-DD)"),
               until: Optional[dt.date] = Q(None, description="incidents on or before this date"),
               country: Optional[str] = Q(None, max_length=100, description="country name or ISO code"),
               type: Optional[str] = Q(None, max_length=60, description="GTD attack type, e.g. armed_assault"),
               party: Optional[str] = Q(None, max_length=200, description="a party named as responsible"),
               month: Optional[str] = Q(None, description="YYYY-MM"),
               min_killed: Optional[int] = Q(None, ge=0),
               sort: Literal[tuple(SORTS)] = Q("date"),  # type: ignore[valid-type]
               order: Literal["asc", "desc"] = Q("desc"),
               limit: int = Q(50, ge=1, le=500), offset: int = Q(0, ge=0)) -> Query:
    if month is not None and not MONTH.match(month):
        raise HTTPProblem(422, f"month: {month!r} is not YYYY-MM")
    return Query(q=q or None, since=since, until=until, country=country or None, type=type or None,
                 party=party or None, month=month, min_killed=min_killed, sort=sort, order=order,
                 limit=limit, offset=offset)


def run_list(store: Store, index: SummaryIndex, query: Query):
    def build():
        found = matching_dossiers(store, query.q) if query.q else None
        return select(index.summaries(), query, found)
    return index.memo(("list", query), build)


@router.get("/healthz")
def healthz(store: Store = Depends(get_store)) -> dict:
    """Whether the server and its store answer, with how many articles and dossiers it holds."""
    counts = store.counts()
    return {"ok": True, "articles": counts["articles"], "dossiers": counts["dossiers"]}


@router.get("/dossiers", response_model=DossierList, responses=READ)
def list_dossiers(query: Query = Depends(list_query), store: Store = Depends(get_store),
                  index: SummaryIndex = Depends(get_index)) -> dict:
    """Dossiers matching the filters, a page of them, and facet counts over every match."""
    page = run_list(store, index, query)
    return {"total": page.total, "items": page.items, "facets": page.facets}


def dossier_with_corrections(store: Store, dossier_id: str) -> dict:
    try:
        dossier = store.dossier(dossier_id)
    except NotFoundError:
        raise HTTPProblem(404, f"no dossier {dossier_id!r}") from None
    out = dossier_json(dossier)
    corrections = store.corrections(dossier.id)
    out["corrections"] = [c.to_json() for c in corrections]
    return out


@router.get("/dossiers/{dossier_id}", responses=ONE)
def get_dossier(dossier_id: str, store: Store = Depends(get_store),
                index: SummaryIndex = Depends(get_index)) -> dict[str, Any]:
    """The dossier as `dossier dossiers --format json` gives it, plus its `corrections` (oldest
    first; the latest of each field is in force). An article id gives the dossier holding it."""
    return index.memo(("json", dossier_id), lambda: dossier_with_corrections(store, dossier_id))


@router.get("/dossiers/{dossier_id}/corrections", response_model=list[Correction], responses=ONE)
def list_corrections(dossier_id: str, store: Store = Depends(get_store)) -> list[Correction]:
    dossier_with_corrections(store, dossier_id)
    return store.corrections(dossier_id)


@router.post("/dossiers/{dossier_id}/corrections", status_code=201, response_model=Correction,
             responses={**WRITE, **errors(404)})
def add_correction(dossier_id: str, body: CorrectionIn, who: Identity = Depends(api_writer),
                   store: Store = Depends(get_store)) -> Correction:
    """Store a person's value for one field, beside the machine's, with who (the token's name) and when."""
    dossier_with_corrections(store, dossier_id)
    return store.add_correction(dossier_id, body.field, body.value, who=who.name, note=body.note)


@router.get("/articles/{article_id:path}", responses=ONE)
def get_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """The article's record, as `dossier extract` prints it."""
    record = store.article(article_id)
    if record is None:
        raise HTTPProblem(404, f"no article {article_id!r}")
    return record.to_json()


@router.get("/rejected")
def rejected(store: Store = Depends(get_store)) -> list[dict[str, str]]:
    """Inputs that yielded no record, with the reason."""
    return [f.to_json() for f in store.failures()]


@router.post("/extract", responses=WRITE)
def extract(request: Request, body: ArticleIn, who: Identity = Depends(api_writer),
            settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    """The record of one article (text, HTML or URL), not stored. A URL on a loopback or private
    address is refused unless the server allows it."""
    return extracting.extract_one(request.app.state.extract_lock, body.model_dump(), settings).to_json()


@router.post("/articles", response_model=IngestReport, responses=WRITE)
def ingest(request: Request, body: Union[ArticleIn, list[ArticleIn]] = Body(...),
           who: Identity = Depends(api_writer), settings: Settings = Depends(get_settings),
           store: Store = Depends(get_store)) -> IngestReport:
    """Read, extract and store one article or a list of them, then regroup the dossiers; answers
    what `dossier ingest` reports. An article that yields no record is kept as rejected."""
    items = body if isinstance(body, list) else [body]
    if not items:
        raise HTTPProblem(422, "no articles in the body")
    return extracting.ingest(request.app.state.extract_lock, [i.model_dump() for i in items], settings, store)
