"""Copies of articles that read as other incidents, for the benchmarks that run longer than their
data: every capitalised word of copy k carries a suffix of its own ("Sorvik" -> "Sorvikb"), so each
copy brings people and places that neither the store nor spaCy's string store has seen, as a news
feed does day after day."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..records import Article

CAPITAL = re.compile(r"\b([A-Z][a-z]+)\b")


def suffix(k: int) -> str:
    """a, b, ..., z, aa, ab, ...: copy k's suffix (spreadsheet column names, so no two copies share one)."""
    out = ""
    while True:
        out = chr(ord("a") + k % 26) + out
        k = k // 26 - 1
        if k < 0:
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
