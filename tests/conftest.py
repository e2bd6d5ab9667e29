"""Shared fixtures: the real spaCy pipeline (loaded once) and analysed invented articles."""
from __future__ import annotations

import dataclasses
import os

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


GOOD = "Gunmen attacked a market in Vellora on Thursday, police said.\nThe Northern Front claimed responsibility.\n"


@pytest.fixture
def bad_folder(tmp_path):
    """One good article plus every kind of bad input issue 2 names, built at test time."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken_utf8.txt").write_bytes(
        "Café owners said gunmen attacked the market.".encode() + b"\xff\xfe\xc3 The police arrived later.")
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.write(b"Police said the attack lasted an hour. " * (30_000_000 // 39 + 1))
    deep = "<html><body>" + "<div>" * 5000 + "<p>Gunmen attacked the depot in Vellora, the army said.</p>" + "</div>" * 5000
    (tmp_path / "deep.html").write_text(deep + "</body></html>", encoding="utf-8")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>track()</script><style>p{}</style></body></html>",
        encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "j1", "text": "The minister said the border stays closed."}\n'
        '{"id": "j2", "text": "unterminated\n'
        '{"id": "j3", "text": "Police said two suspects were held."}\n', encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    return tmp_path
