"""Lists of people the parser reads as apposition + conjunct, and "the bodies of N people"."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    ("Detectives said the farmer shot and killed his mother, brother and sister before killing himself at a "
     "house near Ellery on Monday.", (4, 0)),
    ("Police said 34-year-old Ann Bell, 19-year-old Ray Dunn and 12-year-old Joe Marsh were killed in the "
     "shooting in Dorrow on Friday.", (3, 0)),
    # an apposition that describes the one person is no second person
    ("The victim, a 24-year-old man and father of two, was shot dead outside a bar in Dorrow on Friday.", (1, 0)),
    ("Jo Smith, the owner and manager of the bar, was shot dead in Dorrow on Friday.", (1, 0)),
    # a count broken down adds nothing
    ("Five guests, three men and two women, were wounded when a gunman fired into a wedding party in Ellery.",
     (0, 5)),
    # names that list the counted people add nothing
    ("Two officers, Jo Li and Al Ray, were wounded in the shooting in Dorrow on Friday.", (0, 2)),
])
def test_lists_of_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Police found the bodies of three people in a Dorrow home on Sunday after neighbours reported gunfire.",
     (3, 0)),
    ("Deputies found the bodies of Ron Smith, his wife and their two children after a shooting at a Dorrow "
     "home on Sunday.", (4, 0)),
    ("A man was shot in the upper body outside a Dorrow bar on Sunday.", (0, 1)),
    # "the bodies of" is no part of a larger group ("three of the victims"): with a name found dead later
    ("Firefighters pulled the bodies of five people, among them a baby, from a burned Dorrow house on Sunday. "
     "The coroner said Ada Kell, 41, died of a gunshot wound.", (5, 0)),
])
def test_bodies_count_the_people_they_were(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_a_later_total_that_includes_the_first_count(analyzed):
    # "five people, including three children": the three named first are among the five
    text = ("Gunfire at a Lisle farmhouse claimed the lives of three children on Sunday. Police said five "
            "people, including three children, had been shot dead in the home.")
    assert counts(analyzed, text) == (5, 0)
