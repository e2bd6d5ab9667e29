"""Token features for the attribution tagger, read from the spaCy parse (shared by training and use).

A sequence is one paragraph (content often runs over sentences, rarely over paragraphs); space
tokens are left out. The features that matter most are structural: whether a token sits inside a
quotation, and how it hangs from the nearest cue verb (its subject, its clausal complement,
"according to" its object). `cue_p` is the learned share of a lemma's occurrences that PolNeAR
annotates as cue, shipped with the weights.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from ...analyze.index import sentence_bounds
from .quotes import Quote, is_mark

# Lemmas whose share of cue use is at least this are treated as cue verbs by the structural features.
CUE_THRESHOLD = 0.15


def paragraphs(doc: Doc) -> Iterator[list[Token]]:
    """Non-space tokens grouped by paragraph (a newline in a token's text or trailing space ends one)."""
    cur: list[Token] = []
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text and cur:
                yield cur
                cur = []
            continue
        cur.append(tok)
        if "\n" in tok.whitespace_ and cur:
            yield cur
            cur = []
    if cur:
        yield cur


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def _cue_bucket(p: float) -> str:
    if p <= 0:
        return "0"
    if p < 0.05:
        return "lo"
    if p < 0.2:
        return "mid"
    if p < 0.5:
        return "hi"
    return "top"


class QuoteMap:
    """Character -> enclosing quote lookup."""

    def __init__(self, quotes: list[Quote]):
        self.pieces = sorted((s, e, q) for q in quotes for s, e in q.parts)
        self.starts = [p[0] for p in self.pieces]

    def at(self, char: int):
        k = bisect_right(self.starts, char) - 1
        if k >= 0 and char < self.pieces[k][1]:
            return self.pieces[k]
        return None


def _nearest_cue(cue_positions: list[int], i: int, ss: int, se: int) -> Optional[int]:
    """The cue position in [ss, se), other than `i`, closest to `i` (the earlier one on a tie), or
    None; by bisection, so a sentence full of cues costs no more per token than one with a few."""
    k = bisect_left(cue_positions, i)
    before = cue_positions[k - 1] if k > 0 and cue_positions[k - 1] >= ss else None
    if k < len(cue_positions) and cue_positions[k] == i:
        k += 1
    after = cue_positions[k] if k < len(cue_positions) and cue_positions[k] < se else None
    if before is None:
        return after
    if after is None or i - before <= after - i:
        return before
    return after


def token_features(doc: Doc, quotes: list[Quote], cue_p: dict[str, float]) -> list[list[list[str]]]:
    """Feature strings for every paragraph sequence of `doc` (see `paragraphs`), all at once."""
    return [seq for _, seq in iter_token_features(doc, quotes, cue_p)]


def sequences(doc: Doc, max_tokens: Optional[int] = None) -> Iterator[list[Token]]:
    """The paragraphs of `doc`, a paragraph longer than `max_tokens` cut into runs of whole
    sentences of at most `max_tokens` (a longer sentence alone), so that what the tagger holds at
    once is bounded. News paragraphs are far shorter, so on them this is `paragraphs(doc)`."""
    for para in paragraphs(doc):
        if max_tokens is None or len(para) <= max_tokens:
            yield para
            continue
        cur: list[Token] = []
        for tok in para:
            if tok.is_sent_start and cur and len(cur) + _sentence_left(tok) > max_tokens:
                yield cur
                cur = []
            cur.append(tok)
        if cur:
            yield cur


def _sentence_left(tok: Token) -> int:
    """Tokens from `tok` to the end of its sentence."""
    return sentence_bounds(tok.doc, tok.i)[1] - tok.i


def iter_token_features(doc: Doc, quotes: list[Quote], cue_p: dict[str, float],
                        max_tokens: Optional[int] = None) -> Iterator[tuple[list[Token], list[list[str]]]]:
    """(tokens, feature strings) for each sequence of `doc` (see `sequences`), one at a time:
    the per-token features of a long article are never all held together."""
    qmap = QuoteMap(quotes)
    n = len(doc)
    # Every attribute read below, read once per token (a spaCy Token is a new object each time it
    # is reached, through `doc[i]` or `.head`, and the walks below reach each one many times).
    lem, lower, text, pos_, dep, head = [], [], [], [], [], []
    tag, shape, ent, idx, upper = [], [], [], [], []
    for t in doc:
        lem.append(t.lemma_.lower())
        lower.append(t.lower_)
        text.append(t.text)
        pos_.append(t.pos_)
        dep.append(t.dep_)
        head.append(t.head.i)
        tag.append(t.tag_)
        shape.append(t.shape_[:4])
        ent.append(t.ent_type_ or "-")
        idx.append(t.idx)
        upper.append(t.is_upper)
    cuep = [cue_p.get(l, 0.0) for l in lem]
    is_cue = [p >= CUE_THRESHOLD and pos_[i] in ("VERB", "NOUN", "ADP", "PUNCT", "AUX", "ADJ")
              for i, p in enumerate(cuep)]
    # "according to X": the preposition pair acts as the cue.
    for i in range(n):
        if lem[i] == "accord" and i + 1 < n and lower[i + 1] == "to":
            is_cue[i] = is_cue[i + 1] = True

    # Structural relation to the nearest cue ancestor: the dependency under which the token hangs.
    anc_rel = [""] * n
    anc_dist = [0] * n
    anc_lemma = [""] * n
    for i in range(n):
        child, node, depth = i, head[i], 1
        if is_cue[i]:
            anc_rel[i] = "SELF"
            continue
        while depth < 12:
            if is_cue[node]:
                anc_rel[i] = dep[child]
                anc_dist[i] = depth
                anc_lemma[i] = lem[node]
                break
            if head[node] == node:
                break
            child, node, depth = node, head[node], depth + 1

    # The same with a looser lexicon: the nearest ancestor that is ever a cue, and how often it is.
    anc2 = [""] * n
    for i in range(n):
        child, node, depth = i, head[i], 1
        while depth < 12 and node != child:
            p = cuep[node]
            if p >= 0.02 and not is_cue[node]:
                anc2[i] = dep[child] + "|" + _cue_bucket(p) + ("<" if i < node else ">")
                break
            if is_cue[node]:
                break
            child, node, depth = node, head[node], depth + 1
    # Position relative to the governing cue, and the sentence root's cue strength.
    side = [""] * n
    for i in range(n):
        if anc_rel[i] and anc_rel[i] != "SELF":
            # anc_lemma's token is an ancestor; walk again to find its index cheaply.
            node = head[i]
            while not is_cue[node] and head[node] != node:
                node = head[node]
            side[i] = "<" if i < node else ">"

    # Sentence-level facts.
    sent_id = [0] * n
    sent_has_cue: list[bool] = []
    sent_has_quote: list[bool] = []
    sent_bounds: list[tuple[int, int]] = []
    sent_root: list[str] = []
    for k, s in enumerate(doc.sents):
        sent_bounds.append((s.start, s.end))
        sent_root.append(s.root.lemma_.lower() if cue_p.get(s.root.lemma_.lower(), 0) >= 0.02 else s.root.pos_)
        sent_has_cue.append(any(is_cue[i] for i in range(s.start, s.end)))
        sent_has_quote.append(any(is_mark(text[i]) for i in range(s.start, s.end)))
        for i in range(s.start, s.end):
            sent_id[i] = k
    cue_positions = [i for i in range(n) if is_cue[i]]

    cue_bucket = [_cue_bucket(p) for p in cuep]
    qlen: dict[tuple[int, int], str] = {}
    for para in sequences(doc, max_tokens):
        base = []
        index = [t.i for t in para]
        for pos, i in enumerate(index):
            w = lower[i]
            h = head[i]
            q = qmap.at(idx[i])
            if is_mark(text[i]):
                qf = "mark"
            elif q is not None:
                qf = "in"
            else:
                qf = "out"
            sid = sent_id[i]
            ss, se = sent_bounds[sid]
            # Signed distance to the nearest cue in the sentence (the earlier one on a tie).
            c = _nearest_cue(cue_positions, i, ss, se)
            dcue = "none" if c is None else ("L" if c > i else "R") + _bucket(abs(c - i))
            f = [
                "b",
                "w=" + w,
                "l=" + lem[i],
                "p=" + pos_[i],
                "t=" + tag[i],
                "d=" + dep[i],
                "sh=" + shape[i],
                "s3=" + w[-3:],
                "hl=" + lem[h],
                "hp=" + pos_[h],
                "dhl=" + dep[i] + "|" + lem[h],
                "e=" + ent[i],
                "cue=" + cue_bucket[i],
                "q=" + qf,
                "ar=" + anc_rel[i],
                "ard=" + anc_rel[i] + _bucket(anc_dist[i]),
                "arl=" + anc_rel[i] + "|" + anc_lemma[i],
                "sc=" + str(sent_has_cue[sid]) + str(sent_has_quote[sid]),
                "dc=" + dcue,
                "qdc=" + qf + dcue,
                "ss=" + str(i == ss),
                "se=" + str(i == se - 1),
                "ps=" + str(pos == 0),
                "hc=" + str(is_cue[h]),
                "hcd=" + str(is_cue[h]) + dep[i],
                "a2=" + anc2[i],
                "sd=" + anc_rel[i] + side[i],
                "sr=" + sent_root[sid],
                "srq=" + sent_root[sid] + qf,
                "rel=" + _bucket(int(10 * (i - ss) / max(se - ss, 1))),
            ]
            if pos == 0 and upper[i] and len(para) > 1 and text[index[1]] == ":":
                f.append("label")
            if text[i] == ":" and pos == 1 and upper[index[0]]:
                f.append("labelcolon")
            if q is not None:
                key = (q[0], q[1])
                if key not in qlen:
                    span = doc.char_span(q[0], q[1], alignment_mode="expand")
                    qlen[key] = _bucket(len(span) if span is not None else 0)
                f.append("qlen=" + qlen[key])
            base.append(f)
        # Window features from the neighbours' core attributes.
        seq = []
        size = len(para)
        for pos, f in enumerate(base):
            out = list(f)
            for off, near, w_, p_, q_, l_, bg_, d_, ar_, cue_, bound in _WINDOW:
                k = pos + off
                if 0 <= k < size:
                    j = index[k]
                    out.append(w_ + lower[j])
                    out.append(p_ + pos_[j])
                    out.append(q_ + base[k][13][2:])
                    out.append(l_ + lem[j])
                    if near:
                        out.append(bg_ + lem[j] + "|" + lem[index[pos]])
                        out.append(d_ + dep[j])
                        out.append(ar_ + anc_rel[j])
                        out.append(cue_ + cue_bucket[j])
                else:
                    out.append(bound)
            seq.append(out)
        yield para, seq


# Each window offset with its feature names made once ("-2w=", ..., "-2BOUND"), not per token.
_WINDOW = tuple((off, abs(off) == 1) + tuple(f"{off}{name}" for name in
                                              ("w=", "p=", "q=", "l=", "bg=", "d=", "ar=", "cue=", "BOUND"))
                for off in (-2, -1, 1, 2))
