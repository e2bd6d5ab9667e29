"""The trained attribution tagger: a CRF over parse features, tagging source / cue / content.

Weights ship in `newsdossier/models/statements/` (`tagger.crfsuite`, `cues.json`, `frames.json`,
`keep.json`) and are loaded once per process. `tag(doc, quotes)` returns one BIO tag per token of the Doc (space tokens "O").
"""
from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from ...analyze import budget
from ...errors import ModelError
from .features import iter_token_features
from .frames import Frames
from .keep import KeepModel
from .quotes import Quote

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "statements"
_LOCK = threading.Lock()
# Longest sequence tagged at once, in tokens; a paragraph longer than this (no news paragraph is)
# is tagged in runs of whole sentences.
MAX_SEQUENCE = 4000


class Tagger:
    def __init__(self, model_dir: Path = MODEL_DIR):
        from ..crf_model import exists, open_tagger

        path = model_dir / "tagger.crfsuite"
        cues = model_dir / "cues.json"
        if not exists(path) or not cues.is_file():
            raise ModelError(f"statements tagger weights missing in {model_dir} "
                             "(expected tagger.crfsuite and cues.json; run `make train-statements`)")
        frames = model_dir / "frames.json"
        if not frames.is_file():
            raise ModelError(f"statements cue frames missing in {model_dir} "
                             "(expected frames.json; run `make train-statements`)")
        self._tagger = open_tagger(path)
        self.cue_p: dict[str, float] = json.loads(cues.read_text(encoding="utf-8"))
        self.frames = Frames(json.loads(frames.read_text(encoding="utf-8")))
        # Which plausible attributions stay (`keep.py`); a folder without it (the tagger trained
        # to collect that model's own training data) keeps those the tagger is confident of.
        keep = model_dir / "keep.json"
        self.keep: Optional[KeepModel] = (KeepModel(json.loads(keep.read_text(encoding="utf-8")))
                                          if keep.is_file() else None)

    def tag(self, doc: Doc, quotes: list[Quote]) -> tuple[list[str], list[float]]:
        """A BIO tag per token and the model's marginal probability of that tag."""
        tags = ["O"] * len(doc)
        probs = [1.0] * len(doc)
        # One sequence at a time (features of a whole long article would take GBs), checking the
        # article's time budget between them.
        for para, seq in iter_token_features(doc, quotes, self.cue_p, max_tokens=MAX_SEQUENCE):
            budget.check(doc, "statements")
            # pycrfsuite's Tagger keeps state between set() and tag(): one caller at a time.
            with _LOCK:
                labels = self._tagger.tag(seq)
                for pos, (tok, t) in enumerate(zip(para, labels)):
                    tags[tok.i] = t
                    probs[tok.i] = self._tagger.marginal(t, pos)
        return tags, probs


@lru_cache(maxsize=2)
def load_tagger(model_dir: str = str(MODEL_DIR)) -> Tagger:
    return Tagger(Path(model_dir))
