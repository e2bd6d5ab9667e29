"""A `dossier bulk` run killed half-way (SIGKILL, the whole process group) and started again: the
finished shards are kept as they were, the others done, and no article id appears twice."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus import read_out, reports, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.model
def test_run_killed_half_way_resumes_without_duplicates(tmp_path):
    rows = reports(12)
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsdossier", "bulk", str(path), "--out", str(out), "--shard-size", "2"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in [str(ROOT), os.environ.get("PYTHONPATH")] if p))
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True)
    manifest = out / "manifest.json"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if manifest.exists() and json.loads(manifest.read_text()).get("done"):
                break
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the run and its worker processes, with no warning
        process.communicate(timeout=60)
    first = json.loads(manifest.read_text())["done"]
    assert 1 <= len(first) < 6, "the run must be killed half-way"
    # What a kill can leave behind: a half-written file, and a shard written but not yet listed.
    (out / "records-00005.parquet.tmp").write_bytes(b"PAR1 half")
    unlisted = next(f"{n:05d}" for n in range(6) if f"{n:05d}" not in first)
    shutil.copy(out / f"records-{next(iter(first))}.parquet", out / f"records-{unlisted}.parquet")

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{len(first)} already done" in again.stderr and "Traceback" not in again.stderr
    records, failures, final = read_out(out)  # fails on a duplicate id
    assert sorted(records) == [r["id"] for r in rows] and not failures
    assert len(final["done"]) == 6 and all(final["done"][name] == entry for name, entry in first.items())
    assert not list(out.glob("*.tmp"))
