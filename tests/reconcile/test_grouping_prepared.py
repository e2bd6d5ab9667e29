"""The pairwise affinity of prepared articles (incremental grouping) equals the matrix affinity of
the batch grouping, given the same document frequencies."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings, strategies as st

from newsdossier.reconcile.features import Features, term_sets
from newsdossier.reconcile.grouping import DocFreq, GroupingParams, Prepared, _Affinity, affinity, best_group

WORDS = ["shot", "market", "tarnby", "police", "van", "court", "fire", "river", "quenford", "witness"]
NAMES = ["Orrin Velasquez", "Delia Marsh", "Peony Avenue", "Cobalt Road"]


@st.composite
def feats(draw, n: int):
    out = []
    for i in range(n):
        out.append(Features(
            id=f"a{i}", date=draw(st.none() | st.integers(738000, 738400)), site=None,
            words=draw(st.lists(st.sampled_from(WORDS), max_size=12)),
            lead=draw(st.lists(st.sampled_from(WORDS), max_size=6)),
            names=draw(st.lists(st.sampled_from(NAMES), max_size=3)),
            persons=set(draw(st.lists(st.sampled_from(["orrin velasquez", "delia marsh"]), max_size=2))),
            proper=set(draw(st.lists(st.sampled_from(["tarnby", "quenford", "peony"]), max_size=3))),
            addresses=set(draw(st.lists(st.sampled_from(["12 peony avenue"]), max_size=1))),
            ages=set(draw(st.lists(st.sampled_from(["19", "34"]), max_size=2))),
            figures=set(draw(st.lists(st.tuples(st.sampled_from(["killed", "injured"]), st.integers(0, 3)),
                                      max_size=2))),
            city=draw(st.none() | st.sampled_from(["tarnby", "quenford"])),
            types=frozenset(draw(st.lists(st.sampled_from(["armed_assault", "arson"]), max_size=1))),
            reports_incident=draw(st.booleans())))
    return out


def doc_freq(fs) -> DocFreq:
    df: Counter = Counter()
    for f in fs:
        df.update((space, t) for space, terms in term_sets(f).items() for t in terms)
    return DocFreq(len(fs), df)


@settings(max_examples=60, deadline=None)
@given(feats(6))
def test_grouping_prepared_affinity_equals_matrix_row(fs):
    params = GroupingParams()
    freq = doc_freq(fs)
    row = _Affinity(fs, params, freq).row(0)
    prepared = [Prepared(f, freq, params) for f in fs]
    for j in range(1, len(fs)):
        assert abs(affinity(prepared[0], prepared[j], params) - row[j]) < 1e-9


@settings(max_examples=30, deadline=None)
@given(feats(5))
def test_grouping_matrix_with_own_frequencies_is_the_batch_affinity(fs):
    # DocFreq over exactly the compared articles gives the batch grouping's figures.
    params = GroupingParams()
    a, b = _Affinity(fs, params).row(0), _Affinity(fs, params, doc_freq(fs)).row(0)
    assert max(abs(a - b)) < 1e-9


def test_grouping_best_group_takes_mean_over_each_group():
    params = GroupingParams()
    base = dict(site=None, names=[], persons=set(), addresses=set(), ages=set(), figures=set(), city=None)
    same = Features(id="n", date=738000, words=["market", "shot", "tarnby"] * 3, lead=["market"], proper={"tarnby"},
                    **base)
    near = Features(id="x", date=738001, words=["market", "shot", "tarnby"] * 3, lead=["market"], proper={"tarnby"},
                    **base)
    far = Features(id="y", date=738001, words=["river", "fire"], lead=["fire"], proper={"quenford"}, **base)
    freq = doc_freq([same, near, far, far])
    p = {f.id: Prepared(f, freq, params) for f in (same, near, far)}
    assert best_group(p["n"], [p["x"], p["y"]], ["A", "B"], params) == "A"
    # a group whose mean is dragged below zero by unrelated members is not joined
    good, bad = affinity(p["n"], p["x"], params), affinity(p["n"], p["y"], params)
    assert good > 0 > bad
    n = int(good / -bad) + 1
    assert best_group(p["n"], [p["x"], *[p["y"]] * n], ["A"] * (n + 1), params) is None
    assert best_group(p["n"], [p["x"], *[p["y"]] * (n - 1)], ["A"] * n, params) == "A"
    assert best_group(p["n"], [], [], params) is None
