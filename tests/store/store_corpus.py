"""Invented shooting reports for the store tests, imported by name (`from store_corpus import ...`):
a test module's `from conftest import` would find whichever folder's conftest was loaded first."""
from __future__ import annotations

import json
import random
from pathlib import Path

TOWNS = ["Vellora", "Tarnby", "Oskerville", "Brinmoor", "Halvik", "Quenford"]
FIRST = ["Orrin", "Delia", "Marek", "Suvi", "Tobin", "Ilse", "Caspar", "Wren", "Hollis", "Anouk"]
LAST = ["Velasquez", "Marsh", "Okonkwo", "Lindqvist", "Farrow", "Brandt", "Quill", "Osei", "Harte", "Vance"]
STREETS = ["Harlow Street", "Peony Avenue", "Cobalt Road", "Ferris Lane", "Juniper Drive", "Mill Way"]
VENUES = ["a gas station", "a barbershop", "an apartment complex", "a basketball court", "a laundromat"]


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
