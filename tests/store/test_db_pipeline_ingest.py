"""Ingest through the real pipeline: invented articles in, dossiers out; a rerun skips what is
stored; an article that breaks an extractor is quarantined and the rest go on."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsdossier.settings import Settings
from newsdossier.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus, write_jsonl  # noqa: E402


@pytest.mark.model
def test_db_pipeline_ingest_and_rerun(tmp_path):
    rows = [{k: r[k] for k in ("id", "text", "published")} for r in invented_corpus(3)]
    rows.append({"id": "blank", "text": "   "})
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    with Store(str(tmp_path / "p.db")) as store:
        first = store.ingest([str(path)], Settings(batch_size=2))
        assert first.added == len(rows) - 1 and first.rejected == 1
        assert all(r.model == Settings().model for r in store.articles())  # went through the pipeline
        second = store.ingest([str(path)], Settings(batch_size=2))
        assert (second.added, second.updated, second.unchanged) == (0, 0, len(rows) - 1)


@pytest.mark.model
def test_db_pipeline_bug_in_one_article_is_quarantined(tmp_path, monkeypatch):
    import newsdossier.pipeline as pipeline

    real = pipeline.extract_records

    def flaky(articles, settings):
        for item in real(articles, settings):
            if getattr(item, "article", None) is not None and "Quenford" in item.article.text:
                raise IndexError("list index out of range")
            yield item
    monkeypatch.setattr(pipeline, "extract_records", flaky)
    rows = [{"id": "ok", "text": "A man was shot and wounded outside a bakery in Tarnby on Friday, police said."},
            {"id": "bad", "text": "Two people were hurt in a shooting in Quenford on Saturday, police said."}]
    path = write_jsonl(rows, tmp_path / "in.jsonl")
    with Store(str(tmp_path / "p.db")) as store:
        report = store.ingest([str(path)], Settings(batch_size=8))
        assert report.added == 1 and report.rejected == 1
        [failure] = store.failures()
        assert failure.source.endswith("#2") and "IndexError" in failure.reason
