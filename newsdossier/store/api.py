"""What the `dossier ingest`, `dossier watch`, `dossier dossiers` and `dossier show` commands call:
one function each, so the CLI only parses arguments."""
from __future__ import annotations

import json
import threading
from typing import Iterable, Iterator, Optional

from ..errors import DossierError
from ..records import IngestReport, PollReport
from ..reconcile.render import dossier_json, dossier_markdown, dossiers_jsonl
from ..settings import Settings
from .db import Store

FORMATS = ("jsonl", "json", "markdown")


def ingest(inputs: Iterable[str], db: Optional[str] = None, settings: Optional[Settings] = None,
           progress: bool = True) -> IngestReport:
    """`dossier ingest INPUT... [--db URL]`."""
    with Store(db) as store:
        return store.ingest(inputs, settings, progress=progress)


def watch(sources: Iterable[str], db: Optional[str] = None, settings: Optional[Settings] = None,
          every: float = 600.0, polls: Optional[int] = None,
          stop: Optional[threading.Event] = None) -> Iterator[PollReport]:
    """`dossier watch FEED_OR_SITEMAP... [--every 10m] [--polls N] [--db URL]`: one report per poll."""
    from ..ingest.watch import watch as run

    with Store(db) as store:
        yield from run(sources, store, settings or Settings(), every=every, polls=polls, stop=stop)


def list_dossiers(db: Optional[str] = None, fmt: str = "jsonl") -> Iterator[str]:
    """`dossier dossiers [--db URL] [--format jsonl|json|markdown]`: the text to print, in pieces."""
    if fmt not in FORMATS:
        raise DossierError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    # Readers open the store read-only: they work on a file they may not write (a read-only
    # folder, another user's database) and never create one by mistake. The store stays open while
    # the text is produced, so dossiers are read a batch at a time and memory does not grow with it.
    with Store(db, read_only=True) as store:
        dossiers = store.dossiers()
        if fmt == "jsonl":
            for line in dossiers_jsonl(dossiers):
                yield line + "\n"
        elif fmt == "json":
            yield from _json_array(dossier_json(d) for d in dossiers)
        else:
            for d in dossiers:
                yield dossier_markdown(d) + "\n"


def _json_array(items: Iterable[dict]) -> Iterator[str]:
    """`json.dumps(list(items), indent=2)` written an item at a time."""
    first = True
    for item in items:
        body = "\n".join("  " + line for line in json.dumps(item, ensure_ascii=False, indent=2).splitlines())
        yield ("[\n" if first else ",\n") + body
        first = False
    yield "[]\n" if first else "\n]\n"


def show_dossier(dossier_id: str, db: Optional[str] = None, fmt: str = "markdown") -> str:
    """`dossier show ID [--db URL]`: one dossier (by its id or one of its article ids) for a person."""
    with Store(db, read_only=True) as store:
        dossier = store.dossier(dossier_id)
    if fmt == "markdown":
        return dossier_markdown(dossier)
    return json.dumps(dossier_json(dossier), ensure_ascii=False, indent=2) + "\n"
