"""Cues decided by how the verb is used (frames learned from PolNeAR train): "opened fire on" is no
statement, a finding needs a clause to report, and a passive "was asked" does not make its subject
the speaker."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements
from newsdossier.extract.statements.frames import Frames, frame
from newsdossier.extract.statements.tagger import load_tagger


@pytest.mark.model
def test_statements_cue_frames_opened_fire_is_no_statement(analyzed):
    ctx = analyzed(
        "Police in Varno said the attack began shortly after noon.\n"
        "Two men armed with fully automatic rifles and explosives stormed the Orsk Palace theatre in Varno "
        "on Saturday and opened fire on a crowded matinee while simultaneously setting the stage on fire.\n"
        "The mayor said the city would hold a day of mourning.")
    sts = extract_statements(ctx)
    assert not [s for s in sts if s.cue is not None and "fire" in s.cue.text]
    assert not [s for s in sts if s.speaker is not None and "Two men" in s.speaker.text]
    # Real reports around it are still read.
    said = {s.speaker.text for s in sts if s.speaker is not None and s.cue is not None and s.cue.text == "said"}
    assert {"Police in Varno", "The mayor"} <= said


@pytest.mark.model
def test_statements_cue_frames_found_an_object_is_no_statement(analyzed):
    sts = extract_statements(analyzed(
        "Divers searching the Orle river near Castemont found the stolen van on Wednesday morning "
        "with its doors open and the cargo gone.\n\n"
        "A police spokesman said the van had been driven into the water on purpose."))
    assert not [s for s in sts if s.cue is not None and s.cue.text.startswith("found")]
    assert [s for s in sts if "driven into the water" in s.content.text]


@pytest.mark.model
def test_statements_cue_frames_passive_asked_subject_is_not_the_speaker(analyzed):
    sts = extract_statements(analyzed(
        "Senator Ilka Rund was asked whether she would support the new border bill in its present form.\n\n"
        "Rund said she would decide after reading the final text."))
    asked = [s for s in sts if "support the new border bill" in s.content.text]
    for s in asked:
        assert s.speaker is None or "Rund" not in s.speaker.text
    decided = [s for s in sts if "decide after reading" in s.content.text]
    assert decided and decided[0].speaker is not None and decided[0].speaker.text == "Rund"


@pytest.mark.model
def test_statements_cue_frames_frame_reads_the_complement(analyzed):
    doc = analyzed("The inspectors found that the fence had been cut. The inspectors found the van. "
                  "The senator was asked about the bill.").doc
    by_text = {}
    for t in doc:
        if t.pos_ == "VERB":
            by_text.setdefault(t.text, []).append(frame(t))
    assert by_text["found"] == ["clause", "np"]
    assert by_text["asked"] == ["pass-pp"]


def test_statements_cue_frames_rates_are_smoothed_towards_the_lemma():
    table = {"prior": 0.1, "subject_prior": {"active": 0.9, "passive": 0.2},
             "cue": {"find": {"clause": [60, 100], "np": [2, 200]}},
             "subject": {"ask": {"passive": [0, 30]}}}
    frames = Frames(table)

    class Tok:  # the attributes Frames reads from a spaCy token
        def __init__(self, lemma, deps):
            self.lemma_ = lemma
            self.children = [type("C", (), {"dep_": d, "tag_": ""})() for d in deps]

    clause, obj, unseen = Tok("find", ["nsubj", "ccomp"]), Tok("find", ["nsubj", "dobj"]), Tok("find", ["nsubj"])
    assert frames.cue_rate(clause) > 0.5 > 0.05 > frames.cue_rate(obj)
    lemma_rate = (62 + 5 * 0.1) / (300 + 5)
    assert frames.cue_rate(unseen) == pytest.approx(lemma_rate)
    assert frames.cue_rate(Tok("open", ["dobj"])) == pytest.approx(0.1)
    assert frames.subject_rate(Tok("ask", ["nsubjpass", "auxpass"])) < 0.1
    assert frames.subject_rate(Tok("say", ["nsubj"])) == pytest.approx(0.9)


@pytest.mark.model
def test_statements_cue_frames_shipped_tables_tell_speech_from_gunfire(analyzed):
    frames = load_tagger().frames
    doc = analyzed("The gunmen opened fire on the crowd. The minister said that the border was closed.").doc
    opened = next(t for t in doc if t.text == "opened")
    said = next(t for t in doc if t.text == "said")
    assert frames.cue_rate(opened) < 0.1 < 0.5 < frames.cue_rate(said)


@pytest.mark.model
def test_statements_cue_frames_adjective_cue_takes_the_copula_subject(analyzed):
    # "worried" hangs from "were"; the farmers are who worry.
    sts = extract_statements(analyzed(
        "Heavy rain fell on the Tarrow valley for a third day.\n"
        "The farmers were worried that the floods would return.\n"))
    worry = [s for s in sts if "the floods would return" in s.content.text]
    assert worry and worry[0].speaker is not None and worry[0].speaker.text == "The farmers"


@pytest.mark.model
@pytest.mark.parametrize("sentence, needle", [
    ("Anyone with information should call the Tarvel Crime Line at 555-203-7781.", None),
    ("A neighbour called police to check on the couple after the shots.", None),
    ("Two deputies were called to the farm shortly after midnight.", None),
    ("The council called a special meeting for Monday night.", None),
    ("The governor called the shooting a senseless tragedy.", "the shooting"),
    ("The governor called for calm after the shooting.", "calm"),
    ("The mayor called on residents to stay indoors.", "residents"),
    ("Rivals called him a \"reckless gambler\" on Tuesday.", "reckless gambler"),
])
def test_statements_cue_frames_a_call_reports_only_what_it_names_or_demands(analyzed, sentence, needle):
    # "call" telephones, summons or convenes as often as it names or demands; only the latter are said
    sts = [s for s in extract_statements(analyzed(sentence)) if s.cue is not None and "call" in s.cue.text.lower()]
    if needle is None:
        assert not sts, [(s.cue.text, s.content.text) for s in sts]
    else:
        assert any(needle in s.content.text for s in sts), [(s.cue.text, s.content.text) for s in sts]
