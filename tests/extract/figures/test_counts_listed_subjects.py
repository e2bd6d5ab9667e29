"""A list of people the parser cuts into two subjects or objects of one verb, person nouns the
casualty rules read as one person, and wounds the parser hangs on a place."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    # 'man' and 'women' are both subjects of 'killed' in the parse: every person counts
    ("A man, two women and a small child were killed when a gunman opened fire at a Dorrow bus stop on "
     "Friday.", (4, 0)),
    ("A man, a woman, a teenager and a child were killed in a shooting at a Dorrow diner on Friday.", (4, 0)),
    ("Police said the boy, his uncle and a woman were hit by shots fired from a passing van outside a Dorrow "
     "shop. The boy died later.", (1, 2)),
    # a dateline, a name described next, or a count that the list breaks down add no one
    ("ELLERY, Ore. -- A 15-year-old boy was wounded in a shooting near a park in Ellery on Thursday.", (0, 1)),
    ("Police said three other victims, a 21-year-old man, a 19-year-old woman and a 3-year-old boy, were "
     "treated for wounds that were not life-threatening after the shooting in Dorrow.", (0, 3)),
])
def test_people_listed_before_a_comma(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A gunman opened fire on deputies outside a Dorrow farmhouse, killing a deputy and wounding the chief.",
     (1, 1)),
    ("A bailiff was shot in the courthouse lobby in Ellery on Monday and taken to hospital.", (0, 1)),
])
def test_offices_and_trades_name_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the parser hangs "with gunshot wounds" on the place; the wounds are the people's who came there
    ("Two men showed up at a Dorrow hospital with gunshot wounds early Sunday, police said.", (0, 2)),
    ("Three men walked into a Dorrow gas station with gunshot wounds on Saturday night, officials said.", (0, 3)),
    ("Police said a 4-year-old girl was taken to Mercy Clinic at Elm and Oak with a gunshot wound to the leg "
     "on Thursday.", (0, 1)),
    # a wound of the place's own ("a car with bullet holes") is no one's
    ("Officers found a car with bullet holes in its doors on Elm Street in Dorrow on Sunday.", (0, 0)),
])
def test_wounds_hung_on_a_place(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "suffering from ..." hung on the place the person was taken from or found in
    ("A teenager was taken from the scene suffering from a gunshot wound to the leg, Dorrow police said.", (0, 1)),
    ("The victim was found in the street suffering from several stab wounds on Friday in Dorrow.", (0, 1)),
])
def test_suffering_hung_on_a_place(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "at" and a time after the shooting verb says when, not what was fired at
    ("The toddler was reported to be shot near Elm Avenue in Dorrow at 1:45 p.m. today.", (0, 1)),
    # what was fired at was not hit
    ("A gunman shot at the car several times on Elm Avenue in Dorrow but missed.", (0, 0)),
    ("Officers were shot at by a man in a truck on Elm Avenue in Dorrow on Friday.", (0, 0)),
])
def test_shot_at_a_time_is_no_miss(analyzed, text, expected):
    assert counts(analyzed, text) == expected
