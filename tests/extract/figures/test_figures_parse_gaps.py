"""Casualty counts where the parse hides the argument or the article says the person lived."""
import pytest

from casualty_helpers import counts
from newsdossier.extract.figures import incident_figures

pytestmark = pytest.mark.model



def test_shooting_death_of_with_of_attached_elsewhere(analyzed):
    text = ("She had been charged with manslaughter following the Jan. 14 stabbing death of her cousin Ivo "
            "Prask at a Kell laundromat.")
    assert counts(analyzed, text)[0] == 1


def test_reduced_relative_read_as_main_verb(analyzed):
    text = ("The parents of a young mother fatally struck by a stray bullet near the Ormsby canal plan a "
            "memorial walk on Sunday.")
    assert counts(analyzed, text)[0] == 1


def test_singular_victim_in_stable_condition_is_injured(analyzed):
    text = ("A delivery driver died after a robbery on Lindell Avenue on Tuesday. A clerk who was injured "
            "in the robbery is in stable condition at Ferris Memorial Hospital.")
    assert counts(analyzed, text) == (1, 1)


def test_suffered_gunshot_wounds_of_the_dead_are_not_injuries(analyzed):
    text = ("Two brothers were found dead in a pickup on Sorrel Ridge on Sunday. Both had suffered stab "
            "wounds to the upper body, investigators said.")
    assert counts(analyzed, text) == (2, 0)


def test_ordinal_victim_adds_to_those_hit(analyzed):
    text = "Two teenagers died in a shootout at a Rendham skate park on Friday, and a third was hurt."
    assert counts(analyzed, text) == (2, 1)


def test_ordinal_bystander_raises_those_hit(analyzed):
    text = ("Three guests were hit by pellets and a fourth was struck by falling plaster when someone fired "
            "into a Dorsey Road banquet hall on Saturday. No one died.")
    assert counts(analyzed, text) == (0, 4)


def test_second_suspect_is_no_victim(analyzed):
    text = ("A cashier was wounded during a holdup at a Marston Street bakery on Tuesday. A second gunman "
            "was shot by a security guard and later arrested.")
    assert counts(analyzed, text)[1] == 1


def test_sentence_partly_in_boilerplate_still_counts(analyzed):
    lead = "Print this page Email "
    text = lead + "An elderly man was stabbed to death in his Gallon Street garage on Sunday, his son said."
    ctx = analyzed(text, "2025-06-14", removed=((0, len(lead) - 1),))
    figs = incident_figures(ctx, 0, len(text))
    assert figs.killed is not None and figs.killed.min == 1


def test_sentence_wholly_in_boilerplate_does_not_count(analyzed):
    ad = "Read more: A gunman killed three hikers on the Ostrey ridge trail."
    text = ad + "\n\nThe library board met on Thursday to plan the summer reading program."
    ctx = analyzed(text, "2025-06-14", removed=((0, len(ad)),))
    assert incident_figures(ctx, 0, len(text)).killed is None


def test_ranking_among_the_worst_shootings_is_no_statistic(analyzed):
    text = ("Five workers were shot to death at a Wickham warehouse on Tuesday in one of the deadliest "
            "workplace shootings the state has seen.")
    assert counts(analyzed, text)[0] == 5


def test_one_of_several_shootings_stays_a_statistic(analyzed):
    text = "Two men died in one of several stabbings reported in Harwell on Friday night."
    assert counts(analyzed, text)[0] == 0


def test_surname_tagged_as_plural_is_one_person(analyzed):
    text = "Medics were sent to a Fenwick trailer park on Sunday. Jenna Pikes was declared dead by paramedics."
    assert counts(analyzed, text)[0] == 1


def test_deaths_of_named_people_are_one_event(analyzed):
    text = ("Jury selection began Monday in the trial of a man accused in the stabbing deaths of three "
            "roommates in a Harlow duplex.")
    assert counts(analyzed, text)[0] == 3



def test_participle_read_as_active_verb_keeps_its_subject(analyzed):
    text = ("A knife fight outside a Teller Road tavern on Friday left a bouncer dead and a customer "
            "wounded.")
    assert counts(analyzed, text) == (1, 1)


@pytest.mark.parametrize("text,expected", [
    # the tagger takes the count into the time phrase after the verb ("three Saturday night")
    ("Gunfire outside a Pelham Street bakery killed Ada Vorn, 40, and wounded three Saturday night, "
     "officers said.", (1, 3)),
    ("The farmhand is accused of fatally shooting two neighbours and wounding another Friday evening near "
     "Cobb Hollow.", (2, 1)),
    # guards: a count with its own noun, and a time phrase with no count
    ("A shooting at the Lisle depot killed a guard and wounded four passengers Sunday morning.", (1, 4)),
    ("A clerk was wounded Saturday night at a Lisle pawn shop.", (0, 1)),
])
def test_count_taken_into_a_time_phrase(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text", [
    "NORTH DORROW COUNTY, Ore. - Three people, including two cowboys, were wounded at a rodeo on Saturday, "
    "deputies said.",
    "PORT-HARLOW COUNTY, Ore. - Three people, including a clown, were wounded at a rodeo on Saturday, deputies "
    "said.",
])
def test_dateline_of_several_words_read_as_the_subject(analyzed, text):
    # the parser makes the place the subject and the people its apposition
    assert counts(analyzed, text) == (0, 3)


@pytest.mark.parametrize("text,expected", [
    # the parser reads "a 15-year-old and three adults" as "a [15-year-old and three] adults"
    ("Deputies say a 15-year-old and three adults were shot late Friday at a Lisle skate park.", (0, 4)),
    # guard: an age that describes the counted people adds nobody
    ("Deputies say three 15-year-old boys were shot late Friday at a Lisle skate park.", (0, 3)),
])
def test_age_noun_joined_to_a_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected
