"""Learned cue decisions: is this verb, used this way, a reporting verb, and is its subject the source?

A lemma alone does not make a cue: "found that the fence was cut" reports a finding, "found the
car" does not; "opened fire on the crowd" is no speech at all; "the mayor was asked whether" has
the mayor as addressee, not as speaker; "the vote seemed lost" has no speaker. Both decisions are
read from PolNeAR's train split (`train/statements.py` writes `frames.json` beside the tagger):

- `cue`: for every verb lemma and *frame* (the kinds of complement the verb takes in the parse:
  a clause, a to-infinitive, a noun object, a prepositional phrase, none, each active or passive)
  the share of its occurrences annotated as (part of) a cue;
- `subject`: for every cue lemma and voice, the share of annotated attributions with that cue
  whose source is the verb's grammatical subject (among those where the verb has one).

Rare (lemma, frame) pairs are smoothed towards the lemma's own rate, and that towards the rate of
all verbs, so an unseen verb in a common frame gets a low but non-zero score.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

CLAUSE_DEPS = ("ccomp", "parataxis")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# Pseudo-count pulling a rare (lemma, frame) towards its lemma, and a rare lemma towards all verbs.
SMOOTHING = 5.0


def frame(tok: Token) -> str:
    """The verb's complement kind in the parse, prefixed `pass-` when it is passive."""
    deps = {c.dep_ for c in tok.children}
    passive = bool(deps & {"auxpass", "nsubjpass", "csubjpass"})
    if deps & set(CLAUSE_DEPS):
        comp = "clause"  # "said that …", "“…,” she said"
    elif "xcomp" in deps:
        comp = "to"
    elif deps & {"dobj", "dative", "attr", "oprd"}:
        comp = "np"
    elif "prep" in deps:
        comp = "pp"
    else:
        comp = "none"
    return ("pass-" if passive else "") + comp


def voice(tok: Token) -> str:
    return "passive" if frame(tok).startswith("pass-") else "active"


def subject(tok: Token) -> Optional[Token]:
    """The verb's own grammatical subject, if the parse gives it one."""
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            return c
    return None


def _rate(hit: float, n: float, prior: float) -> float:
    return (hit + SMOOTHING * prior) / (n + SMOOTHING)


class Frames:
    """The learned tables; `cue_rate` and `subject_rate` answer for one verb token."""

    def __init__(self, table: dict):
        self.prior = table["prior"]  # cue share of all verb tokens
        self.cue = table["cue"]  # lemma -> frame -> [cue count, occurrences]
        self.subject_prior = table["subject_prior"]  # voice -> share
        self.subject = table["subject"]  # lemma -> voice -> [subject-is-source count, attributions]

    def cue_rate(self, tok: Token) -> float:
        """Share of this lemma's occurrences in this frame annotated as cue (smoothed)."""
        by_frame = self.cue.get(tok.lemma_.lower(), {})
        hit = sum(v[0] for v in by_frame.values())
        n = sum(v[1] for v in by_frame.values())
        lemma_rate = _rate(hit, n, self.prior)
        h, k = by_frame.get(frame(tok), (0, 0))
        return _rate(h, k, lemma_rate)

    def subject_rate(self, tok: Token) -> float:
        """Share of attributions with this cue lemma and voice whose source is the subject (smoothed)."""
        v = voice(tok)
        prior = self.subject_prior.get(v, 0.5)
        h, n = self.subject.get(tok.lemma_.lower(), {}).get(v, (0, 0))
        return _rate(h, n, prior)

