"""A stand-in for `pipeline.extract` in store tests: JSONL rows to bare ArticleRecords, slowly when
asked (so that a test can kill an ingest half-way), and a Failure for a row without text."""
from __future__ import annotations

import json
import time

from newsdossier.records import Article, ArticleRecord, Failure


def slow_extract(delay: float = 0.0):
    def extract(inputs, settings):
        for path in inputs:
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    row = json.loads(line)
                    if delay:
                        time.sleep(delay)
                    source = f"{path}#{n}"
                    if not row.get("text"):
                        yield Failure(source=source, reason="no article text")
                        continue
                    yield ArticleRecord(article=Article(
                        id=row["id"], source=source, text=row["text"], url=row.get("url"),
                        published=row.get("published"), input_format="jsonl"))
    return extract
