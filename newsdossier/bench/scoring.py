"""What every accuracy benchmark shares: reading JSONL, one-to-one matching, P/R/F1, GVA's scored articles.

These follow the reference scorer's rules (../shared/eval) so `dossier bench` prints its figures.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError

GVA_FOLDERS = ("semeval2018t5_gva_pilot", "gva")


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> int:
    """Size of a maximum bipartite matching (augmenting paths); ok(i, j) says i may pair with j.

    With 0/1 similarities this equals the Kuhn-Munkres optimum that CEAF uses."""
    match_right = [-1] * n_right

    def augment(i: int, seen: list) -> bool:
        for j in range(n_right):
            if ok(i, j) and not seen[j]:
                seen[j] = True
                if match_right[j] == -1 or augment(match_right[j], seen):
                    match_right[j] = i
                    return True
        return False

    return sum(augment(i, [False] * n_right) for i in range(n_left))


def prf(correct: int, predicted: int, gold: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2),
            "correct": correct, "predicted": predicted, "gold": gold}


def gva_folder(data_dir: Path) -> Path:
    data_dir = Path(data_dir)
    for cand in (data_dir, *(data_dir / f for f in GVA_FOLDERS)):
        if (cand / "incidents.jsonl").is_file() and (cand / "articles.jsonl").is_file():
            return cand
    raise InputError(str(data_dir), "no GVA data here (expected incidents.jsonl and articles.jsonl)")


def load_gva(data_dir: Path) -> list[tuple[dict, dict]]:
    """(article, incident) pairs the reference scorer scores, in file order: articles of at least
    400 characters that mention the incident's city or county, each once."""
    folder = gva_folder(data_dir)
    incidents = {r["incident_id"]: r for r in read_jsonl(folder / "incidents.jsonl")}
    seen: set[str] = set()
    out = []
    for a in read_jsonl(folder / "articles.jsonl"):
        inc = incidents.get(a["incident_id"])
        if inc is None or a["article_id"] in seen:
            continue
        text = a.get("content") or ""
        place = (inc.get("city_or_county") or "").split(" (")[0].lower()
        if len(text) >= 400 and place and place in text.lower():
            seen.add(a["article_id"])
            out.append((a, inc))
    return out
