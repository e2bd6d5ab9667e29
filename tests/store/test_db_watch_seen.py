"""The items `dossier watch` has handled: kept by link across stores opened again, on both backends."""
from __future__ import annotations

import sqlalchemy as sa

from newsdossier.store import Store
from newsdossier.store import schema


def test_db_watch_seen_survives_reopening(db_url):
    links = [f"http://velm.example/news/{n}" for n in range(1200)]  # more than one IN list
    with Store(db_url) as store:
        assert store.seen(links) == set()
        store.mark_seen(links[:700], "http://velm.example/feed.xml")
        store.mark_seen(links[600:800], "http://velm.example/sitemap.xml")  # overlap: kept once
    with Store(db_url) as store:
        assert store.seen(links) == set(links[:800])
        assert store.counts()["watch_seen"] == 800
        with store.engine.connect() as conn:
            names = {row.name for row in conn.execute(sa.select(schema.migrations.c.name))}
            first = conn.execute(sa.select(schema.watch_seen.c.found_in)
                                 .where(schema.watch_seen.c.key == links[650])).scalar()
    assert "0004_watch_seen" in names and first == "http://velm.example/feed.xml"
