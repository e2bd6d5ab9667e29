"""Exports: the dossiers in the shapes their users' tools expect (GTD and ACLED CSV, GeoJSON,
Parquet, JSON Lines), each a function registered in `registry.exporters` by a versioned name.

Every exporter starts from `flat.FlatDossier` (the values in force, corrections over machine
values) and streams: rows are written as dossiers are read from the store. `api.export` is what
`dossier export` calls.
"""
