"""One text in `Context`: extractors read the article with boilerplate blanked, and records quote
the article's own words, never the boilerplate around them."""
from __future__ import annotations

import pytest

from newsdossier.extract import extract_article
from newsdossier.records import Article, Span

TEXT = ("Advertisement\n\n"
        "Two men were killed and three people were wounded when a gunman opened fire outside a bakery "
        "in Tollerby on Saturday, police said.\n\n"
        "Share this story \"We will not be silenced,\" the group said.\n\n"
        "Detective Anna Rusk said the gunman fled in a grey car.\n\n"
        "Advertisement\n\n"
        "\"We are asking anyone who saw the car to call us,\" Rusk said.")


def _spans(value):
    """Every record span (start, end, text) in a record, walked as plain data."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
            yield value
        for v in value.values():
            yield from _spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from _spans(v)


@pytest.mark.model
def test_records_quote_the_article_and_never_its_boilerplate(analyzed, settings):
    removed = [(m, m + len("Advertisement")) for m in (0, TEXT.index("Advertisement", 5))]
    removed.append((TEXT.index("Share this story"), TEXT.index("Detective") - 2))
    ctx = analyzed(TEXT, removed=tuple(removed))
    assert ctx.text[:13] == " " * 13 and ctx.article.text == TEXT  # one text to read, one to quote
    record = extract_article(ctx.article, ctx.doc, settings).model_dump(mode="json")
    spans = [s for s in _spans({k: v for k, v in record.items() if k != "article"})]
    assert spans
    for s in spans:
        assert TEXT[s["start"]:s["end"]] == s["text"]
        assert not any(rs <= s["start"] < re or rs < s["end"] <= re for rs, re in removed), s
    said = [st["content"]["text"] for st in record["statements"]]
    assert not any("silenced" in c for c in said)
    assert any("anyone who saw the car" in c for c in said)


def test_span_trims_a_range_that_reaches_into_blanked_text(analyzed):
    ctx = analyzed(TEXT, removed=((0, 13),))
    start = TEXT.index("Two men")
    assert ctx.span(0, start + 7) == Span.at(TEXT, start, start + 7)
    # a range in plain text is quoted as it is, spaces and all
    assert ctx.span(start - 2, start + 3).text == "\n\nTwo"
