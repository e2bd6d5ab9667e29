"""The shipped CRF weights open from their compressed file, tag as the raw file does, and stay
usable after the compressed bytes are gone from the caller (crfsuite reads from the buffer)."""
from __future__ import annotations

import gc
import lzma

import pytest

from newsdossier.errors import ModelError
from newsdossier.extract.crf_model import compress, exists, open_tagger
from newsdossier.extract.incidents.roles.crf import MODEL_DIR

SHIPPED = MODEL_DIR / "fillers.crfsuite"
ITEMS = [{"w=gunmen": 1.0, "pos=NOUN": 1.0}, {"w=attacked": 1.0, "pos=VERB": 1.0}, {"w=bank": 1.0, "pos=NOUN": 1.0}]


def test_crf_model_opens_compressed_and_raw_alike(tmp_path):
    assert exists(SHIPPED) and not SHIPPED.is_file()
    packed = open_tagger(SHIPPED)
    gc.collect()
    raw = tmp_path / "fillers.crfsuite"
    raw.write_bytes(lzma.decompress((MODEL_DIR / "fillers.crfsuite.xz").read_bytes()))
    plain = open_tagger(raw)
    assert packed.labels() == plain.labels() and packed.tag(ITEMS) == plain.tag(ITEMS)
    # compress() writes what the package ships, which opens the same
    again = compress(raw)
    raw.unlink()
    assert open_tagger(again).tag(ITEMS) == plain.tag(ITEMS)


def test_crf_model_missing_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        open_tagger(tmp_path / "none.crfsuite")
