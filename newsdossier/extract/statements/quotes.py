"""Quotation marks paired into quoted spans, per paragraph, with multi-paragraph quotes linked.

Pairing quote marks is more reliable than a tagger for where a direct quote starts and ends, so the
statements extractor snaps direct-quote contents to these spans. Rules:

- curly marks pair as “ … ”; straight double marks toggle within a paragraph; « » pair too;
- a quote still open at the end of its paragraph continues when the next paragraph opens with a
  quote mark (the newswire convention for a quote that runs over several paragraphs); otherwise
  it is closed at the paragraph end and flagged `unclosed`;
- two apostrophes `''` (a typewriter convention some papers keep) count as a straight double mark;
- single quotes are ignored: they double as apostrophes, and news uses them for nested quotes
  and headlines, not for the statements we extract.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = ('"', "“", "”", "«", "»", "''", "``")


def is_mark(token_text: str) -> bool:
    """A token that is a double quotation mark."""
    return token_text in MARKS
_PARA = re.compile(r"[^\n]+")


@dataclass
class Quote:
    """A quoted span [start, end) including its marks; `parts` when it runs over paragraphs."""

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    unclosed: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if not self.unclosed else self.end


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotes inside one paragraph and the offset of a mark left open at its end."""
    out = []
    open_at: int | None = None
    k = start - 1
    while k + 1 < end:
        k += 1
        ch = text[k]
        if ch == "'" and text[k + 1:k + 2] == "'" and k + 1 < end:
            if open_at is None:
                open_at = k
            else:
                out.append((open_at, k + 2))
                open_at = None
            k += 1
        elif ch in OPENERS:
            # A second opener before a closer is a missing closer: restart from here.
            open_at = k
        elif ch in CLOSERS:
            if open_at is not None:
                out.append((open_at, k + 1))
                open_at = None
        elif ch == STRAIGHT:
            if open_at is None:
                if _looks_closing(text, k, start, end):
                    continue  # a stray closer (its opener is missing): opening here would pair off by one
                open_at = k
            else:
                out.append((open_at, k + 1))
                open_at = None
    return out, open_at


def _looks_closing(text: str, k: int, start: int, end: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or the paragraph end."""
    before = text[k - 1] if k > start else " "
    after = text[k + 1] if k + 1 < end else " "
    return (before.isalnum() or before in ".,!?;:") and (after.isspace() or after in ".,;:")


def find_quotes(text: str) -> list[Quote]:
    """Every quoted span of `text`, in order; quotes running over paragraphs come out as one."""
    paras = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    quotes: list[Quote] = []
    carry: Quote | None = None
    for idx, (ps, pe) in enumerate(paras):
        body_start = ps
        while body_start < pe and text[body_start].isspace():
            body_start += 1
        closed, open_at = _paragraph_quotes(text, ps, pe)
        if carry is not None:
            # The continued quote re-opens with this paragraph's first mark.
            if closed and closed[0][0] == body_start:
                first = closed.pop(0)
                carry.parts.append(first)
                carry.end = first[1]
                quotes.append(carry)
                carry = None
            elif open_at == body_start and not closed:
                carry.parts.append((open_at, pe))
                carry.end = pe
                open_at = None
                if not _continues(text, paras, idx):
                    carry.unclosed = True
                    quotes.append(carry)
                    carry = None
            else:
                quotes.append(carry)
                carry = None
        for s, e in closed:
            quotes.append(Quote(s, e, [(s, e)]))
        if open_at is not None:
            q = Quote(open_at, pe, [(open_at, pe)])
            if _continues(text, paras, idx):
                carry = q
            else:
                q.unclosed = True
                quotes.append(q)
    if carry is not None:
        carry.unclosed = True
        quotes.append(carry)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _continues(text: str, paras: list[tuple[int, int]], idx: int) -> bool:
    if idx + 1 >= len(paras):
        return False
    s, e = paras[idx + 1]
    body = text[s:e].lstrip()
    return bool(body) and (body[0] in OPENERS or body[0] == STRAIGHT or body.startswith("''"))
