"""Extraction runs spaCy in memory zones: past the words a process keeps for good (KEPT_STRINGS), the
words of past articles do not stay in the string store, and the records are the same whatever the
zones' size, with or without zones."""
import pytest

from newsdossier.analyze import pipeline as analysis
from newsdossier.pipeline import extract_records
from newsdossier.records import Article, Failure

pytestmark = pytest.mark.model

# Invented surnames, one per article, that no model vocabulary holds.
NAMES = ("Quorrimbleth", "Vastrelloway", "Plindequarth", "Morvacrindle", "Zelthowarren", "Triskabollen")


def _articles():
    out = []
    for i, name in enumerate(NAMES):
        out.append(Article(id=f"a{i}", source=f"a{i}.txt", text=(
            f"Gunmen shot {i + 2} people at a market in Vellora on Monday, police said.\n\n"
            f"\"We heard the shots and ran,\" said Edda {name}, a trader. Inspector Halvard {name} "
            f"said the attackers fled in a grey van.\n")))
    out.insert(3, Failure(source="broken.txt", reason="not an article"))
    return out


def test_memory_zone_words_of_past_articles_leave_the_string_store(settings, monkeypatch):
    monkeypatch.setattr(analysis, "ZONE_ARTICLES", 2)
    monkeypatch.setattr(analysis, "KEPT_STRINGS", 0)
    nlp = analysis.load_pipeline(settings.model)
    records = list(extract_records(_articles(), settings))
    assert [getattr(r, "source", None) or r.article.source for r in records][3] == "broken.txt"
    assert any(name in r.article.text for r in records if not isinstance(r, Failure) for name in NAMES)
    # Without memory zones every new surname would stay in the store for the life of the process.
    assert not any(name in nlp.vocab.strings for name in NAMES)
    assert not nlp.vocab.in_memory_zone


def test_memory_zone_first_words_are_kept_up_to_a_bound_then_zones_free_the_rest(settings, monkeypatch):
    monkeypatch.setattr(analysis, "ZONE_ARTICLES", 2)
    nlp = analysis.load_pipeline(settings.model)
    # Whatever earlier tests kept, one more string may be kept: the first group of two articles
    # goes outside any zone (and keeps its words), the store is then over the bound, and every
    # later group runs in a zone that frees its words.
    grown = len(nlp.vocab.strings) - analysis._LOADED_STRINGS[id(nlp)]
    monkeypatch.setattr(analysis, "KEPT_STRINGS", max(grown, 0) + 1)
    records = list(extract_records(_articles(), settings))
    assert len(records) == len(NAMES) + 1
    assert all(name in nlp.vocab.strings for name in NAMES[:2])
    assert not any(name in nlp.vocab.strings for name in NAMES[2:])
    size = len(nlp.vocab.strings)
    list(extract_records(_articles(), settings))
    assert len(nlp.vocab.strings) == size  # over the bound, nothing more is kept
    assert not nlp.vocab.in_memory_zone


def test_memory_zone_size_does_not_change_the_records(settings, monkeypatch):
    monkeypatch.setattr(analysis, "KEPT_STRINGS", 0)
    monkeypatch.setattr(analysis, "ZONE_ARTICLES", 1)
    small = [r.to_json() if not isinstance(r, Failure) else r for r in extract_records(_articles(), settings)]
    monkeypatch.setattr(analysis, "ZONE_ARTICLES", 1000)
    large = [r.to_json() if not isinstance(r, Failure) else r for r in extract_records(_articles(), settings)]
    assert small == large
    # Nor do words kept for good (no zone at all) change them.
    monkeypatch.setattr(analysis, "KEPT_STRINGS", 10**9)
    kept = [r.to_json() if not isinstance(r, Failure) else r for r in extract_records(_articles(), settings)]
    assert kept == small
    assert any(s["statements"] for s in small if isinstance(s, dict))


def test_memory_zone_inside_a_callers_zone_is_not_nested(settings):
    nlp = analysis.load_pipeline(settings.model)
    with nlp.memory_zone():
        records = list(extract_records(_articles()[:2], settings))
        assert nlp.vocab.in_memory_zone
    assert len(records) == 2 and not nlp.vocab.in_memory_zone


def test_memory_zone_lemma_cache_is_emptied_past_its_bound_and_lemmas_stay(settings, monkeypatch):
    # Every new name of a feed is a new (word, POS, morphology) for the lemmatizer's memo: bounded,
    # or memory grows with the names a process has ever read.
    monkeypatch.setattr(analysis, "ZONE_ARTICLES", 2)
    monkeypatch.setattr(analysis, "KEPT_STRINGS", 0)
    nlp = analysis.load_pipeline(settings.model)
    cache = nlp.get_pipe("lemmatizer").cache
    before = [r.to_json() for r in extract_records(_articles(), settings) if not isinstance(r, Failure)]
    monkeypatch.setattr(analysis, "LEMMA_CACHE", 10)
    after = [r.to_json() for r in extract_records(_articles(), settings) if not isinstance(r, Failure)]
    assert len(cache) <= 10
    assert after == before
