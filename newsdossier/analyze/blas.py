"""Matrix products on numpy's OpenBLAS, one thread at a time.

spaCy's layers multiply through thinc's ops, which by default call BLIS (the `blis` wheel). On the
2-core machines here BLIS ran the tok2vec and NER products about three times slower than numpy's
OpenBLAS for the same CPU (a 5,000 x 288 by 288 x 288 product: 31 against 9 ms on one thread), and
those products are about a third of the analysis. `thinc_ops()` is the context spaCy pipelines are
loaded in so that their layers multiply with numpy; the annotations are the same (tags, parses,
entities and lemmas of the 81,742 tokens of PolNeAR dev identical either way).

OpenBLAS's default pool (one thread per core) spins while it waits: on a busy machine that tripled
the CPU time of the sentence encoder (2.1 against 0.7 CPU s for six leads, the same vectors). A
process that extracts is one of several on its cores anyway (`dossier bulk`, the server's workers),
so the products run on one thread (`one_blas_thread`).
"""
from __future__ import annotations

from functools import lru_cache

from threadpoolctl import ThreadpoolController


def thinc_ops():
    """The context to load a spaCy pipeline in so that its layers multiply with numpy's BLAS."""
    from thinc.api import use_ops

    return use_ops("numpy", use_blis=False)


@lru_cache(maxsize=1)
def blas_libraries() -> ThreadpoolController:
    # Made once (looking the libraries up costs milliseconds), after numpy and scipy have loaded
    # theirs: each wheel brings its own OpenBLAS, and a controller sees only the libraries loaded
    # when it is made. Importing scipy takes most of a second: part of loading, not of an article.
    import scipy.special  # noqa: F401

    return ThreadpoolController().select(user_api="blas")


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread (the former count is put back after)."""
    return blas_libraries().limit(limits=1)
