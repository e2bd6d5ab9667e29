"""Shared by the casualty tests: (killed, injured) point values an invented text gets."""
from newsdossier.extract.figures import incident_figures


def counts(analyzed, text, published="2025-06-14"):
    ctx = analyzed(text, published)
    figs = incident_figures(ctx, 0, len(text))
    pt = lambda f: 0 if f is None or f.min is None else f.min
    return pt(figs.killed), pt(figs.injured)
