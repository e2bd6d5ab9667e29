"""What a charge, a zero, coordinated clauses, a claim and a list say about who died and who was hurt:
an event called fatal counts one death when no count is written (an attempt does not), a zero counts
only when said of everyone, someone shot beside another person killed is no death, a tally over a
time ("last July alone") is no count of this incident."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    # nobody died in an attempted murder: the charge names what the suspect tried
    ("A Dorrow man faces attempted murder charges after gunfire at a roadside motel on Sunday. Three guests "
     "were wounded and taken to Mercy Hospital.", (0, 3)),
    ("Prosecutors filed Attempted Murder charges against the driver after the Ellery car park shooting. Two "
     "teenagers were hurt.", (0, 2)),
    # guards: a murder charge or a fatal shooting with no count still reads as one death
    ("Police filed murder charges against a Dorrow man after a shooting at a roadside motel on Sunday.", (1, 0)),
    ("Detectives are investigating a fatal shooting outside an Ellery laundromat, officials said.", (1, 0)),
])
def test_fatal_event_without_a_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a zero said of things, or of one group of those present, is not the incident's total
    ("A Dorrow man was shot in the thigh late Friday. No vital organs were hit, his doctor said.", (0, 1)),
    ("A 19-year-old woman was wounded in the arm outside the Dorrow feed store on Friday. No deputies were "
     "injured in the exchange of fire.", (0, 1)),
    ("A waiter was wounded when gunfire hit the Ellery diner on Friday. Nobody was seriously injured, the owner "
     "said.", (0, 1)),
    # guard: a zero said of everyone stays a zero
    ("Gunfire raked a Dorrow bus shelter on Friday night. No people were injured.", (0, 0)),
])
def test_zero_of_a_group_or_of_things(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # someone shot beside a different person killed, in one report's clauses, is not among the dead
    ("A pastor was killed and his teenage nephew was shot as two men robbed a Dorrow church office on Sunday.",
     (1, 1)),
    # "also" hung on the auxiliary by the parser still marks someone on top of the dead
    ("A bartender was shot and killed outside a Dorrow tavern on Friday. His girlfriend was also wounded, police "
     "said.", (1, 1)),
    # guards: the dead among those shot, the same person shot and killed
    ("Two men were shot outside the Ellery depot, and one of them died.", (1, 1)),
    ("A man was shot and killed outside a Dorrow bar on Sunday.", (1, 0)),
])
def test_shot_beside_someone_killed(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # an attempted murder charge names someone hit who lived; a murder charge for a shooting, a death
    ("Prosecutors charged Lee Varn with the attempted murder of a Dorrow deputy after the traffic stop on "
     "Friday.", (0, 1)),
    ("Lee Varn was charged with murder in the shooting of Ona Pell outside an Ellery laundromat.", (1, 0)),
])
def test_charges_tell_who_died(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a boast or a claim of a killing is no report of a death
    ("Deputies said a drifter at the Dorrow shelter claimed to have killed someone, but no body was found.", (0, 0)),
    ("Officers said the suspect bragged that he had killed two rivals in Ellery.", (0, 0)),
])
def test_claimed_killings(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "along with" a list counts every person of it
    ("Ona Pell was wounded along with her cousin and a neighbour outside a Dorrow bakery on Monday.", (0, 3)),
    # one named among the injured whom the article reports dead is no longer among them
    ("Five people, including Fred Dunne, were injured in the Dorrow shooting. Dunne died at a hospital on "
     "Sunday.", (1, 4)),
    ("Five people, including Fred Dunne and Ana Ruiz, were injured in the Dorrow shooting. Ruiz is in stable "
     "condition.", (0, 5)),
    # the parser hangs "12" on "one dead": the injured are the conjunct, with a count of their own
    ("The blast at the Ellery depot left one dead and 12 injured.", (1, 12)),
    ("The ambush near the Ellery depot left three guards dead and two more hurt.", (3, 2)),
    # a list that drops the verb: "five more shot" is tagged a noun with its own count
    ("Four people are dead, five more shot, and nearly 30 injured as the Dorrow bus terminal siege ended.",
     (4, 5)),
])
def test_lists_beside_the_dead(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "last July alone", "in 2016 alone": a tally over a time, not this incident's count
    ("A Dorrow nurse was wounded on Monday. Last July alone, three children were shot in the county, the "
     "group said.", (0, 1)),
    ("Ona Pell was shot dead in Ellery on Friday. In 2025 alone, forty residents were killed in the city.", (1, 0)),
])
def test_tally_over_a_time(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # no count in the text but the charges': each murder count one dead, each attempted-murder count one hurt
    ("A Lisle man faces two counts of murder plus three counts of attempted murder over gunfire at a bowling "
     "alley.", (2, 3)),
    ("Prosecutors filed four counts of first-degree murder against the Harwell driver.", (4, 0)),
    # guard: a count in the text stands
    ("A Lisle man was charged with two counts of murder. Police said three people were killed at the bowling "
     "alley and one was wounded.", (3, 1)),
])
def test_counts_of_the_charges(analyzed, text, expected):
    assert counts(analyzed, text) == expected
