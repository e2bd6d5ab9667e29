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
