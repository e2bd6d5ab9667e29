"""Facts of a Doc that spaCy recomputes from every token each time they are read, listed once.

`Doc.text` joins every token's text, `Doc.ents` (and so `Span.ents`) walks every token's entity
tag, and `Token.sent` walks the sentence-start flags from the token to both ends of its sentence.
Asked once per statement, quotation or sentence, each made a step quadratic in the article's
length (a long run of quotations or names took minutes). Here each is worked out once per Doc,
kept in `doc.user_data`, and looked up by bisection; the answers are the same as spaCy's.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span


def text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    key = ("newsdossier", "text")
    if key not in doc.user_data:
        doc.user_data[key] = doc.text
    return doc.user_data[key]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token, in order."""
    key = ("newsdossier", "sentence_starts")
    if key not in doc.user_data:
        doc.user_data[key] = [s.start for s in doc.sents] if len(doc) else []
    return doc.user_data[key]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token `i` (as `doc[i].sent`)."""
    starts = sentence_starts(doc)
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def sentence(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`, the same Span as `doc[i].sent`."""
    start, end = sentence_bounds(doc, i)
    return doc[start:end]


def _ents(doc: Doc) -> tuple[list[Span], list[int], list[int]]:
    key = ("newsdossier", "ents")
    if key not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data[key] = (ents, [e.start for e in ents], [e.start_char for e in ents])
    return doc.user_data[key]


def ents_in(span: Span) -> list[Span]:
    """The entities lying wholly inside `span`, in order (as `span.ents` gives them)."""
    ents, starts, _ = _ents(span.doc)
    out = []
    k = bisect_left(starts, span.start)
    while k < len(ents) and ents[k].end <= span.end:  # an index, not a slice: a slice copies the rest
        out.append(ents[k])
        k += 1
    return out


def ents_between(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """The entities lying wholly inside characters [start_char, end_char), in order."""
    ents, _, char_starts = _ents(doc)
    return [ents[k] for k in range(bisect_left(char_starts, start_char), bisect_left(char_starts, end_char))
            if ents[k].end_char <= end_char]
