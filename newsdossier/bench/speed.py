"""Speed and memory of `extract`: seconds per article for each stage, articles per second, peak RSS.

`dossier bench speed --data PATH` runs the pipeline over PATH (anything `dossier extract` reads:
a JSONL of articles, a folder, files) and times each stage separately.

`--articles N` runs N articles, PATH's and then copies of them whose capitalised words carry a
suffix of their own per pass (`bench/copies.py`), so every pass brings names the pipeline has not
seen, as a feed does; it reports the peak and current RSS and the size of spaCy's string store after
100, 1,000, 10,000, 50,000 ... articles: memory over a long stream must stay flat (the pipeline runs
in spaCy memory zones, `analyze.pipeline.analyze_stream`). CPU seconds are reported beside wall
seconds, since the machine may be shared.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Optional

from ..analyze.pipeline import analyze, analyze_stream, load_pipeline
from ..extract import extract_article, preload, settings_extractors
from ..ingest import read_inputs
from ..records import Failure
from ..settings import Settings
from . import copies, cpu_seconds


def _inputs(data: Path, split: str) -> list[str]:
    """A dataset folder's `<split>.jsonl` when it has one, else the path itself."""
    if data.is_dir() and (data / f"{split}.jsonl").exists():
        return [str(data / f"{split}.jsonl")]
    return [str(data)]


# Points of a long run at which memory is reported (and the last article, whatever N is).
CHECKPOINTS = (100, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def _rss_mb() -> tuple[float, float]:
    """(peak, current) resident set of this process in MB (the kernel updates its high-water mark
    lazily, so the peak is never reported below the current figure)."""
    with open("/proc/self/statm") as fh:
        current = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, current)
    return round(peak, 1), round(current, 1)


def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None,
        articles: Optional[int] = None) -> dict:
    stages = {"ingest": 0.0, "analyze": 0.0, "entities": 0.0, "statements": 0.0, "incidents": 0.0}
    extractors = settings_extractors(settings)
    started = time.perf_counter()
    read, chars, failures = [], 0, 0
    for item in islice(read_inputs(_inputs(Path(data), split), settings), limit):
        if isinstance(item, Failure):
            failures += 1
        else:
            read.append(item)
            chars += len(item.text)
    stages["ingest"] = time.perf_counter() - started
    preload(settings)  # not timed: loading the pipeline, models and gazetteers happens once per process
    if read:  # warm-up, not timed: spaCy's and numpy's first calls
        for article, doc in (p for p in analyze(read[:1], settings) if not isinstance(p, Failure)):
            extract_article(article, doc, settings, extractors)
    # With --articles N, copies made one at a time as the stream reaches them: the inputs' own
    # memory stays that of one pass, and what grows is only what the pipeline keeps.
    stream = copies.stream(read, articles) if articles else iter(read)
    strings = load_pipeline(settings.model, settings.ner).vocab.strings
    memory, checkpoints = {}, [c for c in CHECKPOINTS if articles and c < articles] + (
        [articles] if articles else [])
    cpu = cpu_seconds()
    # Streamed as `extract` streams, so peak memory is the pipeline's, not a list of Docs: the
    # time spent waiting on the analysis generator is the analysis stage.
    analysed = analyze_stream(stream, settings)
    done = 0
    while True:
        t = time.perf_counter()
        item = next(analysed, None)
        stages["analyze"] += time.perf_counter() - t
        if item is None:
            break
        if isinstance(item, Failure):
            failures += 1
            continue
        article, doc = item
        done += 1
        extract_article(article, doc, settings, extractors, timings=stages)
        if checkpoints and done == checkpoints[0]:
            peak, current = _rss_mb()
            point = {"peak_rss_mb": peak, "rss_mb": current, "strings": len(strings),
                     "cpu_seconds": round(cpu_seconds() - cpu, 1)}
            memory[str(checkpoints.pop(0))] = point
            # A long run shows where it is (and what it found so far) on stderr as it goes.
            print(f"bench speed: {done} articles: {json.dumps(point)}", file=sys.stderr, flush=True)
    cpu = cpu_seconds() - cpu
    total = sum(stages.values())
    n = max(done, 1)
    result = {
        "articles": done, "failed_inputs": failures, "characters": chars,
        "seconds_total": round(total, 2), "articles_per_second": round(done / total, 2) if total else None,
        "cpu_seconds": round(cpu, 2), "articles_per_cpu_second": round(done / cpu, 2) if cpu else None,
        "ms_per_article": {k: round(1000 * v / n, 2) for k, v in stages.items()},
        "peak_rss_mb": _rss_mb()[0],
        "model": settings.model,
    }
    if articles:
        result["memory_at"] = memory
    return result
