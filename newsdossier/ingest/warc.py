"""WARC and WARC.gz files (warcio), registered as the reader "warc.v1".

Every HTML `response` (or `resource`) record is an article read through the HTML path: its source
is `FILE#OFFSET` (the record's byte offset, so `dd`/warcio can find it again), its URL the record's
`WARC-Target-URI`, and its date the page's own metadata, else the record's `WARC-Date`
(`published_from: "warc"`). Request, metadata and warcinfo records, non-HTML payloads and non-2xx
responses are skipped silently and counted (logged with --verbose).

A truncated or corrupt record is one Failure (one stderr line) and the rest of the file goes on:
warcio stops at the first record it cannot parse, so the walker here looks for the next record
start (a `WARC/1.` line, or the next gzip member of a per-record gzipped file such as CC-NEWS) and
starts a new iterator there. The file is streamed; only one record's payload (at most `max_bytes`)
is held at a time. `walk(stream, ..., start, end)` reads a byte range, which is how `dossier bulk`
splits one large WARC into shards.
"""
from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterator, Optional

from .. import registry
from ..records import Article, Failure
from ..settings import Settings
from . import readers
from .fetch import megabytes
from .html import looks_like_html
from .links import filtered_out, gunzip_head
from .meta import iso_date
from .sources import HEAD_BYTES, Blob

logger = logging.getLogger(__name__)

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Declared types that say nothing about the payload; those payloads are sniffed instead.
VAGUE_TYPES = {"", "application/octet-stream", "unknown/unknown", "application/unknown"}
WARC_TYPES = ("application/warc", "application/x-warc")
SCAN_CHUNK = 1 << 20
PLAIN_START = b"\nWARC/1."
GZIP_START = b"\x1f\x8b\x08"


def looks_like_warc(head: bytes) -> bool:
    """True for a WARC file: a `WARC/1.x` first line, or gzip whose first member starts with one."""
    return head.startswith(b"WARC/1.") or (gunzip_head(head, 16) or b"").startswith(b"WARC/1.")


class _BadRecord(Exception):
    """A record whose bytes cannot be read (raised by a record handler, reported by the walker)."""


def _archive_iterator(stream: BinaryIO):
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        # warcio writes this warning to stderr itself; the walker reports the record instead.
        INC_RECORD = ""

    return Quiet(stream)


def walk(stream: BinaryIO, source: str, handle: Callable[[int, Any], Any], start: int = 0,
         end: Optional[int] = None) -> Iterator[Any]:
    """`handle(offset, record)` for every record starting in [start, end), yielded in file order,
    or a Failure for each truncated or corrupt record (after which the walk goes on at the next
    record start it finds). `handle` returns what to yield (None: nothing)."""
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    broken = (ArchiveLoadFailed, StatusAndHeadersParserException, _BadRecord, OSError, EOFError, zlib.error,
              ValueError, IndexError)
    seekable = stream.seekable()
    if seekable:
        stream.seek(start)
    gzipped = _peek(stream, 2) == b"\x1f\x8b" if seekable else None
    position: Optional[int] = start
    rescanned = False  # the iterator starts at a place found by scanning, not after a good record
    while position is not None and (end is None or position < end):
        if seekable:
            stream.seek(position)
        iterator = _archive_iterator(stream)
        yielded = False
        current: Optional[int] = None  # the record being handled (warcio's offset moves on when it is read to its end)
        try:
            for record in iterator:
                offset = current = iterator.offset
                if end is not None and offset >= end:
                    return
                result = handle(offset, record)
                errors = iterator.err_count
                iterator.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise _BadRecord(f"truncated WARC record ({record.raw_stream.limit:,} bytes missing)")
                if iterator.err_count > errors:
                    raise _BadRecord("corrupt WARC record (it does not end where its Content-Length says)")
                yielded, current = True, None
                if result is not None:
                    yield result
            # warcio ends quietly when a record's headers are cut off by the end of the file.
            left = _leftover(stream, iterator.offset) if seekable and (end is None or iterator.offset < end) else 0
            if left:
                yield Failure(source=f"{source}#{iterator.offset}",
                              reason=f"truncated WARC record (the file ends {left:,} bytes into it)")
            return
        except broken as exc:
            bad = current if current is not None else iterator.offset
            position = _next_start(stream, bad + 1, gzipped) if seekable else None
            if yielded or not rescanned:
                yield Failure(source=f"{source}#{bad}", reason=_reason(exc) + _what_next(seekable, position))
            rescanned = True


def _reason(exc: BaseException) -> str:
    if isinstance(exc, _BadRecord):
        return str(exc)
    text = " ".join(str(exc).split())[:120] or type(exc).__name__
    return f"corrupt WARC record ({text})"


def _what_next(seekable: bool, position: Optional[int]) -> str:
    if not seekable:
        return "; the rest of the input cannot be read (not seekable)"
    return "; skipped to the next record" if position is not None else ""


def _leftover(stream: BinaryIO, offset: int) -> int:
    """How many bytes other than blank lines follow `offset` to the end of the stream."""
    stream.seek(offset)
    tail = stream.read(SCAN_CHUNK)
    if not tail.strip(b"\r\n"):
        return 0
    return stream.seek(0, io.SEEK_END) - offset - (len(tail) - len(tail.lstrip(b"\r\n")))


