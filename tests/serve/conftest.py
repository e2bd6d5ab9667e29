"""Server fixtures: a real SQLite store ingested (with the real pipeline) from `examples/` and the
invented articles of `serve_corpus.py`, built once per session (modules that write copy it), and one
headless chromium per module for Playwright (see `serve_helpers.chromium`)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from serve_corpus import write_corpus  # noqa: E402
from serve_helpers import ROOT, chromium  # noqa: E402


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """A store of examples/ and the test corpus (never written to: copy it with `serve_helpers.copy_store`)."""
    from newsdossier.settings import Settings
    from newsdossier.store import Store

    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.db"
    # An input that is rejected, named so that the rejected-inputs page must escape its name.
    bad = folder / 'bad"><img src=x onerror=alert(1)>.txt'
    bad.write_bytes(b"")
    with Store(str(path)) as store:
        report = store.ingest([str(ROOT / "examples"), str(write_corpus(folder)), str(bad)], Settings(),
                              progress=False)
    assert report.added >= 8 and report.rejected == 1, report
    return path


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for a module, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    path = chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
