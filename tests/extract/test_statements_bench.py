"""The statements benchmark's metric (PolNeAR rules) on hand-made gold, and its run on a tiny
invented dataset in PolNeAR's format."""
from __future__ import annotations

import json

import pytest

from newsdossier.bench.statements import Tally, gold_attributions, load_polnear

TEXT = '"We will rebuild," the mayor said. The council said taxes would rise. Rain fell.'


def _gold_doc(text=TEXT, article="a1", annotator="x"):
    q_end = text.index(" the mayor")
    t_start = text.index("taxes")
    return {
        "article": article, "annotator": annotator, "annotators_of_article": [annotator], "text": text,
        "spans": {
            "T1": {"type": "Content", "offsets": [[0, q_end]], "text": text[:q_end]},
            "T2": {"type": "Source", "offsets": [[q_end + 1, q_end + 10]], "text": "the mayor"},
            "T3": {"type": "Cue", "offsets": [[q_end + 11, q_end + 15]], "text": "said"},
            "T4": {"type": "Source", "offsets": [[35, 46]], "text": "The council"},
            "T5": {"type": "Content", "offsets": [[t_start, t_start + 16]], "text": "taxes would rise"},
            "T6": {"type": "Discuss", "offsets": [[71, 81]], "text": "Rain fell."},
        },
        "attributions": [
            {"id": "E1", "type": "Attribution", "source": ["T2"], "cue": ["T3"], "content": ["T1"]},
            {"id": "E2", "type": "Attribution", "source": ["T4"], "cue": [], "content": ["T5"]},
            {"id": "E3", "type": "Discuss", "source": [], "cue": [], "content": ["T6"]},
        ],
    }


def _st(start, end, speaker=None):
    return {"content": {"start": start, "end": end},
            "speaker": None if speaker is None else {"start": speaker[0], "end": speaker[1]}}


def test_statements_bench_gold_skips_discuss():
    assert len(gold_attributions(_gold_doc())) == 2


def test_statements_bench_metric_counts_like_the_reference():
    doc = _gold_doc()
    t = Tally()
    q_end = TEXT.index(" the mayor")
    t_start = TEXT.index("taxes")
    t.add(TEXT, doc, [
        _st(0, q_end, (q_end + 5, q_end + 10)),     # right content, speaker overlaps "the mayor"
        _st(t_start - 5, t_start + 16, (0, 3)),     # right content (dice >= .5), wrong speaker
        _st(71, 81),                                # a Discuss span: not gold, a false positive
    ])
    r = t.result()
    assert (r["content"]["correct"], r["content"]["predicted"], r["content"]["gold"]) == (2, 3, 2)
    assert (r["attribution"]["correct"], r["attribution"]["predicted"]) == (1, 3)
    assert (r["direct"]["correct"], r["direct"]["predicted"], r["direct"]["gold"]) == (1, 1, 1)


def test_statements_bench_metric_one_to_one_and_dice_threshold():
    doc = _gold_doc()
    q_end = TEXT.index(" the mayor")
    t = Tally()
    # Two predictions on the same gold content: only one may match; a short one fails dice .5.
    t.add(TEXT, doc, [_st(0, q_end), _st(0, q_end), _st(1, 4)])
    assert t.result()["content"]["correct"] == 1


def test_statements_bench_first_annotator_copy(tmp_path):
    d1 = _gold_doc(annotator="x")
    d1["annotators_of_article"] = ["x", "y"]
    d2 = dict(d1, annotator="y", attributions=[])
    (tmp_path / "dev.jsonl").write_text("\n".join(json.dumps(d) for d in (d2, d1)) + "\n")
    docs = load_polnear(tmp_path, "dev")
    assert len(docs) == 1 and docs[0]["annotator"] == "x"


@pytest.mark.model
def test_statements_bench_run_on_invented_split(tmp_path, settings):
    from newsdossier.bench.statements import run

    (tmp_path / "dev.jsonl").write_text(json.dumps(_gold_doc()) + "\n")
    r = run(tmp_path, "dev", settings)
    assert r["articles"] == 1
    assert r["direct"]["correct"] == 1
    assert r["seconds_per_article"]["statements"] > 0
