"""Role-filler spans (perpetrators, targets, victims, weapons) from a parsed Doc.

A linear-chain CRF (python-crfsuite) tags tokens with BIO labels over the five MUC-4 roles.
Its features are lower-cased on purpose: it is trained on MUC-4, whose text is lower-cased, and
must carry over to normally-cased news. Besides the word and its window, each token carries
its syntax (POS, dependency, head lemma, the verb that governs it and through which relation)
and general-knowledge lexicons (attack verbs, weapon words, armed groups, perpetrator nouns).

The same featuriser runs at training time (`newsdossier.train.incidents`) and at extraction
time, so the two can never drift apart. Rule-found spans are added in `rules.py`; `tag_doc` (roles/__init__.py) runs both.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc, Span as SpacySpan

from ....analyze.chunks import noun_chunks
from ...crf_model import open_tagger
from ...lexicon.groups import groups_in
from ...lexicon.roles import PERP_WORDS, TARGET_WORDS, VICTIM_WORDS, WEAPON_WORDS
from ...lexicon.violence import ATTACK_VERBS
from ...syntax import governing_verb, sentences

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "incidents"

_WORD = re.compile(r"\w")


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if any(c.isdigit() for c in word):
        return "Dx"
    if not _WORD.search(word):
        return "P"
    return "x" if len(word) > 3 else "xs"


def sentence_features(sent: SpacySpan, index: int, group_tokens: set[int],
                      doc_flags: tuple[str, ...] = ()) -> list[list[str]]:
    """crfsuite feature strings for each token of one sentence."""
    toks = list(sent)
    lowers = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    has_attack = any(l in ATTACK_VERBS for l, t in zip(lemmas, toks) if t.pos_ in ("VERB", "NOUN"))
    chunk_iob = {}
    for chunk in noun_chunks(sent):
        for t in chunk:
            chunk_iob[t.i] = "B" if t.i == chunk.start else "I"
    sent_bucket = str(index) if index < 4 else ("4-7" if index < 8 else "8+")
    feats = []
    n = len(toks)
    for k, tok in enumerate(toks):
        w, lem = lowers[k], lemmas[k]
        gov, rel = governing_verb(tok)
        gl = gov.lemma_.lower() if gov is not None else "-"
        f = [
            "b", "w=" + w, "l=" + lem, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + tok.dep_,
            "s=" + _shape(tok.text), "suf=" + w[-3:], "pre=" + w[:3],
            "hl=" + tok.head.lemma_.lower(), "hd=" + tok.dep_ + "|" + tok.head.pos_,
            "dh=" + tok.dep_ + "|" + tok.head.lemma_.lower(),
            "gv=" + gl, "gvr=" + gl + "|" + rel, "np=" + chunk_iob.get(tok.i, "O"),
            "sb=" + sent_bucket, "ent=" + (tok.ent_type_ or "-"),
        ]
        if gl in ATTACK_VERBS:
            f += ["atk", "atkr=" + rel]
        if has_attack:
            f.append("satk")
        if lem in WEAPON_WORDS or w in WEAPON_WORDS:
            f.append("lexW")
        if lem in PERP_WORDS or w in PERP_WORDS:
            f.append("lexP")
        if lem in TARGET_WORDS:
            f.append("lexT")
        if lem in VICTIM_WORDS:
            f.append("lexV")
        if tok.i in group_tokens:
            f.append("lexG")
        if tok.like_num:
            f.append("num")
        if tok.is_punct:
            f.append("punct")
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                f.append(f"w{off}=" + lowers[j])
                f.append(f"p{off}=" + toks[j].pos_)
                if abs(off) == 1:
                    f.append(f"l{off}=" + lemmas[j])
                    f.append(f"wp{off}=" + w + "|" + lowers[j])
                    if j in group_tokens:
                        f.append(f"lexG{off}")
            else:
                f.append(f"w{off}=<s>" if off < 0 else f"w{off}=</s>")
        f.extend(doc_flags)
        feats.append(f)
    return feats


def doc_features(doc: Doc) -> list[list[list[str]]]:
    """Feature sequences of every non-empty sentence, in order (see `sentences`)."""
    group_tokens = group_tokens_of(doc)
    return [sentence_features(sent, i, group_tokens) for i, sent in enumerate(sentences(doc))]


def group_tokens_of(doc: Doc) -> set[int]:
    """Tokens inside a known armed group's name."""
    group_tokens = set()
    for start, end, _ in groups_in(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            group_tokens.update(range(span.start, span.end))
    return group_tokens


@dataclass(frozen=True)
class TaggedSpan:
    """A tagged role span: token range, characters, role, and the tagger's mean marginal."""

    role: str
    start: int
    end: int
    char_start: int
    char_end: int
    confidence: float
    sentence: int
    source: str = "crf"


def decode(sent: SpacySpan, labels: list[str], marginal, index: int) -> list[TaggedSpan]:
    """BIO labels (with per-token marginals `marginal(label, k)`) -> role spans."""
    out = []
    toks = list(sent)
    k = 0
    while k < len(labels):
        lab = labels[k]
        if lab == "O":
            k += 1
            continue
        # An I- tag after O or another role starts a span too: the CRF rarely does it, never harmful.
        role = lab[2:]
        j = k + 1
        while j < len(labels) and labels[j] == "I-" + role:
            j += 1
        probs = [marginal(labels[x], x) for x in range(k, j)]
        out.append(TaggedSpan(role=role, start=toks[k].i, end=toks[j - 1].i + 1,
                              char_start=toks[k].idx, char_end=toks[j - 1].idx + len(toks[j - 1].text),
                              confidence=sum(probs) / len(probs), sentence=index))
        k = j
    return out


@functools.lru_cache(maxsize=2)
def tagger_at(path: str):
    return open_tagger(Path(path))


# Tokens whose probability of being inside some role is at least this form extra spans that the
# best (Viterbi) path leaves out: the CRF's most likely path is "O" for many real fillers.
MARGINAL_FLOOR = 0.2


def marginal_spans(sent: SpacySpan, tagger, found: list[TaggedSpan], index: int) -> list[TaggedSpan]:
    """Spans from per-token marginals where the Viterbi path says O; confidence = mean P(not O)."""
    toks = list(sent)
    labels = [l for l in tagger.labels() if l != "O"]
    taken = set()
    for sp in found:
        taken.update(range(sp.start, sp.end))
    out = []
    k = 0
    while k < len(toks):
        if toks[k].i in taken or 1 - tagger.marginal("O", k) < MARGINAL_FLOOR:
            k += 1
            continue
        j = k
        while j < len(toks) and toks[j].i not in taken and 1 - tagger.marginal("O", j) >= MARGINAL_FLOOR:
            j += 1
        score = {}
        for lab in labels:
            score[lab[2:]] = score.get(lab[2:], 0.0) + sum(tagger.marginal(lab, x) for x in range(k, j))
        role = max(score, key=score.get)
        conf = sum(1 - tagger.marginal("O", x) for x in range(k, j)) / (j - k)
        out.append(TaggedSpan(role=role, start=toks[k].i, end=toks[j - 1].i + 1, char_start=toks[k].idx,
                              char_end=toks[j - 1].idx + len(toks[j - 1].text), confidence=conf, sentence=index))
        k = j
    return out


def iter_bio(doc: Doc, gold: dict[str, list[list[str]]]) -> Iterable[list[str]]:
    """BIO labels per sentence: every occurrence of every gold mention string (training only)."""
    text = doc.text
    lab = ["O"] * len(doc)
    occupied = [False] * len(doc)
    mentions = []
    for role in ROLES:
        for entity in gold.get(role, []):
            for m in entity:
                m = m.strip()
                if m:
                    mentions.append((len(m), role, m))
    mentions.sort(key=lambda x: -x[0])
    for _, role, m in mentions:
        for hit in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is None or any(occupied[i] for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                occupied[i] = True
                lab[i] = ("B-" if i == span.start else "I-") + role
    for sent in sentences(doc):
        yield [lab[t.i] for t in sent]
