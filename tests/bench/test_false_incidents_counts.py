"""Counting false incidents on dossier output: judged articles, halves, ECB+ topics, unreadable files."""

import json

import pytest

from newsdossier.bench import false_incidents as fi
from newsdossier.train.relevance import article_key


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _rec(article_id, n):
    return {"article": {"id": article_id}, "incidents": [{"id": f"i{k + 1}"} for k in range(n)]}


def test_polnear_counts_judged_articles_only(tmp_path):
    out = _write(tmp_path / "out.jsonl", [_rec("calm-1", 1), _rec("calm-2", 0), _rec("report", 2), _rec("unjudged", 1),
                                          {"source": "x", "reason": "a failure line"}])
    judgements = {article_key("calm-1"): "no_incident", article_key("calm-2"): "no_incident",
                  article_key("report"): "incident", article_key("unjudged"): "unclear"}
    got = fi.count_polnear(fi.records(out), judgements)
    assert (got["no_incident"], got["false"], got["false_pct"]) == (2, 1, 50.0)
    assert (got["reports"], got["reports_kept"], got["false_ids"]) == (1, 1, ["calm-1"])
    assert got["half_A"][1] + got["half_B"][1] == 2 and got["half_A"][0] + got["half_B"][0] == 1


def test_ecb_counts_non_violent_topics_and_the_shootings(tmp_path):
    recs = fi.records(_write(tmp_path / "out.jsonl", [_rec("a", 1), _rec("b", 0), _rec("c", 1), _rec("d", 1)]))
    got = fi.count_ecb(recs, {"a": "2_ecb", "b": "35_ecbplus", "c": "18_ecb", "d": "21_ecbplus"})
    assert (got["non_violent"], got["false"], got["false_ids"]) == (2, 1, ["a"])
    assert got["topic18_kept"] == [1, 1] and got["topic21_incident"] == [1, 1]


def test_unreadable_output_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        fi.main(["count", "polnear", str(bad)])
    err = capsys.readouterr().err
    assert "bad.jsonl: cannot read dossier output" in err and "Traceback" not in err
