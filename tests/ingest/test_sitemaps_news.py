"""Sitemaps and news sitemaps: every <loc> fetched on loopback as an article, <news:publication_date>
and <news:title> kept, sitemap indexes followed, gzipped sitemaps read, filters applied."""
from __future__ import annotations

import datetime as dt
import gzip

from loopback import article_page

from newsdossier.ingest import read_inputs
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

LOOPBACK = Settings(allow_private=True)
BRIDGE = ("Engineers closed the old rail bridge at Kessa on Friday after finding cracks in two piers.",
          "Trains between Kessa and Dunmore will run on the coastal line until repairs are finished.")
MILL = ("A fire broke out at the paper mill in Dunmore early on Saturday, the fire service said.",
        "About sixty workers left the building safely and the blaze was under control by noon.")


def news_sitemap(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{base}/2024/bridge</loc>
    <news:news><news:publication><news:name>Kessa Courier</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-03T18:20:00+02:00</news:publication_date>
      <news:title>Rail bridge closed after cracks found</news:title></news:news></url>
  <url><loc>{base}/2024/mill</loc><lastmod>2024-05-04</lastmod>
    <news:news><news:publication><news:name>Kessa Courier</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-04</news:publication_date><news:title>Fire at the paper mill</news:title></news:news></url>
  <url><loc>{base}/2024/missing</loc><lastmod>2024-04-01</lastmod></url>
</urlset>""".encode()


def serve_articles(site):
    site.add("/2024/bridge", article_page("Bridge closed", *BRIDGE, date="2024-05-02"))
    site.add("/2024/mill", article_page("Mill fire", *MILL))


def test_sitemaps_news_dates_and_titles_kept(site, tmp_path):
    serve_articles(site)
    path = tmp_path / "news-sitemap.xml"
    path.write_bytes(news_sitemap(site.base))
    bridge, mill, missing = read_inputs([str(path)], LOOPBACK)
    assert isinstance(bridge, Article) and BRIDGE[1] in bridge.text
    # The sitemap's date wins over the page's own (2024-05-02), in the sitemap's own day.
    assert (bridge.published, bridge.published_from) == ("2024-05-03", "sitemap")
    assert (bridge.title, bridge.url, bridge.source) == ("Rail bridge closed after cracks found",
                                                         f"{site.base}/2024/bridge", f"{site.base}/2024/bridge")
    assert (mill.published, mill.title) == ("2024-05-04", "Fire at the paper mill") and MILL[0] in mill.text
    assert isinstance(missing, Failure) and missing.source == f"{site.base}/2024/missing" and "404" in missing.reason


def test_sitemaps_index_followed_and_gzip_read(site, tmp_path):
    serve_articles(site)
    site.add("/sitemaps/news.xml.gz", gzip.compress(news_sitemap(site.base)), content_type="application/gzip")
    site.add("/sitemaps/broken.xml", b"<html><body>Moved</body></html>")
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{site.base}/sitemaps/news.xml.gz</loc></sitemap>
  <sitemap><loc>{site.base}/sitemaps/broken.xml</loc></sitemap>
</sitemapindex>""".encode()
    url = site.add("/sitemap_index", index, content_type="text/xml")
    items = list(read_inputs([url], LOOPBACK))
    articles = [i for i in items if isinstance(i, Article)]
    failures = {i.source: i.reason for i in items if isinstance(i, Failure)}
    assert [a.title for a in articles] == ["Rail bridge closed after cracks found", "Fire at the paper mill"]
    assert "not a sitemap" in failures[f"{site.base}/sitemaps/broken.xml"]
    assert "404" in failures[f"{site.base}/2024/missing"]
    # A gzipped sitemap file on disk, whatever its name, is read the same way.
    local = tmp_path / "sitemap.bin"
    local.write_bytes(gzip.compress(news_sitemap(site.base)))
    assert [getattr(i, "title", None) for i in read_inputs([str(local)], LOOPBACK)][:2] == [
        "Rail bridge closed after cracks found", "Fire at the paper mill"]


def test_sitemaps_filters_before_fetching(site, tmp_path):
    serve_articles(site)
    path = tmp_path / "sitemap.xml"
    path.write_bytes(news_sitemap(site.base))
    settings = LOOPBACK.with_(since=dt.date(2024, 5, 4))
    [mill] = read_inputs([str(path)], settings)
    assert mill.title == "Fire at the paper mill"
    # Entries left out by the filters are never requested (the lastmod dates them when no news date does).
    assert site.requested("/2024/bridge") == 0 and site.requested("/2024/missing") == 0
    assert list(read_inputs([str(path)], LOOPBACK.with_(sites=("kessa.example",)))) == []


def test_sitemaps_empty_sitemap_is_one_line(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_bytes(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>')
    [failure] = read_inputs([str(path)], LOOPBACK)
    assert failure.source == str(path) and failure.reason == "sitemap lists no pages"
