"""Grouping accuracy: B-cubed precision, recall and F1 of `reconcile.grouping.group` against gold
incident clusters.

`dossier bench grouping --data DIR` where DIR is either
- the Gun Violence Archive pilot folder (`articles.jsonl` + `incidents.jsonl`): the articles the
  reference scorer (`ndeval score gva-clusters`) keeps, with its rule (at least 400 characters that
  mention the incident's city or county), grouped against `incident_id`; or
- the ECB+ folder (`<split>.jsonl`): documents grouped against `subtopic` (same seminal event).

The records are built from the text, title and publication date alone, without running the
extractors, so the figure measures the grouping by itself; `extract=True` in settings is not needed.
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from pathlib import Path
from typing import Optional

from ..errors import DossierError
from ..reconcile.grouping import group
from ..records import Article, ArticleRecord
from ..settings import Settings
from .scoring import load_gva, read_jsonl as _jsonl

log = logging.getLogger(__name__)


def _gva(folder: Path, limit: Optional[int]) -> tuple[list[ArticleRecord], dict[str, str]]:
    records, gold = [], {}
    for a, inc in load_gva(folder):
        gold[a["article_id"]] = a["incident_id"]
        records.append(ArticleRecord(article=Article(
            id=a["article_id"], source=f"{Path(folder).name}#{a['article_id']}", text=a.get("content") or "",
            title=a.get("title"), published=a.get("dct"), input_format="jsonl")))
        if limit and len(records) >= limit:
            break
    return records, gold


def _ecbplus(folder: Path, split: str, limit: Optional[int]) -> tuple[list[ArticleRecord], dict[str, str]]:
    path = folder / f"{split}.jsonl"
    if not path.exists():
        raise DossierError(f"{path}: no such split file; ECB+ here has train.jsonl and dev.jsonl")
    records, gold = [], {}
    for doc in _jsonl(path):
        sentences = doc["sentences"]
        if doc["doc_id"].endswith("ecbplus") and sentences:
            sentences = sentences[1:]  # sentence 0 of ecbplus documents is the source URL
        text = "\n".join(" ".join(tokens) for tokens in sentences)
        gold[doc["doc_id"]] = doc["subtopic"]
        records.append(ArticleRecord(article=Article(
            id=doc["doc_id"], source=f"{path.name}#{doc['doc_id']}", text=text, input_format="jsonl")))
        if limit and len(records) >= limit:
            break
    return records, gold


def b_cubed(groups: list[list[str]], gold: dict[str, str]) -> dict:
    """B-cubed over the articles in `gold`; an article in no group counts as a group of its own."""
    pred = {aid: i for i, members in enumerate(groups) for aid in members if aid in gold}
    for aid in gold:
        pred.setdefault(aid, f"alone:{aid}")
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for aid in gold:
        by_gold[gold[aid]].add(aid)
        by_pred[pred[aid]].add(aid)
    p = r = 0.0
    for aid in gold:
        g, q = by_gold[gold[aid]], by_pred[pred[aid]]
        p += len(g & q) / len(q)
        r += len(g & q) / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"b3_p": round(100 * p, 2), "b3_r": round(100 * r, 2), "b3_f1": round(100 * f, 2)}


def run(data_dir: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    data_dir = Path(data_dir)
    if (data_dir / "incidents.jsonl").exists():
        dataset = "gva"
        records, gold = _gva(data_dir, limit)
    elif (data_dir / f"{split}.jsonl").exists() or (data_dir / "dev.jsonl").exists():
        dataset = "ecbplus"
        records, gold = _ecbplus(data_dir, split, limit)
    else:
        raise DossierError(f"{data_dir}: neither a GVA folder (incidents.jsonl) nor an ECB+ folder "
                           f"({split}.jsonl)")
    started = time.perf_counter()
    groups = group(records)
    seconds = time.perf_counter() - started
    scores = b_cubed(groups, gold)
    return {"dataset": dataset, "split": split if dataset == "ecbplus" else "all shared",
            "articles": len(records), "gold_groups": len(set(gold.values())), "groups": len(groups),
            **scores, "seconds": round(seconds, 2)}
