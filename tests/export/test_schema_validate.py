"""`dossier schema`: pydantic's JSON Schema of the records, against which our own outputs validate
(golden articles, the examples' dossiers) and a broken record does not."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from newsdossier.cli import app
from newsdossier.store import Store

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import example_db  # noqa: E402,F401 (fixtures)


def schema_of(record: str) -> Draft202012Validator:
    result = CliRunner().invoke(app, ["schema", record])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_schema_cli_refuses_an_unknown_record():
    result = CliRunner().invoke(app, ["schema", "incident"])
    assert result.exit_code == 2 and "article or dossier" in result.output


def test_schema_rejects_a_broken_dossier():
    validator = schema_of("dossier")
    assert validator.is_valid({"id": "d1", "articles": ["a1"]})
    assert not validator.is_valid({"id": "d1", "articles": ["a1"], "independent_sources": "two"})
    assert not validator.is_valid({"id": "d1", "articles": ["a1"], "colour": "red"})


@pytest.mark.model
def test_schema_validates_golden_outputs(settings):
    from newsdossier.pipeline import extract_text

    validator = schema_of("article")
    cases = sorted(GOLDEN.glob("*.txt"))
    assert cases
    for path in cases:
        spec = json.loads(path.with_suffix(".json").read_text())
        record = extract_text(path.read_text(), published=spec.get("published"), settings=settings).to_json()
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], path.name


@pytest.mark.model
def test_schema_validates_the_examples_dossiers(example_db):
    validator = schema_of("dossier")
    with Store(example_db) as store:
        dossiers = [d.to_json() for d in store.dossiers()]
    assert len(dossiers) >= 4
    for d in dossiers:
        assert [e.message for e in validator.iter_errors(d)] == [], d["id"]
