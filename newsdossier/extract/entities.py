"""Canonical actors as `Entity` records, and the index other extractors resolve mentions with.

Turns the analysis' actor table (`doc._.nd_actors`) into entities `e1, e2, …` in order of first
mention, and answers "which actor does the mention at these characters refer to?".
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Optional

from ..analyze.actors import ActorTable
from ..records import Entity, Mention, Speaker
from .context import Context

EXTRACTOR = "entities.rules.v1"


class EntityIndex:
    def __init__(self, entities: tuple[Entity, ...], anonymous: tuple[Mention, ...] = (),
                 unresolved: tuple[Mention, ...] = (), text: str = ""):
        self.entities = entities
        self.text = text
        self._by_id = {e.id: e for e in entities}
        rows = [(m.start, m.end, e.id) for e in entities for m in e.mentions]
        rows += [(m.start, m.end, None) for m in anonymous]
        rows.sort()
        self._rows = rows
        self._starts = [r[0] for r in rows]
        # The furthest end among the rows so far: rows before the first whose reach passes a
        # span's start cannot overlap it, so `_best` skips them by bisection.
        self._reach = list(accumulate((r[1] for r in rows), max))
        # Every entity mention by position, so that "which mentions lie in this span" costs the
        # span, not the article (asked for every statement).
        self._mentions = sorted((m.start, m.end, e.id, m.kind) for e in entities for m in e.mentions)
        self._mention_starts = [m[0] for m in self._mentions]
        self.anonymous = anonymous
        self.unresolved = unresolved

    def entity(self, eid: str) -> Entity:
        return self._by_id[eid]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """(start, end, entity id, kind) of every entity mention lying within [start, end), in order."""
        lo = bisect_left(self._mention_starts, start)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self._mentions[lo:hi] if m[1] <= end]

    def _best(self, start: int, end: int) -> Optional[tuple[int, int, Optional[str]]]:
        """The mention that overlaps [start, end) most; ties go to the one starting first."""
        hi = bisect_right(self._starts, end)
        lo = max(hi - 64, bisect_right(self._reach, start), 0)
        best, best_overlap = None, 0
        for row in self._rows[lo:hi]:
            overlap = min(end, row[1]) - max(start, row[0])
            if overlap > best_overlap:
                best, best_overlap = row, overlap
        return best

    def resolve(self, start: int, end: int) -> Optional[str]:
        """Entity id of the actor the mention at [start, end) refers to; None for anonymous or unknown."""
        best = self._best(start, end)
        return best[2] if best else None

    def is_anonymous(self, start: int, end: int) -> bool:
        best = self._best(start, end)
        return best is not None and best[2] is None

    def speaker(self, start: int, end: int) -> Speaker:
        return Speaker(start=start, end=end, text=self.text[start:end], entity=self.resolve(start, end),
                       anonymous=self.is_anonymous(start, end))


def extract_entities(ctx: Context) -> EntityIndex:
    table: Optional[ActorTable] = ctx.doc._.nd_actors
    if table is None:
        return EntityIndex((), text=ctx.article.text)
    text = ctx.article.text  # what a record quotes: a speaker's words, never the blanked Doc text
    entities = []
    for n, actor in enumerate(table.actors, start=1):
        # A mention the parse let start on the blanked line above it is trimmed to its words.
        mentions = tuple(Mention(start=sp.start, end=sp.end, text=sp.text, kind=m.kind)
                         for m in actor.mentions for sp in [ctx.span(m.start, m.end)] if sp.text)
        if not mentions:
            continue
        entities.append(Entity(id=f"e{len(entities) + 1}", name=actor.name, type=actor.type,
                               title=actor.title, aliases=tuple(actor.aliases), mentions=mentions,
                               extractor=EXTRACTOR))

    def plain(ms, kind):
        return tuple(Mention(start=sp.start, end=sp.end, text=sp.text, kind=kind)
                     for m in ms for sp in [ctx.span(m.start, m.end)] if sp.text)

    return EntityIndex(tuple(entities), plain(table.anonymous, "anonymous"),
                       plain(table.unresolved, "descriptor"), text=text)
