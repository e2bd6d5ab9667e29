"""The dossier list behind `/` and `/api/dossiers`: one summary per dossier, filters, facets, sorting.

Summaries are worked out from the stored dossiers (with the corrections in force) once, and again
only when the database changed: on SQLite a connection of its own asks `PRAGMA data_version`
(which moves whenever any other connection, in this process or another, commits); on PostgreSQL a
digest of the dossier and correction rows is asked for. So the list stays right while `dossier
ingest` writes to the store, and costs one small query per request while it does not. The same
version keeps a bounded memo of other answers worked out from the store (a page of the list, a
dossier's view), dropped whole when the database changes.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import sqlalchemy as sa

from ..records import Correction, Dossier, DossierSummary
from ..reconcile.corrections import in_force
from ..store import Store, schema

POSITIVE = ("claimed", "attributed", "accused", "alleged")
SORTS: dict[str, Callable[[DossierSummary], object]] = {
    "date": lambda s: s.date or "",
    "place": lambda s: (s.place or "").lower(),
    "types": lambda s: ",".join(s.types),
    "killed": lambda s: -1 if s.killed is None else s.killed,
    "injured": lambda s: -1 if s.injured is None else s.injured,
    "parties": lambda s: ",".join(s.parties).lower(),
    "articles": lambda s: s.articles,
    "sources": lambda s: s.independent_sources,
    "contested": lambda s: s.contested,
}
FACETS = ("country", "type", "party", "month")
FACET_VALUES = 30  # values listed per facet, most frequent first
MEMO_SIZE = 512


def _figure_text(value) -> Optional[str]:
    return None if value is None else str(value)


def summarize(dossier: Dossier, title: Optional[str], corrections: Iterable[Correction]) -> DossierSummary:
    """The list row of one dossier: merged values, each replaced by a correction in force."""
    inc = dossier.incident
    loc = inc.location if inc else None
    chosen = {f.field: f.value for f in dossier.fields}
    parties: dict[str, str] = {}
    for cell in dossier.responsibility:
        if cell.how in POSITIVE:
            parties.setdefault(cell.party.strip().lower(), cell.party.strip())
    row = {
        "id": dossier.id, "title": title,
        "date": (inc.date.value if inc and inc.date and inc.date.value else None) or chosen.get("date")
        or dossier.first_published,
        "place": chosen.get("location") or (loc.name if loc else None),
        "city": loc.city if loc else None, "country": (loc.country or loc.country_code) if loc else None,
        "country_code": loc.country_code if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "types": tuple(inc.types) if inc else (),
        "killed": inc.killed.min if inc and inc.killed else None,
        "killed_text": _figure_text(chosen.get("killed")),
        "injured": inc.injured.min if inc and inc.injured else None,
        "injured_text": _figure_text(chosen.get("injured")),
        "parties": tuple(parties.values()),
        "articles": len(dossier.articles), "independent_sources": dossier.independent_sources,
        "contested": bool(dossier.contradictions),
        "first_published": dossier.first_published, "last_published": dossier.last_published,
    }
    corrected = []
    for name, c in in_force(corrections).items():
        value = c.value
        if name in ("killed", "injured"):
            row[name], row[f"{name}_text"] = value, str(value)
        elif name == "types":
            row["types"] = tuple(value)
        elif name == "date":
            row["date"] = value
        elif name in ("location", "venue"):
            row["place"] = value
        elif name == "city":
            row["city"] = value
            row["place"] = row["place"] or value
        elif name == "country":
            row["country"], row["country_code"] = value, None
        elif name in ("latitude", "longitude"):
            row["lat" if name == "latitude" else "lon"] = value
        elif name == "perpetrators":
            row["parties"] = tuple(value)
        else:
            continue
        corrected.append(name)
    row["corrected"] = tuple(sorted(corrected))
    return DossierSummary(**row)


def _month(s: DossierSummary) -> Optional[str]:
    return s.date[:7] if s.date and len(s.date) >= 7 else None


def facet_values(s: DossierSummary, name: str) -> tuple[str, ...]:
    if name == "country":
        return (s.country,) if s.country else ()
    if name == "type":
        return s.types
    if name == "party":
        return s.parties
    month = _month(s)
    return (month,) if month else ()


@dataclass(frozen=True)
class Query:
    """What `/api/dossiers` and `/` take: filters, sorting and a page."""

    q: Optional[str] = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    country: Optional[str] = None
    type: Optional[str] = None
    party: Optional[str] = None
    month: Optional[str] = None
    min_killed: Optional[int] = None
    sort: str = "date"
    order: str = "desc"
    limit: int = 50
    offset: int = 0

    def keeps(self, s: DossierSummary, found: Optional[set[str]]) -> bool:
        if found is not None and s.id not in found:
            return False
        if self.since and (not s.date or s.date < self.since.isoformat()):
            return False
        if self.until and (not s.date or s.date[:10] > self.until.isoformat()):
            return False
        if self.country and not any(self.country.lower() == (v or "").lower()
                                    for v in (s.country, s.country_code)):
            return False
        if self.type and self.type not in s.types:
            return False
        if self.party and self.party.lower() not in (p.lower() for p in s.parties):
            return False
        if self.month and _month(s) != self.month:
            return False
        if self.min_killed is not None and (s.killed is None or s.killed < self.min_killed):
            return False
        return True


@dataclass
class Page:
    total: int
    items: list[DossierSummary]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    matches: list[DossierSummary] = field(default_factory=list)  # every match, sorted (for the map)


def select(summaries: list[DossierSummary], query: Query, found: Optional[set[str]] = None) -> Page:
    """The page of `summaries` that `query` asks for, with facet counts over every match."""
    kept = [s for s in summaries if query.keeps(s, found)]
    facets: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts = Counter(v for s in kept for v in facet_values(s, name))
        # Months newest first; other facets most frequent first.
        order = (lambda kv: kv[0]) if name == "month" else (lambda kv: (-kv[1], kv[0]))
        facets[name] = dict(sorted(counts.items(), key=order, reverse=name == "month")[:FACET_VALUES])
    key = SORTS.get(query.sort, SORTS["date"])
    # Ties keep a stable order by id, whichever way the column is sorted.
    kept.sort(key=lambda s: s.id)
    kept.sort(key=key, reverse=query.order != "asc")
    return Page(total=len(kept), items=kept[query.offset:query.offset + query.limit], facets=facets, matches=kept)


class SummaryIndex:
    """The summaries of one store, worked out again only when the database changed."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._version: object = None
        self._summaries: Optional[list[DossierSummary]] = None
        self._memo: OrderedDict = OrderedDict()
        self._watch: Optional[sqlite3.Connection] = None
        if store.engine.dialect.name == "sqlite" and store.engine.url.database:
            # Read-only, autocommit; used only to ask data_version, under the lock.
            self._watch = sqlite3.connect(f"file:{store.engine.url.database}?mode=ro", uri=True,
                                          check_same_thread=False, isolation_level=None)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()

    def _current_version(self) -> object:
        if self._watch is not None:
            return self._watch.execute("PRAGMA data_version").fetchone()[0]
        with self.store.engine.connect() as conn:
            return tuple(conn.execute(sa.text(
                "SELECT (SELECT md5(coalesce(string_agg(id || ':' || md5(record), ',' ORDER BY id), '')) FROM dossiers),"
                " (SELECT count(*) FROM corrections), (SELECT max(id) FROM corrections),"
                " (SELECT count(*) FROM articles)")).first())

    def _check(self) -> None:
        """Drop everything worked out from the store when the database changed (lock held)."""
        version = self._current_version()
        if version != self._version or version is None:
            self._version = version
            self._summaries = None
            self._memo.clear()

    def summaries(self) -> list[DossierSummary]:
        with self._lock:
            self._check()
            if self._summaries is None:
                self._summaries = self._build()
            return self._summaries

    def memo(self, key, build: Callable[[], object]):
        """`build()`, remembered under `key` until the database changes (at most MEMO_SIZE answers).
        Built outside the lock, so that slow answers do not wait for each other."""
        with self._lock:
            self._check()
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
            version = self._version
        value = build()
        with self._lock:
            if self._version == version:
                self._memo[key] = value
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        return value

    def _build(self) -> list[DossierSummary]:
        d, m, a = schema.dossiers.c, schema.dossier_articles.c, schema.articles.c
        with self.store.engine.connect() as conn:
            titles = {row.dossier_id: row.title for row in conn.execute(
                sa.select(m.dossier_id, a.title).join(schema.articles, a.id == m.article_id)
                .where(m.position == 0))}
            corrections: dict[str, list[Correction]] = {}
            for c in self.store.corrections():
                corrections.setdefault(c.dossier_id, []).append(c)
            out = []
            for row in conn.execute(sa.select(d.record).order_by(d.id)):
                dossier = Dossier.model_validate(json.loads(row.record))
                out.append(summarize(dossier, titles.get(dossier.id), corrections.get(dossier.id, ())))
        return out