def _peek(stream: BinaryIO, n: int) -> bytes:
    here = stream.tell()
    data = stream.read(n)
    stream.seek(here)
    return data


def _next_start(stream: BinaryIO, after: int, gzipped: Optional[bool]) -> Optional[int]:
    """The offset of the next place at or after `after` where a record may start, else None."""
    pattern, shift = (GZIP_START, 0) if gzipped else (PLAIN_START, 1)
    position = max(after - shift, 0)
    while True:
        stream.seek(position)
        chunk = stream.read(SCAN_CHUNK + len(pattern))
        if len(chunk) < len(pattern):
            return None
        found = chunk.find(pattern)
        if found >= 0 and position + found + shift >= after:
            return position + found + shift
        if found >= 0:  # a match just before `after` (possible only with the newline shift)
            position += found + 1
            continue
        position += SCAN_CHUNK


@dataclass
class Counts:
    """What one WARC held: articles, failures and what was skipped (by kind of record or payload)."""

    articles: int = 0
    failed: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1

    def line(self) -> str:
        parts = ", ".join(f"{n:,} {what}" for what, n in sorted(self.skipped.items()))
        return f"{self.articles:,} articles, {self.failed:,} failed; skipped: {parts or 'nothing'}"


def record_article(offset: int, record, source: str, settings: Settings, counts: Counts) -> "Article | Failure | None":
    """The article an HTML response record holds; None (counted) for anything else."""
    kind = record.rec_type
    if kind not in ("response", "resource"):
        counts.skip(f"{kind} records")
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    warc_date = iso_date(headers.get_header("WARC-Date"))
    if filtered_out(url, warc_date, settings):
        counts.skip("left out by the filters")
        return None
    if kind == "response":
        if record.http_headers is None:
            counts.skip("responses without HTTP headers")
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            counts.skip("non-2xx responses")
            return None
        declared = record.http_headers.get_header("Content-Type") or ""
    else:
        declared = headers.get_header("Content-Type") or ""
    media = declared.split(";", 1)[0].strip().lower()
    if media not in HTML_TYPES and media not in VAGUE_TYPES:
        counts.skip("non-HTML payloads")
        return None
    where = f"{source}#{offset}"
    try:
        data = record.content_stream().read(settings.max_bytes + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise _BadRecord(f"cannot read the record's payload ({' '.join(str(exc).split())[:120]})") from None
    if media not in HTML_TYPES and not looks_like_html(data[:HEAD_BYTES]):
        counts.skip("non-HTML payloads")
        return None
    if len(data) > settings.max_bytes:
        return Failure(source=where, reason=f"response is over the {megabytes(settings.max_bytes)} limit (--max-bytes)")
    if not data.strip():
        return Failure(source=where, reason="empty HTML response")
    blob = Blob(source=where, stream=io.BytesIO(data), head=data[:HEAD_BYTES], url=url, size=len(data),
                content_type=declared if media in HTML_TYPES else "text/html", what="record")
    [result] = list(registry.readers.get("html.v1")(blob, settings))
    if isinstance(result, Article) and result.published_from in (None, "cli") and warc_date:
        result = result.model_copy(update={"published": warc_date, "published_from": "warc"})
    return result


def warc_items(stream: BinaryIO, source: str, settings: Settings, start: int = 0, end: Optional[int] = None,
               counts: Optional[Counts] = None) -> Iterator["Article | Failure"]:
    """The articles (and failures) of the records that start in [start, end) of a WARC stream."""
    counts = counts if counts is not None else Counts()
    for item in walk(stream, source, lambda offset, record: record_article(offset, record, source, settings, counts),
                     start, end):
        if isinstance(item, Article):
            counts.articles += 1
        else:
            counts.failed += 1
        yield item


def record_offsets(stream: BinaryIO, source: str) -> Iterator[tuple[int, str]]:
    """(offset, record type) of every readable record, payloads unread: how bulk plans its shards."""
    for item in walk(stream, source, lambda offset, record: (offset, record.rec_type)):
        if not isinstance(item, Failure):
            yield item


def read_warc(blob: Blob, settings: Settings) -> Iterator["Article | Failure"]:
    """Every HTML response record of a WARC or WARC.gz file as an article, streamed record by record."""
    counts = Counts()
    yield from warc_items(blob.stream, blob.source, settings, counts=counts)
    if not counts.articles and not counts.failed:
        yield Failure(source=blob.source, reason=f"WARC holds no HTML responses ({counts.line()})")
        return
    logger.info("%s: %s", blob.source, counts.line())


read_warc.streams = True  # type: ignore[attr-defined]  # record by record, each payload capped
read_warc.reads_binary = True  # type: ignore[attr-defined]  # .warc.gz


readers.SUFFIX_READERS[".warc"] = "warc.v1"
readers.CONTENT_TYPE_READERS.update({media: "warc.v1" for media in WARC_TYPES})
readers.SIGNATURES.append(("warc.v1", looks_like_warc))
