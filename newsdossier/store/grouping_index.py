"""Incremental grouping: a new article meets only candidate dossiers, found through an index kept in
the store, so that the cost of an ingest does not grow with the store.

For each new article, in date order (the order `reconcile.grouping.group` uses):
1. its candidates are the stored articles that share a specific term with it (a person's name, a
   street address, a capitalised word in at most `RARE_DF` articles: at any distance in time, since a
   trial report can come years after the shooting, and such a term finds at most `RARE_DF`
   articles), or any capitalised word within `NEAR_DAYS` of its date, the `CANDIDATES` sharing most;
2. every article of the candidates' dossiers is compared with it (the affinity to a dossier is the
   mean over its articles), with document frequencies over the whole store, kept up to date as
   articles come and go (`group_df`);
3. it joins the best dossier, or opens one named after it; a dossier keeps its id for good.

Articles more than `NEAR_DAYS` apart that share nothing specific are never compared: with the date
threshold of the affinity they are hardly ever grouped anyway (on the shared GVA articles the
incremental grouping agrees with grouping all at once at B-cubed 99.9). Memory depends on the size of the batch and of the
candidate dossiers, not of the store.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from typing import Iterable, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..reconcile.features import (BOILERPLATE_MIN_DOCS, Features, features, from_json, paragraph_key,
                                  paragraphs, term_sets, to_json)
from ..reconcile.grouping import DocFreq, GroupingParams, Prepared, best_group
from ..records import ArticleRecord
from . import schema

log = logging.getLogger(__name__)

# Spaces whose terms are indexed for finding candidates (the specifics that tell incidents apart).
INDEXED = ("persons", "addresses", "proper")
RARE_DF = 50          # a term in at most this many articles finds candidates at any distance
NEAR_DAYS = 7         # any shared capitalised word finds candidates this close in time
CANDIDATES = 60       # articles kept from each lookup, those sharing most terms first
CHUNK = 900           # terms per IN (...) list, under SQLite's limit on bound parameters
TERM_CHARS = 200


def new_dossier_id(article_id: str, taken) -> str:
    """A dossier is named after its first article; should that name be taken (the article left its
    dossier and opens another), a counter is added."""
    n = 0
    while True:
        key = article_id if n == 0 else f"{article_id}#{n}"
        candidate = "d" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        if not taken(candidate):
            return candidate
        n += 1


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class GroupIndex:
    """The grouping index of one store, used inside one transaction (`conn`)."""

    def __init__(self, conn: Connection, params: GroupingParams = GroupingParams()):
        self.conn = conn
        self.params = params
        self._df: dict[tuple[str, str], int] = {}
        # Articles prepared for comparison, valid while the document frequencies stay as they are
        # (from `count` of a batch to the end of its assignment).
        self._prepared: dict[str, Prepared] = {}
        self.docs = conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar() or 0

    # ---- document frequencies ----

    def _fetch_df(self, keys: Iterable[tuple[str, str]]) -> None:
        by_space: dict[str, list[str]] = {}
        for space, term in keys:
            if (space, term) not in self._df:
                by_space.setdefault(space, []).append(term)
        c = schema.group_df.c
        for space, terms in by_space.items():
            for part in _chunks(sorted(set(terms))):
                for row in self.conn.execute(sa.select(c.term, c.df).where(c.space == space, c.term.in_(part))):
                    self._df[(space, row.term)] = row.df
                for term in part:
                    self._df.setdefault((space, term), 0)

    def freq(self, feats: Sequence[Features]) -> DocFreq:
        keys = {(space, t[:TERM_CHARS]) for f in feats for space, terms in term_sets(f).items()
                if space != "para" for t in terms}
        self._fetch_df(keys)
        return DocFreq(self.docs, _Truncating(self._df))

    def count(self, feats: Sequence[Features], sign: int) -> None:
        """Add (sign 1) or take away (-1) the terms of `feats` to the document frequencies."""
        delta: Counter = Counter()
        for f in feats:
            for space, terms in term_sets(f).items():
                delta.update({(space, t[:TERM_CHARS]) for t in terms})
        if not delta:
            return
        self._fetch_df(delta)
        c = schema.group_df.c
        inserts, updates, deletes = [], [], []
        for (space, term), n in delta.items():
            old = self._df[(space, term)]
            new = max(0, old + sign * n)
            self._df[(space, term)] = new
            if old == 0 and new > 0:
                inserts.append({"space": space, "term": term, "df": new})
            elif new == 0 and old > 0:
                deletes.append({"s": space, "t": term})
            elif new != old:
                updates.append({"s": space, "t": term, "df": new})
        if inserts:
            self.conn.execute(schema.group_df.insert(), inserts)
        if updates:
            self.conn.execute(schema.group_df.update().where(c.space == sa.bindparam("s"), c.term == sa.bindparam("t"))
                              .values(df=sa.bindparam("df")), updates)
        if deletes:
            self.conn.execute(schema.group_df.delete().where(c.space == sa.bindparam("s"),
                                                             c.term == sa.bindparam("t")), deletes)

    def boilerplate(self, keys: Iterable[str]) -> set[str]:
        """Those of the paragraph `keys` that `BOILERPLATE_MIN_DOCS` or more articles share."""
        keys = list(keys)
        self._fetch_df(("para", k) for k in keys)
        return {k for k in keys if self._df[("para", k)] >= BOILERPLATE_MIN_DOCS}

    # ---- articles ----

    def put(self, f: Features, dossier_id: str) -> None:
        self.conn.execute(schema.group_articles.insert().values(
            article_id=f.id, dossier_id=dossier_id, date=f.date, features=json.dumps(to_json(f))))
        rows = [{"space": space, "term": t[:TERM_CHARS], "article_id": f.id, "date": f.date}
                for space, terms in term_sets(f).items() if space in INDEXED
                for t in sorted({t[:TERM_CHARS] for t in terms})]
        if rows:
            self.conn.execute(schema.group_terms.insert(), rows)

    def forget(self, article_id: str) -> Optional[str]:
        """Take an article out of the index (before it is deleted or replaced); returns the dossier
        it was in, or None when it was not indexed."""
        g = schema.group_articles.c
        row = self.conn.execute(sa.select(g.dossier_id, g.features).where(g.article_id == article_id)).first()
        if row is None:
            return None
        self.count([from_json(json.loads(row.features))], -1)
        self.conn.execute(schema.group_terms.delete().where(schema.group_terms.c.article_id == article_id))
        self.conn.execute(schema.group_articles.delete().where(g.article_id == article_id))
        return row.dossier_id

    def indexed(self) -> int:
        return self.conn.execute(sa.select(sa.func.count()).select_from(schema.group_articles)).scalar() or 0

    def dossier_taken(self, dossier_id: str) -> bool:
        g, a = schema.group_articles.c, schema.dossier_aliases.c
        return (self.conn.execute(sa.select(g.article_id).where(g.dossier_id == dossier_id).limit(1)).first()
                is not None or self.conn.execute(sa.select(a.alias).where(a.alias == dossier_id)).first() is not None)

    # ---- candidates ----

    def _lookup(self, space: str, terms: list[str], date: Optional[int], days: Optional[int]) -> Counter:
        t = schema.group_terms.c
        near = date is not None and days is not None
        # Near in time: the dated articles in the window and the undated ones, asked apart, so that
        # each is a range of the (space, term, date) index. Asked as one `date IS NULL OR date
        # BETWEEN ...`, the database reads every row of the term and filters the dates, and a word
        # as common as "Police" holds a row for most articles of the store: each lookup would cost
        # what the store holds. An article's rows share its date, so it is in one of the two parts.
        shared: Counter = Counter()
        for part in _chunks(terms):
            of_terms = (t.space == space, t.term.in_(part))
            if not near:
                shared.update(self._most_shared(*of_terms))
                continue
            found = self._most_shared(*of_terms, t.date.between(date - days, date + days))
            # The undated rows one by one, counted here: grouped by the database, SQLite would walk
            # the primary key (space, term, article_id), which hands it the rows in article order but
            # reads every row of the term.
            found.update(row.article_id for row in self.conn.execute(
                sa.select(t.article_id).where(*of_terms, t.date.is_(None))))
            # The CANDIDATES sharing most of both parts, ties by id, as one query over both would give.
            shared.update(dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]))
        return shared

    def _most_shared(self, *where) -> Counter:
        """The CANDIDATES articles with most rows of group_terms that match `where` (ties by id)."""
        t = schema.group_terms.c
        query = (sa.select(t.article_id, sa.func.count().label("n")).where(*where)
                 .group_by(t.article_id).order_by(sa.desc("n"), t.article_id).limit(CANDIDATES))
        return Counter({row.article_id: row.n for row in self.conn.execute(query)})

    def candidates(self, f: Features) -> list[str]:
        """Stored articles that share something specific with `f`."""
        sets = term_sets(f)
        self._fetch_df((space, x[:TERM_CHARS]) for space in INDEXED for x in sets[space])
        found: Counter = Counter()
        for space in INDEXED:
            terms = sorted({x[:TERM_CHARS] for x in sets[space]})
            rare = [x for x in terms if self._df[(space, x)] <= RARE_DF]
            if rare:
                found.update(self._lookup(space, rare, None, None))
            if space == "proper" and terms and f.date is not None:
                near = self._lookup(space, terms, f.date, NEAR_DAYS)
                found.update({k: v for k, v in near.most_common(CANDIDATES)})
        found.pop(f.id, None)
        return [aid for aid, _ in found.most_common(2 * CANDIDATES)]

    def members(self, article_ids: Sequence[str]) -> tuple[list[Prepared], list[str]]:
        """Every article of the dossiers that hold `article_ids`, prepared, with its dossier id."""
        g = schema.group_articles.c
        dossiers: set[str] = set()
        for part in _chunks(list(article_ids)):
            dossiers.update(r.dossier_id for r in self.conn.execute(
                sa.select(g.dossier_id).where(g.article_id.in_(part))))
        rows = []
        for part in _chunks(sorted(dossiers)):
            rows.extend(self.conn.execute(sa.select(g.article_id, g.dossier_id).where(g.dossier_id.in_(part))
                                          .order_by(g.date, g.article_id)))
        missing = [r.article_id for r in rows if r.article_id not in self._prepared]
        for part in _chunks(missing):
            feats = [from_json(json.loads(r.features)) for r in self.conn.execute(
                sa.select(g.features).where(g.article_id.in_(part)))]
            self._prepare(feats)
        return [self._prepared[r.article_id] for r in rows], [r.dossier_id for r in rows]

    def _prepare(self, feats: Sequence[Features]) -> None:
        freq = self.freq(feats)
        for f in feats:
            self._prepared[f.id] = Prepared(f, freq, self.params)

    # ---- the step ----

    def add(self, records: Sequence[ArticleRecord]) -> set[str]:
        """Index `records` (stored, not yet indexed) and put each in a dossier; returns the ids of the
        dossiers that changed."""
        order = sorted(records, key=lambda r: (_ordinal(r.article.published), r.article.id))
        keys = [{paragraph_key(p) for p in paragraphs(r.article.text)} for r in order]
        # Paragraph counts first, so that page furniture shared inside this batch is known as such.
        delta = Counter(k for ks in keys for k in ks)
        self._fetch_df(("para", k) for k in delta)
        boiler = {k for k, n in delta.items() if self._df[("para", k)] + n >= BOILERPLATE_MIN_DOCS}
        feats = []
        for r in order:
            f = features(r, boiler)
            f.id = r.article.id.replace("\x00", "")  # the id as the articles table keys it
            feats.append(f)
        self.count(feats, +1)
        self._prepared.clear()
        touched: set[str] = set()
        for f in feats:
            others, labels = self.members(self.candidates(f))
            self._prepare([f])
            label = best_group(self._prepared[f.id], others, labels, self.params) if others else None
            if label is None:
                label = new_dossier_id(f.id, lambda d: d in touched or self.dossier_taken(d))
            self.put(f, label)
            touched.add(label)
        self._prepared.clear()
        return touched


class _Truncating(dict):
    """The document-frequency table read with terms cut to the stored length."""

    def __init__(self, df: dict):
        super().__init__()
        self.df = df

    def get(self, key, default=0):
        space, term = key
        return self.df.get((space, term[:TERM_CHARS] if isinstance(term, str) else term), default)


def _ordinal(published: Optional[str]) -> int:
    try:
        return dt.date.fromisoformat(str(published)[:10]).toordinal() if published else 10**9
    except ValueError:
        return 10**9
