"""Abbreviated ages are no counts of people (no model needed)."""
import pytest

from newsdossier.extract.figures.numbers import find_quantities


@pytest.mark.parametrize("phrase", ["the 4 yo boy", "a 9 y/o girl", "an 8 y.o. child", "the 12-yo", "relatives of 15 y.o hurt"])
def test_abbreviated_age_is_not_a_count(phrase):
    assert [q for q in find_quantities(phrase) if q.min != 1] == []


def test_a_count_before_a_word_starting_with_yo_stays():
    assert [q.min for q in find_quantities("two yo-yos and 3 young men")] == [2, 3]


@pytest.mark.parametrize("phrase,counts", [
    ("a girl younger than 11 was hurt", [1]),
    ("three cooks, ages 18, 22 and 25, were hurt", [3]),
    ("two boys aged 14 and 15 were shot", [2]),
    ("more than 12 people", [13]),
])
def test_ages_after_than_or_aged_are_no_counts(phrase, counts):
    assert [q.min for q in find_quantities(phrase)] == counts
