"""Store growth: the time and peak memory to add 300 articles to stores of growing size.

`dossier bench scale --data ../shared/data/semeval2018t5_gva_pilot [--split 0,3000,30000]`

Stores are filled by replaying the shared GVA articles as bare records (text, title, date; no
extraction, so the figure is the store's and the grouping's cost alone): copy k of an article has
its capitalised words changed (a suffix per copy, so people and places differ) and its date moved by
k * 90 days, so that copies stay separate incidents as in a store that spans years. The 300 added
articles are a further copy of the first 300. One store grows through the sizes, smallest first; at
each size the 300 are added to a copy of it (SQLite's backup, PostgreSQL's CREATE DATABASE ...
TEMPLATE), so the fill costs the largest size once. Each fill step and each add runs in a fresh
process; the add's peak resident memory is reported, and `fill_seconds` is the step's time from the
previous size. `--split` lists the store sizes (default 0,3000,30000). With `$DOSSIER_BENCH_PG` set to
a PostgreSQL server URL (postgresql://user@host/postgres), the sizes are measured on a fresh
database there too.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import re
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Iterator, Optional

from ..errors import DossierError
from ..records import Article, ArticleRecord
from ..settings import Settings
from . import cpu_seconds
from .copies import renamed
from .scoring import load_gva

ADD = 300
SHIFT_DAYS = 90


def _copy(base: list[dict], k: int, n: int, start: int = 0) -> list[ArticleRecord]:
    """Records `start` to `start + n` of copy `k` of `base` (cycling through it)."""
    out = []
    for i in range(start, start + n):
        a = base[i % len(base)]
        day = dt.date.fromisoformat(a["dct"][:10]) + dt.timedelta(days=SHIFT_DAYS * k) if a.get("dct") else None
        out.append(ArticleRecord(article=Article(
            id=f"{a['article_id']}~{k}", source=f"scale#{k}#{i}", text=renamed(a.get("content"), k) or "empty",
            title=renamed(a.get("title"), k) or None, published=day.isoformat() if day else None, input_format="jsonl")))
    return out


def _fill(url: str, base: list[dict], done: int, size: int, queue=None, chunk: int = 3000) -> None:
    """Grow the store at `url` from `done` articles to `size`: article j of the fill is article
    j % chunk of copy 1 + j // chunk, so a store grown in steps holds what one filled at once would.
    `queue` is the one `_in_child` hands every child; a fill reports nothing on it."""
    from ..store import Store

    chunk = min(chunk, len(base))
    with Store(url) as store:
        while done < size:
            k, start = 1 + done // chunk, done % chunk
            n = min(chunk - start, size - done)
            store.add(_copy(base, k, n, start))
            done += n


def _add_child(url: str, base: list[dict], add: int, queue) -> None:
    from ..store import Store

    records = _copy(base, 500, add)  # a copy no fill reaches (fills use 1, 2, ...)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    with Store(url) as store:
        store.add(records)
    seconds = time.perf_counter() - started
    # CPU seconds beside wall-clock ones: on a shared machine the wall clock measures the others too.
    queue.put({"seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds() - cpu_started, 2),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})


def _in_child(target, *args, what: str) -> Optional[dict]:
    """Run `target(*args, queue)` in a fresh process; what it put on the queue, if anything."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise DossierError(f"bench scale: {what} failed (exit {child.exitcode})")
    return None if queue.empty() else queue.get()


def _measure(backend, base: list[dict], sizes: list[int], add: int = ADD) -> Iterator[dict]:
    """One row per size, smallest first, on `backend` (`_SQLite` or `_Postgres`). One store grows
    from size to size (each step in a fresh process); at each size the `add` articles are added to
    a copy of it, so the growing store never holds them and filling costs the largest size once, not
    the sum of all sizes."""
    done = 0
    for size in sorted(sizes):
        started = time.perf_counter()
        if size > done:
            _in_child(_fill, backend.url, base, done, size, what=f"filling a store of {size} articles")
        built = time.perf_counter() - started
        done = size
        what = f"adding {add} articles to a store of {size}"
        try:
            result = _in_child(_add_child, backend.snapshot(), base, add, what=what)
        finally:
            backend.drop_snapshot()
        if result is None:
            raise DossierError(f"bench scale: {what} gave no result")
        yield {"backend": backend.name, "store_articles": size, "fill_seconds": round(built, 1),
               f"add_{add}_seconds": result["seconds"], f"add_{add}_cpu_seconds": result["cpu_seconds"],
               "peak_rss_mb": result["peak_rss_mb"]}


class _SQLite:
    name = "sqlite"

    def __init__(self, folder: Path):
        self.url, self.copy = str(folder / "store.db"), str(folder / "add.db")

    def snapshot(self) -> str:
        """A copy of the store (SQLite's online backup: consistent, WAL included)."""
        import sqlite3
        from contextlib import closing

        with closing(sqlite3.connect(self.url)) as src, closing(sqlite3.connect(self.copy)) as dst:
            src.backup(dst)
        return self.copy

    def drop_snapshot(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(self.copy + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        pass


class _Postgres:
    name = "postgresql"

    def __init__(self, server: str):
        import sqlalchemy as sa

        self.admin = sa.create_engine(server.replace("postgresql://", "postgresql+psycopg://"),
                                      isolation_level="AUTOCOMMIT")
        stem = "scale_" + uuid.uuid4().hex[:10]
        self.db, self.copy_db = stem, stem + "_add"
        self._sql(f"CREATE DATABASE {self.db}")
        self.url = server.rsplit("/", 1)[0] + "/" + self.db

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(statement)

    def snapshot(self) -> str:
        # A database copied from the store as its template (the fill's connections are closed).
        self._sql(f"CREATE DATABASE {self.copy_db} TEMPLATE {self.db}")
        return self.url.rsplit("/", 1)[0] + "/" + self.copy_db

    def drop_snapshot(self) -> None:
        self._sql(f"DROP DATABASE IF EXISTS {self.copy_db} WITH (FORCE)")

    def close(self) -> None:
        self.drop_snapshot()
        self._sql(f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)")
        self.admin.dispose()


def run(data_dir: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    import os

    if not (Path(data_dir) / "incidents.jsonl").exists():
        raise DossierError(f"{data_dir}: not the GVA folder (incidents.jsonl); the scale bench replays its articles")
    sizes_text = split if re.fullmatch(r"\d+(,\d+)*", split or "") else "0,3000,30000"
    sizes = [int(x) for x in sizes_text.split(",")]
    base = [a for a, _ in load_gva(Path(data_dir))]
    if limit:
        base = base[:limit]
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="dossier-scale-"))
    server = os.environ.get("DOSSIER_BENCH_PG")
    try:
        backends = [lambda: _SQLite(folder)] + ([lambda: _Postgres(server)] if server else [])
        for make in backends:
            backend = make()
            try:
                for row in _measure(backend, base, sizes):
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr, flush=True)  # a long run shows each size as it ends
            finally:
                backend.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    empty = {r["backend"]: r for r in rows if r["store_articles"] == 0}
    for r in rows:
        if r["backend"] in empty:
            for key in (f"add_{ADD}_seconds", f"add_{ADD}_cpu_seconds"):
                if empty[r["backend"]][key]:
                    r[key.replace("seconds", "ratio")] = round(r[key] / empty[r["backend"]][key], 2)
    return {"bench": "scale", "added": ADD, "rows": rows}
