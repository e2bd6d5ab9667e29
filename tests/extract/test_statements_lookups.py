"""The statements stage's lookups (by bisection and buckets, so a long article costs its length)
give exactly what scanning every candidate gave: each is checked against that scan, written out
here as the reference, on random layouts. Plus a pathological article of modest size."""
from types import SimpleNamespace

import pytest
import spacy
from hypothesis import given, settings as hsettings, strategies as st
from spacy.tokens import Doc

from newsdossier.extract.statements import (_outside_marks, _with_fallback, _with_parenthetical,
                                            _with_responsibility)
from newsdossier.extract.statements.features import _nearest_cue
from newsdossier.extract.statements.segments import Attribution, Intervals, Seg, SegIndex
from newsdossier.extract.statements.sources import _nearest, _sent_range

VOCAB = spacy.blank("en").vocab


@st.composite
def layouts(draw):
    """A Doc of one-letter tokens with random sentences, monotone paragraph numbers, random
    segments (overlapping or not, in any list order) and an attribution of one or two pieces."""
    n = draw(st.integers(12, 60))
    starts = sorted({0} | set(draw(st.lists(st.integers(1, n - 1), max_size=8))))
    doc = Doc(VOCAB, words=["w"] * n, sent_starts=[i in starts for i in range(n)])
    breaks = sorted(draw(st.lists(st.integers(1, n - 1), max_size=4)))
    para_of = [sum(1 for b in breaks if b <= i) for i in range(n)]
    segs = [Seg("CUE", s, min(n, s + ln), para_of[s])
            for s, ln in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 4)), max_size=25))]
    cuts = sorted(draw(st.sets(st.integers(0, n), min_size=2, max_size=4)))
    pieces = [(cuts[0], cuts[1])] + ([(cuts[2], cuts[3])] if len(cuts) == 4 else [])
    pieces = [(s, e) for s, e in pieces if e > s] or [(0, 1)]
    a = Attribution(pieces=list(pieces), tok_pieces=list(pieces), para=para_of[pieces[0][0]])
    return doc, a, segs, para_of


def _reference_nearest(doc, a, segs, para_of, same_sentence=False):
    lo, hi = _sent_range(doc, a)
    best, best_d = None, None
    for s in segs:
        if para_of[s.start] != a.para:
            continue
        if same_sentence and not (lo <= s.start < hi):
            continue
        if s.start >= a.tok_pieces[-1][1]:
            d = s.start - a.tok_pieces[-1][1]
        elif s.end <= a.tok_pieces[0][0]:
            d = a.tok_pieces[0][0] - s.end
        else:
            d = 0
        if not (lo <= s.start < hi):
            d += 40
        if best_d is None or d < best_d:
            best, best_d = s, d
    return best


@hsettings(max_examples=300, deadline=None)
@given(layouts(), st.booleans())
def test_statements_nearest_segment_is_the_one_a_full_scan_finds(layout, same_sentence):
    doc, a, segs, para_of = layout
    inside = lambda i: any(s <= i < e for s, e in a.tok_pieces)  # noqa: E731
    expected = _reference_nearest(doc, a, [s for s in segs if not inside(s.start)], para_of, same_sentence)
    assert _nearest(doc, a, SegIndex(segs), para_of, inside, same_sentence) is expected


@given(layouts(), st.integers(0, 60), st.integers(0, 60))
def test_statements_segments_by_position_are_those_a_full_scan_finds(layout, lo, width):
    _, _, segs, _ = layout
    index = SegIndex(segs)
    hi = lo + width
    assert index.starting_in(lo, hi) == [s for s in segs if lo <= s.start < hi]
    assert index.touching(lo, hi) == [s for s in segs if s.start < hi and lo < s.end]


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=30),
       st.integers(0, 340), st.integers(0, 60))
def test_statements_overlapping_intervals_are_those_a_full_scan_finds(pairs, start, width):
    pairs = sorted((s, s + ln) for s, ln in pairs)
    end = start + width
    assert Intervals(pairs).over(start, end) == [p for p in pairs if p[0] < end and start < p[1]]


@given(st.sets(st.integers(0, 80), max_size=20), st.integers(0, 80), st.integers(0, 80), st.integers(1, 40))
def test_statements_nearest_cue_is_the_one_a_full_scan_finds(cues, i, ss, length):
    cues = sorted(cues)
    se = ss + length
    if not ss <= i < se:
        return
    near = [c for c in cues if ss <= c < se and c != i]
    expected = min(near, key=lambda c: abs(c - i)) if near else None
    assert _nearest_cue(cues, i, ss, se) == expected


