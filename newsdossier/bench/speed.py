"""Speed and memory of `extract`: seconds per article for each stage, articles per second, peak RSS.

`dossier bench speed --data PATH` runs the pipeline over PATH (anything `dossier extract` reads:
a JSONL of articles, a folder, files) and times each stage separately.
"""
from __future__ import annotations

import resource
import time
from itertools import islice
from pathlib import Path
from typing import Optional

from ..analyze.pipeline import analyze
from ..extract import extract_article, settings_extractors
from ..ingest import read_inputs
from ..records import Failure
from ..settings import Settings


def _inputs(data: Path, split: str) -> list[str]:
    """A dataset folder's `<split>.jsonl` when it has one, else the path itself."""
    if data.is_dir() and (data / f"{split}.jsonl").exists():
        return [str(data / f"{split}.jsonl")]
    return [str(data)]


def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    stages = {"ingest": 0.0, "analyze": 0.0, "entities": 0.0, "statements": 0.0, "incidents": 0.0}
    extractors = settings_extractors(settings)
    started = time.perf_counter()
    articles, chars, failures = [], 0, 0
    for item in islice(read_inputs(_inputs(Path(data), split), settings), limit):
        if isinstance(item, Failure):
            failures += 1
        else:
            articles.append(item)
            chars += len(item.text)
    stages["ingest"] = time.perf_counter() - started
    if articles:  # warm-up, not timed: loading the pipeline, models and gazetteer happens once per process
        for article, doc in (p for p in analyze(articles[:1], settings) if not isinstance(p, Failure)):
            extract_article(article, doc, settings, extractors)
    # Streamed as `extract` streams, so peak memory is the pipeline's, not a list of Docs: the
    # time spent waiting on the analysis generator is the analysis stage.
    analysed = analyze(articles, settings)
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
    total = sum(stages.values())
    n = max(done, 1)
    return {
        "articles": done, "failed_inputs": failures, "characters": chars,
        "seconds_total": round(total, 2), "articles_per_second": round(done / total, 2) if total else None,
        "ms_per_article": {k: round(1000 * v / n, 2) for k, v in stages.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model": settings.model,
    }
