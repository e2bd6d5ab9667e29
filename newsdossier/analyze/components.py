"""Every spaCy factory the project registers, in one place so imports stay acyclic.

Each component is a small `Doc -> Doc` callable; `requires`/`assigns` say what it reads and writes.
No `from __future__ import annotations` here: confection before 1.0 (what thinc 8.3.11 and older
install) checks a factory's arguments against its annotations and fails on postponed ones.
"""
from spacy.language import Language
from spacy.tokens import Doc

from . import actors

# Added after the model's own components, in this order; run on the whole (re-joined) Doc.
OWN = ("newsdossier_actors",)
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

    def component(doc: Doc) -> Doc:
        doc._.nd_actors = actors.find_actors(doc, max_pronoun_distance=max_pronoun_distance)
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
    lemmas. The cache is emptied when it grows large (`pipeline._trim_caches`)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_nd_memoized", False):
        return
    rule = lemmatizer.rule_lemmatize

    def lemmatize(token):
        key = (token.orth, token.pos, token.morph.key)
        forms = lemmatizer.cache.get(key)
        if forms is None:
            forms = lemmatizer.cache[key] = rule(token)
        return forms

    lemmatizer.lemmatize = lemmatize  # what Lemmatizer.__call__ calls for each token
    lemmatizer._nd_memoized = True


def add_to(nlp: Language) -> None:
    """Add the project's components to `nlp` (once)."""
    splitter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if splitter is not None and BEFORE_PARSER not in nlp.pipe_names:
        nlp.add_pipe(BEFORE_PARSER, before=splitter)
    for name in OWN:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
