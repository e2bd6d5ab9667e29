"""The dead counted inside a group of people hit ("shot four others, including one who died") are
not also among the injured; a time after a count ("a couple of days ago") is no count of people."""
import pytest
from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    ("Detectives want the man who shot four guests, including one who died, at a Pell apartment.", (1, 3)),
    ("A gunman wounded five guests, including two who later died, at a Corran wedding.", (2, 3)),
])
def test_dead_among_the_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_time_after_a_count_is_no_count(analyzed):
    text = ("A 12-year-old boy was wounded by a stray bullet in Ardley on Friday. Neighbours said there had been "
            "a shooting a couple of days ago near the same corner.")
    assert counts(analyzed, text) == (0, 1)
