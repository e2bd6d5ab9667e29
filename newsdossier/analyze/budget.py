"""A time budget per article, checked cooperatively between stages and inside their long loops.

Every stage is linear in the article's length (analysis cuts texts into bounded pieces, see
`pipeline.split_text`), so the budget is a backstop for what linear still makes slow: an article
that runs past `settings.article_seconds` becomes its own Failure, naming the budget and the stage
it was in, and the batch goes on. No signals and no threads: each check reads the clock, so it
works the same in any thread of a server.

The clock is the CPU time of the thread doing the work (`time.thread_time`), not the wall clock:
the same article gets the same verdict on a busy machine as on an idle one, and time spent
waiting (for a fetch, for another thread's lock) is not charged. It travels with the article's
Doc (`doc.user_data`) so that any stage holding the Doc can check it. What is charged to an
article is the analysis of the batches that held its pieces plus its own extraction, not the time
spent reading other inputs or extracting other articles.
"""
from __future__ import annotations

import time

from spacy.tokens import Doc

from ..errors import BudgetError

_KEY = ("newsdossier", "budget")
# Read through the module (`budget.clock()`), so a test can put a deterministic clock in its place.
clock = time.thread_time


def start(doc: Doc, seconds: float, spent: float = 0.0) -> None:
    """Start (or carry on) `doc`'s clock: `spent` seconds of its budget are already used."""
    doc.user_data[_KEY] = (clock() - spent, float(seconds))


def over(seconds: float, used: float, stage: str) -> BudgetError:
    """The error for an article that used `used` of its `seconds` while in `stage`."""
    return BudgetError(f"stopped during {stage} after {used:.1f} s: over the time budget of "
                       f"{seconds:g} CPU seconds per article (article_seconds)")


def check(doc: Doc, stage: str) -> None:
    """Raise BudgetError when `doc`'s article has run past its budget (a no-op without one)."""
    entry = doc.user_data.get(_KEY)
    if entry is None:
        return
    used = clock() - entry[0]
    if used > entry[1]:
        raise over(entry[1], used, stage)
