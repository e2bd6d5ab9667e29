"""Credentials in a URL (`http://user:secret@host/`) are used for the request but never shown or stored.

Each test hands a URL with a password to a real loopback server and looks for the password in
everything that comes back: the Article, the Failure, the error, the log, the CLI's stdout and
stderr, and the bytes of the SQLite file `dossier ingest` writes.
"""
from __future__ import annotations

import base64
import http.server
import json
import logging
import subprocess
import sys
import threading

import pytest

from newsdossier.errors import FetchError, InputError
from newsdossier.ingest import read_inputs
from newsdossier.ingest.fetch import fetch_http
from newsdossier.records import Article, Failure
from newsdossier.redact import redact_credentials
from newsdossier.settings import Settings

SECRET = "hunter2-Quill"
PAGE = (b"<html><head><title>Dam inspection</title></head><body><article>"
        b"<p>Engineers said the dam above Fennick held after the storm on Sunday, the mayor said.</p>"
        b"</article></body></html>")


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.auth.append(self.headers.get("Authorization"))
        if self.path != "/page":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.auth = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


LOCAL = Settings(allow_private=True, connect_timeout=2, read_timeout=5)


@pytest.mark.parametrize("text, shown", [
    ("http://reporter:pw@host.test/a", "http://***@host.test/a"),
    ("https://token@host.test", "https://***@host.test"),
    ("http://u:p@ss@host.test:8080/x@y?z=a@b", "http://***@host.test:8080/x@y?z=a@b"),  # host after the LAST @
    ("see http://a:b@one.test/ and ftp://c:d@two.test/f", "see http://***@one.test/ and ftp://***@two.test/f"),
    ("http://***@host.test/", "http://***@host.test/"),  # idempotent: a stored value reads back the same
    ("http://host.test/mail@example", "http://host.test/mail@example"),
    ("mailto:desk@host.test", "mailto:desk@host.test"),
    ("/data/user:pw@file.txt", "/data/user:pw@file.txt"),
])
def test_redact_credentials(text, shown):
    assert redact_credentials(text) == shown


def test_fetch_credentials_sent_but_not_kept(server, caplog):
    port = server.server_port
    with caplog.at_level(logging.DEBUG):
        [article] = read_inputs([f"http://reporter:{SECRET}@127.0.0.1:{port}/page"], LOCAL)
    assert isinstance(article, Article) and article.title == "Dam inspection"
    # The source says credentials were given; the URL is the page's own address, without them.
    assert article.source == f"http://***@127.0.0.1:{port}/page" and article.url == f"http://127.0.0.1:{port}/page"
    assert server.auth == ["Basic " + base64.b64encode(f"reporter:{SECRET}".encode()).decode()]
    assert SECRET not in article.model_dump_json() and SECRET not in caplog.text


def test_fetch_credentials_not_in_failures_or_errors(server):
    port = server.server_port
    missing, refused = read_inputs([f"http://reporter:{SECRET}@127.0.0.1:{port}/missing",
                                    f"https://reporter:{SECRET}@10.0.0.7/"], Settings())
    assert missing == Failure(source=f"http://***@127.0.0.1:{port}/missing",
                              reason="address 127.0.0.1 is loopback; pass --allow-private to fetch it")
    assert refused.source == "https://***@10.0.0.7/" and SECRET not in refused.reason
    [failure] = read_inputs([f"http://reporter:{SECRET}@127.0.0.1:{port}/missing"], LOCAL)
    assert failure == Failure(source=f"http://***@127.0.0.1:{port}/missing", reason="HTTP 404 Not Found")
    with pytest.raises(FetchError) as caught:
        fetch_http(f"http://reporter:{SECRET}@127.0.0.1:{port}/missing", LOCAL)
    assert SECRET not in str(caught.value) and SECRET not in caught.value.source
    assert SECRET not in str(InputError(f"http://u:{SECRET}@x.test/", f"via http://u:{SECRET}@y.test/"))


def test_fetch_credentials_in_jsonl_url_field(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "c1", "url": f"https://desk:{SECRET}@wire.test/story/1",
                                "text": "Police said the road to Amberley reopened."}) + "\n")
    [article] = read_inputs([str(feed)], Settings())
    assert article.url == "https://***@wire.test/story/1"


def _dossier(*args):
    return subprocess.run([sys.executable, "-m", "newsdossier", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.model
def test_cli_extract_and_ingest_never_show_credentials(server, tmp_path):
    port = server.server_port
    good = f"http://reporter:{SECRET}@127.0.0.1:{port}/page"
    bad = f"http://reporter:{SECRET}@127.0.0.1:{port}/missing"
    result = _dossier("extract", good, bad, "--allow-private", "--format", "jsonl", "--no-progress", "-v")
    assert result.returncode == 1, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["source"] == f"http://***@127.0.0.1:{port}/page"
    assert record["article"]["url"] == f"http://127.0.0.1:{port}/page"
    assert f"dossier: skipped http://***@127.0.0.1:{port}/missing: HTTP 404 Not Found" in result.stderr
    assert SECRET not in result.stdout and SECRET not in result.stderr  # -v: httpx's log lines too
    db = tmp_path / "dossier.db"
    result = _dossier("ingest", good, bad, "--allow-private", "--db", str(db), "--no-progress")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    assert SECRET not in result.stderr
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("dossier.db*"))  # with any -wal file
    assert f"127.0.0.1:{port}/page".encode() in stored  # the rows are there ...
    assert SECRET.encode() not in stored                # ... without the password
