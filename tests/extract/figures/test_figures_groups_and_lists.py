"""Session 35's readings: the dead of a group counted hit are added up part by part ("one died on the
trail; the other two died at a hospital", "the mother ... her husband and her son died"); a list the
parser breaks at an apposition ("two boys, ages 6 and 9, and their grandmother") is still one list; a
count said with "the" or "all" ("the three wounded victims") names the whole group; "striking all four
passengers and killing both brothers" keeps the brothers among the four; trades such as "porter" name
people."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Three hikers were shot on the Kessel trail on Sunday. One died on the trail. The other two died "
     "at Marlow General Hospital.", (3, 0)),
    # the rest of a group in a state is not among the dead
    ("Three men were shot outside the Palmer Street market on Friday night. One remains in critical "
     "condition at Corley Hospital. The other two were treated for leg wounds and sent home.", (0, 3)),
])
def test_the_other_dead_of_a_group_add_to_the_one(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deputies found three people with gunshot wounds at a house on Fenwick Lane. The mother was "
     "pronounced dead on the porch. Her husband and her son were taken by ambulance to Ashby General "
     "Hospital and died there hours later.", (3, 0)),
    ("Four people were shot outside a bar in Dorrance late Friday. A woman was pronounced dead on the "
     "pavement. A man died later at Corley Hospital.", (2, 2)),
    # the same kind of person twice may be one person told of twice
    ("Four people were shot outside a bar in Dorrance late Friday. A man was pronounced dead on the "
     "pavement. The man died before his family could reach him.", (1, 3)),
    # no more dead than the people counted hit
    ("Two people were shot outside a bar in Dorrance late Friday. A woman was pronounced dead on the "
     "pavement. Two men died later at Corley Hospital.", (2, 0)),
])
def test_the_dead_told_apart_add_up_within_the_people_hit(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two boys, ages 6 and 9, and their grandmother were found dead in a house in Orlin on Monday, "
     "deputies said.", (3, 0)),
    ("A shootout at the Harlan depot on Sunday left one guard dead and a porter wounded, police said.",
     (1, 1)),
])
def test_a_list_broken_at_an_apposition_is_one_list_and_trades_name_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_a_definite_count_names_the_whole_group(analyzed):
    text = ("One man was shot dead outside the Palmer Street market on Friday night. Two others were "
            "wounded. A woman waiting for a bus was grazed by a stray bullet. The three wounded victims "
            "are expected to survive.")
    assert counts(analyzed, text) == (1, 3)


def test_all_of_a_group_hit_holds_the_dead(analyzed):
    text = ("A gunman fired into the van on Quarry Road, striking all four passengers and killing both "
            "brothers, police said.")
    assert counts(analyzed, text) == (2, 2)