# --- merging rule-read statements ---------------------------------------------------------------

def _reference_with_fallback(atts, extra, ctx):
    for r in extra:
        if any(a.start < r.end and r.start < a.end for a in atts):
            continue
        atts.append(r)
    atts.sort(key=lambda a: a.start)
    return atts


def _reference_with_parenthetical(atts, extra, ctx):
    for r in extra:
        clash = [a for a in atts if a.start < r.end and r.start < a.end]
        if any(a.quote or len(a.pieces) > 1 or a.start < r.start - 1 or a.end > r.end + 1 for a in clash):
            continue
        for a in clash:
            atts.remove(a)
        atts.append(r)
    atts.sort(key=lambda a: a.start)
    return atts


def _reference_with_responsibility(atts, extra, ctx):
    from newsdossier.extract.statements import _frames

    for r in extra:
        lo = min(r.start, r.cue[0]) if r.cue else r.start
        hi = max(r.end, r.cue[1]) if r.cue else r.end
        clash = [a for a in atts if a.start < hi and lo < a.end
                 or (a.cue is not None and a.cue[0] < hi and lo < a.cue[1])]
        if any(len(a.pieces) > 1 or a.quote for a in clash):
            continue
        if any(a.start <= lo and hi <= a.end and _frames(ctx, a, r) for a in clash):
            continue
        for a in clash:
            atts.remove(a)
        atts.append(r)
    atts.sort(key=lambda a: a.start)
    return atts


@st.composite
def attribution(draw, text_len=1200):
    s = draw(st.integers(0, text_len - 2))
    pieces = [(s, min(text_len, s + draw(st.integers(0, 700))))]
    if draw(st.booleans()):
        s2 = pieces[0][1] + draw(st.integers(1, 20))
        pieces.append((s2, min(text_len, s2 + draw(st.integers(1, 50)))))
    cue = None
    if draw(st.booleans()):
        c = draw(st.integers(0, text_len - 2))
        cue = (c, c + draw(st.integers(1, 10)))
    return Attribution(pieces=pieces, tok_pieces=[(0, 1)], para=0, cue=cue, quote=draw(st.booleans()))


@pytest.fixture(scope="module")
def merge_ctx():
    doc = Doc(VOCAB, words=["w"] * 600, spaces=[True] * 600,
              sent_starts=[i % 37 == 0 for i in range(600)])  # 1,200 characters, sentences of 37 words
    return SimpleNamespace(doc=doc)


@hsettings(max_examples=200, deadline=None)
@given(st.lists(attribution(), max_size=25), st.lists(attribution(), max_size=25))
def test_statements_merging_rule_read_ones_gives_what_a_full_scan_gives(merge_ctx, atts, extra):
    for ours, reference in ((_with_fallback, _reference_with_fallback),
                            (_with_parenthetical, _reference_with_parenthetical),
                            (_with_responsibility, _reference_with_responsibility)):
        assert [id(a) for a in ours(list(atts), extra, merge_ctx)] == \
            [id(a) for a in reference(list(atts), extra, merge_ctx)], ours.__name__


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 80), st.one_of(
    st.none(), st.tuples(st.integers(0, 500), st.integers(1, 80)))), max_size=30))
def test_statements_corroboration_remarks_are_dropped_as_a_full_scan_drops_them(rows):
    span = lambda s, ln: SimpleNamespace(start=s, end=s + ln)  # noqa: E731
    built = [SimpleNamespace(content=span(s, ln), corroboration_evidence=span(*m) if m else None)
             for s, ln, m in rows]
    marks = [st.corroboration_evidence for st in built if st.corroboration_evidence is not None]
    expected = [st for st in built
                if not any(m.start <= st.content.start and st.content.end <= m.end + 1 for m in marks)]
    assert _outside_marks(built) == expected


# --- a pathological article of modest size ------------------------------------------------------

@pytest.mark.model
def test_statements_a_long_run_of_short_quotations_gives_a_record(settings):
    from newsdossier.pipeline import extract_text

    text = '"He said" ' * 600  # one 6,000-character "sentence" of 600 quotations
    record = extract_text(text, settings=settings)
    assert record.article.text == text
    for statement in record.statements:
        assert text[statement.content.start:statement.content.end] == statement.content.text
