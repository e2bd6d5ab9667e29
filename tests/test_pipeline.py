"""The orchestrator end to end: never raises on any text, offsets always point into the text."""
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from newsdossier.pipeline import extract_records
from newsdossier.records import Article, ArticleRecord, Failure

pytestmark = pytest.mark.model

WORDS = st.sampled_from([
    "Gunmen", "killed", "at least", "12", "dozens", "people", "said", "police", "“", "”", '"', ",",
    ".", "\n", "on Friday", "the minister", "He", "claimed", "responsibility", "bomb", "in Moscow",
    "Islamic State", "according to", "officials", "–", "ا", "🙂", "\x00", "  ", "100,000", "O'Neil",
])


def _spans(obj, path="$"):
    """Every {start, end, text} span in a record, with where it is."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("start"), int):
            yield path, obj
        for key, value in obj.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _spans(value, f"{path}[{i}]")


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)))
def test_pipeline_never_raises_and_spans_point_into_text(settings, text):
    items = list(extract_records([Article(id="p", source="p", text=text, published="2024-03-26")], settings))
    assert len(items) == 1
    record = items[0]
    if isinstance(record, Failure):
        return
    assert isinstance(record, ArticleRecord)
    data = record.to_json()
    for where, span in _spans(data):
        assert text[span["start"]:span["end"]] == span["text"], where


def test_pipeline_extractor_bug_on_one_article_is_a_failure_and_the_batch_goes_on(settings):
    from newsdossier import registry

    @registry.extractors.register("test_crashes_on_boom.v1")
    def crashes(ctx):
        if "boom" in ctx.text:
            raise IndexError("list index out of range")
        return ()

    broken = settings.with_(statements_extractor="test_crashes_on_boom.v1")
    articles = [Article(id=str(i), source=f"a{i}.txt", text=t)
                for i, t in enumerate(["Police said all was calm.", "A boom was heard.", "Officials said so."])]
    items = list(extract_records(articles, broken))
    assert [type(i).__name__ for i in items] == ["ArticleRecord", "Failure", "ArticleRecord"]
    assert items[1].source == "a1.txt" and "IndexError" in items[1].reason


@pytest.mark.parametrize("text", [
    '"' * 3000,                                                     # a space-less run of quote marks
    " ".join(str(7 * i % 997) for i in range(1500)),                # numbers, no sentence end
    "the convoy moved slowly past the old mill and " * 150,         # one 7,000-character sentence
    "Dana Rooke said it. She left. The minister, Ivo Osk, agreed.\n" * 60,  # names over and over
], ids=["quote-marks", "numbers", "endless-sentence", "repeated-names"])
def test_pipeline_pathological_text_of_modest_size_gives_a_record(settings, text):
    [record] = list(extract_records([Article(id="p", source="p", text=text)], settings))
    assert isinstance(record, ArticleRecord) and record.article.text == text
    for where, span in _spans(record.to_json()):
        assert text[span["start"]:span["end"]] == span["text"], where
