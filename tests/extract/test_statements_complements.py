"""Contents read from the parse for reporting verbs the tagger left without one (`complements.py`)."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements.clauses import cue_verb
from newsdossier.extract.statements.complements import complement, parse_contents
from newsdossier.extract.statements.segments import Attribution, Seg, char_range
from newsdossier.extract.statements.tagger import load_tagger


def _tok(doc, word: str):
    return next(t for t in doc if t.text == word)


def _text(doc, span) -> str:
    return doc[span[0]:span[1]].text


@pytest.mark.model
def test_statements_complements_object_clause_and_preposition(analyzed):
    doc = analyzed("The senator praised the new bridge. "
                   "The mayor urged residents to avoid the harbour road. "
                   "The union complained about the late wages. "
                   "The council met on Tuesday.").doc
    assert _text(doc, complement(_tok(doc, "praised"))) == "the new bridge"
    assert _text(doc, complement(_tok(doc, "urged"))) == "residents to avoid the harbour road"
    # No object and no clause: the object of the first preposition, without the preposition.
    assert _text(doc, complement(_tok(doc, "complained"))) == "the late wages"
    assert complement(_tok(doc, "met")) is not None  # "on Tuesday": a candidate the keep model weighs


@pytest.mark.model
def test_statements_complements_orphan_cue_gets_a_candidate_and_taken_tokens_stay_out(analyzed):
    doc = analyzed("The harbour master criticized the plan to close the pier.").doc
    cue = _tok(doc, "criticized")
    para_of = [0] * len(doc)
    orphan = Seg("CUE", cue.i, cue.i + 1, 0)
    got = parse_contents(doc, [orphan], [], para_of)
    assert [doc[a.tok_pieces[0][0]:a.tok_pieces[0][1]].text for a in got] == ["the plan to close the pier"]
    assert got[0].notes == ["parse", "orphan"] and got[0].cue_tok == (cue.i, cue.i + 1)
    # A cue some attribution already took is no orphan.
    plan = _tok(doc, "plan")
    taken = Attribution([char_range(doc, plan.i - 1, len(doc) - 1)], [(plan.i - 1, len(doc) - 1)], 0,
                        cue=char_range(doc, cue.i, cue.i + 1), cue_tok=(cue.i, cue.i + 1))
    assert parse_contents(doc, [orphan], [taken], para_of) == []


@pytest.mark.model
def test_statements_complements_frame_rate_reads_untagged_verbs(analyzed):
    doc = analyzed("Gunmen opened fire on the crowd. The mayor condemned the attack on the market.").doc
    frames = load_tagger().frames
    got = parse_contents(doc, [], [], [0] * len(doc), frames, min_rate=0.2)
    cues = [doc[a.cue_tok[0]].text for a in got]
    assert "condemned" in cues and "opened" not in cues


@pytest.mark.model
def test_statements_complements_cue_verb_is_the_one_the_content_hangs_from(analyzed):
    doc = analyzed("Officials who were interviewed said the pier would close.").doc
    i, s = _tok(doc, "interviewed").i, _tok(doc, "said").i
    content = _tok(doc, "the").i
    a = Attribution([char_range(doc, content, len(doc) - 1)], [(content, len(doc) - 1)], 0,
                    cue=char_range(doc, i, s + 1), cue_tok=(i, s + 1))
    assert cue_verb(doc, a).text == "said"


@pytest.mark.model
def test_statements_complements_in_an_article_attacks_stay_out(analyzed):
    from newsdossier.extract.statements import extract_statements

    sts = extract_statements(analyzed(
        "Three gunmen opened fire on a crowded market in Veldra on Sunday, killing four people.\n\n"
        "Governor Ines Marlow condemned the attack on the market and praised the police officers "
        "who chased the gunmen.\n"))
    assert not [s for s in sts if s.cue is not None and "opened" in s.cue.text]
    assert not [s for s in sts if "crowded market" in s.content.text]
