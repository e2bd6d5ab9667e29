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


def _m0001_initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=VERSION_1)


def _m0002_corrections(conn: Connection) -> None:
    metadata.create_all(conn, tables=[corrections])


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _m0001_initial),
    ("0002_corrections", _m0002_corrections),
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
