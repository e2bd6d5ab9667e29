"""Near-duplicate articles: wire copies and syndicated rewrites of one story count as one source.

Two articles are copies when the word 5-shingles of one are mostly found in the other (containment
rather than Jaccard, so that a copy with an added paragraph or a cut ending still counts). Copies
are joined transitively; articles of one site are one source as well.
"""
from __future__ import annotations

import re
import zlib
from typing import Sequence

from ..records import ArticleRecord

SHINGLE = 5
# Share of the shorter article's shingles found in the other above which the two are one story.
MIN_CONTAINMENT = 0.5
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    words = WORD.findall(text.lower())
    if len(words) < size:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1))


def containment(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def source_groups(records: Sequence[ArticleRecord]) -> list[int]:
    """A source number per record: records with one number are copies of one story (or one site)."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets = [shingles(r.article.text) for r in records]
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            same_site = records[i].article.site and records[i].article.site == records[j].article.site
            if same_site or containment(sets[i], sets[j]) >= MIN_CONTAINMENT:
                parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(records))]
