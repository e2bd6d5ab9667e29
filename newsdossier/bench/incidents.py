"""`dossier bench incidents`: MUC-4 role fillers scored with CEAF-REE (Du, Rush & Cardie 2021).

Re-implements the reference scorer (`../shared/eval/ndeval/muc4.py`) so the figures can be
printed from inside the package: a predicted entity is the set of its normalised mention texts
and matches a gold entity when every one of them is among the gold entity's mentions; entities
are aligned one to one per document and role; counts are summed over documents and
micro-averaged over the five roles.
"""
from __future__ import annotations

import json
import logging
import re
import string
import time
from pathlib import Path
from typing import Iterable, Optional

from ..settings import Settings
from .scoring import max_matching, prf

log = logging.getLogger(__name__)

ROLES = {"PerpInd": "perpetrator_individuals", "PerpOrg": "perpetrator_organizations",
         "Target": "targets", "Victim": "victims", "Weapon": "weapons"}
_PUNCT = re.compile("[%s]" % re.escape(string.punctuation + "“”‘’«»–—"))
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def norm(text: str) -> str:
    """Lower-case, drop punctuation and articles, collapse spaces (the MUC/GRIT normalisation)."""
    text = _PUNCT.sub(" ", text.lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def predicted_sets(incidents: Iterable[dict], field: str) -> list[set[str]]:
    """A field's fillers pooled over incidents, each as its set of normalised mention texts."""
    seen, out = set(), []
    for incident in incidents:
        for filler in incident.get(field) or []:
            mentions = [m.get("text", "") for m in filler.get("mentions") or []]
            if not mentions and filler.get("text"):
                mentions = [filler["text"]]
            key = tuple(sorted({norm(m) for m in mentions if norm(m)}))
            if key and key not in seen:
                seen.add(key)
                out.append(set(key))
    return out


def count(gold_extracts: dict, predicted: dict[str, list[set[str]]], totals: dict) -> None:
    """Add one document's (correct, predicted, gold) per role to `totals`."""
    for role in ROLES:
        gold = [{norm(m[0]) for m in entity} for entity in gold_extracts.get(role, [])]
        pred = predicted.get(role, [])
        correct = max_matching(len(pred), len(gold), lambda i, j: pred[i] <= gold[j])
        t = totals.setdefault(role, [0, 0, 0])
        t[0] += correct
        t[1] += len(pred)
        t[2] += len(gold)


def summarise(totals: dict) -> dict:
    result = {role: prf(*t) for role, t in totals.items()}
    result["micro"] = prf(*[sum(t[k] for t in totals.values()) for k in range(3)])
    return result


def run(data_dir: Path, split: str = "dev", settings: Optional[Settings] = None, limit: Optional[int] = None) -> dict:
    """Run the whole pipeline (as `dossier extract` does) over `data_dir/ree_<split>.jsonl` and score it."""
    import tempfile

    from ..pipeline import extract
    from ..records import Failure

    settings = settings or Settings()
    path = Path(data_dir) / f"ree_{split}.jsonl"
    if not path.exists():
        from ..errors import DossierError

        raise DossierError(f"{path}: not found; --data must be a MUC-4 folder holding ree_{split}.jsonl")
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    if limit:
        docs = docs[:limit]
    gold = {d["docid"]: d["extracts"] for d in docs}
    totals: dict = {}
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        with open(inputs, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["docid"], "text": d["doctext"]}) + "\n")
        seen = set()
        for rec in extract([str(inputs)], settings):
            if isinstance(rec, Failure):
                log.warning("%s: %s", rec.source, rec.reason)
                continue
            incidents = [i.to_json() for i in rec.incidents]
            seen.add(rec.article.id)
            count(gold[rec.article.id], {r: predicted_sets(incidents, fld) for r, fld in ROLES.items()}, totals)
    for docid in set(gold) - seen:  # an article the pipeline lost still counts its gold entities
        count(gold[docid], {}, totals)
    result = summarise(totals)
    result["documents"] = len(docs)
    result["seconds"] = round(time.time() - t0, 1)
    return result
