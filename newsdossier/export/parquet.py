"""`parquet`: a folder of Parquet files that a notebook joins, typed columns, written in row groups.

    dossiers.parquet           one row per dossier: the values in force (`flat.FlatDossier`)
    dossier_articles.parquet   dossier_id, article_id, position
    articles.parquet           one row per article of an exported dossier
    statements.parquet         one row per statement of those articles
    figures.parquet            one row per point of a dossier's figure timeline
    responsibility.parquet     one row per cell of a dossier's party-by-source matrix

Dates are dates (a week or month is its first day; `date_precision` says which), counts are
integers, lists are lists of strings. Each file is written with pyarrow's ParquetWriter, a row
group at a time (`ROW_GROUP` rows, fewer for articles), so memory stays flat however many
dossiers there are.
The schemas below are the contract (README lists them).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import ArticleRecord, Dossier
from .api import Source, Target, period
from .flat import FlatDossier

ROW_GROUP = 20_000
# Articles carry their whole text: fewer of them per row group keeps the buffer small.
ROW_GROUP_BY_FILE = {"articles": 1_000}
_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
_L = pa.list_(pa.string())

SCHEMAS = {
    "dossiers": pa.schema([
        ("dossier_id", _S), ("date", _D), ("date_precision", _S), ("date_text", _S), ("types", _L),
        ("location", _S), ("venue", _S), ("city", _S), ("region", _S), ("country", _S), ("country_code", _S),
        ("latitude", _F), ("longitude", _F), ("geo_precision", _S),
        ("killed", _I), ("killed_max", _I), ("killed_qualifier", _S),
        ("injured", _I), ("injured_max", _I), ("injured_qualifier", _S), ("perpetrator_count", _I),
        ("perpetrators", _L), ("perpetrator_individuals", _L), ("accused", _L), ("claimed", _B),
        ("targets", _L), ("target_categories", _L), ("victims", _L), ("weapons", _L), ("weapon_categories", _L),
        ("contested", _B), ("contradictions", _L), ("summary", _S), ("articles", _I),
        ("independent_sources", _I), ("first_published", _D), ("last_published", _D), ("corrected", _L),
    ]),
    "dossier_articles": pa.schema([("dossier_id", _S), ("article_id", _S), ("position", _I)]),
    "articles": pa.schema([
        ("article_id", _S), ("source", _S), ("url", _S), ("title", _S), ("site", _S), ("author", _S),
        ("published", _D), ("published_text", _S), ("language", _S), ("input_format", _S), ("text", _S),
    ]),
    "statements": pa.schema([
        ("article_id", _S), ("statement_id", _S), ("kind", _S), ("type", _S), ("speaker", _S),
        ("cue", _S), ("content", _S), ("start", _I), ("end", _I), ("targets", _L), ("corroboration", _S),
    ]),
    "figures": pa.schema([
        ("dossier_id", _S), ("kind", _S), ("article_id", _S), ("published", _D), ("min", _I), ("max", _I),
        ("qualifier", _S), ("text", _S), ("source", _S), ("source_group", _I),
    ]),
    "responsibility": pa.schema([
        ("dossier_id", _S), ("party", _S), ("article_id", _S), ("published", _D), ("by", _S), ("how", _S),
        ("statement_id", _S), ("corroboration", _S), ("source_group", _I),
    ]),
}


def _day(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class _File:
    """One Parquet file: rows buffered up to a row group, then written."""

    def __init__(self, folder: Path, name: str):
        self.schema = SCHEMAS[name]
        self.limit = ROW_GROUP_BY_FILE.get(name, ROW_GROUP)
        self.writer = pq.ParquetWriter(folder / f"{name}.parquet", self.schema)
        self.rows: list[dict] = []

    def add(self, rows) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def dossier_row(flat: FlatDossier) -> dict:
    row = {name: getattr(flat, name, None) for name in SCHEMAS["dossiers"].names}
    row.update(dossier_id=flat.id, date=period(flat.date, flat.date_precision)[0], articles=len(flat.articles),
               first_published=_day(flat.first_published), last_published=_day(flat.last_published))
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in row.items()}


def _article_rows(record: ArticleRecord) -> tuple[dict, list[dict]]:
    a = record.article
    article = {"article_id": a.id, "source": a.source, "url": a.url, "title": a.title, "site": a.site,
               "author": a.author, "published": _day(a.published), "published_text": a.published,
               "language": a.language, "input_format": a.input_format, "text": a.text}
    names = {e.id: e.name for e in record.entities}
    statements = [{"article_id": a.id, "statement_id": s.id, "kind": s.kind, "type": s.type,
                   "speaker": (names.get(s.speaker.entity or "", s.speaker.text) if s.speaker else None),
                   "cue": s.cue.text if s.cue else None, "content": s.content.text, "start": s.content.start,
                   "end": s.content.end, "targets": list(s.targets), "corroboration": s.corroboration}
                  for s in record.statements]
    return article, statements


def _timeline_rows(dossier: Dossier) -> tuple[list[dict], list[dict]]:
    figures = [{"dossier_id": dossier.id, "kind": p.kind, "article_id": p.article, "published": _day(p.published),
                "min": p.min, "max": p.max, "qualifier": p.qualifier, "text": p.text, "source": p.source,
                "source_group": p.source_group} for p in dossier.figures]
    cells = [{"dossier_id": dossier.id, "party": c.party, "article_id": c.article, "published": _day(c.published),
              "by": c.by, "how": c.how, "statement_id": c.statement, "corroboration": c.corroboration,
              "source_group": c.source_group} for c in dossier.responsibility]
    return figures, cells


def write_parquet(source: Source, target: Target) -> int:
    """The six files into the folder `--out`; returns how many dossiers."""
    folder = target.folder()
    files = {name: _File(folder, name) for name in SCHEMAS}
    written = 0
    try:
        for batch in source.batches():
            ids = []
            for dossier, flat in batch:
                files["dossiers"].add([dossier_row(flat)])
                files["dossier_articles"].add({"dossier_id": flat.id, "article_id": a, "position": n}
                                              for n, a in enumerate(flat.articles))
                figures, cells = _timeline_rows(dossier)
                files["figures"].add(figures)
                files["responsibility"].add(cells)
                ids.extend(flat.articles)
                written += 1
            for record in source.articles_of(ids):
                article, statements = _article_rows(record)
                files["articles"].add([article])
                files["statements"].add(statements)
    finally:
        for f in files.values():
            f.close()
    return written
