"""Counts told in parts: "two of the victims" beside named dead, "one ... the other two", "a man
... and four others", others who died beside those shot; a figure the article says was superseded,
a dateline's year read as an earlier year, and a death named in passing after the wounded."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


def test_written_part_over_named_dead(analyzed):
    text = ("Nine people were shot at Calloway Green on Sunday afternoon, police said. Three of the victims "
            "died. The remaining six went to hospitals with wounds that will heal. Brennan died of a wound "
            "to the chest.")
    assert counts(analyzed, text) == (3, 6)


def test_named_dead_alone_stay_one(analyzed):
    text = ("Three people were shot outside a Tarrow Street bakery on Monday. Ilse Brandt died at the scene. "
            "Two of the victims were treated and released.")
    assert counts(analyzed, text)[0] == 1


def test_one_and_the_other_two_are_three_hurt(analyzed):
    text = ("Gunfire broke out at a Wexley Road bowling alley on Friday night. One woman remains in good "
            "condition at Pell County General. The other two women are in fair condition there.")
    assert counts(analyzed, text) == (0, 3)


def test_the_other_two_after_a_death_are_two(analyzed):
    text = ("Three men were shot near the Ostrova pier on Friday. One died at the scene. The other two "
            "are in fair condition.")
    assert counts(analyzed, text) == (1, 2)


def test_one_described_beside_others_counted(analyzed):
    text = ("A teenage boy fought for his life overnight and three others were hospitalized after a gunman "
            "fired into a crowd on Pellam Avenue, police said.")
    assert counts(analyzed, text) == (0, 4)


def test_one_shot_beside_others_wounded_who_died(analyzed):
    text = ("A cashier was shot in the leg and two others were wounded outside a Merrow Lane depot on "
            "Thursday. The cashier died at the hospital.")
    assert counts(analyzed, text) == (1, 2)


def test_others_who_died_are_not_among_those_taken_to_hospital(analyzed):
    text = ("No fewer than four guests were brought to hospitals after gunfire at a Danforth Street dance "
            "hall. Two others died: Tobiah Renn, 19, and Cass Morel, 23.")
    assert counts(analyzed, text) == (2, 4)


def test_superseded_figure_is_dropped(analyzed):
    text = ("A Saturday night shooting at a Hollis Park cookout left three people injured. Police had "
            "originally said that six people were shot, but revised that number after midnight.")
    assert counts(analyzed, text) == (0, 3)


def test_initially_taken_to_a_hospital_still_counts(analyzed):
    text = ("A night guard, 52, was shot on Quarry Road late Monday. He was initially driven to a clinic "
            "and later moved to Pell County General.")
    assert counts(analyzed, text)[1] == 1



def test_dateline_year_is_not_an_earlier_year(analyzed):
    text = ("HARLOW, GA (March 3, 2024): Harlow Metropolitan Police Department's Major Case detectives ask the "
            "public's help with a Sunday morning shooting near the 200 block of Birch Lane, that injured three "
            "men and claimed the life of one woman.")
    assert counts(analyzed, text, published="2025-06-14") == (1, 3)


def test_count_before_an_age_opening_the_text(analyzed):
    text = "Two 17-year-old boys were shot Saturday night on Ellery Street."
    assert counts(analyzed, text) == (0, 2)


def test_others_also_shot_after_one_in_an_earlier_sentence(analyzed):
    text = ("When deputies reached the Kestrel Road lot, one man had been wounded in the hip. He was flown to a "
            "trauma center. Deputies said two other men had also been shot and drove themselves to hospitals.")
    assert counts(analyzed, text) == (0, 3)


def test_others_also_shot_after_a_death_are_only_the_others(analyzed):
    text = ("A man was killed outside a Kestrel Road diner on Friday. Two other men were also shot and are "
            "expected to recover.")
    assert counts(analyzed, text) == (1, 2)


def test_a_death_named_in_passing_when_all_lived(analyzed):
    text = ("Four men were shot outside a Tallis Avenue lounge early Saturday, police said. All four men are "
            "expected to survive. Officers were still searching for a gray sedan. A deputy was killed in "
            "an unrelated crash across the county on Friday, a spokesman said.")
    assert counts(analyzed, text) == (0, 4)


def test_a_later_named_death_after_a_count_of_wounded_is_another_event(analyzed):
    text = ("Five people were wounded when gunfire broke out at a Corbin Street block party on Saturday night. "
            "Two of them were listed in serious condition. Detectives are looking at whether the shooting was "
            "retaliation. Dario Venn, a relative of a guest, was shot and killed near the park in "
            "March.")
    assert counts(analyzed, text) == (0, 5)


def test_a_death_in_the_lead_beside_the_wounded_stays(analyzed):
    text = ("Three people were wounded on Corbin Street on Saturday night. A woman was killed in the same "
            "shooting, police said.")
    assert counts(analyzed, text)[0] == 1



def test_a_shooting_that_sent_people_to_the_hospital(analyzed):
    text = ("Deputies answered a call about a shooting at a Fenwick Road trailer park on Monday night that sent "
            "three people to the hospital, a spokeswoman said.")
    assert counts(analyzed, text) == (0, 3)
