"""Session 37's readings: a passive whose subject the parser loses behind a comma ("confirmed to
WQPN three farm workers, ages 30, 41 and 52, were killed") is about the people before the comma, and
the one who confirmed it did not kill them; a block number ("the 2010 block of Quarry Lane") is no
year; "eleven tenants in total" is the whole count wherever the parser hangs "in total"."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Sergeant Ana Ruiz confirmed to WQPN three farm workers, ages 30, 41 and 52, were killed at the dairy. "
     "Deputies said their employer shot them before he turned the rifle on himself.", (4, 0)),
    ("Officer Dana Pike confirmed to KXR7 two cousins, ages 6 and 9, were stabbed at the fairground.", (0, 2)),
    ("Sergeant Lee Moss confirmed to WQPN two boys, ages 6 and 9, were wounded in the attack.", (0, 2)),
    # the subject the parser keeps stays the subject
    ("A deputy told reporters two farmhands, ages 19 and 23, were wounded in the shooting near Orlin.", (0, 2)),
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
    ("Two cousins died after they were stabbed in the 2010 block of Quarry Lane in Orlin early Saturday.",
     (2, 0)),
    ("A courier was stabbed near the 1800 block of Fenwick Road on Friday night, deputies said.", (0, 1)),
    # a year before the article's is still another event's
    ("Two men were shot and killed in Orlin in 2019, and nobody was charged.", (0, 0)),
])
def test_a_block_number_is_no_year(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two tenants were hurt in a knife attack on Friday, deputies said. Eleven tenants in total were hurt in "
     "the attack on the hostel.", (0, 11)),
    ("Two tenants were hurt in a knife attack on Friday, deputies said. Eleven tenants were hurt in total.",
     (0, 11)),
    # "in total darkness" says nothing of the count
    ("Eleven tenants were hurt in a knife attack on Friday, deputies said. Two of the men were stabbed in "
     "total darkness on the stairs.", (0, 11)),
])
def test_in_total_marks_the_whole_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected
