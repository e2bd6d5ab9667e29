"""Undated articles in a dossier: their values are chosen and carried into the merged incident
(an undated article sorts as the oldest, it is not left out)."""
from __future__ import annotations

from newsdossier.reconcile.merge import reconcile
from newsdossier.records import Article, ArticleRecord, Figure, Incident, Location


def _record(aid, published, killed, types, city):
    figure = Figure(min=killed, max=killed, qualifier="exact", text=str(killed), start=0, end=2)
    inc = Incident(id="i1", types=types, killed=figure, location=Location(name=city, city=city))
    text = f"A blast in {city} killed {killed} people, officials said."
    return ArticleRecord(article=Article(id=aid, source=aid, text=text, published=published), incidents=(inc,))


def test_merge_single_undated_article_fills_the_incident():
    d = reconcile("d1", [_record("u", None, 7, ("bombing_explosion",), "Tarnby")])
    assert d.incident.types == ("bombing_explosion",)
    assert d.incident.killed.min == 7 and d.incident.location.city == "Tarnby"


def test_merge_value_only_an_undated_article_gives_is_still_taken():
    dated = _record("a", "2025-03-02", 4, ("armed_assault",), "Tarnby")
    undated = _record("b", None, 9, ("armed_assault",), "Tarnby")
    # most_recent picks the dated 4; "types" agrees; and when the undated one is the only one with
    # a figure, its figure is the incident's.
    d = reconcile("d1", [dated, undated])
    assert d.incident.killed.min == 4
    no_figure = dated.model_copy(update={"incidents": (dated.incidents[0].model_copy(update={"killed": None}),)})
    d = reconcile("d2", [no_figure, undated])
    killed = next(f for f in d.fields if f.field == "killed")
    assert killed.value == "9" and d.incident.killed is not None and d.incident.killed.min == 9
