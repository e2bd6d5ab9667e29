"""Killed, injured and attacker counts from invented articles: must find / must not find."""
import pytest

from newsdossier.extract.figures import incident_figures

pytestmark = pytest.mark.model


def figs(analyzed, text, published="2025-06-14"):
    ctx = analyzed(text, published)
    return incident_figures(ctx, 0, len(text))


def point(fig):
    return None if fig is None else (fig.min, fig.max, fig.qualifier)


@pytest.mark.parametrize("text,field,expected", [
    ("Gunmen stormed a market in Vellora on Thursday, killing at least 12 people.", "killed", (12, None, "at_least")),
    ("Twenty-one people were killed when a bomb exploded at the Tarsk bus station.", "killed", (21, 21, "exact")),
    ("The blast killed more than 20 people and wounded dozens, officials said.", "killed", (21, None, "more_than")),
    ("The blast killed more than 20 people and wounded dozens, officials said.", "injured", (24, None, "dozens")),
    ("Up to 5 people were hurt in the stampede that followed the shooting.", "injured", (None, 5, "at_most")),
    ("About 30 soldiers were wounded when militants overran the Orvan garrison.", "injured", (30, 30, "about")),
    ("Hundreds were injured when the militants shelled the camp.", "injured", (200, None, "hundreds")),
    ("A dozen people died in the fire set by the attackers.", "killed", (12, 12, "about")),
    ("Two men were shot dead outside a bar in Lennick late on Friday.", "killed", (2, 2, "exact")),
    ("A 16-year-old was fatally stabbed behind the Dorrow library on Monday.", "killed", (1, 1, "exact")),
])
def test_figure_phrases(analyzed, text, field, expected):
    assert point(getattr(figs(analyzed, text), field)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Four gunmen opened fire on worshippers at the Kessel mosque.", 4),
    ("Three attackers armed with rifles stormed the Marrow hotel before dawn.", 3),
])
def test_perpetrator_count(analyzed, text, expected):
    assert point(figs(analyzed, text).perpetrator_count)[0] == expected


def test_attackers_killed_are_told_apart(analyzed):
    out = figs(analyzed, "The assault killed nine civilians. Two attackers were killed by the guards.")
    assert point(out.killed) == (11, 11, "exact")          # everyone killed, as GTD's nkill
    assert out.perpetrators_killed.min == 2


def test_partial_count_is_not_a_new_total(analyzed):
    out = figs(analyzed, "The bombing killed 14 people in Halden. Four of those killed were pupils, "
                         "and two of the dead were police officers.")
    assert point(out.killed) == (14, 14, "exact")


def test_revised_figure_is_current_and_earlier_kept(analyzed):
    out = figs(analyzed, "The attack on the Ferro stadium killed well over a hundred people. "
                         "At least 133 people have died, the ministry said on Sunday.")
    assert point(out.killed) == (133, None, "at_least")
    assert [o.min for o in out.killed.others] == [101]


def test_no_one_injured_is_zero(analyzed):
    out = figs(analyzed, "A gunman fired at the Palko town hall on Tuesday. No one was injured, police said.")
    assert point(out.injured) == (0, 0, "exact")
    assert out.killed is None


def test_shot_one_fatally_splits_killed_and_injured(analyzed):
    out = figs(analyzed, "Four teens were shot outside a store in Marlow on Saturday night, one fatally.")
    assert out.killed.min == 1
    assert out.injured.min == 3


def test_suicide_of_the_gunman_is_counted_among_the_dead(analyzed):
    # as GTD's nkill: everyone killed, and perpetrators_killed says how many of them were attackers
    out = figs(analyzed, "The gunman killed three people at the Dunmore office and then killed himself.")
    assert out.killed.min == 4
    assert out.perpetrators_killed.min == 1


@pytest.mark.parametrize("text,killed", [
    ("A father shot and killed his wife and two daughters at their Arlow home before killing himself.", 4),
    ("Shots inside a Tesk car wash left three dead, including the man who fired them, police said.", 3),
    ("Five people died in an apparent murder-suicide at a farmhouse near Oxley, deputies said.", 5),
    # "two men" after a shootout may hold the gunman the police shot: the count stays as written
    ("Two men were killed in a shooting at a Pell Road bar on Friday. Officers returned fire and the "
     "suspect was killed.", 2),
    ("Three officers were killed when a sniper opened fire in Corran. Police later shot and killed the gunman.", 4),
    # no victim died: the gunman the police shot is the one dead
    ("A gunman wounded six shoppers at the Vell Street market before officers returned fire. The gunman was "
     "killed at the scene.", 1),
])
def test_attackers_killed_join_a_count_of_victims(analyzed, text, killed):
    assert figs(analyzed, text).killed.min == killed


def test_credited_source(analyzed):
    text = ("Militants attacked a checkpoint in Sorrel. Eleven soldiers were killed, "
            "according to figures released by the Sorrel defence ministry.")
    out = figs(analyzed, text)
    assert out.killed.min == 11
    assert "defence ministry" in out.killed.source_text


@pytest.mark.parametrize("text", [
    "The 71-year-old mayor said 300 officers would patrol the city during the 2024 festival.",
    "Volunteers delivered more than 600 food parcels on Friday.",
    "The company said it could have killed the deal if it wanted to.",
    "Nearly 2,500 residents have been wounded by gunfire statewide, the health department said.",
])
def test_must_not_find(analyzed, text):
    out = figs(analyzed, text)
    assert out.killed is None and out.injured is None


def test_span_limits_what_is_read(analyzed):
    text = "Two guards died in Arno. Nine soldiers died in Brest last year in another attack."
    ctx = analyzed(text, "2025-06-14")
    out = incident_figures(ctx, 0, text.index("Nine"))
    assert out.killed.min == 2
    assert ctx.text[out.killed.start:out.killed.end] == out.killed.text


def test_figures_has_casualties(analyzed):
    yes = "A 19-year-old was grazed by a bullet on the Corby towpath on Saturday."
    no = "The council voted on Tuesday to repave the Corby high street."
    assert incident_figures(analyzed(yes, "2025-06-14"), 0, len(yes)).has_casualties
    assert not incident_figures(analyzed(no, "2025-06-14"), 0, len(no)).has_casualties


@pytest.mark.parametrize("text,killed,injured", [
    ("Rescuers reached two hikers who had been stabbed, and they were flown to a trauma center, where they died.",
     2, 0),
    ("A 22-year-old woman was stabbed to death in a parking garage in Ormond on Friday.", 1, None),
    ("Five people were shot during a graduation cookout in Tallow on Saturday, police said.", None, 5),
    ("Two men fired at the Kelby bakery on Monday night but missed everyone inside.", None, None),
    ("A gunman shot at officers from a balcony before he was arrested on Sunday.", None, None),
    ("Three people were wounded and two others were killed in the Carrow shooting.", 2, 3),
])
def test_killed_and_injured_counts(analyzed, text, killed, injured):
    out = figs(analyzed, text)
    assert (out.killed.min if out.killed else None) == killed
    assert (out.injured.min if out.injured else None) == injured
