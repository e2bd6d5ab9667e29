"""The per-candidate decision ("is this a specific violent event that happened?") on articles written
for these tests, with the shipped weights: a crash the rules take for an incident loses it, a report
of one shooting keeps its incident; the grammar and structure features read what they should."""

import numpy as np
import pytest

from newsdossier.errors import ModelError
from newsdossier.extract.incidents import specific
from newsdossier.extract.syntax import sentences

# A road crash: the rules alone take the dead cyclist and the "vehicular homicide" for an incident.
CRASH = ("Cyclist killed in hit-and-run crash on county road",
         "Cyclist killed in hit-and-run crash on county road\n"
         "A 58-year-old cyclist died on Tuesday evening after he was struck by a pickup truck on County Road 12 "
         "near Brenmoor, the state highway patrol said. The driver did not stop. Troopers found the damaged truck "
         "abandoned two miles away and arrested its owner, a 31-year-old man, on Wednesday morning. He was charged "
         "with leaving the scene of a fatal crash and vehicular homicide. The cyclist, a retired teacher, was "
         "pronounced dead at the scene.")
# A report of one shooting that ends with the city's yearly figures.
REPORT = ("Man shot dead outside grocery store on Maple Street",
          "Man shot dead outside grocery store on Maple Street\n"
          "A 34-year-old man was shot and killed outside a grocery store on Maple Street in Harwick late on "
          "Friday night, police said. Officers found him with two gunshot wounds in the parking lot; he died "
          "at the scene. Witnesses told police a gunman fired four shots from a grey car and drove off south. "
          "No arrests have been made. The city has recorded more than 300 shootings this year.")


def _probability(analyzed, incidents_of, article):
    """The model's probability for the main incident the rules alone make of `article`."""
    title, text = article
    [main, *rest] = incidents_of(title, text, incident_relevance=False, incident_candidates=False)
    sents = sentences(analyzed(text).doc)
    return specific.probability(sents, 0, len(text), main, 0, 1 + len(rest))


@pytest.mark.model
def test_crash_scores_below_a_shooting_report(analyzed, incidents_of):
    assert _probability(analyzed, incidents_of, CRASH) < specific.threshold() <= _probability(
        analyzed, incidents_of, REPORT)


@pytest.mark.model
def test_crash_loses_its_candidate_and_a_report_keeps_it(incidents_of):
    # With the per-article decision off, the rules give the crash an incident; the candidate's own
    # decision takes it away. The setting turns it off, and a threshold of 0 keeps every candidate.
    assert incidents_of(*CRASH, incident_relevance=False, incident_candidates=False)
    assert incidents_of(*CRASH, incident_relevance=False) == ()
    assert incidents_of(*CRASH, incident_relevance=False, incident_candidate_threshold=0.0)
    [incident] = incidents_of(*REPORT)
    assert incident.id == "i1" and incident.killed is not None and incident.killed.min == 1


def test_sentence_features_read_the_grammar(analyzed):
    def row(text):
        return dict(zip(specific.SENTENCE_FEATURES, specific.sentence_features(analyzed(text).doc)))

    generic = row("There are thousands of shootings in the city every year.")
    assert generic["bare_plural"] == generic["big_number"] == generic["rate"] == 1.0 and generic["past"] == 0.0
    report = row("Two guards were shot on Sunday night near the bridge, police said.")
    assert report["passive"] == report["time"] == report["authority"] == report["small_number"] == 1.0
    assert row("A retired teacher shot himself in his garage.")["self_harm"] == 1.0
    assert row("The group could attack the airport.")["modal"] == 1.0


def test_structure_features_read_the_rules_incident():
    incident = {"types": ["armed_assault"], "killed": {"min": 3, "qualifier": "exact"},
                "injured": {"min": 12000, "qualifier": "more_than"}, "victims": [{}, {}], "targets": [],
                "perpetrator_individuals": [], "perpetrator_organizations": [], "weapons": [{}],
                "date": {"precision": "day", "resolved_from": "explicit"}, "location": None, "evidence": [{}],
                "responsibility": [], "perpetrator_count": None}
    row = dict(zip(specific.STRUCTURE, specific.structure_features(incident, 1, 2)))
    assert row["killed_small"] == 1.0 and row["killed_large"] == 0.0 and row["injured_large"] == 1.0
    assert row["exact"] == 1.0 and row["date_day"] == 1.0 and row["place_known"] == 0.0
    assert row["types_unknown"] == 0.0 and row["main"] == 0.0 and row["victims"] == pytest.approx(np.log(3))


def test_candidate_without_violence_sentences_has_an_empty_grammar_block():
    block = specific.candidate_features(np.zeros((0, len(specific.SENTENCE_FEATURES))), [])
    assert block.shape == (len(specific.GRAMMAR),) and not block.any()


def test_caseless_text_is_not_scored():
    assert not specific.applies("gunmen fired on the patrol in the capital, police said.")
    assert specific.applies("Gunmen fired on the patrol.")


def test_missing_or_mismatched_model_file_names_it(tmp_path):
    with pytest.raises(ModelError, match="absent.npz"):
        specific.load(str(tmp_path / "absent.npz"))
    path = tmp_path / "short.npz"
    np.savez(path, weights=np.zeros(3), mean=np.zeros(3), scale=np.ones(3),
             config=np.array('{"bias": 0.0, "threshold": 0.5}'))
    with pytest.raises(ModelError, match="short.npz: incident candidate model has 3 weights"):
        specific.load(str(path))
