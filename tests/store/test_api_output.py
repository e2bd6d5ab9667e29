"""The functions behind `dossier ingest`, `dossier dossiers` and `dossier show`, and the progress report."""
from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import pytest

from newsdossier.errors import DossierError, StoreError
from newsdossier.reconcile.render import dossier_json
from newsdossier.settings import Settings
from newsdossier.store import Store
from newsdossier.store.api import list_dossiers, show_dossier
from newsdossier.store.progress import Progress

sys.path.insert(0, str(Path(__file__).parent))
from store_corpus import invented_corpus, write_jsonl  # noqa: E402
from fake_extract import slow_extract  # noqa: E402


@pytest.fixture
def filled(tmp_path):
    db = str(tmp_path / "api.db")
    rows = invented_corpus(5)
    with Store(db) as store:
        store.ingest([str(write_jsonl(rows, tmp_path / "in.jsonl"))], Settings(), extract=slow_extract())
    return db, rows


def test_api_jsonl_one_dossier_per_line(filled):
    db, rows = filled
    lines = "".join(list_dossiers(db, "jsonl")).splitlines()
    parsed = [json.loads(line) for line in lines]
    assert sorted(a for d in parsed for a in d["articles"]) == sorted(r["id"] for r in rows)
    for d in parsed:
        assert {"id", "articles", "incident", "figures", "claims", "contradictions"} <= set(d)


def test_api_json_and_markdown(filled):
    db, _ = filled
    assert isinstance(json.loads("".join(list_dossiers(db, "json"))), list)
    md = "".join(list_dossiers(db, "markdown"))
    assert md.count("# Dossier ") == len("".join(list_dossiers(db, "jsonl")).splitlines())
    with pytest.raises(DossierError):
        list(list_dossiers(db, "yaml"))


def test_api_json_streamed_is_the_whole_array(filled, tmp_path):
    db, _ = filled
    pieces = list(list_dossiers(db, "json"))
    with Store(db, read_only=True) as store:
        whole = [dossier_json(d) for d in store.dossiers()]
    assert len(pieces) == len(whole) + 1  # one piece per dossier, then the closing bracket
    assert "".join(pieces) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    empty = str(tmp_path / "empty.db")
    Store(empty).close()
    assert "".join(list_dossiers(empty, "json")) == "[]\n"


def test_api_show_by_dossier_or_article_id(filled):
    db, rows = filled
    first = json.loads(next(iter(list_dossiers(db, "jsonl"))))
    assert show_dossier(first["id"], db).startswith(f"# Dossier {first['id']}")
    assert show_dossier(first["articles"][0], db).startswith(f"# Dossier {first['id']}")
    with pytest.raises(StoreError):
        show_dossier("nope", db)


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_terminal_and_log_lines_otherwise(caplog, monkeypatch):
    out = Tty()
    bar = Progress(stream=out)
    bar.update(5, {"added": 5})
    bar.close()
    assert "5" in out.getvalue() and "article" in out.getvalue()
    monkeypatch.setattr("newsdossier.store.progress.LOG_EVERY_S", 0.0)
    plain = io.StringIO()
    with caplog.at_level(logging.INFO, logger="newsdossier.store.progress"):
        quiet = Progress(stream=plain)
        quiet.update(3)
        quiet.close()
    assert plain.getvalue() == ""
    assert "3 inputs stored" in caplog.text
