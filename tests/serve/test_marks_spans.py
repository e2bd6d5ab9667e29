"""Evidence marks on the article page: nested and crossing spans, one id per span, text escaped;
figure labels with their qualifier; links only to http(s)."""
from __future__ import annotations

import html as htmllib
import re

import pytest
from lxml import html

from newsdossier.serve.marks import marked_text
from newsdossier.serve.spans import Marked, figure_label
from newsdossier.serve.views import safe_url

TEXT = 'Police said <b>"at least 12"</b> died & 30 were hurt.'


def marks(spans) -> tuple[str, object]:
    out = str(marked_text(TEXT, [Marked(s, e, "figure", f"t{s}") for s, e in spans]))
    return out, html.fragment_fromstring(out, create_parent="div")


def test_marks_text_is_escaped_and_unchanged():
    out, tree = marks([(0, 6)])
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert tree.text_content() == TEXT


@pytest.mark.parametrize("spans", [
    [(0, 6), (12, 40)],              # apart
    [(0, 26), (7, 11), (12, 26)],    # nested
    [(0, 16), (7, 30)],              # crossing: the second is cut where the first ends
    [(5, 20), (5, 20), (5, 12)],     # the same span twice, and one inside it
    [(0, len(TEXT)), (10, 20), (15, 40), (30, 45)],
])
def test_marks_every_span_has_its_id_where_it_starts(spans):
    out, tree = marks(spans)
    assert tree.text_content() == TEXT
    for s, e in spans:
        assert len(tree.xpath(f'//mark[@id="span-{s}-{e}"]')) == 1
        # the mark opens exactly where the span starts in the article's text
        before = out[:out.index(f'<mark id="span-{s}-{e}"')]
        assert len(htmllib.unescape(re.sub(r"<[^>]+>", "", before))) == s
    assert len(re.findall(r"<mark", out)) == len(re.findall(r"</mark>", out))


def test_marks_spans_outside_the_text_are_ignored_by_evidence():
    from newsdossier.records import Article, ArticleRecord, Incident, Figure
    from newsdossier.serve.spans import evidence

    text = "Nine people died."
    inc = Incident(id="i1", killed=Figure(min=9, max=9, text="Nine people", start=0, end=11),
                   injured=Figure(min=2, max=2, text="two", start=40, end=43))
    got = evidence(ArticleRecord(article=Article(id="a", source="a", text=text), incidents=(inc,)))
    assert [(m.start, m.end) for m in got] == [(0, 11)]


@pytest.mark.parametrize("args, label", [
    ((133, None, "at_least"), "at least 133"), ((139, 139, "exact"), "139"), ((10, 12, "exact"), "10–12"),
    ((24, None, "dozens"), "dozens (24+)"), ((None, 5, "at_most"), "at most 5"), ((3, None, "more_than"), "more than 3"),
])
def test_figure_labels_keep_the_qualifier(args, label):
    assert figure_label(*args) == label


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,x", False), ("//example.org", False), (None, False),
])
def test_only_http_urls_become_links(url, ok):
    assert (safe_url(url) is not None) == ok
