"""Full-text search over the store: article title and text, and statement content.

    from newsdossier.store.fulltext import search_articles
    hits = search_articles(store, "ferry terminal")      # a Store, an Engine or a Connection
    for hit in hits: hit.article, hit.title, hit.snippet, hit.score

`search_articles(conn_or_store, q, limit=20)` is the one call for anything that searches articles
(the web UI, the CLI): the words of `q` must all occur (case and punctuation ignored, no query
syntax to get wrong), the best matches first, each with a snippet that brackets the words found.
`search_statements` does the same over what people said.

The index differs by backend, the call does not:
- SQLite: FTS5 tables `articles_fts` (title, text) and `statements_fts` (content) with the rows'
  own tables as external content, kept in step by triggers; Datasette finds them and offers a
  search box (`?_search=`). Ranked by bm25, the title weighing twice the text.
- PostgreSQL: GIN indexes on the English `tsvector` of the same columns (the first 200,000
  characters of an article's text, below PostgreSQL's size limit for one tsvector); ranked by
  ts_rank.
"""
from __future__ import annotations

import re
from typing import Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import StoreError
from ..records import SearchHit

PG_TEXT_CHARS = 200_000

def _pg_article(a: str = "") -> str:
    return (f"to_tsvector('english', coalesce({a}title, '') || ' ' || "
            f"left(coalesce({a}text, ''), {PG_TEXT_CHARS}))")


def _pg_statement(s: str = "") -> str:
    return f"to_tsvector('english', {s}content)"


def _sqlite_ddl(table: str, cols: tuple[str, ...]) -> list[str]:
    """An FTS5 index of `table`'s `cols` with the table as external content, and the triggers
    that keep it in step (the pattern sqlite-utils' enable_fts writes)."""
    fts, names = f"[{table}_fts]", ", ".join(f"[{c}]" for c in cols)
    new, old = ", ".join(f"new.[{c}]" for c in cols), ", ".join(f"old.[{c}]" for c in cols)
    insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING FTS5 ({names}, content=[{table}])",
        f"CREATE TRIGGER IF NOT EXISTS [{table}_fts_ai] AFTER INSERT ON [{table}] BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS [{table}_fts_ad] AFTER DELETE ON [{table}] BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS [{table}_fts_au] AFTER UPDATE ON [{table}] BEGIN {delete} {insert} END",
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    ]


def create_index(conn: Connection) -> None:
    """Build the full-text indexes of the store `conn` is connected to (migration 0003)."""
    if conn.dialect.name == "sqlite":
        for statement in _sqlite_ddl("articles", ("title", "text")) + _sqlite_ddl("statements", ("content",)):
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN (({_pg_article()}))")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_statements_fts ON statements USING GIN (({_pg_statement()}))")


def _words(q: str) -> list[str]:
    return re.findall(r"\w+", q or "")


def _run(conn_or_store, sql: dict[str, str], q: str, limit: int) -> list[SearchHit]:
    words = _words(q)
    if not words:
        return []
    engine_or_conn = getattr(conn_or_store, "engine", conn_or_store)
    dialect = engine_or_conn.dialect.name
    if dialect not in sql:
        raise StoreError(f"full-text search needs SQLite or PostgreSQL, not {dialect}")
    # SQLite: every word quoted, so FTS5 syntax in `q` ("NEAR", a stray quote) is only text.
    query = " ".join('"' + w + '"' for w in words) if dialect == "sqlite" else " ".join(words)
    params = {"q": query, "n": max(1, min(int(limit), 1000))}

    def fetch(conn: Connection) -> list[SearchHit]:
        rows = conn.execute(sa.text(sql[dialect]), params).fetchall()
        return [SearchHit(article=r.article, title=r.title, published=r.published, snippet=r.snippet or "",
                          score=float(r.score or 0.0)) for r in rows]

    try:
        if isinstance(engine_or_conn, Connection):
            return fetch(engine_or_conn)
        with engine_or_conn.connect() as conn:
            return fetch(conn)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"full-text search for {q!r} failed ({type(exc).__name__}: {exc})") from exc


_ARTICLES = {
    "sqlite": """
        SELECT a.id AS article, a.title, a.published,
               snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, -bm25(articles_fts, 2.0, 1.0) AS score
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts, 2.0, 1.0), a.id LIMIT :n""",
    "postgresql": f"""
        SELECT a.id AS article, a.title, a.published,
               ts_headline('english', left(coalesce(a.text, ''), {PG_TEXT_CHARS}), query,
                           'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet,
               ts_rank({_pg_article('a.')}, query) AS score
        FROM articles a, plainto_tsquery('english', :q) query
        WHERE {_pg_article('a.')} @@ query
        ORDER BY score DESC, a.id LIMIT :n""",
}

_STATEMENTS = {
    "sqlite": """
        SELECT s.article_id AS article, a.title, a.published,
               snippet(statements_fts, 0, '[', ']', '…', 16) AS snippet, -bm25(statements_fts) AS score
        FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid
        JOIN articles a ON a.id = s.article_id
        WHERE statements_fts MATCH :q ORDER BY bm25(statements_fts), s.article_id LIMIT :n""",
    "postgresql": f"""
        SELECT s.article_id AS article, a.title, a.published,
               ts_headline('english', s.content, query, 'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet,
               ts_rank({_pg_statement('s.')}, query) AS score
        FROM statements s JOIN articles a ON a.id = s.article_id, plainto_tsquery('english', :q) query
        WHERE {_pg_statement('s.')} @@ query
        ORDER BY score DESC, s.article_id LIMIT :n""",
}


def search_articles(conn_or_store: Union["object", sa.Engine, Connection], q: str, limit: int = 20) -> list[SearchHit]:
    """Articles whose title or text hold every word of `q`, best first (at most `limit`).

    `conn_or_store`: a `Store`, a SQLAlchemy Engine or an open Connection to a store. An empty
    `q` (or one without a word) finds nothing. StoreError when the search cannot run."""
    return _run(conn_or_store, _ARTICLES, q, limit)


def search_statements(conn_or_store: Union["object", sa.Engine, Connection], q: str,
                      limit: int = 20) -> list[SearchHit]:
    """Statements whose content holds every word of `q`, as hits on their articles (the snippet
    is from the statement), best first."""
    return _run(conn_or_store, _STATEMENTS, q, limit)
