"""Items that point at articles (a feed's entries, a sitemap's URLs): the `--since/--until/--site`
filters, and how one item becomes an Article.

An item becomes an article from the text its feed carries when there is some, else by fetching its
link through the registered fetcher (the same address check, caps and timeouts as any URL input).
What the item says about itself wins over what the page says: its title, its link as the article's
URL, and its date (`published_from` "feed" or "sitemap"); the page's own metadata fills the rest.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import logging
import re
import zlib
from dataclasses import dataclass
from typing import Iterable, Optional
from urllib.parse import urlsplit

from .. import registry
from ..errors import InputError
from ..records import Article, Failure
from ..settings import Settings
from .fetch import megabytes
from .meta import article_id
from .sources import HEAD_BYTES, Blob, expand

logger = logging.getLogger(__name__)

# Readers of inputs that hold other inputs: a feed item's link that serves one of these is not an
# article (and following it would let a feed make the reader crawl on its own).
CONTAINER_READERS = {"feed.v1", "sitemap.v1", "warc.v1"}
MAX_KEY = 2000  # longer links are remembered by their hash (the store's key column holds 2,048)
_XML_PROLOGUE = re.compile(
    rb"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|\s+)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


@dataclass(frozen=True)
class Link:
    """One item of a feed or sitemap: where it points, what it says about the article, and where it was found."""

    found_in: str                   # "feed.rss#3": the container and the item's position, for messages
    url: Optional[str] = None       # the article's address, absolute
    published: Optional[str] = None  # YYYY-MM-DD, as the feed or sitemap gives it
    published_from: str = "feed"
    title: Optional[str] = None
    content: Optional[str] = None   # the article's text when the feed carries it
    content_type: str = "text/html"  # of `content`: text/html or text/plain
    filter_date: Optional[str] = None  # the date to filter by when it is not `published` (a sitemap's lastmod)

    @property
    def key(self) -> str:
        """What `dossier watch` remembers the item by: its link, else a hash of what it carries."""
        if self.url and len(self.url) <= MAX_KEY:
            return self.url
        return article_id(self.url or f"{self.found_in}\n{self.title or ''}\n{self.content or ''}")


def xml_root(head: bytes) -> Optional[tuple[str, bytes]]:
    """(local name of the root element, the bytes of its start tag) of an XML document, else None."""
    data = head.removeprefix(b"\xef\xbb\xbf")
    prologue = _XML_PROLOGUE.match(data)
    rest = data[prologue.end():] if prologue else data
    match = _ROOT.match(rest)
    if not match:
        return None
    end = rest.find(b">", match.end())
    return match.group(2).decode("ascii").lower(), rest[: end + 1 if end >= 0 else 2048]


def gunzip_head(head: bytes, size: int = 4096) -> Optional[bytes]:
    """The first bytes of gzip data (None when `head` is not gzip or is corrupt from the start)."""
    if not head.startswith(b"\x1f\x8b"):
        return None
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return None


def gunzip(data: bytes, source: str, settings: Settings) -> bytes:
    """`data` decompressed when it is gzip, refused past `max_bytes` (a small file can hold a huge one)."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    limit = settings.max_bytes
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise InputError(source, f"decompressed data is over the {megabytes(limit)} limit (--max-bytes)")
    return out


# ---- filters ----

def site_of(value: str) -> str:
    """The host a `--site` value names: 'example.org', 'https://www.example.org/news' -> host."""
    value = value.strip()
    host = urlsplit(value if "://" in value else "http://" + value).hostname or ""
    return host.lower().rstrip(".")


def on_sites(url: Optional[str], sites: Iterable[str]) -> bool:
    """True when `url`'s host is one of `sites` or under one (`example.org` takes `www.example.org`)."""
    sites = tuple(sites)
    if not sites:
        return True
    try:
        host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    return any(host == s or host.endswith("." + s) for s in (site_of(s) for s in sites) if s)


def filtered_out(url: Optional[str], date: Optional[str], settings: Settings) -> Optional[str]:
    """Why an item is left out by `--site`, `--since` or `--until` ('site', 'date'), else None.
    An item without a date is kept: the filters leave out only what they know to be outside."""
    if settings.sites and not on_sites(url, settings.sites):
        return "site"
    if date and (settings.since or settings.until):
        try:
            day = dt.date.fromisoformat(date[:10])
        except ValueError:
            return None
        if (settings.since and day < settings.since) or (settings.until and day > settings.until):
            return "date"
    return None


def note_filtered(source: str, counts: dict[str, int]) -> None:
    """Log (with --verbose) how many items the filters left out of one input."""
    if any(counts.values()):
        parts = [f"{n} by {why}" for why, n in sorted(counts.items()) if n]
        logger.info("%s: %s left out by the filters", source, ", ".join(parts))


# ---- an item to an article ----

def link_article(link: Link, settings: Settings) -> "Article | Failure":
    """The article an item stands for: from its content when it carries some, else its link fetched."""
    source = link.url or link.found_in
    if link.content and link.content.strip():
        data = link.content.encode("utf-8", errors="replace")
        blob = Blob(source=source, stream=io.BytesIO(data), head=data[:HEAD_BYTES], url=link.url, size=len(data),
                    content_type=f"{link.content_type}; charset=utf-8", what="feed item")
        reader = "html.v1" if link.content_type == "text/html" else "text.v1"
        items = list(registry.readers.get(reader)(blob, settings))
    elif link.url:
        items = _fetched(link.url, settings)
    else:
        return Failure(source=link.found_in, reason="item has neither an http(s) link nor any text")
    articles = [item for item in items if isinstance(item, Article)]
    if not articles:
        failure = next((item for item in items if isinstance(item, Failure)), None)
        return Failure(source=source, reason=failure.reason if failure else "no article text",
                       transient=failure.transient if failure else False)
    return _with_item_fields(articles[0], link)


def _fetched(url: str, settings: Settings) -> list:
    """The page at `url` read as a file would be (HTML, text), refusing feeds, sitemaps and WARCs."""
    from . import read_blob  # the package imports this module; read_blob is defined there
    from .readers import choose_reader

    # Only a web address is followed: a feed must never make the reader open a local file.
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return [Failure(source=url, reason="item link is not an http(s) URL")]
    [blob] = list(expand([url], settings))
    if isinstance(blob, InputError):
        return [Failure(source=url, reason=blob.reason, transient=blob.transient)]
    try:
        name = choose_reader(blob)
        if name in CONTAINER_READERS:
            kind = name.split(".", 1)[0]
            return [Failure(source=url, reason=f"link serves a {kind}, not an article")]
        return list(read_blob(blob, settings))
    finally:
        blob.close()


def _with_item_fields(article: Article, link: Link) -> Article:
    """The article with what the item states: its link, its title, its date."""
    update: dict = {}
    if link.url:
        update["url"] = link.url
    if link.title:
        update["title"] = link.title
    if link.published:
        update.update(published=link.published, published_from=link.published_from)
    return article.model_copy(update=update) if update else article
