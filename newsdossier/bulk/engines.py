"""Engines that run shards: "local" (a process pool on this machine) and "ray" (Ray Data, locally
or on a cluster). Registered in `registry.engines`; each is `engine(shards, settings, workers,
address) -> Iterator[ShardResult]`, yielding shards as they finish, in any order.

Both keep one `ShardWorker` per worker process, so the spaCy pipeline is loaded once per worker,
not once per shard; both run the same `ShardWorker.run`, so they give the same records.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, Optional

from ..errors import DossierError
from ..settings import Settings
from .plan import Shard
from .shard import ShardResult, ShardWorker

logger = logging.getLogger(__name__)

RAY_OBJECT_STORE = 512 * 2**20  # bytes of shared memory for a local Ray; results of a few shards at a time

_worker: Optional[ShardWorker] = None


def _start_worker(settings_json: str, blas_threads: Optional[int] = None) -> None:
    global _worker
    # Ctrl-C reaches the whole process group; the parent decides what stops (no traceback per worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = ShardWorker(Settings.model_validate_json(settings_json), blas_threads)


def blas_share(workers: int) -> int:
    """BLAS threads per worker: its share of the cores. Each OpenBLAS otherwise starts a thread per
    core, and threads that spin while they wait take CPU from the other workers (2 workers on 2
    cores ran 1.65x one worker's speed)."""
    return max(1, (os.cpu_count() or 1) // max(workers, 1))


def _run_shard(shard_json: str) -> ShardResult:
    return _worker.run(Shard.from_json(shard_json))


def local_engine(shards: list[Shard], settings: Settings, workers: int = 1,
                 address: Optional[str] = None) -> Iterator[ShardResult]:
    """A pool of `workers` processes on this machine, each fed one shard at a time."""
    if address:
        raise DossierError("--address names a Ray cluster; use it with --engine ray")
    # spawn: a fresh interpreter per worker, nothing inherited from the parent's threads or locks.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(settings.model_dump_json(), blas_share(workers)))
    queue = iter(shards)
    running: set = set()
    finished = False
    try:
        while True:
            while len(running) < 2 * workers:  # a little ahead, so no worker waits for the next shard
                shard = next(queue, None)
                if shard is None:
                    break
                running.add(pool.submit(_run_shard, shard.to_json()))
            if not running:
                break
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
        finished = True
    except BrokenProcessPool:
        raise DossierError("a bulk worker process died (out of memory?); the finished shards are kept, "
                           "run the same command again to resume") from None
    finally:
        if not finished:  # stopped or failed: do not wait for the shards under way
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=finished, cancel_futures=True)


class RayShards:
    """The Ray Data callable class: one per actor, so each actor loads spaCy once."""

    def __init__(self, settings_json: str):
        self.worker = ShardWorker(Settings.model_validate_json(settings_json), blas_threads=1)  # num_cpus=1

    def __call__(self, batch: dict) -> dict:
        results = [self.worker.run(Shard.from_json(str(text))) for text in batch["shard"]]
        return {"result": [pickle.dumps(result) for result in results]}


def ray_engine(shards: list[Shard], settings: Settings, workers: int = 1,
               address: Optional[str] = None) -> Iterator[ShardResult]:
    """Ray Data: the shards as a dataset (`from_items`), `map_batches` with an actor pool of
    `workers` actors of `RayShards`, results streamed back as each shard finishes. A local Ray is
    started (and shut down) unless `address` names a running cluster (`ray start --head`)."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise DossierError(f"--engine ray needs Ray Data: pip install 'ray[data]' ({exc})") from None
    started = False
    if not ray.is_initialized():
        # Ray's own notices (token setup, progress bars) would drown the progress lines; errors still show.
        options = dict(logging_level=logging.ERROR, log_to_driver=False)
        try:
            if address:
                ray.init(address=address, **options)
            else:
                # Local workers inherit this process's environment (PYTHONPATH included).
                ray.init(num_cpus=workers, include_dashboard=False, object_store_memory=RAY_OBJECT_STORE, **options)
        except Exception as exc:  # ConnectionError, RuntimeError, ...: Ray names the problem
            where = f"the Ray cluster at {address}" if address else "a local Ray"
            raise DossierError(f"cannot start {where} ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None
        started = True
    try:
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        dataset = ray.data.from_items([{"shard": shard.to_json()} for shard in shards], override_num_blocks=len(shards))
        dataset = dataset.map_batches(
            RayShards, fn_constructor_kwargs={"settings_json": settings.model_dump_json()}, batch_size=1,
            batch_format="numpy", num_cpus=1, compute=ray.data.ActorPoolStrategy(size=workers))
        for row in dataset.iter_rows():
            yield pickle.loads(row["result"])
    finally:
        if started:
            ray.shutdown()
