"""Which tagged attributions to keep: a logistic regression over what the linker knows of each.

The tagger's confidence alone (the mean marginal of a content's tokens) keeps "X will go on offense
against radical Islamic terrorism" and drops some plain reports. The model weighs it with the
cue verb's learned rate in its frame (`frames.py`), how the content hangs from the cue in the parse
(its clausal complement, its object, a clause in another sentence, …), whether a source was found,
and the content's kind and length. It is trained on contents the linker built for PolNeAR train
articles that the tagger it ran with had not seen (`train/statements_keep.py`), labelled by
whether the reference scorer would count them (content and source right); the threshold is the
one that gave the best attribution F1 there. Weights ship as `keep.json` beside the tagger.
"""
from __future__ import annotations

import math
from typing import Optional

from spacy.tokens import Doc

from ...analyze import index
from .clauses import cue_verb
from .frames import Frames
from .segments import Attribution

RELATIONS = ("ccomp", "xcomp", "dobj", "below", "cue-inside", "othersent", "unrelated", "other", "nocue")


def relation(doc: Doc, a: Attribution) -> str:
    """How the content's first piece hangs from the cue: the dependency of its root on the cue verb,
    `below` (further down the cue's subtree), `cue-inside` (the cue sits in the content's subtree),
    `othersent`, `unrelated`, or `nocue`."""
    verb = cue_verb(doc, a)
    if verb is None:
        return "nocue"
    ts, te = a.tok_pieces[0]
    roots = [t for t in doc[ts:te] if not (ts <= t.head.i < te) or t.head.i == t.i]
    if not roots:
        return "other"
    root = roots[0]
    if root.head.i == verb.i and root.i != verb.i:
        return root.dep_ if root.dep_ in ("ccomp", "xcomp", "dobj") else "other"
    if any(t.i == verb.i for t in root.ancestors):
        return "below"
    if any(t.i == root.i for t in verb.ancestors):
        return "cue-inside"
    if root.sent.start != verb.sent.start:
        return "othersent"
    return "unrelated"


def features(doc: Doc, a: Attribution, probs: list[float], cue_p: dict[str, float],
             frames: Optional[Frames]) -> dict[str, float]:
    """The model's inputs for one attribution (names as in `keep.json`)."""
    n = sum(e - s for s, e in a.tok_pieces)
    conf = sum(probs[i] for s, e in a.tok_pieces for i in range(s, e)) / max(n, 1)
    verb = cue_verb(doc, a)
    rate = frames.cue_rate(verb) if frames is not None and verb is not None else 0.0
    cue_max = max((cue_p.get(t.lemma_.lower(), 0.0) for t in doc[a.cue_tok[0]:a.cue_tok[1]]), default=0.0) \
        if a.cue_tok else 0.0
    body = index.text(doc)[a.start:a.end]
    f = {
        "conf": conf,
        "conf2": conf * conf,
        "log_rate": math.log(rate + 1e-3),
        "cue_max": cue_max,
        "cue_words": min(a.cue_tok[1] - a.cue_tok[0], 6) / 6 if a.cue_tok else 0.0,
        "quote": float(a.quote),
        "mixed": float(not a.quote and any(ch in body for ch in "\"“”")),
        "pieces": float(len(a.pieces) > 1),
        "source": float(a.source is not None),
        "log_len": math.log(n + 1),
        "untagged": float("untagged" in a.notes),
        "continued": float("continued" in a.notes),
        "parse_orphan": float("orphan" in a.notes),
        "parse_frame": float("frame" in a.notes),
    }
    # A content read from the parse has no tagger confidence of its own: its cue's rate and its
    # length say more there than for a tagged one.
    parse = float("parse" in a.notes)
    f["parse_log_rate"] = parse * f["log_rate"]
    f["parse_log_len"] = parse * f["log_len"]
    f.update(_shape(doc, a, cue_p))
    rel = relation(doc, a) if not a.quote else "quote"
    for r in RELATIONS:
        f["rel_" + r] = float(rel == r)
    return f


def _shape(doc: Doc, a: Attribution, cue_p: dict[str, float]) -> dict[str, float]:
    """What the content and the source look like: a clause or a noun phrase, opened by "that" or
    "to"; a pronoun, a name or a description as source, before or after the cue."""
    ts, te = a.tok_pieces[0]
    toks = [t for t in doc[ts:te] if not t.is_space]
    first = toks[0].lower_ if toks else ""
    f = {
        "clause": float(any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in toks)),
        "opens_that": float(first in ("that", "whether", "if", "how", "why", "what")),
        "opens_to": float(first == "to"),
        "src_pron": 0.0, "src_name": 0.0, "src_words": 0.0, "src_after": 0.0, "src_sent": 0.0,
    }
    if a.source is not None:
        src = doc.char_span(*a.source, alignment_mode="expand")
        if src is not None and len(src):
            f["src_pron"] = float(src[0].pos_ == "PRON" or src[0].tag_ == "WP")
            f["src_name"] = float(any(t.pos_ == "PROPN" for t in src))
            f["src_words"] = min(len(src), 12) / 12
            f["src_after"] = float(a.cue_tok is not None and src.start >= a.cue_tok[1])
            f["src_sent"] = float(a.cue_tok is not None and src.sent.start == doc[a.cue_tok[0]].sent.start)
    return f


class KeepModel:
    def __init__(self, table: dict):
        self.names: list[str] = table["features"]
        self.coef: list[float] = table["coef"]
        self.intercept: float = table["intercept"]
        self.threshold: float = table["threshold"]

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(c * feats.get(n, 0.0) for n, c in zip(self.names, self.coef))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def keep(self, feats: dict[str, float]) -> bool:
        return self.probability(feats) >= self.threshold
