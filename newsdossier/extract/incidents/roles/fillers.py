"""`Filler` records from role candidates: every occurrence of the name, aliases, category, evidence.

Also the firearms filler of an attack told by its verb alone ("opened fire"), and the merge of two
fillers of one role that go by one name.
"""
from __future__ import annotations

import logging
import re

from ....records import Filler, Span
from .. import attack_types as _types, categories
from .grouping import Candidate, name_of, norm
from .names import full_name

log = logging.getLogger(__name__)
# The incident extractor's name, on every record it builds.
EXTRACTOR = "incidents.v1"


_FIRING = re.compile(r"\b(opened fire|open fire|opening fire|fired (?:at|on|into|shots)|fired\b|sprayed .{0,20}bullets)",
                     re.I)


def fired(ctx, sents) -> list[Filler]:
    """With no weapon named, shooting told by its verb ("fired at everyone") still says firearms."""
    for sent in sents:
        if _types.attack_types([sent]) == ("unknown",):
            continue
        m = _FIRING.search(sent.text)
        if m:
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            span = ctx.span(s, e)
            return [Filler(text=span.text, category="firearms", mentions=(span,),
                           evidence=(ctx.span(sent.start_char, sent.end_char),), extractor=EXTRACTOR)]
    return []


def _non_overlapping(spans) -> list[tuple[int, int]]:
    """Spans in order, a span nested in or overlapping an earlier, longer one dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def add_filler(role: list[Filler], new: Filler) -> None:
    """Append `new`, or merge it into a filler of the role that goes by the same name (two tagged
    forms, "ana ruiz" and "ana ruiz ossa", both completed to the full name): one entity, one filler.
    A filler all of whose mentions lie inside another's is left out."""
    key = norm(new.text)
    for k, old in enumerate(role):
        if norm(old.text) == key:
            own = _span_union(old.mentions, new.mentions)
            aliases = tuple(a for a in _span_union(old.aliases, new.aliases)
                            if not any(a.start < m.end and m.start < a.end for m in own))
            role[k] = old.model_copy(update={"mentions": own, "aliases": aliases,
                                             "evidence": _span_union(old.evidence, new.evidence)[:3]})
            return
    # A filler found only inside another's words is that one ("people" of "well over a hundred people").
    if any(_inside(new, old) for old in role):
        return
    role[:] = [old for old in role if not _inside(old, new)]
    role.append(new)


def _inside(a: Filler, b: Filler) -> bool:
    """Whether every mention of `a` lies within a longer mention of `b`."""
    return bool(a.mentions) and all(any(n.start <= m.start and m.end <= n.end and n.end - n.start > m.end - m.start
                                        for n in b.mentions) for m in a.mentions)


def _span_union(a, b) -> tuple:
    """Spans of both, in order, one of two overlapping spans kept (`_non_overlapping`)."""
    by_place = {(m.start, m.end): m for m in (*a, *b)}
    return tuple(by_place[p] for p in _non_overlapping(by_place))


_DEFINITE = {"the", "this", "that", "these", "those"}


def _names_one_thing(ctx, start: int, end: int) -> bool:
    """Whether the phrase at [start, end) names one thing wherever it recurs: it holds a proper name
    ("Juan Perez", "the Crocus City concert hall") or is a definite description ("the building",
    "his car"); not a bare or indefinite noun phrase ("people", "a bus", "dozens of civilians")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return True
    # the determiner may stand before the tagged words ("the terrorists" tagged as "terrorists")
    return any(d.dep_ in ("det", "poss") and (d.lower_ in _DEFINITE or d.tag_ == "PRP$" or d.dep_ == "poss")
               for d in span.root.children)


def filler_of(ctx, c: Candidate, resolve) -> Filler:
    """A filler record: every occurrence of the entity's name, and its other names as aliases."""
    text = ctx.text
    spans = set(c.mentions)
    # Each distinct phrase is looked for once: a name tagged a thousand times is still one search.
    # Only a name or a definite description names the same thing wherever it is written again:
    # "people" in "killed well over a hundred people" and in "people inside the country" are not
    # one group, nor are two occurrences of "a car".
    # (Judged where the phrase is first tagged.)
    phrases: dict[str, tuple[int, int]] = {}
    for s, e in c.mentions:
        phrases.setdefault(text[s:e], (s, e))
    for phrase, (ps, pe) in phrases.items():
        if len(phrase) >= 4 and _names_one_thing(ctx, ps, pe):
            for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text, flags=re.I):
                spans.add((m.start(), m.end()))
    eid = None
    if resolve is not None:
        eids = {resolve(s, e) for s, e in c.mentions} - {None}
        eid = eids.pop() if len(eids) == 1 else None
        if eid is not None:
            try:
                for m in ctx.entities.entity(eid).mentions:
                    if m.kind == "name":
                        spans.add((m.start, m.end))
            except KeyError:  # an id the index cannot give back: keep the tagged mentions
                log.debug("entity %s not in index", eid)
    # The filler's name is the text the tagger found most often (then the longest); its occurrences
    # are `mentions`, other names are `aliases`. A reader (and MUC-4's CEAF-REE) accepts a filler
    # whose every mention names the gold entity, so a doubtful alias must not sit among them.
    name = name_of(text, c)
    if c.role in ("PerpInd", "Victim"):
        name = full_name(ctx, name, spans)
    own = _non_overlapping(sp for sp in spans if norm(text[sp[0]:sp[1]]) == name)
    mentions = [ctx.span(s, e) for s, e in own]
    aliases = tuple(ctx.span(s, e) for s, e in
                    _non_overlapping(sp for sp in spans if norm(text[sp[0]:sp[1]]) != name)
                    if not any(s < oe and os_ < e for os_, oe in own))
    best = max(mentions, key=lambda m: len(m.text))
    category = None
    if c.role == "Weapon":
        sent = ctx.doc.char_span(c.mentions[0][0], c.mentions[0][1], alignment_mode="expand")
        category = categories.weapon_category([m.text for m in mentions + list(aliases)],
                                              sent.sent.text if sent is not None else "")
    elif c.role in ("Target", "Victim"):
        category = categories.target_category([m.text for m in mentions + list(aliases)])
    evidence = []
    for s, _ in c.mentions[:3]:
        tok = ctx.doc.char_span(s, s + 1, alignment_mode="expand")
        if tok is not None:
            sent = tok.sent
            sp = ctx.span(sent.start_char, sent.end_char)
            if sp not in evidence:
                evidence.append(sp)
    return Filler(text=best.text, entity=eid, category=category, mentions=tuple(mentions), aliases=aliases,
                  evidence=tuple(evidence), extractor=EXTRACTOR)
