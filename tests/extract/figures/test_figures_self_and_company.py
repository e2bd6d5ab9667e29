"""Session 36's readings: one who shoots himself and someone else ("wounding himself and his
sister", "gunfire that wounded himself and his cousin") counts both; "sent ... to
the hospital" is read whether the parser hangs "to" on the verb or on the last person; a name the
parser hangs on a word before the verb ("the woman accused of shooting and killing Dana Bell") is
the verb's object; lists whose items open with "a", a plural counted by its apposition, "others,
including two ...", a word the tokenizer splits ("ex-wife"), "neither of the two", and "also" telling
a second person from the first."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("A seven-year-old boy found a pistol in a kitchen drawer in Orlin and fired it, wounding himself "
     "and his younger sister, police said. Both are expected to recover.", (0, 2)),
    ("Deputies in Orlin say a teenager will face charges for gunfire that wounded himself and his cousin "
     "in a barn on Monday.", (0, 2)),
    ("A man shot and killed himself and his wife at their home on Fenwick Lane on Sunday, deputies "
     "said.", (2, 0)),
    # alone, the one who shot himself is the only one hurt
    ("A seven-year-old boy found a pistol in a kitchen drawer in Orlin and fired it, wounding himself "
     "in the hand, police said.", (0, 1)),
])
def test_one_who_shot_himself_and_another_counts_both(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A shooting on Palmer Street sent both a nurse and her neighbor to the hospital on Friday night.",
     (0, 2)),
    ("Gunfire outside the Harlan depot sent two guards to the hospital early Sunday.", (0, 2)),
])
def test_sent_to_the_hospital_whatever_the_to_hangs_on(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The 20-year-old woman accused of shooting and killing 4-year-old Dana Bell was ordered on Tuesday "
     "to stand trial in Orlin.", (1, 0)),
    ("The 30-year-old man accused of stabbing and killing 19-year-old Lena Ruiz appeared in court in "
     "Orlin on Friday.", (1, 0)),
    # a name the parser already gives the verb stays its object
    ("A teenager accused of shooting 15-year-old Marco Diaz in the leg was arrested on Friday.", (0, 1)),
])
def test_a_name_hung_before_the_verb_is_its_object(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list whose items each open with "a"
    ("A man, a woman and three boys died of gunshot wounds in a farmhouse near Orlin.", (5, 0)),
    ("Deputies said a man, a woman and three boys were killed in a farmhouse near Orlin on Tuesday.", (5, 0)),
    # an apposition after a name describes the name
    ("Jo Roe, a teacher, and her son were shot outside the Palmer Street market.", (0, 2)),
    # an uncounted plural counted by the people its apposition lists
    ("The victims, a 34-year-old cook and a 29-year-old nurse, died in the kitchen before help came.", (2, 0)),
    # others, at least as many as "including" counts
    ("The bullets hit a cashier and others, including two teenagers, police said. The cashier died at "
     "the scene.", (1, 2)),
])
def test_lists_and_plurals_count_their_people(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the tokenizer splits "ex-wife"; the whole word is the person shot
    ("Police said he shot his ex-wife and her sister at a house in Orlin on Sunday.", (0, 2)),
    # "neither of the two" is none of them
    ("Shots were fired at the Fenwick Lane store on Friday night. Neither of the two officers was hurt.",
     (0, 0)),
    # ... and takes nothing from someone else hurt
    ("A gunman wounded a cashier at the Fenwick Lane store on Friday. Neither of the two officers who "
     "arrived was hurt.", (0, 1)),
    # "also" tells a second person from the first
    ("A cook was hit in the shoulder outside the Palmer Street market. Her husband was also hit.", (0, 2)),
    # without it, the second sentence may speak of the same person
    ("A cook was hit in the shoulder outside the Palmer Street market. The victim was taken to Corley "
     "Hospital.", (0, 1)),
])
def test_split_words_none_of_a_group_and_also(analyzed, text, expected):
    assert counts(analyzed, text) == expected
