"""The JSON API's reads over a real store: the list with filters, facets, sorting and full-text
search; one dossier as `dossier dossiers --format json` gives it; articles; errors as JSON."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdossier.reconcile.render import dossier_json
from newsdossier.serve.app import create_app
from newsdossier.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from serve_helpers import copy_store, dossier_of  # noqa: E402

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(corpus_db):
    with TestClient(create_app(str(corpus_db))) as c:
        yield c


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["items"]]


def test_api_list_has_every_dossier_with_facets(client, corpus_db):
    got = client.get("/api/dossiers")
    assert got.status_code == 200
    body = got.json()
    with Store(str(corpus_db)) as store:
        expected = sorted(d.id for d in store.dossiers())
    assert body["total"] == len(expected) and sorted(ids(got)) == expected
    assert body["facets"]["country"]["Belgium"] == 1
    assert body["facets"]["type"]["armed_assault"] >= 2
    assert "Red Lantern Cell" in body["facets"]["party"]
    ghent = next(i for i in body["items"] if i["id"] == dossier_of(corpus_db, "ghent-1"))
    assert ghent["killed"] == 9 and ghent["articles"] == 2 and ghent["independent_sources"] == 2
    assert ghent["lat"] == pytest.approx(51.05, abs=0.1) and ghent["title"]


@pytest.mark.parametrize("params, article", [
    ({"country": "Belgium"}, "ghent-1"), ({"country": "be"}, "ghent-1"), ({"type": "bombing_explosion", "country": "France"}, "lyon-1"),
    ({"party": "red lantern cell"}, "ghent-1"), ({"min_killed": 9, "country": "BE"}, "ghent-1"),
    ({"since": "2025-04-01", "until": "2025-04-30"}, "lyon-1"), ({"month": "2025-04"}, "lyon-1"),
    ({"q": "covered market"}, "lyon-1"), ({"q": "ESCAPED IN A GREY VAN"}, "ghent-1"), ({"q": "tram toll"}, "ghent-1"),
])
def test_api_list_filters_narrow_to_one(client, corpus_db, params, article):
    got = client.get("/api/dossiers", params=params)
    assert got.status_code == 200, got.text
    assert ids(got) == [dossier_of(corpus_db, article)]
    assert got.json()["total"] == 1


def test_api_list_search_with_no_match_and_like_wildcards(client):
    for q in ("zeppelin", "100%", "a_b"):
        assert client.get("/api/dossiers", params={"q": q}).json()["total"] == 0


def test_api_list_sorts_and_pages(client):
    by_killed = client.get("/api/dossiers", params={"sort": "killed", "order": "desc"}).json()["items"]
    killed = [i["killed"] for i in by_killed if i["killed"] is not None]
    assert killed == sorted(killed, reverse=True) and killed[0] >= 12
    everything = ids(client.get("/api/dossiers", params={"sort": "date", "order": "asc"}))
    pages = ids(client.get("/api/dossiers", params={"sort": "date", "order": "asc", "limit": 2})) + \
        ids(client.get("/api/dossiers", params={"sort": "date", "order": "asc", "limit": 2, "offset": 2}))
    assert pages == everything[:4]


@pytest.mark.parametrize("params, word", [
    ({"limit": "many"}, "limit"), ({"limit": 0}, "limit"), ({"since": "last week"}, "since"),
    ({"sort": "colour"}, "sort"), ({"month": "April"}, "month"), ({"min_killed": -1}, "min_killed"),
])
def test_api_list_bad_parameter_is_one_line_422(client, params, word):
    got = client.get("/api/dossiers", params=params)
    assert got.status_code == 422
    assert set(got.json()) == {"error"} and word in got.json()["error"] and "\n" not in got.json()["error"]


def test_api_dossier_is_the_cli_json_plus_corrections(client, corpus_db):
    dossier_id = dossier_of(corpus_db, "ghent-1")
    got = client.get(f"/api/dossiers/{dossier_id}").json()
    with Store(str(corpus_db)) as store:
        expected = dossier_json(store.dossier(dossier_id))
    assert got.pop("corrections") == []
    assert got == json.loads(json.dumps(expected))
    # an article id answers the dossier that holds it, as `dossier show` does
    assert client.get("/api/dossiers/ghent-2").json()["id"] == dossier_id


def test_api_missing_things_are_404_json(client):
    for path in ("/api/dossiers/d000000000000", "/api/articles/nope", "/api/nothing-here"):
        got = client.get(path)
        assert got.status_code == 404 and set(got.json()) == {"error"}, path


def test_api_article_is_the_record(client):
    got = client.get("/api/articles/ghent-1").json()
    assert got["article"]["id"] == "ghent-1" and got["article"]["title"].startswith("Gunmen open fire")
    killed = got["incidents"][0]["killed"]
    assert got["article"]["text"][killed["start"]:killed["end"]] == killed["text"]


def test_api_health_openapi_and_docs_are_served_offline(client):
    assert client.get("/api/healthz").json()["ok"] is True
    spec = client.get("/openapi.json").json()
    for path in ("/api/dossiers", "/api/dossiers/{dossier_id}", "/api/articles/{article_id}", "/api/extract",
                 "/api/articles", "/api/dossiers/{dossier_id}/corrections", "/api/healthz"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "<script" not in docs.text and "http://" not in docs.text
    for path in ("/api/dossiers/{dossier_id}/corrections", "min_killed", "DossierSummary", "413"):
        assert path in docs.text, path
    for asset in ("/static/world-110m.svg", "/static/style.css", "/static/favicon.svg", "/static/vendor/world-atlas/LICENSE"):
        assert client.get(asset).status_code == 200, asset


def test_api_broken_row_is_500_json_without_traceback(corpus_db, tmp_path):
    db = copy_store(corpus_db, tmp_path / "broken.db")
    dossier_id = dossier_of(db, "lyon-1")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE dossiers SET record = '{not json' WHERE id = ?", (dossier_id,))
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as client:
        for path in (f"/api/dossiers/{dossier_id}", f"/dossiers/{dossier_id}"):
            got = client.get(path)
            assert got.status_code == 500, path
            assert "Traceback" not in got.text and "JSONDecodeError" not in got.text
        assert client.get(f"/api/dossiers/{dossier_id}").json() == {"error": "internal error; the server log has the details"}
