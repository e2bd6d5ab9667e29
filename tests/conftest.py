"""Shared fixtures: the real spaCy pipeline (loaded once) and analysed invented articles."""
from __future__ import annotations

import dataclasses

import pytest

from newsdossier.records import Article, Span
from newsdossier.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def analyzed(settings):
    """analyzed(text, published=None, removed=()) -> Context with entities, for a text you write."""
    from newsdossier.analyze.pipeline import analyze
    from newsdossier.extract.context import Context
    from newsdossier.extract.entities import extract_entities

    def run(text: str, published: str | None = None, removed: tuple[tuple[int, int], ...] = ()) -> Context:
        article = Article(id="test", source="test", text=text, published=published,
                          removed=tuple(Span.at(text, s, e) for s, e in removed))
        [(art, doc)] = list(analyze([article], settings))
        ctx = Context(article=art, doc=doc, settings=settings)
        return dataclasses.replace(ctx, entities=extract_entities(ctx))

    return run
