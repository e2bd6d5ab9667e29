"""Load on `dossier serve`: a bounded run on loopback, requests/s, latency percentiles and errors.

`dossier bench serve --data STORE [--limit N]` starts `dossier serve` on STORE (a SQLite file or a
database URL) in a process of its own on a free loopback port, and sends N requests (2,000 by
default), 16 at a time, a third each to `/api/dossiers`, `/api/dossiers/{id}` and `/dossiers/{id}`
(ids drawn, with a fixed seed, from the store). The first list request, which builds the list
index, is timed apart and not counted; a request that fails or answers other than 200 is an error.
Besides requests/s and latency it reports the server process's CPU time per request (from /proc),
which depends much less on what else the machine is running, and the load average at the end.
"""
from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import httpx

from ..errors import DossierError
from ..settings import Settings
from ..store import Store

CONCURRENCY = 16
REQUESTS = 2000
SEED = 11


def _store_url(data: Path) -> str:
    text = str(data)
    # A URL given to --data went through Path, which folds "//" into "/".
    return re.sub(r"^(postgres(?:ql)?):/(?!/)", r"\1://", text)


def _start(url: str) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "newsdossier", "serve", "--db", url, "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stderr.readline()
    if " at http://" not in line:
        proc.kill()
        raise DossierError(f"dossier serve did not start: {line.strip() or proc.stderr.read().strip()}")
    return proc, line.split(" at ", 1)[1].split("/ ", 1)[0]


def _cpu_seconds(pid: int) -> Optional[float]:
    """CPU time (user + system) a process has used so far, from /proc; None where there is none.
    Requests/s depend on what else the machine runs; CPU per request does much less."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _load(base: str, paths: list[str]) -> tuple[list[tuple[str, float]], list[str], float]:
    timings: list[tuple[str, float]] = []
    errors: list[str] = []
    queue: asyncio.Queue = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker() -> None:
            while not queue.empty():
                path = queue.get_nowait()
                started = time.perf_counter()
                try:
                    got = await client.get(path)
                    if got.status_code != 200:
                        errors.append(f"{path}: {got.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {type(exc).__name__}")
                timings.append((path, time.perf_counter() - started))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return timings, errors, time.perf_counter() - started


def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    url = _store_url(data)
    if "://" not in url and not Path(url).exists():
        raise DossierError(f"{url}: no such store; build one with `dossier ingest INPUT --db {url}`")
    with Store(url) as store:
        ids = sorted(d.id for d in store.dossiers())
        articles = store.counts()["articles"]
        shown = store.engine.url.render_as_string(hide_password=True)
    if not ids:
        raise DossierError(f"{url}: the store holds no dossier")
    rng = random.Random(SEED)
    n = limit or REQUESTS
    kinds = ["/api/dossiers", "/api/dossiers/{id}", "/dossiers/{id}"]
    paths = [kinds[i % 3].format(id=rng.choice(ids)) for i in range(n)]
    proc, base = _start(url)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/healthz", timeout=10).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise DossierError("dossier serve did not answer /api/healthz")
            time.sleep(0.2)
        started = time.perf_counter()
        first = httpx.get(base + "/api/dossiers", timeout=300)
        index_seconds = time.perf_counter() - started
        cpu_before = _cpu_seconds(proc.pid)
        timings, errors, seconds = asyncio.run(_load(base, paths))
        cpu_after = _cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    latencies = [lat for _, lat in timings]
    by_kind = {}
    for kind in kinds:
        mine = [lat for path, lat in timings if re.sub(r"/d[0-9a-f]{12}$", "/{id}", path) == kind]
        if mine:
            by_kind[kind] = {"p50_ms": round(1000 * _percentile(mine, 0.5), 1),
                             "p99_ms": round(1000 * _percentile(mine, 0.99), 1)}
    return {
        "store": shown, "articles": articles, "dossiers": len(ids),
        "requests": len(latencies), "concurrency": CONCURRENCY, "errors": len(errors),
        "error_examples": errors[:5], "seconds": round(seconds, 2),
        "requests_per_second": round(len(latencies) / seconds, 1) if seconds else None,
        "p50_ms": round(1000 * _percentile(latencies, 0.5), 1), "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "server_cpu_ms_per_request": (round(1000 * (cpu_after - cpu_before) / len(timings), 2)
                                      if cpu_before is not None and cpu_after is not None and timings else None),
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "by_route": by_kind, "first_list_seconds": round(index_seconds, 2), "first_list_status": first.status_code,
        "cpus": os.cpu_count(),
    }
