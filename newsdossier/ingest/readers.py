"""Readers: a Blob's bytes to Articles. Registered by versioned name in `registry.readers`.

Every reader is `reader(blob, settings) -> Iterator[Article | Failure]` and never raises for a bad
input; `choose_reader` picks one by file suffix, then declared content type, then by sniffing the
first bytes, through tables rather than a chain of conditions, so a plugin reader travels the same road.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Callable, Iterator, Optional

from ..errors import InputError
from ..records import Article, Failure
from ..settings import Settings
from .boilerplate import find_boilerplate
from .decode import NotText, decode
from .fetch import megabytes
from .html import extract_html, looks_like_html
from .meta import article_id, guess_language, iso_date
from .sources import Blob

logger = logging.getLogger(__name__)

Result = "Article | Failure"
SUFFIX_READERS: dict[str, str] = {
    ".jsonl": "jsonl.v1", ".ndjson": "jsonl.v1",
    ".html": "html.v1", ".htm": "html.v1", ".xhtml": "html.v1", ".shtml": "html.v1",
    ".txt": "text.v1", ".text": "text.v1",
}
CONTENT_TYPE_READERS: dict[str, str] = {
    "text/html": "html.v1", "application/xhtml+xml": "html.v1",
    "application/x-ndjson": "jsonl.v1", "application/jsonl": "jsonl.v1", "application/jsonlines": "jsonl.v1",
    "text/plain": "text.v1",
}
DEFAULT_READER = "text.v1"


def looks_like_jsonl(head: bytes) -> bool:
    """True when the first line is a JSON object carrying article text (`text` or `html`)."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if not first.startswith(b"{") or not first.endswith(b"}"):
        return False
    try:
        value = json.loads(first)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(value, dict) and any(isinstance(value.get(k), str) for k in ("text", "html"))


# Content sniffers, tried in order on inputs whose name and content type say nothing.
SNIFFERS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("jsonl.v1", looks_like_jsonl),
    ("html.v1", looks_like_html),
)


# Formats whose first bytes say what they are (a feed's or a sitemap's root element, a WARC header,
# gzip holding one), checked before anything else: `news.txt` holding RSS is a feed. Appended to by
# the modules that read them (feeds.py, sitemaps.py, warc.py), as a plugin reader would.
SIGNATURES: list[tuple[str, Callable[[bytes], bool]]] = []


def choose_reader(blob: Blob) -> str:
    """The registered name of the reader for `blob`: a signature in its first bytes, then its
    declared type, then its suffix, then its content."""
    signed = next((name for name, sniff in SIGNATURES if sniff(blob.head)), None)
    if signed:
        return signed
    media = (blob.content_type or "").split(";", 1)[0].strip().lower()
    by_type = CONTENT_TYPE_READERS.get(media)
    # A server's specific type beats a URL's suffix ("/story.php" served as text/html); "text/plain"
    # is too often a default to trust over the bytes.
    if by_type and by_type != DEFAULT_READER:
        return by_type
    by_suffix = SUFFIX_READERS.get(blob.suffix)
    if by_suffix:
        return by_suffix
    return next((name for name, sniff in SNIFFERS if sniff(blob.head)), by_type or DEFAULT_READER)


def published_for(own: Optional[str], own_from: str, settings: Settings) -> tuple[Optional[str], Optional[str]]:
    """(date, where from): the article's own date, else the one given on the command line, else none."""
    if own:
        return own, own_from
    if settings.published is not None:
        return settings.published.isoformat(), "cli"
    return None, None


def _declared_charset(content_type: Optional[str]) -> Optional[str]:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def text_article(text: str, source: str, settings: Settings, **fields: Any) -> "Article | Failure":
    """An Article for plain text kept unchanged, boilerplate listed; Failure when nothing is left."""
    if not text.strip():
        return Failure(source=source, reason="no article text (only whitespace)")
    removed = find_boilerplate(text)
    if not _has_text_outside(text, removed):
        return Failure(source=source, reason="no article text (only boilerplate)")
    published, published_from = published_for(fields.pop("published", None), fields.pop("published_from", "metadata"), settings)
    return Article(
        id=fields.pop("id", None) or article_id(text), source=source, text=text, removed=removed,
        published=published, published_from=published_from, language=guess_language(text), **fields,
    )


