"""Extraction: one analysed article -> one `ArticleRecord` (entities, statements, incidents).

`extract_article(article, doc, settings)` is the only per-article sequence; `pipeline.py`, the
store (through `pipeline.extract_records`) and the benchmarks all call it. Its stages, in order:
  1. entities   - canonical actors and every mention of them (`entities.extract_entities`);
  2. statements - who said what: the extractor registered as `settings.statements_extractor`
                  (built in: "statements.v1", `statements.extract_statements`);
  3. incidents  - what happened: the extractor registered as `settings.incidents_extractor`
                  (built in: "incidents.v1", `incidents.extract_incidents`), linked to the statements.
Before each stage the article's time budget is checked (`analyze.budget`). An exception raised by
an extractor is not caught here: the caller (`pipeline.extract_records`) turns it into the
article's `Failure`, so a bug never shows up as a silently empty field.

Plugin extractors. A package adds an extractor through the entry-point group
`newsdossier_extractors` (or `registry.extractors.register(name, func=...)`) and selects it with the
settings `statements_extractor` / `incidents_extractor`. It is an `Extractor` (below): it receives
a `Context` (context.py) holding the article, its analysed spaCy Doc, the settings and what earlier
stages produced (`entities`, and for incident extractors `statements`), and returns the article's
`Statement` or `Incident` records (records.py), in order, with ids unique in the article.

Layout (one job per module):
  context.py, entities.py    what every extractor receives; the entity index
  syntax.py                  parse helpers shared by every extractor (subjects, governors, negation)
  lexicon/                   the vocabulary: reporting verbs, violence words, roles, countries, groups
  statements/                who said what (CRF tagger, linker, statement types, claims)
  incidents/                 what happened: roles/ (CRF spans, rule spans, learned fillers, grouping, names),
                             segments, attack types, categories, responsibility, dates, places, relevance
  figures/                   how many were killed, injured, attacked: numbers, triggers, counts

This package's name is also a public function of the library: `newsdossier.extract(inputs,
settings)` reads and extracts articles (`newsdossier.extract_inputs`). Both cannot be separate
objects: the first `import newsdossier.extract.<anything>` (the pipeline itself does one) sets the
attribute `newsdossier.extract` to this package, so a function of that name would work or not
depending on what was imported before. Nor can the package attribute be pinned to the function
(a property on the package's module class): `import newsdossier.extract.incidents as m` and
`from newsdossier import extract` would then get the function instead of the package. So the one
object under that name is this package, made callable: calling it runs the pipeline, importing
from it gives the extractors, whatever was imported first.
"""
from __future__ import annotations

import dataclasses
import sys
import time
import types
from typing import TYPE_CHECKING, Iterable, Optional, Protocol, Union

if TYPE_CHECKING:  # the records and spaCy are loaded only when an article is extracted
    from spacy.tokens import Doc

    from ..records import Article, ArticleRecord, Incident, Statement
    from ..settings import Settings
    from .context import Context


class Extractor(Protocol):
    """A statements or incidents extractor: the article's records from its `Context`.

    Must not change the context; must return records whose spans index `ctx.text`; may raise
    (the article then becomes a `Failure` naming the error) but must not return partial guesses
    for fields it could not fill because of a bug."""

    def __call__(self, ctx: "Context") -> Iterable[Union["Statement", "Incident"]]: ...


STAGES = ("entities", "statements", "incidents")


def find_extractor(name: str) -> Extractor:
    """The extractor registered as `name` (built-in or plugin); DossierError naming the known ones."""
    from .. import registry
    from ..errors import DossierError

    try:
        return registry.extractors.get(name)
    except Exception as exc:  # catalogue.RegistryError
        known = ", ".join(sorted(registry.extractors.get_all()))
        raise DossierError(f"no extractor named {name!r}; registered: {known}") from exc


def settings_extractors(settings: "Settings") -> tuple[Extractor, Extractor]:
    """(statements, incidents) extractors the settings name; looked up once per run, not per article
    (a registry lookup reads the installed packages' entry points)."""
    return find_extractor(settings.statements_extractor), find_extractor(settings.incidents_extractor)


def preload(settings: "Settings") -> None:
    """Load now what extraction otherwise loads on the first article that needs it: the spaCy
    pipeline and each extractor's models, word lists and gazetteers (several seconds in all: the
    GeoNames cities alone take about one). A run over many articles pays this once either way; a
    benchmark's clock, or a worker's first shard, should not be the one to pay it. An extractor
    (a plugin too) takes part by carrying a `preload(settings)` attribute."""
    from ..analyze.pipeline import load_pipeline

    load_pipeline(settings.model, settings.ner)
    for extractor in settings_extractors(settings):
        load = getattr(extractor, "preload", None)
        if load is not None:
            load(settings)


def extract_article(article: "Article", doc: "Doc", settings: "Settings",
                    extractors: Optional[tuple[Extractor, Extractor]] = None,
                    timings: Optional[dict] = None, last: str = "incidents") -> "ArticleRecord":
    """The article's record: stages 1-3 above, in order. `extractors` is what
    `settings_extractors(settings)` gives (looked up here when not given); `timings`, when given,
    gets the seconds each stage took added under its name (the speed benchmark); `last` stops after
    that stage (the statements benchmark), leaving later fields empty."""
    from .. import __version__
    from ..analyze import budget
    from ..records import ArticleRecord
    from .context import Context
    from .entities import extract_entities

    from ..analyze.blas import one_blas_thread

    find_statements, find_incidents = extractors or settings_extractors(settings)
    stages = {"entities": extract_entities, "statements": find_statements, "incidents": find_incidents}
    ctx = Context(article=article, doc=doc, settings=settings)
    incidents: tuple = ()
    # The extractors' numpy products (models, encoders) on one BLAS thread, as the analysis's: the
    # pool of one thread per core spins between products and costs CPU for nothing.
    with one_blas_thread():
        for stage in STAGES[:STAGES.index(last) + 1]:
            # The time budget (started by `analyze`) is checked before each stage; the stages check it
            # inside their long loops too.
            budget.check(doc, stage)
            started = time.perf_counter()
            if stage == "entities":
                ctx = dataclasses.replace(ctx, entities=stages[stage](ctx))
            elif stage == "statements":
                ctx = dataclasses.replace(ctx, statements=tuple(stages[stage](ctx)))
            else:
                incidents = tuple(stages[stage](ctx))
            if timings is not None:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
    return ArticleRecord(article=article, entities=ctx.entities.entities, statements=ctx.statements,
                         incidents=incidents, model=settings.model, version=__version__)


class _CallablePackage(types.ModuleType):
    """The package `newsdossier.extract`, callable as `newsdossier.extract_inputs`."""

    def __call__(self, inputs, settings=None, stdin=None):
        from ..pipeline import extract_inputs

        return extract_inputs(inputs, settings, stdin=stdin)


# Assigning a module's __class__ to a ModuleType subclass is supported since Python 3.5 (the reference
# documents it under "Customizing module attribute access").
sys.modules[__name__].__class__ = _CallablePackage
