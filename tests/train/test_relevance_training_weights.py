"""The per-article incident model's training weights: MUC-4's template-less documents, as read or not."""
import json

import numpy as np

from newsdossier.train import relevance as train


def _muc4_folder(tmp_path, docs):
    (tmp_path / "muc4").mkdir()
    with open(tmp_path / "muc4" / "templates_train.jsonl", "w", encoding="utf-8") as f:
        for docid, templates in docs:
            f.write(json.dumps({"docid": docid, "doctext": "TEXT OF " + docid, "templates": templates}) + "\n")
    return tmp_path


DOCS = [("A", [{"incident": 1}]), ("B", []), ("C", []), ("D", []), ("E", [])]


def test_without_a_reading_a_template_is_the_label(tmp_path):
    docs = train.muc4(_muc4_folder(tmp_path, DOCS), "train")
    assert [(d["id"], d["label"]) for d in docs] == [("A", 1), ("B", 0), ("C", 0), ("D", 0), ("E", 0)]
    assert not any("unsure" in d for d in docs)


def test_with_a_reading_the_labels_follow_it(tmp_path):
    docs = {d["id"]: d for d in train.muc4(_muc4_folder(tmp_path, DOCS), "train",
                                           {"B": "attack", "C": "none", "D": "clash"})}
    assert [(k, docs[k]["label"], docs[k]["unsure"]) for k in "ABCDE"] == [
        ("A", 1, False), ("B", 1, False), ("C", 0, False), ("D", 0, True), ("E", 0, True)]


def test_irrelevant_muc4_documents_weigh_muc_negative():
    docs = [{"source": "muc4", "label": 0}] * 100 + [{"source": "gva", "label": 1}] * 60
    w = train.sample_weights(docs, 0.0)
    assert np.all(w[:100] == 0) and np.all(w[100:] > 0)


def test_unsure_documents_weigh_muc_negative_and_do_not_dilute_their_group():
    docs = ([{"source": "muc4", "label": 0, "unsure": False}] * 60 + [{"source": "muc4", "label": 0, "unsure": True}] * 140
            + [{"source": "gva", "label": 1}] * 60)
    w = train.sample_weights(docs, 0.0)
    assert np.all(w[60:200] == 0)
    # the 60 read negatives weigh as much in all as the 60 GVA positives
    assert np.isclose(w[:60].sum(), w[200:].sum())
    assert np.isclose(train.sample_weights(docs, 0.5)[60], 0.5 * w[0])


def test_the_reading_file_is_well_formed():
    reading = train.read_judgements(train.MUC4_READING)
    assert len(reading) == 600
    assert set(reading.values()) <= {"attack", "none", "clash", "unclear"}
    assert all(k.startswith("DEV-MUC3-") for k in reading)
