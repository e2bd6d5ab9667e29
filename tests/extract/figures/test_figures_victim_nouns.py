""""Officers found three gunshot victims" counts those hit when nothing else counts them; wounds told
in a clause of "what" ("suffered what officers described as minor injuries") are wounds; "a farmer who
deputies say shot his neighbour" is the one who shot, not the deputies; "claimed a guard's life" is a
death; "wounded were two women" counts the two; a list of four names with ages is four people."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Officers answering a call in Brellin early Monday found three gunshot victims on Osgood Lane. "
     "One of the three died at a hospital, police said.", (1, 2)),
    ("Officers found five stabbing victims after a fight outside a Tenby bar on Friday.",
     (0, 5)),
])
def test_victims_named_by_the_shooting_are_those_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # another count of the people hit: the noun is some of them
    ("Deputies found two stabbing victims near the Farrow Road bridge on Sunday. Five people were "
     "wounded in all, the sheriff said.", (0, 5)),
    # one victim, named by the shooting: no count of its own
    ("A shooting victim walked into Harlow General late Friday with a wound to his arm.", (0, 1)),
])
def test_other_counts_come_before_the_victim_noun(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_wounds_in_a_clause_of_what_are_wounds(analyzed):
    text = ("Gunfire broke out at a Tenby cookout on Saturday. Three guests sustained what police described "
            "as minor injuries, and all were treated at the scene.")
    assert counts(analyzed, text) == (0, 3)


def test_the_one_deputies_say_shot_a_man_killed_him(analyzed):
    text = "A farmer who deputies say shot and killed his neighbour over a fence line was arrested in Orrin County."
    assert counts(analyzed, text) == (1, 0)


@pytest.mark.parametrize("text, expected", [
    ("A bomb left at a Tenby depot claimed a guard's life on Tuesday and hurt two drivers.", (1, 2)),
    # the form with "of", read before
    ("The blast at a Tenby depot claimed the lives of two guards and hurt a driver.", (2, 1)),
])
def test_a_life_claimed_is_a_death(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunfire broke out at a Tenby cookout on Saturday. Hurt in the shooting were a nine-year-old girl and "
     "her uncle, deputies said.", (0, 2)),
    ("A driver died at the scene on Osgood Lane. Also wounded were two women and a boy.", (1, 3)),
])
def test_people_named_after_the_participle_are_its_subject(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ida Penn, 61, Roy Penn, 30, Lu Marsh, 29, and Ned Vale, 44, were killed in the fire at the Tenby "
     "mill on Friday.", (4, 0)),
    ("A gunman shot Ida Penn, 61, Roy Penn, 30, Lu Marsh, 29, and Ned Vale, 44, outside a Brellin diner "
     "on Friday.", (0, 4)),
])
def test_a_list_of_four_names_is_four_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected
