"""A statement holds one kind of speech act: a quotation that asks and then asserts is two statements.

`“Why did they run to the border? Who was waiting there?” the minister asked. “It is clear that
someone helped them.”` is read by the linker as one quotation in two pieces with the cue "asked";
typed as a whole it would be a `question`, and the assertion in it would be lost to a reader who
filters claims. `split_by_kind` cuts such a content where its sentences change between question and
assertion, into runs of whole sentences that keep the cue and the speaker; the runs that assert
carry the note `assertion`, so the typing does not read their cue "asked" as making them questions.
A content whose sentences are all of one kind is left whole.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...analyze.index import sentence_bounds
from .linker import Attribution

_CLOSERS = " \t\n\"”’'»)"
# A run shorter than this many words is not split off (an exclamation, a fragment).
MIN_WORDS = 3


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("?")


def _units(doc: Doc, a: Attribution) -> list[tuple[int, int, int, int, int]]:
    """(piece index, char start, char end, token start, token end) of every sentence of the content."""
    out = []
    for k, ((cs, ce), (ts, te)) in enumerate(zip(a.pieces, a.tok_pieces)):
        t = ts
        while t < te:
            end = min(sentence_bounds(doc, t)[1], te)
            c0 = cs if t == ts else doc[t].idx
            c1 = ce if end >= te else doc[end].idx
            while c1 > c0 and doc.text[c1 - 1].isspace():
                c1 -= 1
            out.append((k, c0, c1, t, end))
            t = end
    return out


def _words(doc: Doc, ts: int, te: int) -> int:
    return sum(1 for t in doc[ts:te] if t.is_alpha)


def split_by_kind(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution, or its runs of questions and of assertions when it holds both, in order."""
    out: list[Attribution] = []
    for a in atts:
        units = _units(doc, a)
        kinds = [_is_question(doc.text[c0:c1]) for _, c0, c1, _, _ in units]
        if len(set(kinds)) < 2:
            out.append(a)
            continue
        runs: list[list[int]] = []
        for i, kind in enumerate(kinds):
            if runs and kinds[runs[-1][-1]] == kind:
                runs[-1].append(i)
            else:
                runs.append([i])
        if any(sum(_words(doc, units[i][3], units[i][4]) for i in run) < MIN_WORDS for run in runs):
            out.append(a)
            continue
        for run in runs:
            pieces: list[tuple[int, int]] = []
            tok_pieces: list[tuple[int, int]] = []
            last_piece = None
            for i in run:
                k, c0, c1, t0, t1 = units[i]
                if k == last_piece:  # sentences of one piece stay one piece
                    pieces[-1] = (pieces[-1][0], c1)
                    tok_pieces[-1] = (tok_pieces[-1][0], t1)
                else:
                    pieces.append((c0, c1))
                    tok_pieces.append((t0, t1))
                last_piece = k
            notes = list(a.notes) + ([] if kinds[run[0]] else ["assertion"])
            out.append(Attribution(pieces, tok_pieces, a.para, cue=a.cue, cue_tok=a.cue_tok, source=a.source,
                                   quote=a.quote, notes=notes))
    return out
