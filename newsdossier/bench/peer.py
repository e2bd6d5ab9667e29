"""Our whole extraction against a quotes-only peer, on the same articles, one process each.

`dossier bench peer --data FILE [--limit N]` runs, each in a fresh child process so that the peak
resident set (from wait4) is that process's own:
  - **ours**: what `dossier extract FILE --format jsonl` does (read, analyse, entities, statements,
    incidents, each record serialised as JSON and dropped);
  - **peer**: the same spaCy pipeline (`settings.model`, all its components) over the articles'
    texts with `nlp.pipe`, and textacy's `direct_quotations` on each Doc: quotes only, no speakers
    resolved beyond textacy's own rule, no incidents;
  - **peer_openblas**: the peer with the one change to spaCy we make ourselves, its layers loaded to
    multiply with numpy's OpenBLAS on one thread instead of BLIS (`analyze.blas`), so that the
    report shows how much of our lead is that switch, which any spaCy user could make.
It reports each one's wall and CPU seconds (the whole process, loading included, and the work
alone, timed inside the child after loading), articles per second and peak RSS, and the ratios
peer / ours (above 1.0: we are faster). CPU seconds are the fairer figure on a shared machine.
On a busy machine they still vary by a fifth from run to run (other processes evict the caches):
`repeat=N` runs the two sides N times each, alternating, and reports for each side its run with
the fewest work CPU seconds (the least disturbed, as `timeit` advises), with every run's work CPU
seconds listed under `runs`.
textacy is a benchmark dependency (the `test` extra), not a runtime one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Optional

from ..errors import DossierError
from ..settings import Settings
from . import cpu_seconds


def _texts(path: str, limit: Optional[int]) -> list[str]:
    """The `text` of each JSONL line (what the peer reads; ours reads the same lines itself)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in islice((ln for ln in fh if ln.strip()), limit):
            row = json.loads(line)
            if row.get("text"):
                out.append(row["text"])
    return out


# Run once before the clock starts on each side, so that "work" leaves out spaCy's and numpy's
# first calls. What our extractors load lazily (gazetteer, encoders, taggers, on the first article
# that needs them) is loaded before it by `extract.preload`: an article that needs none of it
# (this one names no known place) loads none of it.
WARM_UP = ("Gunmen shot and killed two guards at a depot in Vellora on Monday, the police said. "
           "\"We heard the shots and ran,\" said Ilse Varn, who works nearby.")


def _ours(path: str, limit: Optional[int], settings_json: str) -> dict:
    from ..ingest import read_inputs
    from ..extract import preload
    from ..pipeline import extract_records
    from ..records import Article, Failure
    from ..serve.formats import write_jsonl
    from ..settings import check_settings

    settings = check_settings(Settings.model_validate_json(settings_json))
    preload(settings)  # loading is timed with the process, not with the work
    list(extract_records([Article(id="warm-up", source="warm-up", text=WARM_UP)], settings))
    wall, cpu = time.perf_counter(), cpu_seconds()
    done = 0

    def records():
        nonlocal done
        for item in extract_records(islice(read_inputs([path], settings), limit), settings):
            if not isinstance(item, Failure):
                done += 1
                yield item

    with open(os.devnull, "w", encoding="utf-8") as sink:
        write_jsonl(records(), sink)  # as `dossier extract --format jsonl` writes them
    return {"articles": done, "work_wall_s": time.perf_counter() - wall, "work_cpu_s": cpu_seconds() - cpu}


def _peer(path: str, limit: Optional[int], model: str, openblas: bool = False) -> dict:
    import spacy
    from textacy.extract.triples import direct_quotations

    from ..analyze.blas import one_blas_thread, thinc_ops

    if openblas:
        with thinc_ops():
            nlp = spacy.load(model)
        one_blas_thread().__enter__()  # for the whole child process
    else:
        nlp = spacy.load(model)
    list(direct_quotations(nlp(WARM_UP)))
    texts = _texts(path, limit)
    wall, cpu = time.perf_counter(), cpu_seconds()
    done = quotes = 0
    for doc in nlp.pipe(texts):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy gives up on an odd number of quote marks; the parse is done
            pass
        done += 1
    return {"articles": done, "quotes": quotes, "work_wall_s": time.perf_counter() - wall,
            "work_cpu_s": cpu_seconds() - cpu}


def _measure(side: str, path: str, limit: Optional[int], settings: Settings) -> dict:
    # Ours runs with the run's settings (`--config`: `ner = "fast"`, ...), the peer with its model.
    what = settings.model_dump_json() if side == "ours" else settings.model
    args = [sys.executable, "-m", "newsdossier.bench.peer", side, path, str(limit or 0), what]
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise DossierError(f"bench peer: the {side} process failed with exit status {proc.returncode}"
                           + ("; is textacy installed (pip install 'newsdossier[test]')?" if side != "ours" else ""))
    result = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    n = max(result["articles"], 1)
    return {
        "articles": result["articles"],
        **({"quotes": result["quotes"]} if "quotes" in result else {}),
        "process_wall_s": round(wall, 2),
        "process_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "work_wall_s": round(result["work_wall_s"], 2),
        "work_cpu_s": round(result["work_cpu_s"], 2),
        "articles_per_second": round(n / result["work_wall_s"], 2) if result["work_wall_s"] else None,
        "articles_per_cpu_second": round(n / result["work_cpu_s"], 2) if result["work_cpu_s"] else None,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def _ratio(peer: dict, ours: dict, key: str) -> Optional[float]:
    return round(peer[key] / ours[key], 2) if ours.get(key) else None


def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None, repeat: int = 1) -> dict:
    path = Path(data)
    if path.is_dir() and (path / f"{split}.jsonl").exists():
        path = path / f"{split}.jsonl"
    if not path.is_file():
        raise DossierError(f"bench peer: {data} is not a JSONL file of articles")
    if repeat < 1:
        raise DossierError(f"bench peer: repeat must be at least 1, not {repeat}")
    sides = ("ours", "peer", "peer_openblas")
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for _ in range(repeat):
        for side in sides:
            runs[side].append(_measure(side, str(path), limit, settings))
    ours, peer, peer_openblas = (min(runs[side], key=lambda r: r["work_cpu_s"]) for side in sides)
    keys = ("process_cpu_s", "process_wall_s", "work_cpu_s", "work_wall_s")
    return {
        "data": str(path), "model": settings.model, "ner": settings.ner, "ours": ours, "peer": peer,
        "peer_openblas": peer_openblas,
        "runs": {side: [r["work_cpu_s"] for r in runs[side]] for side in runs},
        # peer / ours: above 1.0 means our full extraction is faster than the peer's quotes.
        "ratio": {key: _ratio(peer, ours, key) for key in keys},
        "ratio_peer_openblas": {key: _ratio(peer_openblas, ours, key) for key in keys},
    }


if __name__ == "__main__":  # the child: python -m newsdossier.bench.peer SIDE PATH LIMIT (SETTINGS_JSON | MODEL)
    # SIDE: ours, peer or peer_openblas
    side, path, limit, what = sys.argv[1], sys.argv[2], int(sys.argv[3]) or None, sys.argv[4]
    if side == "ours":
        print(json.dumps(_ours(path, limit, what)))
    else:
        print(json.dumps(_peer(path, limit, what, openblas=side == "peer_openblas")))
