"""Benchmark of the casualty figures on the Gun Violence Archive pilot crawl (SemEval-2018 Task 5).

`run(data_dir, split, settings)` re-implements the reference scorer (`ndeval score gva`):
- articles: those of `articles.jsonl` whose incident has a record in `incidents.jsonl`, each article
  id once, with at least 400 characters of text that mention the incident's city or county
  (the part before " (" of `city_or_county`, case-insensitive);
- per article, `killed.min` and `injured.min` of the incident's figures (a missing figure or a
  missing lower bound counts as 0) against the record's `num_killed` / `num_injured`;
- figures: exact accuracy of each, of both together (`both_acc`, the headline), and the mean
  absolute error over the two.
Also reported, outside the reference scorer: the incident date (`dates.incident_date`, against the
record's `date`), the city (`places.incident_location` city or name against `city_or_county`) and
the US state (`region` against `state`), as exact-match percentages over the same articles.

The figures are `figures.incident_figures` over the whole article text (the main incident's span
is the incident assembler's business; this bench measures the counting itself). The data has no
splits (about 30% of its incidents are withheld by its curators); the rules were developed on the
shared articles, so `split` "held-out" scores only the incidents `holdout.py` sets aside from rule
development (out of sample), "tuning" the rest, and any other value (the CLI's default "dev" too)
all shared articles.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import time
from pathlib import Path
from typing import Optional

from ..records import Article
from .holdout import PARTS, in_part
from .scoring import load_gva

log = logging.getLogger(__name__)

def _gold_date(text: Optional[str]) -> Optional[str]:
    """'April 10, 2017' -> '2017-04-10'."""
    try:
        return dt.datetime.strptime(text or "", "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _point(fig) -> int:
    return int(fig.min) if fig is not None and fig.min is not None else 0


def run(data_dir: Path, split: str = "all", settings=None, limit: Optional[int] = None) -> dict:
    """Score killed/injured figures on the GVA articles; returns the scorer's figures plus speed."""
    from ..analyze.pipeline import analyze
    from ..extract.context import Context
    from ..extract.incidents.dates import incident_date
    from ..extract.figures import incident_figures
    from ..extract.incidents.places import incident_location
    from ..ingest.boilerplate import find_boilerplate
    from ..settings import Settings

    settings = settings or Settings()
    part = split if split in PARTS else "all"
    pairs = [(a, inc) for a, inc in load_gva(data_dir) if in_part(str(inc["incident_id"]), part)]
    if limit is not None:
        pairs = pairs[:limit]
    gold = {a["article_id"]: inc for a, inc in pairs}
    # as the JSONL reader builds them: text unchanged, page furniture listed in `removed`
    articles = [Article(id=a["article_id"], source=f"gva#{a['article_id']}", text=a["content"],
                        published=a.get("dct"), input_format="jsonl", removed=find_boilerplate(a["content"]))
                for a, _ in pairs]
    n = killed_ok = injured_ok = both_ok = abs_err = 0
    date_ok = city_ok = state_ok = 0
    t0 = time.perf_counter()
    for item in analyze(articles, settings):
        if not isinstance(item, tuple):
            log.warning("not analysed: %s", item)
            continue
        article, doc = item
        ctx = Context(article=article, doc=doc, settings=settings)
        figs = incident_figures(ctx, 0, len(article.text))
        inc = gold[article.id]
        k, i = _point(figs.killed), _point(figs.injured)
        gk, gi = int(inc["num_killed"]), int(inc["num_injured"])
        n += 1
        killed_ok += k == gk
        injured_ok += i == gi
        both_ok += k == gk and i == gi
        abs_err += abs(k - gk) + abs(i - gi)
        # the incident's date and place against the record (not part of the reference scorer)
        date = incident_date(ctx, 0, len(article.text))
        date_ok += date is not None and date.value == _gold_date(inc.get("date"))
        loc = incident_location(ctx, 0, len(article.text))
        city = (inc.get("city_or_county") or "").split(" (")[0].lower()
        city_ok += loc is not None and (loc.city or loc.name or "").lower() == city
        state_ok += loc is not None and loc.region is not None and loc.region == inc.get("state")
    seconds = time.perf_counter() - t0
    missing = len(pairs) - n

    def pct(x: int) -> float:
        # articles that could not be analysed count as wrong, as the scorer counts missing output
        return round(100 * x / len(pairs), 2) if pairs else 0.0

    return {"dataset": "gva", "part": part, "articles": len(pairs), "killed_acc": pct(killed_ok),
            "injured_acc": pct(injured_ok), "both_acc": pct(both_ok),
            "mae": round(abs_err / (2 * n), 3) if n else 0.0, "articles_missing_from_output": missing,
            "date_exact": pct(date_ok), "city_exact": pct(city_ok), "state_exact": pct(state_ok),
            "seconds": round(seconds, 1), "articles_per_second": round(n / seconds, 2) if seconds else None}


def write_predictions(data_dir: Path, out_path: Path, settings=None, limit: Optional[int] = None) -> int:
    """Write `{"article": {"id"}, "incidents": [{"killed", "injured"}]}` JSONL for `ndeval score gva`.

    The same figures as `run`, so the reference scorer can check this module's re-implementation.
    Returns the number of records written.
    """
    from ..analyze.pipeline import analyze
    from ..extract.context import Context
    from ..extract.figures import incident_figures
    from ..ingest.boilerplate import find_boilerplate
    from ..settings import Settings

    settings = settings or Settings()
    pairs = load_gva(data_dir)[:limit] if limit is not None else load_gva(data_dir)
    articles = [Article(id=a["article_id"], source=f"gva#{a['article_id']}", text=a["content"],
                        published=a.get("dct"), input_format="jsonl", removed=find_boilerplate(a["content"]))
                for a, _ in pairs]
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for item in analyze(articles, settings):
            if not isinstance(item, tuple):
                continue
            article, doc = item
            figs = incident_figures(Context(article=article, doc=doc, settings=settings), 0, len(article.text))
            inc = {f.name: (getattr(figs, f.name).to_json() if getattr(figs, f.name) is not None else None)
                   for f in dataclasses.fields(figs)}
            out.write(json.dumps({"article": {"id": article.id}, "incidents": [inc]}) + "\n")
            n += 1
    return n



if __name__ == "__main__":  # python -m newsdossier.bench.figures DATA_DIR OUT.jsonl
    import sys

    logging.basicConfig(level=logging.WARNING)
    write_predictions(Path(sys.argv[1]), Path(sys.argv[2]))
