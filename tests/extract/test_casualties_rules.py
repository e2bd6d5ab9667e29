"""Casualty rules on invented sentences: who counts as a person, which counts add up or overlap,
events named by their size ("a triple shooting"), and what is no report of this event's dead."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model



def test_role_noun_outside_the_core_list_is_a_person(analyzed):
    text = "Two deputies who shot and killed a Vellon homeowner last week returned to duty on Monday."
    assert counts(analyzed, text)[0] == 1


def test_kinship_nouns_are_people(analyzed):
    text = "A Darrow man fatally shot his stepfather and wounded his grandson on Friday night, police said."
    assert counts(analyzed, text) == (1, 1)


def test_a_tenth_grader_is_one_pupil_not_ten_victims(analyzed):
    text = "A 10th-grader was shot and killed outside Pell Ridge High School on Tuesday afternoon."
    assert counts(analyzed, text)[0] == 1


def test_quadruple_shooting_hit_four(analyzed):
    text = ("Officers in Brisco are investigating a quadruple shooting that killed one man on Tern Street "
            "on Saturday night.")
    assert counts(analyzed, text) == (1, 3)


def test_double_homicide_killed_two(analyzed):
    text = "Detectives in Arlow have made an arrest in a double homicide on Pike Road last month."
    assert counts(analyzed, text)[0] == 2


def test_several_double_shootings_are_no_count(analyzed):
    text = "Two double shootings on the east side of Arlow kept officers busy on Friday."
    assert counts(analyzed, text) == (0, 0)


def test_conjunct_with_its_own_state_is_another_group(analyzed):
    text = "A shooting early Sunday in Marden left one dead and 3 other people wounded, police said."
    assert counts(analyzed, text) == (1, 3)


def test_conjunct_in_critical_condition_is_not_among_the_dead(analyzed):
    text = "A shooting in Tolver on Friday left one dead and two others in critical condition."
    assert counts(analyzed, text) == (1, 2)


def test_alternatives_joined_by_or_are_one_person(analyzed):
    text = "Her son called to say that either his cousin or a friend was dead."
    assert counts(analyzed, text)[0] == 1


def test_unborn_child_is_not_counted_among_the_dead(analyzed):
    text = "A gunman killed a pregnant woman and her unborn child at a house in Keswin on Monday."
    assert counts(analyzed, text)[0] == 1


def test_left_in_critical_condition_is_injured(analyzed):
    text = ("Gunmen opened fire on a Darby Street porch on Sunday, killing a 12-year-old boy and leaving "
            "his brother in critical condition.")
    assert counts(analyzed, text) == (1, 1)


def test_two_people_shot_in_coordinated_clauses_add_up(analyzed):
    text = ("A 9-year-old boy was shot in the arm and a 30-year-old woman was shot in the back on Vine "
            "Street in Larch on Sunday. Both are expected to survive.")
    assert counts(analyzed, text) == (0, 2)


def test_headline_glued_to_the_lead_is_not_a_second_person(analyzed):
    text = ("Teen shoots himself in Orrin Park\n\nA 15-year-old boy accidentally shot himself early "
            "Monday in Orrin Park. He is in good condition.")
    assert counts(analyzed, text) == (0, 1)


def test_a_numbered_list_item_is_no_argument_across_the_line_break(analyzed):
    text = ("A 22-year-old Tarn man was accidentally shot in the leg on Saturday and is in fair condition.\n\n"
            "Safety tips:\n\nKeep your finger off the trigger until you are ready to shoot\n\n4. Know your target")
    assert counts(analyzed, text) == (0, 1)


def test_prenominal_injured_belongs_to_its_own_noun(analyzed):
    text = ("Officers were called to a house on Vail Street and found the injured boy and two others "
            "inside. The boy is in stable condition.")
    assert counts(analyzed, text) == (0, 1)


def test_a_tally_of_homicides_is_no_count_of_this_event(analyzed):
    text = ("A 30-year-old man was shot and killed on Orne Avenue on Friday. The city has now had "
            "24 homicides, police said.")
    assert counts(analyzed, text)[0] == 1


def test_reduced_relative_parsed_as_main_verb_keeps_its_subject_as_victim(analyzed):
    text = ("UPDATE: The 15-year-old girl shot and killed in Tarlow on Tuesday night has been identified "
            "as Mia Renn.")
    assert counts(analyzed, text)[0] == 1


def test_a_distance_is_no_object_of_killed(analyzed):
    text = "The teenager killed just blocks from Orrin High School on Friday was identified as Tom Vey, 17."
    assert counts(analyzed, text)[0] == 1


def test_a_shooter_firing_is_no_victim(analyzed):
    text = "The officer shot twice before the man fled, police said."
    assert counts(analyzed, text) == (0, 0)


def test_another_as_the_object_of_a_shooter_is_the_victim_not_an_extra(analyzed):
    text = ("Police said a 14-year-old boy accidentally shot another teen with a handgun he found in a "
            "drawer in Pell on Sunday. The teen died at Orrin Hospital.")
    assert counts(analyzed, text) == (1, 0)


def test_animals_hurt_are_no_injured_people(analyzed):
    text = ("The gun went off and struck the girl, killing her and injuring one of the family dogs, "
            "deputies in Avery County said.")
    assert counts(analyzed, text) == (1, 0)


def test_the_one_who_died_is_among_those_wounded_with_him(analyzed):
    text = ("Two men were arrested on Monday in the killing of a 38-year-old man who died two weeks after "
            "he and four others were wounded in a shooting outside a Dunmore home.")
    assert counts(analyzed, text) == (1, 4)


def test_a_death_in_a_previous_shooting_is_another_event(analyzed):
    text = ("Four people were wounded on Sunday at a vigil on Kern Street in Dalby. The mourners had gathered "
            "for a teen who was killed in a previous shooting at the same corner.")
    assert counts(analyzed, text) == (0, 4)


def test_a_headline_joined_to_the_lead_is_judged_on_its_own_line(analyzed):
    text = ("Four people shot in Tarrow Park\n"
            "The Orren County Sheriff's Office is investigating multiple shootings in Tarrow Park.")
    assert counts(analyzed, text) == (0, 4)


def test_two_more_taken_to_hospital_are_besides_the_dead(analyzed):
    text = ("ARLOW (KXXT) – Two teenagers are dead and two more were rushed to the hospital after being hit "
            "by a barrage of bullets in Arlow Park.")
    assert counts(analyzed, text) == (2, 2)


def test_a_finite_verb_without_subject_shares_the_main_clause_subject(analyzed):
    text = ("East Tarrow - An East Tarrow teenager wounded in a shooting on Sunday died Tuesday, according "
            "to the county medical examiner's office.")
    assert counts(analyzed, text) == (1, 0)


def test_a_thing_read_as_a_second_subject_is_passed_over(analyzed):
    text = "- A local child who had been hospitalized since a Feb. 27 shooting at her home has died."
    assert counts(analyzed, text) == (1, 0)


def test_each_victim_is_no_count(analyzed):
    text = ("Five people were found dead in a house in Orme on Monday. Each victim suffered more than one "
            "gunshot wound, authorities said.")
    assert counts(analyzed, text) == (5, 0)


@pytest.mark.parametrize("text", [
    "The boy was rushed to Orrin Hospital but did not survive.",
    "A 40-year-old man lost his life in the shooting on Vail Street.",
])
def test_did_not_survive_and_lost_his_life_are_deaths(analyzed, text):
    assert counts(analyzed, text)[0] == 1


def test_children_who_lost_their_lives_is_a_tally(analyzed):
    text = "Several children have lost their lives to gun violence in Orrin."
    assert counts(analyzed, text)[0] == 0


def test_all_survived_is_no_death(analyzed):
    text = "Three people were shot outside a bar in Tarn on Friday. All of the victims survived the shooting."
    assert counts(analyzed, text) == (0, 3)


def test_the_wounding_of_someone_is_an_injury(analyzed):
    text = ("Tom Varn, 32, was indicted for murder in the Feb. 22 slaying of Carl Doyle, 17, and the "
            "wounding of Arno Bate, 18.")
    assert counts(analyzed, text) == (1, 1)


def test_a_death_under_if_or_whether_is_not_reported(analyzed):
    text = ("Four men were wounded in a shooting in Tarn on Thursday. Police were not able to say if the "
            "man had died.")
    assert counts(analyzed, text) == (0, 4)


def test_a_number_before_a_name_is_no_count(analyzed):
    text = "Investigators tell 7 Action News 17-year-old Reginald Tobin was shot and killed in Arlow."
    assert counts(analyzed, text)[0] == 1


def test_people_hit_who_lived_are_injured_not_less_the_dead(analyzed):
    text = ("Officers found four shooting victims on Vine Street in Tarn on Friday. Ann Heyl succumbed to "
            "her injuries. Bo Moss, Cy Vance and Di Roe were taken to Orrin Medical Center with "
            "non-life-threatening wounds.")
    assert counts(analyzed, text) == (1, 3)


def test_one_of_whom_survived_speaks_of_a_part(analyzed):
    text = ("A gunman shot seven people at a house in Spurling, only one of whom survived. Six members of "
            "one family were killed.")
    assert counts(analyzed, text) == (6, 1)


def test_claimed_the_lives_of_counts_the_dead(analyzed):
    text = ("A shooting on Friday in Orme County claimed the lives of a boy and his adopted mother, "
            "the sheriff said.")
    assert counts(analyzed, text)[0] == 2
