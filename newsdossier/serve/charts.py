"""Pictures drawn on the server as SVG, so they show without JavaScript and under a strict CSP:
the figure timeline of a dossier and the map of dossiers.

The functions here only compute geometry (numbers and labels); the templates write the SVG, so
every label is escaped by Jinja like any other text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..records import FigurePoint
from .spans import figure_label

PALETTE = 8  # series colours, CSS classes c0..c7
KIND_TITLES = {"killed": "Killed", "injured": "Injured", "perpetrator_count": "Attackers"}


@dataclass
class Point:
    x: float
    y: float
    y_max: Optional[float]  # top of a range (10-12), None for one number
    open_ended: bool  # "at least 12": an arrow up
    label: str
    title: str
    href: str
    series: int


@dataclass
class Panel:
    kind: str
    title: str
    top: float
    height: float
    y_ticks: list[tuple[float, str]]
    series: list[tuple[int, str]]  # (colour index, SVG path through the series' points)
    points: list[Point] = field(default_factory=list)


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    right: int
    x_ticks: list[tuple[float, str]]
    panels: list[Panel]


def _nice_max(value: float) -> int:
    if value <= 4:
        return 4
    step = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if value <= m * step:
            return int(math.ceil(m * step))
    return int(value)


def timeline(points: list[FigurePoint], colour: Callable[[int], int],
             href: Callable[[FigurePoint], str], source_label: Callable[[int], str]) -> Optional[Timeline]:
    """Killed, injured and attacker counts by publication time (one panel each), one series per
    independent source; None when the dossier has no figures."""
    if not points:
        return None
    dates = sorted({p.published or "" for p in points})
    width, left, right, panel_h, gap, top = 640, 44, 96, 130, 46, 26
    span = width - left - right
    x_of = {d: left + (span * (i + 0.5) / len(dates)) for i, d in enumerate(dates)}
    panels, y0 = [], top
    for kind in ("killed", "injured", "perpetrator_count"):
        mine = [p for p in points if p.kind == kind and p.min is not None]
        if not mine:
            continue
        top_value = _nice_max(max(max(p.min or 0, p.max or 0) for p in mine) * 1.15)
        scale = lambda v, y0=y0, tv=top_value: y0 + panel_h - (panel_h * v / tv)
        ticks = [(scale(top_value * i / 4), f"{top_value * i / 4:g}") for i in range(5)]
        panel = Panel(kind=kind, title=KIND_TITLES[kind], top=y0, height=panel_h, y_ticks=ticks, series=[])
        by_series: dict[int, list[Point]] = {}
        # Points of one date from several sources sit side by side, not on top of each other.
        same_day: dict[str, int] = {}
        for p in sorted(mine, key=lambda p: (p.published or "", p.source_group)):
            nth = same_day.get(p.published or "", 0)
            same_day[p.published or ""] = nth + 1
            point = Point(
                x=x_of[p.published or ""] + 9 * nth, y=scale(p.min),
                y_max=scale(p.max) if p.max is not None and p.max != p.min else None,
                open_ended=p.max is None and p.qualifier not in ("exact", ""),
                label=figure_label(p.min, p.max, p.qualifier),
                title=f"{KIND_TITLES[kind]}: \u201c{p.text}\u201d — {source_label(p.source_group)}, "
                      f"{p.published or 'undated'}" + (f", per {p.source}" if p.source else ""),
                href=href(p), series=colour(p.source_group))
            panel.points.append(point)
            by_series.setdefault(p.source_group, []).append(point)
        for group, pts in by_series.items():
            if len(pts) > 1:
                d = "M" + "L".join(f"{pt.x:.1f},{pt.y:.1f}" for pt in pts)
                panel.series.append((colour(group), d))
        panels.append(panel)
        y0 += panel_h + gap
    x_ticks = [(x_of[d], d[:10] if d else "undated") for d in dates]
    return Timeline(width=width, height=int(y0 - gap + 28), left=left, right=right, x_ticks=x_ticks, panels=panels)


@dataclass
class Dot:
    x: float
    y: float
    r: float
    href: str
    title: str


@dataclass
class WorldMap:
    view_box: str
    dots: list[Dot]
    stroke: float


def world_map(places: list[tuple[float, float, Optional[int], str, str]],
              focus: Optional[tuple[float, float]] = None) -> WorldMap:
    """A map of `(lat, lon, killed, href, title)` places on the shipped world outline (plate
    carrée: x = longitude, y = -latitude); the whole world, or a window around `focus`."""
    if focus is None:
        x, y, w, h = -180.0, -84.0, 360.0, 150.0
    else:
        w, h = 60.0, 30.0
        x = min(max(focus[1] - w / 2, -180.0), 180.0 - w)
        y = min(max(-focus[0] - h / 2, -90.0), 90.0 - h)
    unit = w / 360.0
    dots = []
    for lat, lon, killed, href, title in places:
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        r = (1.4 + min(3.6, math.sqrt(killed or 0) * 0.6)) * (unit if focus is None else unit * 5)
        dots.append(Dot(x=lon, y=-lat, r=round(r, 2), href=href, title=title))
    return WorldMap(view_box=f"{x:g} {y:g} {w:g} {h:g}", dots=dots, stroke=round(0.3 * unit, 3))
