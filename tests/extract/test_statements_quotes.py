"""Quotation marks paired into quoted spans (no model needed)."""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements
from newsdossier.extract.statements.quotes import find_quotes


def spans(text):
    return [(text[q.start:q.end], [text[s:e] for s, e in q.parts], q.unclosed) for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and "no".', [('"yes"', ['"yes"'], False), ('"no"', ['"no"'], False)]),
    ("“Rain,” she said. “Wind.”", [("“Rain,”", ["“Rain,”"], False), ("“Wind.”", ["“Wind.”"], False)]),
    ("''Quiet,'' he said.", [("''Quiet,''", ["''Quiet,''"], False)]),
    ("« Bonjour » dit-il.", [("« Bonjour »", ["« Bonjour »"], False)]),
])
def test_statements_quotes_pairs_marks(text, expected):
    assert spans(text) == expected


def test_statements_quotes_ignore_apostrophes():
    assert spans("The mayor's plan isn't 'final', she said.") == []


def test_statements_quotes_multi_paragraph_quote_is_one():
    text = "“The river rose all night.\n\n“We moved the children first,” the mayor said.\nEnd."
    [q] = find_quotes(text)
    assert len(q.parts) == 2
    assert text[q.parts[0][0]:q.parts[0][1]] == "“The river rose all night."
    assert text[q.parts[1][0]:q.parts[1][1]] == "“We moved the children first,”"
    assert not q.unclosed


def test_statements_quotes_unclosed_quote_closes_at_paragraph_end():
    text = "She said “we will stay\nNext paragraph without a mark."
    [q] = find_quotes(text)
    assert q.unclosed and text[q.start:q.end] == "“we will stay"


def test_statements_quotes_straight_marks_do_not_pair_across_paragraphs():
    text = 'A "broken mark here.\nAnother "quoted" word.'
    got = spans(text)
    assert ('"quoted"', ['"quoted"'], False) in got
    assert all("\n" not in g[0] for g in got)


@pytest.mark.model
def test_statements_quotes_report_and_next_sentence_quotation_stay_apart(analyzed):
    sts = extract_statements(analyzed(
        "Mara Quell, the governor of Essen Province, visited the market in Tollow on Tuesday after the bombing.\n"
        "She said the attackers would be found. \"We will not rest until they are in court,\" she added.\n"))
    found = [s for s in sts if "attackers would be found" in s.content.text]
    assert found and "We will not rest" not in found[0].content.text
    assert found[0].cue.text == "said"
    rest = [s for s in sts if "We will not rest" in s.content.text]
    assert rest and rest[0].kind == "direct" and rest[0].cue.text == "added"
