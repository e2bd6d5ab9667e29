"""Counts read as intervals: number words, digits, hedges and vague quantities (no model needed)."""
import pytest

from newsdossier.extract.figures.numbers import find_quantities, parse_quantity, words_to_int


@pytest.mark.parametrize("text,value", [
    ("four", 4), ("Twenty-one", 21), ("two hundred", 200), ("a hundred", 100), ("1,200", 1200),
    ("one hundred and twenty", 120), ("a dozen", 12), ("3 thousand", 3000), ("seventeen", 17),
])
def test_words_to_int(text, value):
    assert words_to_int(text) == value


@pytest.mark.parametrize("text", ["many", "the", "and", ""])
def test_words_to_int_refuses_non_numbers(text):
    assert words_to_int(text) is None


@pytest.mark.parametrize("phrase,lo,hi,qual", [
    ("at least 139", 139, None, "at_least"),
    ("more than 20", 21, None, "more_than"),
    ("over 50", 51, None, "more_than"),
    ("well over a hundred", 101, None, "more_than"),
    ("up to 5", None, 5, "at_most"),
    ("as many as 40", None, 40, "at_most"),
    ("about 30", 30, 30, "about"),
    ("nearly 30", None, 29, "nearly"),
    ("dozens", 24, None, "dozens"),
    ("hundreds", 200, None, "hundreds"),
    ("a handful", 2, 5, "handful"),
    ("a dozen", 12, 12, "about"),
    ("more than a dozen", 13, None, "more_than"),
    ("Four", 4, 4, "exact"),
    ("twenty-one", 21, 21, "exact"),
    ("between 10 and 15", 10, 15, "range"),
    ("10-15", 10, 15, "range"),
    ("three or four", 3, 4, "range"),
    ("at least a dozen", 12, None, "at_least"),
])
def test_parse_quantity(phrase, lo, hi, qual):
    q = parse_quantity(phrase)
    assert (q.min, q.max, q.qualifier) == (lo, hi, qual)


@pytest.mark.parametrize("phrase", ["a 17-year-old", "the 7th", "at 11:50", "in 2014 percent", "45%"])
def test_ages_ordinals_times_are_not_counts(phrase):
    assert all(q.point in (None, 1) for q in find_quantities(phrase))
    assert not any(q.point in (17, 7, 11, 45) for q in find_quantities(phrase))
