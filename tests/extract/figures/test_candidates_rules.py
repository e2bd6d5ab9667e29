"""Casualty rules on invented sentences: who counts as a person, which counts add up or overlap,
events named by their size ("a triple shooting"), and what is no report of this event's dead."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model



def test_role_noun_outside_the_core_list_is_a_person(analyzed):
    text = "A jury on Thursday convicted the roofer who killed a Fenwick bartender outside her tavern in March."
    assert counts(analyzed, text)[0] == 1


def test_kinship_nouns_are_people(analyzed):
    text = ("Deputies say a Holm woman killed her stepdaughter with a rifle and wounded her grandson before "
            "fleeing the farm.")
    assert counts(analyzed, text) == (1, 1)


def test_a_tenth_grader_is_one_pupil_not_ten_victims(analyzed):
    text = ("Classmates held a candlelight walk on Thursday for a 9th-grader who was fatally stabbed near the "
            "Alder Creek skate park.")
    assert counts(analyzed, text)[0] == 1


def test_quadruple_shooting_hit_four(analyzed):
    text = "A 23-year-old man was killed in a quadruple shooting at a car wash on Wendle Road late Friday."
    assert counts(analyzed, text) == (1, 3)


def test_double_homicide_killed_two(analyzed):
    text = ("A Corvel grand jury indicted a 31-year-old roofer on Tuesday for the double homicide at a pawn "
            "shop on Lime Street.")
    assert counts(analyzed, text)[0] == 2


def test_several_double_shootings_are_no_count(analyzed):
    text = "Police responded to three double shootings across the south side of Brayford over the holiday weekend."
    assert counts(analyzed, text) == (0, 0)


def test_conjunct_with_its_own_state_is_another_group(analyzed):
    text = ("Gunfire outside a Halbrook bowling alley on Saturday left one man dead and 4 other people hurt, "
            "a spokesman said.")
    assert counts(analyzed, text) == (1, 4)


def test_conjunct_in_critical_condition_is_not_among_the_dead(analyzed):
    text = "The burst of gunfire left a bouncer dead and three patrons in serious condition early Sunday."
    assert counts(analyzed, text) == (1, 3)


def test_alternatives_joined_by_or_are_one_person(analyzed):
    text = "The dispatcher was told that either the clerk or a customer was dead inside the pharmacy."
    assert counts(analyzed, text)[0] == 1


def test_unborn_child_is_not_counted_among_the_dead(analyzed):
    text = "The man is accused of murdering a pregnant cashier and her unborn son at a Kessel gas station."
    assert counts(analyzed, text)[0] == 1


def test_left_in_critical_condition_is_injured(analyzed):
    text = ("Someone fired into a parked van in Wexley on Thursday night, killing the driver and leaving a "
            "passenger in critical condition.")
    assert counts(analyzed, text) == (1, 1)


def test_two_people_shot_in_coordinated_clauses_add_up(analyzed):
    text = ("A security guard was shot in the shoulder and a customer was shot in the hip during a robbery "
            "at a Pelton pharmacy on Friday evening. Both were treated and released.")
    assert counts(analyzed, text) == (0, 2)


def test_headline_glued_to_the_lead_is_not_a_second_person(analyzed):
    text = ("Veteran shoots himself at Marrow Glen\n\nA 58-year-old man accidentally shot himself through the "
            "palm on Friday night in Marrow Glen. He is in stable condition.")
    assert counts(analyzed, text) == (0, 1)


def test_a_numbered_list_item_is_no_argument_across_the_line_break(analyzed):
    text = ("A Molby man, 40, was shot in the foot by his own pistol at a gun range on Saturday and is "
            "recovering at home.\n\nRange rules:\n\nWait until the range officer says it is safe to shoot"
            "\n\n5. Wear ear protection")
    assert counts(analyzed, text) == (0, 1)


def test_prenominal_injured_belongs_to_its_own_noun(analyzed):
    text = ("Firefighters carried the injured woman and three neighbors out of the smoky building on Kell "
            "Street. She was later listed in stable condition.")
    assert counts(analyzed, text) == (0, 1)


def test_a_tally_of_homicides_is_no_count_of_this_event(analyzed):
    text = ("A 26-year-old woman was fatally stabbed outside a Brisk Lane nightclub on Saturday. So far the "
            "county has recorded 17 homicides, the sheriff said.")
    assert counts(analyzed, text)[0] == 1


def test_reduced_relative_parsed_as_main_verb_keeps_its_subject_as_victim(analyzed):
    text = ("UPDATE: The 19-year-old student stabbed and killed near the Wexford ferry dock on Friday has been "
            "identified by the coroner.")
    assert counts(analyzed, text)[0] == 1


def test_a_distance_is_no_object_of_killed(analyzed):
    text = "The student killed a few yards from his own front door on Sunday was named by police as Ron Lasko, 19."
    assert counts(analyzed, text)[0] == 1


def test_a_shooter_firing_is_no_victim(analyzed):
    text = "The trooper shot twice as the driver sped away from the checkpoint."
    assert counts(analyzed, text) == (0, 0)


def test_another_as_the_object_of_a_shooter_is_the_victim_not_an_extra(analyzed):
    text = ("Deputies say a 12-year-old girl playing with her father's pistol accidentally shot another child "
            "at a sleepover in Rellick. The child died on Saturday.")
    assert counts(analyzed, text) == (1, 0)


def test_animals_hurt_are_no_injured_people(analyzed):
    text = ("A stray round from the neighbor's yard hit the woman, killing her and wounding one of her two "
            "horses, the sheriff's office said.")
    assert counts(analyzed, text) == (1, 0)


def test_the_one_who_died_is_among_those_wounded_with_him(analyzed):
    text = ("Prosecutors charged a Lyle man on Friday in the death of a 60-year-old grandmother who died in "
            "hospital days after she and three relatives were hurt when he opened fire at a barbecue.")
    assert counts(analyzed, text) == (1, 3)


def test_a_death_in_a_previous_shooting_is_another_event(analyzed):
    text = ("Two women were shot Friday night outside a Kerrow Street funeral home during the wake for a "
            "cousin who died in a separate shooting last month.")
    assert counts(analyzed, text) == (0, 2)


def test_a_headline_joined_to_the_lead_is_judged_on_its_own_line(analyzed):
    text = ("Three people shot near Dellmoor marina\n"
            "Dellmoor police are looking into several shootings along the riverfront.")
    assert counts(analyzed, text) == (0, 3)


def test_two_more_taken_to_hospital_are_besides_the_dead(analyzed):
    text = ("Two cousins were found dead and two more were taken to a hospital after being struck by gunfire "
            "outside a Corring gas station.")
    assert counts(analyzed, text) == (2, 2)


def test_a_finite_verb_without_subject_shares_the_main_clause_subject(analyzed):
    text = ("Pine Hollow - A Pine Hollow woman wounded in a robbery on Friday died Monday, according to the "
            "state police.")
    assert counts(analyzed, text) == (1, 0)


def test_a_thing_read_as_a_second_subject_is_passed_over(analyzed):
    text = "A Corvel grandmother who had lain in a coma since a May 9 shooting at the depot has died."
    assert counts(analyzed, text) == (1, 0)


def test_each_victim_is_no_count(analyzed):
    text = ("Four men were found dead in a burned-out car near Mill Pond on Tuesday. Every victim had "
            "suffered several stab wounds, the coroner said.")
    assert counts(analyzed, text) == (4, 0)


@pytest.mark.parametrize("text", [
    "The bartender was flown to a trauma center in Bramley but did not survive.",
    "A 67-year-old grandfather lost his life when the gunfire reached his porch.",
])
def test_did_not_survive_and_lost_his_life_are_deaths(analyzed, text):
    assert counts(analyzed, text)[0] == 1


def test_children_who_lost_their_lives_is_a_tally(analyzed):
    text = "Dozens of teenagers in Kessford have lost their lives to street violence, the pastor told the crowd."
    assert counts(analyzed, text)[0] == 0


def test_all_survived_is_no_death(analyzed):
    text = "Gunfire from a passing pickup struck three pedestrians on Market Row late Saturday. All three survived."
    assert counts(analyzed, text) == (0, 3)


def test_the_wounding_of_someone_is_an_injury(analyzed):
    text = ("Ana Brill, 29, was charged with murder in the Oct. 8 stabbing death of Rey Coll, 44, and the "
            "wounding of Lou Marsh, 51.")
    assert counts(analyzed, text) == (1, 1)


def test_a_death_under_if_or_whether_is_not_reported(analyzed):
    text = ("Two women were wounded in a stabbing at a Fallow bus stop on Monday. Officers could not say "
            "whether the man had died.")
    assert counts(analyzed, text) == (0, 2)


def test_a_number_before_a_name_is_no_count(analyzed):
    text = "Witnesses told Channel 4 Eyewitness 21-year-old Dario Penn was stabbed to death in Wexley."
    assert counts(analyzed, text)[0] == 1


def test_people_hit_who_lived_are_injured_not_less_the_dead(analyzed):
    text = ("Paramedics were called to a knife fight at a Bell Street hostel on Friday. Cara Linde died at "
            "the scene. Ken Lu, Pat Dorn and Sam Iver were taken to Mercy General Hospital with "
            "non-life-threatening injuries.")
    assert counts(analyzed, text) == (1, 3)


def test_one_of_whom_survived_speaks_of_a_part(analyzed):
    text = ("An intruder shot five guests at a lakeside cabin near Pruett, only one of whom survived. The "
            "four who died sang in the same church choir.")
    assert counts(analyzed, text) == (4, 1)


def test_claimed_the_lives_of_counts_the_dead(analyzed):
    text = ("A fire set by an arsonist at a Kell Road apartment building claimed the lives of a toddler and "
            "her grandfather, the fire chief said.")
    assert counts(analyzed, text)[0] == 2


def test_going_to_die_is_no_death(analyzed):
    text = ("Deputies said the gunman, who told a friend last week he knew he was going to die, shot and "
            "wounded two guards at the Orlen depot on Monday.")
    assert counts(analyzed, text) == (0, 2)


def test_went_on_to_kill_is_a_death(analyzed):
    text = "Police said the man shot a guard at the Orlen depot and went on to kill a cashier at a store nearby."
    assert counts(analyzed, text)[0] >= 1


def test_among_the_three_killed_is_the_whole_count(analyzed):
    from newsdossier.extract.figures import incident_figures

    text = ("A gunman opened fire on a crowd leaving a game in Harlow on Saturday. Jon Barr, 17, was among "
            "the three killed, police said.")
    killed = incident_figures(analyzed(text, "2025-06-14"), 0, len(text)).killed
    assert (killed.min, killed.max, killed.qualifier) == (3, 3, "exact")
    # "including two children" is a part of the five
    text = "A gunman opened fire on a crowd in Harlow on Saturday, killing five people, including two children."
    assert counts(analyzed, text)[0] == 5
