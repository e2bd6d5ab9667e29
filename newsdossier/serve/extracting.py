"""`POST /api/extract` and `POST /api/articles`: request bodies read exactly as `dossier extract`
reads a JSONL line (text or HTML) or a URL (fetched with the same address check, timeouts and
caps), then the pipeline. One extraction runs at a time (a lock): the spaCy pipeline is loaded
once per process and is not shared between threads.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import threading
from typing import Iterator, Union
from urllib.parse import urlsplit

from ..ingest import read_blob, read_inputs
from ..ingest.meta import iso_date
from ..ingest.sources import Blob
from ..records import Article, ArticleRecord, Failure, IngestReport
from ..settings import Settings
from ..store import Store
from .deps import HTTPProblem


def _source() -> str:
    # Distinct per request, so a rejected input of one request is never taken for another's.
    return "api:" + dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _articles(items: list[dict], settings: Settings) -> Iterator[Union[Article, Failure]]:
    """Articles (or Failures) of request items, in order."""
    source = _source()
    for n, item in enumerate(items, 1):
        given = [k for k in ("text", "html", "url") if item.get(k) is not None]
        if len(given) != 1:
            yield Failure(source=f"{source}#{n}", reason='give exactly one of "text", "html" or "url"')
            continue
        published = item.get("published")
        if published not in (None, "") and iso_date(published) is None:
            yield Failure(source=f"{source}#{n}", reason=f"published {published!r} is not a date (use YYYY-MM-DD)")
            continue
        if given[0] == "url":
            # Only a web address: `read_inputs` would take anything else for a path on this server.
            if urlsplit(item["url"].strip()).scheme.lower() not in ("http", "https"):
                yield Failure(source=f"{source}#{n}", reason='"url" must be an http:// or https:// address')
                continue
            mine = settings.with_(published=dt.date.fromisoformat(iso_date(published)[:10])) if published else settings
            yield from read_inputs([item["url"]], mine)
            continue
        line = json.dumps({k: item.get(k) for k in ("id", "title", "published", "text", "html")
                           if item.get(k) is not None}).encode("utf-8")
        blob = Blob(source=source, stream=io.BytesIO(line), head=line[:65536], name="request.jsonl",
                    what="request body", size=len(line))
        for article in read_blob(blob, settings):
            # The JSONL reader names line 1; the request's own numbering says which item it was.
            if isinstance(article, Failure):
                yield Failure(source=f"{source}#{n}", reason=article.reason.removeprefix("line 1: "))
            else:
                yield article.model_copy(update={"source": f"{source}#{n}"})


def _extract(lock: threading.Lock, items: list[dict], settings: Settings) -> list[Union[ArticleRecord, Failure]]:
    from ..pipeline import extract_records

    articles = list(_articles(items, settings))
    with lock:
        return list(extract_records(articles, settings))


def extract_one(lock: threading.Lock, item: dict, settings: Settings) -> ArticleRecord:
    """The record of one request item; 422 with the reason when it yields none."""
    [result] = _extract(lock, [item], settings) or [Failure(source="request", reason="no article text")]
    if isinstance(result, Failure):
        raise HTTPProblem(422, f"{result.source}: {result.reason}")
    return result


def ingest(lock: threading.Lock, items: list[dict], settings: Settings, store: Store) -> IngestReport:
    """Extract request items into the store and regroup; Failures are kept as rejected rows."""
    return store.add(_extract(lock, items, settings), settings.batch_size)
