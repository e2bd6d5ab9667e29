"""Store behaviour on SQLite and PostgreSQL: idempotent upserts, quarantine, dossiers, lookups."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsdossier.errors import StoreError
from newsdossier.records import Article, ArticleRecord, Failure
from newsdossier.settings import Settings
from newsdossier.store import Store, resolve_url
from newsdossier.store import schema

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus, write_jsonl  # noqa: E402
from fake_extract import slow_extract  # noqa: E402


def snapshot(store: Store) -> dict:
    """Every row of every table but the migration log (whose times differ)."""
    out = {}
    with store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            if table.name != "migrations":
                out[table.name] = sorted(tuple(r) for r in conn.execute(sa.select(table)))
    return out


def record(aid: str, text: str, url=None, published="2024-03-02") -> ArticleRecord:
    return ArticleRecord(article=Article(id=aid, source=f"test#{aid}", text=text, url=url, published=published))


def test_db_same_article_twice_is_one_row(db_url):
    text = "Gunmen fired on a bakery in Tarnby on Friday, wounding three people, police said."
    with Store(db_url) as store:
        report = store.add([record("a1", text), record("a1", text)])
        assert (report.added, report.unchanged) == (1, 1)
        # Same text under another id: still one row, the id kept as an alias and listed in its dossier.
        report = store.add([record("a2", "  " + text.upper() + "\n")])
        assert report.added == 0
        assert store.counts()["articles"] == 1
        [dossier] = list(store.dossiers())
        assert set(dossier.articles) == {"a1", "a2"}


def test_db_same_url_updates_the_row(db_url):
    with Store(db_url) as store:
        store.add([record("a1", "First version of a report about a shooting in Halvik.", url="http://x.test/1")])
        report = store.add([record("a1", "Updated report: two people were hurt in a Halvik shooting.",
                                   url="http://x.test/1")])
        assert report.updated == 1 and store.counts()["articles"] == 1
        assert "Updated" in store.article("a1").article.text


def test_db_rerun_changes_nothing(db_url, tmp_path):
    path = write_jsonl(invented_corpus(8), tmp_path / "in.jsonl")
    settings = Settings(batch_size=4)
    with Store(db_url) as store:
        first = store.ingest([str(path)], settings, extract=slow_extract())
        before = snapshot(store)
        second = store.ingest([str(path)], settings, extract=slow_extract())
        assert first.added > 0 and second.added == 0 and second.updated == 0
        assert snapshot(store) == before


def test_db_rejected_inputs_are_kept_with_reason(db_url, tmp_path):
    rows = invented_corpus(2) + [{"id": "empty", "text": "", "published": None}]
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    with Store(db_url) as store:
        report = store.ingest([str(path)], Settings(), extract=slow_extract())
        assert report.rejected == 1
        [failure] = store.failures()
        assert failure == Failure(source=f"{path}#{len(rows)}", reason="no article text")


def test_db_dossiers_and_lookup(db_url, tmp_path):
    rows = invented_corpus(6)
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    with Store(db_url) as store:
        store.ingest([str(path)], Settings(), extract=slow_extract())
        dossiers = list(store.dossiers())
        assert sorted(a for d in dossiers for a in d.articles) == sorted(r["id"] for r in rows)
        first = dossiers[0]
        assert store.dossier(first.id) == first
        assert store.dossier(first.articles[-1]) == first
        with pytest.raises(StoreError):
            store.dossier("no-such-dossier")


def test_db_nul_characters_are_stored(db_url):
    text = "A shooting in Brinmoor\x00 left one person hurt, police said on Sunday night."
    with Store(db_url) as store:
        store.add([record("nul", text)])
        assert store.article("nul").article.text == text


@pytest.mark.parametrize("given, expected", [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_db_resolve_url(given, expected):
    assert resolve_url(given) == expected


def test_db_resolve_url_default_and_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOSSIER_DB", raising=False)
    assert resolve_url() == f"sqlite:///{tmp_path / 'dossier.db'}"
    monkeypatch.setenv("DOSSIER_DB", "postgresql://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"


def test_db_bad_url_is_a_store_error():
    with pytest.raises(StoreError):
        Store("nosuchdialect://nowhere/db")


def test_db_migrations_run_once(db_url):
    Store(db_url).close()
    with Store(db_url) as store:
        assert schema.migrate(store.engine) == []
        assert store.counts()["migrations"] == len(schema.MIGRATIONS)
