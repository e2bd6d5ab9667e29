"""The built-in registrations, all in one place (spaCy's `registrations.py` pattern).

Built-in functions are plain functions in their modules; `register_builtins(kind)` puts each in
its registry under its versioned name. A registry calls it the first time it is read
(`registry.Registry`), one kind at a time, so that looking up an exporter does not load spaCy.
Plugins add to the same registries through entry points (newsdossier/registry.py), so a plugin and
a built-in are found the same way.
"""
from __future__ import annotations

from typing import Callable, Optional


def _extractors() -> dict[str, Callable]:
    from .extract.incidents import EXTRACTOR as INCIDENTS, extract_incidents
    from .extract.statements import EXTRACTOR as STATEMENTS, extract_statements

    return {STATEMENTS: extract_statements, INCIDENTS: extract_incidents}


def _formats() -> dict[str, Callable]:
    from .serve.formats import write_json, write_jsonl, write_markdown

    return {"jsonl": write_jsonl, "json": write_json, "markdown": write_markdown}


def _readers() -> dict[str, Callable]:
    from .ingest.feeds import read_feed
    from .ingest.readers import read_html, read_jsonl, read_text
    from .ingest.sitemaps import read_sitemap
    from .ingest.warc import read_warc

    return {"text.v1": read_text, "html.v1": read_html, "jsonl.v1": read_jsonl, "feed.v1": read_feed,
            "sitemap.v1": read_sitemap, "warc.v1": read_warc}


def _fetchers() -> dict[str, Callable]:
    from .ingest.fetch import fetch_http

    return {"http.v1": fetch_http}


def _exporters() -> dict[str, Callable]:
    from .export.acled import write_acled
    from .export.geojson import write_geojson
    from .export.gtd import write_gtd
    from .export.jsonl import write_jsonl
    from .export.parquet import write_parquet

    return {"csv-gtd.v1": write_gtd, "csv-acled.v1": write_acled, "geojson.v1": write_geojson,
            "jsonl.v1": write_jsonl, "parquet.v1": write_parquet}


def _engines() -> dict[str, Callable]:
    from .bulk.engines import local_engine, ray_engine

    return {"local": local_engine, "ray": ray_engine}


def _benches() -> dict[str, Callable]:
    from .bench import export, figures, grouping, incidents, peer, scale, serve, speed, statements

    return {"speed": speed.run, "peer": peer.run, "statements": statements.run, "incidents": incidents.run, "figures": figures.run,
            "grouping": grouping.run, "export": export.run, "scale": scale.run, "serve": serve.run}


BUILTINS: dict[str, Callable[[], dict[str, Callable]]] = {
    "extractors": _extractors, "formats": _formats, "readers": _readers, "fetchers": _fetchers,
    "exporters": _exporters, "engines": _engines, "benches": _benches}
_done: set[str] = set()


def register_builtins(kind: Optional[str] = None) -> None:
    """Register the built-ins of registry `kind` ("extractors", "formats", ...), or of all of them;
    each kind once per process."""
    from . import registry

    for name in ([kind] if kind is not None else list(BUILTINS)):
        if name in _done or name not in BUILTINS:
            continue
        _done.add(name)  # first, so that a module that reads its own registry while imported stops here
        target = getattr(registry, name)
        for key, func in BUILTINS[name]().items():
            target.register(key, func=func)
