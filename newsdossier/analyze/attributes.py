"""The model's attribute ruler, matched by dictionary look-ups instead of spaCy's general Matcher.

`en_core_web_sm`'s attribute_ruler holds about 180 token patterns (a tag maps to its POS and
morphology; a few words in a given dependency get another POS or lemma). spaCy runs them through
its general-purpose Matcher, which tries every pattern's predicates at every token: on long news
it cost as much as the parser. These patterns are all of a simple kind (one or two tokens, each
an exact value, an IN or NOT_IN list or a REGEX on TAG, LOWER or DEP, or IS_SPACE; no operators),
so each one is indexed here by a value its first token must have, and a token is tried only
against the patterns indexed under its own tag, lowercase form or dependency (plus the few that
no exact value indexes). The matches are the Matcher's, sorted as the ruler sorts them, and the
ruler's own `set_annotations` applies them, so the attributes are the same.

A ruler holding any pattern of another kind is left as it is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

# Token attributes the fast matcher reads, and how.
_GETTERS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_INDEXED = ("LOWER", "TAG", "DEP")  # a first token with an exact value (or IN list) on one of these is indexed


def _predicate(key: str, value) -> Optional[Callable[[object], bool]]:
    """A test of one attribute value as the Matcher applies it; None for a kind not handled here."""
    if key == "IS_SPACE":
        return (lambda v, want=bool(value): v == want) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda v, want=value: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return lambda v, allowed=frozenset(arg): v in allowed
        if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return lambda v, refused=frozenset(arg): v not in refused
        if op == "REGEX" and isinstance(arg, str):
            return lambda v, rx=re.compile(arg): bool(rx.search(v))
    return None


def _index_keys(token_pattern: dict) -> Optional[list[tuple[str, str]]]:
    """The (attribute, value) pairs under which a first-token pattern is indexed, or None."""
    for key in _INDEXED:
        value = token_pattern.get(key)
        if isinstance(value, str):
            return [(key, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(key, v) for v in value["IN"]]
    return None


class FastMatch:
    """A drop-in for `AttributeRuler.match(doc)`: [(attr_id, match_id, start, end)], sorted."""

    def __init__(self, indexed: dict, unindexed: list, match_ids: list[int]):
        self.indexed, self.unindexed, self.match_ids = indexed, unindexed, match_ids

    @classmethod
    def build(cls, ruler) -> Optional["FastMatch"]:
        """The fast matcher for `ruler`'s patterns, or None when one is of a kind not handled."""
        indexed: dict[tuple[str, str], list] = defaultdict(list)
        unindexed: list = []
        match_ids = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_ids.append(ruler.vocab.strings.add(str(attr_id), allow_transient=False))
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2:
                    return None
                checks = []
                for offset, token_pattern in enumerate(pattern):
                    for key, value in token_pattern.items():
                        test = _predicate(key, value) if key in _GETTERS else None
                        if test is None:
                            return None
                        checks.append((offset, key, test))
                item = (attr_id, len(pattern), tuple(checks))
                keys = _index_keys(pattern[0])
                if keys is None:
                    unindexed.append(item)
                for key in keys or ():
                    indexed[key].append(item)
        return cls(dict(indexed), unindexed, match_ids)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        tag, lower, dep, space = [], [], [], []
        for t in doc:  # one Token object per token, each attribute read once
            tag.append(t.tag_)
            lower.append(t.lower_)
            dep.append(t.dep_)
            space.append(t.is_space)
        values = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": space}
        indexed, unindexed, found = self.indexed, self.unindexed, set()
        empty = ()
        for i in range(n):
            for group in (indexed.get(("LOWER", lower[i]), empty), indexed.get(("TAG", tag[i]), empty),
                          indexed.get(("DEP", dep[i]), empty), unindexed):
                for attr_id, length, checks in group:
                    if i + length > n:
                        continue
                    for offset, key, test in checks:
                        if not test(values[key][i + offset]):
                            break
                    else:
                        found.add((attr_id, i, i + length))
        return sorted((attr_id, self.match_ids[attr_id], start, end) for attr_id, start, end in found)


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Give the pipeline's attribute ruler the fast matcher when all its patterns allow it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if getattr(ruler, "_nd_fast", False):
        return True
    fast = FastMatch.build(ruler)
    if fast is None:
        return False
    ruler.match = fast  # what AttributeRuler.__call__ calls before `set_annotations`
    ruler._nd_fast = True
    return True
