"""Export test fixtures and what the tests know of their stores: a store of synthetic dossiers
(fast, no model) with a person's correction, and a store ingested from examples/ with the real
pipeline (once per session). A test module imports the fixtures it uses from here (not a
conftest.py: tests/store imports its own conftest by that module name)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.bench.export import TOWNS, build_store
from newsdossier.store import Store

ROOT = Path(__file__).resolve().parents[2]

SYNTHETIC = 12
KNOWN = 3                 # the synthetic dossier the tests look at
CORRECTED_KILLED = 9      # a desk's correction of its killed count (the machine says 3)


def known_dossier() -> dict:
    """What the synthetic generator put in dossier KNOWN (see bench/export.py), after the correction."""
    town, lat, lon, country, code = TOWNS[KNOWN % len(TOWNS)]
    return {"id": f"d{KNOWN:012x}", "killed": CORRECTED_KILLED, "injured": 5, "date": "2024-04-04",
            "country": country, "country_code": code, "city": town, "latitude": lat, "longitude": lon,
            "group": f"Front {KNOWN}"}


@pytest.fixture
def synthetic_db(tmp_path) -> str:
    db = str(tmp_path / "synthetic.db")
    build_store(Path(db), SYNTHETIC)
    with Store(db) as store:
        store.add_correction(known_dossier()["id"], "killed", CORRECTED_KILLED, who="desk", note="morgue list")
    return db


_INGESTED: dict[str, str] = {}


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> str:
    """The shipped examples ingested by the real pipeline, once however many modules ask."""
    if "db" not in _INGESTED:
        db = str(tmp_path_factory.mktemp("examples") / "dossier.db")
        with Store(db) as store:
            report = store.ingest([str(ROOT / "examples")], progress=False)
        assert report.rejected == 0
        _INGESTED["db"] = db
    return _INGESTED["db"]
