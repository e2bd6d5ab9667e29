"""The fast entity tagger (`ner = "fast"`): its decoding never lets an I tag open an entity, and in the
pipeline it finds the people, places and organisations spaCy's NER finds in an article written for
this test."""
from __future__ import annotations

import numpy as np
import pytest

from newsdossier.analyze.fast_ner import FastNerComponent, decode, spans_of

TAGS = ["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]
ALLOWED = np.array([[not (b.startswith("I-") and a not in ("B-" + b[2:], b)) for b in TAGS] for a in TAGS])


def _scores(rows):
    return np.log(np.array(rows, dtype=np.float64) + 1e-6)


def test_spans_of_reads_entities_and_labels():
    assert list(spans_of(np.array([0, 1, 2, 0, 3, 4, 4, 1]), TAGS)) == [
        (1, 3, "PERSON"), (4, 7, "GPE"), (7, 8, "PERSON")]
    assert list(spans_of(np.array([2, 2, 3]), TAGS)) == [(0, 2, "PERSON"), (2, 3, "GPE")]


def test_decode_lets_no_i_tag_open_an_entity():
    # Token 1 is most likely I-PERSON after an O: the best allowed sequence makes it B-PERSON, and
    # token 2's I-PERSON then continues it.
    scores = _scores([[0.9, 0.05, 0.02, 0.02, 0.01],
                      [0.2, 0.35, 0.4, 0.03, 0.02],
                      [0.1, 0.1, 0.7, 0.05, 0.05],
                      [0.95, 0.01, 0.02, 0.01, 0.01]])
    assert [TAGS[t] for t in scores.argmax(1)] == ["O", "I-PERSON", "I-PERSON", "O"]
    assert [TAGS[t] for t in decode(scores, ALLOWED)] == ["O", "B-PERSON", "I-PERSON", "O"]
    # An I of another label cannot continue one: I-GPE after B-PERSON becomes what is allowed.
    tags = decode(_scores([[0.1, 0.8, 0.05, 0.03, 0.02], [0.3, 0.05, 0.05, 0.1, 0.5]]), ALLOWED)
    assert TAGS[tags[1]] in ("O", "B-GPE", "I-PERSON", "B-PERSON")
    # Where nothing is proposed, nothing is decoded.
    assert not decode(_scores([[0.9, 0.03, 0.03, 0.02, 0.02]] * 5), ALLOWED).any()


TEXT = ("Ministers met in Harrowgate on Monday. Dana Whitlock, the mayor of Port Elstree, told reporters that "
        "the Halvern Water Company would repair the dam before winter. Whitlock flew to Brussels on Tuesday.")


@pytest.mark.model
def test_in_the_pipeline_it_finds_what_spacys_ner_finds():
    from newsdossier.analyze.pipeline import load_pipeline
    from newsdossier.settings import DEFAULT_MODEL

    fast, slow = load_pipeline(DEFAULT_MODEL, "fast"), load_pipeline(DEFAULT_MODEL, "spacy")
    assert isinstance(fast.get_pipe("ner"), FastNerComponent) and fast.pipe_names == slow.pipe_names
    got = {(e.text, e.label_) for e in fast(TEXT).ents}
    want = {(e.text, e.label_) for e in slow(TEXT).ents}
    assert {("Dana Whitlock", "PERSON"), ("Brussels", "GPE")} <= got
    assert len(got & want) >= 0.7 * len(want)
    # Batches give what single Docs give.
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in fast.pipe([TEXT, TEXT[:60]], batch_size=2)] == \
        [[(e.start, e.end, e.label_) for e in fast(t).ents] for t in (TEXT, TEXT[:60])]
