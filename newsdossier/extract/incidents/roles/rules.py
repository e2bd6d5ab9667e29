"""Role spans found by rule where the CRF leaves them out: weapons named as an attack's instrument,
people a harm verb acts on, and weapons coordinated with a tagged one.

General knowledge of how attacks are told (dependency relations and the role lexicons), no
sentence patterns of any one article. Rule spans carry `RULE_CONFIDENCE` and their `source`.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from ...lexicon.roles import ASSAULT_WORDS, STRONG_WEAPONS, TARGET_WORDS, WEAPON_WORDS
from ...lexicon.violence import ATTACK_VERBS, HARM_VERBS
from ...syntax import sentences
from .crf import TaggedSpan

# Confidence given to spans found by rules rather than the CRF (instrument weapons, harmed people).
RULE_CONFIDENCE = 0.45


def add_conjuncts(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Weapons coordinated with a tagged weapon are weapons too ("rifles and explosives").

    Only words of the weapon lexicon are added, so a coordination with anything else is left alone.
    """
    covered = set()
    for sp in spans:
        covered.update(range(sp.start, sp.end))
    out = list(spans)
    for sp in spans:
        if sp.role != "Weapon":
            continue
        head = doc[sp.start:sp.end].root
        for other in list(head.conjuncts):
            if other.lemma_.lower() not in WEAPON_WORDS and other.lower_ not in WEAPON_WORDS:
                continue
            if other.i in covered:
                # A weaker weapon span on the conjunct shares the stronger one's evidence.
                for k, o in enumerate(out):
                    if o.role == "Weapon" and o.start <= other.i < o.end and o.confidence < sp.confidence * 0.9:
                        out[k] = dataclasses.replace(o, confidence=sp.confidence * 0.9)
                continue
            left = min([other] + [t for t in other.lefts if t.dep_ in ("amod", "compound", "nummod")],
                       key=lambda t: t.i)
            first, last = doc[left.i], other
            out.append(TaggedSpan(role="Weapon", start=left.i, end=other.i + 1, char_start=first.idx,
                                  char_end=last.idx + len(last.text), confidence=sp.confidence * 0.9,
                                  sentence=sp.sentence))
            covered.update(range(left.i, other.i + 1))
    return out


def _modifiers_start(tok: Token) -> Token:
    """The first adjective or compound word in front of `tok` ("automatic" in "automatic rifles")."""
    return min([tok] + [t for t in tok.lefts if t.dep_ in ("amod", "compound")], key=lambda t: t.i)


def lexicon_weapons(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Weapons the CRF left out, told as the instrument of an attack ("fired on them with rifles").

    A strong weapon word is added when it is the object of "with"/"using" under an attack verb,
    or the subject of explode/detonate; the CRF's own spans always win.
    """
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    sent_index = {s.start: i for i, s in enumerate(sentences(doc))}
    for tok in doc:
        if tok.i in covered or tok.lower_ not in STRONG_WEAPONS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head
        ok = False
        if tok.dep_ == "pobj" and head.lower_ in ("with", "using") and head.head.lemma_.lower() in ATTACK_VERBS | {"arm"}:
            ok = True
        elif tok.dep_ == "dobj" and head.lemma_.lower() in ("use", "fire", "throw", "hurl", "plant", "detonate"):
            ok = True
        elif tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("explode", "detonate", "go", "blow"):
            ok = True
        if not ok:
            continue
        left = _modifiers_start(tok)
        out.append(TaggedSpan(role="Weapon", start=left.i, end=tok.i + 1, char_start=left.idx,
                              char_end=tok.idx + len(tok.text), confidence=RULE_CONFIDENCE,
                              sentence=sent_index.get(tok.sent.start, 0), source="instrument"))
        covered.update(range(left.i, tok.i + 1))
    return out


def rule_victims(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """People the article says were killed, wounded or kidnapped, when the CRF left them out.

    The patient of a harm verb ("nine people were killed", "gunmen shot two guards") that names
    people (a noun, not a pronoun or a bare number) becomes a victim span of modest confidence.
    """
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    sent_index = {s.start: i for i, s in enumerate(sentences(doc))}
    for tok in doc:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN") or tok.like_num:
            continue
        verb = tok.head
        if verb.lemma_.lower() not in HARM_VERBS or verb.pos_ != "VERB":
            continue
        if not (tok.dep_ == "nsubjpass" or tok.dep_ in ("dobj", "obj") and verb.tag_ != "VBN"
                or tok.dep_ == "dobj"):
            continue
        if tok.lemma_.lower() in WEAPON_WORDS or tok.lemma_.lower() in TARGET_WORDS:
            continue
        left = _modifiers_start(tok)
        right = tok
        for t in tok.rights:
            if t.dep_ in ("compound", "flat"):
                right = t
        if any(i in covered for i in range(left.i, right.i + 1)):
            continue
        out.append(TaggedSpan(role="Victim", start=left.i, end=right.i + 1, char_start=left.idx,
                              char_end=right.idx + len(right.text), confidence=RULE_CONFIDENCE,
                              sentence=sent_index.get(tok.sent.start, 0), source="harm"))
        covered.update(range(left.i, right.i + 1))
    return out


def attacked(tok: Token) -> bool:
    """Is `tok` what an assault was made on: the object or passive subject of an assault verb
    ("rebels shelled Vardonia", "Vardonia was invaded") or the "on"/"against" phrase of an assault
    ("the strike on Vardonia"), or joined by "and" to one that is?

    A country, state or city is a target only so; named anywhere else around an attack (blamed for
    it, its war, where the attackers fled) it is a party or a place, not what was attacked.
    """
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass"):
        return head.lemma_.lower() in ASSAULT_WORDS
    if tok.dep_ == "pobj" and head.lower_ in ("on", "against", "upon"):
        return head.head.lemma_.lower() in ASSAULT_WORDS
    return False
