"""The incident extractor answers "no incident" before tagging roles where the answer cannot be
anything else: no violence word, or a "no" from the cheap relevance model alone. Articles written
for these tests; the shipped weights."""

import pytest

from newsdossier.extract import incidents as incidents_pkg
from newsdossier.extract.incidents import relevance

# No violence word at all.
QUIET = ("Council approves new budget for parks",
         "The city council of Perola approved a new budget for parks and libraries on Tuesday. The mayor "
         "said the plan would add two reading rooms and repair the old football ground.")
# A violence word ("fire"), but a council story the cheap relevance model settles as no incident.
LIBRARY = ("Council approves new budget for parks",
           "The city council of Perola approved a new budget for parks and libraries on Tuesday, after a "
           "debate that lasted four hours. The plan adds two reading rooms and repairs the old football "
           "ground. The mayor said the damp east wing of the old library would be torn down, since a fire "
           "inspector found its wiring unsafe. The vote was 7 to 4.")
BOMBING = ("Bomb blast at crowded market kills 12",
           "A bomb exploded at a crowded vegetable market in the town of Qasreen on Friday morning, killing 12 "
           "people and wounding at least 40, police said. Witnesses said the device had been hidden in a cart "
           "near the main gate. No group has claimed responsibility for the bombing.")
# Political speech with violence words: the cheap model is unsure, the encoder decides.
SPEECH = ("Senator attacks rival over tax plan",
          "Senator Mara Quill attacked her rival on Thursday over his plan to cut taxes for large farms, "
          "calling it a gift to donors. \"This plan would kill the rural budget,\" Quill told reporters. Her "
          "rival, Ovid Tamsin, said the attack was a sign of panic in her campaign.")


def test_settled_is_what_reports_incident_answers_without_the_encoder():
    assert relevance.settled(*LIBRARY) is False and relevance.reports_incident(*LIBRARY) is False
    assert relevance.settled(*BOMBING) is True and relevance.reports_incident(*BOMBING) is True
    assert relevance.settled(*SPEECH) is None  # unsure: the full model decides
    # A threshold of one's own always goes to the full model: nothing is settled early.
    assert relevance.settled(*LIBRARY, threshold=0.5) is None


@pytest.fixture
def role_taggings(monkeypatch):
    """The articles whose roles were tagged (the real tagger still runs)."""
    seen = []
    real = incidents_pkg.tag_doc

    def tag_doc(doc, *args, **kwargs):
        seen.append(doc.text)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(incidents_pkg, "tag_doc", tag_doc)
    return seen


@pytest.mark.model
def test_no_violence_word_no_roles_tagged(role_taggings, incidents_of):
    assert incidents_of(*QUIET) == ()
    assert role_taggings == []


@pytest.mark.model
def test_cheap_no_ends_before_roles_unless_relevance_is_off(role_taggings, incidents_of):
    assert incidents_of(*LIBRARY) == ()
    assert role_taggings == []
    # With the learned decision switched off the rules alone decide, so the roles are read.
    incidents_of(*LIBRARY, incident_relevance=False)
    assert len(role_taggings) == 1


@pytest.mark.model
def test_attacks_and_unsure_articles_still_get_their_roles_read(role_taggings, incidents_of):
    incidents = incidents_of(*BOMBING)
    assert incidents and incidents[0].killed is not None
    incidents_of(*SPEECH)
    assert len(role_taggings) == 2
