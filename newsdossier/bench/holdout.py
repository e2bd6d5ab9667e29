"""The shared GVA incidents set aside from rule development: a fixed 30% of them, by incident id.

The casualty-figure rules (`extract/figures/`)
were written while reading errors on the shared GVA articles, so a figure over all of them is
in-sample. From the commit that added this module on, the incidents `is_held_out` names are not
read while developing rules: their articles give the out-of-sample figure (`dossier bench figures
--split held-out`, or the reference scorer on `write_part`'s folder); the rest is the `tuning` part.

Membership depends on the incident id alone (the first 8 bytes of SHA-256 of a fixed salt and the
id, modulo 100, below 30), so it stays put when files are reordered, filtered or extended, and any
tool can recompute it. 733 of the 2,394 shared incidents (30.6%) are held out; scored alone, the
held-out part has 986 articles and the tuning part 2,293 (of the 3,277 scored in all: the two articles
filed under one incident of each part are scored in both).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import DossierError
from .scoring import gva_folder, read_jsonl

HELD_OUT_PERCENT = 30
SALT = "newsdossier/gva-held-out/v1"      # changing it would mix looked-at incidents into the held-out part
PARTS = ("all", "tuning", "held-out")


def is_held_out(incident_id: str) -> bool:
    digest = hashlib.sha256(f"{SALT}:{incident_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 100 < HELD_OUT_PERCENT


def in_part(incident_id: str, part: str) -> bool:
    """Is the incident in `part` ("all", "tuning": the 70% rules may be tuned on, "held-out")?"""
    if part not in PARTS:
        raise DossierError(f"no GVA part named {part!r}; choose one of {', '.join(PARTS)}")
    return part == "all" or is_held_out(incident_id) == (part == "held-out")


def write_part(data_dir: Path, part: str, dest: Path) -> Path:
    """A data folder laid out like ../shared/data whose GVA incidents are only `part`'s, so that the
    reference scorer (`python -m ndeval score gva OUT --data DEST`) scores that part's articles alone
    (it scores the articles whose incident has a record). Returns `dest`."""
    folder = gva_folder(data_dir)
    out = Path(dest) / "semeval2018t5_gva_pilot"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "incidents.jsonl", "w", encoding="utf-8") as f:
        for row in read_jsonl(folder / "incidents.jsonl"):
            if in_part(str(row["incident_id"]), part):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    articles = out / "articles.jsonl"
    if articles.is_symlink() or articles.exists():
        articles.unlink()
    articles.symlink_to((folder / "articles.jsonl").resolve())
    return Path(dest)