def _html_article(html: str, source: str, settings: Settings, url: Optional[str] = None, **fields: Any) -> "Article | Failure":
    """An Article holding the main text an HTML page keeps after boilerplate removal."""
    page = extract_html(html, url)
    if page is None:
        return Failure(source=source, reason="no article text (the HTML holds only markup or scripts)")
    given_title = fields.pop("title", None)
    given_date, given_from = fields.pop("published", None), fields.pop("published_from", None)
    # A date the caller states (a JSONL field) wins over what the page's metadata says.
    own, own_from = (given_date, given_from) if given_date else (page.published, "metadata")
    return text_article(
        page.text, source, settings, url=url, title=given_title or page.title, site=page.site,
        author=page.author, published=own, published_from=own_from, input_format="html", **fields,
    )


def _has_text_outside(text: str, spans) -> bool:
    position = 0
    for span in spans:
        if text[position:span.start].strip():
            return True
        position = span.end
    return bool(text[position:].strip())


def read_text(blob: Blob, settings: Settings) -> Iterator[Result]:
    """Plain text: the decoded text unchanged, boilerplate listed in `removed`."""
    text = _decoded(blob, settings, html=False)
    if isinstance(text, Failure):
        yield text
        return
    yield text_article(text, blob.source, settings, url=blob.url, input_format="text")


def read_html(blob: Blob, settings: Settings) -> Iterator[Result]:
    """An HTML page: trafilatura's main text and metadata (plain extraction as the fallback)."""
    html = _decoded(blob, settings, html=True)
    if isinstance(html, Failure):
        yield html
        return
    yield _html_article(html, blob.source, settings, url=blob.url)


def _decoded(blob: Blob, settings: Settings, html: bool) -> "str | Failure":
    """The whole input decoded to text, or the Failure that says why it could not be."""
    try:
        data = blob.read_all(settings)
        return decode(data, declared=_declared_charset(blob.content_type), html=html)[0]
    except InputError as exc:
        return Failure(source=blob.source, reason=exc.reason, transient=exc.transient)
    except NotText as exc:
        return Failure(source=blob.source, reason=str(exc))


def read_jsonl(blob: Blob, settings: Settings) -> Iterator[Result]:
    """One article per line, read line by line (constant memory); a broken line fails alone."""
    limit = settings.max_bytes
    number = articles = 0
    while True:
        line = blob.stream.readline(limit + 1)
        if not line:
            break
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            articles += 1
            _skip_rest_of_line(blob)
            yield Failure(source=blob.source, reason=f"line {number}: over the {megabytes(limit)} limit (--max-bytes)")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        articles += 1
        yield _jsonl_line(line, number, blob, settings)
    if not articles:
        yield Failure(source=blob.source, reason="no article text (no JSON lines)")


read_jsonl.streams = True  # type: ignore[attr-defined]  # caps each line, not the whole file


def _skip_rest_of_line(blob: Blob) -> None:
    while True:
        chunk = blob.stream.readline(65536)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_line(line: bytes, number: int, blob: Blob, settings: Settings) -> Result:
    where = f"line {number}"
    try:
        value = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        return Failure(source=blob.source, reason=f"{where}: invalid JSON ({exc.msg})")
    except (ValueError, RecursionError) as exc:
        return Failure(source=blob.source, reason=f"{where}: invalid JSON ({type(exc).__name__})")
    if not isinstance(value, dict):
        return Failure(source=blob.source, reason=f"{where}: not a JSON object")
    text, html = _unpaired(value.get("text")), _unpaired(value.get("html"))
    if not isinstance(text, str) and not isinstance(html, str):
        return Failure(source=blob.source, reason=f'{where}: no "text" or "html" string')
    source = f"{blob.source}#{number}"
    given_date = value.get("published")
    published = iso_date(given_date)
    if given_date not in (None, "") and published is None:
        logger.warning("%s: published %r is not a date; ignored", source, given_date)
    fields: dict[str, Any] = {
        "id": _string(value.get("id")), "title": _string(value.get("title")),
        "published": published, "published_from": "jsonl",
    }
    url = _string(value.get("url"))
    try:
        if isinstance(text, str):
            result = text_article(text, source, settings, url=url, input_format="jsonl", **fields)
        else:
            result = _html_article(html, source, settings, url=url, **fields)
    except ValueError as exc:  # a field the record refuses (pydantic); name the line, go on
        return Failure(source=blob.source, reason=f"{where}: invalid field ({_first_line(exc)})")
    if isinstance(result, Failure):
        return Failure(source=blob.source, reason=f"{where}: {result.reason}")
    return result


def _string(value: Any) -> Optional[str]:
    """A JSON scalar as a stripped string (ids may be numbers), None for null, empty or structures."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    text = _unpaired(str(value)).strip()
    return text or None


def _unpaired(value: Any) -> Any:
    """A string with lone surrogates (legal in JSON "\\ud800", not in UTF-8 output) replaced."""
    if isinstance(value, str):
        return value.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")
    return value


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
