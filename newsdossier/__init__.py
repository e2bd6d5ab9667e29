"""newsdossier: reads news about violent incidents and answers, with evidence, what happened,
who says who did it, who said what, and what is settled and what is contested.

Python API (mirrors the `dossier` command line):
    newsdossier.extract_inputs(["article.txt"], settings) -> records (ArticleRecord | Failure)
    newsdossier.extract_text("Gunmen stormed …", published="2025-06-14") -> ArticleRecord
    with newsdossier.Store("dossier.db") as store:                  # or "postgresql://…"
        store.ingest(["folder/"]); store.dossiers()
`newsdossier.extract(...)` is the same as `extract_inputs(...)`: the subpackage of that name is
callable (see newsdossier/extract/__init__.py), so it works whatever was imported before.
"""
__version__ = "0.1.0"

__all__ = ["Settings", "load_settings", "extract", "extract_inputs", "extract_text", "Store", "__version__"]


def __getattr__(name):
    # Lazy, so that importing a record type does not load spaCy and the whole pipeline.
    if name in ("Settings", "load_settings"):
        from . import settings

        return getattr(settings, name)
    if name == "extract":
        # The callable subpackage; importing it also binds it here, so this runs once.
        import importlib

        return importlib.import_module(".extract", __name__)
    if name in ("extract_inputs", "extract_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'newsdossier' has no attribute {name!r}")
