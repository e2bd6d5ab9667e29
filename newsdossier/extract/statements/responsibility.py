"""Attributions read from the parse by rule, where the tagger is known to miss or split them.

- `responsibility_statements`: news about attacks reports responsibility with verbs that are not
  reporting verbs: a group "claimed responsibility" or "took credit", governments "blamed",
  "accused", "pointed to" or "held responsible" a party, and the party "denied" it. Content is
  the verb's object, cue the verb, source its subject.
- `according_to_statements`: "According to X, …" / "…, according to X."
- `trailing_statements`: "<clause>, X said."
- `parenthetical_statements`: "A, X said, B." (the content is A and B).
- `title_statements`: a headline "Source: what they said" / "Source Says What".

All are general reporting-verb knowledge, no sentence patterns of any one article.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...analyze import index
from ...analyze.index import sentence
from ..lexicon.reporting import (ACCUSE_VERBS, CLAIM_OBJECTS, CLAIM_VERBS, DENY_VERBS, HOLD_VERBS, POINT_VERBS,
                                 TRAILING_CUES)
from ..syntax import subject_of
from .segments import SUBJECT_DEPS, Attribution

NOBODY = {"nobody", "none", "noone", "no-one"}


def _subtree_chars(tokens: list[Token]) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    start, last = toks[0], toks[-1]
    return start.idx, last.idx + len(last.text)


def _subject(verb: Token) -> Optional[Token]:
    # A clausal subject is no speaker; "... and took credit": the subject of the first conjunct.
    return subject_of(verb, deps=tuple(d for d in SUBJECT_DEPS if d != "csubj"))


def _make(verb: Token, obj_tokens: list[Token], cue_tokens: list[Token], note: str) -> Optional[Attribution]:
    subj = _subject(verb)
    if subj is None or not obj_tokens:
        return None
    if subj.dep_ == "agent":  # "responsibility was claimed by X": X is the agent's object
        objs = [c for c in subj.children if c.dep_ == "pobj"]
        if not objs:
            return None
        subj = objs[0]
    # "No group has claimed responsibility" / "X did not claim it": nobody said anything.
    if subj.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children) \
            or any(c.dep_ == "neg" for c in verb.children):
        return None
    # "the Army, which denied any involvement": the speaker is what "which" stands for.
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head
    cs, ce = _subtree_chars(obj_tokens)
    # Strip a trailing comma or period the subtree may end on.
    text = index.text(verb.doc)
    while ce > cs and text[ce - 1] in ",.;:":
        ce -= 1
    first = min(t.i for t in obj_tokens)
    last = max(t.i for t in obj_tokens) + 1
    a = Attribution([(cs, ce)], [(first, last)], 0, notes=[note, "rule"])
    a.cue = _subtree_chars(cue_tokens)
    a.cue_tok = (min(t.i for t in cue_tokens), max(t.i for t in cue_tokens) + 1)
    sub = [t for t in subj.subtree if not (t.dep_ in ("appos", "relcl") and t.head == subj)]
    sub = [t for t in sub if t.i < verb.i] or [subj]
    a.source = _subtree_chars([t for t in sub])
    return a


def _object_subtree(tok: Token) -> list[Token]:
    return [t for t in tok.subtree if not t.is_space]


def responsibility_statements(doc: Doc) -> list[Attribution]:
    """Claims of responsibility, accusations and attributions read from the parse."""
    out: list[Attribution] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        kids = list(verb.children)
        if lemma in CLAIM_VERBS:
            for c in kids:
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_OBJECTS:
                    # "responsibility for the attack": the "for" phrase names what was claimed.
                    toks = [c] + [t for k in list(c.children) + kids if k.dep_ == "prep" and k.lower_ == "for"
                                  for t in _object_subtree(k)]
                    a = _make(verb, toks, [verb], "claim_of_responsibility")
                    if a:
                        out.append(a)
        elif lemma in ACCUSE_VERBS:
            objs = [c for c in kids if c.dep_ == "dobj"]
            extra = [c for c in kids if c.dep_ == "prep" and c.lower_ in ("of", "for")]
            if objs:
                toks = _object_subtree(objs[0]) + [t for p in extra for t in _object_subtree(p)]
                a = _make(verb, toks, [verb], "accusation")
                if a:
                    out.append(a)
        elif lemma in POINT_VERBS and not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            # Active voice only: "Ukraine was linked to the attack" reports no one's attribution.
            prep = POINT_VERBS[lemma]
            for c in kids:
                if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                    toks = _object_subtree(c)[1:]
                    toks += [t for p in kids if p.dep_ == "prep" and p.lower_ == "as" for t in _object_subtree(p)]
                    objs = [k for k in kids if k.dep_ == "dobj"]
                    # "attributed the attack to X": the party is X; the object is what was done.
                    if toks:
                        a = _make(verb, toks, [verb, c], "attribution")
                        if a:
                            out.append(a)
        elif lemma in DENY_VERBS:
            objs = [c for c in kids if c.dep_ in ("dobj", "ccomp")]
            if objs:
                a = _make(verb, _object_subtree(objs[0]), [verb], "denial")
                if a:
                    out.append(a)
        elif lemma in HOLD_VERBS:
            objs = [c for c in kids if c.dep_ == "dobj"]
            comp = [c for c in kids if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
                    and c.lemma_.lower() in ("responsible", "accountable", "liable")]
            if objs and comp:
                a = _make(verb, _object_subtree(objs[0]) + _object_subtree(comp[0]), [verb], "attribution")
                if a:
                    out.append(a)
    return out


def according_to_statements(doc: Doc) -> list[Attribution]:
    """`According to X, …` / `…, according to X.`: the rest of the sentence is X's content."""
    out: list[Attribution] = []
    for t in doc:
        if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        to = doc[t.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        sent = sentence(doc, t.i)
        pp_end = max(x.i for x in objs[0].subtree) + 1
        words = [x for x in sent if not x.is_space and not x.is_punct]
        if not words:
            continue
        if t.i <= words[0].i:  # at the start: the content follows
            body = [x for x in doc[pp_end:sent.end] if not x.is_space]
        else:  # at the end (or inside): the content precedes
            body = [x for x in doc[sent.start:t.i] if not x.is_space]
        while body and body[0].is_punct:
            body.pop(0)
        while body and body[-1].is_punct:
            body.pop()
        if len(body) < 3:
            continue
        a = Attribution([(body[0].idx, body[-1].idx + len(body[-1].text))], [(body[0].i, body[-1].i + 1)], 0,
                        notes=["according", "rule"])
        a.cue = (t.idx, to.idx + len(to.text))
        a.cue_tok = (t.i, to.i + 1)
        a.source = _subtree_chars(list(objs[0].subtree))
        out.append(a)
    return out



def trailing_statements(doc: Doc) -> list[Attribution]:
    """`<clause>, X said.` / `<clause>, said X.`: the clause before the comma is X's content."""
    out: list[Attribution] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        if len(toks) < 6:
            continue
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if not commas:
            continue
        k = commas[-1]
        tail = toks[k + 1:]
        if not 2 <= len(tail) <= 8:
            continue
        verbs = [t for t in tail if t.lemma_.lower() in TRAILING_CUES and t.pos_ in ("VERB", "AUX")]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c in tail]
        if not subj:
            continue
        body = toks[:k]
        while body and body[0].is_punct:
            body = body[1:]
        if not body:  # the comma opens the sentence: there is no clause before it
            continue
        a = Attribution([(body[0].idx, body[-1].idx + len(body[-1].text))], [(body[0].i, body[-1].i + 1)], 0,
                        notes=["trailing", "rule"])
        a.cue = (verb.idx, verb.idx + len(verb.text))
        a.cue_tok = (verb.i, verb.i + 1)
        a.source = _subtree_chars([t for t in subj[0].subtree if t in tail])
        out.append(a)
    return out


