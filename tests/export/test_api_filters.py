"""`dossier export` selection and errors: date and country filters on the values in force, unknown
formats, a folder format without --out; the CLI reports what it left out on stderr."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app
from newsdossier.errors import ExportError
from newsdossier.export.api import export, exporter

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import SYNTHETIC, known_dossier, synthetic_db  # noqa: E402,F401 (fixtures)


def ids(path) -> list[str]:
    return [json.loads(line)["id"] for line in open(path, encoding="utf-8")]


def test_filters_by_date_and_country(synthetic_db, tmp_path):
    import datetime as dt

    k = known_dossier()
    day = dt.date.fromisoformat(k["date"])
    written, skipped = export("jsonl", db=synthetic_db, out=tmp_path / "a.jsonl", since=day, until=day)
    assert k["id"] in ids(tmp_path / "a.jsonl") and written < SYNTHETIC
    assert skipped == {"outside the dates": SYNTHETIC - written}
    written, _ = export("jsonl", db=synthetic_db, out=tmp_path / "b.jsonl", country=k["country"])
    by_code, _ = export("jsonl", db=synthetic_db, out=tmp_path / "c.jsonl", country=k["country_code"].lower())
    assert written == by_code == SYNTHETIC // 4 and k["id"] in ids(tmp_path / "b.jsonl")


@pytest.mark.parametrize("kwargs, message", [
    ({"fmt": "yaml"}, "not an export format; use one of: csv-acled, csv-gtd, geojson, jsonl, parquet"),
    ({"fmt": "parquet"}, "--out FOLDER"),
    ({"fmt": "jsonl", "country": "Atlantis"}, "'Atlantis' is not a country"),
])
def test_export_errors_name_the_input(synthetic_db, kwargs, message):
    fmt = kwargs.pop("fmt")
    with pytest.raises(ExportError, match=message.replace("(", r"\(")):
        export(fmt, db=synthetic_db, **kwargs)


def test_exporter_versions_resolve_to_the_latest():
    assert exporter("csv-gtd") is exporter("csv-gtd.v1")


def test_cli_export_reports_on_stderr(synthetic_db, tmp_path):
    out = tmp_path / "gtd.csv"
    result = CliRunner().invoke(app, ["export", "--format", "csv-gtd", "--db", synthetic_db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"exported {SYNTHETIC} dossiers" in result.stderr
    assert out.read_text().startswith("eventid,iyear,imonth,iday,approxdate,country_txt")
    bad = CliRunner().invoke(app, ["export", "--format", "yaml", "--db", synthetic_db])
    assert bad.exit_code == 3 and "not an export format" in bad.stderr and "Traceback" not in bad.output
    bad = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", synthetic_db, "--since", "June"])
    assert bad.exit_code == 2
