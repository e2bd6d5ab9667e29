"""The bad-input folder: good articles come out, each bad input yields exactly one Failure naming it."""
from __future__ import annotations

import io
import os
import time

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

GOOD = "Gunmen attacked a market in Vellora on Thursday, police said.\nThe Northern Front claimed responsibility.\n"


def test_readers_bad_folder_each_bad_input_one_failure(bad_folder):
    started = time.monotonic()
    results = list(read_inputs([str(bad_folder)], Settings()))
    elapsed = time.monotonic() - started
    articles = {r.source: r for r in results if isinstance(r, Article)}
    failures = [r for r in results if isinstance(r, Failure)]
    by_name = {}
    for failure in failures:
        by_name.setdefault(os.path.basename(failure.source), []).append(failure.reason)
    assert set(articles) == {
        str(bad_folder / "good.txt"), str(bad_folder / "broken_utf8.txt"), str(bad_folder / "deep.html"),
        f"{bad_folder / 'batch.jsonl'}#1", f"{bad_folder / 'batch.jsonl'}#3"}
    assert {k: len(v) for k, v in by_name.items()} == {
        "image.png": 1, "empty.txt": 1, "huge.txt": 1, "scripts.html": 1, "batch.jsonl": 1, "link.txt": 1}
    assert by_name["image.png"][0] == "not text: looks like binary data (PNG image)"
    assert by_name["empty.txt"][0] == "empty file"
    assert by_name["huge.txt"][0] == "file is 30.0 MB, over the 20.0 MB limit (--max-bytes)"
    assert by_name["scripts.html"][0].startswith("no article text")
    assert by_name["batch.jsonl"][0].startswith("line 2: invalid JSON")
    assert by_name["link.txt"][0].startswith("dangling symlink")
    assert all("\n" not in f.reason for f in failures)
    # Recovered, not refused: replaced bytes and the text of a page trafilatura cannot parse.
    assert "\ufffd" in articles[str(bad_folder / "broken_utf8.txt")].text
    assert "Café" in articles[str(bad_folder / "broken_utf8.txt")].text
    assert "Gunmen attacked the depot" in articles[str(bad_folder / "deep.html")].text
    assert elapsed < 15


def test_readers_oversized_file_not_read(tmp_path, monkeypatch):
    """The size is refused from the file's metadata: the body is never read."""
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(2_000_000)

    def never(self, settings):
        raise AssertionError("an oversized file was read")

    monkeypatch.setattr("newsdossier.ingest.sources.Blob.read_all", never)
    [failure] = read_inputs([str(path)], Settings(max_bytes=1_000_000))
    assert failure.reason == "file is 2.0 MB, over the 1.0 MB limit (--max-bytes)"


def test_readers_oversized_stdin_names_limit():
    [failure] = read_inputs(["-"], Settings(max_bytes=1000), stdin=io.BytesIO(b"word " * 1000))
    assert failure.reason == "input is over the 1.0 kB limit (--max-bytes)"


@pytest.mark.parametrize("content, reason", [
    (b"   \n\t\n", "no article text (only whitespace)"),
    (b"Advertisement\nShare this article\n", "no article text (only boilerplate)"),
    (b"%PDF-1.7\n%binary", "not text: looks like binary data (PDF document)"),
    (b"\x1f\x8b\x08\x00\x00\x00", "not text: looks like binary data (gzip archive)"),
    (b"text\x00with\x00nul", "not text: looks like binary data (NUL bytes)"),
])
def test_readers_unreadable_content(tmp_path, content, reason):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    assert list(read_inputs([str(path)], Settings())) == [Failure(source=str(path), reason=reason)]


def test_readers_missing_path_and_bad_scheme():
    results = list(read_inputs(["/no/such/file.txt", "ftp://example.org/a"], Settings()))
    assert [r.reason for r in results] == [
        "no such file or directory", "unsupported URL scheme 'ftp' (use http, https)"]


@pytest.mark.parametrize("line, reason", [
    (b"[1, 2]", "line 1: not a JSON object"),
    (b'{"id": "a"}', 'line 1: no "text" or "html" string'),
    (b'{"id": "a", "text": "   "}', "line 1: no article text (only whitespace)"),
    (b'{"id": "a", "html": "<script>x()</script>"}', "line 1: no article text (the HTML holds only markup or scripts)"),
])
def test_readers_jsonl_bad_lines(tmp_path, line, reason):
    path = tmp_path / "b.jsonl"
    path.write_bytes(line + b"\n")
    assert [r.reason for r in read_inputs([str(path)], Settings())] == [reason]


def test_readers_jsonl_overlong_line_skipped_alone(tmp_path):
    path = tmp_path / "b.jsonl"
    big = b'{"id": "big", "text": "' + b"x" * 5000 + b'"}\n'
    path.write_bytes(big + b'{"id": "ok", "text": "Police said the road reopened."}\n')
    results = list(read_inputs([str(path)], Settings(max_bytes=1000)))
    assert results[0].reason == "line 1: over the 1.0 kB limit (--max-bytes)"
    assert results[1].id == "ok"


def test_readers_jsonl_lone_surrogate_replaced(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "Police said \\udc00 two men fled."}\n', encoding="utf-8")
    [article] = read_inputs([str(path)], Settings())
    assert article.text.encode("utf-8") and article.id.encode("utf-8")
    assert "\ufffd" in article.text
