"""Statement type, targets, anonymity of the source and the article's own corroboration marks.

Types follow the cue and the content (general reporting-verb knowledge, no article-specific rule):
claim_of_responsibility ("claimed responsibility", "took credit"), denial ("denied"),
accusation ("accused", "blamed", a suggested or alleged link), attribution (someone says a party
did it: "pointed to", "X was behind"), warning ("warned"), question ("asked", a quoted question),
assessment (beliefs, estimates, conclusions), other.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ...analyze.chunks import noun_chunks
from ...analyze.index import ents_in, sentence
from ...records import Span, Speaker
from ..context import Context
from ..lexicon.reporting import (ACCUSATION_CUES, ASSESSMENT_ADJECTIVES, ASSESSMENT_CUES, ATTRIBUTION_CUES,
                                 CLAIM_CUES, DENIAL_CUES, EVALUATION_CUES, NAMING_CUES, QUESTION_CUES,
                                 WARNING_CUES)

if TYPE_CHECKING:
    from .segments import Attribution


_RESPONSIBILITY = re.compile(
    r"\b(responsib\w*|credit|behind|perpetrat\w*|carried out|orchestrat\w*|masterminded|"
    r"link(ed)? to|linked|involved in|involvement|sponsor\w*|instigat\w*|committed)\b", re.I)
_CLAIM = re.compile(r"\b(responsibility|credit)\b", re.I)
_WARNING = re.compile(r"(an?|the|its|their|his|her)?\s*(\w+\s+){0,2}(warnings?|alerts?|advisory|advisories)\b", re.I)
_NEGATED = re.compile(r"\b(not|no|never|nothing to do|n't)\b", re.I)

_ANON_FIRST = {"a", "an", "one", "two", "three", "four", "several", "some", "many", "other", "another",
               "senior", "top", "officials", "sources", "people", "experts", "analysts", "diplomats",
               "witnesses", "residents"}
_ANON_ROLE = re.compile(
    r"\b(officials?|sources?|aides?|people|persons?|diplomats?|spokes(wo)?m[ae]n|spokesperson|insiders?|"
    r"analysts?|experts?|investigators?|officers?|witnesses|residents|members?|advisers?|advisors?)\b", re.I)

# A next sentence that is about the statement itself ("The claim could not be verified.").
_ABOUT_CLAIM = re.compile(
    r"\s*(the|this|that|these|those|such|neither|none of the|it|its)\s+((\w+\s+){0,2}(claims?|reports?|statements?|"
    r"allegations?|accounts?|assertions?|figures?|videos?|footage|information)\b|could|can|has|was|is)", re.I)

# Capitalised words that qualify an anonymous source without naming it: "a U.S. official", "a
# senior Western diplomat", "a White House aide".
_ANON_NAMELIKE = re.compile(r"^([A-Z]\.)+,?$|^[A-Z][a-z]+(an|ish|ese|i|ic)$|^(White|House|Western|Arab|European|State|"
                            r"Department|Pentagon|Kremlin|Congressional|Senate|Police|Army|Navy|Defense|Interior)$")

CORROBORATION_MARKS = (
    ("uncorroborated", re.compile(
        r"\b(uncorroborated|(have|has|had) not been (independently )?(corroborated|confirmed)|"
        r"(were|was|is|are) not (independently )?(corroborated|confirmed)|without (providing )?(any )?evidence|"
        r"(provided|offered|gave) no evidence|no evidence (was|has been) (provided|offered))\b", re.I)),
    ("unverified", re.compile(
        r"\b(unverified|could not (be )?(independently )?verif(y|ied)|can ?not (be )?(independently )?verif(y|ied)|"
        r"(was|were|is|are) unable to (independently )?verify|(have|has|had) not been (independently )?verified|"
        r"not (be )?independently verified)\b", re.I)),
    ("disputed", re.compile(r"\b(disputed|contested|denied by|rejected by)\b", re.I)),
    ("corroborated", re.compile(
        r"\b((has|have|was|were) been (independently )?(corroborated|confirmed) by|corroborated by|"
        r"independently (confirmed|verified))\b", re.I)),
)


def _cue_tokens(ctx: Context, cue: Optional[Span]) -> list:
    """The tokens of the cue ("took credit", "then suggested"), none without one."""
    if cue is None:
        return []
    span = ctx.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return list(span) if span is not None else []


_ARGUMENT_PREPS = {"of", "for", "in", "behind", "to", "with", "by"}


def _blame_argument(tok):
    """What a responsibility word is about: the object of "behind", "sponsors of", "responsible
    for", "linked to", or the object or passive subject of "perpetrated", "committed"."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "pobj"):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _ARGUMENT_PREPS:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    # The parser often hangs "of X" on the first of two coordinated nouns ("accomplices of terror
    # and sponsors of terrorism"): the words right after it still say what it is about.
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in _ARGUMENT_PREPS and doc[tok.i + 1].pos_ == "ADP":
        return doc[tok.i + 2]
    return None


