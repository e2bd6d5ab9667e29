"""Where one incident ends and the next begins, and which is the main one.

An article that reports attacks in different places holds several incidents: `segments` groups
the attack sentences by the place they name and gives each incident its character range and
fillers; `by_salience` orders them, main incident first.
"""
from __future__ import annotations

from ...analyze.index import ents_in
from ..syntax import sentences
from . import attack_types as _types
from .roles.grouping import Candidate, norm


def by_salience(ctx, segments, figures) -> list[int]:
    """Segment indices, main incident first: one whose dead or wounded the article reports comes
    before one it reports none for; then the one the lead tells of (news opens with its main
    event); then the order `segments` gave (most filler mentions first)."""
    if len(segments) < 2:
        return list(range(len(segments)))
    lead = next((s.start_char for s in sentences(ctx.doc) if _types.attack_types([s]) != ("unknown",)),
                None)

    def key(k):
        start, end, _ = segments[k]
        casualties = figures[k].killed is not None or figures[k].injured is not None
        return (not casualties, not (lead is not None and start <= lead < end), k)

    return sorted(range(len(segments)), key=key)


def segments(ctx, kept: list[Candidate]) -> list[tuple[int, int, list[Candidate]]]:
    """Character ranges of the incidents and their fillers, main incident first.

    Sentences that report an attack are grouped by the place they name; two places make two
    incidents only when each has fillers of its own. Everything else belongs to the main one.
    """
    text = ctx.text
    sents = sentences(ctx.doc)
    place_of_sent = {}
    for i, sent in enumerate(sents):
        if _types.attack_types([sent]) != ("unknown",):
            gpes = [e for e in ents_in(sent) if e.label_ == "GPE"]
            if gpes:
                place_of_sent[i] = norm(gpes[0].text)
    sent_index = {}
    for i, sent in enumerate(sents):
        for t in sent:
            sent_index[t.idx] = i
    starts = sorted(sent_index)

    def sent_of(char: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return sent_index[starts[lo]] if starts else 0

    groups: dict[str, list[Candidate]] = {}
    order: list[str] = []
    for c in kept:
        s0 = sent_of(c.mentions[0][0])
        # The nearest attack sentence at or before the filler names its place.
        place = next((place_of_sent[j] for j in range(s0, -1, -1) if j in place_of_sent), "")
        if place not in groups:
            groups[place] = []
            order.append(place)
        groups[place].append(c)
    real = [p for p in order if p and len(groups[p]) >= 2]
    if len(real) < 2:
        return [(0, len(text), kept)]
    main = max(real, key=lambda p: (sum(len(c.mentions) for c in groups[p]), -order.index(p)))
    found = []
    for p in real:
        members = groups[p]
        if p == main:
            members = members + [c for q in order if q not in real for c in groups[q]]
        lo = min(sents[sent_of(c.mentions[0][0])].start_char for c in members if c in groups[p])
        found.append((lo, p, members))
    # Each incident's range runs to where the next one starts, so what follows an attack's own
    # sentences (a denial, a warning) stays with it; the first range starts at the article's start.
    found.sort(key=lambda x: x[0])
    out = []
    for k, (lo, p, members) in enumerate(found):
        start = 0 if k == 0 else lo
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        out.append((start, end, members, p == main))
    out.sort(key=lambda x: not x[3])
    return [(s, e, m) for s, e, m, _ in out]
