"""Statements on short invented articles: what must be found and what must not.

These load the real spaCy pipeline and the shipped tagger weights (nothing is trained here).
"""
from __future__ import annotations

import pytest

from newsdossier.extract.statements import extract_statements

pytestmark = pytest.mark.model

FLOOD = (
    "Flooding closed the main bridge in Tarnow Vale on Tuesday, officials said.\n"
    "\"We have never seen water this high,\" said Edda Morn, the mayor of Tarnow Vale. "
    "\"The old bridge will not survive another storm.\"\n"
    "The 58-year-old said that repairs would begin next month.\n"
    "A senior engineer warned that the dam could fail within days.\n"
    "The Free Valley Movement claimed responsibility for sabotaging the pumps, a claim that could not be "
    "independently verified.\n"
    "The bridge was built in 1921 and painted green in 1980.\n"
    "Residents carried sandbags to the church.\n"
    "\"Who will pay for this?\" asked Lina Stro, a baker.\n"
)

RAID = (
    "Masked men raided a depot outside Korvel on Sunday night.\n"
    "“They knew exactly where the fuel was kept,” a guard told reporters. “It took them ten minutes.”\n"
    "Interior Minister Piet Varga blamed the Red Dawn Brigade for the raid.\n"
    "The Red Dawn Brigade denied any involvement in a message posted online.\n"
    "According to the regional police, four vehicles were stolen.\n"
    "The government said the raiders crossed the border from the east, claims that have not been "
    "corroborated.\n"
)


@pytest.fixture(scope="module")
def flood(analyzed):
    ctx = analyzed(FLOOD)
    return ctx, extract_statements(ctx)


@pytest.fixture(scope="module")
def raid(analyzed):
    ctx = analyzed(RAID)
    return ctx, extract_statements(ctx)


def _by_content(statements, needle):
    found = [s for s in statements if needle in s.content.text]
    assert found, f"no statement with {needle!r} in its content: {[s.content.text for s in statements]}"
    return found[0]


def _entity_named(ctx, name):
    return next(e.id for e in ctx.entities.entities if e.name == name)


def test_statements_ids_in_text_order(flood):
    _, sts = flood
    assert [s.id for s in sts] == [f"s{k}" for k in range(1, len(sts) + 1)]
    assert [s.content.start for s in sts] == sorted(s.content.start for s in sts)


def test_statements_spans_are_article_text(flood):
    ctx, sts = flood
    for s in sts:
        for span in (s.content, s.cue, s.speaker, *s.content_parts, *s.evidence):
            if span is not None:
                assert ctx.text[span.start:span.end] == span.text


def test_statements_split_quote_is_one_statement_with_parts(flood):
    ctx, sts = flood
    s = _by_content(sts, "We have never seen water this high")
    assert s.kind == "direct"
    assert [p.text for p in s.content_parts] == [
        "\"We have never seen water this high,\"", "\"The old bridge will not survive another storm.\""]
    assert s.content.start == s.content_parts[0].start and s.content.end == s.content_parts[-1].end
    assert s.speaker is not None and "Edda Morn" in s.speaker.text
    assert s.speaker.entity == _entity_named(ctx, "Edda Morn")
    assert s.cue is not None and s.cue.text == "said"


def test_statements_descriptor_speaker_resolves(flood):
    ctx, sts = flood
    s = _by_content(sts, "repairs would begin next month")
    assert s.kind == "indirect"
    assert s.speaker.text == "The 58-year-old"
    assert s.speaker.entity == _entity_named(ctx, "Edda Morn")


def test_statements_trailing_attribution_to_anonymous_officials(flood):
    _, sts = flood
    s = _by_content(sts, "Flooding closed the main bridge")
    assert s.speaker is not None and s.speaker.text == "officials" and s.speaker.anonymous
    assert "officials said" not in s.content.text


def test_statements_warning_by_anonymous_source(flood):
    _, sts = flood
    s = _by_content(sts, "the dam could fail")
    assert s.type == "warning"
    assert s.speaker.text == "A senior engineer" and s.speaker.anonymous and s.speaker.entity is None


def test_statements_claim_of_responsibility_unverified(flood):
    ctx, sts = flood
    s = _by_content(sts, "responsibility")
    assert s.type == "claim_of_responsibility"
    assert s.speaker.entity == _entity_named(ctx, "Free Valley Movement")
    assert s.corroboration == "unverified"
    assert s.corroboration_evidence.text == "a claim that could not be independently verified"
    # The remark about the claim is not a statement of its own.
    assert not any(x.content.text.startswith("that could not") for x in sts)


def test_statements_question(flood):
    _, sts = flood
    s = _by_content(sts, "Who will pay for this?")
    assert s.type == "question" and s.kind == "direct" and "Lina Stro" in s.speaker.text


@pytest.mark.parametrize("sentence", ["The bridge was built in 1921", "Residents carried sandbags"])
def test_statements_narration_is_not_a_statement(flood, sentence):
    _, sts = flood
    assert not any(sentence in s.content.text for s in sts)


def test_statements_curly_split_quote_anonymous_guard(raid):
    _, sts = raid
    s = _by_content(sts, "They knew exactly where the fuel was kept")
    assert s.kind == "direct" and len(s.content_parts) == 2
    assert s.speaker.text == "a guard" and s.speaker.anonymous and s.speaker.entity is None


def test_statements_accusation_and_denial(raid):
    ctx, sts = raid
    blame = next(s for s in sts if s.cue is not None and s.cue.text == "blamed")
    assert blame.type == "accusation"
    assert "Piet Varga" in blame.speaker.text
    assert "Red Dawn Brigade" in blame.content.text
    assert _entity_named(ctx, "Red Dawn Brigade") in blame.targets
    denial = next(s for s in sts if s.cue is not None and s.cue.text == "denied")
    assert denial.type == "denial" and "Red Dawn Brigade" in denial.speaker.text


def test_statements_according_to(raid):
    _, sts = raid
    s = _by_content(sts, "four vehicles were stolen")
    assert s.speaker is not None and "regional police" in s.speaker.text
    assert s.cue is not None and "according to" in s.cue.text.lower()


def test_statements_uncorroborated_government_claim(raid):
    _, sts = raid
    s = _by_content(sts, "the raiders crossed the border")
    assert s.speaker.text == "The government"
    assert s.corroboration == "uncorroborated"
    assert "claims that have not been corroborated" in s.corroboration_evidence.text
    assert "corroborated" not in s.content.text


def test_statements_removed_text_is_skipped(analyzed):
    text = "\"The road is open again,\" the mayor said.\nShare this article \"Click here,\" they said.\n"
    k = text.index("Share this article")
    ctx = analyzed(text, removed=((k, len(text) - 1),))
    sts = extract_statements(ctx)
    assert any("The road is open again" in s.content.text for s in sts)
    assert not any(s.content.end > k for s in sts)


def test_statements_without_entity_index_build_speakers(analyzed):
    import dataclasses

    ctx = dataclasses.replace(analyzed(FLOOD), entities=None)
    sts = extract_statements(ctx)
    s = _by_content(sts, "repairs would begin next month")
    assert s.speaker.text == "The 58-year-old" and s.speaker.entity is None
    assert s.targets == ()


def test_statements_empty_text(analyzed):
    assert extract_statements(analyzed("   \n")) == ()
