"""From token tags and quote spans to attributions: content pieces, their cue and their source.

Steps, in order:
1. `segments`: runs of tagged tokens (content, source, cue);
2. `snap_quotes`: contents that are mostly a quotation take the quotation's exact bounds (marks
   included); long quotations next to a cue that the tagger missed become contents;
3. `merge_pieces`: a quote interrupted by its attribution (`"…," he said. "…"`) and a quote
   running over paragraphs become one attribution with several pieces;
4. `sources.link`: each attribution gets the cue that governs it (its syntactic head, else the nearest
   cue) and the source that belongs to that cue (tagged source next to the cue, the cue's subject,
   the object of "according to"); a quotation is first read with its own attribution next to its
   marks (`"…," X said`, `X said: "…"`, `"…" ― X`); one with none continues the previous speaker;
5. `_keep`: one-token contents, scare quotes, contents the model is unsure of and plain contents
   whose cue verb is rarely a cue in the frame it is used in (`frames.py`) are dropped;
6. `clauses.to_clause_end`: a plain content runs to the end of the clause its cue governs.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from ...analyze import index
from ...analyze.index import sentence_bounds
from .clauses import cue_verb, to_clause_end
from .complements import parse_contents
from .frames import Frames
from .keep import KeepModel, features
from .quotes import Quote
from .segments import (MAX_INTERRUPTION, MIN_CONFIDENCE, MIN_CUE_RATE, Attribution, Intervals, Seg, char_range, is_lexicon_cue,
                       segments, token_range, word_count)
from .sources import lexicon_cues, link, sources_for_cues, speaker_label

# A verb no content, cue or source holds gets a content read from its parse (`complements.py`)
# where its learned cue rate in its frame reaches this. Chosen on PolNeAR train by cross-validation
# over the keep model's two out-of-sample folds (keep model fitted on one fold, scored on the other)
# among 0.05, 0.1, 0.2, 0.3 and 0.5: attribution F1 65.25, 65.32, 65.55, 65.57, 65.11; 64.95 with the
# tagger's orphan cues alone, 64.79 with no content read from the parse.
PARSE_MIN_RATE = 0.3


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
    piece_tok = {p: token_range(doc, *p) for p in pieces}
    overlapping = Intervals(pieces)
    for c in contents:
        cs, ce = char_range(doc, c.start, c.end)
        over = [p for p in overlapping.over(cs, ce) if piece_tok[p] is not None]
        if not over:
            out.append(Attribution([(cs, ce)], [(c.start, c.end)], c.para))
            continue
        first = over[0]
        lead = _words_chars(doc, cs, first[0])
        split = _sentence_then_quote(doc, c.start, piece_tok[first][0]) if lead > 1 else None
        if split is not None:
            # `X said A. "B," X added.`: the tagger ran A into the next sentence's quotation; A is
            # one attribution and the quotation, read below as direct, another.
            out.append(Attribution([char_range(doc, c.start, split)], [(c.start, split)], c.para))
            lead = 0
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
            tk = token_range(doc, cs, ce2) or (c.start, c.end)
            out.append(Attribution([(cs, ce2)], [tk], c.para))
    # Long quotations the tagger left out but that sit next to a cue in their sentence.
    for p in pieces:
        if p in used or piece_tok[p] is None:
            continue
        ts, te = piece_tok[p]
        if word_count(doc, ts, te) < 5:
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


def _sentence_then_quote(doc: Doc, t_start: int, q_start: int) -> Optional[int]:
    """The token end of a content's plain part (its full stop left out) when it ends a sentence
    right before the quotation that starts at token `q_start` (opening a sentence of its own)."""
    k = q_start - 1
    while k > t_start and doc[k].is_space:
        k -= 1
    if k <= t_start or doc[k].text not in (".", "!", "?") or not _opens_sentence(doc, q_start):
        return None
    return k


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token `i` (or the quotation mark before it) starts a sentence."""
    return doc[i].is_sent_start or (i > 0 and doc[i - 1].is_sent_start and doc[i - 1].text in "\"“«")


def _only_connectors(doc: Doc, t_end: int, t_start: int) -> bool:
    between = [t for t in doc[t_end:t_start] if not t.is_space]
    return 0 < len(between) <= 3 and all(t.lower_ in ("and", "or", ",", "as", "but", "nor") for t in between)


