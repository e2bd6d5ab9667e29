"""Noun chunks of a sentence or any span, from the Doc's chunks worked out once.

spaCy's `Span.noun_chunks` walks the whole Doc's chunks for every span it is asked about, which
made asking per sentence quadratic in the article's length (a third of extraction time on long
articles). Here the Doc's chunks are listed once, kept in `doc.user_data`, and a span's chunks
are found by bisection.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_KEY = ("newsdossier", "noun_chunks")


def _doc_chunks(doc: Doc) -> list[tuple[int, int]]:
    if _KEY not in doc.user_data:
        try:
            doc.user_data[_KEY] = [(c.start, c.end) for c in doc.noun_chunks]
        except ValueError:  # a Doc without a dependency parse has no chunks
            doc.user_data[_KEY] = []
    return doc.user_data[_KEY]


def noun_chunks(span: Span) -> list[Span]:
    """The noun chunks lying wholly inside `span`, in order (as `span.noun_chunks` gives them)."""
    doc = span.doc
    chunks = _doc_chunks(doc)
    out = []
    k = bisect_left(chunks, (span.start, -1))
    while k < len(chunks) and chunks[k][0] < span.end:  # an index, not a slice: a slice copies the rest
        start, end = chunks[k]
        if end <= span.end:
            out.append(doc[start:end])
        k += 1
    return out
