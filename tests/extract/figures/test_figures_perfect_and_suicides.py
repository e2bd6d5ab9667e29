"""Session 40's readings: a participle after "have" is active ("appears to have shot and killed his
two sons" names who shot, not a third person hit), while "appears to have been shot" stays passive; a
murder-suicide in which the article tells of one death is two dead, whichever of the two it names."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Police said a Dover man appears to have shot and killed his two sons before killing himself on "
     "Friday.", (3, 0)),
    ("Deputies believe the farmer had shot and wounded his neighbour over a fence line in Orlin on Friday.",
     (0, 1)),
    # the passive perfect: the clerk was hit
    ("A clerk appears to have been shot during the robbery of a store in Orlin on Friday.", (0, 1)),
])
def test_a_participle_after_have_names_who_shot(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Orlin coroner has confirmed a murder-suicide at a home on Elm Street. The girl, 7, died of a "
     "gunshot wound, the coroner said.", (2, 0)),
    ("Police in Orlin are calling Friday's shooting a murder-suicide. The man who fired died at the scene, "
     "they said.", (2, 0)),
    # an attempted murder-suicide: the one he shot lived
    ("The Orlin coroner has confirmed an attempted murder-suicide at a home on Elm Street. The man died of "
     "a gunshot wound, the coroner said.", (1, 0)),
    # the count of the dead already holds both
    ("Police in Orlin are calling Friday's shooting a murder-suicide. Two people were found dead in the "
     "house.", (2, 0)),
])
def test_a_murder_suicide_is_two_dead(analyzed, text, expected):
    assert counts(analyzed, text) == expected
