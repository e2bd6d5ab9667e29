"""Inputs to shards: the unit of work, of writing and of resuming in `dossier bulk`.

A shard is a list of pieces, each a byte range of one input: `shard_size` lines of a JSONL file
(starting at a line boundary, numbered as `extract` numbers them), `shard_size` HTML responses of
a WARC file (starting at a record boundary), or a whole input (any other file, or a URL) that the
worker reads as `extract` would. Planning reads only what it must to find those boundaries (line
ends; WARC record headers), so a shard can be read by any worker with a seek.

The plan is a function of the inputs (their paths, sizes and modification times), the shard size
and the settings that change records, so a run started again finds the same shards under the same
names and skips those its manifest lists as finished.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from typing import Iterable, Iterator, Optional

from ..errors import DossierError, InputError
from ..ingest import warc
from ..ingest.readers import choose_reader
from ..ingest.sources import expand
from ..settings import Settings

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
LINE_CHUNK = 1 << 20
# Settings that change how records are fetched or scheduled but not what they hold.
NOT_IN_PLAN = {"batch_size", "connect_timeout", "read_timeout", "max_redirects", "user_agent", "allow_private",
               "host_delay"}


@dataclass(frozen=True)
class Piece:
    """Part of one input: `kind` "jsonl" (lines from byte `start` to `end`, the first numbered
    `first`), "warc" (records starting in [start, end)) or "whole" (the input read as `extract` does)."""

    kind: str
    path: str
    start: int = 0
    end: Optional[int] = None
    first: int = 1
    units: int = 1


@dataclass(frozen=True)
class Shard:
    index: int
    pieces: tuple[Piece, ...]
    key: str

    @property
    def name(self) -> str:
        return f"{self.index:05d}"

    @property
    def units(self) -> int:
        return sum(p.units for p in self.pieces)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Shard":
        value = json.loads(text)
        return cls(index=value["index"], key=value["key"], pieces=tuple(Piece(**p) for p in value["pieces"]))


def plan(inputs: Iterable[str], settings: Settings, shard_size: int) -> tuple[list[Shard], str]:
    """(the shards, the plan's fingerprint). DossierError for an input bulk cannot shard (stdin)."""
    if shard_size < 1:
        raise DossierError(f"shard size must be at least 1 (got {shard_size})")
    pieces = list(_pieces(list(inputs), settings, shard_size))
    shards: list[Shard] = []
    current: list[Piece] = []
    for piece in pieces:
        current.append(piece)
        if sum(p.units for p in current) >= shard_size:
            shards.append(_shard(len(shards), current))
            current = []
    if current:
        shards.append(_shard(len(shards), current))
    wanted = {k: v for k, v in settings.model_dump(mode="json").items() if k not in NOT_IN_PLAN}
    fingerprint = _digest({"shard_size": shard_size, "settings": wanted, "shards": [s.key for s in shards]})
    return shards, fingerprint


def _shard(index: int, pieces: list[Piece]) -> Shard:
    stamps = [_stamp(p.path) for p in pieces]
    return Shard(index=index, pieces=tuple(pieces), key=_digest([[asdict(p) for p in pieces], stamps]))


def _stamp(path: str) -> list:
    """What says an input changed since it was planned: its size and modification time."""
    try:
        info = os.stat(path)
        return [info.st_size, info.st_mtime_ns]
    except OSError:
        return [None, None]


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:16]


def _pieces(inputs: list[str], settings: Settings, shard_size: int) -> Iterator[Piece]:
    for item in inputs:
        if item == "-":
            raise DossierError("bulk reads files, directories and URLs; standard input (-) cannot be split "
                               "into shards (save it to a file first)")
        if _URL.match(item):
            yield Piece(kind="whole", path=item)  # the worker fetches it, as `extract` would
            continue
        for blob in expand([item], settings):
            if isinstance(blob, InputError):
                yield Piece(kind="whole", path=blob.source)  # the worker reports why, as `extract` does
                continue
            try:
                name = choose_reader(blob) if blob.head else None
                regular = blob.size is not None and blob.stream.seekable()
                if name == "jsonl.v1" and regular:
                    yield from _jsonl_pieces(blob, settings, shard_size)
                elif name == "warc.v1" and regular:
                    yield from _warc_pieces(blob, shard_size)
                else:
                    yield Piece(kind="whole", path=blob.source)
            finally:
                blob.close()


def _jsonl_pieces(blob, settings: Settings, shard_size: int) -> Iterator[Piece]:
    """Ranges of `shard_size` non-blank lines; a file with none is one whole piece (its Failure)."""
    stream = blob.stream
    stream.seek(0)
    start, first, units, number, position = 0, 1, 0, 0, 0
    pending = False  # inside a line that has not ended yet
    any_line = False
    while True:
        chunk = stream.readline(LINE_CHUNK)
        if not chunk:
            break
        if not pending:
            number += 1
            blank = not chunk.strip()
        else:
            blank = blank and not chunk.strip()
        position += len(chunk)
        pending = not chunk.endswith(b"\n")
        if pending:
            continue
        if not blank:
            units += 1
            any_line = True
        if units >= shard_size:
            yield Piece(kind="jsonl", path=blob.source, start=start, end=position, first=first, units=units)
            start, first, units = position, number + 1, 0
    if pending and not blank:
        units += 1
        any_line = True
    if not any_line:
        yield Piece(kind="whole", path=blob.source)
    elif units:
        yield Piece(kind="jsonl", path=blob.source, start=start, end=None, first=first, units=units)


def _warc_pieces(blob, shard_size: int) -> Iterator[Piece]:
    """Ranges of `shard_size` response records (cut where the next one starts); a WARC with none
    is one whole piece, read as `extract` reads it (its Failure)."""
    bounds, counts, units = [0], [], 0  # the first range starts at 0: whatever precedes a good record is read too
    for offset, kind in warc.record_offsets(blob.stream, blob.source):
        if kind in ("response", "resource"):
            if units == shard_size:
                bounds.append(offset)
                counts.append(units)
                units = 0
            units += 1
    if not counts and not units:
        yield Piece(kind="whole", path=blob.source)
        return
    counts.append(units)
    for n, begin in enumerate(bounds):
        end = bounds[n + 1] if n + 1 < len(bounds) else None
        yield Piece(kind="warc", path=blob.source, start=begin, end=end, units=counts[n])
