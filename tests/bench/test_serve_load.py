"""`dossier bench serve`: a bounded load run against a real `dossier serve` process."""
import pytest

from newsdossier import bench
from newsdossier.errors import DossierError
from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store

TEXTS = ["A gunman fired at a ferry queue in Halvik on Sunday, police said.",
         "Two cars burned outside the Brinmoor council offices overnight, firefighters said.",
         "A parcel bomb was found at the Quenford sorting office and made safe, the army said."]


def test_bench_serve_counts_requests_latency_and_errors(tmp_path, settings):
    db = tmp_path / "load.db"
    with Store(str(db)) as store:
        store.add([ArticleRecord(article=Article(id=f"a{i}", source=f"a{i}", text=t, published=f"2025-02-0{i + 1}"))
                   for i, t in enumerate(TEXTS)])
    result = bench.get("serve")(db, "dev", settings, limit=60)
    assert result["requests"] == 60 and result["errors"] == 0, result["error_examples"]
    assert result["dossiers"] == 3 and result["requests_per_second"] > 0
    assert 0 < result["p50_ms"] <= result["p99_ms"]
    assert set(result["by_route"]) == {"/api/dossiers", "/api/dossiers/{id}", "/dossiers/{id}"}


def test_bench_serve_without_a_store_says_so(tmp_path, settings):
    with pytest.raises(DossierError, match="no such store"):
        bench.get("serve")(tmp_path / "missing.db", "dev", settings)
