"""Contents read from the parse for reporting verbs the tagger left without one.

The tagger often marks a cue ("complained", "has been critical of", "refuses") and no content
beside it, or marks nothing at all around a verb that PolNeAR's annotators read as a cue in that
frame ("attacked her opponent as a fraud", "encouraged Americans to check out …"). Such a verb's
complement in the parse is what it reports: its clausal complement, its object with what follows
the object ("her opponent as a fraud", "Americans to check out …"), else the object of its first
preposition ("critical of Trump" -> "Trump"). Each becomes a candidate attribution with the note
`parse`; whether it stays is not decided here but by the keep model (`keep.py`), which is trained
on these candidates too and sees how the content was found and the verb's learned cue rate.

Two kinds of verb are read:
- a cue the tagger marked that no attribution took as its cue (`orphan`);
- with `min_rate`, any verb whose learned cue share in the frame it is used in (`frames.py`)
  reaches `min_rate`, that no content, cue or source already holds.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .frames import Frames
from .segments import QUOTE_MARKS, Attribution, Seg, char_range

# Children that carry what the verb reports, in the parse (right of the verb).
CLAUSE = ("ccomp", "xcomp")
OBJECT = ("dobj", "dative", "oprd", "attr")
FOLLOWERS = CLAUSE + OBJECT + ("prep",)
PREP_OBJECTS = ("pobj", "pcomp")


def complement(verb: Token) -> Optional[tuple[int, int]]:
    """Token range of what `verb` reports: from its first clause or object complement to the last
    complement after it (prepositional phrases between them included), else the object of its first
    preposition; within the verb's sentence. None when it has none."""
    right = [c for c in verb.children if c.i > verb.i]
    core = [c for c in right if c.dep_ in CLAUSE + OBJECT]
    if core:
        first = core[0]
        last = [c for c in right if c.i >= first.i and c.dep_ in FOLLOWERS][-1]
        lo, hi = first.left_edge.i, last.right_edge.i + 1
    else:
        preps = [c for c in right if c.dep_ == "prep"]
        objs = [k for k in preps[0].children if k.dep_ in PREP_OBJECTS] if preps else []
        if not objs:
            return None
        lo, hi = objs[0].left_edge.i, objs[0].right_edge.i + 1
    sent = verb.sent
    lo, hi = max(lo, verb.i + 1, sent.start), min(hi, sent.end)
    return (lo, hi) if lo < hi else None


def _trimmed(doc: Doc, lo: int, hi: int, blocked: set[int]) -> Optional[tuple[int, int]]:
    """[lo, hi) cut before the first blocked token, line break or quotation mark, without edge
    punctuation and spaces."""
    for i in range(lo, hi):
        t = doc[i]
        if i in blocked or "\n" in t.text or t.text in QUOTE_MARKS:
            hi = i
            break
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return (lo, hi) if lo < hi else None


def _verb_of(doc: Doc, seg: Seg) -> Optional[Token]:
    toks = list(doc[seg.start:seg.end])
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") and not (seg.start <= t.head.i < seg.end
                                                                  and t.head.i != t.i)]
    return verbs[0] if verbs else None


def parse_contents(doc: Doc, segs: list[Seg], atts: list[Attribution], para_of: list[int],
                   frames: Optional[Frames] = None, min_rate: Optional[float] = None) -> list[Attribution]:
    """Candidate attributions (note `parse`, cue set, source left to the linker) for the verbs
    described in the module docstring, none overlapping an existing content, cue or source."""
    taken: set[int] = set()
    for a in atts:
        for s, e in a.tok_pieces + ([a.cue_tok] if a.cue_tok else []):
            taken.update(range(s, e))
    for s in segs:
        if s.kind == "SRC":
            taken.update(range(s.start, s.end))
    linked = {i for a in atts if a.cue_tok for i in range(*a.cue_tok)}
    cues: list[tuple[Token, tuple[int, int], str]] = []
    for s in segs:
        if s.kind != "CUE" or any(i in linked for i in range(s.start, s.end)):
            continue
        verb = _verb_of(doc, s)
        if verb is not None:
            cues.append((verb, (s.start, s.end), "orphan"))
    if min_rate is not None and frames is not None:
        seen = {v.i for v, _, _ in cues}
        for t in _verbs(doc):
            if t.i in taken or t.i in seen or frames.cue_rate(t) < min_rate:
                continue
            cues.append((t, (t.i, t.i + 1), "frame"))
    out = []
    for verb, cue_tok, how in sorted(cues, key=lambda c: c[0].i):
        span = complement(verb)
        if span is None:
            continue
        span = _trimmed(doc, *span, taken | set(range(*cue_tok)))
        if span is None:
            continue
        a = Attribution([char_range(doc, *span)], [span], para_of[span[0]], cue=char_range(doc, *cue_tok),
                        cue_tok=cue_tok, notes=["parse", how])
        taken.update(range(*span))
        out.append(a)
    return out


def _verbs(doc: Doc) -> Iterable[Token]:
    return (t for t in doc if t.pos_ == "VERB")
