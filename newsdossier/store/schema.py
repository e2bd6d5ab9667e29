"""The store's tables and the migrations that create them.

A migration is a function of a connection; each runs in its own transaction and is recorded by name
in the `migrations` table, so opening a store runs exactly the ones it has not had yet. Append new
migrations to `MIGRATIONS`; never edit one that has shipped.

Records are kept whole as JSON text in `record` columns (text rather than a JSON type because
PostgreSQL's jsonb refuses the NUL character that a scraped page may hold); the other columns are
copies of a few fields for lookups and queries.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

migrations = sa.Table(
    "migrations", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(300), primary_key=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("text_hash", sa.String(80), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("site", sa.Text, nullable=True),
    sa.Column("published", sa.String(40), nullable=True),
    sa.Column("record", sa.Text, nullable=False),
    # 0003: the article's text as a column of its own, for the full-text index (see fulltext.py).
    sa.Column("text", sa.Text, nullable=True),
    sa.Index("ix_articles_text_hash", "text_hash", unique=True),
    sa.Index("ix_articles_url", "url", unique=True),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("entity_id", sa.String(100), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
)

statements = sa.Table(
    "statements", metadata,
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("statement_id", sa.String(100), primary_key=True),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("speaker", sa.Text, nullable=True),
    sa.Column("content", sa.Text, nullable=False),
)

incidents = sa.Table(
    "incidents", metadata,
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("incident_id", sa.String(100), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("types", sa.Text, nullable=False),
    sa.Column("date", sa.String(40), nullable=True),
    sa.Column("city", sa.Text, nullable=True),
    sa.Column("country_code", sa.String(8), nullable=True),
    sa.Column("killed_min", sa.Integer, nullable=True),
    sa.Column("injured_min", sa.Integer, nullable=True),
    # 0003: for maps (datasette-cluster-map reads latitude/longitude) and facets; `types` became a
    # JSON array then (it was comma-separated).
    sa.Column("country", sa.Text, nullable=True),
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
)

# Other ids under which an already stored text arrived (the same article twice is one row, but
# every id given stays findable and is listed in its dossier).
article_aliases = sa.Table(
    "article_aliases", metadata,
    sa.Column("alias", sa.String(300), primary_key=True),
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
)

# Quarantine: every input that yielded no record, with the reason, instead of dropping it.
rejected = sa.Table(
    "rejected", metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
)

dossiers = sa.Table(
    "dossiers", metadata,
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("first_date", sa.String(40), nullable=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    # 0003: the values in force (corrections over the machine's), lists as JSON arrays; see columns.py.
    sa.Column("date", sa.String(40), nullable=True),
    sa.Column("types", sa.Text, nullable=True),
    sa.Column("country", sa.Text, nullable=True),
    sa.Column("country_code", sa.String(8), nullable=True),
    sa.Column("region", sa.Text, nullable=True),
    sa.Column("city", sa.Text, nullable=True),
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
    sa.Column("killed", sa.Integer, nullable=True),
    sa.Column("injured", sa.Integer, nullable=True),
    sa.Column("perpetrators", sa.Text, nullable=True),
    sa.Column("summary", sa.Text, nullable=True),
)

dossier_articles = sa.Table(
    "dossier_articles", metadata,
    sa.Column("dossier_id", sa.String(100), sa.ForeignKey("dossiers.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
)

VERSION_1 = [articles, article_aliases, entities, statements, incidents, rejected, dossiers, dossier_articles]

# People's corrections of dossier fields, kept beside the machine's values (never over them). No
# foreign key to `dossiers`: regrouping rewrites dossier rows, and a correction must outlive that
# (it is moved to the dossier that now holds its articles; see Store.regroup).
corrections = sa.Table(
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dossier_id", sa.String(100), nullable=False, index=True),
    sa.Column("field", sa.String(60), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("articles", sa.Text, nullable=False),
)


# Items `dossier watch` has handled (by link, or a hash for a feed item without one), so a restart
# does not fetch them again; `found_in` is the feed or sitemap that listed the item first.
watch_seen = sa.Table(
    "watch_seen", metadata,
    sa.Column("key", sa.String(2048), primary_key=True),
    sa.Column("found_in", sa.Text, nullable=False),
    sa.Column("seen_at", sa.String(40), nullable=False),
)


# The grouping's index (see store/grouping_index.py): each article's grouping features and its
# dossier, the articles that hold each specific term (persons, addresses, capitalised words) with
# their date, and document frequencies kept up to date as articles come, so that a new article is
# compared only with candidate dossiers and never with the whole store.
group_articles = sa.Table(
    "group_articles", metadata,
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("dossier_id", sa.String(100), nullable=False, index=True),
    sa.Column("date", sa.Integer, nullable=True),
    sa.Column("features", sa.Text, nullable=False),
)

group_terms = sa.Table(
    "group_terms", metadata,
    sa.Column("space", sa.String(12), primary_key=True),
    sa.Column("term", sa.String(200), primary_key=True),
    sa.Column("article_id", sa.String(300), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("date", sa.Integer, nullable=True),
    sa.Index("ix_group_terms_lookup", "space", "term", "date"),
    sa.Index("ix_group_terms_article", "article_id"),
)

group_df = sa.Table(
    "group_df", metadata,
    sa.Column("space", sa.String(12), primary_key=True),
    sa.Column("term", sa.String(200), primary_key=True),
    sa.Column("df", sa.Integer, nullable=False),
)

# Ids of dossiers that were merged into another or emptied: a printed id keeps resolving.
dossier_aliases = sa.Table(
    "dossier_aliases", metadata,
    sa.Column("alias", sa.String(100), primary_key=True),
    sa.Column("dossier_id", sa.String(100), nullable=False, index=True),
)


def _m0001_initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=VERSION_1)


def _m0002_corrections(conn: Connection) -> None:
    metadata.create_all(conn, tables=[corrections])


# Columns 0003 adds. A store made before it lacks them; a new one has them already, because 0001
# creates its tables from the current definitions, so 0003 adds only what is missing.
COLUMNS_0003 = {"articles": ("text",), "incidents": ("country", "latitude", "longitude"),
                "dossiers": ("date", "types", "country", "country_code", "region", "city", "latitude",
                             "longitude", "killed", "injured", "perpetrators", "summary")}
BACKFILL_PAGE = 500


def _m0003_datasette(conn: Connection) -> None:
    """Columns for maps and facets, lists as JSON arrays, full-text indexes: filled from the
    stored records (a page of rows at a time), then the indexes built."""
    from . import columns, fulltext
    from ..records import ArticleRecord, Correction, Dossier

    have = {t: {c["name"] for c in sa.inspect(conn).get_columns(t)} for t in COLUMNS_0003}
    for name, wanted in COLUMNS_0003.items():
        table = metadata.tables[name]
        for col in wanted:
            if col not in have[name]:
                kind = table.c[col].type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f'ALTER TABLE {name} ADD COLUMN "{col}" {kind}')
    a, i, d, c = articles.c, incidents.c, dossiers.c, corrections.c
    for row in _pages(conn, articles, a.id, a.record):
        record = ArticleRecord.model_validate_json(row.record)
        conn.execute(articles.update().where(a.id == row.id).values(text=columns.clean(record.article.text)))
        for inc in columns.incident_rows(record):
            conn.execute(incidents.update().where(i.article_id == row.id, i.incident_id == inc["incident_id"])
                         .values(types=inc["types"], country=inc["country"], latitude=inc["latitude"],
                                 longitude=inc["longitude"]))
    fixes: dict[str, list] = {}
    for row in conn.execute(sa.select(corrections)):
        value = json.loads(row.value)
        fixes.setdefault(row.dossier_id, []).append(Correction(
            id=row.id, dossier_id=row.dossier_id, field=row.field, who=row.who, at=row.at,
            value=tuple(value) if isinstance(value, list) else value))
    for row in _pages(conn, dossiers, d.id, d.record):
        dossier = Dossier.model_validate_json(row.record)
        conn.execute(dossiers.update().where(d.id == row.id)
                     .values(**columns.dossier_columns(dossier, fixes.get(row.id, ()))))
    fulltext.create_index(conn)


def _pages(conn: Connection, table: sa.Table, key: sa.Column, *cols: sa.Column):
    """Every row of `table`, a page at a time in `key` order (so updates while reading are safe)."""
    last = None
    while True:
        query = sa.select(key, *cols).order_by(key).limit(BACKFILL_PAGE)
        if last is not None:
            query = query.where(key > last)
        page = conn.execute(query).fetchall()
        yield from page
        if len(page) < BACKFILL_PAGE:
            return
        last = page[-1][0]
def _m0004_watch_seen(conn: Connection) -> None:
    metadata.create_all(conn, tables=[watch_seen])


def _m0006_grouping_index(conn: Connection) -> None:
    # Filled from the stored records by the next ingest (Store.add sees an index that lacks stored
    # articles and builds it), since building needs the records' features, not only SQL.
    metadata.create_all(conn, tables=[group_articles, group_terms, group_df, dossier_aliases])


def _m0007_one_text_hash(conn: Connection) -> None:
    """`text_hash` recomputed with the one article hash (`ingest.meta.article_id`: Unicode NFC,
    whitespace collapsed, lower-cased), which ingest also gives as the id of an article without one.
    Before, the store hashed its own way (no NFC) and ingest its own (case kept)."""
    from ..ingest.meta import article_id

    a = articles.c
    taken = {row.text_hash for row in conn.execute(sa.select(a.text_hash))}
    for row in _pages(conn, articles, a.id, a.record, a.text_hash):
        new = article_id(json.loads(row.record)["article"]["text"])
        if new == row.text_hash:
            continue
        # Two stored texts that differ only in Unicode composition would share the new hash: the
        # second keeps its old one rather than break the unique index (it stays findable by id and URL).
        if new in taken:
            continue
        conn.execute(articles.update().where(a.id == row.id).values(text_hash=new))
        taken.add(new)


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _m0001_initial),
    ("0002_corrections", _m0002_corrections),
    ("0003_datasette", _m0003_datasette),
    ("0004_watch_seen", _m0004_watch_seen),
    ("0006_grouping_index", _m0006_grouping_index),
    ("0007_one_text_hash", _m0007_one_text_hash),
]


def migrate(engine: sa.Engine, reader: Optional[sa.Engine] = None) -> list[str]:
    """Run the migrations `engine`'s database has not had; each in its own transaction. Returns
    the names of those run.

    `engine` writes (on SQLite, the store's IMMEDIATE engine); `reader`, when given, looks first
    whether anything is to do at all, so that opening an up-to-date store takes no write lock.
    Another process may migrate the same database at the same time: each migration looks again,
    inside its transaction (holding the lock), whether it has been run meanwhile."""
    if _applied(reader or engine) >= {name for name, _ in MIGRATIONS}:
        return []
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[migrations])
    ran = []
    for name, step in MIGRATIONS:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE migrations IN SHARE ROW EXCLUSIVE MODE")
            if conn.execute(sa.select(migrations.c.name).where(migrations.c.name == name)).first():
                continue
            step(conn)
            conn.execute(migrations.insert().values(
                name=name, applied_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        ran.append(name)
    return ran


def _applied(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(migrations.name):
            return set()
        return {row.name for row in conn.execute(sa.select(migrations.c.name))}
