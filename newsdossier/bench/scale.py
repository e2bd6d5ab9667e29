"""Store growth: the time and peak memory to add 300 articles to stores of growing size.

`dossier bench scale --data ../shared/data/semeval2018t5_gva_pilot [--split 0,3000,30000]`

Stores are filled by replaying the shared GVA articles as bare records (text, title, date; no
extraction, so the figure is the store's and the grouping's cost alone): copy k of an article has
its capitalised words changed (a suffix per copy, so people and places differ) and its date moved by
k * 90 days, so that copies stay separate incidents as in a store that spans years. The 300 added
articles are a further copy of the first 300. Each add runs in a fresh process, whose peak resident
memory is reported. `--split` lists the store sizes (default 0,3000,30000). With
`$DOSSIER_BENCH_PG` set to a PostgreSQL server URL (postgresql://user@host/postgres), each size is
measured on a fresh database there too.
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
from typing import Optional

from ..errors import DossierError
from ..records import Article, ArticleRecord
from ..settings import Settings
from . import cpu_seconds
from .scoring import load_gva

ADD = 300
SHIFT_DAYS = 90
CAPITAL = re.compile(r"\b([A-Z][a-z]+)\b")


def _suffix(k: int) -> str:
    out = ""
    while True:
        out = chr(ord("a") + k % 26) + out
        k = k // 26 - 1
        if k < 0:
            return out


def _copy(base: list[dict], k: int, n: int) -> list[ArticleRecord]:
    """`n` records of copy `k` of `base` (cycling through it)."""
    tag = _suffix(k)
    out = []
    for i in range(n):
        a = base[i % len(base)]
        day = dt.date.fromisoformat(a["dct"][:10]) + dt.timedelta(days=SHIFT_DAYS * k) if a.get("dct") else None
        rename = lambda text: CAPITAL.sub(lambda m: m.group(1) + tag, text or "")
        out.append(ArticleRecord(article=Article(
            id=f"{a['article_id']}~{k}", source=f"scale#{k}#{i}", text=rename(a.get("content")) or "empty",
            title=rename(a.get("title")) or None, published=day.isoformat() if day else None, input_format="jsonl")))
    return out


def _fill(url: str, base: list[dict], size: int, chunk: int = 3000) -> None:
    from ..store import Store

    with Store(url) as store:
        done, k = 0, 1
        while done < size:
            n = min(chunk, size - done, len(base))
            store.add(_copy(base, k, n))
            done += n
            k += 1


def _add_child(url: str, base: list[dict], queue) -> None:
    from ..store import Store

    records = _copy(base, 500, ADD)  # a copy no fill reaches (fills use 1, 2, ...)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    with Store(url) as store:
        store.add(records)
    seconds = time.perf_counter() - started
    # CPU seconds beside wall-clock ones: on a shared machine the wall clock measures the others too.
    queue.put({"seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds() - cpu_started, 2),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})


def _measure(url: str, base: list[dict], size: int) -> dict:
    ctx = mp.get_context("spawn")
    started = time.perf_counter()
    filler = ctx.Process(target=_fill, args=(url, base, size))
    filler.start()
    filler.join()
    if filler.exitcode != 0:
        raise DossierError(f"filling a store of {size} articles failed (exit {filler.exitcode})")
    built = time.perf_counter() - started
    queue = ctx.Queue()
    child = ctx.Process(target=_add_child, args=(url, base, queue))
    child.start()
    child.join()
    if child.exitcode != 0 or queue.empty():
        raise DossierError(f"adding {ADD} articles to a store of {size} failed (exit {child.exitcode})")
    result = queue.get()
    return {"store_articles": size, "fill_seconds": round(built, 1), f"add_{ADD}_seconds": result["seconds"],
            f"add_{ADD}_cpu_seconds": result["cpu_seconds"], "peak_rss_mb": result["peak_rss_mb"]}


def _pg_database(server: str):
    import sqlalchemy as sa

    name = "scale_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(server.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + name, drop


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
    try:
        for size in sizes:
            rows.append({"backend": "sqlite", **_measure(str(folder / f"s{size}.db"), base, size)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # a long run shows each size as it ends
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    server = os.environ.get("DOSSIER_BENCH_PG")
    if server:
        for size in sizes:
            url, drop = _pg_database(server)
            try:
                rows.append({"backend": "postgresql", **_measure(url, base, size)})
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
            finally:
                drop()
    empty = {r["backend"]: r for r in rows if r["store_articles"] == 0}
    for r in rows:
        if r["backend"] in empty:
            for key in (f"add_{ADD}_seconds", f"add_{ADD}_cpu_seconds"):
                if empty[r["backend"]][key]:
                    r[key.replace("seconds", "ratio")] = round(r[key] / empty[r["backend"]][key], 2)
    return {"bench": "scale", "added": ADD, "rows": rows}
