"""A statement's type from its content where its cue says nothing of it ("said", "told").

The rules in `statement_types.py` type a statement by its cue ("accused" -> accusation, "warned"
-> warning, "believes" -> assessment); a plain verb of saying leaves it `other`, whatever was
said. This model reads the content's words (unigrams and bigrams) and was trained on PolNeAR
train's contents labelled by their cues (`train/statement_types.py`): what people are said to
believe, deny, warn of or accuse others of, against what they are plainly said to say. It moves a
statement out of `other` only where one type's probability reaches the learned threshold. Weights
ship as `types.json` beside the tagger; without the file nothing is retyped.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "statements"
# Words as the training vectoriser split them (scikit-learn's default pattern, apostrophes kept).
TOKEN_PATTERN = r"(?u)\b\w[\w'’]*\b"
_WORD = re.compile(TOKEN_PATTERN)


class TypeModel:
    def __init__(self, table: dict):
        self.classes: list[str] = table["classes"]
        self.intercept: dict[str, float] = table["intercept"]
        self.weights: dict[str, dict[str, float]] = table["weights"]
        self.threshold: float = table["threshold"]

    def probabilities(self, content: str) -> dict[str, float]:
        words = [w.lower() for w in _WORD.findall(content)]
        grams = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
        z = {c: self.intercept[c] + sum(self.weights[c].get(g, 0.0) for g in grams) for c in self.classes}
        top = max(z.values())
        e = {c: math.exp(v - top) for c, v in z.items()}
        s = sum(e.values())
        return {c: v / s for c, v in e.items()}

    def type_of(self, content: str) -> Optional[str]:
        """The type the content reads as, or None where no type but `other` is likely enough."""
        p = self.probabilities(content)
        best = max((c for c in self.classes if c != "other"), key=p.__getitem__)
        return best if p[best] >= self.threshold else None


@lru_cache(maxsize=2)
def load_type_model(model_dir: str = str(MODEL_DIR)) -> Optional[TypeModel]:
    path = Path(model_dir) / "types.json"
    if not path.is_file():
        return None
    return TypeModel(json.loads(path.read_text(encoding="utf-8")))
