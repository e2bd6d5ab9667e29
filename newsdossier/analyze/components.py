"""Every spaCy factory the project registers, in one place so imports stay acyclic.

Each component is a small `Doc -> Doc` callable; `requires`/`assigns` say what it reads and writes.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import actors

# Added after the model's own components, in this order; run on the whole (re-joined) Doc.
OWN = ("newsdossier_actors",)

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


def add_to(nlp: Language) -> None:
    """Add the project's components to `nlp` (once)."""
    for name in OWN:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
