"""Annotations -> records: entities, statements, incidents, figures, dates, places.

This package's name is also a public function of the library: `newsdossier.extract(inputs,
settings)` reads and extracts articles (`newsdossier.extract_inputs`). Both cannot be separate
objects: the first `import newsdossier.extract.<anything>` (the pipeline itself does one) sets the
attribute `newsdossier.extract` to this package, so a function of that name would work or not
depending on what was imported before. Nor can the package attribute be pinned to the function
(a property on the package's module class): `import newsdossier.extract.incidents as m` and
`from newsdossier import extract` would then get the function instead of the package. So the one
object under that name is this package, made callable: calling it runs the pipeline, importing
from it gives the extractors, whatever was imported first.
"""
from __future__ import annotations

import sys
import types


class _CallablePackage(types.ModuleType):
    """The package `newsdossier.extract`, callable as `newsdossier.extract_inputs`."""

    def __call__(self, inputs, settings=None, stdin=None):
        from ..pipeline import extract_inputs

        return extract_inputs(inputs, settings, stdin=stdin)


# Assigning a module's __class__ to a ModuleType subclass is supported since Python 3.5 (the reference
# documents it under "Customizing module attribute access").
sys.modules[__name__].__class__ = _CallablePackage
