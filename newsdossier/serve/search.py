"""Full-text search for `q` in `/api/dossiers` and `/`: the dossiers whose articles hold every word.

One function, so that an index can take its place: today a case-insensitive substring match of
each word against the article's title and text (`LIKE`, a scan of the articles table: fine for
thousands of articles, slow for millions); a full-text index over the same columns answers the
same question faster.
"""
from __future__ import annotations

import json
import re

import sqlalchemy as sa

from ..store import Store, schema

MAX_WORDS = 10


def _escape_like(word: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", word)


def matching_dossiers(store: Store, q: str) -> set[str]:
    """Ids of the dossiers holding an article whose title or text contains every word of `q`
    (case-insensitive; words are split on white space, quotes ignored)."""
    words = [w for w in re.split(r"\s+", q.replace('"', " ").strip()) if w][:MAX_WORDS]
    a, m = schema.articles.c, schema.dossier_articles.c
    # PostgreSQL's JSON operators refuse a NUL character, which a scraped page may hold, so there
    # the record's JSON text is searched for the word as JSON writes it (a little wider: it also
    # holds the article's other fields).
    json_text = store.engine.dialect.name == "postgresql"
    text = a.record if json_text else sa.func.json_extract(a.record, "$.article.text")
    query = sa.select(m.dossier_id).distinct().join(schema.articles, a.id == m.article_id)
    for word in words:
        in_text = json.dumps(word)[1:-1] if json_text else word
        query = query.where(sa.or_(
            sa.func.coalesce(a.title, "").ilike(f"%{_escape_like(word)}%", escape="\\"),
            text.ilike(f"%{_escape_like(in_text)}%", escape="\\")))
    with store.engine.connect() as conn:
        return {row.dossier_id for row in conn.execute(query)}
