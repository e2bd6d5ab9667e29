"""Casualty counts where the parse hides the argument or the article says the person lived."""
import pytest

from casualty_helpers import counts
from newsdossier.extract.figures import incident_figures

pytestmark = pytest.mark.model



def test_shooting_death_of_with_of_attached_elsewhere(analyzed):
    text = ("He had been charged with reckless homicide after the March 3 shooting death of Tom Varga, 15, "
            "at a house on Elm Road in Dunmore.")
    assert counts(analyzed, text)[0] == 1


def test_reduced_relative_read_as_main_verb(analyzed):
    text = ("The family of a 15-year-old boy fatally shot outside a Pellham diner is heartbroken, "
            "but sure his killer will be caught.")
    assert counts(analyzed, text)[0] == 1


def test_singular_victim_in_stable_condition_is_injured(analyzed):
    text = ("A man was killed on Brant Street on Saturday night. Officers later found a woman who had "
            "been wounded nearby, and she is in stable condition at Marlow General Hospital.")
    assert counts(analyzed, text) == (1, 1)


def test_suffered_gunshot_wounds_of_the_dead_are_not_injuries(analyzed):
    text = ("Three people were found dead in a house on Orrin Lane on Monday. "
            "All three had suffered gunshot wounds to the upper body, the coroner said.")
    assert counts(analyzed, text) == (3, 0)


def test_ordinal_victim_adds_to_those_hit(analyzed):
    text = ("Three men were shot and killed outside a bar on Kell Avenue early Sunday, and a fourth "
            "was wounded, police said.")
    assert counts(analyzed, text) == (3, 1)


def test_ordinal_bystander_raises_those_hit(analyzed):
    text = ("Four people were hit by bullets and a fifth was struck by flying glass during a shooting "
            "in Brenford on Sunday, police said. Nobody died.")
    assert counts(analyzed, text) == (0, 5)


def test_second_suspect_is_no_victim(analyzed):
    text = ("A clerk was wounded in a robbery at a Tollis gas station on Friday. A second suspect was "
            "shot by officers and is in custody.")
    assert counts(analyzed, text)[1] == 1


def test_sentence_partly_in_boilerplate_still_counts(analyzed):
    lead = "Share this story Tweet "
    text = lead + "A teenager was shot and killed outside a Delmont gas station on Friday night, police said."
    ctx = analyzed(text, "2025-06-14", removed=((0, len(lead) - 1),))
    figs = incident_figures(ctx, 0, len(text))
    assert figs["killed"] is not None and figs["killed"].min == 1


def test_sentence_wholly_in_boilerplate_does_not_count(analyzed):
    ad = "Related: Two men were shot dead in Orrin last month."
    text = ad + "\n\nThe council met on Tuesday to discuss the budget."
    ctx = analyzed(text, "2025-06-14", removed=((0, len(ad)),))
    assert incident_figures(ctx, 0, len(text))["killed"] is None


def test_ranking_among_the_worst_shootings_is_no_statistic(analyzed):
    text = ("Six people were shot to death at a Morven church on Sunday in one of the worst mass "
            "shootings in the county's history.")
    assert counts(analyzed, text)[0] == 6


def test_one_of_several_shootings_stays_a_statistic(analyzed):
    text = "Three people were killed in one of several shootings across Lorne over the weekend."
    assert counts(analyzed, text)[0] == 0


def test_surname_tagged_as_plural_is_one_person(analyzed):
    text = ("Deputies were called to a house in Tarrow on Friday. Jenkins Rooks was pronounced dead "
            "at the scene.")
    assert counts(analyzed, text)[0] == 1


def test_deaths_of_named_people_are_one_event(analyzed):
    text = ("A hearing is set for two brothers charged in the January shooting deaths of four women "
            "at a Carlow apartment complex.")
    assert counts(analyzed, text)[0] == 4



def test_participle_read_as_active_verb_keeps_its_subject(analyzed):
    text = ("A drive-by shooting on Kessel Avenue on Sunday left a 3-year-old girl dead and a woman "
            "wounded, police said.")
    assert counts(analyzed, text) == (1, 1)
