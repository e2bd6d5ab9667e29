"""Is this incident candidate a specific violent event that happened? The per-candidate decision.

An article the per-article decision (`relevance.py`) takes for a report may still speak of violence
only in general: "thousands of shootings a year", terror attacks as the topic of an op-ed, a war's
toll "of more than 10,000", what a gunman "could" do. The incident rules make a candidate of such
sentences as readily as of a report of an attack. Once the rules have made their incidents, this
module scores each one with a logistic regression over features that carry across domains (no
encoder pass, no words of any corpus):
  - grammar of the candidate's sentences that hold a violence word (the first `MAX_SENTENCES` of
    its character range), read from the parse the pipeline has already made: the tense and modality
    of the violence verbs, bare plurals ("shootings", "attacks"), a determiner before a singular
    violence noun ("the shooting"), a reflexive object ("shot himself"), negation, the passive; and
    what a report of one event names (a date or a time of day, a place, a person, a small number,
    police or witnesses) against what general talk holds (large numbers, rates and "every year",
    conditionals, "I"/"we"/"you", questions, quotations, mishaps). Each sentence gives a row; the
    candidate has the mean and the maximum of its rows, the share of them in the article's first
    lines and their number;
  - what the rules made of it: casualty figures (known, a handful, in the hundreds or more), the
    victims, targets, perpetrators and weapons found, a date and its precision, a place and its
    precision, an attack type, whether it is the article's main incident.

A candidate scored under the model's threshold is dropped and the rest are numbered again; an
article whose candidates are all dropped has no incident. Caseless text (`applies`) is not scored.
The weights (`models/specific/specific.npz`) are written by `python -m newsdossier.train.specific`
(`make train-specific`), trained on the rules' own candidates in train-split documents; the model
card there gives data, terms, the threshold's choice and dev figures.
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ...errors import ModelError
from . import relevance as _relevance

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "specific" / "specific.npz"
MAX_SENTENCES = 8
# Bumped whenever `sentence_features` changes, so the trainer's cache of parsed features is not reused.
FEATURES_VERSION = 3
LEAD_SENTENCES = 3

_MODALS = frozenset("will would could can may might should must shall 'd 'll".split())
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
morning afternoon evening night overnight midnight noon dawn""".split())
_BIG_NUMBER_WORDS = frozenset("hundreds thousands millions billions tens".split())
_SMALL_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_RATE_WORDS = frozenset("every each per annually annual yearly rate rates percent % average statistics "
                        "statistic data epidemic toll".split())
_IF_WORDS = frozenset("if unless whether hypothetical".split())
_PERSONAL = frozenset("i we you our us your my me".split())
_AUTHORITY = frozenset("police officers officer sheriff deputies deputy authorities detectives detective "
                       "investigators spokesman spokeswoman coroner witnesses witness".split())
_REPORTING = frozenset("said say says told tell reported report according".split())
_REFLEXIVE = frozenset("himself herself themselves myself yourself oneself".split())
_SELF_HARM = re.compile(r"\bsuicid\w*|\bself[- ]inflicted\b", re.I)
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb')
# Words of harm done by someone (not "died", "dead", "victims", "gunmen": a death or a person is no
# act). A clause that tells one such act of one occasion is the anchor of a specific event.
_ACT = re.compile(r"(?:shoot|shot|kill|murder|slain|slay|assassinat|massacre|stab|wound|injur|bomb|explo|blast|"
                  r"detonat|attack|assault|ambush|kidnap|abduct|arson|torch|gunfire|behead|hostage)[\w-]*", re.I)
_DETERMINERS = frozenset("a an the this that".split())
_DEFINITE = frozenset("the this that these those".split())
# "accused of killing", "charged with shooting": an accusation names one act.
_ACCUSE = frozenset("accuse charge convict suspect arrest indict sentence jail guilty blame".split())
_NOBODY = frozenset("nobody none".split())

