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
