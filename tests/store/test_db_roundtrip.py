"""Property tests: record -> row -> record gives the record back, in memory and through each backend."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from newsdossier.records import (Article, ArticleRecord, Entity, Figure, Incident, IncidentDate, Location,
                                 Mention, Party, Responsibility, Span, Speaker, Statement)
from newsdossier.store import Store
from newsdossier.store.db import new_counts, record_to_row, row_to_record

text = st.text(min_size=1, max_size=200)
small = st.integers(min_value=0, max_value=10_000)
maybe_text = st.none() | st.text(max_size=40)


@st.composite
def records(draw) -> ArticleRecord:
    body = draw(text)
    span = lambda: draw(st.builds(lambda s, e: Span.at(body, min(s, e) % (len(body) + 1), max(s, e) % (len(body) + 1)),
                                  small, small))
    article = Article(id=draw(st.text(min_size=1, max_size=40)), source=draw(st.text(min_size=1, max_size=60)),
                      url=draw(maybe_text), title=draw(maybe_text), site=draw(maybe_text),
                      published=draw(st.none() | st.dates().map(str)), text=body,
                      removed=tuple(span() for _ in range(draw(st.integers(0, 2)))))
    entities = tuple(Entity(id=f"e{n}", name=draw(text), type=draw(st.sampled_from(["person", "group", "country"])),
                            aliases=tuple(draw(st.lists(text, max_size=2))),
                            mentions=(Mention(**span().model_dump(), kind="name"),))
                     for n in range(draw(st.integers(0, 2))))
    statements = tuple(Statement(id=f"s{n}", kind="indirect", content=span(),
                                 speaker=Speaker(start=0, end=0, text="", entity=None, anonymous=draw(st.booleans())),
                                 type=draw(st.sampled_from(["accusation", "claim_of_responsibility", "other"])))
                       for n in range(draw(st.integers(0, 2))))
    figure = draw(st.none() | st.builds(lambda lo, hi: Figure(min=lo, max=hi, qualifier="at_least", text="x",
                                                              start=0, end=1), st.none() | small, st.none() | small))
    incidents = tuple(Incident(
        id=f"i{n}", types=tuple(draw(st.lists(st.sampled_from(["armed_assault", "bombing_explosion"]),
                                             max_size=2, unique=True))),
        date=IncidentDate(value=draw(st.none() | st.dates().map(str)), text="t", start=0, end=1),
        location=Location(name=draw(text), lat=draw(st.none() | st.floats(-90, 90)),
                          lon=draw(st.none() | st.floats(-180, 180))),
        killed=figure,
        responsibility=(Responsibility(party=Party(text=draw(text)), how="claimed"),))
        for n in range(draw(st.integers(0, 2))))
    return ArticleRecord(article=article, entities=entities, statements=statements, incidents=incidents)


@given(records())
@settings(max_examples=150, deadline=None)
def test_db_record_row_record_roundtrip(record):
    assert row_to_record(record_to_row(record)) == record


@given(records())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_db_record_roundtrip_through_store(db_url, record):
    with Store(db_url) as store:
        store._write_batch([record], new_counts(), None)
        assert store.article(record.article.id) == record or store.counts()["article_aliases"] > 0
