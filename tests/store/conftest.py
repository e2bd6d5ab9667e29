"""Store fixtures: a database URL per backend (a SQLite file, and a fresh database on a real
PostgreSQL server that `scripts/pg_test_server.sh` starts once per session), and invented articles (in store_corpus.py)."""
from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pg_test_server.sh"
UNAVAILABLE = 3  # the script's exit code when PostgreSQL cannot be installed



@pytest.fixture(scope="session")
def pg_server():
    """The URL of a throwaway PostgreSQL server; skips only when PostgreSQL cannot be installed."""
    proc = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=900)
    if proc.returncode == UNAVAILABLE:
        pytest.skip(proc.stdout.strip())
    if proc.returncode != 0:
        pytest.fail(f"scripts/pg_test_server.sh start failed:\n{proc.stdout}\n{proc.stderr}")
    values = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    yield values["URL"]
    subprocess.run(["bash", str(SCRIPT), "stop", values["PGDATA"]], capture_output=True, timeout=120)


def _fresh_pg_database(server_url: str) -> tuple[str, callable]:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"),
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = server_url.rsplit("/", 1)[0] + "/" + name

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
    return url, drop


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL of an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    url, drop = _fresh_pg_database(request.getfixturevalue("pg_server"))
    yield url
    drop()


@pytest.fixture
def fresh_db_urls(request, tmp_path):
    """fresh_db_urls(backend, n) -> n URLs of empty stores on `backend`."""
    drops = []

    def make(backend: str, n: int) -> list[str]:
        if backend == "sqlite":
            return [str(tmp_path / f"db{i}.db") for i in range(n)]
        server = request.getfixturevalue("pg_server")
        urls = []
        for _ in range(n):
            url, drop = _fresh_pg_database(server)
            urls.append(url)
            drops.append(drop)
        return urls
    yield make
    for drop in drops:
        drop()
