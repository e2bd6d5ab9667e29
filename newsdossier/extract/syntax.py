"""Parse helpers every extractor shares: sentences, the verb above a token, negation, subjects.

Each reads spaCy's dependency parse (ClearNLP labels, as the English pipelines give them) and is
written once here, so a fix to how a sentence or a governing verb is found reaches every
extractor.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Span as SpacySpan, Token


def sentences(doc: Doc) -> list[SpacySpan]:
    """Sentences holding at least one word (blanked boilerplate and blank lines are skipped)."""
    return [s for s in doc.sents if any(not t.is_space for t in s)]


def governing_verb(tok: Token) -> tuple[Optional[Token], str]:
    """The nearest verb above `tok` (or itself) and the relation of the path's last step."""
    rel = tok.dep_
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur, rel
        if cur.head is cur:
            break
        rel = cur.dep_
        cur = cur.head
        if cur.dep_ == "prep" and cur.head.pos_ == "VERB":
            rel = "prep_" + cur.lower_
    return (cur if cur.pos_ == "VERB" else None), rel


def negated(tok: Token, through_head: bool = False) -> bool:
    """Has `tok` a negation ("did not claim")? With `through_head`, a complement or predicate
    ("was not fatal", "were not dead") is negated by its head's negation too."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return through_head and tok.dep_ in ("acomp", "oprd") and any(c.dep_ == "neg" for c in tok.head.children)


def subject_child(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass"),
                  prefer: Optional[Callable[[Token], bool]] = None, nearest: bool = True) -> Optional[Token]:
    """The child of `verb` in the first relation of `deps` it has. Of several before the verb:
    with `nearest`, the one nearest it (a dateline parsed as a second subject comes first), among
    those `prefer` accepts; else the first ("the Zarate Willka Forces, a group with ..., claimed":
    the parser makes both subjects, and the name comes first)."""
    if not nearest:
        return next((c for c in verb.children if c.dep_ in deps), None)
    for dep in deps:
        found = [c for c in verb.children if c.dep_ == dep]
        if found:
            before = [c for c in found if c.i < verb.i]
            liked = [c for c in before if prefer(c)] if prefer is not None else []
            return (liked or before)[-1] if before else found[0]
    return None


def subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass"), through: tuple[str, ...] = ("conj",),
               nobody: frozenset[str] = frozenset(), relative: bool = False) -> Optional[Token]:
    """The first child of `verb` in one of `deps`; a verb without one inherits the subject of its
    head along the relations `through` ("... and took credit": the first conjunct's subject).

    A subject that says nobody (a word of `nobody`, or "no group") gives None: "No group has
    claimed it" names no claimant. With `relative`, a relative pronoun stands for the noun its
    clause hangs from ("the Army, which denied it": the Army)."""
    t = subject_child(verb, deps, nearest=False)
    if t is not None:
        if nobody and (t.lower_ in nobody or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)):
            return None
        if relative and t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head
        return t
    if verb.dep_ in through and verb.head is not verb:
        return subject_of(verb.head, deps, through, nobody, relative)
    return None
