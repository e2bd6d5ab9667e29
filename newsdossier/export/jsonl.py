"""`jsonl`: one JSON object per line per dossier: the flat dossier (values in force, the fields
of `flat.FlatDossier`), for jq, pandas.read_json(lines=True) or any program."""
from __future__ import annotations

import json

from .api import Source, Target


def write_jsonl(source: Source, target: Target) -> int:
    written = 0
    with target.text() as out:
        for _, flat in source.dossiers():
            out.write(json.dumps(flat.to_json(), ensure_ascii=False) + "\n")
            written += 1
    return written
