"""Registries: built-ins and plugins are looked up by a versioned name, the same road for both.

A plugin package adds to a registry through the entry-point group `newsdossier_<name>`, e.g.
`[project.entry-points.newsdossier_formats] "yaml.v1" = "mypkg:write_yaml"`. The built-ins are
registered in one place, `registrations.py`, the first time a registry is read (so `dossier export`
does not load spaCy to find an exporter).
"""
from typing import Any, Dict

import catalogue


class Registry(catalogue.Registry):
    """A catalogue registry that holds the built-ins before it answers."""

    def get(self, name: str) -> Any:
        self._builtins()
        return super().get(name)

    def get_all(self) -> Dict[str, Any]:
        self._builtins()
        return super().get_all()

    def _builtins(self) -> None:
        from .registrations import register_builtins

        register_builtins(self.namespace[-1])


def _create(name: str) -> Registry:
    return Registry(("newsdossier", name), entry_points=True)


formats = _create("formats")
fetchers = _create("fetchers")
readers = _create("readers")
extractors = _create("extractors")
exporters = _create("exporters")
benches = _create("benches")
engines = _create("engines")  # `dossier bulk --engine`
