"""A statement holds one kind of speech act: a quotation that asks and then asserts is two statements.

`“Why did they run to the border? Who was waiting there?” the minister asked. “It is clear that
someone helped them.”` is read by the linker as one quotation in two pieces with the cue "asked";
typed as a whole it would be a `question`, and the assertion in it would be lost to a reader who
filters claims. `split_by_kind` cuts such a content between its quoted parts where they change
between question and assertion, into runs of parts that keep the cue and the speaker; the runs that assert
carry the note `assertion`, so the typing does not read their cue "asked" as making them questions.
A content whose parts are all of one kind, or held in one pair of marks, is left whole.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...analyze import index
from .segments import Attribution

_CLOSERS = " \t\n\"”’'»)"
# A run shorter than this many words is not split off (an exclamation, a fragment).
MIN_WORDS = 3


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("?")


def _words(doc: Doc, ts: int, te: int) -> int:
    return sum(1 for t in doc[ts:te] if t.is_alpha)


def split_by_kind(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution, or its runs of questions and of assertions when it holds both, in order.

    The cut is only ever made between the separately quoted parts of a quotation (`"…?" X asked.
    "…"`): a single run of quoted speech that mixes a rhetorical question with what surrounds it
    ("It's 3 a.m. … Who do you want answering the phone?") is one thought and stays whole.
    """
    out: list[Attribution] = []
    text = index.text(doc)  # `doc.text` joins every token each time it is read
    for a in atts:
        kinds = [_is_question(text[cs:ce]) for cs, ce in a.pieces]
        if len(set(kinds)) < 2:
            out.append(a)
            continue
        runs: list[list[int]] = []  # indices of consecutive pieces of one kind
        for i, kind in enumerate(kinds):
            if runs and kinds[runs[-1][-1]] == kind:
                runs[-1].append(i)
            else:
                runs.append([i])
        if any(sum(_words(doc, *a.tok_pieces[i]) for i in run) < MIN_WORDS for run in runs):
            out.append(a)
            continue
        for run in runs:
            notes = list(a.notes) + ([] if kinds[run[0]] else ["assertion"])
            out.append(Attribution([a.pieces[i] for i in run], [a.tok_pieces[i] for i in run], a.para,
                                   cue=a.cue, cue_tok=a.cue_tok, source=a.source, quote=a.quote, notes=notes))
    return out
