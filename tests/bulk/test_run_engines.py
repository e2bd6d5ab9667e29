"""`dossier bulk` end to end: both engines (a process pool; Ray Data in local mode) write the same
records as `extract` prints, per article id, and the same failures; the Parquet layout is as promised."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from corpus import read_out, reports, write_jsonl

from newsdossier.bulk import bulk
from newsdossier.pipeline import extract
from newsdossier.records import ArticleRecord
from newsdossier.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from test_warc_records import build_warc  # noqa: E402  (the WARC the reader tests write)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bulk-inputs")
    jsonl = write_jsonl(reports(7), folder / "reports.jsonl")
    crawl = folder / "crawl.warc.gz"
    crawl.write_bytes(build_warc(gz=True)[0])
    return [str(jsonl), str(crawl), str(folder / "missing.txt")]


@pytest.fixture(scope="module")
def expected(inputs):
    """What `extract` gives for the same inputs: record JSON by article id, and failures."""
    records, failures = {}, set()
    for item in extract(inputs, Settings()):
        if isinstance(item, ArticleRecord):
            records[item.article.id] = json.dumps(item.to_json(), ensure_ascii=False)
        else:
            failures.add((item.source, item.reason))
    return records, failures


def _check(folder: Path, expected, engine: str):
    records, failures, manifest = read_out(folder)
    want_records, want_failures = expected
    assert {k: v["record"] for k, v in records.items()} == want_records
    assert failures == want_failures
    assert len(manifest["done"]) == manifest["shards"] == 4 and {d["engine"] for d in manifest["done"].values()} == {engine}
    row = records["r0000"]
    record = json.loads(row["record"])
    main = record["incidents"][0]
    assert (row["source"], row["published"]) == (record["article"]["source"], "2024-07-01")
    assert row["killed"] == main["killed"]["min"] and row["types"] == main["types"]


@pytest.mark.model
def test_run_local_engine_matches_extract(inputs, expected, tmp_path):
    progress = list(bulk(inputs, str(tmp_path / "out"), Settings(), engine="local", workers=2, shard_size=3))
    assert progress[-1].shards_done == 4 and progress[-1].articles == len(expected[0])
    assert progress[-1].failures == len(expected[1]) and progress[-1].rate > 0
    _check(tmp_path / "out", expected, "local")
    # Nothing left to do: a second run skips every shard.
    [again] = list(bulk(inputs, str(tmp_path / "out"), Settings(), engine="local", workers=2, shard_size=3))
    assert (again.shards_skipped, again.shards_done) == (4, 0)


@pytest.mark.model
def test_run_ray_engine_matches_extract(inputs, expected, tmp_path):
    pytest.importorskip("ray.data")
    import ray

    list(bulk(inputs, str(tmp_path / "out"), Settings(), engine="ray", workers=2, shard_size=3))
    assert not ray.is_initialized()  # the local Ray it started is shut down
    _check(tmp_path / "out", expected, "ray")
