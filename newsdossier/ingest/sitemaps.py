"""Sitemaps and news sitemaps (lxml), registered as the reader "sitemap.v1".

Each `<url>` is an article fetched from its `<loc>` through the guarded fetcher; a news sitemap's
`<news:publication_date>` is the article's date (`published_from: "sitemap"`) and `<news:title>` its
title. A sitemap index is followed to its child sitemaps (fetched the same way, at most
`MAX_DEPTH` levels and `MAX_CHILDREN` children per index). The XML is parsed with lxml with entities
and network access off (a sitemap is untrusted input); elements are matched by local name, since
sites write the sitemap and news namespaces in more than one way. Gzipped sitemaps (`.xml.gz`) are
read too. (ultimate-sitemap-parser would do the same but is GPL-licensed; the format is small.)
"""
from __future__ import annotations

import logging
import re
from typing import Iterator, Optional

from lxml import etree

from ..errors import InputError
from ..records import Article, Failure
from ..settings import Settings
from . import readers
from .decode import NotText, decode
from .links import Link, filtered_out, gunzip, gunzip_head, link_article, note_filtered, xml_root
from .sources import Blob, expand

logger = logging.getLogger(__name__)

SITEMAP_ROOTS = {"urlset", "sitemapindex"}
MAX_DEPTH = 3
MAX_CHILDREN = 1000


def looks_like_sitemap(head: bytes) -> bool:
    """True for an XML sitemap (`<urlset>`, `<sitemapindex>`), gzipped or not."""
    root = xml_root(gunzip_head(head) or head)
    return root is not None and root[0] in SITEMAP_ROOTS


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element, name: str) -> Optional[str]:
    for child in element.iter():
        if child is not element and _local(child) == name and child.text and child.text.strip():
            return " ".join(child.text.split())
    return None


def _day(value: Optional[str]) -> Optional[str]:
    """The day of a W3C datetime as the sitemap writes it (its own day, not UTC's)."""
    found = _DAY.match(value or "")
    return found.group(1) if found else None


def sitemap_links(data: bytes, source: str, settings: Settings) -> tuple[list[Link], list[str]]:
    """(the pages of one sitemap as Links, the URLs of the child sitemaps it lists); InputError when
    `data` is not a sitemap."""
    try:
        text = decode(gunzip(data, source, settings))[0]
    except NotText as exc:
        raise InputError(source, str(exc)) from None
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"not a sitemap (XML error: {exc})") from None
    if root is None or _local(root) not in SITEMAP_ROOTS:
        raise InputError(source, f"not a sitemap (root element {_local(root) if root is not None else 'missing'!r})")
    if _local(root) == "sitemapindex":
        children = [loc for loc in (_child_text(e, "loc") for e in root if _local(e) == "sitemap") if loc]
        return [], children
    links = []
    for n, url in enumerate((e for e in root if _local(e) == "url"), 1):
        loc = _child_text(url, "loc")
        if not loc:
            continue
        news = next((e for e in url if _local(e) == "news"), None)
        published = _day(_child_text(news, "publication_date")) if news is not None else None
        title = _child_text(news, "title") if news is not None else None
        lastmod = _day(_child_text(url, "lastmod"))
        links.append(Link(found_in=f"{source}#{n}", url=loc, published=published, published_from="sitemap",
                          title=title, filter_date=published or lastmod))
    return links, []


def _child_links(url: str, settings: Settings, depth: int) -> Iterator["Link | Failure"]:
    """The pages of a child sitemap (and of its own children), fetched through the guarded fetcher."""
    [blob] = list(expand([url], settings))
    if isinstance(blob, InputError):
        yield Failure(source=url, reason=blob.reason)
        return
    try:
        data = blob.read_all(settings)
        links, children = sitemap_links(data, url, settings)
    except InputError as exc:
        yield Failure(source=url, reason=exc.reason)
        return
    finally:
        blob.close()
    yield from links
    yield from _children(children, url, settings, depth + 1)


def _children(children: list[str], parent: str, settings: Settings, depth: int) -> Iterator["Link | Failure"]:
    if not children:
        return
    if depth > MAX_DEPTH:
        yield Failure(source=parent, reason=f"sitemap index nested deeper than {MAX_DEPTH} levels; children not read")
        return
    if len(children) > MAX_CHILDREN:
        logger.warning("%s: lists %d sitemaps; only the first %d are read", parent, len(children), MAX_CHILDREN)
    for child in children[:MAX_CHILDREN]:
        yield from _child_links(child, settings, depth)


def all_links(blob: Blob, settings: Settings) -> Iterator["Link | Failure"]:
    """Every page of a sitemap, its child sitemaps followed; a child that fails is one Failure."""
    data = blob.read_all(settings)
    links, children = sitemap_links(data, blob.source, settings)
    if not links and not children:
        raise InputError(blob.source, "sitemap lists no pages")
    yield from links
    yield from _children(children, blob.source, settings, 1)


def read_sitemap(blob: Blob, settings: Settings) -> Iterator["Article | Failure"]:
    """Every page a sitemap (or sitemap index) lists, fetched and read as an article."""
    left_out: dict[str, int] = {}
    try:
        for item in all_links(blob, settings):
            if isinstance(item, Failure):
                yield item
                continue
            why = filtered_out(item.url, item.filter_date, settings)
            if why:
                left_out[why] = left_out.get(why, 0) + 1
                continue
            yield link_article(item, settings)
    except InputError as exc:
        yield Failure(source=exc.source, reason=exc.reason)
    note_filtered(blob.source, left_out)


read_sitemap.reads_binary = True  # type: ignore[attr-defined]  # .xml.gz


readers.SIGNATURES.append(("sitemap.v1", looks_like_sitemap))
