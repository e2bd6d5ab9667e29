"""Speed and memory of `extract`: seconds per article for each stage, articles per second, peak RSS.

`dossier bench speed --data PATH` runs the pipeline over PATH (anything `dossier extract` reads:
a JSONL of articles, a folder, files) and times each stage separately.
"""
from __future__ import annotations

import dataclasses
import resource
import time
from itertools import islice
from pathlib import Path
from typing import Optional

from .. import registry
from ..analyze.pipeline import analyze
from ..extract.context import Context
from ..extract.entities import extract_entities
from ..ingest import read_inputs
from ..pipeline import _extractor
from ..records import Failure
from ..settings import Settings


def _inputs(data: Path, split: str) -> list[str]:
    """A dataset folder's `<split>.jsonl` when it has one, else the path itself."""
    if data.is_dir() and (data / f"{split}.jsonl").exists():
        return [str(data / f"{split}.jsonl")]
    return [str(data)]


@registry.benches.register("speed")
def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    stages = {"ingest": 0.0, "analyze": 0.0, "entities": 0.0, "statements": 0.0, "incidents": 0.0}
    find_statements = _extractor(settings.statements_extractor)
    find_incidents = _extractor(settings.incidents_extractor)
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
            ctx = Context(article=article, doc=doc, settings=settings)
            ctx = dataclasses.replace(ctx, entities=extract_entities(ctx))
            ctx = dataclasses.replace(ctx, statements=tuple(find_statements(ctx)))
            tuple(find_incidents(ctx))
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
        ctx = Context(article=article, doc=doc, settings=settings)
        t = time.perf_counter()
        ctx = dataclasses.replace(ctx, entities=extract_entities(ctx))
        stages["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        ctx = dataclasses.replace(ctx, statements=tuple(find_statements(ctx)))
        stages["statements"] += time.perf_counter() - t
        t = time.perf_counter()
        tuple(find_incidents(ctx))
        stages["incidents"] += time.perf_counter() - t
    total = sum(stages.values())
    n = max(done, 1)
    return {
        "articles": done, "failed_inputs": failures, "characters": chars,
        "seconds_total": round(total, 2), "articles_per_second": round(done / total, 2) if total else None,
        "ms_per_article": {k: round(1000 * v / n, 2) for k, v in stages.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model": settings.model,
    }
