"""An ingest killed with SIGKILL half-way, then run again, leaves the same rows as one clean run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdossier.settings import Settings
from newsdossier.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus, write_jsonl  # noqa: E402
from fake_extract import slow_extract  # noqa: E402
from test_db_ingest import snapshot  # noqa: E402

RUN = """
import sys
sys.path.insert(0, {here!r})
from fake_extract import slow_extract
from newsdossier.settings import Settings
from newsdossier.store import Store
Store({url!r}).ingest([{path!r}], Settings(batch_size=5), extract=slow_extract({delay}))
"""


def run_ingest(url: str, path: Path, delay: float) -> subprocess.Popen:
    code = RUN.format(here=str(Path(__file__).parent), url=url, path=str(path), delay=delay)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_db_killed_ingest_rerun_equals_clean_run(backend, fresh_db_urls, tmp_path):
    rows = invented_corpus(30) + [{"id": "blank", "text": "", "published": None}]
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    clean_url, crashed_url = fresh_db_urls(backend, 2)
    with Store(clean_url) as clean:
        clean.ingest([str(path)], Settings(batch_size=5), extract=slow_extract())
        expected = snapshot(clean)

    proc = run_ingest(crashed_url, path, delay=0.05)
    store = Store(crashed_url)
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 10:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    half = store.counts()["articles"]
    assert 10 <= half < len(rows) - 1, "the kill should land half-way"
    assert half % 5 == 0 or half == expected["articles"].__len__(), "only whole batches are committed"

    rerun = run_ingest(crashed_url, path, delay=0.0)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert snapshot(store) == expected
    store.close()