SENTENCE_FEATURES = (
    "anchor", "past", "participle", "present", "modal", "plural", "bare_plural", "determined", "date", "time", "place",
    "person", "big_number", "small_number", "rate", "conditional", "personal", "question", "quoted", "authority",
    "reporting", "self_harm", "mishap", "negated", "passive", "agent", "length")


def _number(tok) -> Optional[float]:
    text = tok.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _modal(tok) -> bool:
    """Whether a modal governs the verb (or the verb above a noun): "could attack", "would be shot"."""
    for t in (tok, tok.head):
        if any(c.tag_ == "MD" or c.lower_ in _MODALS for c in t.children if c.dep_ in ("aux", "auxpass")):
            return True
    return False


def is_anchor(tok) -> bool:
    """Whether the token tells one act of harm done on one occasion: a harm verb in the past ("shot",
    "was killed", "has been stabbed", "the man shot by ...") that no modal governs, that is not negated,
    whose subject is not "no one" and whose object is not the doer ("shot himself"); an act someone is
    accused or charged of ("accused of killing"); a singular harm noun with a determiner or a possessor
    ("a shooting", "the attack", "Sunday's bombing"), a plural one with a definite determiner ("the
    shootings", not "thousands of shootings")."""
    if not _ACT.fullmatch(tok.lower_) or _modal(tok):
        return False
    children = list(tok.children)
    if tok.tag_ in ("VBD", "VBN"):
        if any(c.dep_ == "neg" for c in children) or any(c.lower_ in _REFLEXIVE for c in children):
            return False
        # "No one was hurt", "nobody was killed": no act.
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NOBODY or any(g.lower_ == "no" for g in c.children))
               for c in children):
            return False
        aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBD":
            return not aux or any(c.tag_ in ("VBD", "VBZ", "VBP") for c in aux)
        return (any(c.tag_ in ("VBD", "VBZ", "VBP") and c.lower_ not in ("get", "gets") for c in aux)
                or (not aux and tok.dep_ in ("acl", "relcl", "amod")))
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.head.lemma_.lower() in _ACCUSE:
        return True
    if tok.tag_ == "NN":
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DETERMINERS) for c in children)
    if tok.tag_ == "NNS":
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in children)
    return False


def sentence_features(tokens: Sequence) -> np.ndarray:
    """One row of `SENTENCE_FEATURES` for a sentence (spaCy tokens of a parsed Doc or Span)."""
    f = dict.fromkeys(SENTENCE_FEATURES, 0.0)
    f["anchor"] = float(any(is_anchor(t) for t in tokens))
    lowers = [t.lower_ for t in tokens]
    words = set(lowers)
    text = "".join(t.text_with_ws for t in tokens)
    for t in tokens:
        if not _relevance.VIOLENCE.fullmatch(t.lower_):
            continue
        children = list(t.children)
        deps = {c.dep_ for c in children}
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
            if t.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
                f["past"] = 1.0
            if t.tag_ == "VBN":
                f["participle"] = 1.0
            if t.tag_ in ("VBP", "VBZ") and not any(c.tag_ == "VBD" for c in aux):
                f["present"] = 1.0
            if any(c.lower_ in _MODALS or c.tag_ == "MD" for c in aux):
                f["modal"] = 1.0
            if "nsubjpass" in deps or "auxpass" in deps:
                f["passive"] = 1.0
            if "nsubj" in deps:
                f["agent"] = 1.0
            if any(c.lower_ in _REFLEXIVE for c in children):
                f["self_harm"] = 1.0
            if "neg" in deps:
                f["negated"] = 1.0
        elif t.pos_ in ("NOUN", "PROPN"):
            if t.tag_ in ("NNS", "NNPS"):
                f["plural"] = 1.0
                if not deps & {"det", "poss", "nummod"}:
                    f["bare_plural"] = 1.0
            elif "det" in deps or "poss" in deps:
                f["determined"] = 1.0
    for t in tokens:
        if t.ent_type_ == "DATE":
            f["date"] = 1.0
        elif t.ent_type_ == "TIME":
            f["time"] = 1.0
        elif t.ent_type_ in ("GPE", "LOC", "FAC"):
            f["place"] = 1.0
        elif t.ent_type_ == "PERSON":
            f["person"] = 1.0
        if t.like_num:
            value = _number(t)
            if value is not None and value >= 1000 and not (1900 <= value <= 2100 and "," not in t.text):
                f["big_number"] = 1.0
            elif value is not None and 1 <= value < 100 or t.lower_ in _SMALL_NUMBER_WORDS:
                f["small_number"] = 1.0
        if t.lower_ in _MODALS and t.tag_ == "MD":
            f["conditional"] = max(f["conditional"], 0.5)
    if words & _TIME_WORDS:
        f["time"] = 1.0
    if words & _BIG_NUMBER_WORDS:
        f["big_number"] = 1.0
    if words & _RATE_WORDS or re.search(r"\b(?:a|per|each|every) (?:year|month|week|day)\b", text, re.I):
        f["rate"] = 1.0
    if words & _IF_WORDS:
        f["conditional"] = 1.0
    f["personal"] = float(bool(words & _PERSONAL))
    f["question"] = float("?" in words)
    f["quoted"] = float(any(c in _QUOTES for c in text))
    f["authority"] = float(bool(words & _AUTHORITY))
    f["reporting"] = float(bool(words & _REPORTING))
    if _SELF_HARM.search(text):
        f["self_harm"] = 1.0
    f["mishap"] = float(bool(_relevance.MISHAP.search(text)))
    f["length"] = math.log1p(len(lowers)) / 4
    return np.array([f[k] for k in SENTENCE_FEATURES], dtype=np.float32)


