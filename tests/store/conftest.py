"""Store fixtures: a database URL per backend (a SQLite file, and a fresh database on a real
PostgreSQL server that `scripts/pg_test_server.sh` starts once per session), and invented articles."""
from __future__ import annotations

import json
import random
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pg_test_server.sh"
UNAVAILABLE = 3  # the script's exit code when PostgreSQL cannot be installed

TOWNS = ["Vellora", "Tarnby", "Oskerville", "Brinmoor", "Halvik", "Quenford"]
FIRST = ["Orrin", "Delia", "Marek", "Suvi", "Tobin", "Ilse", "Caspar", "Wren", "Hollis", "Anouk"]
LAST = ["Velasquez", "Marsh", "Okonkwo", "Lindqvist", "Farrow", "Brandt", "Quill", "Osei", "Harte", "Vance"]
STREETS = ["Harlow Street", "Peony Avenue", "Cobalt Road", "Ferris Lane", "Juniper Drive", "Mill Way"]
VENUES = ["a gas station", "a barbershop", "an apartment complex", "a basketball court", "a laundromat"]


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


def invented_corpus(incidents: int, seed: int = 7) -> list[dict]:
    """Invented shooting reports, one to three per incident: `{"id", "text", "published", "incident"}`."""
    rng = random.Random(seed)
    rows = []
    for k in range(incidents):
        town, street, venue = rng.choice(TOWNS), rng.choice(STREETS), rng.choice(VENUES)
        victim = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        suspect = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        age, killed, injured = rng.randint(16, 60), rng.randint(0, 3), rng.randint(1, 5)
        day = 1 + (k * 3) % 27
        reports = [
            f"{town} police are investigating a shooting at {venue} on {street} that left {killed} people dead "
            f"and {injured} wounded on Saturday night. Officers found {victim}, {age}, with gunshot wounds. "
            f"Witnesses told reporters they heard several shots before a dark sedan drove away.",
            f"A {age}-year-old victim identified as {victim} was among those hit when gunfire broke out at "
            f"{venue} in {town}. Detectives said {suspect} was taken into custody on Monday and charged "
            f"with aggravated assault. Neighbors on {street} said the area had been quiet until then.",
            f"Family members gathered on {street} in {town} to remember {victim}. The suspect, {suspect}, "
            f"appeared in court on Tuesday; prosecutors said the shooting at {venue} was planned.",
        ]
        for n in range(rng.randint(1, 3)):
            rows.append({"id": f"inc{k:03d}-a{n}", "incident": f"inc{k:03d}", "text": reports[n],
                         "published": f"2024-03-{min(28, day + n):02d}"})
    return rows


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
