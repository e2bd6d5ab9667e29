"""Measure the benchmark figures the README and the model cards quote, keep them in one JSON file,
and write them into those documents, so that the documents cannot drift from one measurement.

    python scripts/figures.py                      # measure everything (about half an hour), write, render
    python scripts/figures.py --only muc4 gva      # re-measure some; the others stay as docs/figures.json has them
    python scripts/figures.py --render             # only re-render README.md and the model cards from the JSON
    python scripts/figures.py --check              # exit 1 when a document disagrees with the JSON

Each benchmark runs the way the README's commands do: `python -m ndeval inputs` in ../shared/eval,
`python -m newsdossier extract` of this checkout (run from its root, so this checkout's code is what
is measured, whatever is installed), `python -m ndeval score`. GVA's output is scored three times: on
all shared articles, on the tuning part and on the held-out part (`newsdossier/bench/holdout.py`;
each part scored by the reference scorer on a data folder that holds only that part's incidents).
Grouping is scored on `dossier ingest` + `dossier dossiers` output. Results, the commands and the
commit measured go to docs/figures.json; the text between `<!-- figures:NAME:start -->` and
`<!-- figures:NAME:end -->` in README.md and newsdossier/models/*/MODEL_CARD.md is rebuilt from it.
A figure under its floor (the JSON's "floors", kept by hand) is reported and the exit status is 1;
the figures are written anyway, as measured.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
FIGURES = Path("docs/figures.json")
BENCHMARKS = ("polnear", "muc4", "wikievents", "gva", "grouping")
# What is left out of a figure's key is the benchmark's own name: "polnear_dev" is PolNeAR's dev split.
DEFAULT_FLOORS = {"polnear_dev.attribution.f1": 62, "polnear_dev.content.f1": 75, "polnear_dev.direct.f1": 82,
                  "muc4_dev.micro.f1": 48, "gva_all.both_acc": 72, "gva_clusters.b3_f1": 95}

log = logging.getLogger("figures")


# --- measuring ------------------------------------------------------------------------------------

class Runner:
    """Runs ndeval (in SHARED/eval) and this checkout's `dossier` (as `python -m newsdossier`)."""

    def __init__(self, shared: Path, work: Path):
        self.eval = shared / "eval"
        self.work = work

    def _run(self, cmd: list[str], cwd: Path, stdout: Path | None = None) -> str:
        log.info("%s", " ".join(cmd))
        t0 = time.perf_counter()
        if stdout is not None:
            with open(stdout, "w", encoding="utf-8") as out:
                subprocess.run(cmd, cwd=cwd, stdout=out, check=True)
            text = ""
        else:
            text = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, check=True, text=True).stdout
        log.info("  done in %.0f s", time.perf_counter() - t0)
        return text

    def inputs(self, dataset: str, split: str | None) -> Path:
        path = self.work / f"{dataset}-{split or 'all'}.jsonl"
        self._run([sys.executable, "-m", "ndeval", "inputs", dataset, *(["--split", split] if split else [])],
                  self.eval, stdout=path)
        return path

    def dossier(self, *args: str, stdout: Path | None = None) -> None:
        self._run([sys.executable, "-m", "newsdossier", *args], ROOT, stdout=stdout)

    def score(self, dataset: str, predictions: Path, split: str | None = None, data: Path | None = None) -> dict:
        cmd = [sys.executable, "-m", "ndeval", "score", dataset, str(predictions)]
        cmd += ["--split", split] if split else []
        cmd += ["--data", str(data)] if data else []
        return json.loads(self._run(cmd, self.eval))


def _count(path: Path) -> int:
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def _extract_and_score(r: Runner, dataset: str, split: str) -> dict:
    inputs = r.inputs(dataset, split)
    out = r.work / f"{dataset}-{split}.out.jsonl"
    t0 = time.perf_counter()
    r.dossier("extract", str(inputs), "--format", "jsonl", stdout=out)
    seconds = round(time.perf_counter() - t0, 1)
    return {"documents": _count(inputs), "seconds": seconds, "result": r.score(dataset, out, split),
            "commands": [f"python -m ndeval inputs {dataset} --split {split} > in.jsonl",
                         "dossier extract in.jsonl --format jsonl > out.jsonl",
                         f"python -m ndeval score {dataset} out.jsonl --split {split}"]}