def candidate_features(rows: np.ndarray, in_lead: Sequence[bool]) -> np.ndarray:
    """A candidate's grammar block: mean and max of its sentence rows, the share of them among the
    article's first `LEAD_SENTENCES` sentences, and the log of their number."""
    if not len(rows):
        return np.zeros(len(GRAMMAR), np.float32)
    return np.concatenate([rows.mean(0), rows.max(0),
                           [float(np.mean(in_lead)), math.log1p(len(rows))]]).astype(np.float32)


GRAMMAR = tuple(f"{a}_{n}" for a in ("mean", "max") for n in SENTENCE_FEATURES) + ("lead_share", "log_sentences")
# What the rules made of the candidate: a report of one event gives a handful of casualties, the people
# and things hit, a day and a town; general talk gives none, or a toll in the thousands.
STRUCTURE = ("killed_known", "killed_small", "killed_large", "killed_log", "injured_known", "injured_small",
             "injured_large", "injured_log", "exact", "victims", "targets", "perpetrators", "organizations",
             "weapons", "date_known", "date_day", "date_published", "place_known", "place_town", "venue",
             "types_unknown", "evidence", "responsibility", "perpetrator_count", "main", "incidents")
def unit_features(grammar: np.ndarray, structure: np.ndarray) -> np.ndarray:
    """The model's input: the grammar block, then the structure block."""
    return np.concatenate([grammar, structure])


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name)


def structure_features(incident, index: int, total: int) -> np.ndarray:
    """One row of `STRUCTURE` for an incident (a record or its JSON), the `index`-th of `total`."""
    f = dict.fromkeys(STRUCTURE, 0.0)
    exact = False
    for kind in ("killed", "injured"):
        fig = _get(incident, kind)
        if fig is None:
            continue
        low = _get(fig, "min") or 0
        f[f"{kind}_known"] = 1.0
        f[f"{kind}_small"] = float(1 <= low <= 20)
        f[f"{kind}_large"] = float(low >= 100)
        f[f"{kind}_log"] = math.log1p(low) / 5
        exact = exact or _get(fig, "qualifier") == "exact"
    f["exact"] = float(exact)
    for name, field in (("victims", "victims"), ("targets", "targets"), ("perpetrators", "perpetrator_individuals"),
                        ("organizations", "perpetrator_organizations"), ("weapons", "weapons")):
        f[name] = math.log1p(len(_get(incident, field) or ()))
    date = _get(incident, "date")
    if date is not None:
        f["date_known"] = 1.0
        f["date_day"] = float(_get(date, "precision") == "day")
        f["date_published"] = float(_get(date, "resolved_from") == "published")
    place = _get(incident, "location")
    if place is not None:
        f["place_known"] = 1.0
        f["place_town"] = float(_get(place, "precision") == "town")
        f["venue"] = float(bool(_get(place, "venue")))
    f["types_unknown"] = float(tuple(_get(incident, "types") or ()) in ((), ("unknown",)))
    f["evidence"] = math.log1p(len(_get(incident, "evidence") or ()))
    f["responsibility"] = float(bool(_get(incident, "responsibility")))
    f["perpetrator_count"] = float(_get(incident, "perpetrator_count") is not None)
    f["main"] = float(index == 0)
    f["incidents"] = math.log1p(total)
    return np.array([f[k] for k in STRUCTURE], dtype=np.float32)