def _generic(noun) -> bool:
    """A bare common noun with nothing that picks out one thing ("terrorism", "terror",
    "violence"): it names a kind of act, not the incident the article reports."""
    if noun.pos_ != "NOUN":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod", "prep", "acl", "relcl", "conj")
                   for c in noun.children)


def _about_blame(ctx: Context, start: int, content: str) -> bool:
    """Whether the content says who is behind something. "sponsors of terrorism" or
    "accomplices of terror" speak of a kind of act, not of who did this one: a responsibility word
    whose object is a generic noun does not make the statement an attribution."""
    for m in _RESPONSIBILITY.finditer(content):
        span = ctx.doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")
        if span is None or not len(span):
            return True
        arg = _blame_argument(span[0]) if len(span) == 1 else None
        if arg is None or not _generic(arg):
            return True
    return False


def classify(ctx: Context, a: "Attribution", cue: Optional[Span], speaker: Optional[Speaker]) -> str:
    """One of `records.STATEMENT_TYPES` for the attribution."""
    tokens = _cue_tokens(ctx, cue)
    lemmas = {t.lemma_.lower() for t in tokens}
    content = ctx.text[a.start:a.end]
    cue_text = cue.text.lower() if cue else ""
    if "denial" in a.notes:
        return "denial"
    if "claim_of_responsibility" in a.notes or (lemmas & CLAIM_CUES and _CLAIM.search(cue_text + " " + content[:40])):
        return "claim_of_responsibility"
    if lemmas & DENIAL_CUES:
        return "denial"
    about_blame = _about_blame(ctx, a.start, content)
    asks = bool(lemmas & QUESTION_CUES) and "assertion" not in a.notes  # kinds.split_by_kind
    if asks:
        return "question"
    if "accusation" in a.notes or (lemmas & (ACCUSATION_CUES - {"suggest", "hint", "imply"})
                                   and not _condemns_an_act(tokens, lemmas)):
        return "accusation"
    if "attribution" in a.notes or lemmas & ATTRIBUTION_CUES:
        return "attribution"
    if about_blame:
        if lemmas & {"suggest", "hint", "imply", "claim", "allege", "insinuate"}:
            return "accusation"
        if _NEGATED.search(content[:60]) and lemmas & {"say", "insist", "maintain"}:
            return "denial"
        return "attribution"
    if lemmas & WARNING_CUES or (lemmas & {"issue", "give", "send", "publish"} and _WARNING.match(content)):
        return "warning"
    if asks or content.rstrip(" \"”’'").endswith("?"):
        return "question"
    if lemmas & ASSESSMENT_CUES or lemmas & EVALUATION_CUES or _judgement(ctx, a.start, a.end) \
            or (lemmas & NAMING_CUES and _names_as(tokens)):
        return "assessment"
    return "other"


def _condemns_an_act(tokens: list, lemmas: set[str]) -> bool:
    """"condemned the attack" judges an act; "condemned the Front for the attack" accuses a party:
    only a "condemn" whose object names no one and that says for what is no accusation."""
    if lemmas & ACCUSATION_CUES != {"condemn"}:
        return False
    verb = next((t for t in tokens if t.lemma_.lower() == "condemn"), None)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return False
        if c.dep_ == "dobj" and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
            return False
    return True


def _names_as(tokens: list) -> bool:
    """"called the attack a cowardly act", "described him as a hero": the verb of naming has its
    second part (an object predicate, or "as" with its object)."""
    for verb in tokens:
        if verb.lemma_.lower() not in NAMING_CUES:
            continue
        for c in verb.children:
            if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"):
                return True
            if c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" for g in c.children):
                return True
    return False


