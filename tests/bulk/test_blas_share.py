"""Each local bulk worker gets its share of the cores for numpy's BLAS, so that BLAS threads of one
worker do not take the CPU of another (README, bulk figures)."""
import os

import pytest
from threadpoolctl import ThreadpoolController

from newsdossier.bulk.engines import blas_share
from newsdossier.bulk.shard import ShardWorker


def test_share_of_the_cores():
    cores = os.cpu_count() or 1
    assert blas_share(1) == cores
    assert blas_share(cores) == 1
    assert blas_share(4 * cores) == 1  # never none
    assert blas_share(0) == cores


@pytest.mark.model
def test_worker_limits_every_blas_it_loaded(settings):
    worker = ShardWorker(settings, blas_threads=1)
    try:
        blas = [lib for lib in ThreadpoolController().info() if lib["user_api"] == "blas"]
        assert blas and all(lib["num_threads"] == 1 for lib in blas)
    finally:
        worker._blas_limit.restore_original_limits()
