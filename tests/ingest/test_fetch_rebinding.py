"""DNS rebinding: the fetcher connects to the addresses it checked, never to a later DNS answer.

The attack: a name's first DNS answer is public (it passes the check), the next answer is 127.0.0.1
(the client's own lookup then connects to the machine's own services). The resolver is replaced at
its lowest level (`socket.getaddrinfo`, which the check and the HTTP stack both call) by one that
answers a name with a list of addresses in turn; the servers are real loopback sockets that record
every request they get, so "the request never reached it" is observed, not inferred.
"""
from __future__ import annotations

import http.server
import socket
import threading

import pytest

from newsdossier.errors import FetchError
from newsdossier.ingest import fetch, read_inputs
from newsdossier.ingest.fetch import fetch_http
from newsdossier.records import Article
from newsdossier.settings import Settings

PAGE = b"Officials said the ferry to Casterwick resumed its crossings on Friday."


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Serves /page, redirects /go to the server's `redirect_to`, and records every request."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host")))
        if self.path == "/go":
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture
def serve():
    """serve(address) -> a running recording server on `address` (its `seen` lists the requests)."""
    running = []

    def start(address: str = "127.0.0.1"):
        httpd = http.server.ThreadingHTTPServer((address, 0), _Recorder)
        httpd.daemon_threads = True
        httpd.seen, httpd.redirect_to = [], ""
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        running.append(httpd)
        return httpd

    yield start
    for httpd in running:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def dns(monkeypatch):
    """dns(name, answers): `name` resolves to answers[0], then answers[1], ... (the last one repeating);
    every other name resolves as usual. Returns the list of answers given so far."""
    real = socket.getaddrinfo

    def install(name: str, answers: list[str]) -> list[str]:
        given: list[str] = []

        def getaddrinfo(host, port, *args, **kwargs):
            if host != name:
                return real(host, port, *args, **kwargs)
            address = answers[min(len(given), len(answers) - 1)]
            given.append(address)
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        return given

    return install


GUARDED = Settings(connect_timeout=2, read_timeout=5, fetch_deadline=10)


def test_fetch_rebinding_to_loopback_never_reaches_it(serve, dns):
    server = serve()
    given = dns("news.vellora.test", ["93.184.216.34", "127.0.0.1"])
    with pytest.raises(FetchError) as caught:
        fetch_http(f"http://news.vellora.test:{server.server_port}/page", GUARDED)
    assert server.seen == []  # not a single request reached the loopback server
    assert caught.value.reason == "address 127.0.0.1 is loopback; pass --allow-private to fetch it"
    assert given == ["93.184.216.34", "127.0.0.1"]  # the connection used a checked answer, not a later one


def test_fetch_rebinding_on_a_redirect_never_reaches_it(serve, dns, monkeypatch):
    """The second hop is checked and pinned like the first: its name answers an allowed address to
    the check and an internal one to whoever asks next."""
    # 127.0.0.1 stands in for a public news site (no outside network in tests); 127.0.0.2, where the
    # internal service listens, stays refused as loopback.
    policy = fetch.refused_reason
    monkeypatch.setattr(fetch, "refused_reason", lambda address: None if address == "127.0.0.1" else policy(address))
    site, internal = serve("127.0.0.1"), serve("127.0.0.2")
    site.redirect_to = f"http://intranet.vellora.test:{internal.server_port}/secrets"
    dns("intranet.vellora.test", ["127.0.0.1", "127.0.0.2"])
    [failure] = read_inputs([f"http://127.0.0.1:{site.server_port}/go"], GUARDED)
    assert [path for path, _ in site.seen] == ["/go"]
    assert internal.seen == []
    assert failure.reason == "address 127.0.0.2 is loopback; pass --allow-private to fetch it"


def test_fetch_connects_by_address_but_sends_the_name(serve, dns):
    """Pinning keeps HTTP as it was: the Host header is the URL's name, the name is looked up once."""
    server = serve()
    given = dns("news.vellora.test", ["127.0.0.1"])
    url = f"http://news.vellora.test:{server.server_port}/page"
    [article] = read_inputs([url], GUARDED.with_(allow_private=True))
    assert isinstance(article, Article) and article.text == PAGE.decode() and article.url == url
    assert server.seen == [("/page", f"news.vellora.test:{server.server_port}")]
    assert given == ["127.0.0.1"]
