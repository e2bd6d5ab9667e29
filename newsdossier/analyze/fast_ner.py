"""A fast entity tagger in place of spaCy's transition-based NER (setting `ner = "fast"`).

spaCy's small English NER runs its own tok2vec and then a transition parser whose decoding, one
action at a time for every token, is the most expensive step of the whole pipeline (about 40% of
spaCy's time on long political articles, more than the tok2vec, tagger and parser together). This
component reads the vectors the shared tok2vec has already written to `doc.tensor` (what the tagger
and parser read) and tags each token with a two-layer network over a window of them: O, B-LABEL or
I-LABEL, with spaCy's labels. It was trained to give the entities spaCy's NER gives
(`newsdossier/train/fast_ner.py`, model card `newsdossier/models/fast_ner/MODEL_CARD.md`): numpy only,
no transition system, about 2 ms for a thousand tokens.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ModelError

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "fast_ner" / "fast_ner.npz"


def spans_of(tags: np.ndarray, names: list[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each entity in a sequence of tag indices: an entity starts at a B tag,
    or at an I tag that does not continue one of its label, and runs over the I tags of its label."""
    start, label = None, None
    for i, t in enumerate(tags):
        name = names[int(t)]
        if name == "O":
            if start is not None:
                yield start, i, label
            start = label = None
            continue
        iob, lab = name.split("-", 1)
        if iob == "I" and start is not None and lab == label:
            continue
        if start is not None:
            yield start, i, label
        start, label = i, lab
    if start is not None:
        yield start, len(tags), label


def decode(scores: np.ndarray, allowed: np.ndarray, outside: int = 0) -> np.ndarray:
    """The best tag sequence (Viterbi over log-probabilities) under the `allowed` transitions. The
    network's first choice is kept wherever it and both neighbours' are `outside` (O): only the
    stretches around a proposed entity token are decoded, so the cost follows the entities, not the
    text."""
    best = scores.argmax(1)
    out = best.copy()
    hot = np.flatnonzero(best != outside)
    if not len(hot):
        return out
    logp = scores - scores.max(1, keepdims=True)
    logp -= np.log(np.exp(logp).sum(1, keepdims=True))
    penalty = np.where(allowed, 0.0, -np.inf)
    n = len(scores)
    # Stretches of proposed entity tokens, each with one token of context either side.
    starts = [hot[0]] + [b for a, b in zip(hot, hot[1:]) if b > a + 2]
    ends = [a for a, b in zip(hot, hot[1:]) if b > a + 2] + [hot[-1]]
    for s, e in zip(starts, ends):
        s, e = max(0, s - 1), min(n, e + 2)
        # The token before the stretch is O (or the start of the text): no I tag may open it.
        score = logp[s] + penalty[outside]
        back = []
        for t in range(s + 1, e):
            cand = score[:, None] + penalty
            back.append(cand.argmax(0))
            score = cand.max(0) + logp[t]
        tag = int(score.argmax())
        out[e - 1] = tag
        for t in range(e - 1, s, -1):
            tag = int(back[t - s - 1][tag])
            out[t - 1] = tag
    return out


def windows(vectors: np.ndarray, window: int) -> np.ndarray:
    """Each row of `vectors` joined to the `window` rows each side (zeros past the edges)."""
    n, d = vectors.shape
    padded = np.zeros((n + 2 * window, d), np.float32)
    padded[window:window + n] = vectors
    return np.concatenate([padded[j:j + n] for j in range(2 * window + 1)], axis=1)


def network_inputs(source: str, window: int, embed_window: int, tensor: Optional[np.ndarray],
                   own: Optional[np.ndarray]) -> np.ndarray:
    """The network's input rows of one Doc for weights that read `source`: windows of the shared
    vectors (`tensor`, "shared"), of the NER's tok2vec vectors (`own`, "own"), or of both, the NER's
    word embeddings (`own`) in a narrower window ("mixed"). Training builds its rows with this too."""
    if source == "own":
        return windows(np.asarray(own, dtype=np.float32), window)
    shared = windows(np.asarray(tensor, dtype=np.float32), window)
    if source == "shared":
        return shared
    return np.concatenate([shared, windows(np.asarray(own, dtype=np.float32), embed_window)], axis=1)


