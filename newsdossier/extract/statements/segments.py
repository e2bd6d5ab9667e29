"""The linker's pieces: tagged segments (content, source, cue) and the attributions built from them.

`segments` turns the tagger's token tags into runs; `Attribution` is what the linker fills in
(`linker.py` snaps and merges contents, `sources.py` finds each content's cue and source).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from .features import paragraphs

QUOTE_MARKS = "\"“”«»"
# A lemma this often annotated as cue counts as one where the tagger marked none.
LEXICON_CUE = 0.3
# Longest attribution (in tokens) that may interrupt one quotation: `"…," X said in an interview. "…"`.
MAX_INTERRUPTION = 25
# Contents below this mean marginal probability are dropped (chosen on the dev split).
MIN_CONFIDENCE = 0.5
# A plain content is dropped when its cue verb, in the frame it takes there, is annotated as cue
# in fewer than this share of its uses in PolNeAR's train split (`frames.py`). Chosen on half A of
# PolNeAR dev among 0.05-0.2 (all cost recall there; 0.05 the least) for what PolNeAR cannot say:
# that "opened fire on a crowd" (0.03) is no statement.
MIN_CUE_RATE = 0.05
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


def is_lexicon_cue(tok, cue_p: dict[str, float]) -> bool:
    """A word whose lemma is annotated as cue at least LEXICON_CUE of the time in the training data
    ("say", "suggest", "claim"): a reporting verb even where the tagger marked no cue."""
    return cue_p.get(tok.lemma_.lower(), 0.0) >= LEXICON_CUE


@dataclass
class Seg:
    kind: str
    start: int  # first token index
    end: int  # last token index + 1
    para: int


@dataclass
class Attribution:
    pieces: list[tuple[int, int]]  # character spans of the content, in order
    tok_pieces: list[tuple[int, int]]  # token spans of the content
    para: int
    cue: Optional[tuple[int, int]] = None  # character span
    cue_tok: Optional[tuple[int, int]] = None
    source: Optional[tuple[int, int]] = None  # character span
    quote: bool = False  # the content is a quotation (every piece)
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def segments(doc: Doc, tags: list[str]) -> tuple[list[Seg], list[int]]:
    """Tagged runs in token order, and the paragraph number of every token."""
    para_of = [0] * len(doc)
    segs: list[Seg] = []
    for p, para in enumerate(paragraphs(doc)):
        cur: Optional[Seg] = None
        for tok in para:
            para_of[tok.i] = p
            tag = tags[tok.i]
            if tag == "O":
                cur = None
                continue
            bio, kind = tag.split("-", 1)
            if cur is not None and cur.kind == kind and bio == "I":
                cur.end = tok.i + 1
            else:
                cur = Seg(kind, tok.i, tok.i + 1, p)
                segs.append(cur)
    # Paragraph numbers of space tokens: that of the token before.
    for i in range(1, len(doc)):
        if doc[i].is_space:
            para_of[i] = para_of[i - 1]
    return segs, para_of


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def token_range(doc: Doc, s: int, e: int) -> Optional[tuple[int, int]]:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def word_count(doc: Doc, s: int, e: int) -> int:
    return sum(1 for t in doc[s:e] if not t.is_punct and not t.is_space)


class Intervals:
    """Sorted (start, end) pairs and which of them overlap a range, found by bisection: asking
    for every content of a long article would otherwise cost contents × quotations."""

    def __init__(self, pairs: list[tuple[int, int]]):
        self.pairs = pairs  # sorted
        self.starts = [p[0] for p in pairs]
        reach, self.reach = -1, []  # the furthest end among pairs[:k + 1]
        for _, e in pairs:
            reach = max(reach, e)
            self.reach.append(reach)

    def over(self, start: int, end: int) -> list[tuple[int, int]]:
        """The pairs with p[0] < end and start < p[1], in order."""
        first = bisect_right(self.reach, start)
        return [p for p in self.pairs[first:bisect_left(self.starts, end)] if start < p[1]]


class SegIndex:
    """Segments of one kind (a list in the linker's order) indexed by start, for the nearest-one
    and same-sentence questions the linker asks of every attribution."""

    def __init__(self, segs: list[Seg]):
        self.segs = segs
        self.order = sorted(range(len(segs)), key=lambda k: (segs[k].start, k))
        self.starts = [segs[k].start for k in self.order]
        self.longest = max((s.end - s.start for s in segs), default=0)

    def starting_in(self, lo: int, hi: int) -> list[Seg]:
        """Segments starting in [lo, hi), in list order."""
        ks = sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])
        return [self.segs[k] for k in ks]

    def touching(self, lo: int, hi: int) -> list[Seg]:
        """Segments holding a token in [lo, hi), in list order."""
        ks = sorted(k for k in self.order[bisect_left(self.starts, lo - self.longest):
                                          bisect_left(self.starts, hi)]
                    if self.segs[k].end > lo)
        return [self.segs[k] for k in ks]
