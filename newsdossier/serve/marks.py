"""An article's text as HTML with its evidence spans highlighted: `<mark id="span-START-END">`.

Spans may nest or cross. Nested spans become nested marks; a span that crosses the end of an
enclosing one is cut there, its first piece carrying the id (so `#span-START-END` lands on where it
begins) and the rest continuing the highlight without one. Every character of the text is escaped.
"""
from __future__ import annotations

import heapq
from typing import Iterable

from markupsafe import Markup, escape

from .spans import Marked


def _pieces(spans: Iterable[Marked]) -> list[tuple[int, int, str, str, str]]:
    """Properly nested pieces (start, end, id, kinds, title), in document order."""
    merged: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    for m in spans:
        kinds, titles = merged.setdefault((m.start, m.end), ([], []))
        if m.kind not in kinds:
            kinds.append(m.kind)
        if m.title not in titles:
            titles.append(m.title)
    heap = [(s, -e, n, f"span-{s}-{e}", " ".join(k), "; ".join(t))
            for n, ((s, e), (k, t)) in enumerate(sorted(merged.items()))]
    heapq.heapify(heap)
    order = len(heap)
    pieces, open_ends = [], []
    while heap:
        start, neg_end, _, ident, kinds, title = heapq.heappop(heap)
        end = -neg_end
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:
            cut = open_ends[-1]
            order += 1
            heapq.heappush(heap, (cut, -end, order, "", kinds, title))
            end = cut
        pieces.append((start, end, ident, kinds, title))
        open_ends.append(end)
    return pieces


def marked_text(text: str, spans: Iterable[Marked]) -> Markup:
    """`text` escaped, with a `<mark>` around every span (see the module docstring)."""
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_to(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(str(escape(text[pos:end])))
            out.append("</mark>")
            pos = end

    for start, end, ident, kinds, title in _pieces(spans):
        close_to(start)
        out.append(str(escape(text[pos:start])))
        pos = start
        id_attr = f' id="{escape(ident)}"' if ident else ""
        cont = " cont" if not ident else ""
        out.append(f'<mark{id_attr} class="{escape(kinds)}{cont}" title="{escape(title)}">')
        open_ends.append(end)
    close_to(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
