"""The named entities inside a span or a character range, from the Doc's entities listed once.

spaCy's `Doc.ents` walks every token each time it is read, and `Span.ents` reads it: asking per
sentence or per statement made those steps quadratic in the article's length. Here the entities
are listed once, kept in `doc.user_data`, and found by bisection.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_KEY = ("newsdossier", "ents")


def _ents(doc: Doc) -> tuple[list[Span], list[int], list[int]]:
    if _KEY not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data[_KEY] = (ents, [e.start for e in ents], [e.start_char for e in ents])
    return doc.user_data[_KEY]


def ents_in(span: Span) -> list[Span]:
    """The entities lying wholly inside `span`, in order (as `span.ents` gives them)."""
    ents, starts, _ = _ents(span.doc)
    out = []
    k = bisect_left(starts, span.start)
    while k < len(ents) and ents[k].end <= span.end:
        out.append(ents[k])
        k += 1
    return out


def ents_between(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """The entities lying wholly inside characters [start_char, end_char), in order."""
    ents, _, char_starts = _ents(doc)
    out = []
    for ent in ents[bisect_left(char_starts, start_char):bisect_left(char_starts, end_char)]:
        if ent.end_char <= end_char:
            out.append(ent)
    return out