def _words_chars(doc: Doc, s: int, e: int) -> int:
    """Number of word tokens between two character offsets."""
    if e <= s:
        return 0
    span = doc.char_span(s, e, alignment_mode="contract")
    return word_count(doc, span.start, span.end) if span is not None else 0


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
        tags[t.i].endswith("CUE") or is_lexicon_cue(t, cue_p))]
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
    paragraph (continuing the speaker without a new cue); never one that opens with a transcript's
    speaker label (`"NAME: …`), which is someone else's turn."""
    merged: list[Attribution] = []
    for a in atts:
        prev = merged[-1] if merged else None
        if prev is not None and prev.quote and a.quote and speaker_label(doc, a) is None:
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


def attributions(doc: Doc, tags: list[str], probs: list[float], quotes: list[Quote],
                 cue_p: dict[str, float],
                 frames: Optional[Frames] = None, keep_model: Optional[KeepModel] = None,
                 collect: Optional[list] = None, parse: bool = True,
                 parse_min_rate: Optional[float] = PARSE_MIN_RATE) -> list[Attribution]:
    """The whole linker: segments -> snapped contents -> merged pieces -> cue and source -> kept.

    `keep_model` decides which plausible attributions stay (else the tagger's confidence does);
    with `collect` (training) every plausible one stays and (attribution, features) go there."""
    segs, para_of = segments(doc, tags)
    segs = [sg for sg in segs if sg.kind != "CON" or word_count(doc, sg.start, sg.end) > 0]
    atts = snap_quotes(doc, segs, quotes, para_of)
    atts = merge_pieces(doc, tags, atts, quotes, cue_p)
    segs = segs + lexicon_cues(doc, tags, segs, atts, cue_p, para_of)
    link(doc, tags, segs, atts, para_of, cue_p, frames)
    if parse:
        extra = parse_contents(doc, segs, atts, para_of, frames, parse_min_rate)
        sources_for_cues(doc, segs, extra, para_of, cue_p, frames)
        atts = sorted(atts + extra, key=lambda a: a.start)
    kept = []
    for a in atts:
        if not _plausible(doc, a, cue_p, frames):
            continue
        if collect is not None:
            collect.append((a, features(doc, a, probs, cue_p, frames)))
        elif keep_model is not None:
            # A transcript's turn is read by rule from its label; the model does not weigh it.
            if "label" not in a.notes and not keep_model.keep(features(doc, a, probs, cue_p, frames)):
                continue
        elif _confidence(a, probs) < MIN_CONFIDENCE:
            continue
        kept.append(a)
    # Tokens of every content and cue: what lies past a content's end is never its own.
    taken = {i for b in kept for s, e in b.tok_pieces + ([b.cue_tok] if b.cue_tok else []) for i in range(s, e)}
    for a in kept:
        to_clause_end(doc, a, taken)
    return kept


def _confidence(a: Attribution, probs: list[float]) -> float:
    """The tagger's mean marginal over the content's tokens."""
    n = sum(e - s for s, e in a.tok_pieces)
    return sum(probs[i] for s, e in a.tok_pieces for i in range(s, e)) / max(n, 1)


def _plausible(doc: Doc, a: Attribution, cue_p: dict[str, float], frames: Optional[Frames] = None) -> bool:
    """Drop what is most often wrong on the dev split: one-token contents, one- or two-word
    quotations (scare quotes), plain contents whose cue is no word ever annotated as cue (or that
    have none), and plain contents whose cue verb, in the frame it is used in, is rarely a cue
    ("opened fire on the crowd": `frames.py`). What passes is weighed by `keep.py`'s model (or,
    without one, by the tagger's confidence)."""
    n = sum(e - s for s, e in a.tok_pieces)
    if n <= 1 and "parse" not in a.notes:
        return False
    if a.quote and len(a.pieces) == 1 and n <= 4:
        return False
    if not a.quote and (a.cue_tok is None or max(
            cue_p.get(t.lemma_.lower(), 0.0) for t in doc[a.cue_tok[0]:a.cue_tok[1]]) == 0.0):
        return False
    if not a.quote and frames is not None:
        verb = cue_verb(doc, a)
        if verb is not None and frames.cue_rate(verb) < MIN_CUE_RATE:
            return False
    return True
