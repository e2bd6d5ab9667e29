"""Step 4 of the linker: each attribution's cue and source.

Each content gets the cue that governs it (its syntactic head, else the nearest cue) and the
source that belongs to that cue (tagged source next to the cue, the cue's subject, the object of
"according to"); a quotation is first read with its own attribution next to its marks (`"…," X
said`, `X said: "…"`, `"…" ― X`); one with none continues the previous speaker. Cues the tagger
missed are added from the lexicon of annotated cues (`lexicon_cues`).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Optional

from spacy.tokens import Doc

from ...analyze.index import sentence, sentence_bounds
from .frames import Frames, subject
from .segments import QUOTE_MARKS, Attribution, Seg, SegIndex, char_range, is_lexicon_cue

# A cue whose subject is the source in fewer than this share of PolNeAR's train attributions
# ("was asked", "seemed", "is expected") gets no source from its subject.
MIN_SUBJECT_RATE = 0.5

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
         para_of: list[int], cue_p: Optional[dict[str, float]] = None, frames: Optional[Frames] = None) -> None:
    """Fill cue and source of every attribution in place."""
    cues = SegIndex([s for s in segs if s.kind == "CUE"])
    sources = SegIndex([s for s in segs if s.kind == "SRC"])
    cue_tok = {i: s for s in cues.segs for i in range(s.start, s.end)}
    prev: Optional[Attribution] = None
    for a in atts:
        inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
        label = speaker_label(doc, a) if a.quote else None
        if label is not None:
            # A transcript's `"NAME: …"`: the label names the speaker and its colon is the cue.
            (ls, le), (cs, ce) = label
            a.source, a.cue, a.cue_tok = char_range(doc, ls, le), char_range(doc, cs, ce), (cs, ce)
            a.notes.append("label")
            prev = a
            continue
        if a.quote and cue_p is not None:
            found = _quote_attribution(doc, tags, a, cue_p, sources)
            if found is not None:
                (cs, ce), a.source = found
                a.cue = char_range(doc, cs, ce)
                a.cue_tok = (cs, ce)
                prev = a
                continue
        cue = _governing_cue(doc, a, cue_tok)
        if cue is None:
            cue = _nearest(doc, a, cues, para_of, inside)
        if cue is not None:
            a.cue = char_range(doc, cue.start, cue.end)
            a.cue_tok = (cue.start, cue.end)
            src = _source_for_cue(doc, cue, sources, a, para_of, cue_p or {}, frames)
            if src is not None:
                a.source = src
        else:
            src = _nearest(doc, a, sources, para_of, inside, same_sentence=True)
            if src is not None:
                a.source = char_range(doc, src.start, src.end)
            elif a.quote and prev is not None and prev.source is not None and a.para - prev.para <= 1:
                # A quotation with no attribution of its own continues the previous speaker.
                a.source = prev.source
                a.notes.append("continued")
        prev = a


def speaker_label(doc: Doc, a: Attribution) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """((label start, end), (colon start, end)) when the quotation opens with a transcript's speaker
    label: one to three upper-case words and a colon (`"MORROW: We will …`)."""
    ts, te = a.tok_pieces[0]
    toks = [t for t in doc[ts:min(te, ts + 6)] if not t.is_space]
    k = 1 if toks and toks[0].text in QUOTE_MARKS else 0
    words = []
    for t in toks[k:]:
        if t.text == ":":
            break
        if not (t.is_alpha and t.is_upper and len(t.text) > 1) or len(words) == 3:
            return None
        words.append(t)
    else:
        return None
    if not words:
        return None
    colon = words[-1].i + 1
    return (words[0].i, colon), (colon, colon + 1)


def _is_cue_token(t, tags: list[str], cue_p: dict[str, float]) -> bool:
    return t.pos_ in ("VERB", "AUX") and (tags[t.i].endswith("CUE") or cue_p.get(t.lemma_.lower(), 0) >= 0.1)


def _quote_attribution(doc: Doc, tags: list[str], a: Attribution, cue_p: dict[str, float],
                       sources: SegIndex):
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
                return (toks[0].i, toks[0].i + 1), char_range(doc, names[0].i, names[-1].i + 1)
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
                src = char_range(doc, near[0].start, near[0].end)
        if src is None:
            continue
        return (cue.i, cue.i + 1), src
    return None


def _sent_range(doc: Doc, a: Attribution) -> tuple[int, int]:
    return sentence_bounds(doc, a.tok_pieces[0][0])[0], sentence_bounds(doc, a.tok_pieces[-1][1] - 1)[1]


def _nearest(doc: Doc, a: Attribution, segs: SegIndex, para_of: list[int], inside: Callable[[int], bool],
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
            return char_range(doc, lo, tok.i + 1)
    lo = hi = tok.i
    sub = {t.i for t in tok.subtree}
    while lo - 1 in sub and not inside(lo - 1):
        lo -= 1
    while hi + 1 in sub and not inside(hi + 1):
        hi += 1
    return char_range(doc, lo, hi + 1)


def _subject_not_source(doc: Doc, cue: Seg, frames: Optional[Frames]) -> set[int]:
    """Tokens of the cue verb's subject when, for that verb and voice, the subject is rarely the
    source ("the senator was asked whether …", "the vote seemed lost"); else nothing."""
    if frames is None:
        return set()
    head = _cue_head(doc, cue)
    sub = subject(head)
    if sub is None or frames.subject_rate(head) >= MIN_SUBJECT_RATE:
        return set()
    return {t.i for t in sub.subtree}


CLIMB = 4  # verbs climbed from the cue to find a subject ("unable to turn … and accuse …")


def _parse_source(doc: Doc, cue: Seg, inside, cue_p: dict[str, float],
                  frames: Optional[Frames] = None) -> Optional[tuple[int, int]]:
    """The cue verb's subject (climbing from "adding"/"to say" to the verb they hang from), the
    agent of a passive, or the object of "according to". A reporting verb that the parser joined
    to the verb of another report's content ("X claimed that A tried to … and suggested that …")
    speaks for the verb that governs that content (X), not for the content's subject (A). The
    cue's own subject is skipped where `frames` says it is rarely the source."""
    for t in doc[cue.start:min(cue.end + 1, len(doc))]:
        if t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ == "according":
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _around(doc, objs[0], inside)
    node = _cue_head(doc, cue)
    skip = _subject_not_source(doc, cue, frames)
    for _ in range(CLIMB):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not inside(c.i) and c.i not in skip:
                return _around(doc, c, inside)
            if c.dep_ == "agent":
                objs = [k for k in c.children if k.dep_ == "pobj"]
                if objs and not inside(objs[0].i):
                    return _around(doc, objs[0], inside)
        if node.dep_ in ("xcomp", "advcl", "conj", "acl", "acomp") and node.head.i != node.i:
            head = node.head
            if node.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and head.head.i != head.i \
                    and is_lexicon_cue(node, cue_p) and not is_lexicon_cue(head, cue_p) \
                    and is_lexicon_cue(head.head, cue_p) and (node.dep_ == "conj" or node.tag_ == "VBG"):
                # "X said he did not believe it, arguing that ...": the participle, like a joined
                # verb, speaks for the report (X), not for the content it was parsed under.
                head = head.head
            node = head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
            # "after saying …, she was taken …", "criticised for saying …": the verb the
            # preposition hangs from has the speaker as its subject.
            node = node.head.head
            continue
        break
    return None



