"""Victims are named with their count ("well over a hundred people", "dozens of worshippers"), and a
country is a target only where it is what was attacked: spans of the cross-domain role model on
sentences written for these tests."""
import dataclasses

import pytest

import newsdossier.extract.statements  # noqa: F401  (registers statements.v1)
from newsdossier.extract.incidents import extract_incidents
from newsdossier.extract.incidents.roles import learned
from newsdossier.extract.incidents.roles.names import count_start
from newsdossier.extract.incidents.roles.rules import attacked


def _head(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence,head,expected", [
    ("The blast at the depot killed well over a hundred people on Sunday.", "people", "well over a hundred people"),
    ("At least 212 passengers died when the ferry was bombed.", "passengers", "At least 212 passengers"),
    ("Gunmen shot several hundred villagers near the river.", "villagers", "several hundred villagers"),
    ("The militia fired on dozens of worshippers leaving the chapel.", "worshippers", "dozens of worshippers"),
    ("A bomb wounded a group of pilgrims outside the shrine.", "pilgrims", "a group of pilgrims"),
    ("Rebels kidnapped the mayor of Dorvel last week.", "mayor", "mayor"),
])
def test_count_start_takes_the_count_with_the_people(analyzed, sentence, head, expected):
    doc = analyzed(sentence).doc
    tok = _head(doc, head)
    start = count_start(tok)
    assert doc[start:tok.i + 1].text.endswith(expected)
    assert doc[start:tok.i + 1].text.startswith(expected.split()[0])


@pytest.mark.parametrize("sentence,name,expected", [
    ("Rebel artillery shelled Vardonia for three days.", "Vardonia", True),
    ("Vardonia was invaded in the spring.", "Vardonia", True),
    ("The drone strike on Vardonia and Kestria killed four.", "Kestria", True),
    ("Officials warned that the minister will blame Vardonia for the bombing.", "Vardonia", False),
    ("The gunmen tried to flee to Vardonia after the attack.", "Vardonia", False),
])
def test_attacked_place(analyzed, sentence, name, expected):
    doc = analyzed(sentence).doc
    assert attacked(_head(doc, name)) is expected


ARTICLE = (
    "Masked attackers stormed the Orlen Street theatre in Dastrava on Saturday night and opened fire on the "
    "audience, killing well over a hundred people.\n"
    "The interior minister said the gunmen had tried to escape to Vardonia and accused Vardonia of helping them.\n"
    "At least 118 people were wounded, and dozens of worshippers at a chapel next door were hurt.\n"
)


@pytest.mark.model
def test_victims_with_counts_and_no_country_target(analyzed):
    ctx = analyzed(ARTICLE)
    ctx = dataclasses.replace(ctx, settings=ctx.settings.with_(learned_roles="model"))
    incidents = extract_incidents(ctx)
    assert incidents
    victims = {f.text for i in incidents for f in i.victims}
    assert "At least 118 people" in victims, victims
    targets = {f.text for i in incidents for f in i.targets}
    assert "well over a hundred people" in victims, victims
    assert not any(v in ("hundred people", "over a hundred people") for v in victims), victims
    assert not any("Vardonia" in t for t in targets), targets
    spans = {ctx.text[s.char_start:s.char_end] for s in learned.tag(ctx.doc) if s.role == "Victim"}
    assert "At least 118 people" in spans, spans