def measure_gva(r: Runner, shared: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from newsdossier.bench.holdout import write_part

    inputs = r.inputs("gva", None)
    out = r.work / "gva.out.jsonl"
    t0 = time.perf_counter()
    r.dossier("extract", str(inputs), "--format", "jsonl", stdout=out)
    seconds = round(time.perf_counter() - t0, 1)
    found = {}
    for part, key in (("all", "gva_all"), ("tuning", "gva_tuning"), ("held-out", "gva_held_out")):
        data = None if part == "all" else write_part(shared / "data", part, r.work / f"data-{part}")
        found[key] = {"documents": _count(inputs), "seconds": seconds, "part": part,
                      "result": r.score("gva", out, data=data),
                      "commands": ["python -m ndeval inputs gva > in.jsonl",
                                   "dossier extract in.jsonl --format jsonl > out.jsonl",
                                   "python -m ndeval score gva out.jsonl" + (
                                       "" if part == "all" else f" --data DIR  # DIR: newsdossier.bench.holdout."
                                                                f"write_part(../shared/data, '{part}', DIR)")]}
    return found


def measure_grouping(r: Runner) -> dict:
    inputs = r.inputs("gva-clusters", None)
    db = r.work / "gva-grouping.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    out = r.work / "gva-clusters.out.jsonl"
    t0 = time.perf_counter()
    r.dossier("ingest", str(inputs), "--db", str(db), "--no-progress")
    r.dossier("dossiers", "--db", str(db), "--format", "jsonl", stdout=out)
    return {"documents": _count(inputs), "seconds": round(time.perf_counter() - t0, 1),
            "result": r.score("gva-clusters", out),
            "commands": ["python -m ndeval inputs gva-clusters > in.jsonl", "dossier ingest in.jsonl --db g.db",
                         "dossier dossiers --db g.db --format jsonl > out.jsonl",
                         "python -m ndeval score gva-clusters out.jsonl"]}


def measure(only: tuple[str, ...], shared: Path, work: Path) -> dict:
    r = Runner(shared, work)
    found: dict = {}
    for name in only:
        log.info("== %s", name)
        if name in ("polnear", "muc4", "wikievents"):
            found[f"{name}_dev"] = _extract_and_score(r, name, "dev")
        elif name == "gva":
            found.update(measure_gva(r, shared))
        elif name == "grouping":
            found["gva_clusters"] = measure_grouping(r)
    return found


def commit_state() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # documents this script rewrites do not count as changes to what was measured
    dirty = [line for line in git("status", "--porcelain").splitlines()
             if not line[3:].startswith(("docs/", "README.md")) and not line.endswith("MODEL_CARD.md")]
    return {"commit": git("rev-parse", "HEAD"), "uncommitted_changes": bool(dirty),
            "date": dt.date.today().isoformat()}


# --- rendering ------------------------------------------------------------------------------------

def _get(figs: dict, path: str):
    bench, *keys = path.split(".")
    value = figs["benchmarks"][bench]["result"]
    for k in keys:
        value = value[k]
    return value


def _floor_text(figs: dict, path: str, unit: str = "") -> str:
    floor = figs.get("floors", {}).get(path)
    return f">= {floor:g}{unit}" if floor is not None else "reported"


def _value(figs: dict, path: str, unit: str = "") -> str:
    value = _get(figs, path)
    text = f"{value:.2f}{unit}"
    return f"**{text}**" if path in figs.get("floors", {}) else text


def _prf(figs: dict, path: str, unit: str = "") -> str:
    base = path.rsplit(".", 1)[0]
    return f"{_value(figs, path, unit)} (P {_get(figs, base + '.p'):.2f}, R {_get(figs, base + '.r'):.2f})"


def _gva(figs: dict, key: str) -> str:
    res = figs["benchmarks"][key]["result"]
    return f"{_value(figs, key + '.both_acc', '%')} (killed {res['killed_acc']:.2f}, injured {res['injured_acc']:.2f})"


def _provenance(figs: dict) -> str:
    m = figs["measured_at"]
    extra = " plus uncommitted changes" if m.get("uncommitted_changes") else ""
    which = f" (only {', '.join(m['partial'])} re-measured there)" if m.get("partial") else ""
    return (f"Measured on {m['date']} at commit `{m['commit'][:10]}`{extra}{which} by `python scripts/figures.py`, "
            f"which keeps every figure in `docs/figures.json` and writes them here.")


def readme_benchmarks(figs: dict, root: Path) -> str:
    b = figs["benchmarks"]
    n = lambda key: b[key]["result"].get("articles", b[key]["documents"])
    rows = [
        "| benchmark (split) | figure | value | required now |",
        "|---|---|---|---|",
        f"| PolNeAR (dev, {n('polnear_dev')} articles): who said what | attribution F1 (content and source) | "
        f"{_prf(figs, 'polnear_dev.attribution.f1')} | {_floor_text(figs, 'polnear_dev.attribution.f1')} |",
        f"| | content F1 | {_prf(figs, 'polnear_dev.content.f1')} | {_floor_text(figs, 'polnear_dev.content.f1')} |",
        f"| | direct-quote F1 | {_prf(figs, 'polnear_dev.direct.f1')} | {_floor_text(figs, 'polnear_dev.direct.f1')} |",
        f"| MUC-4 (dev, {n('muc4_dev')} documents): role fillers | CEAF-REE micro F1 | "
        f"{_prf(figs, 'muc4_dev.micro.f1')} | {_floor_text(figs, 'muc4_dev.micro.f1')} |",
        f"| WikiEvents (dev, {n('wikievents_dev')} documents): attack arguments | head-word micro F1 | "
        f"{_prf(figs, 'wikievents_dev.micro.f1')} | {_floor_text(figs, 'wikievents_dev.micro.f1')} |",
        f"| GVA (all {n('gva_all'):,} shared articles): casualty figures, in-sample | killed and injured both "
        f"exact | {_gva(figs, 'gva_all')} | {_floor_text(figs, 'gva_all.both_acc', '%')} |",
        f"| GVA tuning part (70% of the incidents, {n('gva_tuning'):,} articles) | both exact | "
        f"{_gva(figs, 'gva_tuning')} | {_floor_text(figs, 'gva_tuning.both_acc', '%')} |",
        f"| GVA held-out part (30% of the incidents, {n('gva_held_out'):,} articles) | both exact | "
        f"{_gva(figs, 'gva_held_out')} | {_floor_text(figs, 'gva_held_out.both_acc', '%')} |",
        f"| GVA grouping, end to end through the store | B-cubed F1 | {_value(figs, 'gva_clusters.b3_f1')} "
        f"(P {b['gva_clusters']['result']['b3_p']:.2f}, R {b['gva_clusters']['result']['b3_r']:.2f}) | "
        f"{_floor_text(figs, 'gva_clusters.b3_f1')} |",
    ]
    return "\n".join(rows) + "\n\n" + _provenance(figs)


def statements_card(figs: dict, root: Path) -> str:
    res = figs["benchmarks"]["polnear_dev"]["result"]
    lines = ["| figure | P | R | F1 |", "|---|---|---|---|"]
    for key, label in (("content", "content"), ("attribution", "attribution (content and source)"),
                       ("direct", "direct quotes")):
        lines.append(f"| {label} | {res[key]['p']:.2f} | {res[key]['r']:.2f} | **{res[key]['f1']:.2f}** |")
    return "\n".join(lines) + "\n\n" + _provenance(figs)


ROLE_NAMES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


def incidents_card(figs: dict, root: Path) -> str:
    res = figs["benchmarks"]["muc4_dev"]["result"]
    own = json.loads((root / "newsdossier/models/incidents/config.json").read_text(encoding="utf-8"))["dev_scores"]
    wiki = figs["benchmarks"]["wikievents_dev"]["result"]
    floor = figs.get("floors", {}).get("muc4_dev.micro.f1")
    micro = res["micro"]
    lines = ["| | P | R | F1 |", "|---|---|---|---|",
             f"| thresholds' own figure (`config.json`, candidates scored inside training) | "
             f"{own['micro']['p']:.2f} | {own['micro']['r']:.2f} | {own['micro']['f1']:.2f} |",
             f"| end to end, `dossier extract` + `ndeval score muc4` (also `dossier bench incidents`) | "
             f"{micro['p']:.2f} | {micro['r']:.2f} | **{micro['f1']:.2f}** |", "",
             "Per role (end to end): " + ", ".join(f"{r} {res[r]['f1']:.2f}" for r in ROLE_NAMES) + "."]
    if floor is not None:
        lines.append(f"The required {floor:g} is {'reached' if micro['f1'] >= floor else 'not reached'}.")
    lines.append(f"WikiEvents dev (modern, cased news; `ndeval score wikievents`, head-word F1): "
                 f"{wiki['micro']['f1']:.2f} (perpetrator {wiki['perpetrator']['f1']:.2f}, target/victim "
                 f"{wiki['target_or_victim']['f1']:.2f}, weapon {wiki['weapon']['f1']:.2f}).")
    return "\n".join(lines) + "\n\n" + _provenance(figs)


BLOCKS: dict[str, dict[str, Callable[[dict, Path], str]]] = {
    "README.md": {"benchmarks": readme_benchmarks},
    "newsdossier/models/statements/MODEL_CARD.md": {"polnear": statements_card},
    "newsdossier/models/incidents/MODEL_CARD.md": {"muc4": incidents_card},
}


def render(root: Path, figs: dict) -> dict[Path, str]:
    """The documents' text with every marked block rebuilt from `figs` (a path -> text map)."""
    out = {}
    for rel, blocks in BLOCKS.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for name, make in blocks.items():
            pattern = re.compile(rf"(<!-- figures:{name}:start -->\n).*?(<!-- figures:{name}:end -->)", re.S)
            if not pattern.search(text):
                raise SystemExit(f"{rel}: no <!-- figures:{name}:start --> ... end --> block to fill")
            text = pattern.sub(lambda m: m.group(1) + make(figs, root) + "\n" + m.group(2), text, count=1)
        out[path] = text
    return out


def stale(root: Path = ROOT, figures: Path | None = None) -> list[str]:
    """Documents whose marked blocks disagree with the JSON (an empty list when all agree)."""
    figs = json.loads((figures or root / FIGURES).read_text(encoding="utf-8"))
    return [str(p.relative_to(root)) for p, text in render(root, figs).items()
            if p.read_text(encoding="utf-8") != text]


def below_floor(figs: dict) -> list[str]:
    out = []
    for path, floor in figs.get("floors", {}).items():
        try:
            value = _get(figs, path)
        except KeyError:
            continue
        if value < floor:
            out.append(f"{path} = {value} is under its floor {floor}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", choices=BENCHMARKS, help="benchmarks to measure (default: all)")
    ap.add_argument("--render", action="store_true", help="only rewrite the documents from the JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a document disagrees with the JSON")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder with eval/ (the reference scorer) and data/ (default: ../shared)")
    ap.add_argument("--workdir", type=Path, help="keep inputs and outputs here (default: a temporary folder)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    path = ROOT / FIGURES
    if args.check:
        bad = stale()
        for rel in bad:
            print(f"{rel}: figures differ from {FIGURES}; run python scripts/figures.py --render", file=sys.stderr)
        return 1 if bad else 0
    figs = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if not args.render:
        if not (args.shared / "eval" / "ndeval").is_dir():
            print(f"{args.shared}: no eval/ndeval here (the reference scorer); pass --shared", file=sys.stderr)
            return 2
        state = commit_state()
        with tempfile.TemporaryDirectory(prefix="figures-") as tmp:
            work = args.workdir or Path(tmp)
            work.mkdir(parents=True, exist_ok=True)
            found = measure(tuple(args.only or BENCHMARKS), args.shared.resolve(), work.resolve())
        kept = {k: v for k, v in figs.get("benchmarks", {}).items() if k not in found}
        if kept:
            # the figures this run did not measure may come from another commit: say which were measured
            state["partial"] = sorted(found)
        figs = {"measured_at": state, "floors": figs.get("floors", DEFAULT_FLOORS),
                "benchmarks": {**kept, **found}}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figs, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for doc, text in render(ROOT, figs).items():
        doc.write_text(text, encoding="utf-8")
    low = below_floor(figs)
    for line in low:
        print(line, file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
