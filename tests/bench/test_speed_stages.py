"""`dossier bench speed` times every stage on what `extract` reads and reports memory."""
import pytest

from newsdossier import bench

pytestmark = pytest.mark.model


def test_speed_reports_each_stage_per_article(tmp_path, settings):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Gunmen killed {i + 2} people in Sorvik on Monday, police said.\n")
    (tmp_path / "empty.txt").write_text("")
    result = bench.get("speed")(tmp_path, "dev", settings)
    assert result["articles"] == 3 and result["failed_inputs"] == 1
    assert set(result["ms_per_article"]) == {"ingest", "analyze", "entities", "statements", "incidents"}
    assert all(v >= 0 for v in result["ms_per_article"].values())
    assert result["peak_rss_mb"] > 0


def test_bench_unknown_name_lists_the_registered_ones(settings):
    from newsdossier.errors import DossierError

    with pytest.raises(DossierError, match="speed"):
        bench.get("no-such-bench")


def test_speed_articles_cycles_the_input_and_reports_memory_along_the_way(tmp_path, settings):
    for i in range(2):
        (tmp_path / f"a{i}.txt").write_text(f"Gunmen killed {i + 2} people in Sorvik on Monday, police said.\n")
    result = bench.get("speed")(tmp_path, "dev", settings, articles=5)
    assert result["articles"] == 5
    assert set(result["memory_at"]) == {"5"}
    point = result["memory_at"]["5"]
    assert 0 < point["rss_mb"] <= point["peak_rss_mb"] and point["strings"] > 0
    assert result["cpu_seconds"] > 0


def test_bench_articles_is_refused_by_a_bench_without_it(tmp_path, settings):
    from newsdossier.errors import DossierError

    with pytest.raises(DossierError, match="--articles"):
        bench.get("export")(tmp_path, "dev", settings, articles=5)
