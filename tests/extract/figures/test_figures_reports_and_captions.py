"""Session 34's readings: a participle the parser joins to a place ("found lying in a driveway and
bleeding from stab wounds") is the people's; "committed suicide" after a shooting is the shooter's
death; a report the article calls initial or wrong gives no count; a photo's caption gives way to the
text's count; a follow-up dating the one event "last summer" is no tally; "a man, one of three people
shot, has died" is one dead of three hit."""
import pytest

from casualty_helpers import counts

pytestmark = pytest.mark.model


def test_bleeding_joined_to_the_place_is_the_peoples(analyzed):
    text = ("Two cousins were found lying in a driveway on Garnet Row and bleeding from stab wounds, "
            "deputies said.")
    assert counts(analyzed, text) == (0, 2)


@pytest.mark.parametrize("text, expected", [
    ("A man shot his two neighbours outside a Brellin duplex on Sunday and then committed suicide, "
     "deputies said. Both neighbours are in stable condition.", (1, 2)),
    ("Deputies said the gunman killed three relatives at the Orrin farmhouse. By the time they arrived, "
     "Dale Keffer had committed suicide.", (4, 0)),
])
def test_one_who_committed_suicide_is_among_the_dead(analyzed, text, expected):
    assert counts(analyzed, text) == expected


def test_a_threat_of_suicide_is_no_death(analyzed):
    text = ("A man shot a clerk in the arm at a Tenby pawn shop on Friday and threatened to commit suicide "
            "before officers talked him out of the store.")
    assert counts(analyzed, text) == (0, 1)


@pytest.mark.parametrize("text, expected", [
    ("A guard died and four guests were hurt when gunfire broke out at the Tenby club. An earlier account "
     "that a second guard had died was mistaken, the mayor said.", (1, 4)),
    ("Two guards were wounded at the depot. The gunman, who early reports said had been killed, is in "
     "custody.", (0, 2)),
])
def test_a_report_called_initial_or_wrong_gives_no_count(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the caption's count gives way to the text's
    ("Officers stand by the tape on Mercer Street after two people were shot. (Photo: Dana Roe)\n\n"
     "Four people were shot on Mercer Street late Friday, police said. All four are expected to "
     "recover.", (0, 4)),
    # a caption is kept where the text counts nobody
    ("Officers stand by the tape on Mercer Street after two people were shot. (Photo: Dana Roe)\n\n"
     "Police are asking anyone who saw the car to call them.", (0, 2)),
])
def test_a_caption_gives_way_to_the_text(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Four men were charged on Friday in a gunfight that killed two guests and wounded three others at a "
     "Tenby party last summer.", (2, 3)),
    # a tally over the time is still no count of this event
    ("Detectives are looking for the car. Forty people were shot in Tenby last year, police said.",
     (0, 0)),
])
def test_one_event_dated_last_summer_is_no_tally(analyzed, text, expected):
    assert counts(analyzed, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A 19-year-old man, one of three people shot in Harlow Saturday night has died, Harlow police "
     "announced Monday.", (1, 2)),
    ("A 15-year-old girl, one of four people struck in Tenby Friday night has died, Tenby police "
     "announced Sunday.", (1, 3)),
    ("One of three men shot on Garnet Row late Saturday has died at Harlow General, deputies said.", (1, 2)),
])
def test_one_of_several_hit_who_died_is_one_dead(analyzed, text, expected):
    assert counts(analyzed, text) == expected
