"""spaCy's layers multiply with numpy's OpenBLAS (`analyze.blas`), on one thread, with the same
annotations as with thinc's default BLIS."""
from __future__ import annotations

import spacy
from threadpoolctl import threadpool_info

from newsdossier.analyze import blas
from newsdossier.analyze.pipeline import analyze, load_pipeline
from newsdossier.records import Article
from newsdossier.settings import Settings

TEXT = ("Gunmen opened fire on a bus near Halvik on Tuesday, killing four passengers and wounding nine, the "
        "regional governor, Edda Morn, told reporters. \"They came out of the trees,\" said a driver who saw it.")


def _annotations(doc):
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]


def test_blas_ops_the_pipeline_multiplies_with_numpy():
    settings = Settings()
    nlp = load_pipeline(settings.model)
    for name in ("tok2vec", "ner"):
        model = nlp.get_pipe(name).model
        assert model.ops.name == "numpy" and model.ops.use_blis is False


def test_blas_ops_same_annotations_as_blis():
    settings = Settings()
    stock = spacy.load(settings.model)
    assert stock.get_pipe("tok2vec").model.ops.use_blis  # the default the switch is measured against
    with blas.thinc_ops():
        switched = spacy.load(settings.model)
    assert _annotations(switched(TEXT)) == _annotations(stock(TEXT))


def test_blas_ops_the_analysis_runs_on_one_blas_thread(monkeypatch):
    seen = []
    settings = Settings()
    nlp = load_pipeline(settings.model)
    original = type(nlp).pipe

    def probe(self, *args, **kwargs):
        seen.append({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", probe)
    list(analyze([Article(id="a", source="a", text=TEXT)], settings))
    assert seen and all(threads == {1} for threads in seen)
