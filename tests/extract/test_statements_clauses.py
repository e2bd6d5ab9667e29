"""Statements read by clause: the speaker of a reporting verb the parser joined to another report's
content, and a quotation that asks and then asserts read as two statements."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements


@pytest.mark.model
def test_statements_clauses_joined_reporting_verb_keeps_the_governing_speaker(analyzed):
    # The parser hangs "suggested" on "tried" (the content of "claimed"): the robbers suggested
    # nothing; the governor did.
    sts = extract_statements(analyzed(
        "Police in Carrow said two guards were hurt in the raid on the bank.\n\n"
        "The regional governor claimed that the robbers tried to drive south to the coast and suggested "
        "that a boat was kept ready for them by accomplices in the harbour, allegations that nobody has "
        "confirmed."))
    boat = [s for s in sts if "a boat was kept ready" in s.content.text]
    assert boat and boat[0].speaker is not None
    assert boat[0].speaker.text == "The regional governor"
    assert boat[0].cue.text == "suggested"
    # The first report ends where its clause does, without the "and" that joined the next one.
    coast = [s for s in sts if "tried to drive south" in s.content.text]
    assert coast and coast[0].content.text.endswith("to the coast")


@pytest.mark.model
def test_statements_clauses_question_then_assertion_are_two_statements(analyzed):
    sts = extract_statements(analyzed(
        "Fire crews worked through the night in Dunmere after the depot attack.\n\n"
        "\"Why did the guards leave the gate open? Who gave the order?\" the mayor asked. "
        "\"It is clear that somebody inside the depot helped the attackers.\""))
    asked = [s for s in sts if s.cue is not None and s.cue.text == "asked"]
    assert [s.type for s in asked][:1] == ["question"]
    assert "Who gave the order?" in asked[0].content.text
    assert "somebody inside the depot" not in asked[0].content.text
    rest = [s for s in sts if "somebody inside the depot helped" in s.content.text]
    assert rest and rest[0].type != "question"
    assert rest[0].speaker.text == "the mayor" and rest[0].kind == "direct"


@pytest.mark.model
def test_statements_clauses_quotation_of_one_kind_stays_whole(analyzed):
    sts = extract_statements(analyzed(
        "\"We heard two shots. Then the lights went out,\" said Orla Venn, who runs the bakery. "
        "\"Nobody knew where to go.\""))
    venn = [s for s in sts if "We heard two shots" in s.content.text]
    assert venn and "Then the lights went out" in venn[0].content.text


@pytest.mark.model
def test_statements_clauses_plain_content_runs_to_the_end_of_its_clause(analyzed):
    # The tagger stops at the first comma; what the survey found is the whole "that" clause.
    sts = extract_statements(analyzed(
        "The survey by the labour office found that nurses made up about 31 percent of both the public "
        "and private health workforces, excluding the army, which is mostly male.\n"))
    found = [s for s in sts if "nurses made up" in s.content.text]
    assert found and found[0].content.text.endswith("which is mostly male")
    assert found[0].speaker is not None and found[0].speaker.text == "The survey by the labour office"


@pytest.mark.model
@pytest.mark.parametrize("text,speaker,content", [
    # the reporting verb hangs from a preposition ("for saying", "after claiming"): its speaker is
    # the subject of the verb the preposition hangs from
    ("The mayor of Dunmore, Ella Varga, was criticised on Monday for saying that the flooded tunnel was "
     "safe for traffic.", "Ella Varga", "the flooded tunnel was safe"),
    ("After claiming that the budget had been balanced, the finance minister was forced to publish the "
     "accounts.", "the finance minister", "the budget had been balanced"),
], ids=["for-saying", "after-claiming"])
def test_statements_clauses_verb_after_a_preposition_takes_the_main_subject(analyzed, text, speaker, content):
    sts = [s for s in extract_statements(analyzed(text)) if content in s.content.text]
    assert sts and sts[0].speaker is not None and speaker in sts[0].speaker.text


@pytest.mark.model
@pytest.mark.parametrize("text, speaker", [
    ("Mayor Ilse Varn said she didn't believe the new rules hurt the port in 2019, arguing that shipping "
     "had fallen everywhere that year.", "Mayor Ilse Varn"),
    ("Senator Dana Moss said she didn't think those attacks did her opponent any harm in 2020, arguing that "
     "voters had already made up their minds.", "Senator Dana Moss"),
])
def test_statements_clauses_participle_speaks_for_the_report_not_its_content(analyzed, text, speaker):
    # The parser hangs "arguing" on the verb of what was said ("hurt", "did"): the participle is the
    # reporter's, not the content's subject's.
    sts = extract_statements(analyzed(text))
    arguing = [s for s in sts if s.cue is not None and s.cue.text == "arguing"]
    assert arguing and arguing[0].speaker is not None
    assert arguing[0].speaker.text == speaker
