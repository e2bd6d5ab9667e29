"""Group articles through the store as `dossier ingest` does, without extracting: JSONL rows
(`{"id", "text", "title"?, "published"?}`, e.g. `python -m ndeval inputs gva-clusters`) become bare
records, `Store.add` stores and groups them, and the dossiers are written as JSON lines for
`python -m ndeval score gva-clusters`. Prints the seconds `add` took on standard error.

    python scripts/group_through_store.py gva-clusters.jsonl /tmp/g.db /tmp/g.out
"""
import json
import sys
import time

from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store


def main(source: str, db: str, out: str) -> None:
    records = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            records.append(ArticleRecord(article=Article(
                id=row["id"], source=f"{source}#{row['id']}", text=row["text"], title=row.get("title"),
                published=row.get("published"), input_format="jsonl")))
    started = time.perf_counter()
    with Store(db) as store:
        store.add(records)
        print(f"add: {time.perf_counter() - started:.1f} s for {len(records)} articles", file=sys.stderr)
        with open(out, "w", encoding="utf-8") as f:
            for dossier in store.dossiers():
                f.write(json.dumps(dossier.to_json()) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
