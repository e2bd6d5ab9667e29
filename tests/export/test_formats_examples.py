"""The shipped examples through the real pipeline and out as GTD rows and GeoJSON: the Ballarat
depot fire (two articles) comes out with its toll, date, country, group and a point on the map."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from newsdossier.export.api import export
from newsdossier.store import Store

pytestmark = pytest.mark.model

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import example_db  # noqa: E402,F401 (fixtures)


def test_examples_export_gtd_and_geojson(example_db, tmp_path):
    with Store(example_db) as store:
        incidents = sum(1 for d in store.dossiers() if d.incident is not None)
    written, _ = export("csv-gtd", db=example_db, out=tmp_path / "gtd.csv")
    rows = list(csv.DictReader(open(tmp_path / "gtd.csv", newline="", encoding="utf-8")))
    assert written == len(rows) == incidents
    [depot] = [r for r in rows if r["city"] == "Ballarat"]
    assert (depot["iyear"], depot["imonth"], depot["iday"], depot["country_txt"]) == ("2025", "10", "17", "Australia")
    assert (depot["nkill"], depot["nwound"], depot["gname"], depot["claimed"]) == ("3", "4", "Ashen Road Collective", "1")
    assert depot["attacktype1_txt"] == "Facility/Infrastructure Attack" and depot["specificity"] == "1"
    assert depot["claimmode_txt"] == "Posted to website, blog, etc." and depot["articles"] == "2"
    written, skipped = export("geojson", db=example_db, out=tmp_path / "map.geojson")
    features = json.loads((tmp_path / "map.geojson").read_text())["features"]
    assert written == len(features) == 1 and skipped["no coordinates"] == incidents - 1
    lon, lat = features[0]["geometry"]["coordinates"]
    assert (round(lon, 2), round(lat, 2)) == (143.85, -37.57)       # longitude first (RFC 7946)
