"""People hit on another weekday than the article's shooting are another shooting's; the dead who were
among the wounded counted before them leave the injured; a later list that holds the group counted
before is the whole; people treated at a hospital or released from one were hurt."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("A six-year-old girl was wounded outside her home in Pellham on Thursday, police said. On "
     "Tuesday, a boy and his older sister were shot on Crane Road.", (0, 1)),
    ("Two brothers were wounded Saturday night in a drive-by on Kessel Avenue. Three men were shot on "
     "Friday near the same corner, officers said.", (0, 2)),
])
def test_people_hit_on_another_day_are_another_shooting(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the date dates the statement, not the shooting
    ("Two men were shot Saturday night outside a Fenwick club. Police said Monday that four people were "
     "shot in all.", (0, 4)),
    # shot on one day, died on another: one person
    ("A cashier was shot on Friday during a robbery in Dunmore. She died on Sunday at a hospital.", (1, 0)),
    # one day named, the other count undated
    ("Three people were wounded Friday night in Dunmore. Later, a fourth victim was found shot in an "
     "alley.", (0, 4)),
])
def test_one_day_or_undated_counts_stay(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunfire outside a Tarrow bar on March 2 wounded five people. One of the men hit by it, a 40-year-old "
     "roofer, died on March 19.", (1, 4)),
    ("Three people were wounded Friday night in Dunmore. One of the victims died Sunday at a hospital.", (1, 2)),
])
def test_the_dead_among_the_wounded_leave_the_injured(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group the count does not name as the wounded
    ("Four people were wounded at a Garner Street block party on Sunday. Two of the children at the party "
     "died last year in a fire.", (0, 4)),
    # the death told before the count of the wounded
    ("One of the victims died at the scene. Police said four people were wounded in all.", (1, 4)),
])
def test_other_deaths_leave_the_injured_as_counted(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_a_list_that_holds_the_group_counted_before_is_the_whole(analyzed):
    text = ("Deputies are looking into the deaths of two boys in Tarrow County. The sheriff said a hunter had "
            "shot two boys and their uncle dead at a cabin on Lake Orrin.")
    assert counts(analyzed, text) == (3, 0)


def test_a_list_of_other_people_does_not_replace_the_lead(analyzed):
    text = ("Deputies are looking into the deaths of two boys in Tarrow County. The sheriff said a hunter had "
            "shot two neighbours and a dog dead at a cabin on Lake Orrin.")
    assert counts(analyzed, text) == (2, 0)


@pytest.mark.parametrize("text, expected", [
    ("Gunfire broke out near a Harlan school gate on Friday. Two teens were treated at the county "
     "hospital that night.", (0, 2)),
    ("Gunfire broke out near a Harlan school gate on Friday. Two teens were treated and released by "
     "evening.", (0, 2)),
    ("Gunfire broke out near a Harlan school gate on Friday. By Sunday, three students had been released "
     "from Harlan Memorial Hospital.", (0, 3)),
    # treated, then died: one person, dead
    ("A man was killed at a Harlan bar on Friday. Police said he was treated at the scene but died.", (1, 0)),
    # those released are some of the people shot
    ("Four people were shot at a Harlan bar on Friday. Two were treated and released.", (0, 4)),
])
def test_treated_and_released_are_hurt(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a suspect released from custody, a hostage released: nobody hurt
    ("Two men were arrested after shots were fired at a Harlan bar on Friday. Both were released from "
     "custody on Sunday.", (0, 0)),
    ("A gunman held a clerk at a Harlan store on Friday. The clerk was released unharmed.", (0, 0)),
])
def test_released_from_elsewhere_is_no_wound(analyzed, text, expected):
    assert counts(analyzed, text) == expected
