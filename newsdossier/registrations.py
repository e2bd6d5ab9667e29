"""The built-in registrations, all in one place (spaCy's `registrations.py` pattern).

Built-in functions are plain functions in their modules; `register_builtins()` puts each in its
registry under its versioned name. Every entry point that looks a name up (the CLI, the pipeline,
`export`, `bulk`, the benchmarks) calls it first; it runs once per process. Plugins add to the
same registries through entry points (newsdossier/registry.py), so a plugin and a built-in are
found the same way.
"""
from __future__ import annotations

from . import registry

_done = False


def register_builtins() -> None:
    """Register every built-in extractor, format, reader, fetcher, exporter, engine and benchmark."""
    global _done
    if _done:
        return
    from .extract.incidents import EXTRACTOR as INCIDENTS, extract_incidents
    from .extract.statements import EXTRACTOR as STATEMENTS, extract_statements

    registry.extractors.register(STATEMENTS, func=extract_statements)
    registry.extractors.register(INCIDENTS, func=extract_incidents)
    _done = True
