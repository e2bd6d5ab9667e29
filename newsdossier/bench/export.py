"""Memory and time of `dossier export` on a store of N synthetic dossiers.

`dossier bench export --data FOLDER --limit N` writes a SQLite store of N invented dossiers (one
article each, with statements, a figure timeline and a responsibility cell) into FOLDER, then runs
`dossier export` once per format in a child process and reports each one's seconds and peak RSS
(the child's own maximum resident set, from wait4). Flat memory means the peak barely moves from
10,000 to 100,000 dossiers. The store is built with plain inserts, not the pipeline, so that
building 100,000 takes a minute rather than hours.
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from ..records import (Article, ArticleRecord, Dossier, Figure, FigurePoint, Filler, Incident, IncidentDate,
                       Location, ResponsibilityCell, Span, Statement)
from ..settings import Settings
from ..store import Store, schema
from ..store.columns import dossier_columns, incident_rows
from ..store.db import record_to_row

FORMATS = (("csv-gtd", "gtd.csv"), ("csv-acled", "acled.csv"), ("geojson", "dossiers.geojson"),
           ("jsonl", "dossiers.jsonl"), ("parquet", "parquet"))
TOWNS = (("Vellora", -37.56, 143.85, "Australia", "AU"), ("Tarnby", 59.91, 10.75, "Norway", "NO"),
         ("Oskerville", 40.71, -74.0, "United States", "US"), ("Brinmoor", 51.5, -0.12, "United Kingdom", "GB"))
TEXT = ("Gunmen opened fire at a market in {town} on Friday, killing {killed} people and wounding {injured}, "
        "police said. The {group} claimed responsibility in a statement posted online. \"We heard shots and "
        "everyone ran,\" said a trader who gave her name as Ilse. The police case number is {case}.")


def _templates() -> tuple[dict, dict]:
    """One article record and one dossier as JSON, to copy and vary (faster than building models)."""
    text = TEXT.format(town="Vellora", killed=3, injured=5, group="Northern Front", case=0)
    statement = Statement(id="s1", kind="direct", content=Span.at(text, 150, 180), type="other")
    article = ArticleRecord(article=Article(id="a", source="bench", title="Market attack", site="example.org",
                                            published="2024-03-02", text=text), statements=(statement,))
    killed = Figure(min=3, max=3, text="3 people", start=60, end=68)
    incident = Incident(id="d", types=("armed_assault",), date=IncidentDate(value="2024-03-01", text="on Friday",
                                                                             start=40, end=49, precision="day"),
                        location=Location(name="Vellora", city="Vellora", precision="town"),
                        perpetrator_organizations=(Filler(text="Northern Front"),), killed=killed,
                        injured=Figure(min=5, max=5, text="5", start=80, end=81))
    dossier = Dossier(id="d", articles=("a",), incident=incident, independent_sources=1,
                      figures=(FigurePoint(kind="killed", article="a", published="2024-03-02", min=3, max=3),),
                      responsibility=(ResponsibilityCell(party="Northern Front", article="a", how="claimed"),),
                      first_published="2024-03-02", last_published="2024-03-02")
    return article.to_json(), dossier.to_json()


def build_store(path: Path, n: int, batch: int = 2000) -> None:
    """A SQLite store at `path` holding `n` synthetic dossiers of one article each."""
    article_t, dossier_t = _templates()
    with Store(str(path)) as store:
        for start in range(0, n, batch):
            articles, dossiers, members, incidents = [], [], [], []
            for k in range(start, min(start + batch, n)):
                town, lat, lon, country, code = TOWNS[k % len(TOWNS)]
                aid, did = f"a{k:07d}", f"d{k:012x}"
                day = f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}"
                a = copy.deepcopy(article_t)
                a["article"].update(id=aid, published=day, text=TEXT.format(
                    town=town, killed=k % 7, injured=k % 11, group=f"Front {k % 50}", case=k))
                record = ArticleRecord.model_validate(a)
                articles.append(record_to_row(record))
                d = copy.deepcopy(dossier_t)
                d.update(id=did, articles=[aid], first_published=day, last_published=day)
                d["incident"].update(id=did)
                d["incident"]["date"]["value"] = day
                d["incident"]["location"].update(name=town, city=town, country=country, country_code=code,
                                                 lat=lat, lon=lon)
                d["incident"]["killed"].update(min=k % 7, max=k % 7)
                d["figures"][0].update(article=aid, published=day, min=k % 7, max=k % 7)
                d["responsibility"][0].update(article=aid, party=f"Front {k % 50}")
                d["incident"]["perpetrator_organizations"][0]["text"] = f"Front {k % 50}"
                dossier = Dossier.model_validate(d)
                dossiers.append({"id": did, "first_date": day, "size": 1, "record": json.dumps(d, sort_keys=True),
                                 **dossier_columns(dossier)})
                members.append({"dossier_id": did, "article_id": aid, "position": 0})
                incidents.extend(incident_rows(record))
            with store.engine.begin() as conn:
                conn.execute(schema.articles.insert(), articles)
                conn.execute(schema.dossiers.insert(), dossiers)
                conn.execute(schema.dossier_articles.insert(), members)
                if incidents:
                    conn.execute(schema.incidents.insert(), incidents)


def _measure(args: list[str], stdout) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return time.perf_counter() - started, usage.ru_maxrss / 1024, proc.returncode


def run(data: Path, split: str, settings: Settings, limit: Optional[int] = None) -> dict:
    """Build a store of `limit` (default 10,000) dossiers in the folder `data`, export every format."""
    n = limit or 10_000
    folder = Path(data)
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench-{n}.db"
    for stale in folder.glob(f"bench-{n}.db*"):
        stale.unlink()
    started = time.perf_counter()
    build_store(db, n)
    result = {"dossiers": n, "build_seconds": round(time.perf_counter() - started, 1),
              "store_mb": round(db.stat().st_size / 2**20, 1), "formats": {}}
    baseline = _measure([sys.executable, "-c", "import newsdossier.cli, newsdossier.export.api"], subprocess.DEVNULL)
    result["import_only_peak_rss_mb"] = round(baseline[1], 1)
    for fmt, name in FORMATS:
        out = folder / f"{n}-{name}"
        seconds, peak, code = _measure([sys.executable, "-m", "newsdossier", "export", "--format", fmt,
                                        "--db", str(db), "--out", str(out)], subprocess.DEVNULL)
        size = sum(p.stat().st_size for p in out.rglob("*")) if out.is_dir() else out.stat().st_size
        result["formats"][fmt] = {"seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1),
                                  "output_mb": round(size / 2**20, 1), "exit": code}
    return result
