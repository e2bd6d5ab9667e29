"""An incident must say what happened: someone or something hit, a weapon, or a casualty figure. Talk of
violence in general ("hundreds of shootings every year") gives none of it and loses the incident the
rules make of it; a report that names only the weapon keeps its own. Articles written for these tests."""

import pytest

from newsdossier.extract.incidents import tells_harm
from newsdossier.records import Figure, Incident

# Yearly figures: the rules make an incident with no victim, no target, no weapon and no figure.
YEARLY = ("Gang violence in Carrow",
          "Gang violence in Carrow\nArmed gangs carry out hundreds of shootings in Carrow every year, the police "
          "department said in its annual report on Monday. Most shootings happen at night, the report said.")
# One attack told without victims, targets or figures: its weapon says what happened.
ROCKETS = ("Guerrillas fire rockets in Santa Lucera",
           "Urban guerrillas of the People's Vanguard fired two rockets in the northern district of Santa Lucera "
           "last night, army sources reported. The guerrillas fled toward the hills after the attack. The army "
           "has launched an operation to capture them.")


@pytest.mark.model
def test_violence_in_general_loses_its_incident(incidents_of):
    [made] = incidents_of(*YEARLY, incident_requires_harm=False)
    assert not tells_harm(made)
    assert incidents_of(*YEARLY) == ()


@pytest.mark.model
def test_a_report_that_names_the_weapon_keeps_its_incident(incidents_of):
    [incident] = incidents_of(*ROCKETS)
    assert incident.id == "i1" and not (incident.victims or incident.targets or incident.killed or incident.injured)
    assert [w.text for w in incident.weapons] and tells_harm(incident)


def test_a_zero_figure_says_what_happened():
    empty = Incident(id="i1")
    assert not tells_harm(empty)
    assert tells_harm(empty.model_copy(update={"killed": Figure(min=0, max=0, text="no one", start=0, end=6)}))