class FastNer:
    """The weights and what they read: "shared" (a window of the shared tok2vec's vectors), "own"
    (a window of those of spaCy's NER's own tok2vec) or "mixed" (a window of the shared vectors and
    a narrower one of the NER's word embeddings, the cheap first stage of its tok2vec)."""

    def __init__(self, path: Path = MODEL_PATH):
        try:
            with np.load(path, allow_pickle=False) as z:
                self.w1 = z["w1"].astype(np.float32)
                self.b1 = z["b1"].astype(np.float32)
                self.w2 = z["w2"].astype(np.float32)
                self.b2 = z["b2"].astype(np.float32)
                self.tags = [str(t) for t in z["tags"]]
                config = json.loads(str(z["config"]))
            self.source = config["source"]
            self.window = int(config["window"])
            self.embed_window = int(config.get("embed_window", 0))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: fast entity tagger missing or unreadable ({exc}); "
                             "run `make train-ner` or set ner = \"spacy\"") from exc

    def inputs(self, tensor: Optional[np.ndarray], own: Optional[np.ndarray]) -> np.ndarray:
        """The network's input rows of one Doc, from the shared vectors (`doc.tensor`) and/or those
        of the NER's tok2vec or its word embeddings (`own`), as the weights were trained."""
        x = network_inputs(self.source, self.window, self.embed_window, tensor, own)
        if x.shape[1] != self.w1.shape[0]:
            raise ModelError(f"the fast entity tagger's weights read {self.w1.shape[0]} inputs a token, "
                             f"this pipeline gives {x.shape[1]}")
        return x

    def predict_tags(self, x: np.ndarray) -> np.ndarray:
        """The tag index of each row of network input (`inputs`): the best sequence of tags in which
        an I tag only continues an entity of its label (`decode`)."""
        if not len(x):
            return np.zeros(0, np.int64)
        h = np.maximum(x @ self.w1 + self.b1, 0)
        return decode(h @ self.w2 + self.b2, self._allowed)

    @functools.cached_property
    def _allowed(self) -> np.ndarray:
        """allowed[a, b]: tag b may follow tag a (I-X only after B-X or I-X)."""
        n = len(self.tags)
        allowed = np.ones((n, n), bool)
        for b, name in enumerate(self.tags):
            if name.startswith("I-"):
                allowed[:, b] = [t in ("B-" + name[2:], name) for t in self.tags]
        return allowed

    def tag(self, doc: Doc, x: np.ndarray) -> Doc:
        """Set `doc.ents` from the network input rows of `doc`."""
        tags = self.predict_tags(x)
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans_of(tags, self.tags)
                    if not all(t.is_space for t in doc[s:e])]
        return doc


class FastNerComponent:
    """The pipeline component. What it reads besides `doc.tensor` comes from spaCy's NER model
    (`own_model`, set by `analyze.pipeline.load_pipeline` when it replaces the NER): its whole
    tok2vec ("own") or only its embedding stage ("mixed"), run here on each batch."""

    def __init__(self, model: FastNer, own_model=None):
        self.model = model
        self.own_model = own_model

    def set_ner_model(self, ner_model) -> None:
        """Take what the weights read from the NER model being replaced."""
        tok2vec = ner_model.get_ref("tok2vec")
        # tok2vec = chain(chain(embedding stage, convolutions), list2array, linear): "mixed" reads
        # the embedding stage's output, "own" the whole.
        self.own_model = tok2vec.layers[0].layers[0] if self.model.source == "mixed" else tok2vec

    def _own(self, docs: list[Doc]) -> list[Optional[np.ndarray]]:
        if self.model.source == "shared":
            return [None] * len(docs)
        if self.own_model is None:
            raise ModelError("the fast entity tagger's weights read spaCy's NER tok2vec, which this pipeline "
                             "does not have; set ner = \"spacy\"")
        out = self.own_model.predict(docs)
        if self.model.source == "mixed":
            return list(out)  # one array a Doc
        bounds = np.cumsum([0] + [len(d) for d in docs])
        return [out[bounds[k]:bounds[k + 1]] for k in range(len(docs))]

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        for doc, own in zip(docs, self._own(docs)):
            if len(doc):
                self.model.tag(doc, self.model.inputs(doc.tensor, own))
        return docs

    def __call__(self, doc: Doc) -> Doc:
        return self._tag([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)


@functools.lru_cache(maxsize=2)
def load(path: str = str(MODEL_PATH)) -> FastNer:
    return FastNer(Path(path))


@Language.factory("newsdossier_fast_ner", assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
                  )
def make_fast_ner(nlp: Language, name: str, model_path: Optional[str] = None):
    return FastNerComponent(load(model_path or str(MODEL_PATH)))
