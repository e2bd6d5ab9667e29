"""False incidents on news that reports none, and reports that keep theirs: the figures of the README's
"Incident decision" table, counted on `dossier extract --format jsonl` output.

    python -m newsdossier.bench.false_incidents inputs ecb > ecb-dev.jsonl      # ECB+ dev as dossier input
    python -m newsdossier.bench.false_incidents count polnear polnear-dev.out.jsonl
    python -m newsdossier.bench.false_incidents count ecb ecb-dev.out.jsonl
    python -m newsdossier.bench.false_incidents count gva gva.out.jsonl           # the held-out part only

polnear: the PolNeAR dev articles judged (by reading) to report no violent incident
(`bench/data/polnear_dev_judgements.tsv`) that get one, and the two incident reports that keep theirs;
the articles are split into halves by a SHA-1 of their id, so that a choice made on one half can be
reported on the other. ecb: ECB+ dev's non-violent topics (awards, appointments, a climber's fall,
drunk-driving arrests) that get an incident, beside the office shootings (topic 18, kept) and the
hit-and-run crashes (topic 21). gva: of the GVA held-out part (`train.relevance.gva_part`'s 30% by
SHA-1 of the incident id), the articles given an incident and those whose main incident has both
killed and injured exact (the reference scorer's rule).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Iterator, Optional

from ..train import relevance as trel


def records(path: Path) -> dict[str, dict]:
    """Output records by article id (failure lines, which have no article, are skipped)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                if "article" in row:
                    out[row["article"]["id"]] = row
    return out


def has_incident(record: Optional[dict]) -> bool:
    return bool(record and record.get("incidents"))


def half(article_id: str) -> str:
    return "A" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def count_polnear(recs: dict[str, dict], judgements: dict[str, str]) -> dict:
    judged = {i: judgements.get(trel.article_key(i)) for i in recs}
    none = [i for i, j in judged.items() if j == "no_incident"]
    false = sorted(i for i in none if has_incident(recs[i]))
    reports = [i for i, j in judged.items() if j == "incident"]
    out = {"no_incident": len(none), "false": len(false), "false_pct": round(100 * len(false) / max(1, len(none)), 1),
           "reports": len(reports), "reports_kept": sum(has_incident(recs[i]) for i in reports), "false_ids": false}
    for h in "AB":
        out[f"half_{h}"] = [sum(half(i) == h for i in false), sum(half(i) == h for i in none)]
    return out


def count_ecb(recs: dict[str, dict], subtopics: dict[str, str]) -> dict:
    def topic(pred):
        return [i for i in recs if pred(subtopics.get(i, ""))]

    calm = topic(lambda s: s in trel.ECB_DEV_NONVIOLENT)
    false = sorted(i for i in calm if has_incident(recs[i]))
    shootings, crashes = topic(lambda s: s.startswith("18_")), topic(lambda s: s.startswith("21_"))
    return {"non_violent": len(calm), "false": len(false), "false_pct": round(100 * len(false) / max(1, len(calm)), 1),
            "false_ids": false, "topic18_kept": [sum(has_incident(recs[i]) for i in shootings), len(shootings)],
            "topic21_incident": [sum(has_incident(recs[i]) for i in crashes), len(crashes)]}


def _point(figure: Optional[dict]) -> int:
    return int(figure["min"]) if figure and figure.get("min") is not None else 0


def count_gva(recs: dict[str, dict], data: Path) -> dict:
    folder = data / "semeval2018t5_gva_pilot"
    incidents = {r["incident_id"]: r for r in trel._jsonl(folder / "incidents.jsonl")}
    scored = {d["id"]: d for d in trel.gva(data, frozenset({"heldout"}))}
    gold = {a["article_id"]: incidents[a["incident_id"]] for a in trel._jsonl(folder / "articles.jsonl")
            if a["article_id"] in scored}
    # The 30% bucket alone (the README's 984 articles), not the project's held-out part added to it.
    ids = [i for i in gold if int(hashlib.sha1(str(gold[i]["incident_id"]).encode()).hexdigest(), 16) % 10 < 3]
    given = both = 0
    for i in ids:
        rec = recs.get(i)
        given += has_incident(rec)
        main = ((rec or {}).get("incidents") or [{}])[0]
        both += (_point(main.get("killed")) == int(gold[i]["num_killed"])
                 and _point(main.get("injured")) == int(gold[i]["num_injured"]))
    n = len(ids)
    return {"articles": n, "missing": sum(i not in recs for i in ids), "given": given,
            "given_pct": round(100 * given / max(1, n), 1), "both_exact_pct": round(100 * both / max(1, n), 2)}


def ecb_inputs(data: Path, split: str = "dev") -> Iterator[dict]:
    for r in trel._jsonl(data / "ecbplus" / f"{split}.jsonl"):
        yield {"id": r["doc_id"], "text": trel.ecb_text(r)}


def ecb_subtopics(data: Path, split: str = "dev") -> dict[str, str]:
    return {r["doc_id"]: r["subtopic"] for r in trel._jsonl(data / "ecbplus" / f"{split}.jsonl")}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["inputs", "count"])
    ap.add_argument("dataset", choices=["polnear", "ecb", "gva"])
    ap.add_argument("predictions", nargs="?", type=Path, help="dossier extract --format jsonl output (count)")
    ap.add_argument("--data", type=Path, default=trel.DEFAULT_DATA)
    args = ap.parse_args(argv)
    if args.what == "inputs":
        if args.dataset != "ecb":
            ap.error("inputs: only ecb (use `python -m ndeval inputs` for polnear and gva)")
        for row in ecb_inputs(args.data):
            sys.stdout.write(json.dumps(row) + "\n")
        return
    if args.predictions is None:
        ap.error("count needs the predictions file")
    try:
        recs = records(args.predictions)
    except (OSError, ValueError) as exc:
        ap.error(f"{args.predictions}: cannot read dossier output ({exc})")
    if args.dataset == "polnear":
        result = count_polnear(recs, trel.read_judgements())
    elif args.dataset == "ecb":
        result = count_ecb(recs, ecb_subtopics(args.data))
    else:
        result = count_gva(recs, args.data)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
