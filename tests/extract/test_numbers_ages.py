"""Abbreviated ages are no counts of people (no model needed)."""
import pytest

from newsdossier.extract.numbers import find_quantities


@pytest.mark.parametrize("phrase", ["the 4 yo boy", "a 9 y/o girl", "an 8 y.o. child", "the 12-yo"])
def test_abbreviated_age_is_not_a_count(phrase):
    assert [q for q in find_quantities(phrase) if q.min != 1] == []


def test_a_count_before_a_word_starting_with_yo_stays():
    assert [q.min for q in find_quantities("two yo-yos and 3 young men")] == [2, 3]
