"""Writers for `dossier extract` output, registered by name: json, jsonl, markdown.

A writer takes an iterator of records and a text stream and writes as records arrive, so output
streams; `json` prints one object for one record and an array for several.
"""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..records import ArticleRecord
from .markdown import article_markdown


def write_jsonl(records: Iterable[ArticleRecord], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        out.flush()


def write_json(records: Iterable[ArticleRecord], out: TextIO) -> None:
    first = None
    count = 0
    for record in records:
        count += 1
        if count == 1:
            first = record
            continue
        if count == 2:
            out.write("[\n" + json.dumps(first.to_json(), ensure_ascii=False, indent=2))
        out.write(",\n" + json.dumps(record.to_json(), ensure_ascii=False, indent=2))
        out.flush()
    if count == 1:
        out.write(json.dumps(first.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif count > 1:
        out.write("\n]\n")
    else:
        out.write("[]\n")


def write_markdown(records: Iterable[ArticleRecord], out: TextIO) -> None:
    for n, record in enumerate(records):
        if n:
            out.write("\n---\n\n")
        out.write(article_markdown(record))
        out.flush()
