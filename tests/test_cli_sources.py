"""The command line of the feed, sitemap and WARC inputs: `watch`, `bulk` and the filters refuse bad
usage with exit code 2 and one line, before loading anything."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args, word", [
    (["extract", "x.rss", "--since", "2024-05-02", "--until", "2024-05-01"], "after --until"),
    (["ingest", "x.rss", "--since", "yesterday"], "not a date"),
    (["watch", "http://127.0.0.1:9/feed.xml", "--every", "soon"], "not a duration"),
    (["watch", "http://127.0.0.1:9/feed.xml", "--polls", "0"], "polls"),
    (["bulk", "-", "--out", "records"], "standard input"),
    (["bulk", "x.jsonl", "--out", "records", "--workers", "0"], "workers"),
])
def test_cli_sources_usage_errors(args, word):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert word in result.output


def test_cli_sources_bulk_unknown_engine_is_named(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "Police said the road reopened."}\n', encoding="utf-8")
    result = runner.invoke(app, ["bulk", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"), "--engine", "spark"])
    assert result.exit_code == 3 and "no bulk engine named 'spark'; registered: local, ray" in result.output
