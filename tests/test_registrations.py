"""Built-in registrations: every registry knows its built-ins at its first lookup, whatever was
imported before, and reading one registry does not import what the others need."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fresh(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_registrations_every_builtin_found_at_first_lookup():
    out = _fresh("""
        import sys
        from newsdossier import registry
        print(sorted(registry.exporters.get_all()), "spacy" in sys.modules)
        print(sorted(registry.formats.get_all()), sorted(registry.fetchers.get_all()))
        print(sorted(registry.readers.get_all()))
        print(sorted(registry.engines.get_all()))
        print(registry.extractors.get("incidents.v1").__module__)
        print(sorted(registry.benches.get_all()))
    """).splitlines()
    # an exporter is found without loading spaCy (what the extractors need)
    assert out[0] == "['csv-acled.v1', 'csv-gtd.v1', 'geojson.v1', 'jsonl.v1', 'parquet.v1'] False"
    assert out[1] == "['json', 'jsonl', 'markdown'] ['http.v1']"
    assert out[2] == "['feed.v1', 'html.v1', 'jsonl.v1', 'sitemap.v1', 'text.v1', 'warc.v1']"
    assert out[3] == "['local', 'ray']"
    assert out[4] == "newsdossier.extract.incidents"
    assert out[5] == "['export', 'figures', 'grouping', 'incidents', 'peer', 'scale', 'serve', 'speed', 'statements']"


def test_registrations_a_registry_nobody_reads_is_gone():
    from newsdossier import registry

    assert not hasattr(registry, "stores")
