"""`dossier bench peer` runs our extraction and spaCy + textacy quotes in child processes of their own."""
import json

import pytest

from newsdossier import bench

pytestmark = pytest.mark.model


def test_peer_reports_both_sides_and_their_ratio(tmp_path, settings):
    pytest.importorskip("textacy")
    data = tmp_path / "articles.jsonl"
    rows = [{"id": "p1", "text": "\"We will rebuild the bridge by spring,\" the mayor of Tarnby said on Monday.\n"},
            {"id": "p2", "text": "Gunmen killed three people in Sorvik, police said. \"It was over in a minute,\" "
                                 "said Ilse Varn, who runs a bakery nearby.\n"},
            {"id": "p3", "text": "The council met again."}]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = bench.get("peer")(data, "dev", settings, limit=2)
    for side in ("ours", "peer", "peer_openblas"):
        assert result[side]["articles"] == 2
        assert result[side]["peak_rss_mb"] > 50 and result[side]["process_cpu_s"] > 0
    # the peer given our BLAS switch finds the same quotes: the switch changes no annotation
    assert result["peer"]["quotes"] >= 1 and result["peer_openblas"]["quotes"] == result["peer"]["quotes"]
    for ratio in ("ratio", "ratio_peer_openblas"):
        assert set(result[ratio]) == {"process_cpu_s", "process_wall_s", "work_cpu_s", "work_wall_s"}
        assert all(r > 0 for r in result[ratio].values())


def test_peer_refuses_what_is_not_a_file(tmp_path, settings):
    from newsdossier.errors import DossierError

    with pytest.raises(DossierError, match="not a JSONL file"):
        bench.get("peer")(tmp_path / "missing.jsonl", "dev", settings)


def test_peer_repeats_alternate_and_report_the_least_disturbed_run(tmp_path, settings):
    pytest.importorskip("textacy")
    data = tmp_path / "articles.jsonl"
    data.write_text(json.dumps({"id": "p1", "text": "\"The bridge opens in spring,\" the mayor of Tarnby said.\n"})
                    + "\n")
    result = bench.get("peer")(data, "dev", settings, repeat=2)
    for side in ("ours", "peer", "peer_openblas"):
        assert len(result["runs"][side]) == 2
        assert result[side]["work_cpu_s"] == min(result["runs"][side])
    assert result["ratio"]["work_cpu_s"] == round(result["peer"]["work_cpu_s"] / result["ours"]["work_cpu_s"], 2)


def test_repeat_is_refused_by_benchmarks_without_it(tmp_path, settings):
    from newsdossier.errors import DossierError

    with pytest.raises(DossierError, match="takes no --repeat"):
        bench.get("statements")(tmp_path, "dev", settings, repeat=2)
