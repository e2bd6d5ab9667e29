"""The one reader of claim, denial, accusation and attribution verbs, and the two stages that read
it: the statements stage types the statement, the incidents stage links the party."""
from __future__ import annotations

import dataclasses

import pytest

from newsdossier.extract import responsibility_verbs
from newsdossier.extract.incidents.responsibility import responsibility
from newsdossier.extract.statements import extract_statements

TEXT = ("A bomb hidden in a delivery van exploded outside the tax office in Pellam on Monday, "
        "wounding six clerks.\n\n"
        "The Grey Lantern Brigade claimed responsibility for the bombing in a message to a local radio station.\n\n"
        "The interior minister blamed the attack on the Ostrava Legion, which denied any involvement.\n\n"
        "Responsibility for an earlier blast was claimed by the Harbour Cell.\n\n"
        "No group has claimed responsibility for the fire at the depot.")


@pytest.mark.model
def test_reader_gives_speaker_party_and_content(analyzed):
    doc = analyzed(TEXT).doc
    readings = {}
    for r in responsibility_verbs.read(doc):
        readings.setdefault((r.kind, r.verb.text), r)
    claim = readings[("claim", "claimed")]
    assert claim.speaker.text == "Brigade" and claim.party is claim.speaker
    assert [t.text for t in claim.content][:4] == ["responsibility", "for", "the", "bombing"]
    accuse = readings[("accuse", "blamed")]
    assert accuse.speaker.text == "minister" and accuse.party.text == "Legion"
    deny = readings[("deny", "denied")]
    # "which denied": the relative pronoun stands for the Legion
    assert deny.speaker.text == "Legion" and deny.obj.text == "involvement"
    # The passive claim's claimant is the agent, not "Responsibility".
    passive = [r for r in responsibility_verbs.read(doc) if r.kind == "claim" and r.passive]
    assert passive and passive[0].speaker.text == "Cell"
    # "No group has claimed": nobody claims it.
    nobody = [r for r in responsibility_verbs.read(doc) if r.kind == "claim" and r.verb.sent.text.startswith("No group")]
    assert nobody and nobody[0].speaker is None


@pytest.mark.model
def test_statements_and_incidents_read_the_same_verbs(analyzed):
    ctx = analyzed(TEXT)
    statements = extract_statements(ctx)
    types = {s.cue.text: s.type for s in statements if s.cue is not None}
    assert types.get("claimed") == "claim_of_responsibility"
    assert types.get("blamed") == "accusation"
    assert types.get("denied") == "denial"
    ctx = dataclasses.replace(ctx, statements=statements)
    found = {(r.how, r.party.text) for r in responsibility(ctx, 0, len(ctx.text), ctx.entities.resolve)}
    assert ("claimed", "The Grey Lantern Brigade") in found
    assert ("accused", "the Ostrava Legion") in found
    assert ("denied", "the Ostrava Legion") in found
    assert not any("group" in party.lower() for _, party in found)
