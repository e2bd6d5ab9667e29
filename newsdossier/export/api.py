"""What `dossier export` calls: pick the exporter by name, open the store, stream the selection.

An exporter is `write(source: Source, target: Target) -> int` (the number of dossiers written),
registered in `registry.exporters` under a versioned name ("csv-gtd.v1"); `--format csv-gtd`
takes the highest version registered. A plugin package registers its own the same way, through
the entry-point group `newsdossier_exporters`.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, TextIO

from .. import registry
from ..errors import ExportError
from ..records import ArticleRecord, Dossier
from ..store import Store
from .flat import FlatDossier, country_by_code, country_by_name, flatten

log = logging.getLogger(__name__)


@dataclass
class Source:
    """The dossiers an export writes: those of the store that hold an incident, that no person
    marked `not_an_incident`, and whose date and country (values in force) pass the filters.
    `skipped` counts the others by reason, for the report on stderr."""

    store: Store
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    country: Optional[str] = None
    skipped: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")
        if self.country is not None:
            found = country_by_code(self.country) if len(self.country) == 2 else None
            found = found or country_by_name(self.country)
            if found is None:
                raise ExportError(f"--country {self.country!r} is not a country name or ISO 3166 alpha-2 code")
            self.country = found.iso2

    def _skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def dossiers(self) -> Iterator[tuple[Dossier, FlatDossier]]:
        """(dossier, its values in force) for each selected dossier, in store order, streamed."""
        fixes: dict[str, list] = {}
        for c in self.store.corrections():         # people's corrections: few, read once
            fixes.setdefault(c.dossier_id, []).append(c)
        for dossier in self.store.dossiers():
            flat = flatten(dossier, fixes.get(dossier.id, ()))
            reason = self._reason(dossier, flat)
            if reason:
                self._skip(reason)
                continue
            yield dossier, flat

    def _reason(self, dossier: Dossier, flat: FlatDossier) -> Optional[str]:
        if dossier.incident is None and not flat.corrected:
            return "no incident"
        if flat.not_an_incident:
            return "marked not an incident"
        if self.country is not None and flat.country_code != self.country:
            return "other country"
        if self.since or self.until:
            start, end = period(flat.date, flat.date_precision)
            if start is None:
                return "no date"
            if (self.since and end < self.since) or (self.until and start > self.until):
                return "outside the dates"
        return None

    def batches(self, size: int = 200) -> Iterator[list[tuple[Dossier, FlatDossier]]]:
        """`dossiers()` in lists of `size`, so that an exporter reads their articles in one query."""
        batch = []
        for item in self.dossiers():
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def articles_of(self, ids) -> list[ArticleRecord]:
        """The whole records of these articles."""
        return self.store.articles_of(ids)

    def article_heads(self, ids) -> dict:
        """id -> row of `id, title, site, published, url, source`, for citations."""
        return self.store.article_heads(ids)


@dataclass
class Target:
    """Where an export goes: a path, or standard output when `path` is None."""

    path: Optional[Path] = None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)

    @contextlib.contextmanager
    def text(self, newline: Optional[str] = None) -> Iterator[TextIO]:
        if self.path is None:
            yield self.stdout
            self.stdout.flush()
            return
        try:
            with open(self.path, "w", encoding="utf-8", newline=newline) as out:
                yield out
        except OSError as exc:
            raise ExportError(f"{self.path}: cannot write ({exc.strerror})") from exc

    def folder(self) -> Path:
        if self.path is None:
            raise ExportError("this format writes a folder of files; give one with --out FOLDER")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{self.path}: cannot make the folder ({exc.strerror})") from exc
        return self.path


def period(value: Optional[str], precision: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """First and last day of an ISO date value of a day, a week, a month or a year."""
    try:
        if precision == "day":
            d = dt.date.fromisoformat(value)
            return d, d
        if precision == "week":
            start = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return start, start + dt.timedelta(days=6)
        if precision == "month":
            start = dt.date(int(value[:4]), int(value[5:7]), 1)
            nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        if precision == "year":
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except (TypeError, ValueError):
        pass
    return None, None


def exporter(name: str) -> Callable[[Source, Target], int]:
    """The exporter `name` ("csv-gtd" for its latest version, or "csv-gtd.v1")."""
    known = registry.exporters.get_all()
    if name in known:
        return known[name]
    versions = sorted((int(m.group(1)), key) for key in known
                      for m in [re.fullmatch(re.escape(name) + r"\.v(\d+)", key)] if m)
    if not versions:
        names = sorted({re.sub(r"\.v\d+$", "", k) for k in known})
        raise ExportError(f"{name!r} is not an export format; use one of: {', '.join(names)}")
    return known[versions[-1][1]]


def export(fmt: str, db: Optional[str] = None, out: Optional[Path] = None, since: Optional[dt.date] = None,
           until: Optional[dt.date] = None, country: Optional[str] = None,
           stdout: Optional[TextIO] = None) -> tuple[int, dict]:
    """`dossier export --format FMT [--db URL] [--out PATH] [--since] [--until] [--country]`.
    Returns how many dossiers were written and how many were left out, by reason."""
    write = exporter(fmt)
    with Store(db) as store:
        source = Source(store, since=since, until=until, country=country)
        written = write(source, Target(out, stdout or sys.stdout))
    return written, dict(source.skipped)
