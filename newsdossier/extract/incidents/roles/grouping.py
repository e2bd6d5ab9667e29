"""From tagged spans to role fillers: spans of one name grouped into one candidate, one role each.

`norm` is the key that makes two mentions one text; `group_spans` merges keys that name one armed
group, an acronym and its expansion, or one resolved actor; `select` keeps candidates above their
role's threshold; `name_of` is the name a filler goes by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.groups import find_groups
from .crf import ROLES, TaggedSpan

_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def norm(text: str) -> str:
    """Lower-case, drop punctuation and articles: the key that makes two mentions one text."""
    return " ".join(_ARTICLES.sub(" ", _PUNCT.sub(" ", text.lower())).split())


@dataclass(frozen=True)
class Candidate:
    """A role filler before it becomes a record: its mentions (character spans, in order) and role votes."""

    role: str
    mentions: tuple[tuple[int, int], ...]
    confidence: float
    votes: dict
    # True when only rules (not the CRF) found it.
    rule: bool = False


@dataclass
class _Group:
    """A candidate while `group_spans` gathers it: mentions and votes are added as spans come."""

    role: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.0
    votes: dict = field(default_factory=dict)
    rule: bool = True


def group_spans(text: str, spans: list[TaggedSpan], resolve=None) -> list[Candidate]:
    """Group tagged spans into entities and give each entity one role by confidence-weighted vote.

    Mentions with the same normalised text are one entity. Two texts are merged only when the
    lexicon says they name the same armed group, when one is the other's parenthesised acronym
    ("... front (fmln)"), or when the entity index resolves both to one named actor. Merging is
    conservative on purpose: a mention the reader would not accept as the same entity costs
    more than a missed alias.
    """
    by_key: dict[str, _Group] = {}
    for sp in spans:
        key = norm(text[sp.char_start:sp.char_end])
        if not key:
            continue
        cand = by_key.setdefault(key, _Group(role=sp.role))
        cand.rule = cand.rule and sp.source != "crf"
        cand.mentions.append((sp.char_start, sp.char_end))
        cand.votes[sp.role] = cand.votes.get(sp.role, 0.0) + sp.confidence
        cand.confidence = max(cand.confidence, sp.confidence)
    # Union-find over keys.
    parent = {k: k for k in by_key}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    group_of = {}
    for key in by_key:
        hits = find_groups(key)
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(key):
            group_of.setdefault(hits[0][2], []).append(key)
    for keys in group_of.values():
        for other in keys[1:]:
            union(keys[0], other)
    for key, cand in by_key.items():
        for s, e in cand.mentions:
            m = re.match(r"\s*\(([^()]{2,60})\)", text[e:e + 64])
            if m:
                inner = norm(m.group(1))
                if inner in by_key and inner != key:
                    union(key, inner)
    if resolve is not None:
        owner: dict[str, str] = {}
        for key, cand in by_key.items():
            eids = {resolve(s, e) for s, e in cand.mentions} - {None}
            if len(eids) == 1:
                eid = eids.pop()
                if eid in owner:
                    union(owner[eid], key)
                else:
                    owner[eid] = key
    merged: dict[str, _Group] = {}
    for key, cand in by_key.items():
        root = find(key)
        tgt = merged.setdefault(root, _Group(role=cand.role))
        tgt.rule = tgt.rule and cand.rule
        tgt.mentions.extend(cand.mentions)
        for r, v in cand.votes.items():
            tgt.votes[r] = tgt.votes.get(r, 0.0) + v
        tgt.confidence = max(tgt.confidence, cand.confidence)
    out = [Candidate(role=max(g.votes, key=g.votes.get), mentions=tuple(sorted(g.mentions)),
                     confidence=g.confidence, votes=g.votes, rule=g.rule) for g in merged.values()]
    out.sort(key=lambda c: c.mentions[0])
    return out


DEFAULT_CONFIG = {"doc_threshold": 0.5, "span_threshold": {r: 0.5 for r in ROLES}}


def select(cands: list[Candidate], doc_probability: float, config: dict) -> list[Candidate]:
    """Entities kept: none when the article is judged to report no incident, else per-role thresholds."""
    if doc_probability < config["doc_threshold"]:
        return []
    th = config["span_threshold"]
    return [c for c in cands if c.confidence >= th.get(c.role, 0.5)]


def name_of(text: str, cand: Candidate) -> str:
    """The normalised name a filler goes by: the text tagged most often, then the longest."""
    tagged = [norm(text[s:e]) for s, e in cand.mentions]
    return max(set(tagged), key=lambda k: (tagged.count(k), len(k)))
