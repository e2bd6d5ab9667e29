"""The article the project was born from (../shared/data/000_bc2ea2b0a3a81624.txt, read in place,
never copied): what a careful reader takes from it, per issue 2's "Done when".

No extractor has a rule for this article's sentences; these checks measure the general ones.
"""
from pathlib import Path

import pytest

from newsdossier.pipeline import extract_text

pytestmark = pytest.mark.model
EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "000_bc2ea2b0a3a81624.txt"


@pytest.fixture(scope="module")
def record(settings):
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} is not beside the checkout")
    return extract_text(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-26", settings=settings).to_json()


def _main(record):
    assert record["incidents"], "no incident found"
    return record["incidents"][0]


def _entity_name(record, eid):
    return next((e["name"] for e in record["entities"] if e["id"] == eid), None)


def _speaker_name(record, st):
    sp = st.get("speaker") or {}
    return _entity_name(record, sp.get("entity")) or ""


def check_date(r): assert (_main(r).get("date") or {}).get("value") == "2024-03-22"
def check_place(r):
    loc = _main(r).get("location") or {}
    assert loc.get("city") == "Moscow" and loc.get("country_code") == "RU" and loc.get("lat")
def check_types(r): assert {"armed_assault", "facility_infrastructure_attack"} <= set(_main(r)["types"])
def check_firearms(r): assert "firearms" in {w.get("category") for w in _main(r)["weapons"]}
def check_explosives(r): assert {"explosives", "incendiary"} & {w.get("category") for w in _main(r)["weapons"]}
def check_attackers(r): assert (_main(r).get("perpetrator_count") or {}).get("min") == 4
def check_killed(r):
    k = _main(r).get("killed") or {}
    assert k.get("min") == 139 and k.get("max") is None
def check_injured(r): assert (_main(r).get("injured") or {}).get("min") == 24
def check_isis_perpetrator(r):
    assert any("ISIS" in f["text"] or "Islamic State" in f["text"] for f in _main(r)["perpetrator_organizations"])
def check_isis_claimed(r):
    assert any(x["how"] == "claimed" and ("ISIS" in x["party"]["text"] or "Islamic State" in x["party"]["text"])
               for x in _main(r)["responsibility"])
def check_ukraine_alleged(r):
    assert any(x["how"] in ("alleged", "accused") and "Ukraine" in x["party"]["text"] for x in _main(r)["responsibility"])
def check_intelligence_attributes(r):
    assert any(x["how"] == "attributed" and "ISIS" in x["party"]["text"] for x in _main(r)["responsibility"])
def check_concert_hall_target(r): assert any("hall" in t["text"] for t in _main(r)["targets"])
def check_putin_quotes(r):
    # A quote that goes on after its attribution ("…?" Putin asked. "…") is one statement in pieces.
    quotes = [s for s in r["statements"] if s["kind"] == "direct" and _speaker_name(r, s).endswith("Putin")]
    assert sum(max(1, len(s.get("content_parts") or ())) for s in quotes) >= 4
def check_71_year_old(r):
    assert any((s.get("speaker") or {}).get("text") == "The 71-year-old" and _speaker_name(r, s).endswith("Putin")
               for s in r["statements"])
def check_anonymous_official(r):
    assert any(s["kind"] == "direct" and (s.get("speaker") or {}).get("anonymous")
               and "official" in s["speaker"]["text"] for s in r["statements"])
def check_government_uncorroborated(r):
    assert any(s.get("corroboration") == "uncorroborated" and "government" in ((s.get("speaker") or {}).get("text") or "")
               for s in r["statements"])
def check_warnings(r): assert _main(r)["warnings"]
def check_removed(r): assert [x["text"].strip() for x in r["article"]["removed"]] == ["Post a Comment"]


CHECKS = [v for k, v in sorted(globals().items()) if k.startswith("check_")]


@pytest.mark.parametrize("check", CHECKS, ids=lambda f: f.__name__)
def test_example_article_fact(record, check):
    check(record)
