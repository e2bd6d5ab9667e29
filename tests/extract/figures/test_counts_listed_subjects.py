"""A list of people the parser cuts into two subjects or objects of one verb, person nouns the
casualty rules read as one person, and wounds the parser hangs on a place."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    # the first person and the next are both subjects of 'killed' in the parse: every person counts
    ("A teacher, two nurses and a young girl were killed in a shooting outside a Dorrow diner on Friday.", (4, 0)),
    ("A boy, two men and an old woman were shot dead at a Dorrow bus depot on Friday.", (4, 0)),
    ("A nurse, a driver, a student and a child were killed in a shooting at a Dorrow diner on Friday.", (4, 0)),
    ("Police said the girl, her aunt and a man were struck by bullets sprayed from a dark sedan outside a Dorrow "
     "bakery. The girl died later.", (1, 2)),
    # a dateline, or a count that the list breaks down, adds no one
    ("DORROW, Ky. -- Police said a 17-year-old girl was hurt when someone fired into a crowded arcade late "
     "Tuesday.", (0, 1)),
    ("Officers said two other victims, a man and a boy, were treated for wounds that were not life-threatening "
     "after the Dorrow shooting.", (0, 2)),
])
def test_people_listed_before_a_comma(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Officers said the man fired a rifle from his porch, killing a neighbour and wounding the chief.", (1, 1)),
    ("A bailiff was shot in the courthouse lobby in Ellery on Monday and taken to hospital.", (0, 1)),
])
def test_offices_and_trades_name_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the parser hangs "with gunshot wounds" on the place; the wounds are the people's who came there
    ("Two men showed up at a Dorrow hospital with gunshot wounds early Sunday, police said.", (0, 2)),
    ("Two cousins drove to a Dorrow fire station with gunshot wounds late on Saturday, officials said.", (0, 2)),
    ("Deputies said a 5-year-old boy was brought to Hillcrest Clinic at Fifth and Vine with a gunshot wound to "
     "the hip on Tuesday.", (0, 1)),
    # a wound of the place's own ("a car with bullet holes") is no one's
    ("Officers found a car with bullet holes in its doors on Elm Street in Dorrow on Sunday.", (0, 0)),
])
def test_wounds_hung_on_a_place(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "suffering from ..." hung on the place the person was found in
    ("A cyclist was discovered near a Dorrow pub suffering from a bullet wound in his side, officers reported.",
     (0, 1)),
    ("The victim was found in the street suffering from several stab wounds on Friday in Dorrow.", (0, 1)),
])
def test_suffering_hung_on_a_place(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "at" and a time after the shooting verb says when, not what was fired at
    ("Police said the girl appeared to be shot near Oak Street in Dorrow at 11:30 p.m. on Sunday.", (0, 1)),
    # what was fired at was not hit
    ("A gunman shot at the car several times on Elm Avenue in Dorrow but missed.", (0, 0)),
    ("Officers were shot at by a man in a truck on Elm Avenue in Dorrow on Friday.", (0, 0)),
])
def test_shot_at_a_time_is_no_miss(analyzed, text, expected):
    assert counts(analyzed, text) == expected
