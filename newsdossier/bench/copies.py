"""Copies of articles that read as other incidents, for the benchmarks that run longer than their
data: every capitalised word of copy k carries a suffix of its own ("Sorvik" -> "Sorvikaab"), so each
copy brings people and places that neither the store nor spaCy's string store has seen, as a news
feed does day after day."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..records import Article

CAPITAL = re.compile(r"\b([A-Z][a-z]+)\b")
WIDTH = 3  # letters of every suffix: 26 ** 3 copies


def suffix(k: int) -> str:
    """Copy k's suffix, "aaa", "aab", ...: all of one length, so that a word with one copy's suffix
    is never another word with another's ("Street" + "sg" was "Streets" + "g" when suffixes were
    "a", "b", ..., "aa", ...: copies met through words that only looked shared)."""
    if not 0 <= k < 26 ** WIDTH:
        raise ValueError(f"copy {k}: suffixes of {WIDTH} letters name {26 ** WIDTH} copies")
    out = ""
    for _ in range(WIDTH):
        k, r = divmod(k, 26)
        out = chr(ord("a") + r) + out
    return out


def renamed(text: Optional[str], k: int) -> str:
    tag = suffix(k)
    return CAPITAL.sub(lambda m: m.group(1) + tag, text or "")


def article_copy(article: Article, k: int) -> Article:
    """Copy k of `article` (k >= 1) under an id of its own; the text has no removed spans, as the
    renamed words change its offsets."""
    return article.model_copy(update={
        "id": f"{article.id}~{k}", "text": renamed(article.text, k),
        "title": renamed(article.title, k) if article.title else None, "removed": ()})


def stream(articles: list[Article], n: int) -> Iterator[Article]:
    """`n` articles: `articles` once as they are, then copy 1 of each, copy 2, ..."""
    k = 0
    while n > 0 and articles:
        for article in articles[:n]:
            yield article if k == 0 else article_copy(article, k)
        n -= min(n, len(articles))
        k += 1
