"""HTML to main text and metadata: trafilatura first, a plain text extraction when it gives nothing.

trafilatura drops pages it cannot parse (a 5,000-deep nesting, malformed markup: measured, it returns
None), and lxml's parser stops at a fixed nesting depth, so the fallback is a streaming tokenizer from
the standard library: no depth limit, tolerant of any markup, dropping script, style, navigation and
footers. The published date comes from htmldate (the page's own metadata), not from guesses in text.

Headings (the headline above all) stand between blank lines in the text: a headline has no full
stop, and without a paragraph break the sentence splitter reads it as the start of the first
sentence ("... near Northgate Armed men abducted ..."). The title loses the site's name that
pages add to it ("Headline | The Daily Post").
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Optional

from .meta import iso_date, strip_site

logger = logging.getLogger(__name__)

# Libraries whose own log lines are silenced while they run (see _quiet).
QUIET_PACKAGES = ("trafilatura", "htmldate", "courlan", "justext")
# Elements whose text is never article text.
SKIP = frozenset({
    "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form", "button",
    "select", "option", "svg", "canvas", "iframe", "object", "embed", "title", "menu",
})
# Skipped even when the strict pass finds nothing (an unclosed <nav> must not hide a whole page).
ALWAYS_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "title"})
# Elements that end a line of text.
BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "main", "blockquote", "pre", "tr", "table", "dd", "dt", "dl", "figure", "figcaption", "hr",
    "address", "body", "html", "td", "th",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"})
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|meta|title|br|span|a\s)[\s>/]", re.I)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True)
class HtmlText:
    """What an HTML page yields: main text and whatever metadata the page states."""

    text: str
    title: Optional[str] = None
    site: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    extractor: str = "trafilatura"


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of an input are markup (a doctype or a common tag near the start)."""
    start = head[:2048].lstrip()
    if start[:1] != b"<":
        return False
    return bool(_HTML_HINT.search(head[:4096]))


def extract_html(html: str, url: Optional[str] = None) -> Optional[HtmlText]:
    """Main text and metadata of a page, or None when it holds no text at all."""
    found = _trafilatura(html, url)
    published = _published(html, url)
    if found is not None and found.text and found.text.strip():
        site = _clean(found.sitename)
        title = strip_site(_clean(found.title), site, url)
        headings = _heading_texts(found.body) | ({_key(title)} if title else set())
        return HtmlText(
            text=set_off_headings(found.text, headings), title=title, site=site,
            author=_clean(found.author), published=published or iso_date(found.date),
        )
    parser = _parse(html)
    text = fallback_text(html, parser)
    if not text.strip():
        return None
    logger.debug("trafilatura found no text%s; plain extraction used", f" in {url}" if url else "")
    site = _meta_site(html)
    title = strip_site(_fallback_title(html), site, url)
    headings = set(parser.headings) | ({_key(title)} if title else set())
    return HtmlText(text=set_off_headings(text, headings), title=title, site=site,
                    published=published, extractor="plain")


def set_off_headings(text: str, headings: set[str]) -> str:
    """`text` with a blank line before and after every line that is one of `headings` (compared
    with spacing and case ignored), so that no heading runs into the sentence after it."""
    if not headings:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        heading = _key(line) in headings
        if heading and out and out[-1].strip():
            out.append("")
        out.append(line)
        if heading and i + 1 < len(lines) and lines[i + 1].strip():
            out.append("")
    return "\n".join(out)


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _heading_texts(body) -> set[str]:
    """The texts of the headings trafilatura kept (its `<head>` elements) in the main text."""
    if body is None:
        return set()
    try:
        return {_key("".join(element.itertext())) for element in body.iter("head")} - {""}
    except Exception as exc:  # an odd tree only costs the blank lines around headings
        logger.debug("cannot read headings: %s", exc)
        return set()


@contextmanager
def _quiet():
    """Silence trafilatura's and htmldate's own warnings ("empty HTML tree", "discarding data"):
    a page they cannot read is handled here (the fallback, or one Failure line), so their messages
    would only add lines to standard error. Kept when this module logs at DEBUG."""
    if logger.isEnabledFor(logging.DEBUG):
        yield
        return
    # `disabled` is checked on the logger a record starts from, so every module logger is listed.
    names = [n for n in list(logging.root.manager.loggerDict) if n.split(".", 1)[0] in QUIET_PACKAGES]
    loggers = [logging.getLogger(name) for name in names]
    saved = [log.disabled for log in loggers]
    for log in loggers:
        log.disabled = True
    try:
        yield
    finally:
        for log, was in zip(loggers, saved):
            log.disabled = was


def _trafilatura(html: str, url: Optional[str]):
    try:
        import trafilatura

        with _quiet():
            return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
        )
    except RecursionError:
        return None
    except Exception as exc:  # trafilatura can raise on hostile markup; the fallback still reads it
        logger.debug("trafilatura failed: %s", exc)
        return None


def _published(html: str, url: Optional[str]) -> Optional[str]:
    """The page's publication date from its metadata (htmldate, no search of the running text)."""
    try:
        from htmldate import find_date

        with _quiet():
            found = find_date(html, url=url, extensive_search=False, original_date=True)
    except RecursionError:
        return None
    except Exception as exc:  # htmldate raises on unparsable trees; a missing date is not a failure
        logger.debug("htmldate failed: %s", exc)
        return None
    return iso_date(found)


def _clean(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None


class _TextParser(HTMLParser):
    """Collects visible text outside SKIP elements, one line per block element."""

    def __init__(self, skip: frozenset[str] = SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = skip
        self.skip_depth = 0
        self.headings: list[str] = []
        self._heading: Optional[list[str]] = None  # the text of the heading being read

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.skip and tag not in VOID:
            self.skip_depth += 1
        elif tag in BLOCK:
            self.parts.append("\n")
        if tag in HEADINGS and not self.skip_depth:
            self._heading = []

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skip and tag not in VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK:
            self.parts.append("\n")
        if tag in HEADINGS and self._heading is not None:
            if key := _key("".join(self._heading)):
                self.headings.append(key)
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)
            if self._heading is not None:
                self._heading.append(data)


def _parse(html: str, skip: frozenset[str] = SKIP) -> _TextParser:
    parser = _TextParser(skip)
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # the tokenizer is lenient; keep what was read before any error
        logger.debug("HTML tokenizer stopped: %s", exc)
    return parser


def fallback_text(html: str, parsed: Optional[_TextParser] = None) -> str:
    """Visible text of `html` without scripts, styles, navigation and footers, one block per line
    (`parsed`: the strict pass's parser when the caller already ran it)."""
    for skip in (SKIP, ALWAYS_SKIP):
        parser = parsed if parsed is not None and skip is SKIP else _parse(html, skip)
        raw = "".join(parser.parts)
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            return text
    return ""


def _meta_site(html: str) -> Optional[str]:
    """The site's name a page states in its head (`og:site_name`), for pages trafilatura cannot read."""
    for tag in _META_TAG.finditer(html[:50000]):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTRIBUTE.finditer(tag.group(0))}
        if (attrs.get("property") or attrs.get("name") or "").lower() == "og:site_name":
            return _clean(unescape(attrs.get("content", "")))
    return None


def _fallback_title(html: str) -> Optional[str]:
    match = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.I | re.S)
    if not match:
        return None
    return _clean(" ".join(_parse(match.group(1), frozenset()).parts))
