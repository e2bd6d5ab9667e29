"""Statements: who said, believed or intended what, with the speaker resolved (`statements.v1`).

`extract_statements(ctx)` runs, in order:
1. `quotes.find_quotes`: quotation marks paired into quoted spans (multi-paragraph ones linked);
2. `tagger.Tagger.tag`: a CRF trained on PolNeAR tags source / cue / content tokens;
3. `linker.attributions`: contents snapped to quotations, split quotes joined, each content
   linked to its cue and source;
4. `kinds.split_by_kind`: a content that asks and then asserts becomes one statement per run;
5. `statement_types`: type, targets and the article's own corroboration marks;
6. records: `Statement` with ids s1, s2, … in text order; the speaker resolved through
   `ctx.entities` when the entity stage ran.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate
from typing import Optional

from ...analyze import index
from ...analyze.actors import PRONOUNS
from ...analyze.components import inverted_quotative
from ...analyze.index import sentence
from ...records import Span, Speaker, Statement
from ..context import Context
from ..responsibility_verbs import NOBODY
from .clauses import cue_verb
from .kinds import split_by_kind
from .linker import attributions
from .quotes import find_quotes
from .responsibility import (according_to_statements, parenthetical_statements, responsibility_statements,
                             title_statements, trailing_statements)
from .segments import Attribution
from .statement_types import anonymous_source, classify, corroboration, targets
from .tagger import load_tagger

log = logging.getLogger(__name__)

EXTRACTOR = "statements.v1"
QUOTE_MARKS = "\"“”«»"


def extract_statements(ctx: Context) -> tuple[Statement, ...]:
    """Every attribution of the article, in text order, as `Statement` records."""
    text = ctx.text
    if not text.strip():
        return ()
    doc = ctx.doc
    quotes = find_quotes(index.text(doc))
    tagger = load_tagger()
    tags, probs = tagger.tag(doc, quotes)
    atts = [a for a in attributions(doc, tags, probs, quotes, tagger.cue_p, tagger.frames, tagger.keep)
            if not _telephoned(doc, a)]
    atts = _with_responsibility(atts, responsibility_statements(doc), ctx)
    atts = _with_parenthetical(atts, parenthetical_statements(doc), ctx)
    atts = _with_fallback(atts, according_to_statements(doc) + trailing_statements(doc)
                          + title_statements(doc), ctx)
    atts = split_by_kind(doc, atts)
    built = [st for st in (_statement(ctx, a, "") for a in atts) if st is not None]
    kept = _continued_speakers(ctx, _outside_marks(built))
    return tuple(st.model_copy(update={"id": f"s{k}"}) for k, st in enumerate(kept, start=1))


# "call" reports speech when it names ("called the shooting a tragedy") or demands ("called for
# calm", "called on the army to withdraw"); it says nothing when it telephones ("called 911", "call
# Crime Stoppers at 800-...", "called police to check on the couple"), summons ("were called to the
# scene") or convenes ("called a special meeting").
_CALL_LEMMAS = {"call", "phone", "dial", "telephone"}
_CALL_DEMANDS = {"for", "on"}
_CONVENED = {"meeting", "hearing", "election", "vote", "session", "conference", "summit", "strike", "hall",
             "timeout", "recess", "referendum", "caucus"}
_PHONE_NUMBER = re.compile(r"\d{3}[\s.)-]*\d{3,4}|\b911\b|1-800|\b\d{3}-[A-Z]{4}\b")


def _telephoned(doc, a) -> bool:
    """Whether the attribution's cue is a call that says nothing: a telephone call, a summons or a
    meeting called, with no naming, demand or quotation."""
    if a.quote:
        return False
    verb = cue_verb(doc, a)
    if verb is None or verb.lemma_.lower() not in _CALL_LEMMAS:
        return False
    content = doc.text[a.start:a.end]
    if any(q in content for q in "\"“”‘’"):
        return False  # words quoted: what someone was called ("calls them 'losers'")
    if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in _CALL_DEMANDS:
        return False  # "called for the nominee to be taken ...", however "for" is attached
    children = list(verb.children)
    if any(c.dep_ in ("oprd", "ccomp", "parataxis") for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    if any(g.i > o.i and g.dep_ in ("amod", "acomp", "oprd") and g.pos_ in ("ADJ", "VERB")
           for o in objects for g in o.children):
        return False  # "called the charges unsubstantiated": a predicate after the object
    return bool(_PHONE_NUMBER.search(content)
                or any(o.like_num or o.lemma_.lower() in _CONVENED for o in objects)
                or (objects and any(c.dep_ == "xcomp" for c in children))  # "called police to check on ..."
                or (any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "prep" for c in children)))


CONTINUED_CHARS = 300  # how far back "he added" may reach for the last named speaker


def _continued_speakers(ctx: Context, built: list[Statement]) -> list[Statement]:
    """"...," he added.": a "he" or "she" the actors left unresolved (the name is more than a couple
    of sentences back, across the quotation's own sentences) goes to the previous statement's
    speaker, when that is a person the article names, spoke within `CONTINUED_CHARS`, no other
    person or organisation is named in between, and no pronoun of the other gender already stands
    for them."""
    if ctx.entities is None:
        return built
    out: list[Statement] = []
    last: Optional[tuple[str, int]] = None  # (entity id, where its statement ends)
    for st in built:
        sp = st.speaker
        if sp is not None and sp.entity is None and sp.text.lower() in ("he", "she") and last is not None \
                and sp.start - last[1] <= CONTINUED_CHARS and _may_continue(ctx, last, sp):
            sp = sp.model_copy(update={"entity": last[0]})
            st = st.model_copy(update={"speaker": sp})
        if sp is not None and sp.entity is not None and ctx.entities.entity(sp.entity).type == "person":
            last = (sp.entity, max(st.content.end, sp.end))
        elif sp is not None and not sp.anonymous and sp.text.lower() not in ("he", "she"):
            last = None  # someone else spoke, whoever it was
        out.append(st)
    return out


def _may_continue(ctx: Context, last: tuple[str, int], sp: Speaker) -> bool:
    eid, end = last
    if any(kind in ("name", "title", "descriptor") and other != eid
           and ctx.entities.entity(other).type in ("person", "organization")
           for _, _, other, kind in ctx.entities.mentions_in(end, sp.start)):
        return False  # someone named in between may be the one meant (the NER reads many a surname as an organisation)
    genders = {PRONOUNS[m.text.lower()] for m in ctx.entities.entity(eid).mentions
               if m.kind == "pronoun" and m.text.lower() in PRONOUNS}
    return not genders or genders == {PRONOUNS[sp.text.lower()]}


class _Attributions:
    """The attributions found so far, with their characters (content span and cue) in buckets,
    so that "which ones overlap this span" costs the neighbourhood and not the article: an
    article with thousands of statements would otherwise spend minutes merging the rule-read
    ones in. `items` keeps the list's order (removed ones dropped), as plain list operations would.
    """

    BUCKET = 256  # characters

    def __init__(self, atts: list[Attribution]):
        self._order: list[Attribution] = []
        self._removed: set[int] = set()
        self._buckets: dict[int, dict[int, Attribution]] = defaultdict(dict)
        for a in atts:
            self.append(a)

    def _keys(self, ranges) -> range:
        lo = min(s for s, _ in ranges)
        hi = max(max(s, e - 1) for s, e in ranges)
        return range(lo // self.BUCKET, hi // self.BUCKET + 1)

    def _ranges(self, a: Attribution) -> list[tuple[int, int]]:
        return [(a.start, a.end)] + ([a.cue] if a.cue is not None else [])

    def append(self, a: Attribution) -> None:
        self._order.append(a)
        for k in self._keys(self._ranges(a)):
            self._buckets[k][id(a)] = a

    def remove(self, a: Attribution) -> None:
        self._removed.add(id(a))
        for k in self._keys(self._ranges(a)):
            self._buckets[k].pop(id(a), None)

    def near(self, lo: int, hi: int) -> list[Attribution]:
        """Every attribution whose content or cue may overlap [lo, hi) (a superset, in no order)."""
        found: dict[int, Attribution] = {}
        for k in self._keys([(lo, hi)]):
            found.update(self._buckets.get(k, {}))
        return list(found.values())

    def items(self) -> list[Attribution]:
        return [a for a in self._order if id(a) not in self._removed]


def _with_responsibility(atts: list[Attribution], extra: list[Attribution], ctx: Context) -> list[Attribution]:
    """Add the parse-read responsibility statements; they replace tagged attributions whose content
    or cue overlaps theirs (the rule knows the verb's object better than the tagger)."""
    found = _Attributions(atts)
    for r in extra:
        lo = min(r.start, r.cue[0]) if r.cue else r.start
        hi = max(r.end, r.cue[1]) if r.cue else r.end
        clash = [a for a in found.near(lo, hi) if a.start < hi and lo < a.end
                 or (a.cue is not None and a.cue[0] < hi and lo < a.cue[1])]
        if any(len(a.pieces) > 1 or a.quote for a in clash):
            continue  # a quotation is what it is; the rule only reads plain sentences
        if any(a.start <= lo and hi <= a.end and _frames(ctx, a, r) for a in clash):
            continue  # the verb sits inside what someone else said: part of that content
        for a in clash:
            found.remove(a)
        found.append(r)
    return sorted(found.items(), key=lambda a: a.start)


def _with_parenthetical(atts: list[Attribution], extra: list[Attribution], ctx: Context) -> list[Attribution]:
    """`A, X said, B.` replaces the tagger's plain contents in that sentence (it tends to take one
    side only), never a quotation."""
    found = _Attributions(atts)
    for r in extra:
        clash = [a for a in found.near(r.start, r.end) if a.start < r.end and r.start < a.end]
        if any(a.quote or len(a.pieces) > 1 or a.start < r.start - 1 or a.end > r.end + 1 for a in clash):
            continue
        for a in clash:
            found.remove(a)
        found.append(r)
    return sorted(found.items(), key=lambda a: a.start)


def _frames(ctx: Context, outer: Attribution, inner: Attribution) -> bool:
    """`outer`'s cue introduces the sentence that holds `inner` ("X suggested that Y was linked")."""
    if outer.cue is None or inner.cue is None or outer.cue[0] >= inner.cue[0]:
        return False
    sent = ctx.doc.char_span(inner.cue[0], inner.cue[1], alignment_mode="expand")
    # A cue of whitespace only gives an empty span (found by the property test of the merges).
    return sent is not None and len(sent) > 0 and sentence(ctx.doc, sent[0].i).start_char <= outer.cue[0]


def _with_fallback(atts: list[Attribution], extra: list[Attribution], ctx: Context) -> list[Attribution]:
    """Add rule-read attributions only where the tagger found no content overlapping theirs."""
    found = _Attributions(atts)
    for r in extra:
        if any(a.start < r.end and r.start < a.end for a in found.near(r.start, r.end)):
            continue
        found.append(r)
    return sorted(found.items(), key=lambda a: a.start)


def _outside_marks(built: list[Statement]) -> list[Statement]:
    """The statements that are not a corroboration remark about another ("a claim that could not
    be verified" is about a statement, not one): not inside any statement's mark (one character
    of slack). Marks sorted by start with the furthest end so far, so each test is a bisection."""
    marks = sorted((st.corroboration_evidence.start, st.corroboration_evidence.end) for st in built
                   if st.corroboration_evidence is not None)
    starts = [m[0] for m in marks]
    reach = list(accumulate((m[1] for m in marks), max))
    kept = []
    for st in built:
        k = bisect_right(starts, st.content.start)
        if not (k and st.content.end <= reach[k - 1] + 1):
            kept.append(st)
    return kept


def _kind(text: str, a: Attribution) -> str:
    if a.quote:
        return "direct"
    body = text[a.start:a.end]
    return "mixed" if any(ch in body for ch in QUOTE_MARKS) else "indirect"


def _speaker(ctx: Context, span: Optional[tuple[int, int]]) -> Optional[Speaker]:
    if span is None:
        return None
    s, e = span
    text = ctx.text
    # Trim spaces and trailing punctuation the token bounds may carry ("PENCE:" -> "PENCE").
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in ".)":
        e -= 1
    if e <= s:
        return None
    if ctx.entities is not None:
        # "Edda Morn, the mayor of Tarnow Vale": the first mention inside the span is the speaker;
        # resolving the whole span would pick whichever mention in it is longest.
        inside = sorted((ms, -me) for ms, me, _, _ in ctx.entities.mentions_in(s, e))
        ms, me = (inside[0][0], -inside[0][1]) if inside else (s, e)
        sp = ctx.entities.speaker(ms, me)
        anonymous = sp.anonymous or (sp.entity is None and anonymous_source(text[s:e]))
        return Speaker(start=s, end=e, text=text[s:e], entity=sp.entity, anonymous=anonymous)
    return Speaker(start=s, end=e, text=text[s:e], entity=None, anonymous=anonymous_source(text[s:e]))


def _without_dangling_conjunction(ctx: Context, start: int, end: int) -> int:
    """The end of a plain content without the "and"/"but" (and comma) that joined it to the next
    clause: "that the robbers tried to reach the coast and" ends at "coast"."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 3:
        return end
    toks = [t for t in span if not t.is_space]
    cut = len(toks)
    while cut > 1 and (toks[cut - 1].pos_ == "CCONJ" or toks[cut - 1].text in (",", ";")):
        cut -= 1
    if cut == len(toks) or cut < 2:
        return end
    return toks[cut - 1].idx + len(toks[cut - 1].text)


_RESPONSIBILITY_TYPES = frozenset({"claim_of_responsibility", "denial", "accusation", "attribution"})


def _says_nobody(speaker: str) -> bool:
    words = speaker.lower().split()
    return bool(words) and (words[0] in NOBODY or words[0] == "no" or words[:2] == ["no", "one"])


def _statement(ctx: Context, a: Attribution, sid: str) -> Optional[Statement]:
    text = ctx.text
    corr = corroboration(ctx, a)
    if corr is not None and corr[2] is not None and corr[2] > a.pieces[-1][0]:
        a.pieces[-1] = (a.pieces[-1][0], corr[2])
    a.pieces[-1] = (a.pieces[-1][0], _without_dangling_conjunction(ctx, *a.pieces[-1]))
    start, end = a.start, a.end
    if end <= start:
        return None
    content = ctx.span(start, end)
    parts = tuple(ctx.span(s, e) for s, e in a.pieces) if len(a.pieces) > 1 else ()
    _uninvert(ctx, a)
    cue = ctx.span(*a.cue) if a.cue is not None else None
    speaker = _speaker(ctx, a.source)
    kind = _kind(text, a)
    stype = classify(ctx, a, cue, speaker)
    if stype in _RESPONSIBILITY_TYPES and speaker is not None and _says_nobody(speaker.text):
        # "No group has claimed responsibility": no claim was made. (A belief keeps its
        # speaker: "No one expected ..." says what people expected.)
        return None
    evidence_end = max(end, a.cue[1] if a.cue else end, a.source[1] if a.source else end)
    evidence_start = min(start, a.cue[0] if a.cue else start, a.source[0] if a.source else start)
    return Statement(
        id=sid, kind=kind, speaker=speaker, cue=cue, content=content, content_parts=parts,
        type=stype, targets=targets(ctx, a, speaker),
        corroboration=corr[0] if corr else None,
        corroboration_evidence=corr[1] if corr else None,
        evidence=(ctx.span(evidence_start, evidence_end),), extractor=EXTRACTOR)


def _uninvert(ctx: Context, a: Attribution) -> None:
    """"Said Lindqvist: ...": a source that opens its sentence with a reporting verb holds the cue.
    The verb becomes the cue (unless a word cue is already set) and the source starts after it."""
    if a.source is None:
        return
    doc = ctx.doc
    span = doc.char_span(*a.source, alignment_mode="expand")
    if span is None:
        return
    first, end = span[0], span.end
    if len(span) == 1:  # the verb alone was taken for the source: the name after it speaks
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
    if not inverted_quotative(doc, first.i, end):
        return
    a.source = (doc[first.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
    if a.cue is None or not any(c.isalpha() for c in ctx.text[a.cue[0]:a.cue[1]]):
        a.cue = (first.idx, first.idx + len(first.text))


def preload(settings) -> None:
    """Load the tagger's weights (`extract.preload`)."""
    load_tagger()


extract_statements.preload = preload
