"""Analysis stays linear and bounded on pathological texts: pieces cut inside endless "sentences"
and space-less runs, spaCy given a bounded amount at a time, and a time budget per article."""
import re

import pytest
from hypothesis import given, strategies as st

from newsdossier.analyze import budget
from newsdossier.analyze.pipeline import (PIECE_TOKENS, SENTENCE_CHARS, WORD_CHARS, analyze, estimate_tokens,
                                          load_pipeline, split_text)
from newsdossier.pipeline import extract_records
from newsdossier.records import Article, ArticleRecord, Failure

PROSE = ("Gunmen attacked a checkpoint near Dorvik on Monday, killing two guards, officials said. "
         "\"We heard shots for an hour,\" said Mara Lind, who runs a bakery nearby.\n\n")


@given(st.text(alphabet=st.sampled_from('ab c\n."'), max_size=2000), st.integers(100, 400),
       st.integers(20, 80), st.integers(3, 15), st.integers(1, 60))
def test_pipeline_split_text_bounds_sentences_runs_and_tokens(text, size, sentence_chars, word_chars, tokens):
    pieces = split_text(text, size, sentence_chars=sentence_chars, word_chars=word_chars, max_tokens=tokens)
    assert "".join(pieces) == text
    for piece in pieces:
        assert len(piece) <= size and estimate_tokens(piece) <= tokens
        assert all(len(m.group()) <= sentence_chars for m in re.finditer(r"[^.!?\n]+", piece))
        assert all(len(m.group()) <= word_chars for m in re.finditer(r"\S+", piece))


def test_pipeline_split_text_leaves_news_text_whole():
    text = PROSE * 600  # about 95,000 characters of ordinary sentences
    assert split_text(text, 100_000) == [text]


def test_pipeline_split_text_cuts_token_dense_text_smaller():
    text = "! " * 45_000  # 90,000 characters, 45,000 tokens
    pieces = split_text(text, 100_000)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(estimate_tokens(p) <= PIECE_TOKENS for p in pieces)


def test_pipeline_split_text_cuts_an_endless_sentence_at_spaces():
    text = "and the convoy moved on " * 1000
    pieces = split_text(text, 100_000)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(p) <= SENTENCE_CHARS and p.endswith(" ") for p in pieces[:-1])


@pytest.mark.model
def test_pipeline_tokenizer_work_is_linear_on_a_run_of_quote_marks(settings, monkeypatch):
    """spaCy strips a space-less run's affixes one at a time, searching what is left each time:
    the characters its suffix search reads grow with the square of a run's length. Counted here
    (not timed) on 4,000 quote marks: within WORD_CHARS per character, not 2,000 per character."""
    nlp = load_pipeline(settings.model)
    search = nlp.tokenizer.suffix_search
    read = []

    def counting(string):
        read.append(len(string))
        return search(string)

    monkeypatch.setattr(nlp.tokenizer, "suffix_search", counting)  # setting it also empties spaCy's cache
    text = '"' * 4000
    [(article, doc)] = list(analyze([Article(id="q", source="q", text=text)], settings))
    assert doc.text == text and len(doc) == 4000
    assert sum(read) <= WORD_CHARS * len(text)


@pytest.mark.model
def test_pipeline_spacy_gets_a_bounded_amount_at_a_time(settings, monkeypatch):
    nlp = load_pipeline(settings.model)
    pipe = nlp.pipe
    given_chars = []

    def recording(texts, **kwargs):
        texts = list(texts)
        given_chars.append(sum(len(t[0] if kwargs.get("as_tuples") else t) for t in texts))
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording)
    small = settings.with_(chunk_chars=2000)
    text = PROSE * 60  # about 9,000 characters
    items = list(analyze([Article(id="a", source="a.txt", text=text),
                          Article(id="b", source="b.txt", text=PROSE)], small))
    assert [i[0].id for i in items] == ["a", "b"] and items[0][1].text == text
    assert max(given_chars) <= 2000  # a batch is run before it would pass chunk_chars


@pytest.fixture
def ticking_clock(monkeypatch):
    """A budget clock that advances one 'second' each time it is read, so that an article's cost
    grows with the checks its length brings (deterministic, unlike real time)."""
    ticks = iter(range(10**9))
    monkeypatch.setattr(budget, "clock", lambda: float(next(ticks)))


@pytest.mark.model
def test_pipeline_article_over_its_budget_is_a_failure_and_the_next_one_goes_on(settings, ticking_clock):
    long_text = PROSE * 60  # many paragraphs: a budget check for each
    articles = [Article(id="long", source="long.txt", text=long_text),
                Article(id="short", source="short.txt", text=PROSE),
                Failure(source="bad.txt", reason="cannot be read")]
    items = list(extract_records(articles, settings.with_(article_seconds=40)))
    assert [type(i).__name__ for i in items] == ["Failure", "ArticleRecord", "Failure"]
    assert items[0].source == "long.txt" and "article_seconds" in items[0].reason
    assert "stopped during" in items[0].reason
    assert isinstance(items[1], ArticleRecord) and items[1].article.id == "short"
    assert items[2].source == "bad.txt"


@pytest.mark.model
def test_pipeline_budget_stops_an_article_between_batches_of_its_analysis(settings, ticking_clock, monkeypatch):
    nlp = load_pipeline(settings.model)
    pipe = nlp.pipe
    batches = []

    def recording(texts, **kwargs):
        texts = list(texts)
        batches.append(len(texts))
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording)
    tight = settings.with_(chunk_chars=1000, article_seconds=3)
    text = PROSE * 30  # about 20 pieces of 1,000 characters
    items = list(analyze([Article(id="a", source="a.txt", text=text),
                          Article(id="b", source="b.txt", text="Police said all was calm.")], tight))
    assert isinstance(items[0], Failure) and "during analysis" in items[0].reason
    assert items[1][0].id == "b"
    assert len(batches) < 10  # the rest of the long article's pieces were never analysed


@pytest.mark.model
def test_pipeline_short_articles_are_batched_up_to_batch_tokens(settings, monkeypatch):
    from newsdossier.analyze import pipeline as analysis

    nlp = load_pipeline(settings.model)
    pipe = nlp.pipe
    given_tokens = []

    def recording(texts, **kwargs):
        texts = list(texts)
        given_tokens.append(sum(estimate_tokens(t) for t in texts))
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording)
    monkeypatch.setattr(analysis, "BATCH_TOKENS", 60)
    articles = [Article(id=str(i), source=f"{i}.txt", text=PROSE) for i in range(6)]
    items = list(analyze(articles, settings))
    assert [i[0].id for i in items] == [str(i) for i in range(6)]
    assert len(given_tokens) > 1 and max(given_tokens) <= max(60, estimate_tokens(PROSE))
