"""Progress of a long ingest: a tqdm bar on standard error when it is a terminal, else a log line
every few seconds (so that logs of a batch job stay readable)."""
from __future__ import annotations

import logging
import sys
import time
from typing import Optional

log = logging.getLogger(__name__)
LOG_EVERY_S = 10.0


class Progress:
    """Counts articles stored; `update` after each committed batch."""

    def __init__(self, total: Optional[int] = None, stream=None):
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = self.last = time.monotonic()
        self.bar = None
        if getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=self.stream, desc="ingest")

    def update(self, n: int, counts: Optional[dict] = None) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            if counts:
                self.bar.set_postfix(counts, refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= LOG_EVERY_S:
            self.last = now
            rate = self.done / max(now - self.started, 1e-9)
            log.info("ingest: %d inputs stored (%.1f/s) %s", self.done, rate, counts or "")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        else:
            log.info("ingest: %d inputs stored in %.1fs", self.done, time.monotonic() - self.started)
