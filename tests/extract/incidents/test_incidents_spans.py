"""Filler span hygiene: leading conjunctions trimmed, nameless spans dropped, re-descriptions counted once."""
import pytest

from newsdossier.extract.incidents.roles.crf import TaggedSpan
from newsdossier.extract.incidents.roles.grouping import Candidate
from newsdossier.extract.incidents.roles.names import drop_redescriptions, tidy_spans


def _span(doc, first: int, last: int, role: str = "PerpInd") -> TaggedSpan:
    return TaggedSpan(role=role, start=first, end=last + 1, char_start=doc[first].idx,
                      char_end=doc[last].idx + len(doc[last].text), confidence=0.9, sentence=0)


@pytest.mark.model
def test_incidents_spans_trim_leading_conjunction(analyzed):
    doc = analyzed("Police blamed bandits and cattle thieves for the raid on Verlo.").doc
    words = [t.text for t in doc]
    i = words.index("and")
    kept = tidy_spans(doc, [_span(doc, i, i + 2)])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["cattle thieves"]


@pytest.mark.model
def test_incidents_spans_drop_pronouns_and_clauses(analyzed):
    doc = analyzed("The men who wore masks shot him near the Tarvel depot.").doc
    words = [t.text for t in doc]
    who, him = words.index("who"), words.index("him")
    men = words.index("men")
    kept = tidy_spans(doc, [_span(doc, who, who + 2), _span(doc, him, him, "Victim"), _span(doc, 0, men)])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["The men"]


@pytest.mark.model
def test_incidents_spans_drop_span_cut_mid_phrase(analyzed):
    doc = analyzed("Rebels blamed for the murder of a judge fled to Tarvel.").doc
    words = [t.text for t in doc]
    m = words.index("murder")
    assert tidy_spans(doc, [_span(doc, m - 1, m + 1, "Target")]) == []


def test_incidents_spans_shorter_name_kept():
    text = "the bomb . a medium-sized bomb . the embassy . the embassy guards . two guards"
    at = {w: text.index(w) for w in ("the bomb", "a medium-sized bomb", "the embassy .", "the embassy guards",
                                      "two guards")}

    def cand(role, phrase, key=None):
        s = at[key or phrase]
        return Candidate(role=role, mentions=[(s, s + len(phrase))], confidence=0.9, votes={role: 0.9})

    kept = drop_redescriptions(text, [cand("Weapon", "the bomb"), cand("Weapon", "a medium-sized bomb"),
                                      cand("Target", "the embassy", "the embassy ."),
                                      cand("Victim", "the embassy guards"), cand("Victim", "two guards")])
    names = [(c.role, text[c.mentions[0][0]:c.mentions[0][1]]) for c in kept]
    # Weapons and targets: the longer re-description goes; people are never merged this way.
    assert names == [("Weapon", "the bomb"), ("Target", "the embassy"), ("Victim", "the embassy guards"),
                     ("Victim", "two guards")]


@pytest.mark.model
def test_incidents_spans_claiming_party_must_name_a_group(analyzed):
    from newsdossier.extract.incidents import _is_organisation
    from newsdossier.records import Party

    text = ("No group has claimed the blast. Later the same group that bombed the depot called a radio station. "
            "The Verlo Liberation Front claimed the attack.")
    ctx = analyzed(text)

    def party(phrase):
        s = text.index(phrase)
        return Party(text=phrase, start=s, end=s + len(phrase))

    assert not _is_organisation(ctx, party("No group"))
    assert not _is_organisation(ctx, party("the same group that"))
    assert _is_organisation(ctx, party("The Verlo Liberation Front"))


@pytest.mark.model
def test_incidents_spans_target_loses_nationality(analyzed):
    doc = analyzed("A bomb went off outside the Peruvian embassy in Tarvel, and the Peruvian ambassador was unhurt.").doc
    words = [t.text for t in doc]
    p = words.index("Peruvian")
    kept = tidy_spans(doc, [_span(doc, p, p + 1, "Target")])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["embassy"]
    # A victim keeps the words that tell who they are.
    q = len(words) - 1 - words[::-1].index("Peruvian")
    kept = tidy_spans(doc, [_span(doc, q, q + 1, "Victim")])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["Peruvian ambassador"]


@pytest.mark.model
def test_incidents_spans_vague_quantifier_dropped_count_kept(analyzed):
    doc = analyzed("Several armed men and some 40 students were seen near the Tarvel depot.").doc
    words = [t.text for t in doc]
    a, b = words.index("Several"), words.index("some")
    kept = tidy_spans(doc, [_span(doc, a, a + 2), _span(doc, b, b + 2, "Victim")])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["armed men", "some 40 students"]


@pytest.mark.model
def test_incidents_spans_person_named_in_full(analyzed):
    from newsdossier.extract.incidents.roles.names import full_name

    text = "Gunmen shot Dario Velkon in Tarvel on Monday. Velkon died in hospital, police said."
    ctx = analyzed(text)
    spans: set = set()
    assert full_name(ctx, "velkon", spans) == "dario velkon"
    assert spans == {(text.index("Dario"), text.index(" in Tarvel"))}
    # A name the article never gives longer stays as tagged.
    assert full_name(ctx, "tarvel", set()) == "tarvel"


