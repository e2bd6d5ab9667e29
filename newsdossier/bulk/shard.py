"""One shard, start to finish, in whatever process runs it: read its pieces, extract, make tables.

`ShardWorker` is what each worker process (a process-pool worker or a Ray actor) holds: it loads
the spaCy pipeline once, then turns shard after shard into a `ShardResult` holding two Arrow tables:
records (article id, source, url, published, the record JSON exactly as `extract --format jsonl`
prints it, and flat columns of the main incident: killed, injured, types, country) and failures
(source, reason). Both engines call the same code, so they give the same records.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

import pyarrow as pa

from ..ingest import read_inputs, warc
from ..ingest import readers as _readers
from ..ingest.fetch import megabytes
from ..ingest.sources import Blob
from ..records import Article, ArticleRecord, Failure
from ..settings import Settings
from .plan import Piece, Shard

logger = logging.getLogger(__name__)

RECORDS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("published", pa.string()),
    ("record", pa.string()), ("killed", pa.int64()), ("injured", pa.int64()), ("types", pa.list_(pa.string())),
    ("country", pa.string()),
])
FAILURES_SCHEMA = pa.schema([("source", pa.string()), ("reason", pa.string())])


@dataclass(frozen=True)
class ShardResult:
    """A finished shard: its tables as Arrow IPC bytes (cheap to pickle between processes)."""

    name: str
    key: str
    records: bytes
    failures: bytes
    articles: int
    failed: int
    seconds: float

    def tables(self) -> tuple[pa.Table, pa.Table]:
        return _from_ipc(self.records), _from_ipc(self.failures)


def _to_ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def record_row(record: ArticleRecord) -> dict:
    """The Parquet row of one record; the flat columns come from the main incident (`incidents[0]`)."""
    article = record.article
    main = record.incidents[0] if record.incidents else None
    return {
        "article_id": article.id, "source": article.source, "url": article.url, "published": article.published,
        "record": json.dumps(record.to_json(), ensure_ascii=False),
        "killed": main.killed.min if main and main.killed else None,
        "injured": main.injured.min if main and main.injured else None,
        "types": list(main.types) if main else [],
        "country": main.location.country_code if main and main.location else None,
    }


class ShardWorker:
    """Loads the pipeline once; `run(shard)` reads, extracts and tabulates one shard."""

    def __init__(self, settings: Settings, blas_threads: Optional[int] = None):
        from ..extract import preload

        self.settings = settings
        preload(settings)  # cached: every shard after this one reuses what it loads
        self._blas_limit = None
        if blas_threads:
            # After preload, so numpy's and scipy's BLAS libraries are both loaded and both limited.
            from threadpoolctl import ThreadpoolController

            self._blas_limit = ThreadpoolController().limit(limits=blas_threads, user_api="blas")

    def run(self, shard: Shard) -> ShardResult:
        started = time.monotonic()
        records, failures = [], []
        for item in _extracted(shard_items(shard, self.settings), self.settings):
            if isinstance(item, ArticleRecord):
                records.append(record_row(item))
            else:
                failures.append({"source": item.source, "reason": item.reason})
        return ShardResult(
            name=shard.name, key=shard.key, articles=len(records), failed=len(failures),
            records=_to_ipc(pa.Table.from_pylist(records, schema=RECORDS_SCHEMA)),
            failures=_to_ipc(pa.Table.from_pylist(failures, schema=FAILURES_SCHEMA)),
            seconds=round(time.monotonic() - started, 3))


def shard_items(shard: Shard, settings: Settings) -> Iterator["Article | Failure"]:
    """The articles (and failures) of a shard's pieces, named exactly as `extract` names them."""
    for piece in shard.pieces:
        if piece.kind == "whole":
            yield from read_inputs([piece.path], settings)
            continue
        try:
            stream = open(piece.path, "rb")
        except OSError as exc:
            yield Failure(source=piece.path, reason=f"cannot read ({exc.strerror or exc})")
            continue
        with stream:
            if piece.kind == "jsonl":
                yield from jsonl_range(stream, piece, settings)
            else:
                yield from warc.warc_items(stream, piece.path, settings, start=piece.start, end=piece.end)


def jsonl_range(stream, piece: Piece, settings: Settings) -> Iterator["Article | Failure"]:
    """The lines of a JSONL file in [start, end), numbered from `piece.first`, read as `read_jsonl`
    reads them (each line capped at `max_bytes`)."""
    blob = Blob(source=piece.path, stream=stream, head=b"", name=piece.path)
    limit = settings.max_bytes
    stream.seek(piece.start)
    position, number = piece.start, piece.first - 1
    while piece.end is None or position < piece.end:
        line = stream.readline(limit + 1)
        if not line:
            break
        number += 1
        position += len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while not line.endswith(b"\n"):  # the rest of an over-long line
                line = stream.readline(65536)
                position += len(line)
                if not line:
                    break
            yield Failure(source=piece.path, reason=f"line {number}: over the {megabytes(limit)} limit (--max-bytes)")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            yield _readers._jsonl_line(line, number, blob, settings)


def _extracted(items: Iterable, settings: Settings) -> Iterator:
    """The pipeline over a shard's articles in batches; a batch that breaks it goes again one by one,
    so one article that breaks an extractor is a Failure and the rest of the shard goes on."""
    from ..pipeline import extract_records

    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from _batch(batch, settings, extract_records)
            batch = []
    if batch:
        yield from _batch(batch, settings, extract_records)


def _batch(batch: list, settings: Settings, extract_records) -> list:
    try:
        return list(extract_records(batch, settings))
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not lose the shard
        logger.warning("pipeline failed on a batch of %d (%r); retrying one by one", len(batch), exc)
    out: list = []
    for item in batch:
        try:
            out.extend(extract_records([item], settings))
        except Exception as exc:  # noqa: BLE001
            out.append(Failure(source=item.source, reason=f"internal error while extracting ({type(exc).__name__}: {exc})"))
    return out

