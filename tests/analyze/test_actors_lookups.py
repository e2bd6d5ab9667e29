"""The actor builder's lookups (a bytearray of taken characters, names indexed by their words,
sentences and people found by bisection) give what scanning everything gave, so an article
naming one person a thousand times, or a thousand people, stays linear."""
import pytest
import spacy
from hypothesis import given, strategies as st

from newsdossier.analyze import index
from newsdossier.analyze.actors import _Builder, _latest_person

NLP = spacy.blank("en")
FIRST = ["Dana", "Ivo", "Mira", "Lind", "Rooke"]


def _reference_person_key(actors, name):
    """The scan the index replaced: the first person actor whose words match (renaming it to a
    longer name), in table order."""
    words = name.lower().split()
    for actor in actors:
        if actor["type"] != "person":
            continue
        known = actor["name"].lower().split()
        if words == known or (len(words) == 1 and words[0] == known[-1]) or \
                (len(known) == 1 and known[0] == words[-1]):
            if len(words) > len(known):
                actor["name"] = name
            return actor["key"]
    return "person:" + " ".join(words)


@given(st.lists(st.tuples(st.lists(st.sampled_from(FIRST), min_size=1, max_size=3).map(" ".join),
                          st.sampled_from(["person", "organization"])), max_size=30))
def test_actors_person_key_is_what_a_scan_of_every_actor_gives(names):
    builder = _Builder(NLP("x " * 50))
    reference: list[dict] = []
    for k, (name, type_) in enumerate(names):
        if type_ == "person":
            key = builder.person_key(name)
            assert key == _reference_person_key(reference, name)
        else:
            key = "organization:" + name.lower()
        if key not in {a["key"] for a in reference}:
            reference.append({"key": key, "name": name, "type": type_})
        builder.add(key, name, type_, k, k + 1, "name")
    assert [(a.key, a.name) for a in builder.table.actors] == [(a["key"], a["name"]) for a in reference]


@given(st.lists(st.tuples(st.integers(0, 90), st.integers(0, 12)), max_size=25),
       st.integers(0, 100), st.integers(0, 12))
def test_actors_overlap_is_what_a_scan_of_taken_spans_gives(taken, start, width):
    builder = _Builder(NLP("x" * 100))
    spans = [(s, s + w) for s, w in taken if w > 0]
    for s, e in spans:
        builder.take(s, e)
    end = start + width
    if end > start:
        assert builder.overlaps(start, end) == any(s < end and start < e for s, e in spans)


def _reference_latest_person(persons, doc, before, max_distance):
    sent_of = doc[before].sent.start
    candidates = [(i, a, subj) for i, a, subj in persons if i < before]
    if not candidates:
        return None
    sents = [s.start for s in doc.sents if s.start <= sent_of]
    window_start = sents[-1 - max_distance] if len(sents) > max_distance else 0
    candidates = [c for c in candidates if c[0] >= window_start]
    if not candidates:
        return None
    last_sent = max(doc[i].sent.start for i, _, _ in candidates)
    in_last = [c for c in candidates if doc[c[0]].sent.start == last_sent]
    subjects = [c for c in in_last if c[2]]
    return (subjects or in_last)[-1][1]


@given(st.integers(20, 80), st.sets(st.integers(1, 79), max_size=12),
       st.lists(st.tuples(st.integers(0, 79), st.booleans()), max_size=15), st.integers(0, 3))
def test_actors_latest_person_is_what_a_scan_of_every_sentence_gives(n, breaks, persons, distance):
    from spacy.tokens import Doc

    doc = Doc(NLP.vocab, words=["w"] * n, sent_starts=[i == 0 or i in breaks for i in range(n)])
    builder = _Builder(doc)
    builder.persons_in_order = sorted(((i, f"actor{k}", subj) for k, (i, subj) in enumerate(persons) if i < n),
                                      key=lambda x: x[0])
    for before in range(n):
        assert _latest_person(builder, index.sentence_starts(doc), before, distance) == \
            _reference_latest_person(builder.persons_in_order, doc, before, distance)


@pytest.mark.model
def test_actors_one_name_repeated_is_one_actor_with_every_mention(analyzed):
    text = "Dana Rooke said the road was closed. Rooke added that she had seen it. She left.\n" * 40
    ctx = analyzed(text)
    [rooke] = [e for e in ctx.entities.entities if e.name == "Dana Rooke"]
    kinds = [m.kind for m in rooke.mentions]
    # 40 full names and 40 "Rooke" alone, which the NER leaves untagged and the surname pass joins
    assert kinds.count("name") == 80 and kinds.count("pronoun") == 80
