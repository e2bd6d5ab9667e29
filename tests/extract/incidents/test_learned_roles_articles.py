"""The cross-domain role model on invented modern reports, with the shipped weights (no training here):
victims however named, attackers and weapons are found; the rules alone miss the victims."""
import dataclasses

import pytest

import newsdossier.extract.statements  # noqa: F401  (registers statements.v1)
from newsdossier.errors import ModelError
from newsdossier.extract.incidents.roles import learned as learned_roles
from newsdossier.extract.incidents import extract_incidents

pytestmark = pytest.mark.model

MOSQUE = (
    "Gunmen opened fire on worshippers at a mosque in the northern town of Kelvaro during Friday prayers, "
    "killing a girl and wounding dozens of people, officials said. The attackers fled on motorbikes. "
    "Witnesses said the gunmen used assault rifles and threw a grenade into the prayer hall."
)
MARKET = (
    "A suicide bomber blew himself up at a busy fruit market in Dastan on Monday morning, killing eleven "
    "shoppers and two traders, the provincial police chief said. Another 30 people were injured in the blast."
)


def _victims(analyzed, text, mode):
    ctx = analyzed(text)
    ctx = dataclasses.replace(ctx, settings=ctx.settings.with_(learned_roles=mode))
    incidents = extract_incidents(ctx)
    assert incidents
    return {f.text.lower().split()[-1] for i in incidents for f in i.victims + i.targets}, incidents


# A victim is named by its head word, as a reader (and WikiEvents' scorer) names it: "dozens of people"
# goes by "dozens".
@pytest.mark.parametrize("text,expected", [(MOSQUE, {"girl", "dozens", "people", "worshippers"}),
                                           (MARKET, {"shoppers", "traders", "people"})], ids=["mosque", "market"])
def test_victims_found_by_the_model(analyzed, text, expected):
    found, _ = _victims(analyzed, text, "both")
    assert len(found & expected) >= 2, found
    # The rules alone (the CRF learnt on 1980s wires) do not name them.
    rules, _ = _victims(analyzed, text, "rules")
    assert len(rules & expected) < len(found & expected)


def test_attackers_and_weapons_of_the_model(analyzed):
    _, incidents = _victims(analyzed, MOSQUE, "model")
    perps = {f.text.lower().split()[-1] for i in incidents
             for f in i.perpetrator_individuals + i.perpetrator_organizations}
    weapons = {f.text.lower().split()[-1] for i in incidents for f in i.weapons}
    assert perps & {"gunmen", "attackers"}
    assert weapons & {"rifles", "grenade"}
    # Nobody hit is taken for an attacker.
    assert not perps & {"girl", "worshippers", "people"}


def test_person_and_org_heads(analyzed):
    doc = analyzed("The Northern Front said its fighters had shot three villagers and a bus.").doc
    words = {t.text: t for t in doc}
    assert learned_roles.is_person(words["villagers"]) and not learned_roles.is_person(words["bus"])
    assert learned_roles.is_org(words["Front"])


def test_missing_model_names_its_folder(tmp_path):
    with pytest.raises(ModelError, match=str(tmp_path)):
        learned_roles.load_model(str(tmp_path))
