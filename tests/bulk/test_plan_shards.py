"""Planning `dossier bulk` shards: JSONL and WARC files cut at line and record boundaries, named as
`extract` names them, the same plan for the same inputs, refusals for what cannot be sharded."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from corpus import reports, write_jsonl

from newsdossier.bulk.plan import plan
from newsdossier.bulk.run import bulk
from newsdossier.bulk.shard import shard_items
from newsdossier.errors import DossierError
from newsdossier.ingest import read_inputs
from newsdossier.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from test_warc_records import build_warc  # noqa: E402  (the WARC the reader tests write)


def _sources(items):
    return [(i.source, getattr(i, "text", None) or i.reason) for i in items]


def test_plan_jsonl_cut_at_lines_with_extract_numbering(tmp_path):
    rows = reports(7)
    path = tmp_path / "in.jsonl"
    text = "".join(json.dumps(r) + "\n" + ("\n" if n == 2 else "") for n, r in enumerate(rows))  # a blank line
    path.write_text(text + '{"id": "bad", "text": 12}\n', encoding="utf-8")
    shards, _ = plan([str(path)], Settings(), shard_size=3)
    assert [s.units for s in shards] == [3, 3, 2]
    assert [p.first for s in shards for p in s.pieces] == [1, 4, 8]  # the second starts at the blank line
    from_shards = [item for s in shards for item in shard_items(s, Settings())]
    assert _sources(from_shards) == _sources(read_inputs([str(path)], Settings()))
    assert from_shards[-1].reason.startswith("line 9:")


def test_plan_warc_cut_at_records_reads_as_the_whole_file(tmp_path):
    data, offsets = build_warc(gz=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    shards, _ = plan([str(path)], Settings(), shard_size=2)
    # Four readable responses (three HTML, a PDF); the truncated record falls in the last range.
    assert [s.units for s in shards] == [2, 2]
    assert [s.pieces[0].start for s in shards] == [0, offsets["http://dunmore.example/strike"]]
    from_shards = [item for s in shards for item in shard_items(s, Settings())]
    assert _sources(from_shards) == _sources(read_inputs([str(path)], Settings()))


def test_plan_small_inputs_share_a_shard_and_the_plan_is_stable(tmp_path):
    (tmp_path / "a.txt").write_text("Police said the checkpoint at Velm reopened on Monday.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Gunmen attacked a depot in Asker, the governor said.</p>", encoding="utf-8")
    write_jsonl(reports(2), tmp_path / "c.jsonl")
    first, key = plan([str(tmp_path), str(tmp_path / "missing.txt")], Settings(), shard_size=10)
    again, same = plan([str(tmp_path), str(tmp_path / "missing.txt")], Settings(), shard_size=10)
    assert len(first) == 1 and first == again and key == same
    assert [p.kind for p in first[0].pieces] == ["whole", "whole", "jsonl", "whole"]
    other = plan([str(tmp_path)], Settings(model="another_pipeline"), shard_size=10)[1]
    assert other != key  # settings that change records change the plan
    (tmp_path / "a.txt").write_text("Police said the checkpoint at Velm reopened on Tuesday.", encoding="utf-8")
    assert plan([str(tmp_path), str(tmp_path / "missing.txt")], Settings(), shard_size=10)[1] != key


def test_bulk_refuses_stdin_unknown_engine_and_another_runs_folder(tmp_path):
    path = write_jsonl(reports(2), tmp_path / "in.jsonl")
    with pytest.raises(DossierError, match="standard input"):
        list(bulk(["-"], str(tmp_path / "out")))
    with pytest.raises(DossierError, match="no bulk engine named 'spark'"):
        list(bulk([str(path)], str(tmp_path / "out"), engine="spark"))
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    (out / "manifest.json").write_text(json.dumps({"plan": "0123", "done": {}}), encoding="utf-8")
    with pytest.raises(DossierError, match="holds a bulk run of other inputs"):
        list(bulk([str(path)], str(out)))


@pytest.mark.model
def test_plan_largest_shards_run_first(tmp_path):
    # Longest-processing-time-first: with shards of 2 articles, the last shard holds the longest
    # reports and the first the shortest, so one worker takes them in the reverse order.
    rows = reports(6)
    for k, row in enumerate(rows):
        row["text"] += " The market stayed closed on Sunday." * (k * 3)
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    shards, _ = plan([str(path)], Settings(), shard_size=2)
    assert len(shards) == 3
    order = [p.last for p in bulk([str(path)], str(tmp_path / "out"), Settings(), engine="local",
                                  workers=1, shard_size=2) if p.last]
    assert order == ["00002", "00001", "00000"]
