"""The statements extractor never raises on odd text and keeps its spans inside the article."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from newsdossier.extract.statements import extract_statements

pytestmark = pytest.mark.model

PIECES = st.sampled_from([
    "\"", "“", "”", "''", "«", "»", ",", ".", ":", "\n", "\n\n", " ", "—", "said", "says", "according to",
    "claimed responsibility", "denied", "warned that", "the minister", "Anna Berg", "he", "officials",
    "a claim that could not be verified", "PENCE:", "?", "they took credit for", "blamed", "the attack",
])


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=0, max_size=40).map(" ".join))
def test_statements_robust_on_arbitrary_text(analyzed, text):
    ctx = analyzed(text)
    for s in extract_statements(ctx):
        for span in (s.content, s.cue, s.speaker, s.corroboration_evidence, *s.content_parts):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", [
    # A scraped page that broke the line before the closing quote: the sentence opens with `,"`.
    "He was a good kid. He loved football and music and his little sister.\n,\" neighbor Tomas Brell said.",
    # A content that ends on whitespace no token holds (found by hypothesis).
    '" a claim that could not be verified \n',
])
def test_statements_robust_sentence_opening_with_a_comma(analyzed, text):
    ctx = analyzed(text)
    for statement in extract_statements(ctx):
        assert statement.content.text == text[statement.content.start:statement.content.end]
