"""The server keeps answering while `dossier ingest` writes to the same SQLite store: a real ingest
process (one commit per article) and 200 API and page reads at once, 0 errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from serve_helpers import ROOT, Server, copy_store, dossier_of  # noqa: E402
from serve_corpus import shooting_reports  # noqa: E402

pytestmark = pytest.mark.model
READS = 200


def test_api_reads_while_an_ingest_process_writes(corpus_db, tmp_path):
    db = copy_store(corpus_db, tmp_path / "busy.db")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in shooting_reports(40)), encoding="utf-8")
    server = Server(db)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    ingest = subprocess.Popen([sys.executable, "-m", "newsdossier", "ingest", str(feed), "--db", str(db),
                               "--batch-size", "1", "--no-progress"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        before = httpx.get(server.url + "/api/healthz").json()["articles"]
        deadline = time.monotonic() + 300
        while httpx.get(server.url + "/api/healthz").json()["articles"] == before:  # writing has begun
            assert ingest.poll() is None, ingest.stderr.read()
            assert time.monotonic() < deadline, "the ingest wrote nothing in 5 minutes"
            time.sleep(0.2)

        ghent, lyon = dossier_of(db, "ghent-1"), dossier_of(db, "lyon-1")
        paths = ["/api/dossiers", f"/api/dossiers/{ghent}", f"/dossiers/{lyon}", "/api/dossiers?q=gunman&sort=killed",
                 "/", "/api/healthz", "/articles/ghent-2", f"/api/dossiers/{lyon}"]
        seen: list[int] = []

        def read(n: int) -> tuple[str, int, str]:
            path = paths[n % len(paths)]
            with httpx.Client(base_url=server.url, timeout=60) as client:
                got = client.get(path)
            if path == "/api/healthz" and got.status_code == 200:
                seen.append(got.json()["articles"])
            return path, got.status_code, got.text[:200]

        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(read, range(READS)))
        errors = [r for r in results if r[1] != 200]
        assert errors == [], errors
        assert len(results) == READS
        still_writing = ingest.poll() is None
        _, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        assert "locked" not in err
        # The reads overlapped the writes: the article count moved while they ran, or the
        # ingest was still going when they were done.
        assert still_writing or len(set(seen)) > 1, (seen, err)
        final = httpx.get(server.url + "/api/dossiers", params={"q": "statement numbered"}).json()
        assert final["total"] >= 1
        assert httpx.get(server.url + "/api/healthz").json()["articles"] == before + 40
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
        log = server.stop()
    assert "locked" not in log and "Traceback" not in log, log
