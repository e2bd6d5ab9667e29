"""The encoder's products run on one BLAS thread (OpenBLAS's spinning pool tripled their CPU time on
a busy machine), and the thread count is put back afterwards; the numbers do not change beyond float32
rounding (a BLAS may split a product differently by thread count: the last bits can differ)."""
from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info

from newsdossier.reconcile import embed


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_one_blas_thread_inside_and_the_count_restored_after():
    embed.blas_libraries()  # loads scipy's BLAS too, so that `before` counts every library the context limits
    before = _blas_threads()
    assert before, "numpy is loaded, so its BLAS is"
    with embed.one_blas_thread():
        assert set(_blas_threads()) == {1}
    assert _blas_threads() == before


def test_products_are_the_same_on_one_thread():
    rng = np.random.default_rng(3)
    a, b = rng.normal(size=(4, 200, 384)).astype(np.float32), rng.normal(size=(384, 1536)).astype(np.float32)
    pooled = a @ b
    with embed.one_blas_thread():
        single = a @ b
    np.testing.assert_allclose(single, pooled, rtol=1e-5, atol=1e-4)


def test_the_encoder_runs_inside_it():
    # Random weights of the real layout are not needed: the layer loop is where the products are.
    seen = []

    class Probe(embed.MiniLM):
        def __init__(self):
            pass

        def _hidden(self, ids, mask, layers):
            seen.append(_blas_threads())
            return np.zeros((1, 1, 1), np.float32)

    Probe().hidden(np.zeros((1, 1), np.int64), np.ones((1, 1), np.float32))
    assert seen and set(seen[0]) == {1}
