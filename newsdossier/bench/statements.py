"""Benchmark of the statements stage on PolNeAR: the reference scorer's three figures plus speed.

`run(data_dir, split, settings)` reads `<data_dir>/<split>.jsonl` (PolNeAR converted to JSONL: one
record per article and annotator), keeps the first listed annotator's copy of each article, runs
the analysis pipeline and the statements extractor, and scores the statements the way the
reference scorer (`ndeval score polnear`) does:

- content: a predicted statement matches a gold attribution (type Attribution or
  Attribution-no-source) when the character Dice overlap of their contents is >= 0.5, one to one;
- attribution: content matches and the source is right (the speaker span overlaps the gold
  source, or neither has one);
- direct: the content score restricted, on both sides, to contents that open with a quote mark
  (at the content's first character or just before it).

The loader is also what `newsdossier.train.statements` trains from.
"""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from .scoring import max_matching as _max_matching, prf as _prf

log = logging.getLogger(__name__)

QUOTES = "\"“‘'«"
GOLD_TYPES = ("Attribution", "Attribution-no-source")


def load_polnear(data_dir: Path, split: str) -> list[dict]:
    """One annotation copy per article (the first listed annotator), in file order."""
    path = Path(data_dir) / f"{split}.jsonl"
    if not path.is_file():
        raise InputError(str(path), f"no PolNeAR split {split!r} here (expected {split}.jsonl)")
    docs: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            first = (rec.get("annotators_of_article") or [rec["annotator"]])[0]
            if rec["annotator"] == first and rec["article"] not in docs:
                docs[rec["article"]] = rec
    return list(docs.values())


def gold_attributions(doc: dict) -> list[dict]:
    """The scored attributions of one article: content/source/cue as lists of (start, end) pieces."""
    spans = doc["spans"]
    out = []
    for a in doc["attributions"]:
        if a["type"] not in GOLD_TYPES:
            continue

        def pieces(key: str) -> list[tuple[int, int]]:
            return sorted((int(s), int(e)) for t in a.get(key, []) for s, e in spans[t]["offsets"])

        content = pieces("content")
        if not content:
            continue
        out.append({"content": content, "source": pieces("source"), "cue": pieces("cue")})
    return out


def _chars(pieces: Iterable[tuple[int, int]]) -> set:
    out: set = set()
    for s, e in pieces:
        out.update(range(s, e))
    return out


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _opens_with_quote(text: str, start: int) -> bool:
    return any(0 <= k < len(text) and text[k] in QUOTES for k in (start, start - 1))


class Tally:
    """Accumulates the three figures over articles."""

    def __init__(self) -> None:
        self.tot = {"content": [0, 0, 0], "attribution": [0, 0, 0], "direct": [0, 0, 0]}

    def add(self, text: str, gold_doc: dict, statements: list[dict]) -> None:
        """`statements`: contract-shaped dicts with `content` and `speaker` ({start, end} or None)."""
        gold = [{"content": _chars(g["content"]), "source": _chars(g["source"]),
                 "direct": _opens_with_quote(text, g["content"][0][0])}
                for g in gold_attributions(gold_doc)]
        pred = []
        for s in statements:
            c = s.get("content") or {}
            if c.get("start") is None or c.get("end") is None or c["end"] <= c["start"]:
                continue
            sp = s.get("speaker") or {}
            src = set(range(sp["start"], sp["end"])) if sp.get("start") is not None else set()
            pred.append({"content": set(range(c["start"], c["end"])), "source": src,
                         "start": c["start"]})

        def content_ok(i: int, j: int) -> bool:
            return _dice(pred[i]["content"], gold[j]["content"]) >= 0.5

        def attribution_ok(i: int, j: int) -> bool:
            g, p = gold[j]["source"], pred[i]["source"]
            return content_ok(i, j) and (bool(g & p) if g else not p)

        for name, ok in (("content", content_ok), ("attribution", attribution_ok)):
            self.tot[name][0] += _max_matching(len(pred), len(gold), ok)
            self.tot[name][1] += len(pred)
            self.tot[name][2] += len(gold)
        direct = [g for g in gold if g["direct"]]
        d_pred = [p for p in pred if _opens_with_quote(text, p["start"])]
        self.tot["direct"][0] += _max_matching(
            len(d_pred), len(direct), lambda i, j: _dice(d_pred[i]["content"], direct[j]["content"]) >= 0.5)
        self.tot["direct"][1] += len(d_pred)
        self.tot["direct"][2] += len(direct)

    def result(self) -> dict:
        return {k: _prf(*v) for k, v in self.tot.items()}


def run(data_dir: Path, split: str = "dev", settings=None, limit: Optional[int] = None) -> dict:
    """Score the statements extractor on a PolNeAR split, through the same analysis and entity
    stages as `dossier extract`; also seconds per article of each stage."""
    from ..analyze.pipeline import analyze
    from ..extract import extract_article
    from ..extract.statements import extract_statements
    from ..records import Article, Failure
    from ..settings import Settings

    settings = settings or Settings()
    docs = load_polnear(Path(data_dir), split)[:limit]
    by_id = {d["article"]: d for d in docs}
    articles = [Article(id=d["article"], source=f"{split}.jsonl#{k + 1}", text=d["text"],
                        input_format="jsonl") for k, d in enumerate(docs)]
    tally = Tally()
    times = {"analyze": 0.0, "entities": 0.0, "statements": 0.0}
    n = 0
    t = time.perf_counter()
    for item in analyze(articles, settings):
        times["analyze"] += time.perf_counter() - t
        if isinstance(item, Failure):
            log.warning("%s: %s", item.source, item.reason)
            t = time.perf_counter()
            continue
        article, doc = item
        # This benchmark scores the built-in statements extractor, whatever the settings name.
        statements = extract_article(article, doc, settings, (extract_statements, None), timings=times,
                                     last="statements").statements
        gold = by_id[article.id]
        tally.add(gold["text"], gold, [s.to_json() for s in statements])
        n += 1
        t = time.perf_counter()
    out = tally.result()
    n = max(n, 1)
    out["articles"] = len(docs)
    out["seconds_per_article"] = {k: round(v / n, 4) for k, v in times.items()}
    out["statements_share_of_time"] = round(times["statements"] / max(sum(times.values()), 1e-9), 3)
    return out

