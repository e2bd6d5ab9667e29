"""Bulk extraction: many inputs (JSONL, WARC, folders, URLs) to Parquet shards, resumably, on a
process pool or on Ray (`dossier bulk`). See run.py for the stages, plan.py for the shards,
shard.py for the work of one shard and engines.py for the engines."""
from .run import bulk

__all__ = ["bulk"]
