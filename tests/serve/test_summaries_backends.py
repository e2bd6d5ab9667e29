"""The dossier list on both backends: full-text search, and the list index worked out again when
another connection changes the store (new articles, a correction), on SQLite and PostgreSQL."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdossier.records import Article, ArticleRecord, Figure, Incident, Location
from newsdossier.serve.app import create_app
from newsdossier.store import Store

_spec = importlib.util.spec_from_file_location("store_conftest", Path(__file__).parents[1] / "store" / "conftest.py")
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)
pg_server = _store_conftest.pg_server  # the session's throwaway PostgreSQL server (a fixture)


def record(aid: str, text: str, city: str, killed: int, published: str) -> ArticleRecord:
    inc = Incident(id="i1", types=("armed_assault",), killed=Figure(min=killed, max=killed, text=str(killed), start=0, end=1),
                   location=Location(name=city, city=city, country="Nordland", country_code="NL"))
    return ArticleRecord(article=Article(id=aid, source=aid, text=text, title=f"Report {aid}", published=published),
                         incidents=(inc,))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "list.db")
        return
    db, drop = _store_conftest._fresh_pg_database(request.getfixturevalue("pg_server"))
    yield db
    drop()


def test_list_search_and_refresh_on_each_backend(url):
    with Store(url) as writer:
        writer.add([record("a1", "A sniper fired on the harbour ferry at dawn.", "Halvik", 2, "2025-01-03"),
                    record("b1", "Arsonists set the council depot alight; 100% of it burned.", "Brinmoor", 0, "2025-02-09")])
        with TestClient(create_app(url)) as client:
            assert client.get("/api/dossiers").json()["total"] == 2
            found = client.get("/api/dossiers", params={"q": "HARBOUR ferry"}).json()["items"]
            assert [i["title"] for i in found] == ["Report a1"]
            assert client.get("/api/dossiers", params={"q": "100%"}).json()["total"] == 1
            assert client.get("/api/dossiers", params={"q": "ferry depot"}).json()["total"] == 0
            # another connection writes: the next request sees it
            writer.add([record("c1", "Gunmen stormed a bank in Quenford before noon.", "Quenford", 4, "2025-03-01")])
            assert client.get("/api/dossiers").json()["total"] == 3
            dossier = writer.dossier("a1").id
            writer.add_correction(dossier, "killed", 5, who="desk")
            item = next(i for i in client.get("/api/dossiers").json()["items"] if i["id"] == dossier)
            assert item["killed"] == 5 and item["corrected"] == ["killed"]