def _source_for_cue(doc: Doc, cue: Seg, sources: SegIndex, a: Attribution, para_of: list[int],
                    cue_p: dict[str, float], frames: Optional[Frames] = None) -> Optional[tuple[int, int]]:
    inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
    skip = _subject_not_source(doc, cue, frames)
    cands = [s for s in sources.starting_in(*sentence_bounds(doc, cue.start))
             if not inside(s.start) and not any(i in skip for i in range(s.start, s.end))]
    near = min(cands, key=lambda s: min(abs(s.start - cue.end), abs(cue.start - s.end))) if cands else None
    # A tagged source right next to the cue ("he said", "said Mr. X") is the surest sign.
    if near is not None and min(abs(near.start - cue.end), abs(cue.start - near.end)) <= 1:
        return char_range(doc, near.start, near.end)
    parsed = _parse_source(doc, cue, inside, cue_p, frames)
    if parsed is not None:
        return parsed
    if near is not None:
        return char_range(doc, near.start, near.end)
    return None


def lexicon_cues(doc: Doc, tags: list[str], segs: list[Seg], atts: list[Attribution],
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
                                     and is_lexicon_cue(t, cue_p)]
            for t in verbs[sent_start]:
                if not any(s <= t.i < e for s, e in a.tok_pieces):
                    out.append(Seg("CUE", t.i, t.i + 1, para_of[t.i]))
                    cue_sents.add(sent_start)
    return out


def sources_for_cues(doc: Doc, segs: list[Seg], atts: list[Attribution], para_of: list[int],
                     cue_p: Optional[dict[str, float]] = None, frames: Optional[Frames] = None) -> None:
    """Fill the source of attributions whose cue is already set (contents read from the parse,
    `complements.py`) the way `link` does for a content's governing cue."""
    sources = SegIndex([s for s in segs if s.kind == "SRC"])
    for a in atts:
        if a.cue_tok is None:
            continue
        cue = Seg("CUE", a.cue_tok[0], a.cue_tok[1], para_of[a.cue_tok[0]])
        src = _source_for_cue(doc, cue, sources, a, para_of, cue_p or {}, frames)
        if src is not None:
            a.source = src
