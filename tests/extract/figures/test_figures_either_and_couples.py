"""Session 39's readings: "wounded or killed" counts people hit without saying how many died, and
"the fifth child this year to be hurt or killed" is no death of this incident; "suffered no
injuries" is nobody hurt (but "no serious injury" still a hurt person); a couple is two people;
"five victims of the shooting" are five people (not "two of the cars"); "the deaths of a baker and his
three daughters" are four, though the parser joins the daughters to "deaths"; "the shooting came two
days after three guards were shot dead" sets the event beside another; "can't" is a modal though the
parser splits it; "nobody was struck by that round" counts one round's victims, not all; "the people near the
door, including three girls and five adults" are at least eight; a caption whose line ends in a credit
after a bar gives way to the text; "Carter was one of five people injured", Carter since dead, leaves
four injured; "a spree that left two others dead", told of a gunman the deputies shot dead, is three dead."""
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


@pytest.mark.parametrize("text, expected", [
    ("Five victims of the shooting at an Orlin bar on Friday were taken to hospitals, police said.", (0, 5)),
    ("Bullets hit two of the cars parked outside an Orlin bar on Friday; a guard was wounded.", (0, 1)),
])
def test_victims_of_a_shooting_are_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The deaths of a baker and his three daughters were ruled a murder-suicide on Monday, Orlin police said.",
     (4, 0)),
    ("The death of a guard and the wounding of two clerks at an Orlin bank on Friday are being investigated.",
     (1, 2)),
])
def test_people_joined_to_the_deaths_are_among_them(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A clerk was shot in the arm at a gas station in Orlin on Sunday. The shooting came two days after three "
     "guards were shot dead at a depot across town.", (0, 1)),
    ("A cook was stabbed outside a diner in Orlin on Friday. The attack happened a week after two waiters were "
     "wounded in a robbery nearby.", (0, 1)),
    # an arrest, or a death, follows the event itself
    ("The arrest came a week after a courier was shot dead outside the Orlin depot.", (1, 0)),
    ("A clerk died in Orlin on Sunday. Her death came two days after a robber shot her outside her shop.",
     (1, 0)),
])
def test_the_event_set_beside_another(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A porter was shot outside a club in Orlin on Friday. “You can’t kill nobody over a parking space,” his "
     "uncle said.", (0, 1)),
    ("A boy shot himself in the foot in Orlin on Friday. The pistol went off again as a friend picked it up; "
     "nobody was struck by that round.", (0, 1)),
    # a blast, not one shot among others: nobody hurt
    ("A bomb went off in Orlin on Friday. No one was hurt in the blast.", (0, 0)),
])
def test_counts_of_none_that_say_nothing_of_the_total(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_an_including_list_counts_all_it_names(analyzed):
    text = ("Gunfire at the Orlin skating rink on Saturday wounded the people near the door, including three "
            "girls and five adults.")
    assert counts(analyzed, text) == (0, 8)


def test_a_caption_with_a_credit_after_a_bar_gives_way(analyzed):
    text = ("Officers tape off the gym where two players were hurt. | Orlin Photo Desk\n\n"
            "Gunfire outside an Orlin gym on Monday killed a coach and wounded a player, police said.")
    assert counts(analyzed, text) == (1, 1)


def test_one_of_the_injured_since_dead_is_no_longer_among_them(analyzed):
    text = ("ORLIN - A man wounded in a shooting at a bus depot this month has died. Police said Jamal Carter, 38, "
            "died on Sunday at the county hospital. Carter was one of five people injured at the depot on May 2.")
    assert counts(analyzed, text) == (1, 4)


@pytest.mark.parametrize("text, expected", [
    ("Neighbors in Orlin spoke on Monday of a gunman who was shot dead by deputies after a spree that left two "
     "others dead and a guard hurt.", (3, 1)),
    # a count that holds him stays as it is
    ("Two people were killed, one of them the gunman, at a depot in Orlin on Friday.", (2, 0)),
])
def test_others_killed_beside_the_attacker_are_besides_him(analyzed, text, expected):
    assert counts(analyzed, text) == expected
