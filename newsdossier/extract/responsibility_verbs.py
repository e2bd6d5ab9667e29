"""The one reader of claim, deny, blame and attribution verbs ("X claimed responsibility",
"Y denied any role", "Z blamed the attack on W", "pointed to W", "held W responsible").

Both sides of extraction read these verbs, for different questions: the statements stage makes
each one a statement (who said it, what was said, of which type: `statements/responsibility.py`);
the incidents stage links the party held responsible to the incident (`incidents/responsibility.py`).
The argument structure is read here once, from the dependency parse (ClearNLP labels), so that a
fix to who the claimant or the blamed party is reaches both: `read(tokens)` gives one
`VerbReading` per verb, with the speaker (the verb's subject), the party held responsible, the
tokens of what was claimed or imputed, and the flags each side filters on (negated, not yet
done, passive). The vocabulary is `lexicon/reporting.py`'s.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Token

from .lexicon.reporting import ACCUSE_VERBS, CLAIM_OBJECTS, CLAIM_VERBS, DENY_VERBS, HOLD_VERBS, POINT_VERBS
from .syntax import negated, subject_of

# Words a subject uses to say that nobody did it ("No one has claimed ...").
NOBODY = frozenset({"nobody", "none", "noone", "no-one"})
_HOLD_COMPLEMENTS = frozenset({"responsible", "accountable", "liable"})


@dataclass(frozen=True)
class VerbReading:
    """One claim, denial, accusation or attribution verb and its arguments.

    kind: "claim" (the speaker takes responsibility), "deny" (the speaker rejects something),
    "accuse" (blame, accuse, fault), "attribute" (point to, attribute to, link to, pin on ...),
    "hold" (hold X responsible).
    """
    kind: str
    verb: Token
    cue: tuple[Token, ...]
    speaker: Optional[Token]          # who says it: the subject (the agent's object in the passive)
    party: Optional[Token]            # who is held responsible (the claimant or denier for claim/deny)
    content: tuple[Token, ...]        # what is claimed, denied or imputed, in text order
    obj: Optional[Token] = None       # the object the verb takes ("responsibility", "any role")
    negated: bool = False             # "did not claim"
    tentative: bool = False           # "will blame", "tried to accuse": not yet done
    passive: bool = False             # "was linked to": no one's attribution


def speaker_of(verb: Token) -> Optional[Token]:
    """Who makes the claim, denial or accusation: the subject, inherited along "and", "to" and
    adverbial clauses ("... and took credit", "wanted to claim"); the agent's object in the
    passive ("was claimed by X"); what a relative pronoun stands for ("the Army, which denied
    it"); None when the subject says nobody ("No group has claimed it")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:  # "responsibility was claimed by X": X, not "responsibility"
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return subject_of(verb, deps=("nsubj", "nsubjpass"), through=("conj", "xcomp", "advcl"),
                      nobody=NOBODY, relative=True)


def tentative(verb: Token) -> bool:
    """"will try to blame", "may accuse": an assignment not yet made."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("try", "want", "seek", "plan", "attempt")


def _subtree(tok: Token) -> list[Token]:
    """The phrase under `tok`, without a relative clause set off by a comma ("the Legion, which
    denied it"): a non-restrictive clause says something else about the noun."""
    cut = {t.i for r in tok.subtree if r.dep_ == "relcl" and r.left_edge.i > 0
           and r.doc[r.left_edge.i - 1].text == "," for t in [r.doc[r.left_edge.i - 1], *r.subtree]}
    return [t for t in tok.subtree if not t.is_space and t.i not in cut]


def _reading(kind: str, verb: Token, cue: list[Token], party: Optional[Token], content: list[Token],
             obj: Optional[Token] = None, speaker: Optional[Token] = None, passive: bool = False) -> VerbReading:
    return VerbReading(kind=kind, verb=verb, cue=tuple(sorted(cue, key=lambda t: t.i)), speaker=speaker,
                       party=party, content=tuple(sorted(set(content), key=lambda t: t.i)), obj=obj,
                       negated=negated(verb), tentative=tentative(verb), passive=passive)


def read_verb(verb: Token) -> Optional[VerbReading]:
    """The reading of one token, or None when it is no claim, denial, accusation or attribution."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if lemma in CLAIM_VERBS:
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")
                    and c.lemma_.lower() in CLAIM_OBJECTS), None)
        if obj is None:
            return None
        speaker = speaker_of(verb)
        # "responsibility for the attack": the "for" phrase names what was claimed.
        content = [obj] + [t for k in list(obj.children) + kids if k.dep_ == "prep" and k.lower_ == "for"
                           for t in _subtree(k)]
        return _reading("claim", verb, [verb], speaker, content, obj, speaker, passive)
    if lemma in DENY_VERBS:
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj", "ccomp")), None)
        if obj is None:
            return None
        speaker = speaker_of(verb)
        return _reading("deny", verb, [verb], speaker, _subtree(obj), obj, speaker, passive)
    if lemma in ACCUSE_VERBS:
        preps = [c for c in kids if c.dep_ == "prep"]
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        # "blamed the attack on X": the "on" phrase hangs from the verb or, as parsers often
        # attach it, from the object.
        ons = preps + ([c for c in obj.children if c.dep_ == "prep"] if obj is not None else [])
        on = next((g for p in ons if p.lower_ == "on" for g in p.children if g.dep_ == "pobj"), None)
        # "blamed the attack on X": X; "accused X of the attack": X. What is imputed: the object
        # and its "of"/"for" phrases.
        content = (_subtree(obj) if obj is not None else []) + [
            t for p in preps if p.lower_ in ("of", "for") for t in _subtree(p)]
        if obj is None and on is None:
            return None
        return _reading("accuse", verb, [verb], on if on is not None else obj, content if obj is not None else [],
                        obj, speaker_of(verb), passive)
    if lemma in POINT_VERBS:
        prep = next((c for c in kids if c.dep_ in ("prep", "dative") and c.lower_ == POINT_VERBS[lemma]), None)
        if prep is None:
            return None
        party = next((g for g in prep.children if g.dep_ == "pobj"), None)
        # "attributed the attack to X as revenge": X, and what the "as" phrase adds.
        content = _subtree(prep)[1:] + [t for p in kids if p.dep_ == "prep" and p.lower_ == "as" for t in _subtree(p)]
        return _reading("attribute", verb, [verb, prep], party, content, None, speaker_of(verb), passive)
    if lemma in HOLD_VERBS:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        comp = next((c for c in kids if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
                     and c.lemma_.lower() in _HOLD_COMPLEMENTS), None)
        if obj is None or comp is None:
            return None
        return _reading("hold", verb, [verb], obj, _subtree(obj) + _subtree(comp), obj, speaker_of(verb), passive)
    return None


def read(tokens: Iterable[Token]) -> list[VerbReading]:
    """Every claim, denial, accusation and attribution verb among `tokens` (a Doc or a sentence)."""
    return [r for r in (read_verb(t) for t in tokens) if r is not None]