@dataclass(frozen=True)
class Model:
    """Logistic regression over the grammar and structure blocks, standardised by `mean` and `scale`."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    bias: float
    threshold: float

    def probability(self, x: np.ndarray) -> float:
        z = self.bias + float(((x - self.mean) / self.scale) @ self.weights)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=2)
def load(path: str = str(MODEL_PATH)) -> Model:
    try:
        with np.load(path, allow_pickle=False) as data:
            cfg = json.loads(str(data["config"]))
            model = Model(weights=data["weights"].astype(np.float32), mean=data["mean"].astype(np.float32),
                          scale=data["scale"].astype(np.float32), bias=float(cfg["bias"]),
                          threshold=float(cfg["threshold"]))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"{path}: incident candidate model missing or unreadable ({exc}); "
                         "run `python -m newsdossier.train.specific`") from exc
    if model.weights.shape != (len(GRAMMAR) + len(STRUCTURE),):
        raise ModelError(f"{path}: incident candidate model has {model.weights.shape[0]} weights, this code reads "
                         f"{len(GRAMMAR) + len(STRUCTURE)}; run `python -m newsdossier.train.specific`")
    return model


def violence_sentences(sents: Iterable, start: int = 0, end: Optional[int] = None) -> list:
    """The first `MAX_SENTENCES` sentences (spaCy spans) within [start, end) that hold a violence word."""
    out = []
    for s in sents:
        if s.start_char < start or (end is not None and s.start_char >= end):
            continue
        if _relevance.VIOLENCE.search(s.text):
            out.append(s)
            if len(out) == MAX_SENTENCES:
                break
    return out


def grammar_block(doc_sents: Sequence, start: int, end: int) -> np.ndarray:
    """The grammar block of the candidate spanning characters [start, end) of the parsed article whose
    sentences are `doc_sents`."""
    lead_end = doc_sents[min(LEAD_SENTENCES, len(doc_sents)) - 1].end_char if doc_sents else 0
    sents = violence_sentences(doc_sents, start, end)
    rows = np.stack([sentence_features(s) for s in sents]) if sents else np.zeros((0, len(SENTENCE_FEATURES)))
    return candidate_features(rows, [s.start_char < lead_end for s in sents])


def probability(doc_sents: Sequence, start: int, end: int, incident, index: int = 0, total: int = 1,
                model_path: Optional[str] = None) -> float:
    """P(the candidate spanning [start, end), made into `incident` by the rules, is a specific violent
    event that happened)."""
    x = unit_features(grammar_block(doc_sents, start, end), structure_features(incident, index, total))
    return load(model_path or str(MODEL_PATH)).probability(x)


def applies(text: str) -> bool:
    """Whether the decision is made for an article: not for caseless text (wire copy lower-cased, as
    MUC-4's is), where spaCy finds no entity types and no proper names, which the features lean on;
    there the per-article decision alone stands."""
    return any(c.isupper() for c in text)


def threshold(model_path: Optional[str] = None) -> float:
    return load(model_path or str(MODEL_PATH)).threshold
