"""Refresh the third-party asset that `dossier serve` ships, from npm, with its licence.

    python scripts/vendor_assets.py

The world outline: Natural Earth 1:110m land from the `world-atlas` package (ISC; the data is
public domain), TopoJSON decoded here and written as one SVG path in plate carrée degrees
(x = longitude, y = -latitude), rounded to 0.1 degree: newsdossier/serve/static/world-110m.svg.

Run by hand when the version below changes; the output is committed, so nothing is fetched when
the server runs. Needs `npm` (only to download the tarball).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "newsdossier" / "serve" / "static"
WORLD_ATLAS = "world-atlas@2.0.2"


def npm_pack(spec: str, into: Path) -> Path:
    """The unpacked `package/` folder of `spec`, downloaded with npm's own client."""
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=into, check=True,
                         capture_output=True, text=True).stdout.split()[-1]
    folder = into / spec.split("@")[0]
    with tarfile.open(into / out) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """One closed ring from its arc indexes (~i is arc i reversed); shared end points once."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring in plate carrée pieces that draw right inside -180..180 degrees.

    Natural Earth's rings are spherical: one that crosses the antimeridian (Chukotka, Fiji) jumps
    from 180 to -180, which a flat drawing shows as a line across the world. Longitudes are made
    continuous, and a ring that then reaches past 180 (or -180) is drawn a second time shifted by
    360, the picture's edge cutting both. A ring around a pole (Antarctica) ends 360 degrees from
    where it started; it is closed along the pole."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) > 180:
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    pieces = [out]
    if max(lon for lon, _ in out) > 180:
        pieces.append([(lon - 360, lat) for lon, lat in out])
    if min(lon for lon, _ in out) < -180:
        pieces.append([(lon + 360, lat) for lon, lat in out])
    return pieces


def outline_path(topology: dict, name: str = "land") -> str:
    """An SVG path (`d`) of every ring of the object `name`, x = lon, y = -lat, 0.1 degree."""
    arcs = decode_arcs(topology)
    parts = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                for piece in unwrap(ring(indexes, arcs)):
                    pts, last = [], None
                    for lon, lat in piece:
                        p = (round(lon, 1), round(-lat, 1))
                        if p != last:
                            pts.append(p)
                            last = p
                    if len(pts) >= 4:
                        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
    return "".join(parts)


def main() -> int:
    vendor = STATIC / "vendor"
    with tempfile.TemporaryDirectory() as tmp:
        atlas = npm_pack(WORLD_ATLAS, Path(tmp))
        path = outline_path(json.loads((atlas / "land-110m.json").read_text()))
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" '
               'preserveAspectRatio="none">'
               f'<!-- Natural Earth 1:110m land, from {WORLD_ATLAS} (ISC); see vendor/world-atlas/LICENSE -->'
               f'<path fill="#dfe3e8" stroke="#b8c0ca" stroke-width="0.15" d="{path}"/></svg>\n')
        (STATIC / "world-110m.svg").write_text(svg, encoding="utf-8")
        (vendor / "world-atlas").mkdir(parents=True, exist_ok=True)
        shutil.copy(atlas / "LICENSE", vendor / "world-atlas" / "LICENSE")
    print(f"wrote {STATIC / 'world-110m.svg'} ({len(svg):,} bytes) and {vendor}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
