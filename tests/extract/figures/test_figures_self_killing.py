"""An attacker who "took his own life" or "turned the gun on himself" is among the killed (GTD's nkill, the GVA)."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    # the shooter's death told in the same sentence as the victims'
    ("On Sunday, Carl Fenwick opened fire at a warehouse in Dunmore, killing three co-workers and wounding "
     "five before taking his own life, police said.", (4, 5)),
    ("A man shot four people at a petrol station in Harlow on Tuesday, killing two of them, before turning "
     "the gun on himself.", (3, 2)),
    # told in a sentence of its own: "he" is the man who did the shooting
    ("A man shot and killed his neighbour in Ashgrove on Friday. He then turned the gun on himself, police said.",
     (2, 0)),
    # the only death: the man himself
    ("Police in Ashgrove said a man fired several shots into the air on Friday before turning the rifle on himself.",
     (1, 0)),
])
def test_the_attacker_who_killed_himself_is_counted(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # he lived: no death
    ("A man shot his wife in Ashgrove on Friday before turning the gun on himself. He was taken to hospital in "
     "critical condition.", (0, 1)),
    # "turned himself in" is no self-killing
    ("A man who shot a clerk during a robbery in Ashgrove turned himself in to police on Friday.", (0, 1)),
])
def test_no_death_where_the_text_gives_none(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the one the police killed is the attacker; those "killed by a man" leave him out
    ("Three guards were killed by a former employee at the Ellery depot on Monday; he was then shot and killed "
     "by police.", (4, 0)),
    ("A gunman killed two people at a Dorrow mall on Sunday before officers shot and killed him.", (3, 0)),
    # the police who shot him are named in the clause the shooting hangs from
    ("Officers fatally shot him after a standoff, but not before Ray Colton had fatally shot five neighbours "
     "on his street in Ellery.", (6, 0)),
    # one the police wound stays among the people hit (the GVA counts him)
    ("A teenager was shot and wounded by police in Dorrow on Sunday after he fired at officers.", (0, 1)),
    # no killer named: "two men" may hold the gunman the police shot
    ("Two men were killed in a shootout with police in Dorrow on Sunday.", (2, 0)),
    # an officer killed by a gunman is a victim
    ("An officer was shot and killed by a gunman in Dorrow on Sunday.", (1, 0)),
])
def test_an_attacker_the_police_killed_is_counted(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a murder-suicide: the victim died and so did the one who shot
    ("A Harlow farmer shot his young nephew and then himself, deputies said, calling it a murder-suicide.", (2, 0)),
    ("A toddler was slain in what deputies called a murder-suicide at an Ashgrove trailer home on Sunday.", (2, 0)),
    ("A Dorrow man fatally shot a woman and a girl and then killed himself in what police called a "
     "murder-suicide.", (3, 0)),
    # guards: a count of everyone holds the shooter; a denial and an attempt are no suicide
    ("Four people died in a murder-suicide at a Lisle farmhouse on Sunday, deputies said.", (4, 0)),
    ("A teacher and her husband were found dead at a Lisle farmhouse. Deputies are not calling the deaths a "
     "murder-suicide.", (2, 0)),
    ("A Harlow farmer and his nephew were both wounded by gunfire in an attempted murder-suicide on Tuesday. The "
     "boy survived.", (0, 2)),
])
def test_murder_suicide(analyzed, text, expected):
    assert counts(analyzed, text) == expected
