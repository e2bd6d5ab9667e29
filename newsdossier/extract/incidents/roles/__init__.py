"""Role fillers of an incident (perpetrators, targets, victims, weapons): tagging, rules, grouping, names.

`tag_doc(doc)` gives every role span of an article: the CRF's (`crf.py`, the same featuriser as
training in `newsdossier.train.incidents`) then the rule-found ones (`rules.py`). `grouping.py`
turns spans into candidates with one role each; `names.py` tidies span edges and names fillers;
`fillers.py` builds the `Filler` records.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from ....analyze import budget
from ...syntax import sentences
from .crf import MODEL_DIR, TaggedSpan, group_tokens_of, tagger_at, decode, marginal_spans, sentence_features
from .rules import add_conjuncts, lexicon_weapons, rule_victims


def tag_doc(doc: Doc, model_path: Optional[Path] = None) -> list[TaggedSpan]:
    """Every role span the CRF finds in `doc`, with its confidence, plus the rule-found ones."""
    path = Path(model_path or Path(MODEL_DIR) / "fillers.crfsuite")
    tagger = tagger_at(str(path))
    spans: list[TaggedSpan] = []
    group_tokens = group_tokens_of(doc)
    # One sentence's features at a time: those of a whole long article would take GBs.
    for i, sent in enumerate(sentences(doc)):
        budget.check(doc, "incidents")
        labels = tagger.tag(sentence_features(sent, i, group_tokens))
        found = decode(sent, labels, tagger.marginal, i)
        spans.extend(found + marginal_spans(sent, tagger, found, i))
    return add_conjuncts(doc, rule_victims(doc, lexicon_weapons(doc, spans)))
