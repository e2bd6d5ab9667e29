"""`dossier bench scale` grows one store through its sizes and adds the measured articles to a copy:
the grown store holds what a store filled at once holds, and never the added articles."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from newsdossier.bench import scale
from newsdossier.store import Store

# Invented reports, one incident each; the bench renames their capitalised words per copy.
BASE = [
    {"article_id": f"t{i}", "dct": f"2025-04-{10 + i}", "title": f"Shooting on {street} Street",
     "content": f"Two men were shot on {street} Street in Marrowby on Saturday night, police said. "
                f"Officer Lena Brack said one of them, a {20 + i}-year-old, was in a stable condition."}
    for i, street in enumerate(["Alder", "Birch", "Cedar", "Dune"])
]


def _ids(url: str) -> list[str]:
    with Store(url, read_only=True) as store:
        return sorted(r.article.id for r in store.articles())


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_grown_store_equals_one_filled_at_once(backend, request, tmp_path):
    if backend == "sqlite":
        grown = scale._SQLite(tmp_path)
    else:
        grown = scale._Postgres(request.getfixturevalue("pg_server"))
    try:
        rows = list(scale._measure(grown, BASE, [6, 0, 3], add=2))
        assert [r["store_articles"] for r in rows] == [0, 3, 6]
        assert all(r["backend"] == grown.name and r["add_2_cpu_seconds"] > 0 for r in rows)
        # Six articles (a copy holds the four base articles, then the next copy begins), none of
        # the two added at each size.
        ids = _ids(grown.url)
        assert len(ids) == 6 and not any(i.endswith("~500") for i in ids)
        at_once = str(tmp_path / "at_once.db")
        scale._fill(at_once, BASE, 0, 6)
        assert ids == _ids(at_once)
        if backend == "sqlite":
            assert not (tmp_path / "add.db").exists()
        else:
            with grown.admin.connect() as conn:
                copies = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                      {"n": grown.copy_db}).all()
            assert copies == []
    finally:
        grown.close()
