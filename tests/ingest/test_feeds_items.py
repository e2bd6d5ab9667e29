"""RSS 2.0 and Atom feeds: each item an article (the feed's text, else its link fetched on loopback),
the item's date, title and link kept, recognised by content as well as by name, filters applied."""
from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.ingest.readers import choose_reader
from newsdossier.ingest.sources import expand
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings

from loopback import article_page

LOOPBACK = Settings(allow_private=True)
DEPOT = ("Gunmen set fire to a fuel depot outside Tarsk late on Monday, the regional governor said.",
         "Two night guards were treated for burns, and the depot will stay closed for a week.")
FERRY = ("A ferry carrying forty passengers ran aground near the island of Mollen on Tuesday.",
         "The coast guard said nobody was hurt and the passengers were taken ashore by lifeboat.")


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Tarsk Evening News</title><link>{base}/</link><description>Local news</description>
<item><title>Depot set on fire</title><link>{base}/news/depot</link>
  <pubDate>Tue, 26 Mar 2024 00:30:00 +0200</pubDate><description>Gunmen set fire to a depot.</description></item>
<item><title>Council vote delayed</title><link>{base}/news/council</link><pubDate>Wed, 27 Mar 2024 09:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>The town council of Tarsk postponed its vote on the new harbour budget until April.</p>
  <p>Councillors said they needed more time to read the engineers' report on the quay walls.</p>]]></content:encoded></item>
<item><title>Gone story</title><link>/news/gone</link><pubDate>Thu, 28 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Mollen Coast Desk</title><id>urn:mollen:desk</id>
<updated>2024-04-02T10:00:00Z</updated>
<entry><title>Ferry runs aground</title><link rel="alternate" href="{base}/coast/ferry"/><id>urn:mollen:1</id>
  <published>2024-04-01T23:30:00-05:00</published><updated>2024-04-02T08:00:00Z</updated>
  <summary>A ferry ran aground.</summary></entry>
<entry><title>Lighthouse repaired</title><id>urn:mollen:2</id><updated>2024-03-15T12:00:00Z</updated>
  <content type="text">Engineers finished repairing the old lighthouse on the northern cape of Mollen this week.
The lamp had been dark since the storm in January, harbour officials said.</content></entry>
</feed>""".encode()


@pytest.fixture
def news(site):
    site.add("/news/depot", article_page("Depot fire in Tarsk", *DEPOT))
    site.add("/coast/ferry", article_page("Ferry aground off Mollen", *FERRY, date="2024-04-01"))
    return site


def _items(inputs, settings=LOOPBACK):
    return list(read_inputs(inputs, settings))


def test_feeds_rss_items_from_content_or_fetched_link(news, tmp_path):
    path = tmp_path / "tarsk.rss"
    path.write_bytes(rss(news.base))
    depot, council, gone = _items([str(path)])
    assert isinstance(depot, Article) and isinstance(council, Article)
    # The item with only a teaser is fetched from its link; its date is the feed's, in the feed's own day.
    assert depot.text.startswith("Depot fire in Tarsk") and DEPOT[1] in depot.text
    assert (depot.url, depot.title) == (f"{news.base}/news/depot", "Depot set on fire")
    assert (depot.published, depot.published_from, depot.source) == ("2024-03-26", "feed", f"{news.base}/news/depot")
    # The item carrying its full text is not fetched.
    assert news.requested("/news/council") == 0
    assert "harbour budget" in council.text and "quay walls" in council.text and council.input_format == "html"
    assert (council.title, council.published, council.published_from) == ("Council vote delayed", "2024-03-27", "feed")
    # A link that fails is one Failure naming the link (relative links resolve against the channel).
    assert isinstance(gone, Failure) and gone.source == f"{news.base}/news/gone" and "404" in gone.reason


def test_feeds_atom_from_url_recognised_by_content(news):
    url = news.add("/feeds/coast", atom(news.base), content_type="application/xml")
    ferry, lighthouse = _items([url])
    assert ferry.title == "Ferry runs aground" and FERRY[0] in ferry.text
    # published wins over updated, and the day is the one the feed writes (not moved to UTC).
    assert (ferry.published, ferry.published_from) == ("2024-04-01", "feed")
    assert lighthouse.url is None and lighthouse.source == f"{url}#2"
    assert lighthouse.text.startswith("Engineers finished repairing") and lighthouse.input_format == "text"
    assert (lighthouse.published, lighthouse.published_from) == ("2024-03-15", "feed")


@pytest.mark.parametrize("name", ["latest.txt", "feed", "coast.xml", "coast.atom"])
def test_feeds_recognised_by_content_whatever_the_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(atom("http://127.0.0.1:9"))
    [blob] = list(expand([str(path)], Settings()))
    assert choose_reader(blob) == "feed.v1"
    blob.close()


def test_feeds_item_links_are_fetched_through_the_guarded_fetcher(news, tmp_path):
    path = tmp_path / "tarsk.rss"
    path.write_bytes(rss(news.base))
    depot, council, gone = _items([str(path)], Settings())
    assert isinstance(depot, Failure) and "loopback" in depot.reason and "--allow-private" in depot.reason
    assert isinstance(council, Article)  # carried in the feed: nothing to fetch
    assert not news.log


def test_feeds_filters_by_date_and_site(news, tmp_path):
    path = tmp_path / "tarsk.rss"
    path.write_bytes(rss(news.base))
    later = _items([str(path)], LOOPBACK.with_(since=dt.date(2024, 3, 27), until=dt.date(2024, 3, 27)))
    assert [a.title for a in later] == ["Council vote delayed"]
    elsewhere = _items([str(path)], LOOPBACK.with_(sites=("news.example.org",)))
    assert elsewhere == []
    here = _items([str(path)], LOOPBACK.with_(sites=("127.0.0.1",), until=dt.date(2024, 3, 26)))
    assert [a.title for a in here] == ["Depot set on fire"]


def test_feeds_a_link_serving_a_feed_is_not_followed(news, tmp_path):
    news.add("/feeds/coast", atom(news.base), content_type="application/atom+xml")
    path = tmp_path / "loop.rss"
    path.write_bytes(f"""<rss version="2.0"><channel><title>x</title>
        <item><title>Nested</title><link>{news.base}/feeds/coast</link></item></channel></rss>""".encode())
    [nested] = _items([str(path)])
    assert isinstance(nested, Failure) and "serves a feed, not an article" in nested.reason


def test_feeds_broken_or_empty_feed_is_one_line(tmp_path):
    empty = tmp_path / "empty.rss"
    empty.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    broken = tmp_path / "broken.rss"
    broken.write_bytes(b"this is not xml at all")
    [first, second] = _items([str(empty), str(broken)])
    assert first.reason == "feed holds no items"
    assert second.source == str(broken) and "not an RSS or Atom feed" in second.reason
