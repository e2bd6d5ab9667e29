"""The keep model: how a content hangs from its cue, and the logistic decision over its features."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements.keep import RELATIONS, KeepModel, features, relation
from newsdossier.extract.statements.segments import Attribution, char_range
from newsdossier.extract.statements.tagger import load_tagger


def _att(doc, content: str, cue: str) -> Attribution:
    """An attribution over the first tokens spelling `content`, with the cue word `cue`."""
    words = [t.text for t in doc]
    n = len(content.split())
    start = next(i for i in range(len(words)) if " ".join(words[i:i + n]) == content)
    c = words.index(cue)
    return Attribution([char_range(doc, start, start + n)], [(start, start + n)], 0,
                       cue=char_range(doc, c, c + 1), cue_tok=(c, c + 1))


@pytest.mark.model
def test_statements_keep_model_relation_reads_the_parse(analyzed):
    doc = analyzed("The mayor said that the bridge would reopen in May. "
                   "Crews repaired the road. The council praised the crews.").doc
    assert relation(doc, _att(doc, "that the bridge would reopen in May", "said")) == "ccomp"
    assert relation(doc, _att(doc, "the crews", "praised")) == "dobj"
    assert relation(doc, _att(doc, "Crews repaired the road", "said")) == "othersent"
    a = _att(doc, "the crews", "praised")
    a.cue, a.cue_tok = None, None
    assert relation(doc, a) == "nocue"


@pytest.mark.model
def test_statements_keep_model_features_name_one_relation(analyzed):
    doc = analyzed("The mayor said that the bridge would reopen in May.").doc
    tagger = load_tagger()
    feats = features(doc, _att(doc, "that the bridge would reopen in May", "said"), [0.9] * len(doc),
                     tagger.cue_p, tagger.frames)
    assert feats["conf"] == pytest.approx(0.9)
    assert [r for r in RELATIONS if feats["rel_" + r]] == ["ccomp"]
    assert feats["log_rate"] > -1.0  # "said" with a clause is nearly always a cue


def test_statements_keep_model_decides_by_threshold():
    model = KeepModel({"features": ["conf", "rel_othersent"], "coef": [6.0, -3.0], "intercept": -3.0,
                       "threshold": 0.4})
    assert model.probability({"conf": 0.5}) == pytest.approx(0.5)
    assert model.keep({"conf": 0.9})
    assert not model.keep({"conf": 0.9, "rel_othersent": 1.0})
    assert not model.keep({})
