"""Session 38's readings: after a verb of finding, a participle with a subject and no object is
passive ("deputies found Marcus Reyes shot to death behind the counter": Reyes is the dead man, not a
shooter); people hit or killed on another date than the first the article gives are another event's;
"the stabbings that hurt a courier and his sister" name their victims, so they are the event, not a
tally; "nine guards have been stabbed since March 1" is one, and so is "stabbed in three weeks"; a death
"of natural causes" or "after suffering from an illness" is no casualty; "bringing the death toll to two"
gives the count."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Deputies found Marcus Reyes shot to death behind the counter of his gas station in Dunmore on "
     "Friday.", (1, 0)),
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


@pytest.mark.parametrize("text, expected", [
    ("Two brothers face charges over the stabbings that hurt a courier and his sister at a bus depot in "
     "Orlin on Friday.", (0, 2)),
    # a plural whose clause counts people is a tally
    ("The shootings that have killed 40 people in Orlin this summer worry the mayor.", (0, 0)),
])
def test_shootings_that_name_their_victims_are_the_event(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A guard was stabbed in the neck at the Orlin jail on Friday. Nine guards have been stabbed at the "
     "county's jails since March 1, the union said.", (0, 1)),
    # counted from the event, not from a time: the same event's
    ("A cook was shot outside a diner in Orlin on Friday night. Two people have died since the shooting.", (2, 0)),
])
def test_a_count_since_a_time_is_a_tally(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A guard was shot dead outside the bank in Orlin on Friday. A second guard, his cousin, died naturally "
     "in March after years of suffering from a lung illness, the family said.", (1, 0)),
    ("A cook was stabbed outside the diner in Orlin on Friday. Her son died of natural causes last spring.",
     (0, 1)),
    # the wounds of the incident are no illness
    ("A cook was stabbed outside the diner in Orlin on Friday. She died of her wounds on Sunday.", (1, 0)),
])
def test_a_natural_death_is_no_casualty(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A rider was stabbed on an Orlin bus on Friday. Nine riders have been stabbed on Orlin buses in three "
     "weeks, the mayor said.", (0, 1)),
    # a date ("two days after ...") is no stretch of time
    ("Two porters were shot dead two days after Christmas outside a hostel in Orlin.", (2, 0)),
])
def test_a_count_over_some_days_is_a_tally(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A porter died in hospital on Sunday after Friday's knife attack at the Orlin hostel, bringing "
     "the death toll to two, officials said.", (2, 0)),
    ("Officials raised the death toll from the ferry bombing to 14 on Monday.", (14, 0)),
])
def test_a_toll_brought_to_a_number_is_the_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected
