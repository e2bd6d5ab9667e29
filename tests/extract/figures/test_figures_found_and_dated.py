"""Session 38's readings: after a verb of finding, a participle with a subject and no object is
passive ("deputies found Marcus Reyes shot to death": Reyes is the dead man, not a shooter); people
hit or killed on another date than the first the article gives are another event's."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Deputies were called to a gas station in Dunmore on Friday. When deputies arrived, they found Marcus "
     "Reyes shot to death behind the counter.", (1, 0)),
    ("Neighbors heard a scream on Friday night. Officers found Tamsin Oduya stabbed to death in the hallway of "
     "her building.", (1, 0)),
    # a complementizer, an auxiliary or an object keeps the active reading: the subject shot someone
    ("Investigators found that Reyes shot his brother during an argument on Friday.", (0, 1)),
    ("Deputies found the man had shot his wife in the arm on Friday.", (0, 1)),
])
def test_found_with_a_participle_is_passive(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # another date than the first hit's is another shooting (published 2025-06-14)
    ("A boy, 6, was shot in the leg on June 2 outside his home on Pell Street in Orlin, police said. "
     "On May 20, a cousin and two neighbors were shot on the same street.", (0, 1)),
    ("A courier was wounded on Tuesday during a robbery at a bar in Orlin. The bar was also the scene of a shooting "
     "on May 2, when a bouncer and a cook were wounded.", (0, 1)),
    ("A man was shot and killed on June 12 in his shop in Orlin. In April, two neighbors were shot and "
     "killed on the same block.", (1, 0)),
    # a day either side is the same night; a month holding the day is the same month
    ("A bouncer was shot on Friday night outside a club in Orlin. Early Saturday, a second guard was "
     "shot in the parking lot.", (0, 2)),
    ("Two women were shot on June 3 at a bus stop in Orlin. In June, a third woman was shot there "
     "too, police said.", (0, 3)),
])
def test_hits_on_other_dates_are_another_event(analyzed, text, expected):
    assert counts(analyzed, text) == expected

