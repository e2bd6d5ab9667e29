"""A transcript's turns (`"NAME: …`) are statements of the labelled speaker, one per turn."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements


@pytest.mark.model
def test_statements_speaker_labels_each_turn_has_its_own_speaker(analyzed):
    sts = extract_statements(analyzed(
        "The evening show carried a long exchange between the host and the candidate.\n"
        "\"HARLAN: Will you attend the town meeting in Dorsey next week?\n"
        "\"OKAFOR: I will be there, and I will answer every question the farmers put to me.\"\n"
        "Okafor later said he had enjoyed the interview."))
    turns = {s.speaker.text: s for s in sts if s.cue is not None and s.cue.text == ":"}
    assert set(turns) == {"HARLAN", "OKAFOR"}
    assert "town meeting" in turns["HARLAN"].content.text and "OKAFOR" not in turns["HARLAN"].content.text
    assert turns["HARLAN"].type == "question"
    assert "every question the farmers" in turns["OKAFOR"].content.text


@pytest.mark.model
def test_statements_speaker_labels_need_upper_case_and_a_colon(analyzed):
    sts = extract_statements(analyzed(
        "\"Note: the bridge stays closed until Monday,\" the harbour office said in a notice."))
    assert [s.speaker.text for s in sts if s.speaker is not None] == ["the harbour office"]


@pytest.mark.model
def test_statements_inverted_quotative_verb_is_the_cue_not_the_speaker(analyzed):
    ctx = analyzed(
        "The city council on Tuesday debated a plan to raise taxes on harbour warehouses.\n\n"
        "Said Lindqvist: \u201cI don\u2019t get the sense the council has thought about who pays for this.\u201d\n\n"
        "The council will vote on the measure next week.")
    sts = [s for s in extract_statements(ctx) if "who pays" in s.content.text]
    assert len(sts) == 1
    assert (sts[0].speaker.text, sts[0].cue.text) == ("Lindqvist", "Said")
    # The name entity does not swallow the verb either (the entity stage reads doc.ents).
    assert "Said Lindqvist" not in {e.text for e in ctx.doc.ents}


@pytest.mark.model
def test_statements_said_as_a_first_name_stays_in_the_name(analyzed):
    # "Said" is also a given name: a name followed by its apposition and a verb of its own is a man
    # named Said, not an inverted "said".
    ctx = analyzed("Two blasts hit the old market in Harran on Friday.\n\n"
                   "Said Ahmed, a shopkeeper in the market, told reporters he heard two blasts before noon.")
    sts = [s for s in extract_statements(ctx) if "two blasts before noon" in s.content.text]
    assert sts and sts[0].speaker.text.startswith("Said Ahmed")
    assert "Said Ahmed" in {e.text for e in ctx.doc.ents}
