"""Every input kind reads into Articles that name their source: text, HTML, directory, stdin, JSONL."""
from __future__ import annotations

import io
import itertools
import json

from newsdossier import registry
from newsdossier.ingest import article_id, read_inputs
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

STORY = (
    "Gunmen stormed a market in Vellora on Thursday, killing at least 12 people, police said.\n"
    "\"They came in two trucks,\" said Mara Lind, a shop owner.\n"
)
PAGE = """<!DOCTYPE html><html><head><title>Market attack in Vellora | Vellora Times</title>
<meta property="og:site_name" content="Vellora Times"><meta name="author" content="Ana Berg">
<meta property="article:published_time" content="2025-06-14T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Market attack in Vellora</h1>
<p>Gunmen stormed a market in Vellora on Thursday, killing at least 12 people and wounding dozens, police said.</p>
<p>"They came in two trucks and fired at everyone," said Mara Lind, a shop owner. She hid behind her stall.</p>
<p>The Northern Front claimed responsibility in a statement on Friday, but the interior minister blamed a rival militia.</p>
</article><footer>Contact us</footer><script>var tracking = 1;</script></body></html>"""


def read(inputs, **settings) -> list:
    return list(read_inputs([str(i) for i in inputs], Settings(**settings)))


def test_readers_text_file_unchanged_with_boilerplate_listed(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY + "Share this article", encoding="utf-8")
    [article] = read([path], published="2025-06-14")
    assert isinstance(article, Article)
    assert article.text == STORY + "Share this article"
    assert article.source == str(path)
    assert [r.text for r in article.removed] == ["Share this article"]
    assert all(article.text[r.start:r.end] == r.text for r in article.removed)
    assert article.id == article_id(article.text) and article.id.startswith("sha256:")
    assert (article.published, article.published_from) == ("2025-06-14", "cli")
    assert article.language == "en" and article.input_format == "text"


def test_readers_same_text_twice_is_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + STORY.replace("\n", "\r\n  ") + "\n\n", encoding="utf-8")
    first, second = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert first.id == second.id
    assert first.text != second.text


def test_readers_html_file_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read([path], published="2020-01-01")
    assert article.input_format == "html"
    assert "Gunmen stormed a market in Vellora" in article.text
    assert "tracking" not in article.text and "Home" not in article.text.split("\n")[0:1]
    assert article.title == "Market attack in Vellora"
    assert article.site == "Vellora Times"
    assert article.author == "Ana Berg"
    # The page's own date wins over the command line's.
    assert (article.published, article.published_from) == ("2025-06-14", "metadata")


def test_readers_html_sniffed_without_suffix(tmp_path):
    path = tmp_path / "download"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read([path])
    assert article.input_format == "html" and "<p>" not in article.text


def test_readers_directory_recursive_sorted_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("The minister said the talks failed on Monday.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Police said two men were arrested on Sunday.", encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden text that must not be read at all.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder text that must not be read.", encoding="utf-8")
    results = read([tmp_path])
    assert [r.source for r in results] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt"), str(tmp_path / "c.html")]
    assert all(isinstance(r, Article) for r in results)


def test_readers_empty_directory_is_one_failure(tmp_path):
    [failure] = read([tmp_path])
    assert isinstance(failure, Failure) and "no files" in failure.reason


def test_readers_stdin_text_and_jsonl():
    [article] = read_inputs(["-"], Settings(), stdin=io.BytesIO(STORY.encode()))
    assert article.source == "<stdin>" and article.text == STORY
    lines = b'{"id": "x1", "text": "Police said the gunmen fled."}\n{"id": "x2", "text": "The army said it regained control."}\n'
    results = list(read_inputs(["-"], Settings(), stdin=io.BytesIO(lines)))
    assert [(r.id, r.source) for r in results] == [("x1", "<stdin>#1"), ("x2", "<stdin>#2")]


def test_readers_jsonl_carries_id_published_title_url(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "art-1", "text": STORY + "Advertisement", "url": "https://news.example/a", "title": "Attack",
         "published": "2024-03-26T09:30:00Z"},
        {"id": 7, "html": PAGE},
        {"text": "The minister said the border would stay closed."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second, third = read([path], published="2025-01-01")
    assert (first.id, first.source, first.url, first.title) == ("art-1", f"{path}#1", "https://news.example/a", "Attack")
    assert (first.published, first.published_from) == ("2024-03-26", "jsonl")
    assert first.text == STORY + "Advertisement" and first.input_format == "jsonl"
    assert [r.text for r in first.removed] == ["Advertisement"]
    assert second.id == "7" and second.input_format == "html" and second.source == f"{path}#2"
    assert (second.published, second.published_from) == ("2025-06-14", "metadata")
    assert third.id == article_id(third.text) and (third.published, third.published_from) == ("2025-01-01", "cli")


def test_readers_jsonl_is_streamed_lazily():
    """An endless JSONL stream still yields its first articles: nothing reads the input whole."""

    class Endless(io.RawIOBase):
        def __init__(self):
            self.n = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.n += 1
            line = json.dumps({"id": f"n{self.n}", "text": f"Police said {self.n} people were hurt."}).encode() + b"\n"
            buffer[: len(line)] = line
            return len(line)

    stream = io.BufferedReader(Endless())
    first = list(itertools.islice(read_inputs(["-"], Settings(), stdin=stream), 3))
    assert [a.id for a in first] == ["n1", "n2", "n3"]


def test_readers_registered_by_versioned_name():
    for name in ("text.v1", "html.v1", "jsonl.v1"):
        assert callable(registry.readers.get(name))
    assert callable(registry.fetchers.get("http.v1"))


def test_readers_legacy_encoding_detected(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Le ministre a déclaré que les hommes armés ont attaqué le marché de la ville.".encode("latin-1"))
    [article] = read([path])
    assert "déclaré" in article.text and "\ufffd" not in article.text
    assert article.language == "fr"


def test_readers_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Police said the market reopened on Monday.".encode("utf-16"))
    [article] = read([path])
    assert article.text == "Police said the market reopened on Monday."


def test_readers_fifo_as_from_process_substitution(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "wb") as handle:
            handle.write(STORY.encode())

    writer = threading.Thread(target=write)
    writer.start()
    [article] = read([fifo])
    writer.join(5)
    assert article.text == STORY and article.source == str(fifo)
