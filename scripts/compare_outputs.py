"""Record-for-record check that `dossier extract` prints the same JSON before and after a change.

    python scripts/compare_outputs.py run OUTDIR NAME=INPUT [NAME=INPUT ...]
    python scripts/compare_outputs.py compare BEFORE_DIR AFTER_DIR

`run` calls `python -m newsdossier extract INPUT --format jsonl` with this interpreter (so the
tree on PYTHONPATH is the one measured) and writes OUTDIR/NAME.jsonl (one record per article) and
OUTDIR/NAME.failures.txt (the "skipped" lines of standard error, sorted). `compare` matches the
records of each NAME in both folders by article id and prints, per differing record, the first
JSON path where they differ, then a count per NAME; it exits 1 when anything differs.

Used for refactors that must not change behaviour (issue 10: one house for extraction).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple


def run(outdir: Path, pairs: list) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    status = 0
    for pair in pairs:
        name, _, source = pair.partition("=")
        if not source:
            print(f"compare_outputs: {pair!r} is not NAME=INPUT", file=sys.stderr)
            return 2
        with open(outdir / f"{name}.jsonl", "wb") as out:
            done = subprocess.run([sys.executable, "-m", "newsdossier", "extract", source,
                                   "--format", "jsonl", "--no-progress"],
                                  stdout=out, stderr=subprocess.PIPE)
        skipped = sorted(line for line in done.stderr.decode("utf-8", "replace").splitlines()
                         if line.startswith("dossier: skipped"))
        (outdir / f"{name}.failures.txt").write_text("".join(s + "\n" for s in skipped), "utf-8")
        print(f"{name}: exit {done.returncode}, {sum(1 for _ in open(outdir / f'{name}.jsonl', 'rb'))} records, "
              f"{len(skipped)} skipped", file=sys.stderr)
        if done.returncode not in (0, 1):
            print(done.stderr.decode("utf-8", "replace")[-2000:], file=sys.stderr)
            status = 1
    return status


def records(path: Path) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        key = (record.get("article") or {}).get("id") or f"line {number}"
        if key in out:  # same id twice: keep both, told apart by position
            key = f"{key} (line {number})"
        out[key] = record
    return out


def first_difference(a: Any, b: Any, path: str = "$") -> Optional[str]:
    """The first JSON path at which a and b differ, or None when they are equal."""
    if type(a) is not type(b):
        return f"{path} (type {type(a).__name__} vs {type(b).__name__})"
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{path}.{key} (only {'after' if key not in a else 'before'})"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        if len(a) != len(b):
            return f"{path} (length {len(a)} vs {len(b)})"
        return None
    return None if a == b else f"{path} ({json.dumps(a)[:60]} vs {json.dumps(b)[:60]})"


def compare_one(before: Path, after: Path) -> Tuple[int, int, Iterator[str]]:
    old, new = records(before), records(after)
    lines = []
    for key in list(old) + [k for k in new if k not in old]:
        if key not in new:
            lines.append(f"  {key}: missing after")
        elif key not in old:
            lines.append(f"  {key}: new after")
        else:
            found = first_difference(old[key], new[key])
            if found:
                lines.append(f"  {key}: {found}")
    return len(old), len(lines), iter(lines)


def _failures(output: Path) -> str:
    """The sorted "skipped" lines written beside an output, or "" when there are none."""
    path = output.with_suffix(".failures.txt")
    return path.read_text("utf-8") if path.exists() else ""


def compare(before_dir: Path, after_dir: Path) -> int:
    total = 0
    for before in sorted(before_dir.glob("*.jsonl")):
        after = after_dir / before.name
        if not after.exists():
            print(f"{before.stem}: no output after")
            total += 1
            continue
        count, differing, lines = compare_one(before, after)
        for line in lines:
            print(line)
        failures_differ = _failures(before) != _failures(after)
        if failures_differ:
            print(f"  {before.stem}: skipped lines differ")
        print(f"{before.stem}: {count} records, {differing} differ"
              + (", skipped lines differ" if failures_differ else ""))
        total += differing + failures_differ
    print(f"total differences: {total}")
    return 1 if total else 0


def main(argv: list) -> int:
    if len(argv) >= 3 and argv[0] == "run":
        return run(Path(argv[1]), argv[2:])
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
