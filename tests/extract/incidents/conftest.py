"""Fixtures for the incident tests: the incident extractor run as the pipeline runs it."""
from __future__ import annotations

import dataclasses

import pytest

from newsdossier.extract import find_extractor
from newsdossier.extract.incidents import extract_incidents


@pytest.fixture
def incidents_of(analyzed, settings):
    """incidents_of(title, text, **setting_changes) -> the incidents of an article you write, with
    its title and the statements stage run first (the incidents read its claims)."""
    def run(title, text, **changes):
        ctx = analyzed(text)
        ctx = dataclasses.replace(ctx, article=ctx.article.model_copy(update={"title": title}),
                                  settings=settings.with_(**changes) if changes else settings)
        ctx = dataclasses.replace(ctx, statements=tuple(find_extractor("statements.v1")(ctx)))
        return extract_incidents(ctx)

    return run
