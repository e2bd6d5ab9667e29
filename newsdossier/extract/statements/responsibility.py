"""Attributions read from the parse by rule, where the tagger is known to miss or split them.

- `responsibility_statements`: news about attacks reports responsibility with verbs that are not
  reporting verbs: a group "claimed responsibility" or "took credit", governments "blamed",
  "accused", "pointed to" or "held responsible" a party, and the party "denied" it. The verbs are
  read by `extract/responsibility_verbs.py` (which the incidents stage reads too); here each
  becomes a statement: content the verb's object, cue the verb, source its subject.
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
from .. import responsibility_verbs
from ..lexicon.reporting import TRAILING_CUES
from ..responsibility_verbs import VerbReading
from .segments import Attribution


def _subtree_chars(tokens: list[Token]) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    start, last = toks[0], toks[-1]
    return start.idx, last.idx + len(last.text)


# A reading's kind -> the statement note `statement_types` reads as the statement's type.
_NOTES = {"claim": "claim_of_responsibility", "deny": "denial", "accuse": "accusation",
          "attribute": "attribution", "hold": "attribution"}


def _statement(r: VerbReading) -> Optional[Attribution]:
    """A reading as a statement: content what was claimed or imputed, cue the verb, source the speaker."""
    subj = r.speaker
    if subj is None or not r.content or r.negated:  # "X did not claim it": nobody said anything
        return None
    if r.kind == "accuse" and r.obj is None:  # "blamed on X" with nothing blamed: no content
        return None
    # Active voice only for attributions: "Ukraine was linked to the attack" reports no one's.
    if r.kind == "attribute" and r.passive:
        return None
    obj_tokens = list(r.content)
    cs, ce = _subtree_chars(obj_tokens)
    # Strip a trailing comma or period the subtree may end on.
    text = index.text(r.verb.doc)
    while ce > cs and text[ce - 1] in ",.;:":
        ce -= 1
    a = Attribution([(cs, ce)], [(obj_tokens[0].i, obj_tokens[-1].i + 1)], 0, notes=[_NOTES[r.kind], "rule"])
    a.cue = _subtree_chars(list(r.cue))
    a.cue_tok = (r.cue[0].i, r.cue[-1].i + 1)
    # What follows the subject's head to say more of it ("the Legion, which denied", "Ms Hale, a
    # lawyer") is not the speaker's name; a name the parser hung before its head is.
    aside = {t.i for c in subj.children if c.dep_ in ("appos", "relcl") and c.i > subj.i for t in c.subtree}
    sub = [t for t in subj.subtree if t.i not in aside]
    while len(sub) > 1 and sub[-1].is_punct:  # "the Legion, which denied": no trailing comma
        sub.pop()
    # The words of the subject before the verb ("X, a group that ..., claimed"); a subject after it
    # (the passive's agent, "was claimed by X") is its whole phrase.
    sub = [t for t in sub if t.i < r.verb.i] or sub
    a.source = _subtree_chars(sub)
    return a


def responsibility_statements(doc: Doc) -> list[Attribution]:
    """Claims of responsibility, accusations, attributions and denials, read by `responsibility_verbs`."""
    return [a for a in (_statement(r) for r in responsibility_verbs.read(doc)) if a is not None]


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
            if subj[0].tag_ in ("WDT", "WP"):
                continue  # "X, which claimed the attack, has ...": a relative clause, not "X said" set off
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
