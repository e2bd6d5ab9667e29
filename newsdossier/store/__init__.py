"""The store: articles, rejected inputs and dossiers in SQLite (default) or PostgreSQL.

    from newsdossier.store import Store
    store = Store("dossier.db")            # or "postgresql://user@host/db"
    store.ingest(["articles.jsonl"])
    for dossier in store.dossiers(): ...
"""
from .db import Store, resolve_url

__all__ = ["Store", "resolve_url"]
