"""Registries: built-ins and plugins are looked up by a versioned name, the same road for both.

A plugin package adds to a registry through the entry-point group `newsdossier_<name>`, e.g.
`[project.entry-points.newsdossier_formats] "yaml.v1" = "mypkg:write_yaml"`.
"""
import catalogue

formats = catalogue.create("newsdossier", "formats", entry_points=True)
fetchers = catalogue.create("newsdossier", "fetchers", entry_points=True)
readers = catalogue.create("newsdossier", "readers", entry_points=True)
extractors = catalogue.create("newsdossier", "extractors", entry_points=True)
stores = catalogue.create("newsdossier", "stores", entry_points=True)
exporters = catalogue.create("newsdossier", "exporters", entry_points=True)
benches = catalogue.create("newsdossier", "benches", entry_points=True)
engines = catalogue.create("newsdossier", "engines", entry_points=True)  # `dossier bulk --engine`
