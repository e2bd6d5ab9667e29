"""How many statements name their speaker, in `dossier extract --format jsonl` output.

    python scripts/speaker_entities.py OUT.jsonl [OLD.jsonl]

Counts each statement's speaker as `entity` (resolved to an actor of the article: a name, or a
pronoun, descriptor or surname the entity stage joined to one), `anonymous` ("a U.S. official"),
`unresolved` (a "he", "they", "the billionaire" or a name the stage could not place) or `none`.
With a second file, also lists the statements whose speaker's entity changed between the two
(OLD first), for reading.
"""
from __future__ import annotations

import json
import sys
from collections import Counter


def _load(path: str) -> dict:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            names = {e["id"]: e["name"] for e in rec.get("entities") or []}
            for st in rec.get("statements") or []:
                sp = st.get("speaker") or {}
                key = (rec["article"]["id"], st["content"]["start"])
                out[key] = (sp, names.get(sp.get("entity")))
    return out


def _kind(sp: dict) -> str:
    if not sp:
        return "none"
    return "entity" if sp.get("entity") else "anonymous" if sp.get("anonymous") else "unresolved"


def main(argv: list[str]) -> None:
    new = _load(argv[0])
    counts = Counter(_kind(sp) for sp, _ in new.values())
    total = sum(counts.values()) or 1
    print(json.dumps({**counts, "statements": total, "entity_share": round(100 * counts["entity"] / total, 1)}))
    if len(argv) > 1:
        old = _load(argv[1])
        for key, (sp, name) in new.items():
            if key in old and old[key][1] != name:
                print(f"{sp.get('text')!r}: {old[key][1]} -> {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
