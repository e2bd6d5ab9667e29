"""WARC and WARC.gz (written here with warcio): HTML responses are articles named FILE#OFFSET, other
records are skipped, a truncated or corrupt record is one Failure and the rest of the file goes on."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdossier.ingest import read_inputs
from newsdossier.ingest.readers import choose_reader
from newsdossier.ingest.sources import expand
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

STORIES = [
    ("http://kessa.example/flood", "2024-06-10T07:00:00Z", None, "Flood waters close the Kessa road",
     "Heavy rain flooded the valley road north of Kessa on Sunday night, cutting off three villages.",
     "Army trucks brought drinking water to the villages on Monday, the district office said."),
    ("http://dunmore.example/strike", "2024-06-11T09:30:00Z", "2024-06-09", "Dock strike enters third day",
     "Dock workers in Dunmore stayed away from the port for a third day on Tuesday over unpaid wages.",
     "The port authority said twelve ships were waiting at anchor outside the harbour."),
    ("http://kessa.example/school", "2024-06-12T12:00:00Z", None, "School roof collapses after storm",
     "Part of the roof of a primary school in Kessa fell in during a storm on Wednesday afternoon.",
     "The building was empty because classes had ended an hour earlier, the head teacher said."),
]
TRUNCATED = ("http://dunmore.example/late", "2024-06-13T08:00:00Z", None, "Late edition",
             "This story was still being written to the archive when the crawler stopped.",
             "Its record ends early, so the reader must name it and go on.")


def page(title, first, second, date=None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"<p>{first}</p><p>{second}</p></article></body></html>").encode()


def _response(writer, url, when, body, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": when}))


def build_warc(gz: bool) -> tuple[bytes, dict[str, int]]:
    """Three HTML responses, a PDF response, a request record and, last, a truncated response."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    offsets: dict[str, int] = {}
    for n, (url, when, date, title, first, second) in enumerate(STORIES):
        offsets[url] = out.tell()
        _response(writer, url, when, page(title, first, second, date))
        if n == 0:
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET /flood HTTP/1.1\r\nHost: kessa.example\r\n\r\n")))
            _response(writer, "http://kessa.example/map.pdf", when, b"%PDF-1.7\n%invented map\n", "application/pdf")
    offsets[TRUNCATED[0]] = out.tell()
    url, when, date, title, first, second = TRUNCATED
    _response(writer, url, when, page(title, first, second, date) * 20)
    data = out.getvalue()
    return data[: offsets[url] + (len(data) - offsets[url]) * 2 // 3], offsets


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def crawl(request, tmp_path):
    data, offsets = build_warc(request.param)
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    path.write_bytes(data)
    return path, offsets


def test_warc_html_responses_are_articles_named_by_offset(crawl):
    path, offsets = crawl
    *articles, truncated = read_inputs([str(path)], Settings())
    assert [a.url for a in articles] == [s[0] for s in STORIES]
    assert all(isinstance(a, Article) and a.input_format == "html" for a in articles)
    assert [a.source for a in articles] == [f"{path}#{offsets[s[0]]}" for s in STORIES]
    for article, (_, _, _, title, first, second) in zip(articles, STORIES):
        assert article.title == title and first in article.text and second in article.text
    # WARC-Date is the fallback: the page's own date wins where it has one.
    assert [(a.published, a.published_from) for a in articles] == [
        ("2024-06-10", "warc"), ("2024-06-09", "metadata"), ("2024-06-12", "warc")]
    assert isinstance(truncated, Failure) and truncated.source == f"{path}#{offsets[TRUNCATED[0]]}"
    assert "truncated" in truncated.reason


def test_warc_recognised_by_content_whatever_the_name(crawl, tmp_path):
    path, _ = crawl
    renamed = tmp_path / "crawl-0001.dat"
    renamed.write_bytes(path.read_bytes())
    [blob] = list(expand([str(renamed)], Settings()))
    assert choose_reader(blob) == "warc.v1"
    blob.close()
    assert sum(isinstance(i, Article) for i in read_inputs([str(renamed)], Settings())) == 3


def test_warc_corrupt_record_in_the_middle_is_one_line(tmp_path):
    """A record whose bytes are damaged (plain: a cut payload; gzip: a damaged member) is reported
    and the records after it are read."""
    for gz in (False, True):
        data, offsets = build_warc(gz)
        start = offsets[STORIES[1][0]]
        end = offsets[STORIES[2][0]]
        cut = start + (end - start) // 2
        damaged = data[:cut] + (b"\x00" * 40 if gz else b"") + data[cut + 40:]
        path = tmp_path / f"damaged{int(gz)}.warc"
        path.write_bytes(damaged)
        items = list(read_inputs([str(path)], Settings()))
        failures = [i for i in items if isinstance(i, Failure)]
        articles = [i for i in items if isinstance(i, Article)]
        assert [a.url for a in articles] == [STORIES[0][0], STORIES[2][0]], gz
        assert failures[0].source == f"{path}#{start}" and "corrupt" in failures[0].reason
        assert "truncated" in failures[-1].reason and len(failures) == 2


def test_warc_filters_by_warc_date_and_host(crawl):
    path, _ = crawl
    settings = Settings(since=dt.date(2024, 6, 11), sites=("kessa.example",))
    items = list(read_inputs([str(path)], settings))
    assert [i.url for i in items if isinstance(i, Article)] == ["http://kessa.example/school"]


def test_warc_without_html_responses_is_one_line(tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _response(writer, "http://kessa.example/map.pdf", "2024-06-10T07:00:00Z", b"%PDF-1.7\n", "application/pdf")
    _response(writer, "http://kessa.example/old", "2024-06-10T07:00:00Z", page("Moved", "a", "b"), status="301 Moved")
    path = tmp_path / "other.warc.gz"
    path.write_bytes(out.getvalue())
    [failure] = read_inputs([str(path)], Settings())
    assert failure.source == str(path) and "no HTML responses" in failure.reason
    assert "1 non-HTML payloads" in failure.reason and "1 non-2xx responses" in failure.reason


def test_warc_cc_news_layout(tmp_path):
    """As CC-NEWS files are: a warcinfo record first, a gzip member per record, payloads sent with
    Content-Encoding: gzip, some without a Content-Type (then the payload is sniffed)."""
    import gzip

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("CC-NEWS-test.warc.gz", {"software": "invented crawler"}))
    body = gzip.compress(page("Ferry strike", "Ferry crews in Halvik stopped work on Monday over a pay dispute.",
                              "The harbour master said sailings would resume on Thursday."))
    for n, extra in enumerate(([("Content-Type", "text/html; charset=UTF-8")], [])):
        headers = StatusAndHeaders("200 OK", extra + [("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://halvik.example/ferry-{n}", "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-10T07:00:00Z", "WARC-Identified-Payload-Type": "text/html"}))
    path = tmp_path / "CC-NEWS-20240610070000-00000.warc.gz"
    path.write_bytes(out.getvalue())
    items = list(read_inputs([str(path)], Settings()))
    assert [a.url for a in items] == ["https://halvik.example/ferry-0", "https://halvik.example/ferry-1"]
    assert all(isinstance(a, Article) and "pay dispute" in a.text for a in items)
