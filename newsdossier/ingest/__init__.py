"""Ingest: read news from anywhere and yield Articles (clean text, metadata, boilerplate listed).

`read_inputs` is the stage's one entry point. For each input, in order:

1. expand it into byte streams (`sources`): a file, every non-hidden file of a directory (recursively,
   sorted), standard input for `-`, or a URL fetched by the registered fetcher for its scheme
   (`fetch`, with the address check, timeouts and caps);
2. refuse what is not article material at all: empty input, binary data (`decode.sniff_binary`);
3. hand the stream to the reader chosen for it (`readers.choose_reader`, looked up in
   `registry.readers`): text, HTML (trafilatura + htmldate, plain fallback), JSONL (line by line),
   RSS/Atom feeds (`feeds`), sitemaps (`sitemaps`) or WARC files (`warc`, record by record);
4. yield each Article, or one Failure (source, reason) for an input or JSONL line that cannot be
   read. A bad input never stops the batch and never raises.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import BinaryIO, Iterable, Iterator, Optional

from .. import registry
from ..errors import ArgumentError, InputError
from ..records import Article, Failure
from ..settings import Settings
from .boilerplate import find_boilerplate
from .decode import sniff_binary
from .fetch import megabytes
from .meta import article_id, guess_language, iso_date, normalise
from .readers import choose_reader, text_article
from .sources import Blob, display_name, expand

logger = logging.getLogger(__name__)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["read_inputs", "read_blob", "article_from_text", "article_id", "normalise", "find_boilerplate", "guess_language", "iso_date"]


def read_inputs(
    inputs: Iterable[str], settings: Settings, stdin: Optional[BinaryIO] = None
) -> Iterator[Article | Failure]:
    """Every article the inputs hold, lazily, and one Failure per input (or line) that holds none."""
    for item in expand(inputs, settings, stdin):
        if isinstance(item, InputError):
            yield Failure(source=item.source, reason=item.reason)
            continue
        try:
            yield from read_blob(item, settings)
        finally:
            item.close()


def read_blob(blob: Blob, settings: Settings) -> Iterator[Article | Failure]:
    """The articles of one opened input, through the reader its name or content calls for."""
    if not blob.head:
        yield Failure(source=blob.source, reason=f"empty {blob.what}")
        return
    name = choose_reader(blob)
    reader = registry.readers.get(name)
    logger.debug("%s: read with %s", blob.source, name)
    # Readers that take the input whole are refused by size before a byte more is read; streaming
    # readers (JSONL) cap each record instead.
    if not getattr(reader, "streams", False) and blob.size is not None and blob.size > settings.max_bytes:
        limit = megabytes(settings.max_bytes)
        yield Failure(source=blob.source, reason=f"{blob.what} is {megabytes(blob.size)}, over the {limit} limit (--max-bytes)")
        return
    # Readers of binary containers (WARC.gz, sitemap.xml.gz) take their bytes as they are.
    binary = None if getattr(reader, "reads_binary", False) else sniff_binary(blob.head)
    if binary is not None:
        yield Failure(source=blob.source, reason=f"not text: looks like binary data ({binary})")
        return
    try:
        yield from reader(blob, settings)
    except (OSError, InputError) as exc:
        # A read error mid-stream (a vanished file, a disk error) ends this input, not the batch.
        reason = exc.reason if isinstance(exc, InputError) else f"cannot read ({exc.strerror or exc})"
        yield Failure(source=blob.source, reason=reason)
    except Exception as exc:  # a bug in a reader or a library must not end the batch either
        logger.debug("%s: reader %s failed", blob.source, name, exc_info=True)
        text = " ".join(str(exc).split())[:160]
        yield Failure(source=blob.source, reason=f"internal error while reading ({type(exc).__name__}: {text})")


def article_from_text(
    text: str, source: str = "<text>", settings: Optional[Settings] = None, published: Optional[str] = None,
) -> Article:
    """One article from a string, built as the plain-text reader builds it (text unchanged).

    `published` (any ISO date or timestamp) overrides `settings.published`; raises InputError when
    the date is not one or the text holds no article text.
    """
    if not isinstance(text, str):
        hint = " (decode the bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise ArgumentError(f"text must be a str, got {type(text).__name__}{hint}")
    if not isinstance(source, str):
        raise ArgumentError(f"source must be a str, got {type(source).__name__}")
    if published is not None and not isinstance(published, (str, dt.date)):
        raise ArgumentError(f"published must be an ISO date string or a datetime.date, got {type(published).__name__}")
    source = display_name(source)
    bad = _LONE_SURROGATE.search(text)
    if bad:
        # Python strings may hold these, UTF-8 (the output, the store) may not.
        raise InputError(source, f"text holds a lone surrogate U+{ord(bad.group()):04X} at character {bad.start()}: "
                                 "not valid Unicode text")
    settings = settings or Settings()
    date = iso_date(published)
    if published not in (None, "") and date is None:
        raise InputError(source, f"published {published!r} is not a date (use YYYY-MM-DD)")
    result = text_article(text, source, settings, published=date, published_from="cli", input_format="text")
    if isinstance(result, Failure):
        raise InputError(result.source, result.reason)
    return result
