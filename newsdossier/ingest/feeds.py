"""RSS and Atom feeds (feedparser): each item is an article, registered as the reader "feed.v1".

An item becomes an article from the full text the feed carries (RSS `content:encoded`, Atom
`<content>`), else by fetching its link (see links.py; a `<description>` or `<summary>` is taken
for a teaser, and is used only when the item has no link). The item's date is the article's date
(`published_from: "feed"`), its title and link are kept. feedparser is only ever given bytes, so it
never fetches anything itself: every request goes through the project's guarded fetcher.
"""
from __future__ import annotations

import io
import logging
import time
from typing import Iterator, Optional
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..records import Article, Failure
from ..settings import Settings
from . import readers
from .links import Link, filtered_out, link_article, note_filtered, xml_root
from .meta import iso_date
from .sources import Blob

logger = logging.getLogger(__name__)

FEED_ROOTS = {"rss", "feed", "rdf"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def looks_like_feed(head: bytes) -> bool:
    """True when the document's root element is `<rss>`, Atom's `<feed>` or RSS 1.0's `<rdf:RDF>`."""
    root = xml_root(head)
    if root is None or root[0] not in FEED_ROOTS:
        return False
    # `<RDF>` is also the root of plain RDF documents; RSS 1.0 declares its namespace on it.
    return root[0] != "rdf" or b"purl.org/rss/1.0" in head[:4096]


def feed_links(data: bytes, source: str, url: Optional[str] = None,
               content_type: Optional[str] = None) -> list[Link]:
    """The items of a feed, in the feed's order; InputError when `data` is not a feed at all."""
    import feedparser

    headers = {"content-type": content_type or "application/xml"}
    if url:
        headers["content-location"] = url  # relative links resolve against the feed's address
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise InputError(source, "not an RSS or Atom feed" + (f" ({_short(why)})" if why else ""))
    if parsed.get("bozo") and parsed.entries:
        logger.info("%s: feed is not well-formed (%s); read what it holds", source, _short(parsed.get("bozo_exception")))
    # feedparser resolves relative links against the feed's address; a feed read from a file has
    # none, so they resolve against the channel's own link.
    base = url or (parsed.feed.get("link") or "").strip() or None
    return [_link(entry, f"{source}#{n}", base) for n, entry in enumerate(parsed.entries, 1)]


def _link(entry, found_in: str, base: Optional[str]) -> Link:
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    content = max(contents, key=lambda c: len(c["value"]), default=None)
    link = (entry.get("link") or "").strip() or None
    if link and base and not urlsplit(link).scheme:
        link = urljoin(base, link)
    if link and urlsplit(link).scheme.lower() not in ("http", "https"):
        link = None  # an Atom id feedparser took for a link ("urn:…"), or a scheme never followed
    text, kind = None, "text/html"
    if content is not None:
        text, kind = content["value"], _kind(content.get("type"))
    elif link is None and (entry.get("summary") or "").strip():
        detail = entry.get("summary_detail") or {}
        text, kind = entry["summary"], _kind(detail.get("type"))
    return Link(found_in=found_in, url=link, published=_date(entry), published_from="feed",
                title=" ".join((entry.get("title") or "").split()) or None, content=text, content_type=kind)


def _kind(media: Optional[str]) -> str:
    return "text/plain" if (media or "").lower() == "text/plain" else "text/html"


def _date(entry) -> Optional[str]:
    """The item's date as the feed writes it (its own day, not shifted to UTC), published before updated."""
    for raw, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        day = iso_date(entry.get(raw))
        if day:
            return day
        if entry.get(parsed):
            return time.strftime("%Y-%m-%d", entry[parsed])
    return None


def read_feed(blob: Blob, settings: Settings) -> Iterator["Article | Failure"]:
    """Every item of an RSS or Atom feed as an article (its text, else its link fetched)."""
    try:
        links = feed_links(blob.read_all(settings), blob.source, blob.url, blob.content_type)
    except InputError as exc:
        yield Failure(source=blob.source, reason=exc.reason)
        return
    if not links:
        yield Failure(source=blob.source, reason="feed holds no items")
        return
    left_out: dict[str, int] = {}
    for link in links:
        why = filtered_out(link.url, link.filter_date or link.published, settings)
        if why:
            left_out[why] = left_out.get(why, 0) + 1
            continue
        yield link_article(link, settings)
    note_filtered(blob.source, left_out)


def _short(exc) -> str:
    return " ".join(str(exc).split())[:160] if exc else ""


readers.SUFFIX_READERS.update({".rss": "feed.v1", ".atom": "feed.v1"})
readers.CONTENT_TYPE_READERS.update({media: "feed.v1" for media in FEED_TYPES})
readers.SIGNATURES.append(("feed.v1", looks_like_feed))
