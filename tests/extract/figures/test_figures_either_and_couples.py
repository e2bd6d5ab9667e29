"""Session 39's readings: "wounded or killed" counts people hit without saying how many died, and
"the fifth child this year to be hurt or killed" is no death of this incident; "suffered no
injuries" is nobody hurt (but "no serious injury" still a hurt person); a couple is two people."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    # which of the four died is unsaid: four hit, none known dead
    ("Four guests were wounded or killed when a man fired into the wedding hall in Orlin on Friday.", (0, 4)),
    ("A girl, 9, was shot in the leg in Orlin on Friday. She is the fifth child in the county this year to be "
     "hurt or killed by a stray bullet, a charity said.", (0, 1)),
    # "neither killed nor hurt" in either order stays a count of none
    ("A depot guard was stabbed in Orlin on Friday. Nobody else was killed or hurt, police said.", (0, 1)),
    ("A bomb went off in a depot in Orlin on Friday night. No one was hurt or killed, police said.", (0, 0)),
])
def test_killed_or_hurt_says_who_was_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A cook was stabbed outside the diner in Orlin on Friday. Two guards who chased the attacker off "
     "suffered no injuries.", (0, 1)),
    ("A bomb went off at a depot in Orlin on Friday. The guard suffered no injuries, police said.", (0, 0)),
    # no serious injury: a lighter one, still hurt
    ("Shots were fired at a depot in Orlin on Friday. One guard sustained no serious injury, police said.",
     (0, 1)),
])
def test_no_injuries_is_nobody_hurt(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("An elderly couple was found dead inside their farmhouse outside Orlin on Friday, both with gunshot "
     "wounds.", (2, 0)),
    ("A young couple and their infant son were shot and killed in their car in Orlin on Friday.", (3, 0)),
    # "a couple of" is a count before its noun, as before
    ("A couple of guards were hurt when the crowd rushed the gate in Orlin on Friday.", (0, 2)),
])
def test_a_couple_is_two_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected
