"""Words next to a casualty count that add nobody: the attacker of an absolute "with" clause, the
house number of an address."""
import pytest
from casualty_helpers import counts

from newsdossier.extract.figures.numbers import find_quantities


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    ("Two brothers were wounded by gunfire, with the gunman still at large.", (0, 2)),
    # a companion who was hit still counts
    ("A cashier was stabbed along with two customers at the Corvel bakery on Sunday.", (0, 3)),
])
def test_with_clause_adds_no_attacker(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text", ["deputies went to 2214 Wren Hollow Rd. on Sunday",
                                  "outside 80 Old Mill Lane", "at 1630 N. Kestrel Avenue"])
def test_house_number_of_a_street_name_is_no_count(text):
    assert find_quantities(text) == []


def test_count_before_a_street_word_is_still_a_count():
    assert [q.min for q in find_quantities("three people shot on Wren Hollow Rd.")] == [3]


@pytest.mark.parametrize("text,expected", [
    # someone else shot days before, told to place this death in time: another event
    ("A clerk was stabbed to death behind a Harwell diner on Friday. The killing came three days after another "
     "worker was stabbed in the same alley.", (1, 0)),
    # guard: the one who died days after he was shot is this event's
    ("A clerk died late on Friday, a week after he was stabbed behind a Harwell diner. A waiter was also hurt.",
     (1, 1)),
])
def test_another_person_hit_days_before(analyzed, text, expected):
    assert counts(analyzed, text) == expected
