"""Two ingest processes writing one SQLite file at once: both finish, nothing is lost, and the
dossiers in the end hold every article (issue 9, item 11: one of them used to exit with
"database is locked", sometimes while creating the tables of a fresh file)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from newsdossier.store import Store, schema

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus, write_jsonl  # noqa: E402

HERE = Path(__file__).parent
RUN = """
import os, sys, time
sys.path.insert(0, {here!r})
from fake_extract import slow_extract
from newsdossier.settings import Settings
from newsdossier.store import Store
while not os.path.exists({go!r}):
    time.sleep(0.001)
report = Store({url!r}).ingest([{path!r}], Settings(batch_size=2), extract=slow_extract({delay}))
print(report.added)
"""


def _start(url: str, path: Path, go: Path, delay: float) -> subprocess.Popen:
    code = RUN.format(here=str(HERE), url=url, path=str(path), go=str(go), delay=delay)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_db_two_ingest_processes_on_a_fresh_sqlite_file(tmp_path):
    rows = invented_corpus(24, seed=3)
    half = len(rows) // 2
    first = write_jsonl(rows[:half], tmp_path / "first.jsonl")
    second = write_jsonl(rows[half:], tmp_path / "second.jsonl")
    for trial in range(3):
        url = str(tmp_path / f"shared{trial}.db")
        go = tmp_path / f"go{trial}"
        # Both wait for one signal, so that they open the fresh file (and run the migrations) together.
        procs = [_start(url, first, go, 0.0), _start(url, second, go, 0.0)]
        time.sleep(1.5)
        go.touch()
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, f"trial {trial}: {err.decode()[-2000:]}"
        assert sorted(int(out) for out, _ in outs) == sorted([half, len(rows) - half])
        with Store(url) as store:
            assert store.counts()["articles"] == len(rows)
            with store.engine.connect() as conn:
                grouped = conn.execute(sa.select(sa.func.count()).select_from(schema.dossier_articles)).scalar()
                names = [r.name for r in conn.execute(sa.select(schema.migrations.c.name))]
            # The last regrouping saw every article of both runs, whichever finished first.
            assert grouped == len(rows), f"trial {trial}: {grouped} of {len(rows)} articles in dossiers"
            assert sorted(names) == sorted(n for n, _ in schema.MIGRATIONS)
