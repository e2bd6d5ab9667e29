"""What a folder may hold besides text files: a file whose name is not UTF-8 is read and named
in an escaped form that JSON and a database can hold; a named pipe (or socket) inside a folder is
skipped with one Failure instead of blocking the run, while a pipe named by itself is still read."""
from __future__ import annotations

import json
import os
import signal
import socket
import threading
from contextlib import contextmanager

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.ingest.sources import display_name
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

TEXT = "A bomb went off outside a bakery in Tarnby on Friday, wounding three people, police said.\n"


@contextmanager
def deadline(seconds: int):
    """Fail the test instead of hanging CI when reading blocks (SIGALRM interrupts a blocked open)."""
    def expired(signum, frame):
        raise TimeoutError(f"still reading after {seconds} s")
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_sources_display_name_escapes_bytes_that_are_not_utf8():
    assert display_name("plain/name.txt") == "plain/name.txt"
    assert display_name(os.fsdecode(b"dir/b\xff.txt")) == "dir/b\\xff.txt"
    assert display_name("lone \ud800 surrogate") == "lone \\ud800 surrogate"


def test_sources_non_utf8_file_name_in_a_folder_is_read_and_named_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"b\xff.txt"), "wb") as f:
        f.write(TEXT.encode())
    (tmp_path / "in" / "a.txt").write_text(TEXT.replace("Friday", "Sunday"))
    results = list(read_inputs([str(tmp_path / "in")], Settings()))
    assert all(isinstance(r, Article) for r in results) and len(results) == 2
    sources = sorted(r.source for r in results)
    assert sources == [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in") + "/b\\xff.txt"]
    for r in results:  # what `extract` prints and `ingest` stores must be valid UTF-8 JSON
        json.dumps(r.model_dump(), ensure_ascii=False).encode("utf-8")


def test_sources_fifo_inside_a_folder_is_skipped_with_one_failure(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "pipe")
    with deadline(20):
        results = list(read_inputs([str(tmp_path)], Settings()))
    [article] = [r for r in results if isinstance(r, Article)]
    [failure] = [r for r in results if isinstance(r, Failure)]
    assert article.source == str(tmp_path / "a.txt")
    assert failure.source == str(tmp_path / "pipe")
    assert failure.reason == "a named pipe (FIFO) inside a folder is not read (name it to read it)"


def test_sources_socket_inside_a_folder_is_skipped_with_one_failure(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        with deadline(20):
            results = list(read_inputs([str(tmp_path)], Settings()))
    finally:
        server.close()
    [failure] = [r for r in results if isinstance(r, Failure)]
    assert failure.source == str(tmp_path / "sock") and failure.reason.startswith("a socket inside a folder")
    assert sum(isinstance(r, Article) for r in results) == 1


def test_sources_fifo_named_by_itself_is_still_read(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def write():
        with open(pipe, "w") as f:
            f.write(TEXT)
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    with deadline(20):
        [article] = list(read_inputs([str(pipe)], Settings()))
    writer.join(5)
    assert isinstance(article, Article) and article.text == TEXT
