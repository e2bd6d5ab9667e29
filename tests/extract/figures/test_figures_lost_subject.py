"""Session 37's readings: a passive whose subject the parser loses behind a comma ("confirmed to
KXR7 two young girls, ages 4 and 5, were killed") is about the people before the comma, and the one
who confirmed it did not kill them; a block number ("the 2000 block of Elm Street") is no year; "nine
people in total" is the whole count wherever the parser hangs "in total"."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Officer Dana Pike confirmed to KXR7 two young girls, ages 4 and 5, were killed in the shooting. "
     "Police said the girls' father shot them and then turned the gun on himself.", (3, 0)),
    ("Sergeant Lee Moss confirmed to WQPN two boys, ages 6 and 9, were wounded in the attack.", (0, 2)),
    # the subject the parser keeps stays the subject
    ("A deputy told reporters two farmhands, ages 19 and 23, were wounded in the shooting near Orlin.", (0, 2)),
    ("Gunfire outside a bakery left a toddler in critical condition, while three other people, including "
     "two teens, were also wounded.", (0, 4)),
])
def test_a_passive_whose_subject_ends_in_a_comma(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # officers who stormed a house and shot the gunman did kill him: the active verb's subject holds
    ("By the time deputies stormed the barn and fatally shot him, the gunman had killed four people.", (5, 0)),
])
def test_who_killed_still_climbs_an_active_verb(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two brothers were shot and killed in the 2000 block of Elm Street in Orlin early Saturday.", (2, 0)),
    ("A cook was shot in the 1900 block of Palmer Avenue on Friday night, police said.", (0, 1)),
    # a year before the article's is still another event's
    ("Two men were shot and killed in Orlin in 2019, and nobody was charged.", (0, 0)),
])
def test_a_block_number_is_no_year(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two guests were wounded at the party on Friday, police said. Nine people in total were wounded in "
     "the shooting.", (0, 9)),
    ("Two guests were wounded at the party on Friday, police said. Nine people were wounded in total.", (0, 9)),
    # "in total darkness" says nothing of the count
    ("Nine guests were wounded at the party on Friday, police said. Two people were shot in total darkness "
     "in the garden.", (0, 9)),
])
def test_in_total_marks_the_whole_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected
