"""The store finds an article by the one article hash (`ingest.meta.article_id`), and migration 0007
recomputes the hashes a store made before it kept."""
from __future__ import annotations

import hashlib
import re
import unicodedata

import sqlalchemy as sa

from newsdossier.ingest.meta import article_id
from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store, schema

MILL = "The old mill at Brenna\u0301r burned on Sunday night, and the owner said nobody was inside."


def record(aid: str, text: str) -> ArticleRecord:
    return ArticleRecord(article=Article(id=aid, source=f"{aid}.txt", text=text, published="2025-10-01"))


def stored_hashes(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r.id: r.text_hash for r in conn.execute(sa.select(schema.articles.c.id, schema.articles.c.text_hash))}


def test_db_text_hash_is_the_ingest_hash_and_unicode_forms_are_one_article(db_url):
    composed = unicodedata.normalize("NFC", MILL)
    assert composed != MILL  # the test text is written decomposed on purpose
    with Store(db_url) as store:
        store.add([record("mill-1", MILL)])
        report = store.add([record("mill-2", composed)])
        assert stored_hashes(store) == {"mill-1": article_id(MILL)}
        assert report.unchanged == 1  # the same article under another id: an alias, not a second row


def test_db_migration_0007_recomputes_older_hashes(db_url, monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", [m for m in schema.MIGRATIONS if m[0] != "0007_one_text_hash"])
    with Store(db_url) as store:
        store.add([record("mill-1", MILL)])
        older = "sha256:" + hashlib.sha256(re.sub(r"\s+", " ", MILL).strip().lower().encode("utf-8")).hexdigest()
        with store.engine.begin() as conn:  # the hash as the store computed it before 0007
            conn.execute(schema.articles.update().values(text_hash=older))
    monkeypatch.undo()
    with Store(db_url) as store:
        assert stored_hashes(store) == {"mill-1": article_id(MILL)}
        with store.engine.connect() as conn:
            names = {r.name for r in conn.execute(sa.select(schema.migrations.c.name))}
        assert "0007_one_text_hash" in names
