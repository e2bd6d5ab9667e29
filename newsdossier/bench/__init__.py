"""Benchmarks behind `dossier bench NAME --data DIR`: accuracy with the reference scorer's rules,
and speed/memory. Each is registered in `newsdossier.registry.benches` (newsdossier/registrations.py) as
`run(data_dir, split, settings, limit=None) -> dict` (`speed` also takes `articles=N`).
"""
from __future__ import annotations

import inspect
import resource

from .. import registry
from ..errors import DossierError


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used so far: on a shared machine the figure to
    compare, since wall-clock seconds measure the other jobs too."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def get(name: str):
    """The benchmark `name`, called with `limit` only when it accepts one."""
    try:
        run = registry.benches.get(name)
    except Exception as exc:
        known = ", ".join(sorted(registry.benches.get_all()))
        raise DossierError(f"no benchmark named {name!r}; registered: {known}") from exc
    params = inspect.signature(run).parameters

    def call(data, split, settings, limit=None, articles=None, repeat=None):
        options = {"limit": limit} if "limit" in params else {}
        for option, value in (("articles", articles), ("repeat", repeat)):
            if value is not None:
                if option not in params:
                    raise DossierError(f"benchmark {name!r} takes no --{option}")
                options[option] = value
        return run(data, split, settings, **options)

    return call
