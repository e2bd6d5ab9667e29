"""What every extractor receives: the article, its analysed Doc, the actors found so far, settings.

Extractors run in order (entities -> statements -> incidents); each later stage gets a context
that carries what the earlier stages produced (`dataclasses.replace`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from ..records import Article, Statement
from ..settings import Settings

if TYPE_CHECKING:
    from .entities import EntityIndex


@dataclass(frozen=True)
class Context:
    article: Article
    doc: Doc
    settings: Settings
    entities: Optional["EntityIndex"] = None
    statements: tuple[Statement, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.article.text

    def removed(self, start: int, end: int) -> bool:
        """True when [start, end) lies in boilerplate the article lists in `removed`."""
        return any(r.start < end and start < r.end for r in self.article.removed)
