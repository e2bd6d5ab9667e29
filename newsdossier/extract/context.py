"""What every extractor receives: the article, its analysed Doc, the actors found so far, settings.

Extractors read `ctx.text` and `ctx.doc` (boilerplate blanked) and build record spans with
`ctx.span`, which quotes the article's own text.

Extractors run in order (entities -> statements -> incidents); each later stage gets a context
that carries what the earlier stages produced (`dataclasses.replace`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from ..analyze import index
from ..records import Article, Span, Statement
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
        """The text extractors read: the article's, with the boilerplate it lists in `removed`
        blanked to spaces (the Doc's own text, same offsets). Nothing is found in blanked words,
        so no extractor asks whether a span is boilerplate."""
        return index.text(self.doc)

    def span(self, start: int, end: int) -> Span:
        """A record's span of [start, end): what it quotes is the article's own text. A range
        that a phrase's parse reaches into blanked boilerplate with ("Advertisement" on the line
        before a sentence) is trimmed to the words around it first."""
        text = self.text
        if text[start:end] != self.article.text[start:end]:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        return Span.at(self.article.text, start, end)
