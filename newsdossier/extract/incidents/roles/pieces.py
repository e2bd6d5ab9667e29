"""Word pieces with their character offsets, and windows of them, for the fine-tuned role tagger.

The training data (`newsdossier.train.roles_tagger`) and extraction (`roles/tagger.py`) cut text the
same way, here: BERT's uncased basic tokenizer (`reconcile/embed.WordPiece`: lower-case, strip
accents, split punctuation), then WordPiece, each piece keeping the characters it came from so a
tagged piece maps back onto the article's text.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable, NamedTuple

WINDOW = 200  # pieces in one encoder window (without [CLS] and [SEP]); sentences are packed up to it


class Piece(NamedTuple):
    id: int
    start: int
    end: int


def _chars(text: str, offset: int):
    """(normalised character, its offset in the text) the way the basic tokenizer sees them."""
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFD", ch.lower()):
            cat = unicodedata.category(c)
            if cat == "Mn" or c == "\ufffd" or (cat.startswith("C") and c not in "\t\n\r"):
                continue
            yield c, offset + i


def words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(word, start, end) as BERT's basic tokenizer splits `text`; offsets count from `offset`."""
    out, word, start, last = [], [], 0, 0
    for c, i in _chars(text, offset):
        if c.isspace():
            if word:
                out.append(("".join(word), start, last + 1))
                word = []
        elif unicodedata.category(c).startswith("P") or (c.isascii() and not c.isalnum()):
            if word:
                out.append(("".join(word), start, last + 1))
                word = []
            out.append((c, i, i + 1))
        else:
            if not word:
                start = i
            word.append(c)
            last = i
    if word:
        out.append(("".join(word), start, last + 1))
    return out


def pieces(wordpiece, text: str, offset: int = 0) -> list[Piece]:
    """Word pieces of `text` with character offsets (`wordpiece`: an `embed.WordPiece`). A word that
    splits into several pieces gives each piece the word's whole range: the tagger labels pieces and a
    span runs from its first piece's start to its last piece's end."""
    out = []
    for w, s, e in words(text, offset):
        out.extend(Piece(i, s, e) for i in wordpiece._pieces(w))
    return out


def windows(groups: Iterable[list[Piece]], size: int = WINDOW) -> list[list[Piece]]:
    """Consecutive groups (sentences) packed into windows of at most `size` pieces; a group longer
    than a window is cut into several."""
    out: list[list[Piece]] = []
    cur: list[Piece] = []
    for g in groups:
        if cur and len(cur) + len(g) > size:
            out.append(cur)
            cur = []
        while len(g) > size:
            out.append(g[:size])
            g = g[size:]
        cur = cur + g
    if cur:
        out.append(cur)
    return out
