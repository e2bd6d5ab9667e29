"""Every format read back with the library its users would use: as many rows as dossiers, and a
known dossier's killed (a person's correction), injured, date, country and group come back."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdossier.export.api import export
from newsdossier.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import SYNTHETIC, known_dossier, synthetic_db  # noqa: E402,F401 (fixtures)


def _csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_gtd(path):
    rows = _csv(path)
    k = known_dossier()
    row = next(r for r in rows if r["dossier_id"] == k["id"])
    date = f"{int(row['iyear']):04d}-{int(row['imonth']):02d}-{int(row['iday']):02d}"
    return len(rows), {"killed": int(row["nkill"]), "injured": int(row["nwound"]), "date": date,
                       "country": row["country_txt"], "group": row["gname"]}


def read_acled(path):
    from newsdossier.export.acled import event_id
    from newsdossier.export.flat import country_by_code

    rows = _csv(path)
    k = known_dossier()
    wanted = f"{country_by_code(k['country_code']).iso3}{int(k['id'][1:], 16)}"
    row = next(r for r in rows if r["event_id_cnty"] == wanted)
    assert row["notes"].endswith(".") and "injured 5" in row["notes"]
    return len(rows), {"killed": int(row["fatalities"]), "injured": 5, "date": row["event_date"],
                       "country": row["country"], "group": row["actor1"]}


def read_geojson(path):
    data = json.loads(open(path, encoding="utf-8").read())
    assert data["type"] == "FeatureCollection"
    k = known_dossier()
    feature = next(f for f in data["features"] if f["id"] == k["id"])
    assert feature["geometry"] == {"type": "Point", "coordinates": [k["longitude"], k["latitude"]]}
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    p = feature["properties"]
    return len(data["features"]), {"killed": p["killed"], "injured": p["injured"], "date": p["date"],
                                   "country": p["country"], "group": p["perpetrators"][0]}


def read_jsonl(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    row = next(r for r in rows if r["id"] == known_dossier()["id"])
    assert row["corrected"] == ["killed"]
    return len(rows), {"killed": row["killed"], "injured": row["injured"], "date": row["date"],
                       "country": row["country"], "group": row["perpetrators"][0]}


def read_parquet(folder):
    dossiers = pq.read_table(folder / "dossiers.parquet").to_pylist()
    row = next(r for r in dossiers if r["dossier_id"] == known_dossier()["id"])
    assert pq.read_schema(folder / "dossiers.parquet").field("killed").type == "int32"
    members = pq.read_table(folder / "dossier_articles.parquet").to_pylist()
    articles = pq.read_table(folder / "articles.parquet").to_pylist()
    assert len(members) == len(articles) == SYNTHETIC
    assert {m["article_id"] for m in members} == {a["article_id"] for a in articles}
    assert len(pq.read_table(folder / "statements.parquet")) == SYNTHETIC
    assert len(pq.read_table(folder / "figures.parquet")) == SYNTHETIC
    assert pq.read_table(folder / "responsibility.parquet").column("how").to_pylist() == ["claimed"] * SYNTHETIC
    return len(dossiers), {"killed": row["killed"], "injured": row["injured"], "date": row["date"].isoformat(),
                           "country": row["country"], "group": row["perpetrators"][0]}


READERS = {"csv-gtd": ("gtd.csv", read_gtd), "csv-acled": ("acled.csv", read_acled),
           "geojson": ("out.geojson", read_geojson), "jsonl": ("out.jsonl", read_jsonl),
           "parquet": ("parquet", read_parquet)}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_roundtrip_with_correction(synthetic_db, tmp_path, fmt):
    name, read = READERS[fmt]
    out = tmp_path / name
    written, skipped = export(fmt, db=synthetic_db, out=out)
    assert (written, skipped) == (SYNTHETIC, {})
    rows, got = read(out)
    k = known_dossier()
    assert rows == SYNTHETIC
    assert got == {"killed": k["killed"], "injured": k["injured"], "date": k["date"], "country": k["country"],
                   "group": k["group"]}


COUNT_TEXT = {"csv-gtd": lambda t: len(list(csv.DictReader(io.StringIO(t)))),
              "csv-acled": lambda t: len(list(csv.DictReader(io.StringIO(t)))),
              "geojson": lambda t: len(json.loads(t)["features"]),
              "jsonl": lambda t: len(t.splitlines())}


@pytest.mark.parametrize("fmt", sorted(COUNT_TEXT))
def test_export_text_formats_go_to_stdout(synthetic_db, fmt):
    buffer = io.StringIO()
    written, _ = export(fmt, db=synthetic_db, stdout=buffer)
    assert written == SYNTHETIC == COUNT_TEXT[fmt](buffer.getvalue())


def test_export_not_an_incident_is_left_out(synthetic_db, tmp_path):
    with Store(synthetic_db) as store:
        store.add_correction(known_dossier()["id"], "not_an_incident", True, who="desk")
    written, skipped = export("jsonl", db=synthetic_db, out=tmp_path / "x.jsonl")
    assert (written, skipped) == (SYNTHETIC - 1, {"marked not an incident": 1})
    assert known_dossier()["id"] not in (tmp_path / "x.jsonl").read_text()
