"""Migration 0003 on each backend: coordinates and values in force on dossier rows (a correction
shows there), lists as JSON arrays, full-text search over articles and statements, the migration
back-filling a store made before it, and dossiers read in batches."""
from __future__ import annotations

import json

import sqlalchemy as sa

from newsdossier.records import (Article, ArticleRecord, Figure, Filler, Incident, IncidentDate, Location,
                                 Span, Statement)
from newsdossier.store import Store, schema
from newsdossier.store.fulltext import search_articles, search_statements

DEPOT = ("Attackers set fire to the main bus depot in Ballarat on Friday night, killing two people, police said. "
         "\"Nobody who works here deserved this,\" said a driver.")
FLOOD = "The river Tamsel burst its banks at Oskerville on Sunday, and volunteers carried sandbags to the mill."


def depot(aid: str = "depot-1") -> ArticleRecord:
    quote = DEPOT.index("Nobody")
    return ArticleRecord(
        article=Article(id=aid, source=f"{aid}.txt", title="Bus depot fire in Ballarat", text=DEPOT,
                        published="2025-10-18"),
        statements=(Statement(id="s1", kind="direct", content=Span.at(DEPOT, quote, quote + 38)),),
        incidents=(Incident(
            id="i1", types=("facility_infrastructure_attack", "armed_assault"),
            date=IncidentDate(value="2025-10-17", text="on Friday", start=54, end=63, precision="day"),
            location=Location(name="Ballarat", city="Ballarat", country="Australia", country_code="AU",
                              lat=-37.56622, lon=143.84957, precision="town"),
            perpetrator_organizations=(Filler(text="the Ashen Road Collective"),),
            killed=Figure(min=2, max=2, text="two people", start=80, end=90)),))


def flood() -> ArticleRecord:
    return ArticleRecord(article=Article(id="flood-1", source="flood-1.txt", text=FLOOD, published="2025-10-01"))


def test_db_columns_for_maps_and_facets(db_url):
    with Store(db_url) as store:
        store.add([depot(), flood()])
        did = store.dossier("depot-1").id
        with store.engine.connect() as conn:
            d = conn.execute(sa.select(schema.dossiers).where(schema.dossiers.c.id == did)).one()
            i = conn.execute(sa.select(schema.incidents)).one()
        assert (d.latitude, d.longitude, d.country, d.country_code, d.city, d.date) == (
            -37.56622, 143.84957, "Australia", "AU", "Ballarat", "2025-10-17")
        assert json.loads(d.types) == ["facility_infrastructure_attack", "armed_assault"]
        assert json.loads(d.perpetrators) == ["Ashen Road Collective"] and d.killed == 2
        assert (i.latitude, i.longitude, i.country) == (-37.56622, 143.84957, "Australia")
        assert json.loads(i.types) == ["facility_infrastructure_attack", "armed_assault"]
        store.add_correction(did, "killed", 3, who="desk")
        with store.engine.connect() as conn:
            row = conn.execute(sa.select(schema.dossiers.c.killed, schema.dossiers.c.summary)
                               .where(schema.dossiers.c.id == did)).one()
        assert row.killed == 3 and "killed 3 people" in row.summary


def test_db_fulltext_search(db_url):
    with Store(db_url) as store:
        store.add([depot(), flood()])
        hits = search_articles(store, "depot fire")
        assert [h.article for h in hits] == ["depot-1"]
        assert "[" in hits[0].snippet and hits[0].title == "Bus depot fire in Ballarat"
        assert [h.article for h in search_articles(store.engine, "sandbags")] == ["flood-1"]
        assert [h.article for h in search_articles(store, '"depot* (')] == ["depot-1"] and search_articles(store, "  ") == []
        assert search_articles(store, "volcano") == []
        assert [h.article for h in search_statements(store, "deserved")] == ["depot-1"]
        # the index follows updates: a new version of the article replaces the old text
        changed = depot().model_copy(update={"article": depot().article.model_copy(
            update={"text": DEPOT.replace("Attackers", "Arsonists")})})
        store.add([changed])
        assert [h.article for h in search_articles(store, "arsonists")] == ["depot-1"]
        assert search_articles(store, "attackers") == []


def test_db_migration_0003_backfills_an_older_store(db_url, monkeypatch):
    # a store without 0003 (the grouping index that today's Store.add needs is kept)
    monkeypatch.setattr(schema, "MIGRATIONS", [m for m in schema.MIGRATIONS if m[0] != "0003_datasette"])
    with Store(db_url) as store:
        store.add([depot(), flood()])
        with store.engine.begin() as conn:       # the layout before 0003: no such columns, types comma-joined
            for table, cols in schema.COLUMNS_0003.items():
                for col in cols:
                    conn.exec_driver_sql(f'ALTER TABLE {table} DROP COLUMN "{col}"')
            conn.exec_driver_sql("UPDATE incidents SET types = 'facility_infrastructure_attack,armed_assault'")
    monkeypatch.undo()
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            d = conn.execute(sa.select(schema.dossiers.c.latitude, schema.dossiers.c.types)
                             .where(schema.dossiers.c.id == store.dossier("depot-1").id)).one()
            i = conn.execute(sa.select(schema.incidents.c.types, schema.incidents.c.longitude)).one()
            names = [r.name for r in conn.execute(sa.select(schema.migrations.c.name))]
        assert d.latitude == -37.56622 and json.loads(d.types)[0] == "facility_infrastructure_attack"
        assert json.loads(i.types) == ["facility_infrastructure_attack", "armed_assault"] and i.longitude == 143.84957
        assert "0003_datasette" in names
        assert [h.article for h in search_articles(store, "sandbags")] == ["flood-1"]


def test_db_dossiers_read_in_batches(db_url):
    with Store(db_url) as store:
        store.add([depot(), flood()])
        assert [d.id for d in store.dossiers(batch_size=1)] == [d.id for d in store.dossiers()]
        assert len(list(store.dossiers(batch_size=1))) == 2
        assert {r.article.id for r in store.articles_of(["flood-1", "missing"])} == {"flood-1"}
