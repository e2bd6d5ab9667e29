"""Session 41's reading: people found hurt ("officers arrived to find a farmer and his two sons
wounded") are people hit, told as they were found; when the article says they died, they are the
dead, not three dead and three more hurt. People found hurt who are not said to die stay hurt, and
so do people found hurt beside someone found dead ("found a baker dead and two apprentices injured")."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    # found wounded, then all three pronounced dead
    ("A farmer and his two sons were shot to death at their home in Velmar on Sunday. Deputies arrived "
     "to find the farmer and the two boys wounded in the kitchen. All three were pronounced dead at a "
     "hospital in Corran an hour later, the coroner said.", (3, 0)),
    # found hurt beside someone found dead: besides the dead, unless a later death takes them
    ("Officers in Velmar found a baker dead and two apprentices injured at the back of a shop on Monday, "
     "police said.", (1, 2)),
    ("Officers in Velmar found a baker dead and his apprentice injured at the back of a shop on Monday, "
     "police said.", (1, 1)),
    ("Officers in Velmar found a baker dead and his apprentice injured at the back of a shop on Monday. "
     "The apprentice died at a hospital on Tuesday. The two men were killed in a robbery, police said.",
     (2, 0)),
    ("Police found two brothers wounded in a parked car in Velmar on Sunday. Both died at a hospital in "
     "Corran, police said.", (2, 0)),
    # found hurt, and nothing says they died: hurt
    ("Deputies arrived to find three hikers wounded near a trailhead outside Velmar on Sunday. All three "
     "were flown to a hospital in Corran in stable condition.", (0, 3)),
    ("Police in Velmar found a courier injured in a parking lot on Monday after a robbery. A clinic in "
     "Corran treated his leg wound that night.", (0, 1)),
    # a plain count of the hurt is unchanged
    ("Two guards were wounded in a shooting at a depot in Velmar on Monday, police said.", (0, 2)),
])
def test_people_found_hurt_are_people_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected
