"""Golden articles (invented, in tests/golden/): what a careful reader must and must not find.

Each `NAME.txt` has a `NAME.json` with `published` and lists `must` / `must_not` of
`{"path": "statements", "match": {...}}`: the path names a list or value in the record, and the
match is a partial value (`{"$contains": s}` for a substring, `{"$entity": name}` for the id of
the entity with that name). A `must` holds when some element matches; a `must_not` when none does.
"""
import json
from pathlib import Path

import pytest

from newsdossier.pipeline import extract_text

pytestmark = pytest.mark.model
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def _at(data, path):
    for part in path.split("."):
        if isinstance(data, list):
            idx = int(part)
            data = data[idx] if idx < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        if data is None:
            return None
    return data


def _matches(value, expected, names):
    if isinstance(expected, dict) and "$contains" in expected:
        return isinstance(value, str) and expected["$contains"] in value
    if isinstance(expected, dict) and "$entity" in expected:
        return value is not None and names.get(value) == expected["$entity"]
    if isinstance(expected, dict):
        return isinstance(value, dict) and all(_matches(value.get(k), v, names) for k, v in expected.items())
    return value == expected


def _found(record, rule, names):
    value = _at(record, rule["path"])
    items = value if isinstance(value, list) else ([] if value is None else [value])
    return any(_matches(item, rule["match"], names) for item in items)


@pytest.fixture(scope="module")
def records(settings):
    out = {}
    for name in CASES:
        spec = json.loads((GOLDEN / f"{name}.json").read_text())
        text = (GOLDEN / f"{name}.txt").read_text()
        out[name] = (spec, extract_text(text, published=spec.get("published"), settings=settings).to_json())
    return out


def _rules(kind):
    for name in CASES:
        spec = json.loads((GOLDEN / f"{name}.json").read_text())
        for i, rule in enumerate(spec[kind]):
            yield pytest.param(name, rule, id=f"{name}-{kind}-{i}")


@pytest.mark.parametrize("name,rule", list(_rules("must")))
def test_golden_must_find(records, name, rule):
    spec, record = records[name]
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert _found(record, rule, names), f"{rule} not in {json.dumps(_at(record, rule['path']))[:1500]}"


@pytest.mark.parametrize("name,rule", list(_rules("must_not")))
def test_golden_must_not_find(records, name, rule):
    spec, record = records[name]
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert not _found(record, rule, names), f"{rule} found in {json.dumps(_at(record, rule['path']))[:1500]}"
