"""`dossier bulk`: the same extraction as `extract`, over many inputs, as Parquet shards.

`bulk()` in order:
1. plan the shards (`plan.plan`): byte ranges of the inputs, named by position, keyed by content;
2. read `OUT/manifest.json`: a run of the same plan is resumed (its finished shards are skipped),
   a run of another plan is refused; files of unfinished shards (a killed run's) are removed;
3. hand the other shards to the engine (`registry.engines`: "local" or "ray");
4. as each shard comes back, write `records-NNNNN.parquet` and `failures-NNNNN.parquet` (each
   written to a temporary name and renamed, so a file is whole or absent), then add the shard to
   the manifest (rewritten the same way). A shard is in the manifest only when both files are
   whole, so a run killed at any point and started again leaves no duplicate article ids.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__, registry
from ..errors import DossierError
from ..records import BulkProgress, Failure
from ..settings import Settings
from .plan import Shard, plan

MANIFEST = "manifest.json"
DEFAULT_SHARD_SIZE = 500


def bulk(inputs: Iterable[str], out: str, settings: Optional[Settings] = None, engine: str = "local",
         workers: int = 1, address: Optional[str] = None,
         shard_size: int = DEFAULT_SHARD_SIZE) -> Iterator[BulkProgress]:
    """Extract `inputs` into Parquet shards under `out`; yields progress after each shard."""
    settings = settings or Settings()
    inputs = list(inputs)
    if workers < 1:
        raise DossierError(f"workers must be at least 1 (got {workers})")
    try:
        run = registry.engines.get(engine)
    except Exception:  # catalogue.RegistryError
        known = ", ".join(sorted(registry.engines.get_all()))
        raise DossierError(f"no bulk engine named {engine!r}; registered: {known}") from None
    shards, fingerprint = plan(inputs, settings, shard_size)
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DossierError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    manifest = _manifest(folder, fingerprint, inputs, shard_size, len(shards))
    done = manifest["done"]
    for name in [n for n, entry in done.items() if not _complete(folder, n)]:
        del done[name]  # listed but its files are gone: do it again
    _remove_unfinished(folder, set(done))
    pending = [s for s in shards if s.name not in done or done[s.name]["key"] != s.key]
    # Largest shards first (longest-processing-time-first): the shards that finish last are small
    # ones, so the workers run out of work at nearly the same moment instead of one finishing a
    # long shard while the others wait.
    pending.sort(key=_weight, reverse=True)
    progress = BulkProgress(shards_total=len(shards), shards_skipped=len(shards) - len(pending))
    yield progress
    if not pending:
        return
    started = time.monotonic()
    for result in run(pending, settings, workers=workers, address=address):
        records, failures = result.tables()
        _write(folder / f"records-{result.name}.parquet", records)
        _write(folder / f"failures-{result.name}.parquet", failures)
        done[result.name] = {"key": result.key, "articles": result.articles, "failures": result.failed,
                             "seconds": result.seconds, "engine": engine}
        _save(folder, manifest)
        progress = progress.model_copy(update={
            "shards_done": progress.shards_done + 1, "articles": progress.articles + result.articles,
            "failures": progress.failures + result.failed, "seconds": round(time.monotonic() - started, 3),
            "last": result.name,
            "new_failures": tuple(Failure(**row) for row in failures.to_pylist()),
        })
        yield progress


def _weight(shard: Shard) -> int:
    """A shard's size in bytes of input (a whole file's size; 0 for what has none, e.g. a URL)."""
    total = 0
    for piece in shard.pieces:
        if piece.end is not None:
            total += piece.end - piece.start
        else:
            try:
                total += os.path.getsize(piece.path)
            except OSError:
                pass
    return total


def _manifest(folder: Path, fingerprint: str, inputs: list[str], shard_size: int, total: int) -> dict:
    path = folder / MANIFEST
    fresh = {"version": 1, "plan": fingerprint, "inputs": inputs, "shard_size": shard_size, "shards": total,
             "newsdossier": __version__, "done": {}}
    if not path.exists():
        if any(folder.glob("records-*.parquet")):
            raise DossierError(f"{folder} holds records-*.parquet files but no {MANIFEST}; use an empty --out")
        return fresh
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DossierError(f"{path}: cannot read the manifest ({exc}); use another --out") from None
    if manifest.get("plan") != fingerprint:
        raise DossierError(f"{folder} holds a bulk run of other inputs, another --shard-size or other settings "
                           f"({MANIFEST}); resume it with the same command, or use another --out")
    manifest.setdefault("done", {})
    return manifest


def _complete(folder: Path, name: str) -> bool:
    return all((folder / f"{kind}-{name}.parquet").exists() for kind in ("records", "failures"))


def _remove_unfinished(folder: Path, finished: set[str]) -> None:
    """Files a killed run left for shards it did not finish (and half-written temporary files)."""
    for path in list(folder.glob("records-*.parquet*")) + list(folder.glob("failures-*.parquet*")):
        name = path.name.split("-", 1)[1].split(".", 1)[0]
        if name not in finished or path.suffix != ".parquet":
            path.unlink(missing_ok=True)


def _write(path: Path, table: pa.Table) -> None:
    temporary = path.with_name(path.name + ".tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def _save(folder: Path, manifest: dict) -> None:
    temporary = folder / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)
