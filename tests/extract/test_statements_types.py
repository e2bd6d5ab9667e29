"""Statement types, anonymous sources and the article's own corroboration marks."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements
from newsdossier.extract.statements.statement_types import anonymous_source


@pytest.mark.parametrize("text, anonymous", [
    ("a U.S. official", True),
    ("A senior engineer", True),
    ("two people familiar with the talks", True),
    ("officials", True),
    ("sources close to the minister", True),
    ("Edda Morn", False),
    ("the mayor", False),
    ("an aide to Senator Hala Voss", False),
])
def test_statements_types_anonymous_source(text, anonymous):
    assert anonymous_source(text) is anonymous


CASES = [
    # (sentence, needle in content, type, corroboration)
    ("The Iron Wolves claimed responsibility for the blast.", "responsibility", "claim_of_responsibility", None),
    ("The Iron Wolves took credit for the blast in an online post.", "credit", "claim_of_responsibility", None),
    ("The ministry denied that its troops had fired first.", "its troops had fired first", "denial", None),
    ("The governor warned that more storms were coming.", "more storms were coming", "warning", None),
    ("Police accused the Harbour Gang of planning the robbery.", "Harbour Gang", "accusation", None),
    ("Investigators pointed to the Harbour Gang as the group behind the robbery.", "Harbour Gang", "attribution",
     None),
    # A responsibility word about a kind of act, not about who did this one, is no attribution; a
    # judgement the speaker opens with is an assessment, whatever the cue.
    ("\"It is obvious that nobody here wants to be a friend of violence or a sponsor of extremism,\" the "
     "mayor said.", "sponsor of extremism", "assessment", None),
    ("\"It is obvious that the Harbour Gang was behind the robbery,\" the mayor said.", "Harbour Gang",
     "attribution", None),
    ("\"We believe the bridge will reopen by spring,\" the engineer said.", "bridge will reopen", "assessment",
     None),
    ("\"The bridge will reopen by spring,\" the engineer said.", "bridge will reopen", "other", None),
    ("\"I thought the bridge would fall,\" the driver said.", "bridge would fall", "other", None),
    # judging someone or something, or naming it as something, is an assessment
    ("The governor condemned the attack on the depot.", "the attack", "assessment", None),
    ("The governor condemned the Harbour Gang for the attack on the depot.", "Harbour Gang", "accusation", None),
    ("The mayor called the fire a tragedy for the whole town.", "the fire", "assessment", None),
    ("The chief described the suspect as armed and dangerous.", "the suspect", "assessment", None),
    ("The chief described the scene to reporters.", "the scene", "other", None),
    ("The mayor said the attackers came from the north, a claim that could not be independently verified.",
     "the attackers came from the north", None, "unverified"),
    ("The army said it had killed twenty fighters, figures that have been disputed.",
     "it had killed twenty fighters", None, "disputed"),
    ("The rebels said they had captured the airport. The claim has not been independently confirmed.",
     "captured the airport", None, "uncorroborated"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, needle, stype, corr", CASES)
def test_statements_types_and_corroboration(analyzed, sentence, needle, stype, corr):
    sts = extract_statements(analyzed(sentence))
    hit = [s for s in sts if needle in s.content.text]
    assert hit, [s.content.text for s in sts]
    if stype is not None:
        assert hit[0].type == stype
    assert hit[0].corroboration == corr
    if corr is not None:
        ev = hit[0].corroboration_evidence
        assert ev is not None and ev.start >= hit[0].content.end


@pytest.mark.model
def test_statements_types_no_corroboration_mark_without_one(analyzed):
    sts = extract_statements(analyzed("The mayor said the bridge would reopen on Monday. Traffic was light."))
    assert sts and all(s.corroboration is None for s in sts)
