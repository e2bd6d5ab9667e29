"""From token tags and quote spans to attributions: content pieces, their cue and their source.

Steps, in order:
1. `segments`: runs of tagged tokens (content, source, cue);
2. `snap_quotes`: contents that are mostly a quotation take the quotation's exact bounds (marks
   included); long quotations next to a cue that the tagger missed become contents;
3. `merge_pieces`: a quote interrupted by its attribution (`"…," he said. "…"`) and a quote
   running over paragraphs become one attribution with several pieces;
4. `link`: each attribution gets the cue that governs it (its syntactic head, else the nearest
   cue) and the source that belongs to that cue (tagged source next to the cue, the cue's subject,
   the object of "according to"); a quotation is first read with its own attribution next to its
   marks (`"…," X said`, `X said: "…"`, `"…" ― X`); one with none continues the previous speaker;
5. `_keep`: one-token contents, scare quotes and contents the model is unsure of are dropped.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc

from ...analyze import index
from ...analyze.index import sentence, sentence_bounds
from .features import paragraphs
from .quotes import Quote

QUOTE_MARKS = "\"“”«»"
# A lemma this often annotated as cue counts as one where the tagger marked none.
LEXICON_CUE = 0.3
# Longest attribution (in tokens) that may interrupt one quotation: `"…," X said in an interview. "…"`.
MAX_INTERRUPTION = 25
# Contents below this mean marginal probability are dropped (chosen on the dev split).
MIN_CONFIDENCE = 0.5
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


@dataclass
class Seg:
    kind: str
    start: int  # first token index
    end: int  # last token index + 1
    para: int


@dataclass
class Attribution:
    pieces: list[tuple[int, int]]  # character spans of the content, in order
    tok_pieces: list[tuple[int, int]]  # token spans of the content
    para: int
    cue: Optional[tuple[int, int]] = None  # character span
    cue_tok: Optional[tuple[int, int]] = None
    source: Optional[tuple[int, int]] = None  # character span
    quote: bool = False  # the content is a quotation (every piece)
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def segments(doc: Doc, tags: list[str]) -> tuple[list[Seg], list[int]]:
    """Tagged runs in token order, and the paragraph number of every token."""
    para_of = [0] * len(doc)
    segs: list[Seg] = []
    for p, para in enumerate(paragraphs(doc)):
        cur: Optional[Seg] = None
        for tok in para:
            para_of[tok.i] = p
            tag = tags[tok.i]
            if tag == "O":
                cur = None
                continue
            bio, kind = tag.split("-", 1)
            if cur is not None and cur.kind == kind and bio == "I":
                cur.end = tok.i + 1
            else:
                cur = Seg(kind, tok.i, tok.i + 1, p)
                segs.append(cur)
    # Paragraph numbers of space tokens: that of the token before.
    for i in range(1, len(doc)):
        if doc[i].is_space:
            para_of[i] = para_of[i - 1]
    return segs, para_of


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _tok_span(doc: Doc, s: int, e: int) -> Optional[tuple[int, int]]:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def _words(doc: Doc, s: int, e: int) -> int:
    return sum(1 for t in doc[s:e] if not t.is_punct and not t.is_space)


class _Intervals:
    """Sorted (start, end) pairs and which of them overlap a range, found by bisection: asking
    for every content of a long article would otherwise cost contents × quotations."""

    def __init__(self, pairs: list[tuple[int, int]]):
        self.pairs = pairs  # sorted
        self.starts = [p[0] for p in pairs]
        reach, self.reach = -1, []  # the furthest end among pairs[:k + 1]
        for _, e in pairs:
            reach = max(reach, e)
            self.reach.append(reach)

    def over(self, start: int, end: int) -> list[tuple[int, int]]:
        """The pairs with p[0] < end and start < p[1], in order."""
        first = bisect_right(self.reach, start)
        return [p for p in self.pairs[first:bisect_left(self.starts, end)] if start < p[1]]


class _Segs:
    """Segments of one kind (a list in the linker's order) indexed by start, for the nearest-one
    and same-sentence questions the linker asks of every attribution."""

    def __init__(self, segs: list[Seg]):
        self.segs = segs
        self.order = sorted(range(len(segs)), key=lambda k: (segs[k].start, k))
        self.starts = [segs[k].start for k in self.order]
        self.longest = max((s.end - s.start for s in segs), default=0)

    def starting_in(self, lo: int, hi: int) -> list[Seg]:
        """Segments starting in [lo, hi), in list order."""
        ks = sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])
        return [self.segs[k] for k in ks]

    def touching(self, lo: int, hi: int) -> list[Seg]:
        """Segments holding a token in [lo, hi), in list order."""
        ks = sorted(k for k in self.order[bisect_left(self.starts, lo - self.longest):
                                          bisect_left(self.starts, hi)]
                    if self.segs[k].end > lo)
        return [self.segs[k] for k in ks]


def snap_quotes(doc: Doc, segs: list[Seg], quotes: list[Quote], para_of: list[int]) -> list[Attribution]:
    """Content attributions (one piece each) with quotations snapped to their marks.

    A tagged content that starts at a quotation is a direct quote: its pieces are the quotations
    it overlaps (what lies between them is the attribution, "he said"). One that starts well before
    a quotation is a mixed or indirect content and keeps its bounds, widened to the quotation's end.
    """
    contents = [s for s in segs if s.kind == "CON"]
    cues = [s for s in segs if s.kind == "CUE"]
    cue_starts = sorted(k.start for k in cues)
    out: list[Attribution] = []
    used: set = set()
    pieces = sorted((qs, qe) for q in quotes for qs, qe in q.parts)
    piece_tok = {p: _tok_span(doc, *p) for p in pieces}
    overlapping = _Intervals(pieces)
    for c in contents:
        cs, ce = _chars(doc, c.start, c.end)
        over = [p for p in overlapping.over(cs, ce) if piece_tok[p] is not None]
        if not over:
            out.append(Attribution([(cs, ce)], [(c.start, c.end)], c.para))
            continue
        first = over[0]
        lead = _words_chars(doc, cs, first[0])
        if lead <= 1:
            # Direct: every quotation the content overlaps, one attribution each (merged later);
            # quotations joined only by "and" / "or" / commas are one list ("“a,” “b” and “c”").
            prev_att: Optional[Attribution] = None
            for p in over:
                if p in used:
                    continue
                # A quotation the content only grazes at its end is not part of it.
                if p is not first and min(ce, p[1]) - p[0] < 0.5 * (p[1] - p[0]):
                    continue
                used.add(p)
                tk = piece_tok[p]
                if prev_att is not None and _only_connectors(doc, prev_att.tok_pieces[-1][1], tk[0]):
                    prev_att.pieces[-1] = (prev_att.pieces[-1][0], p[1])
                    prev_att.tok_pieces[-1] = (prev_att.tok_pieces[-1][0], tk[1])
                    prev_att.quote = False
                    continue
                prev_att = Attribution([p], [tk], para_of[tk[0]], quote=True)
                out.append(prev_att)
        else:
            for p in over:
                used.add(p)
            ce2 = max(ce, over[-1][1]) if over[-1][0] < ce else ce
            tk = _tok_span(doc, cs, ce2) or (c.start, c.end)
            out.append(Attribution([(cs, ce2)], [tk], c.para))
    # Long quotations the tagger left out but that sit next to a cue in their sentence.
    for p in pieces:
        if p in used or piece_tok[p] is None:
            continue
        ts, te = piece_tok[p]
        if _words(doc, ts, te) < 5:
            continue
        sent_start, sent_end = sentence_bounds(doc, ts)
        lo, hi = min(sent_start, ts), max(sent_end, te)
        # A cue starting in [lo, hi) but not inside the quotation: one in [lo, ts) or [te, hi).
        if (bisect_left(cue_starts, ts) > bisect_left(cue_starts, lo)
                or bisect_left(cue_starts, hi) > bisect_left(cue_starts, te)):
            out.append(Attribution([p], [(ts, te)], para_of[ts], quote=True, notes=["untagged"]))
    # Drop contents nested inside another (a quotation inside a tagged mixed content).
    out.sort(key=lambda a: (a.start, -a.end))
    kept: list[Attribution] = []
    for a in out:
        if kept and a.start >= kept[-1].start and a.end <= kept[-1].end:
            continue
        kept.append(a)
    return kept


def _only_connectors(doc: Doc, t_end: int, t_start: int) -> bool:
    between = [t for t in doc[t_end:t_start] if not t.is_space]
    return 0 < len(between) <= 3 and all(t.lower_ in ("and", "or", ",", "as", "but", "nor") for t in between)


def _words_chars(doc: Doc, s: int, e: int) -> int:
    """Number of word tokens between two character offsets."""
    if e <= s:
        return 0
    span = doc.char_span(s, e, alignment_mode="contract")
    return _words(doc, span.start, span.end) if span is not None else 0


def _between_is_attribution(doc: Doc, tags: list[str], t_end: int, t_start: int,
                            cue_p: dict[str, float]) -> bool:
    """Tokens between two pieces are one attribution and punctuation ("he said." / "she added,").

    On PolNeAR's train split the quotation after `"…," X said.` belongs to the same attribution
    about 40 times in 41; after `X said, adding,` it starts a new one.
    """
    between = [t for t in doc[t_end:t_start] if not t.is_space]
    if not between or len(between) > MAX_INTERRUPTION or between[-1].text not in ".,:":
        return False
    cues = [t for t in between if t.pos_ in ("VERB", "AUX") and (
        tags[t.i].endswith("CUE") or cue_p.get(t.lemma_.lower(), 0) >= LEXICON_CUE)]
    return len(cues) == 1 and cues[0].tag_ != "VBG"


def _fills_paragraph(doc: Doc, a: Attribution) -> bool:
    """The attribution is a quotation with nothing else in its paragraph."""
    s, e = a.pieces[0][0], a.pieces[-1][1]
    text = index.text(doc)
    ps = text.rfind("\n", 0, s) + 1
    pe = text.find("\n", e)
    pe = len(text) if pe < 0 else pe
    return not text[ps:s].strip() and not text[e:pe].strip()


def _ends_paragraph(doc: Doc, a: Attribution) -> bool:
    text = index.text(doc)
    pe = text.find("\n", a.end)
    return not text[a.end:len(text) if pe < 0 else pe].strip()


def merge_pieces(doc: Doc, tags: list[str], atts: list[Attribution], quotes: list[Quote],
                 cue_p: dict[str, float]) -> list[Attribution]:
    """Join quotation pieces interrupted by their attribution, and a quotation that fills the next
    paragraph (continuing the speaker without a new cue)."""
    merged: list[Attribution] = []
    for a in atts:
        prev = merged[-1] if merged else None
        if prev is not None and prev.quote and a.quote:
            if (prev.para == a.para and len(prev.pieces) == 1
                    and _between_is_attribution(doc, tags, prev.tok_pieces[-1][1], a.tok_pieces[0][0], cue_p)):
                _join(prev, a)
                continue
            if a.para == prev.para + 1 and _ends_paragraph(doc, prev) and _fills_paragraph(doc, a):
                _join(prev, a)
                continue
        merged.append(a)
    return merged


def _join(a: Attribution, b: Attribution) -> None:
    a.pieces.extend(b.pieces)
    a.tok_pieces.extend(b.tok_pieces)


def _governing_cue(doc: Doc, a: Attribution, cue_tok: dict[int, Seg]) -> Optional[Seg]:
    """The cue that is an ancestor of the content (the verb whose complement it is)."""
    for ts, te in a.tok_pieces:
        for t in doc[ts:te]:
            node, depth = t, 0
            while depth < 8 and node.head.i != node.i:
                node = node.head
                depth += 1
                if node.i in cue_tok and not any(s <= node.i < e for s, e in a.tok_pieces):
                    return cue_tok[node.i]
    return None


def link(doc: Doc, tags: list[str], segs: list[Seg], atts: list[Attribution],
         para_of: list[int], cue_p: Optional[dict[str, float]] = None) -> None:
    """Fill cue and source of every attribution in place."""
    cues = _Segs([s for s in segs if s.kind == "CUE"])
    sources = _Segs([s for s in segs if s.kind == "SRC"])
    cue_tok = {i: s for s in cues.segs for i in range(s.start, s.end)}
    prev: Optional[Attribution] = None
    for a in atts:
        inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
        if a.quote and cue_p is not None:
            found = _quote_attribution(doc, tags, a, cue_p, sources)
            if found is not None:
                (cs, ce), a.source = found
                a.cue = _chars(doc, cs, ce)
                a.cue_tok = (cs, ce)
                prev = a
                continue
        cue = _governing_cue(doc, a, cue_tok)
        if cue is None:
            cue = _nearest(doc, a, cues, para_of, inside)
        if cue is not None:
            a.cue = _chars(doc, cue.start, cue.end)
            a.cue_tok = (cue.start, cue.end)
            src = _source_for_cue(doc, cue, sources, a, para_of, cue_p or {})
            if src is not None:
                a.source = src
        else:
            src = _nearest(doc, a, sources, para_of, inside, same_sentence=True)
            if src is not None:
                a.source = _chars(doc, src.start, src.end)
            elif a.quote and prev is not None and prev.source is not None and a.para - prev.para <= 1:
                # A quotation with no attribution of its own continues the previous speaker.
                a.source = prev.source
                a.notes.append("continued")
        prev = a


def _is_cue_token(t, tags: list[str], cue_p: dict[str, float]) -> bool:
    return t.pos_ in ("VERB", "AUX") and (tags[t.i].endswith("CUE") or cue_p.get(t.lemma_.lower(), 0) >= 0.1)


def _quote_attribution(doc: Doc, tags: list[str], a: Attribution, cue_p: dict[str, float],
                       sources: _Segs):
    """A quotation's own attribution, read next to its marks: between its pieces, right after it
    (`"…," X said` / `"…" ― X`), or right before it (`X said: "…"`). ((cue start, end), source)."""
    inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
    windows = []
    for (_, e1), (s2, _) in zip(a.tok_pieces, a.tok_pieces[1:]):
        windows.append(range(e1, s2))
    end = a.tok_pieces[0][1]
    stop = end
    while stop < len(doc) and stop - end < 15 and not inside(stop) and "\n" not in doc[stop].text:
        if doc[stop].text in QUOTE_MARKS or doc[stop].text == "''":
            break
        stop += 1
        if doc[stop - 1].text in ".!?" and stop - end > 1:
            break
    windows.append(range(end, stop))
    start = a.tok_pieces[0][0]
    lo = start
    while lo > 0 and start - lo < 15 and "\n" not in doc[lo - 1].text and doc[lo - 1].text not in ".!?\"”":
        lo -= 1
    windows.append(range(start - 1, lo - 1, -1))
    for k, win in enumerate(windows):
        toks = [doc[i] for i in win if not doc[i].is_space]
        if not toks:
            continue
        # "― Name" after a quotation (lists of readers' quotes).
        if k == len(windows) - 2 and toks[0].text in ("―", "—", "--", "–") and len(toks) > 1:
            names = []
            for t in toks[1:]:
                if t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") and t.text not in (".", ","):
                    break
                names.append(t)
            names = [t for t in names if t.text not in (".", ",")]
            if names:
                return (toks[0].i, toks[0].i + 1), _chars(doc, names[0].i, names[-1].i + 1)
        cues = [t for t in toks if _is_cue_token(t, tags, cue_p)]
        if not cues:
            continue
        cue = cues[0]
        seg = Seg("CUE", cue.i, cue.i + 1, 0)
        src = _parse_source(doc, seg, inside, cue_p)
        if src is None:
            ids = [t.i for t in toks]
            near = [s for s in sources.touching(min(ids), max(ids) + 1)
                    if any(s.start <= t.i < s.end for t in toks)]
            if near:
                src = _chars(doc, near[0].start, near[0].end)
        if src is None:
            continue
        return (cue.i, cue.i + 1), src
    return None


def _sent_range(doc: Doc, a: Attribution) -> tuple[int, int]:
    return sentence_bounds(doc, a.tok_pieces[0][0])[0], sentence_bounds(doc, a.tok_pieces[-1][1] - 1)[1]


def _nearest(doc: Doc, a: Attribution, segs: _Segs, para_of: list[int], inside: Callable[[int], bool],
             same_sentence: bool = False) -> Optional[Seg]:
    """The segment of `a`'s paragraph (not inside `a`) closest to it, one in `a`'s sentences
    preferred by 40 tokens; the first in list order on a tie. Found by walking outwards from `a`
    in start order and stopping where nothing further can be closer, so that a long paragraph
    full of segments costs no more per attribution than a short one."""
    lo, hi = _sent_range(doc, a)
    a0, a1 = a.tok_pieces[0][0], a.tok_pieces[-1][1]
    best: Optional[tuple[int, int]] = None  # (distance, list index)

    def consider(k: int) -> None:
        nonlocal best
        s = segs.segs[k]
        if para_of[s.start] != a.para or inside(s.start):
            return
        if same_sentence and not (lo <= s.start < hi):
            return
        if s.start >= a1:
            d = s.start - a1
        elif s.end <= a0:
            d = a0 - s.end
        else:
            d = 0
        if not (lo <= s.start < hi):
            d += 40  # a cue in another sentence only when none is in the content's own
        if best is None or (d, k) < best:
            best = (d, k)

    order, starts = segs.order, segs.starts
    k0, k1 = bisect_left(starts, a0), bisect_left(starts, a1)
    for j in range(k0, k1):
        consider(order[j])
    for j in range(k1, len(order)):  # after `a`: distance grows with the start
        start = starts[j]
        if para_of[start] > a.para or (same_sentence and start >= hi) or \
                (best is not None and start - a1 > best[0]):
            break
        consider(order[j])
    for j in range(k0 - 1, -1, -1):  # before `a`: a segment ends at most `longest` after its start
        start = starts[j]
        if para_of[start] < a.para or (same_sentence and start < lo) or \
                (best is not None and a0 - start - segs.longest > best[0]):
            break
        consider(order[j])
    return None if best is None else segs.segs[best[1]]


def _cue_head(doc: Doc, cue: Seg):
    """The token of a cue span that governs the rest (its verb, when it has one)."""
    toks = list(doc[cue.start:cue.end])
    roots = [t for t in toks if not (cue.start <= t.head.i < cue.end) or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")] or [t for t in toks if t.pos_ == "VERB"]
    return (verbs or roots or toks)[0]


def _around(doc: Doc, tok, inside) -> tuple[int, int]:
    """Characters of `tok`'s subtree, cut where it runs into the content. A relative pronoun
    ("rules that promise …") reaches back to the noun it stands for, so the span holds both."""
    if tok.lower_ in ("that", "which", "who") and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
        ante = tok.head.head
        lo = min(t.i for t in ante.subtree)
        while lo < ante.i and inside(lo):
            lo += 1
        if not any(inside(i) for i in range(lo, tok.i + 1)):
            return _chars(doc, lo, tok.i + 1)
    lo = hi = tok.i
    sub = {t.i for t in tok.subtree}
    while lo - 1 in sub and not inside(lo - 1):
        lo -= 1
    while hi + 1 in sub and not inside(hi + 1):
        hi += 1
    return _chars(doc, lo, hi + 1)


def _parse_source(doc: Doc, cue: Seg, inside, cue_p: dict[str, float]) -> Optional[tuple[int, int]]:
    """The cue verb's subject (climbing from "adding"/"to say" to the verb they hang from), the
    agent of a passive, or the object of "according to". A reporting verb that the parser joined
    to the verb of another report's content ("X claimed that A tried to … and suggested that …")
    speaks for the verb that governs that content (X), not for the content's subject (A)."""
    for t in doc[cue.start:min(cue.end + 1, len(doc))]:
        if t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ == "according":
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _around(doc, objs[0], inside)
    node = _cue_head(doc, cue)
    for _ in range(3):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not inside(c.i):
                return _around(doc, c, inside)
            if c.dep_ == "agent":
                objs = [k for k in c.children if k.dep_ == "pobj"]
                if objs and not inside(objs[0].i):
                    return _around(doc, objs[0], inside)
        if node.dep_ in ("xcomp", "advcl", "conj", "acl") and node.head.i != node.i:
            head = node.head
            if node.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i != head.i \
                    and _reports(node, cue_p) and not _reports(head, cue_p) and _reports(head.head, cue_p):
                head = head.head
            node = head
            continue
        break
    return None


def _reports(tok, cue_p: dict[str, float]) -> bool:
    """A verb often annotated as a cue in the training data ("say", "suggest", "claim")."""
    return cue_p.get(tok.lemma_.lower(), 0.0) >= LEXICON_CUE


def _source_for_cue(doc: Doc, cue: Seg, sources: _Segs, a: Attribution,
                    para_of: list[int], cue_p: dict[str, float]) -> Optional[tuple[int, int]]:
    inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
    cands = [s for s in sources.starting_in(*sentence_bounds(doc, cue.start)) if not inside(s.start)]
    near = min(cands, key=lambda s: min(abs(s.start - cue.end), abs(cue.start - s.end))) if cands else None
    # A tagged source right next to the cue ("he said", "said Mr. X") is the surest sign.
    if near is not None and min(abs(near.start - cue.end), abs(cue.start - near.end)) <= 1:
        return _chars(doc, near.start, near.end)
    parsed = _parse_source(doc, cue, inside, cue_p)
    if parsed is not None:
        return parsed
    if near is not None:
        return _chars(doc, near.start, near.end)
    return None


def _lexicon_cues(doc: Doc, tags: list[str], segs: list[Seg], atts: list[Attribution],
                  cue_p: dict[str, float], para_of: list[int]) -> list[Seg]:
    """Cue verbs from the lexicon in sentences where the tagger marked a content but no cue."""
    cue_sents = {sentence_bounds(doc, s.start)[0] for s in segs if s.kind == "CUE"}
    verbs: dict[int, list] = {}  # a sentence's lexicon cue verbs, listed once per sentence
    out = []
    for a in atts:
        lo, hi = _sent_range(doc, a)
        for sent_start in {sentence_bounds(doc, i)[0] for i in (lo, hi - 1)}:
            if sent_start in cue_sents:
                continue
            if sent_start not in verbs:
                verbs[sent_start] = [t for t in sentence(doc, sent_start) if t.pos_ == "VERB"
                                     and cue_p.get(t.lemma_.lower(), 0) >= LEXICON_CUE]
            for t in verbs[sent_start]:
                if not any(s <= t.i < e for s, e in a.tok_pieces):
                    out.append(Seg("CUE", t.i, t.i + 1, para_of[t.i]))
                    cue_sents.add(sent_start)
    return out


def attributions(doc: Doc, tags: list[str], probs: list[float], quotes: list[Quote],
                 removed: Callable[[int, int], bool], cue_p: dict[str, float]) -> list[Attribution]:
    """The whole linker: segments -> snapped contents -> merged pieces -> cue and source."""
    segs, para_of = segments(doc, tags)
    segs = [sg for sg in segs if sg.kind != "CON" or _words(doc, sg.start, sg.end) > 0]
    atts = snap_quotes(doc, segs, quotes, para_of)
    atts = [a for a in atts if not removed(a.start, a.end)]
    atts = merge_pieces(doc, tags, atts, quotes, cue_p)
    segs = segs + _lexicon_cues(doc, tags, segs, atts, cue_p, para_of)
    link(doc, tags, segs, atts, para_of, cue_p)
    return [a for a in atts if _keep(doc, a, probs, cue_p)]


def _keep(doc: Doc, a: Attribution, probs: list[float], cue_p: dict[str, float]) -> bool:
    """Drop what is most often wrong on the dev split: one-token contents, contents the model is
    unsure of (mean marginal below MIN_CONFIDENCE), one- or two-word quotations (scare quotes), and
    plain contents whose cue is no word ever annotated as cue (or that have none)."""
    n = sum(e - s for s, e in a.tok_pieces)
    if n <= 1:
        return False
    if a.quote and len(a.pieces) == 1 and n <= 4:
        return False
    if not a.quote and (a.cue_tok is None or max(
            cue_p.get(t.lemma_.lower(), 0.0) for t in doc[a.cue_tok[0]:a.cue_tok[1]]) == 0.0):
        return False
    conf = sum(probs[i] for s, e in a.tok_pieces for i in range(s, e)) / n
    return conf >= MIN_CONFIDENCE
