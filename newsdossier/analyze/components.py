"""Every spaCy factory the project registers, in one place so imports stay acyclic.

Each component is a small `Doc -> Doc` callable; `requires`/`assigns` say what it reads and writes.
No `from __future__ import annotations` here: confection before 1.0 (what thinc 8.3.11 and older
install) checks a factory's arguments against its annotations and fails on postponed ones.
"""
from typing import Callable, Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extract.lexicon.reporting import INVERTED_QUOTATIVES
from . import actors

# Added after the model's own components, in this order; run on the whole (re-joined) Doc.
OWN = ("newsdossier_inverted_quotatives", "newsdossier_actors")
# Added before the model's parser (or senter): it fixes sentence starts the parser then keeps.
BEFORE_PARSER = "newsdossier_paragraph_breaks"

if not Doc.has_extension("nd_actors"):
    Doc.set_extension("nd_actors", default=None)


@Language.factory(
    "newsdossier_actors",
    requires=["doc.ents", "token.dep", "token.pos", "token.lemma", "doc.sents"],
    assigns=["doc._.nd_actors"],
    default_config={"max_pronoun_distance": 2},
)
def make_actors(nlp: Language, name: str, max_pronoun_distance: int):
    """Actors and their mentions: names, titles, descriptors, pronouns, anonymous sources."""
    # Its look-up tables load with the pipeline, not on the first article that names a person.
    actors.load_tables()

    def component(doc: Doc) -> Doc:
        doc._.nd_actors = actors.find_actors(doc, max_pronoun_distance=max_pronoun_distance)
        return doc

    return component


def inverted_quotative(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a reporting verb opening its sentence (or right after a
    quotation) and the speaker after it: "Said Lindqvist: ...", "... anything." Said Sheriff Ek.".
    "Said" is also a given name: a name that is the subject of a verb of its own ("Said Ahmed, a
    shopkeeper, told reporters ...") is a man named Said."""
    first = doc[start]
    if not (end - start > 1 and first.lower_ in INVERTED_QUOTATIVES and first.text[:1].isupper()
            and (first.is_sent_start or (start > 0 and doc[start - 1].is_quote))):
        return False
    root = doc[start:end].root
    head = root.head
    return not (root.dep_ in ("nsubj", "nsubjpass") and head.i != start and not start <= head.i < end)


@Language.factory("newsdossier_inverted_quotatives", requires=["doc.ents", "doc.sents"], assigns=["doc.ents"])
def make_inverted_quotatives(nlp: Language, name: str):
    """A name entity that opens its sentence with a reporting verb ("Said Lindqvist: ...") starts
    after the verb: the verb is the cue, not part of who speaks (`inverted_quotative`)."""

    def component(doc: Doc) -> Doc:
        ents, changed = list(doc.ents), False
        for k, ent in enumerate(ents):
            if inverted_quotative(doc, ent.start, ent.end):
                ents[k] = Span(doc, ent.start + 1, ent.end, label=ent.label)
                changed = True
        if changed:
            doc.ents = ents
        return doc

    return component


@Language.factory("newsdossier_paragraph_breaks", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str):
    """A paragraph break (a blank line) always starts a sentence. The parser joins a headline,
    which has no full stop, to the first sentence below it even across a blank line; a single
    line break is left to the parser, since plain text is often wrapped inside its sentences."""

    def component(doc: Doc) -> Doc:
        text, previous_end = doc.text, None
        for token in doc:
            if token.is_space:
                continue
            if previous_end is not None and text.count("\n", previous_end, token.idx) >= 2:
                token.is_sent_start = True
            previous_end = token.idx + len(token)
        return doc

    return component


def memoize_lemmatizer(nlp: Language) -> None:
    """Make the rule lemmatizer look up every word it has lemmatised before.

    spaCy's rule lemmatizer keeps a cache keyed by (word, POS, morphology) but consults it only
    after its base-form test and fills it only for words that go through its rules, so most
    tokens (every singular noun, every base-form verb) are worked out afresh each time: it cost
    as much as the parser. The lemma is a function of that key alone (`rule_lemmatize` reads the
    token's text, POS and morphology), so answering from the same cache first gives the same
    lemmas. The cache is emptied when it grows large (`pipeline._trim_caches`).

    `nlp.pipe` (what analysis runs) reaches the lemmatizer through its `pipe`, which here reads
    each Doc's keys as one array, looks each distinct key up once and writes the lemmas back as
    one array: the same lemmas without a Token object, a string look-up and a string store
    insertion per token. A Doc given to the component itself (`nlp(text)`) goes the ordinary way,
    with the cache above.

    What is left is the words not seen before, and there the rules test each form they make with
    `form in index`, where the index of known words is a list (57,000 nouns): each test a scan.
    The index lists are given a set for `in` (`_Members`, the same answers), so a new word costs
    microseconds instead of a third of a millisecond (together: lemmas of PolNeAR dev from 1.4
    to about 0.2 CPU s)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_nd_memoized", False):
        return
    index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table("lemma_index") else {}
    for pos in list(index.keys()):
        if type(index[pos]) is list:
            index[pos] = _Members(index[pos])
    rule = lemmatizer.rule_lemmatize

    def lemmatize(token):
        key = (token.orth, token.pos, token.morph.key)
        forms = lemmatizer.cache.get(key)
        if forms is None:
            forms = lemmatizer.cache[key] = rule(token)
        return forms

    lemmatizer.lemmatize = lemmatize  # what Lemmatizer.__call__ calls for each token

    def pipe(docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        # As spaCy's Pipe.pipe, with `lemmatize_doc` for `__call__`.
        handle = lemmatizer.get_error_handler()
        for doc in docs:
            try:
                yield lemmatize_doc(lemmatizer, lemmatize, doc)
            except Exception as exc:  # noqa: BLE001 - spaCy's error handler decides (it raises by default)
                handle(lemmatizer.name, lemmatizer, [doc], exc)

    lemmatizer.pipe = pipe  # what Language.pipe calls (an attribute of the instance wins over the class's)
    lemmatizer._nd_memoized = True


class _Members(list):
    """A list whose `in` is a set look-up: the same answers for its (string) items, without a scan."""

    __slots__ = ("_set",)

    def __init__(self, items):
        super().__init__(items)
        self._set = frozenset(items)

    def __contains__(self, item) -> bool:
        return item in self._set


def lemmatize_doc(lemmatizer, lemmatize: Callable[[Token], list], doc: Doc) -> Doc:
    """What `Lemmatizer.__call__` does to `doc` (each token without a lemma, or every token when
    the lemmatizer overwrites, gets the first form `lemmatize` gives), through arrays."""
    if not lemmatizer._validated:
        lemmatizer._validate_tables(Errors.E1004)
    if not len(doc):
        return doc
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
    strings = doc.vocab.strings
    overwrite = lemmatizer.overwrite
    found: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash, for this Doc
    lemmas = []
    for i, (orth, pos, morph, lemma) in enumerate(rows):
        if overwrite or lemma == 0:
            key = (orth, pos, morph)
            lemma = found.get(key)
            if lemma is None:
                # The first form, added to the string store as `token.lemma_ = ...` would add it.
                lemma = found[key] = strings.add(lemmatize(doc[i])[0])
        lemmas.append(lemma)
    doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
    return doc


def add_to(nlp: Language) -> None:
    """Add the project's components to `nlp` (once)."""
    splitter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if splitter is not None and BEFORE_PARSER not in nlp.pipe_names:
        nlp.add_pipe(BEFORE_PARSER, before=splitter)
    for name in OWN:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
