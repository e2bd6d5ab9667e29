"""The store ingested from examples/ opened by the real Datasette (in-process, its own client):
a facet on country and a full-text search each return rows; arrays facet; metadata applies."""
from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app

pytestmark = pytest.mark.model

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import example_db  # noqa: E402,F401 (fixtures)


def get_all(db: str, paths: list[str]) -> list[dict]:
    from datasette.app import Datasette

    result = CliRunner().invoke(app, ["datasette-metadata", "--db", db])
    assert result.exit_code == 0, result.output
    metadata = json.loads(result.stdout)

    async def run():
        ds = Datasette([db], metadata=metadata)
        await ds.invoke_startup()
        out = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            out.append(response.json())
        return out

    return asyncio.run(run())


def test_datasette_facet_search_and_map_columns(example_db):
    facet, search, statements, table = get_all(example_db, [
        "/dossier/dossiers.json?_facet=country&_shape=objects",
        "/dossier/articles.json?_search=ferry+terminal&_shape=objects",
        "/dossier/statements.json?_search=responsibility&_shape=objects",
        "/dossier/dossiers.json?_shape=objects&country=Australia",
    ])
    countries = {r["value"]: r["count"] for r in facet["facet_results"]["country"]["results"]}
    assert countries.get("Australia") == 1
    assert {"types", "perpetrators"} <= set(facet["facet_results"])      # the default facets of the metadata
    types = {r["value"] for r in facet["facet_results"]["types"]["results"]}
    assert "facility_infrastructure_attack" in types                    # faceted by JSON array
    assert {r["id"] for r in search["rows"]} == {"ex-harbor-1", "ex-harbor-2"}
    assert statements["rows"]
    [depot] = table["rows"]
    assert (round(depot["latitude"], 2), round(depot["longitude"], 2)) == (-37.57, 143.85)
    assert json.loads(depot["perpetrators"]) == ["Ashen Road Collective"]