@pytest.mark.model
def test_incidents_spans_target_place_cut(analyzed):
    doc = analyzed("Rebels bombed the bank offices in downtown Tarvel on Monday.").doc
    words = [t.text for t in doc]
    b, t = words.index("bank"), words.index("Tarvel")
    kept = tidy_spans(doc, [_span(doc, b - 1, t, "Target")])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["the bank offices"]


@pytest.mark.model
def test_incidents_spans_name_ends_before_relative_pronoun_and_possessive_dropped(analyzed):
    doc = analyzed("Gunmen killed reporter Ilse Varno who had written about the Tarvel people's bank.").doc
    words = [t.text for t in doc]
    i, who = words.index("Ilse"), words.index("who")
    kept = tidy_spans(doc, [_span(doc, i, who, "Victim")])
    assert [doc.text[s.char_start:s.char_end] for s in kept] == ["Ilse Varno"]
    # "the Tarvel people's" names the bank's owner, cut from the phrase the target is.
    p = words.index("people")
    assert tidy_spans(doc, [_span(doc, p - 2, p + 1, "Target")]) == []


@pytest.mark.model
def test_incidents_spans_full_name_leaves_occupation_out_keeps_rank(analyzed):
    from newsdossier.extract.incidents.roles.names import full_name

    # The tagger calls a capitalised occupation a proper noun: it still stays out of the name.
    ctx = analyzed("Journalist Ilse Varno was shot in Tarvel. Varno died later.")
    assert full_name(ctx, "ilse varno", set()) == "ilse varno"
    ctx = analyzed("Col. Oren Maddox ordered the raid on Tarvel. Maddox denied it.")
    assert full_name(ctx, "maddox", set()).endswith("oren maddox")


@pytest.mark.model
def test_incidents_spans_full_name_completed_after_the_tagged_words_and_not_by_a_date(analyzed):
    from newsdossier.extract.incidents.roles.names import full_name

    text = "Gunmen shot Ana Ruiz Ossa in Tarvel. Ana Ruiz Ossa's brother said Ana Ruiz had no enemies."
    ctx = analyzed(text)
    spans: set = set()
    assert full_name(ctx, "ana ruiz", spans) == "ana ruiz ossa"
    assert spans == {(text.index("Ana"), text.index(" in Tarvel")), (text.index("Ana Ruiz Ossa's"), text.index("'s brother"))}
    ctx = analyzed("Police said gunmen shot Dario Velkon Tuesday near the Tarvel depot.")
    assert full_name(ctx, "dario velkon", set()) == "dario velkon"


def test_incidents_spans_two_fillers_completed_to_one_name_are_one():
    from newsdossier.extract.incidents.roles.fillers import add_filler
    from newsdossier.records import Filler, Span

    text = "ana ruiz ossa was shot. ana ruiz ossa died."
    first = Filler(text="ana ruiz ossa", mentions=(Span.at(text, 0, 13),))
    second = Filler(text="Ana Ruiz Ossa", mentions=(Span.at(text, 24, 37), Span.at(text, 0, 13)))
    role: list = []
    add_filler(role, first)
    add_filler(role, second)
    assert len(role) == 1 and [m.start for m in role[0].mentions] == [0, 24]


def test_incidents_spans_filler_inside_another_is_that_one():
    from newsdossier.extract.incidents.roles.fillers import add_filler
    from newsdossier.records import Filler, Span

    text = "The blast killed at least forty people near the Sorvik market."
    outer = Filler(text="at least forty people", mentions=(Span.at(text, 17, 38),))
    inner = Filler(text="people", mentions=(Span.at(text, 32, 38),))
    for order in ((outer, inner), (inner, outer)):
        role: list = []
        for filler in order:
            add_filler(role, filler)
        assert [f.text for f in role] == ["at least forty people"]
    # side by side, not one inside the other: both kept
    market = Filler(text="the Sorvik market", mentions=(Span.at(text, 44, 61),))
    role = []
    add_filler(role, outer)
    add_filler(role, market)
    assert len(role) == 2


@pytest.mark.model
def test_incidents_spans_common_noun_filler_not_found_again_elsewhere(analyzed):
    from newsdossier.extract.incidents.roles.fillers import _names_one_thing

    text = ("Gunmen killed people at a bus stop in Halvik on Monday. Officials said people inside the town "
            "had helped them. The bus was later towed away.")
    ctx = analyzed(text)
    first = text.index("people")
    assert not _names_one_thing(ctx, first, first + len("people"))       # a bare plural: other people later
    bus = text.index("bus stop")
    assert not _names_one_thing(ctx, bus, bus + len("bus stop"))         # "a bus stop"
    the_bus = text.index("bus was")
    assert _names_one_thing(ctx, the_bus, the_bus + len("bus"))          # "The bus": the one named before
    halvik = text.index("Halvik")
    assert _names_one_thing(ctx, halvik, halvik + len("Halvik"))         # a name
