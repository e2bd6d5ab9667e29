"""One wall-clock deadline per fetch (`fetch_deadline`), whatever part of the response is slow.

The attack: a server that sends one byte at a time, each well within the per-read timeout, holds a
fetch for as long as it likes. The server here is a real loopback socket that trickles its headers
or its body; the fetch must give up at the deadline with a reason that says so.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.settings import Settings


class Trickler:
    """A loopback server answering each request with `head` at once, then `rest` one byte every
    `pause` seconds (for at most `limit` seconds, so a fetcher without a deadline still ends)."""

    def __init__(self, head: bytes, rest: bytes, pause: float = 0.1, limit: float = 8.0):
        self.head, self.rest, self.pause, self.limit = head, rest, pause, limit
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _answer(self, conn: socket.socket):
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        ends = time.monotonic() + self.limit
        try:
            conn.sendall(self.head)
            for byte in self.rest:
                if self.stop.is_set() or time.monotonic() > ends:
                    return
                conn.sendall(bytes([byte]))
                time.sleep(self.pause)
        except OSError:  # the client hung up: what a deadline does
            return

    def close(self):
        self.stop.set()
        self.sock.close()


HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"p" * 400 + b"\r\n\r\n"
BODY = b"Residents said the river at Tolmere rose above the old bridge overnight. " * 8
CASES = {
    "headers": (b"", HEADERS + BODY),
    "body": (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(BODY), BODY),
}


@pytest.mark.parametrize("slow_part", sorted(CASES))
def test_fetch_deadline_cuts_a_trickling_server(slow_part):
    server = Trickler(*CASES[slow_part])
    # Every byte arrives far within the 5 s read timeout; only the 1 s deadline can stop this.
    settings = Settings(allow_private=True, connect_timeout=2, read_timeout=5, fetch_deadline=1)
    try:
        started = time.monotonic()
        [failure] = read_inputs([f"http://127.0.0.1:{server.port}/story"], settings)
        took = time.monotonic() - started
    finally:
        server.close()
    assert failure.reason == "gave up after 1s (fetch_deadline): the server sent too slowly"
    assert 0.9 <= took < 2.5


def test_fetch_deadline_leaves_a_prompt_server_alone():
    server = Trickler(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY, b"")
    try:
        [article] = read_inputs([f"http://127.0.0.1:{server.port}/story"],
                                Settings(allow_private=True, fetch_deadline=1))
    finally:
        server.close()
    assert article.text == BODY.decode()