PARENTHETICAL_CUES = TRAILING_CUES | {"think", "predict", "suggest", "contend", "recall", "acknowledge", "add",
                                      "continue", "tell", "explain", "maintain", "stress", "emphasize", "noted"}


def parenthetical_statements(doc: Doc) -> list[Attribution]:
    """`A, X said, B.`: an attribution set off by commas inside the sentence it reports; the
    content is the sentence around it (two pieces), the source X."""
    out: list[Attribution] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in "\"”'":
            toks.pop()
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        for k1, k2 in zip(commas, commas[1:]):
            mid = toks[k1 + 1:k2]
            if not 2 <= len(mid) <= 7 or k1 < 1 or len(toks) - k2 < 4:
                continue
            verbs = [t for t in mid if t.pos_ in ("VERB", "AUX")]
            if len(verbs) != 1 or verbs[0].lemma_.lower() not in PARENTHETICAL_CUES:
                continue
            verb = verbs[0]
            vk = mid.index(verb)
            # "X said" or "X said on Tuesday" / "said X"
            subj = [t for t in mid if t.dep_ in ("nsubj", "nsubjpass") and t.head == verb]
            if not subj or any(t.is_punct for t in mid) or len(mid) - vk > 4:
                continue
            src = [t for t in subj[0].subtree if t in mid]
            left, right = toks[:k1], toks[k2 + 1:]
            if any(t.text in "\"“”" for t in left[:1]):
                continue  # a quotation: the quote rules own it
            a = Attribution([(left[0].idx, left[-1].idx + len(left[-1].text)),
                             (right[0].idx, right[-1].idx + len(right[-1].text))],
                            [(left[0].i, left[-1].i + 1), (right[0].i, right[-1].i + 1)], 0,
                            notes=["parenthetical", "rule"])
            a.cue = (verb.idx, verb.idx + len(verb.text))
            a.cue_tok = (verb.i, verb.i + 1)
            a.source = _subtree_chars(src)
            out.append(a)
            break
    return out


_TITLE_COLON = re.compile(r"^(?P<src>[A-Z][^:\n]{1,40}?):\s+(?P<body>[^\n]{8,}?)[.\s]*$")
_TITLE_SAYS = re.compile(r"^(?P<src>[A-Z][^\n]{1,60}?)\s+(?P<cue>Says|Say|Warns|Warn|Claims|Claim|Insists|Vows)\s+"
                         r"(?P<body>[^\n]{8,}?)[.\s]*$")


def title_statements(doc: Doc) -> list[Attribution]:
    """A headline as first line: `Source: what they said` or `Source Says What`."""
    text = index.text(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if not line or len(line) > 200:
        return []
    m = _TITLE_SAYS.match(line) or _TITLE_COLON.match(line)
    if not m:
        return []
    a = Attribution([(start + m.start("body"), start + m.end("body"))], [], 0, notes=["title", "rule"])
    span = doc.char_span(*a.pieces[0], alignment_mode="expand")
    if span is None:
        return []
    a.tok_pieces = [(span.start, span.end)]
    a.source = (start + m.start("src"), start + m.end("src"))
    if "cue" in m.groupdict() and m.group("cue"):
        a.cue = (start + m.start("cue"), start + m.end("cue"))
    else:
        a.cue = (start + m.end("src"), start + m.end("src") + 1)
    return [a]
