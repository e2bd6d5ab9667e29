"""The orchestrator: from inputs to `ArticleRecord`s.

Stages, in order:
1. ingest   - read every input (file, directory, URL, stdin, JSONL) into `Article`s; a bad input
              becomes a `Failure` and the batch goes on;
2. analyze  - spaCy over the articles in batches (`nlp.pipe`), boilerplate blanked, long texts in pieces;
              each article's time budget starts here, and one over it becomes its own Failure;
3-5. `extract.extract_article`: entities, statements (extractor `settings.statements_extractor`),
     incidents (extractor `settings.incidents_extractor`); an extractor's exception becomes the
     article's Failure here.
Records stream out as they are done, so a JSONL of 100,000 articles runs in constant memory (spaCy
runs in memory zones, `analyze_stream`, so its string store does not grow with every new word).
"""
from __future__ import annotations

import logging
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .analyze.pipeline import analyze_stream
from .errors import DossierError
from .extract import extract_article, settings_extractors
from .ingest import read_inputs
from .ingest.sources import input_names
from .records import Article, ArticleRecord, Failure
from .settings import Settings, check_settings

log = logging.getLogger(__name__)


def extract_records(articles: Iterable[Union[Article, Failure]], settings: Settings
                    ) -> Iterator[Union[ArticleRecord, Failure]]:
    """Stages 2-5 over articles that are already read (Failures pass through)."""
    extractors = settings_extractors(settings)
    for item in analyze_stream(articles, settings):
        if isinstance(item, Failure):
            yield item
            continue
        article, doc = item
        try:
            record = extract_article(article, doc, settings, extractors)
        except DossierError as exc:
            yield Failure(source=article.source, reason=str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not end the batch
            # The article is reported (and quarantined by the store) with the error named; the
            # traceback goes to the log for whoever fixes the extractor.
            log.info("extraction failed on %s", article.source, exc_info=True)
            yield Failure(source=article.source, reason=f"internal error while extracting "
                                                        f"({type(exc).__name__}: {exc}); please report it")
            continue
        yield record


def extract_inputs(inputs: Union[str, Iterable[str]], settings: Optional[Settings] = None,
                   stdin: Optional[BinaryIO] = None) -> Iterator[Union[ArticleRecord, Failure]]:
    """Read `inputs` (paths, directories, URLs, `-`, JSONL files; one str is one input) and yield
    one record per article, or one Failure per input that yields none. Arguments are checked
    here, before anything is read (ArgumentError)."""
    settings = check_settings(settings)
    return extract_records(read_inputs(input_names(inputs), settings, stdin=stdin), settings)


# The name the CLI and older callers use; `newsdossier.extract(...)` reaches it too (see
# newsdossier/extract/__init__.py for why that name is a callable package).
extract = extract_inputs


def extract_text(text: str, published: Optional[str] = None, settings: Optional[Settings] = None,
                 source: str = "<text>") -> ArticleRecord:
    """One article given as a string; raises InputError when it holds no article text."""
    from .errors import InputError
    from .ingest import article_from_text

    settings = check_settings(settings)
    article = article_from_text(text, source=source, settings=settings, published=published)
    for item in extract_records([article], settings):
        if isinstance(item, Failure):
            raise InputError(item.source, item.reason)
        return item
    raise InputError(source, "no record produced")
