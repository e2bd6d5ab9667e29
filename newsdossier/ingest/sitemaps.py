"""Sitemaps and news sitemaps (ultimate-sitemap-parser), registered as the reader "sitemap.v1".

Each `<url>` is an article fetched from its `<loc>` through the guarded fetcher; a news sitemap's
`<news:publication_date>` is the article's date (`published_from: "sitemap"`) and `<news:title>` its
title. A sitemap index is followed to its child sitemaps (fetched the same way, at most
`MAX_DEPTH` levels and `MAX_CHILDREN` children per index). The library parses text already in hand
(`sitemap_from_str`): it never fetches anything itself. Gzipped sitemaps (`.xml.gz`) are read too.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

from .. import registry
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


@contextmanager
def _quiet():
    """ultimate-sitemap-parser logs each problem it recovers from; the reader reports them itself."""
    log = logging.getLogger("usp")
    saved = log.level
    if not logger.isEnabledFor(logging.DEBUG):
        log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(saved)


def sitemap_links(data: bytes, source: str, settings: Settings) -> tuple[list[Link], list[str]]:
    """(the pages of one sitemap as Links, the URLs of the child sitemaps it lists); InputError when
    `data` is not a sitemap."""
    from usp.objects.sitemap import AbstractIndexSitemap, InvalidSitemap
    from usp.tree import sitemap_from_str

    try:
        text = decode(gunzip(data, source, settings))[0]
    except NotText as exc:
        raise InputError(source, str(exc)) from None
    with _quiet():
        parsed = sitemap_from_str(text)
        if isinstance(parsed, InvalidSitemap):
            raise InputError(source, f"not a sitemap ({parsed.reason})")
        children = [child.url for child in parsed.sub_sitemaps] if isinstance(parsed, AbstractIndexSitemap) else []
        pages = list(parsed.all_pages()) if not children else []
    links = []
    for n, page in enumerate(pages, 1):
        story = page.news_story
        published = story.publish_date.date().isoformat() if story and story.publish_date else None
        lastmod = page.last_modified.date().isoformat() if page.last_modified else None
        title = (" ".join((story.title or "").split()) or None) if story else None
        links.append(Link(found_in=f"{source}#{n}", url=page.url, published=published, published_from="sitemap",
                          title=title, filter_date=published or lastmod))
    return links, children


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


@registry.readers.register("sitemap.v1")
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
