"""A count the article marks as the whole ("a total of", "in all", "all told") replaces a smaller one
before it; a count of people in a state ("one remains in critical condition") gives way to a larger
count of those hurt. People someone was merely with are not hit with him, and a line in capitals in
mixed-case text is another story's headline."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("A gunman opened fire at a barbecue in Orrville on Sunday, killing two guests near the grill. A "
     "total of three guests died at the house, and one more was hurt, deputies said.", (3, 1)),
    ("Two men were shot outside a bar in Halvorsen late Friday. Five customers were shot in all, the "
     "sheriff's office said.", (0, 5)),
    ("Two men were shot outside a bar in Halvorsen late Friday. In total, five people were shot, police "
     "said.", (0, 5)),
    ("Two men were shot outside a bar in Halvorsen late Friday. All told, five people were shot.", (0, 5)),
])
def test_a_marked_total_replaces_the_lead(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the total of something else
    ("Two men were shot outside a bar in Halvorsen late Friday. A total of 40 officers searched the "
     "block.", (0, 2)),
    # a smaller count after the lead, not marked as the whole, does not replace it
    ("Five people were shot at a Lindqvist Road party on Saturday. Three people were hurt badly.", (0, 5)),
])
def test_no_marked_total_keeps_the_lead(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_a_state_of_some_gives_way_to_the_count_of_the_hurt(analyzed):
    text = ("Gunfire broke out inside a cinema in Marrowby on Thursday night. One patron remained listed "
            "in critical condition on Friday. Police said nine people were wounded in the shooting.")
    assert counts(analyzed, text) == (0, 9)


@pytest.mark.parametrize("text, expected", [
    # the state told after the count is of some of them
    ("Two men were wounded at the Ferrand ice rink on Sunday. One of the pair is in critical condition.", (0, 2)),
    # everyone hurt is in the state: nothing larger follows
    ("Three teenagers remain in critical condition following gunfire at a Carlow Street bus stop.", (0, 3)),
])
def test_a_state_count_alone_or_after_stays(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_company_in_an_active_clause_is_not_hit(analyzed):
    text = ("A hunter accidentally shot himself in the foot with two friends at a camp near Yarrow Lake, "
            "rangers said. He is recovering.")
    assert counts(analyzed, text) == (0, 1)


def test_others_hit_with_a_passive_victim_still_add(analyzed):
    text = "A clerk was shot with two customers at a Vale Street store on Monday night, police said."
    assert counts(analyzed, text) == (0, 3)


def test_a_headline_in_capitals_is_another_story(analyzed):
    text = ("Three people were hurt when gunfire erupted at a Rennick Avenue party on Saturday.\n\n"
            "COUNCIL NAMES NEW CHIEF AFTER DEADLY STABBING\n\nPolice said the three were treated for wounds to "
            "the legs.")
    assert counts(analyzed, text) == (0, 3)


def test_text_all_in_capitals_is_read(analyzed):
    text = "THREE PEOPLE WERE KILLED WHEN GUNMEN ATTACKED A BUS NEAR THE VILLAGE ON MONDAY, THE ARMY SAID."
    assert counts(analyzed, text)[0] == 3
