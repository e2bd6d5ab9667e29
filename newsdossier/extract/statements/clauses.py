"""A plain content runs to the end of the clause its cue governs.

The tagger tends to stop a long reported clause at its first comma: in `The survey found that
nurses made up 31 percent of the staff, excluding the army, which is mostly male` it ends the
content at "staff", although what the survey found is the whole `that` clause. When the content
holds the head of the cue's clausal complement (`ccomp`, `xcomp`), its end is moved to the end of
that complement's subtree in the parse, never past the sentence, a quotation mark, the cue or its
source, nor into another attribution. Quotations keep their marks' bounds.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .segments import QUOTE_MARKS, Attribution, char_range

# A noun object's subtree was tried too (`found the car …`) and lost on PolNeAR dev's tuning half.
COMPLEMENTS = ("ccomp", "xcomp")


def cue_verb(doc: Doc, a: Attribution) -> Optional[Token]:
    """The verb that governs `a`'s cue span (its verb whose head lies outside it; of several, the
    one the content hangs from: in "officials who were interviewed said …" the cue span holds
    "interviewed said" and the content is said, not interviewed), or None."""
    if a.cue_tok is None:
        return None
    s, e = a.cue_tok
    verbs = [t for t in doc[s:e] if t.pos_ in ("VERB", "AUX") and not (s <= t.head.i < e and t.head.i != t.i)]
    if len(verbs) > 1:
        first = doc[a.tok_pieces[0][0]]
        governing = [v for v in verbs if any(x.i == v.i for x in first.ancestors)]
        if governing:
            return governing[0]
    return verbs[0] if verbs else None


def to_clause_end(doc: Doc, a: Attribution, taken: set[int]) -> None:
    """Move the end of a one-piece plain content to the end of the complement it holds (in place),
    unless that would reach a token in `taken` (any attribution's content or cue: "X claimed
    that A fled and suggested that B helped" holds two reports, and the first stops at "fled")."""
    if a.quote or len(a.pieces) != 1:
        return
    verb = cue_verb(doc, a)
    if verb is None:
        return
    ts, te = a.tok_pieces[0]
    comp = next((c for c in verb.children if c.dep_ in COMPLEMENTS and ts <= c.i < te), None)
    if comp is None:
        return
    hi = comp.right_edge.i + 1
    while hi > te and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi <= te:
        return
    blocked = set(range(*a.cue_tok)) | taken
    if a.source is not None:
        blocked |= {t.i for t in doc.char_span(*a.source, alignment_mode="expand") or ()}
    for t in doc[te:hi]:
        if t.i in blocked or "\n" in t.text or t.text in QUOTE_MARKS or t.is_sent_start:
            return
    a.tok_pieces[0] = (ts, hi)
    a.pieces[0] = (a.pieces[0][0], char_range(doc, ts, hi)[1])
