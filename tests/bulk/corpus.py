"""Invented news reports for the bulk tests (written for these tests; no dataset text)."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow.parquet as pq

TOWNS = ["Velm", "Asker", "Brisa", "Tarsk", "Mollen", "Kessa", "Dunmore", "Halvik"]
PLACES = ["a bus depot", "a grain store", "a police post", "a petrol station", "a village market", "a bridge"]
GROUPS = ["the Ridge Brigade", "the Coastal Front", "the Free Valley Movement"]
OFFICIALS = ["the district governor", "a police spokesman", "the regional army commander"]


def reports(n: int, seed: int = 11) -> list[dict]:
    """`n` short reports of attacks, `{"id", "text", "published"}`, each different."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        town, place, group, official = rng.choice(TOWNS), rng.choice(PLACES), rng.choice(GROUPS), rng.choice(OFFICIALS)
        killed, injured = rng.randint(1, 9), rng.randint(0, 12)
        text = (f"Attackers opened fire on {place} in {town} on Friday, killing {killed} people and wounding "
                f"{injured} others, {official} said. Report {k} from our correspondent. "
                f"{group.capitalize()} claimed responsibility in a statement sent to local radio. "
                f'"We will not let this go unanswered," {official} told reporters on Saturday.')
        rows.append({"id": f"r{k:04d}", "text": text, "published": f"2024-07-{1 + k % 28:02d}"})
    return rows


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def read_out(folder: Path) -> tuple[dict, set, dict]:
    """(records by article id, failures as (source, reason), the manifest)."""
    records: dict = {}
    for path in sorted(folder.glob("records-*.parquet")):
        for row in pq.read_table(path).to_pylist():
            assert row["article_id"] not in records, f"duplicate id {row['article_id']}"
            records[row["article_id"]] = row
    failures = {(r["source"], r["reason"]) for p in folder.glob("failures-*.parquet") for r in pq.read_table(p).to_pylist()}
    return records, failures, json.loads((folder / "manifest.json").read_text())
