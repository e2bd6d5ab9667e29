"""Incremental grouping through the store: dossier ids are stable across ingests, a new article is
compared only with candidates from the index, and a store without an index builds one; on each
backend."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import sqlalchemy as sa

from newsdossier.records import Article, ArticleRecord
from newsdossier.reconcile.features import features
from newsdossier.store import Store, schema
from newsdossier.store.grouping_index import GroupIndex

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus  # noqa: E402


def records(rows) -> list[ArticleRecord]:
    return [ArticleRecord(article=Article(id=r["id"], source=r["id"], text=r["text"], published=r["published"],
                                          input_format="jsonl")) for r in rows]


def partition(store: Store) -> dict[str, str]:
    return {a: d.id for d in store.dossiers() for a in d.articles}


# Four invented incidents, two or three reports each, in the order a feed would bring them.
REPORTS = [
    ("bridge", "2024-04-02", "A pipe bomb went off under the Harrowgate footbridge in Brinmoor on Monday night, "
     "injuring two cyclists, Wren Halloway and Tobin Acheson, police said. The bridge was closed."),
    ("depot", "2024-04-03", "Arsonists set fire to three buses at the Kestrel Lane depot in Oskerville early "
     "Tuesday. Fire crews saved the workshop; nobody was hurt, the transit authority said."),
    ("bridge", "2024-04-03", "Brinmoor detectives said the device that exploded beneath the Harrowgate footbridge "
     "was packed with nails. Wren Halloway remains in hospital; Tobin Acheson was sent home."),
    ("abduction", "2024-04-04", "Gunmen seized the headmaster of the Larchfield school, Ansel Marrick, from his car "
     "on the coast road near Halvik on Wednesday and demanded a ransom, his family said."),
    ("depot", "2024-04-05", "Oskerville police arrested a man over Tuesday's bus fires at the Kestrel Lane depot; "
     "investigators said petrol had been poured under three of the vehicles."),
    ("raid", "2024-04-06", "Masked men armed with hammers raided the Quillon jewellery shop on Saffron Street in "
     "Tarnby on Friday and wounded the owner, Ilse Vandermeer, before escaping on motorbikes."),
    ("abduction", "2024-04-07", "Ansel Marrick, the Larchfield headmaster kidnapped near Halvik, was released "
     "unharmed on Saturday after talks led by local elders, police said. No ransom was paid."),
    ("raid", "2024-04-08", "Ilse Vandermeer, the owner of the Quillon jewellery shop in Tarnby, described the "
     "hammer raid on Saffron Street from her hospital bed on Monday."),
    ("bridge", "2024-04-20", "A man was charged on Friday over the Harrowgate footbridge bombing in Brinmoor that "
     "injured Wren Halloway and Tobin Acheson."),
]


def corpus() -> list[dict]:
    return [{"id": f"{kind}-{n}", "incident": kind, "published": day, "text": text}
            for n, (kind, day, text) in enumerate(REPORTS)]


def test_db_dossier_ids_stable_across_ingests(db_url):
    rows = corpus()
    first, second = rows[:5], rows[5:]
    with Store(db_url) as store:
        store.add(records(first))
        seen = partition(store)
        store.add(records(second))
        now = partition(store)
        # every id printed after the first ingest still names a dossier holding the same articles
        for article, dossier in seen.items():
            assert now[article] == dossier
            assert store.dossier(dossier).id == dossier
        # each invented incident is one dossier, and no dossier mixes two
        by_incident: dict[str, set] = {}
        for r in rows:
            by_incident.setdefault(r["incident"], set()).add(now[r["id"]])
        assert all(len(ids) == 1 for ids in by_incident.values())
        assert len({next(iter(ids)) for ids in by_incident.values()}) == len(by_incident)


def test_db_new_article_meets_only_candidates(tmp_path):
    # forty look-alike shootings spread over two years, each with its own victim, as a store fills up
    starts, ends = ["Ab", "Bel", "Cor", "Dun", "Ev", "Fal", "Gor", "Hal"], ["rick", "wood", "ston", "mere", "by"]
    rows = []
    for k in range(40):
        victim = f"Nolan {starts[k % 8]}{ends[k // 8]}"
        day = dt.date(2022, 1, 1) + dt.timedelta(days=18 * k)
        for n in range(2):
            rows.append({"id": f"inc{k:02d}-a{n}", "incident": f"inc{k:02d}",
                         "published": (day + dt.timedelta(days=n)).isoformat(),
                         "text": (f"Police in Tarnby said {victim} was shot outside a corner shop on a quiet evening "
                                  f"and taken to hospital. " if n == 0 else
                                  f"Detectives are still looking for whoever shot {victim} in Tarnby this week, "
                                  f"and asked shop owners for camera footage.")})
    with Store(str(tmp_path / "c.db")) as store:
        store.add(records(rows))
        target = rows[-4]
        probe = records([dict(target, id="probe", text=target["text"] + " The shop stayed closed.")])[0]
        with store.engine.connect() as conn:
            found = GroupIndex(conn).candidates(features(probe))
        same = {r["id"] for r in rows if r["incident"] == target["incident"]}
        assert same <= set(found)
        # the others that share the town are found only within days of it, and share no victim
        assert len(found) < 10

def test_db_store_without_index_builds_it_and_keeps_ids(db_url):
    rows = invented_corpus(8, seed=11)
    with Store(db_url) as store:
        store.add(records(rows[:-2]))
        seen = partition(store)
        # as a store written before the index existed: articles and dossiers, no index
        with store.engine.begin() as conn:
            for table in (schema.group_terms, schema.group_articles, schema.group_df):
                conn.execute(table.delete())
        store.add(records(rows[-2:]))
        now = partition(store)
        assert all(now[a] == d for a, d in seen.items())
        with store.engine.connect() as conn:
            indexed = conn.execute(sa.select(sa.func.count()).select_from(schema.group_articles)).scalar()
        assert indexed == len(rows)


def _steps_of_near_lookup(path, old: int) -> tuple[set[str], int]:
    """The articles a near-in-time lookup of "police" finds in a store whose group_terms hold `old`
    articles with that word years before the probe's date, three within days of it and one undated;
    and the SQLite virtual-machine steps the lookup took."""
    engine = sa.create_engine(f"sqlite:///{path}")
    schema.metadata.create_all(engine, tables=[schema.articles, schema.group_terms, schema.group_df])
    day = dt.date(2024, 6, 1).toordinal()
    rows = ([{"article_id": f"old{i}", "date": day - 400 - i} for i in range(old)]
            + [{"article_id": f"near{i}", "date": day - 3 + 3 * i} for i in range(3)]
            + [{"article_id": "undated", "date": None}])
    steps = [0]
    with engine.begin() as conn:
        conn.execute(schema.group_terms.insert(), [dict(r, space="proper", term="police") for r in rows])
        conn.connection.driver_connection.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 1)
        found = GroupIndex(conn)._lookup("proper", ["police"], day, 7)
        conn.connection.driver_connection.set_progress_handler(None, 1)
    engine.dispose()
    return set(found), steps[0]


def test_db_near_lookup_reads_only_the_window_however_common_the_word(tmp_path):
    # A word as common as "Police" is in most stored articles; the lookup of the articles near in
    # time must cost what the window holds, not what the store holds.
    few, few_steps = _steps_of_near_lookup(tmp_path / "few.db", 10)
    many, many_steps = _steps_of_near_lookup(tmp_path / "many.db", 5000)
    assert few == many == {"near0", "near1", "near2", "undated"}
    assert many_steps < 1.5 * few_steps
