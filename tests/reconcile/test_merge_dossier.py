"""Reconciling hand-built records: choices with reasons, figure timelines, claims, responsibility,
contradictions, and the markdown a person reads."""
from __future__ import annotations

from newsdossier.reconcile.merge import reconcile
from newsdossier.reconcile.render import dossier_json, dossier_markdown
from newsdossier.records import (Article, ArticleRecord, Entity, Figure, Incident, IncidentDate, Location,
                                 Party, Responsibility, Span, Speaker, Statement)


def fig(lo, text, qualifier="exact", hi="same"):
    return Figure(min=lo, max=lo if hi == "same" else hi, qualifier=qualifier, text=text, start=0, end=len(text))


def record(aid, published, site, text, killed=None, city="Vellora", venue=None, date="2025-06-12",
           responsibility=(), statements=(), entities=(), types=("armed_assault",)):
    inc = Incident(id="i1", types=types, killed=killed,
                   date=IncidentDate(value=date, text="on Thursday", start=0, end=3, resolved_from="published"),
                   location=Location(name=city, city=city, venue=venue, country="Nordland"),
                   responsibility=responsibility)
    return ArticleRecord(article=Article(id=aid, source=aid, text=text, published=published, site=site),
                         incidents=(inc,), statements=statements, entities=entities)


def claim_statement(sid, speaker_entity, speaker_text, content, stype):
    return Statement(id=sid, kind="indirect", content=Span(start=0, end=len(content), text=content),
                     speaker=Speaker(start=0, end=1, text=speaker_text, entity=speaker_entity), type=stype)


FRONT = Entity(id="e1", name="Northern Front", type="group")
MINISTER = Entity(id="e2", name="Tomas Ek", type="person")
TEXT_A = "Gunmen attacked a market in Vellora on Thursday, killing at least 12 people, police said."
TEXT_B = "The death toll from Thursday's market attack in Vellora rose to 15, hospital officials said."
TEXT_C = "Interior minister Tomas Ek blamed a rival militia for the Vellora market attack on Friday."


def build():
    a = record("a", "2025-06-12", "one.test", TEXT_A, killed=fig(12, "at least 12", "at_least", None),
               statements=(claim_statement("s1", "e1", "The Northern Front", "responsibility for the market attack",
                                           "claim_of_responsibility"),),
               entities=(FRONT,),
               responsibility=(Responsibility(party=Party(text="The Northern Front", entity="e1"), how="claimed",
                                              statement="s1"),))
    b = record("b", "2025-06-13", "two.test", TEXT_B, killed=fig(15, "15"), venue="Central Market",
               statements=(claim_statement("s1", "e1", "the Northern Front", "responsibility for the attack on the market",
                                           "claim_of_responsibility"),),
               entities=(FRONT,))
    c = record("c", "2025-06-13", "three.test", TEXT_C, killed=fig(9, "nine"),
               statements=(claim_statement("s1", "e2", "Tomas Ek", "a rival militia", "accusation"),),
               entities=(MINISTER,),
               responsibility=(Responsibility(party=Party(text="a rival militia"), how="accused", by="e2"),))
    return reconcile("d1", [c, a, b])


def test_merge_figures_take_most_recent_and_keep_timeline():
    d = build()
    killed = next(f for f in d.fields if f.field == "killed")
    assert killed.reason == "most_recent" and len(killed.values) == 3
    assert [(p.published, p.min) for p in d.figures if p.kind == "killed"] == [
        ("2025-06-12", 12), ("2025-06-13", 15), ("2025-06-13", 9)]
    # Two reports of the same day: the larger, more specific count wins the tie.
    assert d.incident.killed.min == 15 and killed.value == "15"


def test_merge_location_most_specific_and_date_most_sources():
    d = build()
    loc = next(f for f in d.fields if f.field == "location")
    assert loc.reason == "most_specific" and "Central Market" in loc.value
    date = next(f for f in d.fields if f.field == "date")
    assert date.value == "2025-06-12" and date.agreeing_sources == 3


def test_merge_claims_grouped_across_articles():
    d = build()
    claim = next(c for c in d.claims if c.type == "claim_of_responsibility")
    assert claim.independent_sources == 2 and {s.article for s in claim.sources} == {"a", "b"}
    assert claim.speakers == ("Northern Front",)


def test_merge_responsibility_matrix_and_contradiction():
    d = build()
    assert {(c.party, c.how, c.by) for c in d.responsibility} == {
        ("Northern Front", "claimed", "Northern Front"), ("a rival militia", "accused", "Tomas Ek")}
    kinds = {(c.kind, c.field) for c in d.contradictions}
    assert ("responsibility", "responsibility") in kinds
    # 15 and 9 on the same day from different sources cannot both be right.
    assert ("figure", "killed") in kinds


def test_merge_revision_upward_is_not_a_contradiction():
    a = record("a", "2025-06-12", "one.test", TEXT_A, killed=fig(12, "at least 12", "at_least", None))
    b = record("b", "2025-06-13", "two.test", TEXT_B, killed=fig(15, "15"))
    d = reconcile("d2", [a, b])
    assert d.contradictions == ()
    assert d.independent_sources == 2


def test_merge_without_incidents():
    r = ArticleRecord(article=Article(id="x", source="x", text="Nothing happened in Halvik today."))
    d = reconcile("d3", [r])
    assert d.incident is None and d.articles == ("x",) and all(f.value is None for f in d.fields)


def test_render_json_and_markdown():
    d = build()
    out = dossier_json(d)
    for key in ("id", "articles", "incident", "figures", "claims", "contradictions"):
        assert key in out
    assert set(out["incident"]) >= {"types", "date", "location", "killed", "injured", "responsibility"}
    md = dossier_markdown(d)
    assert md.startswith("# Dossier d1") and "Contradictions" in md and "Tomas Ek" in md
    assert "| killed | 2025-06-12 | 12+ | at least 12 |" in md


def test_merge_figures_with_only_an_upper_bound():
    a = record("a", "2025-06-12", "one.test", TEXT_A, killed=fig(None, "up to 20", "at_most", 20))
    b = record("b", "2025-06-13", "two.test", TEXT_B, killed=fig(15, "15"))
    d = reconcile("d4", [a, b])
    killed = next(f for f in d.fields if f.field == "killed")
    assert [v.value for v in killed.values] == ["<=20", "15"] and killed.value == "15"