def _judgement(ctx: Context, start: int, end: int) -> bool:
    """Whether the content's first clause is the speaker's judgement: "It is clear that ...",
    "We believe ...", "I think ..." (the cue may be a plain "said" or "asked")."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    # The content's first sentence, from where the content starts: a quotation may share its
    # sentence with the cue ("Putin asked. “It is clear ...") or hold several sentences.
    root = ctx.doc[span.start:min(span.end, sentence(ctx.doc, span[0].i).end)].root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "expl")]
    if root.lemma_ == "be" and any(s.lower_ == "it" for s in subjects):
        return any(c.dep_ == "acomp" and c.lower_ in ASSESSMENT_ADJECTIVES
                   and any(g.dep_ in ("ccomp", "xcomp") for g in list(c.children) + list(root.children))
                   for c in root.children)
    if not any(s.lower_ in ("i", "we") for s in subjects) or not _present(root):
        return False  # "I thought I was going to die" tells what one thought then
    if root.lemma_ == "be":  # "I am confident that ..."
        return any(c.dep_ == "acomp" and c.lower_ in ("confident", "sure", "convinced", "certain")
                   for c in root.children)
    return root.lemma_ in ASSESSMENT_CUES and any(c.dep_ == "ccomp" for c in root.children)


def _present(verb) -> bool:
    """Present tense, plain or with do-support ("I think", "I don't think"), not "could believe"."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_ == "do" and c.tag_ in ("VBP", "VBZ")
                                     for c in verb.children)


def anonymous_source(text: str) -> bool:
    """A source that names nobody: "a U.S. official", "sources close to …", "two people familiar"."""
    words = text.split()
    if not words:
        return False
    first = words[0].lower()
    if first in ("a", "an", "one", "two", "three", "four", "several", "some", "many", "another"):
        # An indefinite description names nobody unless a name follows ("a U.S. official" does not).
        return not any(w[:1].isupper() and not _ANON_NAMELIKE.match(w) for w in words[1:])
    return first in _ANON_FIRST and bool(_ANON_ROLE.search(text))


def targets(ctx: Context, a: "Attribution", speaker: Optional[Speaker]) -> tuple[str, ...]:
    """Entity ids mentioned inside the content (in order of first mention), not the speaker's own."""
    if ctx.entities is None:
        return ()
    found: list[str] = []
    spans = []
    for s, e in a.pieces:
        span = ctx.doc.char_span(s, e, alignment_mode="contract")
        if span is None:
            continue
        spans.extend((ent.start_char, ent.end_char) for ent in ents_in(span))
        spans.extend((nc.start_char, nc.end_char) for nc in noun_chunks(span))
    for s, e in a.pieces:
        spans.extend((ms, me) for ms, me, _, kind in ctx.entities.mentions_in(s, e) if kind != "pronoun")
    for s, e in sorted(spans):
        eid = ctx.entities.resolve(s, e)
        if eid and eid not in found and (speaker is None or eid != speaker.entity):
            found.append(eid)
    return tuple(found)


def corroboration(ctx: Context, a: "Attribution") -> Optional[tuple[str, Span, Optional[int]]]:
    """The article's own mark on the statement: (label, evidence, new content end or None).

    The mark is searched from the content to the end of its sentence (and a short next sentence).
    A mark the tagger swallowed into the content ("… escaped — claims that have not been
    corroborated") is cut off it: the third value is where the content should end.
    """
    text = ctx.text
    doc = ctx.doc
    last = doc.char_span(a.end - 1, a.end, alignment_mode="expand")
    if last is None or not len(last):  # the content ends on whitespace that belongs to no token
        return None
    sent = sentence(doc, last[0].i)
    lo, hi = a.start, sent.end_char
    # A mark may also open the next sentence ("The claim could not be verified.").
    if sent.end < len(doc):
        nxt = sentence(doc, sent.end)
        if len(nxt) <= 25 and _ABOUT_CLAIM.match(nxt.text):
            hi = nxt.end_char
    window = text[lo:hi]
    for label, rx in CORROBORATION_MARKS:
        for m in rx.finditer(window):
            ms, me = lo + m.start(), lo + m.end()
            # The evidence runs from the clause start ("— claims that …", ", a claim that …").
            cs = ms
            while cs > lo and text[cs - 1] not in "—–,;.:(\n":
                cs -= 1
            new_end = None
            if ms < a.end:
                if cs <= lo or text[cs - 1] not in "—–,;(":
                    continue  # inside the content and not a clause of its own: part of what was said
                new_end = cs - 1
                while new_end > a.start and text[new_end - 1].isspace():
                    new_end -= 1
            while cs < ms and text[cs].isspace():
                cs += 1
            return label, ctx.span(cs, me), new_end
    return None
