"""The sentence of a token, from the Doc's sentence starts listed once.

spaCy's `Token.sent` walks the sentence-start flags back and forth from the token each time it is
asked, so asking for every quotation or cue costs the sentence's length each time: on a long run
of quotations in one sentence the statement linker spent most of its time there. Here the starts
are listed once, kept in `doc.user_data`, and a token's sentence is found by bisection.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

_KEY = ("newsdossier", "sentence_starts")


def _starts(doc: Doc) -> list[int]:
    if _KEY not in doc.user_data:
        doc.user_data[_KEY] = [s.start for s in doc.sents] if len(doc) else []
    return doc.user_data[_KEY]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token `i` (as `doc[i].sent`)."""
    starts = _starts(doc)
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def sentence(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`, the same Span as `doc[i].sent`."""
    start, end = sentence_bounds(doc, i)
    return doc[start:end]
