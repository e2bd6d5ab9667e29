"""A news site on loopback for the feed, sitemap, watch and bulk tests: pages set per test, requests logged."""
from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field

from contextlib import contextmanager


def article_page(title: str, *paragraphs: str, date: str | None = None) -> bytes:
    """An invented article as a small HTML page (a dated <meta> when `date` is given)."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


@dataclass
class Site:
    """Routes of the loopback server: path -> (status, content type, body, delay in seconds)."""

    base: str = ""
    routes: dict = field(default_factory=dict)
    log: list = field(default_factory=list)  # (path, start, end, user agent)
    active: int = 0
    most_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            delay: float = 0.0) -> str:
        self.routes[path] = (status, content_type, body, delay)
        return self.base + path

    def requested(self, path: str) -> int:
        # A request is logged when its handler ends, which can be just after the client has read the
        # whole response: wait (briefly) for the handlers under way before counting.
        deadline = time.monotonic() + 5.0
        while self.active and time.monotonic() < deadline:
            time.sleep(0.01)
        with self.lock:
            return sum(1 for entry in self.log if entry[0] == path)


@contextmanager
def serve():
    """A threading HTTP server on 127.0.0.1 serving `site.routes` (404 for anything else), stopped on exit."""
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server interface
            status, ctype, body, delay = state.routes.get(self.path, (404, "text/plain", b"not found", 0.0))
            with state.lock:
                state.active += 1
                state.most_active = max(state.most_active, state.active)
            start = time.monotonic()
            try:
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            finally:
                with state.lock:
                    state.active -= 1
                    state.log.append((self.path, start, time.monotonic(), self.headers.get("User-Agent")))

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
