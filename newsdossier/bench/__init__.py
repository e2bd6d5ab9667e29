"""Benchmarks behind `dossier bench NAME --data DIR`: accuracy with the reference scorer's rules,
and speed/memory. Each is registered in `newsdossier.registry.benches` (newsdossier/registrations.py) as
`run(data_dir, split, settings, limit=None) -> dict`.
"""
from __future__ import annotations

import inspect

from .. import registry
from ..errors import DossierError


def get(name: str):
    """The benchmark `name`, called with `limit` only when it accepts one."""
    try:
        run = registry.benches.get(name)
    except Exception as exc:
        known = ", ".join(sorted(registry.benches.get_all()))
        raise DossierError(f"no benchmark named {name!r}; registered: {known}") from exc
    takes_limit = "limit" in inspect.signature(run).parameters

    def call(data, split, settings, limit=None):
        if takes_limit:
            return run(data, split, settings, limit=limit)
        return run(data, split, settings)

    return call
