"""Session 40's readings: a participle after "have" is active ("seems to have shot and killed his
two partners" names who shot, not a third person hit), while "appears to have been shot" stays
passive; a murder-suicide in which the article tells of one death is two dead, whichever of the two
it names; "a third customer was killed", told after "hitting four customers; one person died", is
the third of those hit; "his parents" are two people; "three counts each of attempted murder,
burglary and arson" are three people hurt."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("The coroner said a retired welder seems to have shot and killed his two business partners at a "
     "garage in Orlin on Friday.", (2, 0)),
    ("Neighbours told deputies the landlord had stabbed and killed a tenant over unpaid rent in Orlin on "
     "Friday.", (1, 0)),
    ("Deputies believe the farmer had shot and wounded his neighbour over a fence line in Orlin on Friday.",
     (0, 1)),
    # the passive perfect: the clerk was hit
    ("A clerk appears to have been shot during the robbery of a store in Orlin on Friday.", (0, 1)),
])
def test_a_participle_after_have_names_who_shot(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deputies in Orlin are investigating a murder-suicide at a farmhouse on Elm Road. A girl, 7, died of "
     "a gunshot wound, the coroner said on Friday.", (2, 0)),
    ("Police in Orlin are calling Friday's shooting a murder-suicide. The man who fired died at the scene, "
     "they said.", (2, 0)),
    # an attempted murder-suicide: the one he shot lived
    ("Deputies in Orlin are investigating an attempted murder-suicide at a farmhouse on Elm Road. A man "
     "died of a gunshot wound, the coroner said on Friday.", (1, 0)),
    # the count of the dead already holds both
    ("Police in Orlin are calling Friday's shooting a murder-suicide. Two people were found dead in the "
     "house.", (2, 0)),
])
def test_a_murder_suicide_is_two_dead(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the third of those hit: one death was counted before it
    ("A man opened fire in a bakery in Orlin on Friday, hitting four customers. One person died, police "
     "said. A cook was hit in the arm and a woman in the back. A third customer, a retired teacher, was "
     "killed by a bullet to the chest. The last was grazed.", (1, 3)),
    # the third death: two were counted before it
    ("Two guards were killed in the attack on the depot in Orlin on Friday. A third guard died in the "
     "hospital on Saturday.", (3, 0)),
    ("One guard was killed in the attack on the depot in Orlin on Friday. A second guard died of his "
     "wounds on Sunday.", (2, 0)),
])
def test_an_ordinal_death_counts_the_people_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A teenager shot and killed his parents at their farmhouse outside Orlin on Saturday, deputies said.",
     (2, 0)),
    ("A man shot and wounded his grandparents during an argument in Orlin on Saturday, deputies said.", (0, 2)),
    # the parents' house is no count of the parents
    ("A cook was shot outside his parents' house in Orlin on Friday, police said.", (0, 1)),
])
def test_parents_are_two_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Prosecutors in Orlin say a bar owner faces two counts of murder. The judge read out three counts "
     "each of attempted murder, burglary and arson.", (2, 3)),
])
def test_one_count_each_of_the_charges(analyzed, text, expected):
    assert counts(analyzed, text) == expected
