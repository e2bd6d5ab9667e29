"""`EntityIndex` finds the mention overlapping a span most by bisection on the rows' reach; the
answers are those of scanning the 64 rows that start before the span's end."""
import random

from newsdossier.extract.entities import EntityIndex
from newsdossier.records import Entity, Mention


def _scan(rows, start, end):
    """The definition: of the 64 rows starting at or before `end`, the one overlapping most (the
    earliest on a tie)."""
    hi = sum(1 for r in rows if r[0] <= end)
    best, best_overlap = None, 0
    for row in rows[max(0, hi - 64):hi]:
        overlap = min(end, row[1]) - max(start, row[0])
        if overlap > best_overlap:
            best, best_overlap = row, overlap
    return best


def _index(rng, n):
    text = "x" * 3000
    entities, anonymous, seen = [], [], set()
    for k in range(n):
        start = rng.randrange(0, 2900)
        end = start + rng.choice((3, 5, 8, 40, 300))  # a few long mentions reach far
        if (start, end) in seen:  # one mention per span, as the actor table gives them
            continue
        seen.add((start, end))
        mention = Mention(start=start, end=end, text=text[start:end], kind="name")
        if rng.random() < 0.2:
            anonymous.append(mention)
        else:
            entities.append(Entity(id=f"e{k}", name="x", type="person", mentions=(mention,)))
    return EntityIndex(tuple(entities), tuple(anonymous), text=text)


def test_best_overlap_equals_the_scan():
    rng = random.Random(13)
    for n in (0, 1, 10, 200, 600):
        index = _index(rng, n)
        for _ in range(300):
            start = rng.randrange(0, 3000)
            end = start + rng.choice((1, 4, 20, 120))
            assert index._best(start, end) == _scan(index._rows, start, end)
            expected = _scan(index._rows, start, end)
            assert index.resolve(start, end) == (expected[2] if expected else None)
