"""Writes over the API: who may write (401 without a token, 403 on a read-only server), corrections
stored with who and shown beside the machine's value, extraction and ingest of request bodies, the
body cap, the sign-in cookie with its CSRF token, and the security headers."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdossier.errors import SettingsError
from newsdossier.serve.app import create_app
from newsdossier.serve.auth import COOKIE, load_tokens, parse_tokens
from newsdossier.settings import Settings
from newsdossier.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from serve_helpers import EDITOR, TOKEN, copy_store, dossier_of  # noqa: E402

pytestmark = pytest.mark.model
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(corpus_db, tmp_path):
    return copy_store(corpus_db, tmp_path / "write.db")


@pytest.fixture
def client(db):
    with TestClient(create_app(str(db), tokens={TOKEN: EDITOR}, settings=Settings(max_bytes=4000))) as c:
        yield c


def test_api_write_without_token_401_and_read_only_server_403(db):
    lyon = dossier_of(db, "lyon-1")
    body = {"field": "killed", "value": 1}
    with TestClient(create_app(str(db), tokens={TOKEN: EDITOR})) as client:
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": f"Basic {TOKEN}"}):
            got = client.post(f"/api/dossiers/{lyon}/corrections", json=body, headers=headers)
            assert got.status_code == 401 and set(got.json()) == {"error"}
            assert TOKEN not in got.text
    with TestClient(create_app(str(db))) as read_only:
        got = read_only.post(f"/api/dossiers/{lyon}/corrections", json=body, headers=BEARER)
        assert got.status_code == 403 and "read-only" in got.json()["error"]
        assert read_only.post("/api/extract", json={"text": "x"}, headers=BEARER).status_code == 403
    with Store(str(db)) as store:
        assert store.corrections() == []


def test_api_correction_is_stored_and_changes_api_and_page(client, db):
    ghent = dossier_of(db, "ghent-1")
    got = client.post(f"/api/dossiers/{ghent}/corrections", headers=BEARER,
                      json={"field": "killed", "value": 11, "note": "hospital list of 7 March"})
    assert got.status_code == 201, got.text
    made = got.json()
    assert made["who"] == EDITOR and made["value"] == 11 and made["at"].startswith("20")
    dossier = client.get(f"/api/dossiers/{ghent}").json()
    assert [c["value"] for c in dossier["corrections"]] == [11]
    assert next(f for f in dossier["fields"] if f["field"] == "killed")["value"] == "9"  # the machine's, kept
    item = next(i for i in client.get("/api/dossiers").json()["items"] if i["id"] == ghent)
    assert item["killed"] == 11 and item["corrected"] == ["killed"]
    assert client.get("/api/dossiers", params={"min_killed": 10, "country": "BE"}).json()["total"] == 1
    page = client.get(f"/dossiers/{ghent}").text
    assert "corrected" in page and ">11<" in page and "hospital list of 7 March" in page


def test_api_correction_survives_reingest_and_regrouping(client, db, tmp_path):
    lyon = dossier_of(db, "lyon-1")
    assert client.post(f"/api/dossiers/{lyon}/corrections", headers=BEARER,
                       json={"field": "injured", "value": 5}).status_code == 201
    with Store(str(db)) as store:
        store.regroup()
        store.ingest([str(tmp_path / "nothing-new.txt")], Settings(), progress=False)
    assert [c["value"] for c in client.get(f"/api/dossiers/{lyon}").json()["corrections"]] == [5]


@pytest.mark.parametrize("body, word", [
    ({"field": "killed", "value": -3}, "killed"), ({"field": "colour", "value": "red"}, "colour"),
    ({"field": "types", "value": ["earthquake"]}, "types"), ({"value": 3}, "field"),
    ({"field": "killed", "value": 3, "extra": 1}, "extra"),
])
def test_api_bad_correction_is_422_naming_it(client, db, body, word):
    got = client.post(f"/api/dossiers/{dossier_of(db, 'lyon-1')}/corrections", headers=BEARER, json=body)
    assert got.status_code == 422 and word in got.json()["error"]


def test_api_correction_of_missing_dossier_is_404(client):
    got = client.post("/api/dossiers/d000000000000/corrections", headers=BEARER, json={"field": "killed", "value": 2})
    assert got.status_code == 404


def test_api_extract_and_ingest_request_bodies(client):
    text = ("Gunmen attacked a checkpoint near Waregem, Belgium, on Saturday, killing 3 soldiers, the army said. "
            "No group has claimed responsibility.")
    got = client.post("/api/extract", headers=BEARER, json={"text": text, "published": "2025-06-14"})
    assert got.status_code == 200, got.text
    record = got.json()
    assert record["article"]["text"] == text and record["incidents"][0]["killed"]["min"] == 3
    assert client.get("/api/dossiers", params={"q": "Waregem"}).json()["total"] == 0  # not stored

    report = client.post("/api/articles", headers=BEARER, json=[
        {"id": "api-1", "text": text, "published": "2025-06-14"}, {"id": "api-2", "text": "   "}])
    assert report.status_code == 200, report.text
    assert report.json()["added"] == 1 and report.json()["rejected"] == 1
    assert client.get("/api/articles/api-1").json()["article"]["id"] == "api-1"
    assert client.get("/api/dossiers", params={"q": "Waregem"}).json()["total"] == 1
    assert any("api:" in f["source"] for f in client.get("/api/rejected").json())


@pytest.mark.parametrize("body, status, word", [
    ({"url": "http://127.0.0.1:9/story"}, 422, "loopback"),
    ({"url": "http://[::1]/x"}, 422, "loopback"),
    ({"url": "/etc/passwd"}, 422, "http"), ({"url": "file:///etc/hostname"}, 422, "http"), ({"url": "-"}, 422, "http"),
    ({"text": "a", "html": "<p>a</p>"}, 422, "exactly one"),
    ({"text": " \n "}, 422, "no article text"),
    ({"text": "Police said two men were held.", "published": "someday"}, 422, "published"),
])
def test_api_extract_refusals(client, body, status, word):
    got = client.post("/api/extract", headers=BEARER, json=body)
    assert got.status_code == status and word in got.json()["error"], got.text


def test_api_body_over_max_bytes_is_413(client, db):
    big = {"text": "Police said the market was closed. " * 200}
    assert client.post("/api/extract", headers=BEARER, json=big).status_code == 413
    assert client.post("/api/articles", headers=BEARER, json=[big]).status_code == 413
    note = {"field": "killed", "value": 1, "note": "x" * 70_000}
    got = client.post(f"/api/dossiers/{dossier_of(db, 'lyon-1')}/corrections", headers=BEARER, json=note)
    assert got.status_code == 413 and set(got.json()) == {"error"}


def test_api_signin_cookie_needs_csrf_and_same_origin(client, db):
    lyon = dossier_of(db, "lyon-1")
    form = client.get("/signin").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    bad = client.post("/signin", data={"token": "not-the-token-at-all", "csrf": csrf}, follow_redirects=False)
    assert bad.status_code == 401 and COOKIE not in bad.cookies
    ok = client.post("/signin", data={"token": TOKEN, "csrf": csrf, "next": f"/dossiers/{lyon}"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == f"/dossiers/{lyon}"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict") and TOKEN not in cookie
    page = client.get(f"/dossiers/{lyon}").text
    assert 'id="correction-form"' in page and EDITOR in page
    form_csrf = re.search(r'id="correction-form".*?name="csrf" value="([^"]+)"', page, re.S).group(1)
    url = f"/dossiers/{lyon}/corrections"
    assert client.post(url, data={"field": "killed", "value": "2"}, follow_redirects=False).status_code == 403
    assert client.post(url, data={"field": "killed", "value": "2", "csrf": "forged"}, follow_redirects=False).status_code == 403
    cross = client.post(url, data={"field": "killed", "value": "2", "csrf": form_csrf},
                        headers={"Origin": "https://elsewhere.example"}, follow_redirects=False)
    assert cross.status_code == 403
    done = client.post(url, data={"field": "killed", "value": "2", "note": "from the form", "csrf": form_csrf},
                       follow_redirects=False)
    assert done.status_code == 303
    # the cookie also signs API writes, with the CSRF token in a header
    assert client.post(f"/api/dossiers/{lyon}/corrections", json={"field": "injured", "value": 6}).status_code == 403
    assert client.post(f"/api/dossiers/{lyon}/corrections", json={"field": "injured", "value": 6},
                       headers={"X-CSRF-Token": form_csrf}).status_code == 201
    with Store(str(db)) as store:
        assert [(c.field, c.value, c.who) for c in store.corrections(lyon)] == [("killed", 2, EDITOR), ("injured", 6, EDITOR)]
    assert client.post("/signin", data={"token": TOKEN, "csrf": csrf, "next": "//evil.example/x"},
                       follow_redirects=False).headers["location"] == "/"


def test_api_pages_send_a_strict_csp(client):
    for path in ("/", "/rejected", "/api/dossiers", "/articles/ghent-1"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        script = next(part for part in csp.split(";") if "script-src" in part)
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_api_token_file_lines(tmp_path):
    assert parse_tokens("# team\nmaria:abcdefghijklmnop1\n\nqrstuvwxyz0123456\n", "f") == {
        "abcdefghijklmnop1": "maria", "qrstuvwxyz0123456": "editor"}
    with pytest.raises(SettingsError, match="line 2") as err:
        parse_tokens("maria:abcdefghijklmnop1\nbob:short\n", "tokens.txt")
    assert "short" not in str(err.value)
    (tmp_path / "empty").write_text("# nobody\n")
    with pytest.raises(SettingsError, match="no token"):
        load_tokens(tmp_path / "empty")
    assert load_tokens(None, env="desk:abcdefghijklmnop1") == {"abcdefghijklmnop1": "desk"}
    assert load_tokens(None, None) == {}
