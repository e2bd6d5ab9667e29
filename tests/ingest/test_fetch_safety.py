"""URL fetching: private addresses refused without touching the network; limits on a local server."""
from __future__ import annotations

import http.server
import socket
import threading

import pytest

from newsdossier.errors import FetchError
from newsdossier.ingest import fetch, read_inputs
from newsdossier.ingest.fetch import check_url, fetch_http, refused_reason
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

PAGE = (b"<html><head><title>Depot attack</title></head><body><article>"
        b"<p>Gunmen attacked a fuel depot in Vellora on Thursday, the army said.</p>"
        b"<p>Two guards were wounded, according to the regional governor.</p></article></body></html>")


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: refusals must happen before a request is made."""

    def refuse(*args, **kwargs):
        raise AssertionError("a request was made for a refused address")

    monkeypatch.setattr("httpx.Client.stream", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("url, word", [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.8.9.10:8080/admin", "loopback"),
    ("http://10.0.0.5/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://172.16.3.4/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]/", "loopback"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fd00::1]/", "private"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
])
def test_fetch_refuses_private_addresses(no_network, url, word):
    with pytest.raises(FetchError) as caught:
        fetch_http(url, Settings())
    assert word in caught.value.reason and "--allow-private" in caught.value.reason


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f.0.0.1/", "http://127.1/", "http://user:pw@127.0.0.1/"])
def test_fetch_refuses_numeric_host_spellings(no_network, url):
    """Decimal, hex and short forms of 127.0.0.1 resolve locally (no DNS) and are refused."""
    with pytest.raises(FetchError, match="127.0.0.1 is loopback"):
        fetch_http(url, Settings())


def test_fetch_refuses_hostname_resolving_to_loopback(no_network, monkeypatch):
    def fake(host, port, *args, **kwargs):
        assert host in ("localhost", "intranet.vellora.test")
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", port, 0, 0)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    for url in ("http://localhost/", "https://intranet.vellora.test/page"):
        [failure] = read_inputs([url], Settings())
        assert isinstance(failure, Failure) and failure.source == url
        assert "loopback" in failure.reason and "--allow-private" in failure.reason


def test_fetch_refuses_when_any_resolved_address_is_private(no_network, monkeypatch):
    """A name with one public and one private address is refused (the client may pick either)."""
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))])
    with pytest.raises(FetchError, match="10.1.2.3 is private"):
        check_url("http://mixed.vellora.test/", Settings())


def test_fetch_public_address_accepted():
    assert refused_reason("93.184.216.34") is None
    assert refused_reason("2606:4700:4700::1111") is None


def test_fetch_unresolvable_host(no_network, monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(FetchError, match="cannot resolve host nowhere.vellora.test"):
        check_url("http://nowhere.vellora.test/", Settings())


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes for the tests: a page, a redirect chain, a redirect loop, big bodies, an error."""

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/page":
            self._send(200, PAGE, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(PAGE)))])
        elif path == "/plain":
            body = "Police said the bridge at Vellora reopened on Monday.".encode()
            self._send(200, body, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/page" if left == 0 else f"/hop/{left - 1}"
            self._send(302, headers=[("Location", target), ("Content-Length", "0")])
        elif path in ("/loop/a", "/loop/b"):
            self._send(302, headers=[("Location", "/loop/b" if path == "/loop/a" else "/loop/a"), ("Content-Length", "0")])
        elif path == "/big-declared":
            self._send(200, b"x" * 5000, [("Content-Type", "text/plain"), ("Content-Length", "5000")])
        elif path == "/big-streamed":
            # No Content-Length: the client must count while streaming and stop.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"word " * 200)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/image":
            body = b"\x89PNG\r\n\x1a\n" + bytes(200)
            self._send(200, body, [("Content-Type", "image/png"), ("Content-Length", str(len(body)))])
        else:
            self._send(404, b"not found", [("Content-Length", "9")])


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = Settings(allow_private=True, connect_timeout=2, read_timeout=5)


def test_fetch_local_server_refused_without_allow_private(server):
    [failure] = read_inputs([server + "/page"], Settings())
    assert failure.reason == "address 127.0.0.1 is loopback; pass --allow-private to fetch it"


def test_fetch_local_page_becomes_article(server):
    [article] = read_inputs([server + "/page"], LOCAL)
    assert isinstance(article, Article)
    assert article.source == server + "/page" and article.url == server + "/page"
    assert article.input_format == "html" and article.title == "Depot attack"
    assert "Gunmen attacked a fuel depot" in article.text


def test_fetch_plain_text_kept_unchanged(server):
    [article] = read_inputs([server + "/plain"], LOCAL)
    assert article.text == "Police said the bridge at Vellora reopened on Monday." and article.input_format == "text"


def test_fetch_follows_redirects_within_cap_and_checks_each_hop(server, monkeypatch):
    checked = []
    original = fetch.check_url
    monkeypatch.setattr(fetch, "check_url", lambda url, s: (checked.append(url), original(url, s)))
    [article] = read_inputs([server + "/hop/3"], LOCAL)
    assert article.url == server + "/page" and article.source == server + "/hop/3"
    assert checked == [server + p for p in ("/hop/3", "/hop/2", "/hop/1", "/hop/0", "/page")]


def test_fetch_redirect_to_refused_address_stops(server, monkeypatch):
    original = fetch.check_url

    def refuse_second_hop(url, s):
        if url.endswith("/hop/1"):
            raise FetchError(url, "address 10.0.0.1 is private; pass --allow-private to fetch it")
        original(url, s)

    monkeypatch.setattr(fetch, "check_url", refuse_second_hop)
    [failure] = read_inputs([server + "/hop/2"], LOCAL)
    assert failure.source == server + "/hop/2" and "10.0.0.1 is private" in failure.reason


def test_fetch_redirect_cap(server):
    [failure] = read_inputs([server + "/hop/9"], LOCAL.with_(max_redirects=3))
    assert failure.reason == "too many redirects (more than 3)"


def test_fetch_redirect_loop(server):
    [failure] = read_inputs([server + "/loop/a"], LOCAL)
    assert failure.reason == "too many redirects (more than 5) (a redirect loop)"


def test_fetch_oversized_declared_body(server):
    [failure] = read_inputs([server + "/big-declared"], LOCAL.with_(max_bytes=1000))
    assert failure.reason == "response is 5.0 kB, over the 1.0 kB limit (--max-bytes)"


def test_fetch_oversized_streamed_body(server):
    [failure] = read_inputs([server + "/big-streamed"], LOCAL.with_(max_bytes=1000))
    assert failure.reason == "response is over the 1.0 kB limit (--max-bytes)"


def test_fetch_http_error_and_binary_body(server):
    missing, image = read_inputs([server + "/missing", server + "/image"], LOCAL)
    assert missing.reason == "HTTP 404 Not Found"
    assert image.reason == "not text: looks like binary data (PNG image)"


def test_fetch_connection_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [failure] = read_inputs([f"http://127.0.0.1:{port}/"], LOCAL)
    assert failure.reason == "connection refused"

