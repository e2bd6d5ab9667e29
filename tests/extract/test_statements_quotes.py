"""Quotation marks paired into quoted spans (no model needed)."""
from __future__ import annotations

import pytest

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
